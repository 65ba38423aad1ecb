// Command wasm is the browser build of the simulator: a thin adapter that
// exposes package sim to JavaScript as one global object, globalThis.pagesim,
// with run, check, step, compare, lesson, profiles and presets, and
// liveStart, liveRequest and liveReport for the client pane (sim.Live). Every call takes text and
// returns a JSON string; a failure is a JSON object {"error": "...",
// "diagnostics": [...]}, never a thrown exception, and a Go panic is recovered
// into such an object (an unrecovered panic would kill the page's WASM).
//
// No paging logic lives here. Build with
//
//	GOOS=js GOARCH=wasm go build -trimpath -ldflags="-s -w" -o pagesim.wasm ./wasm
//
// The adapter must stay small: it imports no fmt, encoding/json or net/url
// (each would cost 40–116 KB brotli of the 650 KB budget); see size_test.go.
package main

import (
	"strconv"
	"strings"

	"pagingplayground/sim"
)

// The simulator entry points, as variables so that tests can make them panic.
var (
	runText  = sim.RunText
	check    = sim.Check
	parse    = sim.Parse
	compare  = sim.Compare
	profiles = sim.ProfilesJSON
	presets  = sim.PresetsJSON
	lesson   = sim.CheckLesson
)

// maxItems is how many records the response bodies a trace carries to the
// page may hold in all: a walk over a million records returns a million items,
// and the page shows a body only when a step is opened, asking for the others
// with step(i).
const maxItems = 2000

// last is the trace of the last run, kept for step(i).
var last *sim.Trace

// runJSON runs a scenario: the trace as JSON (response bodies of the
// first requests, up to maxItems records), or an error object with the scenario's diagnostics.
func runJSON(text string) []byte {
	t, err := runText(text)
	if err != nil {
		return errorJSON(err)
	}
	last = t
	return t.EncodeJSON(maxItems)
}

// stepJSON is step i of the last run in full, response body included.
func stepJSON(i int) []byte {
	if last == nil {
		return errorMessage("no run yet")
	}
	if b := last.StepJSON(i); b != nil {
		return b
	}
	return errorMessage("no step " + strconv.Itoa(i) + " in the last run")
}

// checkJSON checks a scenario as the user types: an array of diagnostics,
// empty when the scenario runs.
func checkJSON(text string) []byte {
	return sim.DiagnosticsJSON(check(text))
}

// lessonJSON checks a scenario against a challenge's invariants and
// expectations: [{"text","met","why"}] ([] for a lesson that is no
// challenge), or an error object with the scenario's diagnostics.
func lessonJSON(name, text string) []byte {
	cs, err := lesson(name, text)
	if err != nil {
		return errorJSON(err)
	}
	return sim.LessonChecksJSON(cs)
}

// compareJSON runs a scenario once per profile: a JSON array of traces in the
// order of names.
func compareJSON(text string, names []string) []byte {
	if len(names) == 0 {
		return errorMessage("compare needs at least one profile name")
	}
	s, err := parse(text)
	if err != nil {
		return errorJSON(err)
	}
	traces, err := compare(s, names)
	if err != nil {
		return errorJSON(err)
	}
	b := []byte{'['}
	for i, t := range traces {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, t.EncodeJSON(maxItems)...)
	}
	return append(b, ']')
}

// live is the session of the page's client pane: user code's fetch calls,
// answered one at a time (sim.Live). One at a time: a new start replaces it.
var live *sim.Live

// liveStartJSON starts a live session on a scenario: {"profile": name}, or
// an error object with the scenario's diagnostics.
func liveStartJSON(text string) []byte {
	s, err := parse(text)
	if err != nil {
		return errorJSON(err)
	}
	l, err := sim.NewLive(s)
	if err != nil {
		return errorJSON(err)
	}
	live = l
	return append(appendString([]byte(`{"profile":`), l.Report().Profile), '}')
}

// liveRequestJSON answers one request of the live session:
// {"status", "headers": [[name, value]], "body": text, "step"}, or an error
// object (no session, its limits, a target that cannot be read). headers
// are "Name: value" lines; X-Pagesim-Client among them names the client.
func liveRequestJSON(method, target, headers, body string) []byte {
	if live == nil {
		return errorMessage("no live session: start one first")
	}
	var hs []sim.Header
	for _, line := range strings.Split(headers, "\n") {
		name, value, ok := strings.Cut(line, ":")
		if ok && strings.TrimSpace(name) != "" {
			hs = append(hs, sim.Header{Name: strings.TrimSpace(name), Value: strings.TrimSpace(value)})
		}
	}
	r, err := live.Request(method, target, hs, body)
	if err != nil {
		return errorMessage(err.Error())
	}
	b := append([]byte(`{"status":`), strconv.Itoa(r.Status)...)
	b = append(b, `,"headers":[`...)
	for i, h := range r.Header {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(appendString(append(appendString(append(b, '['), h.Name), ','), h.Value), ']')
	}
	b = append(b, `],"body":`...)
	b = appendString(b, string(r.Body))
	b = append(b, `,"step":`...)
	b = append(b, strconv.Itoa(r.Step)...)
	return append(b, '}')
}

// liveReportJSON is the live session's trace so far, each client's walks
// judged as it left them (sim.Live.Report); step(i) then reads it.
func liveReportJSON() []byte {
	if live == nil {
		return errorMessage("no live session: start one first")
	}
	last = live.Report()
	return last.EncodeJSON(maxItems)
}

// splitNames reads a profile list written "a, b c": names separated by commas
// or spaces.
func splitNames(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' })
}

// errorJSON is {"error": err, "diagnostics": [...]}: the scenario's problems
// with line and column when err is a *sim.ParseError, else an empty list.
func errorJSON(err error) []byte {
	b := append([]byte(`{"error":`), appendString(nil, err.Error())...)
	b = append(b, `,"diagnostics":`...)
	if pe, ok := err.(*sim.ParseError); ok {
		b = append(b, sim.DiagnosticsJSON(pe.Diags)...)
	} else {
		b = append(b, '[', ']')
	}
	return append(b, '}')
}

func errorMessage(msg string) []byte {
	b := append([]byte(`{"error":`), appendString(nil, msg)...)
	return append(b, `,"diagnostics":[]}`...)
}

// guard calls f and turns a panic into an error object, so that a bug in
// the simulator shows as a message instead of a dead page.
func guard(f func() []byte) (out []byte) {
	defer func() {
		if r := recover(); r != nil {
			out = errorMessage("internal error (please report it with the scenario): " + describe(r))
		}
	}()
	return f()
}

// describe says what a recovered panic value was, without fmt.
func describe(r any) string {
	switch v := r.(type) {
	case error:
		return v.Error()
	case string:
		return v
	case int:
		return strconv.Itoa(v)
	}
	return "panic"
}

const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string (RFC 8259), escaping control
// characters, quotes and backslashes; invalid UTF-8 becomes U+FFFD.
func appendString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	for _, r := range s { // range yields U+FFFD for invalid UTF-8
		switch {
		case r == '"' || r == '\\':
			dst = append(dst, '\\', byte(r))
		case r == '\n':
			dst = append(dst, '\\', 'n')
		case r < 0x20 || r == '<' || r == '>' || r == '&':
			dst = append(dst, '\\', 'u', '0', '0', hexDigits[r>>4], hexDigits[r&0xf])
		case r == '\u2028' || r == '\u2029':
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
		default:
			dst = append(dst, string(r)...)
		}
	}
	return append(dst, '"')
}
