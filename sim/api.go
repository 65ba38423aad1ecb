package sim

import (
	"strconv"
	"strings"

	"pagingplayground/internal/json"
)

// Diagnostic is a problem in a scenario, at a 1-based line and column (in
// characters, not bytes). EndCol, when > Col, marks the end of the span.
// An error stops the scenario from running; a warning (input the contract
// ignores, such as a misspelt parameter) does not.
type Diagnostic struct {
	Line, Col, EndCol int
	Message           string
	Severity          Severity // SeverityError when zero
}

// Severity says whether a diagnostic stops the run.
type Severity uint8

const (
	SeverityError   Severity = iota // the scenario does not run
	SeverityWarning                 // it runs; the input is probably not what was meant
)

func (s Severity) String() string {
	if s == SeverityWarning {
		return "warning"
	}
	return "error"
}

// Fix is the text the message suggests in place of the span ("did you mean
// `cursor`?"), or "" when it suggests none: the editor offers it as a
// one-click fix. Every suggestion the parser and the validator make is
// written by didYouMean, so this reads it back in one place.
func (d Diagnostic) Fix() string {
	if d.EndCol <= d.Col {
		return ""
	}
	if _, rest, ok := strings.Cut(d.Message, didYouMeanPrefix); ok {
		if fix, _, ok := strings.Cut(rest, "`?"); ok {
			return fix
		}
	}
	return ""
}

const didYouMeanPrefix = "; did you mean `"

// didYouMean is the suffix of a message that suggests s.
func didYouMean(s string) string { return didYouMeanPrefix + s + "`?" }

func (d Diagnostic) String() string {
	s := "line " + strconv.Itoa(d.Line) + ", col " + strconv.Itoa(d.Col) + ": "
	if d.Severity == SeverityWarning {
		s += "warning: "
	}
	return s + d.Message
}

// ParseError is a malformed scenario: every problem found, in source order.
type ParseError struct {
	Diags   []Diagnostic
	Omitted int // problems left out of Diags (maxDiagnostics); its last diagnostic says how many
}

func (e *ParseError) Error() string {
	if len(e.Diags) == 0 {
		return "malformed scenario"
	}
	s := e.Diags[0].String()
	if n := len(e.Diags) - 1 + e.Omitted; n > 0 {
		s += " (and " + strconv.Itoa(n) + " more)"
	}
	return s
}

// RunText parses, validates and runs a scenario. A malformed scenario is a
// *ParseError with every problem at once; a refused request is not an
// error, it is in the trace. The trace's Warnings are the input the
// contract ignores.
func RunText(text string) (*Trace, error) {
	s, err := parseChecked(text)
	if err != nil {
		return nil, err
	}
	t, err := Run(s)
	if t != nil {
		t.Warnings = warnings(s, text)
	}
	return t, err
}

// parseChecked parses a scenario and, when the syntax has problems, checks
// the setup that did parse too (an unknown profile, a misspelt option), so
// that one look shows every problem instead of one round per kind.
func parseChecked(text string) (*Scenario, error) {
	p := newParser(text)
	p.parse()
	if p.diags.len() == 0 {
		return p.s, nil
	}
	var v validator
	v.setup(&p.s.Setup)
	p.diags.merge(&v.diags)
	return nil, p.diags.err()
}

// Check parses and validates a scenario as the user types: its errors, or
// when there are none its warnings; nil means it runs as meant.
func Check(text string) []Diagnostic {
	s, err := parseChecked(text)
	if err == nil {
		err = s.Validate()
	}
	if pe, ok := err.(*ParseError); ok {
		return pe.Diags
	}
	if err != nil {
		return []Diagnostic{{Line: 1, Col: 1, Message: err.Error()}}
	}
	return warnings(s, text)
}

