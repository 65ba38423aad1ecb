// Command wasm is the browser build of the simulator: a thin adapter that
// exposes package sim to JavaScript as one global object, globalThis.pagesim,
// with run, rows, step, export, check, compare and lesson, liveStart,
// liveRequest and liveReport for the client pane (sim.Live), and setRules.
// The presets and the profiles' rules cards are not in it: the page and the
// element read them from the build's start.json (web/build writes it
// natively), and the worker hands the rules to setRules as it starts.
// Every call takes text and returns a JSON string; a failure is a JSON object {"error": "...",
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
	runText = sim.RunText
	check   = sim.Check
	parse   = sim.Parse
	compare = sim.Compare
	lesson  = sim.CheckChallenge
)

// headRows is how many step rows a run hands the page with its compact
// head: the first screen of the step table. The page asks for any other
// rows with rows(text, from, to) as they scroll into view, and for a
// response body with step(text, i) when it is opened.
const headRows = 60

// maxRowsPerCall bounds one rows() answer.
const maxRowsPerCall = 1000

// The views of the last few scenarios run, newest first. Several embeds share
// one worker, and the page reads a shown trace lazily, so every call names
// its scenario; a scenario not among these is run again (runs are
// deterministic: it is the very trace the page shows).
var views []cached

type cached struct {
	text string
	view *sim.View
}

const keepViews = 3

// viewFor runs text, or finds its view among the last few; nil and an error
// object when it does not run.
func viewFor(text string) (*sim.View, []byte) {
	for i, c := range views {
		if c.text == text {
			copy(views[1:i+1], views[:i])
			views[0] = c
			return c.view, nil
		}
	}
	if text == liveKey && live != nil { // a report pushed out by runs since
		v := sim.NewView(live.Report())
		remember(text, v)
		return v, nil
	}
	t, err := runText(text)
	if err != nil {
		return nil, errorJSON(err)
	}
	v := sim.NewView(t)
	remember(text, v)
	return v, nil
}

// remember puts a view first among the last few.
func remember(text string, v *sim.View) {
	if len(views) < keepViews {
		views = append(views, cached{})
	}
	copy(views[1:], views)
	views[0] = cached{text, v}
}

// runJSON runs a scenario: the trace's compact head with its first rows (see
// sim.View.HeadJSON), or an error object with the scenario's diagnostics.
func runJSON(text string) []byte {
	v, errObj := viewFor(text)
	if v == nil {
		return errObj
	}
	return v.HeadJSON(headRows)
}

// rowsJSON is steps [from, to) of the scenario's trace, without bodies.
func rowsJSON(text string, from, to int) []byte {
	v, errObj := viewFor(text)
	if v == nil {
		return errObj
	}
	if to-from > maxRowsPerCall {
		to = from + maxRowsPerCall
	}
	return v.RowsJSON(from, to)
}

// stepJSON is step i of the scenario's trace in full, response body included.
func stepJSON(text string, i int) []byte {
	v, errObj := viewFor(text)
	if v == nil {
		return errObj
	}
	if b := v.T.StepJSON(i); b != nil {
		return b
	}
	return errorMessage("no step " + strconv.Itoa(i) + " in this run")
}

// exportTrace writes the scenario's complete trace as "json" (every body
// included, as `pagesim run -json` writes it) or "csv", handing it to emit in
// chunks of about a megabyte; the answer is {"ok":true} or an error object.
func exportTrace(text, format string, emit func([]byte)) []byte {
	v, errObj := viewFor(text)
	if v == nil {
		return errObj
	}
	switch format {
	case "json":
		v.T.WriteJSON(emit)
	case "csv":
		v.T.WriteCSV(emit)
	default:
		return errorMessage("no export format " + strconv.Quote(format))
	}
	return []byte(`{"ok":true}`)
}

// setRules hands the simulator the profiles' rules cards from start.json's
// profile list (sim.SetRules), which the WASM does not carry: the worker
// calls it once as it starts, before any run, and every trace made after it
// (run, compare, export, embeds, lessons) carries its profile's rules, as
// `pagesim run -json` does. The views kept from before it are dropped.
func setRules(profilesJSON string) []byte {
	sim.SetRules(profilesJSON)
	views = nil
	return []byte(`{"ok":true}`)
}

// checkJSON checks a scenario as the user types: an array of diagnostics,
// empty when the scenario runs.
func checkJSON(text string) []byte {
	return sim.DiagnosticsJSON(check(text))
}

// lessonJSON checks a scenario against a challenge's kept lines and
// expectations, one a line (the preset's keep and expect, which the page
// has from start.json): [{"text","met","why"}] ([] with neither), or an
// error object with the scenario's diagnostics.
func lessonJSON(text, keep, expect string) []byte {
	cs, err := lesson(lines(keep), lines(expect), text)
	if err != nil {
		return errorJSON(err)
	}
	return sim.LessonChecksJSON(cs)
}

// compareJSON runs a scenario once per profile: a JSON array of compact
// heads (no rows) in the order of names.
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
		b = append(b, sim.NewView(t).HeadJSON(0)...)
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
// judged as it left them (sim.Live.Report), as a compact head; rows and
// step then read it under liveKey.
func liveReportJSON() []byte {
	if live == nil {
		return errorMessage("no live session: start one first")
	}
	v := sim.NewView(live.Report())
	remember(liveKey, v)
	return v.HeadJSON(headRows)
}

// liveKey is the name under which rows and step read the live session's
// last report (the page's LIVE).
const liveKey = "\x00live"

// lines splits text into its non-empty lines.
func lines(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool { return r == '\n' })
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