// DiagnosticsJSON encodes diagnostics as
// [{"line":4,"col":18,"endCol":21,"severity":"error","message":"...","fix":"..."}]
// ("fix" only when there is one); severity is "error" or "warning".
func DiagnosticsJSON(diags []Diagnostic) []byte {
	w := &json.Writer{}
	w.Open('[')
	for _, d := range diags {
		w.Open('{')
		w.Key("line")
		w.Int(int64(d.Line))
		w.Key("col")
		w.Int(int64(d.Col))
		w.Key("endCol")
		w.Int(int64(d.EndCol))
		w.Key("severity")
		w.Str(d.Severity.String())
		w.Key("message")
		w.Str(d.Message)
		if fix := d.Fix(); fix != "" {
			w.Key("fix")
			w.Str(fix)
		}
		w.Close('}')
	}
	w.Close(']')
	return w.B
}

// ProfilesJSON encodes the profile list for the front end:
// [{"name","vendor","summary","source","url" (when known),"first","options":[{"name","default","help","min","max","enum"}],"rules":[{"text","source","interpretation"}]}].
func ProfilesJSON() []byte {
	w := &json.Writer{}
	w.Open('[')
	for _, p := range Profiles() {
		w.Open('{')
		w.Key("name")
		w.Str(p.Name)
		w.Key("vendor")
		w.Str(p.Vendor)
		w.Key("summary")
		w.Str(p.Summary)
		w.Key("source")
		w.Str(p.Source)
		if p.URL != "" {
			w.Key("url")
			w.Str(p.URL)
		}
		w.Key("first")
		w.Str(p.First)
		writeOptions(w, p.Options)
		w.Key("rules")
		writeRules(w, p.Rules)
		w.Close('}')
	}
	w.Close(']')
	return w.B
}

// SetRules gives each profile named in profilesJSON the rules listed for it
// there (start.json's profile list, as ProfilesJSON writes it:
// [{"name","rules":[{"text","source","interpretation"}]}]), so that every
// trace of that profile carries them. The WASM carries none of the
// catalogue's rule text (profiletext.go): the page hands start.json's to it
// once, when its worker starts, and the WASM's traces then say what
// `pagesim run -json` says. Text that is not such a list changes nothing.
func SetRules(profilesJSON string) {
	v, _ := json.Parse(profilesJSON)
	for _, it := range v.Items {
		name, _ := it.Get("name")
		rs, _ := it.Get("rules")
		p, ok := LookupProfile(name.Str)
		if !ok || rs.Kind != json.Array {
			continue
		}
		p.Rules = nil
		for _, r := range rs.Items {
			text, _ := r.Get("text")
			src, _ := r.Get("source")
			in, _ := r.Get("interpretation")
			p.Rules = append(p.Rules, RuleNote{Text: text.Str, Source: src.Str, Interpretation: in.Bool})
		}
	}
}

// writeOptions writes a profile's options as "options":[{"name","default",
// "help", then "enum":[…] or "min","max"}], for the profile list and the
// editor's language tables alike.
func writeOptions(w *json.Writer, opts []OptionSpec) {
	w.Key("options")
	w.Open('[')
	for _, o := range opts {
		w.Open('{')
		w.Key("name")
		w.Str(o.Name)
		w.Key("default")
		w.Str(o.Default)
		w.Key("help")
		w.Str(o.Help)
		if len(o.Enum) > 0 {
			w.Key("enum")
			w.Open('[')
			for _, e := range o.Enum {
				w.Str(e)
			}
			w.Close(']')
		} else {
			w.Key("min")
			w.Int(o.Min)
			w.Key("max")
			w.Int(o.Max)
		}
		w.Close('}')
	}
	w.Close(']')
}

func writeRules(w *json.Writer, rules []RuleNote) {
	w.Open('[')
	for _, r := range rules {
		w.Open('{')
		w.Key("text")
		w.Str(r.Text)
		w.Key("source")
		w.Str(r.Source)
		w.Key("interpretation")
		w.Bool(r.Interpretation)
		w.Close('}')
	}
	w.Close(']')
}
