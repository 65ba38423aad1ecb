package sim

import "strconv"

// Diagnostic is a problem in a scenario, at a 1-based line and column (in
// characters, not bytes). EndCol, when > Col, marks the end of the span.
type Diagnostic struct {
	Line, Col, EndCol int
	Message           string
}

func (d Diagnostic) String() string {
	return "line " + strconv.Itoa(d.Line) + ", col " + strconv.Itoa(d.Col) + ": " + d.Message
}

// ParseError is a malformed scenario: every problem found, in source order.
type ParseError struct {
	Diags []Diagnostic
}

func (e *ParseError) Error() string {
	if len(e.Diags) == 0 {
		return "malformed scenario"
	}
	s := e.Diags[0].String()
	if n := len(e.Diags) - 1; n > 0 {
		s += " (and " + strconv.Itoa(n) + " more)"
	}
	return s
}

// RunText parses, validates and runs a scenario. A malformed scenario is a
// *ParseError; a refused request is not an error, it is in the trace.
func RunText(text string) (*Trace, error) {
	s, err := Parse(text)
	if err != nil {
		return nil, err
	}
	return Run(s)
}

// Check parses and validates a scenario as the user types; nil means it runs.
func Check(text string) []Diagnostic {
	s, err := Parse(text)
	if err == nil {
		err = s.Validate()
	}
	if pe, ok := err.(*ParseError); ok {
		return pe.Diags
	}
	if err != nil {
		return []Diagnostic{{Line: 1, Col: 1, Message: err.Error()}}
	}
	return nil
}

// DiagnosticsJSON encodes diagnostics as
// [{"line":4,"col":18,"endCol":21,"message":"..."}].
func DiagnosticsJSON(diags []Diagnostic) []byte {
	w := &jw{}
	w.open('[')
	for _, d := range diags {
		w.open('{')
		w.key("line")
		w.int(int64(d.Line))
		w.key("col")
		w.int(int64(d.Col))
		w.key("endCol")
		w.int(int64(d.EndCol))
		w.key("message")
		w.str(d.Message)
		w.close('}')
	}
	w.close(']')
	return w.b
}

// ProfilesJSON encodes the profile list for the front end:
// [{"name","vendor","summary","source","first","options":[{"name","default","help","min","max","enum"}],"rules":[{"text","source","interpretation"}]}].
func ProfilesJSON() []byte {
	w := &jw{}
	w.open('[')
	for _, p := range Profiles() {
		w.open('{')
		w.key("name")
		w.str(p.Name)
		w.key("vendor")
		w.str(p.Vendor)
		w.key("summary")
		w.str(p.Summary)
		w.key("source")
		w.str(p.Source)
		w.key("first")
		w.str(p.First)
		w.key("options")
		w.open('[')
		for _, o := range p.Options {
			w.open('{')
			w.key("name")
			w.str(o.Name)
			w.key("default")
			w.str(o.Default)
			w.key("help")
			w.str(o.Help)
			if len(o.Enum) > 0 {
				w.key("enum")
				w.open('[')
				for _, e := range o.Enum {
					w.str(e)
				}
				w.close(']')
			} else {
				w.key("min")
				w.int(o.Min)
				w.key("max")
				w.int(o.Max)
			}
			w.close('}')
		}
		w.close(']')
		w.key("rules")
		writeRules(w, p.Rules)
		w.close('}')
	}
	w.close(']')
	return w.b
}

func writeRules(w *jw, rules []RuleNote) {
	w.open('[')
	for _, r := range rules {
		w.open('{')
		w.key("text")
		w.str(r.Text)
		w.key("source")
		w.str(r.Source)
		w.key("interpretation")
		w.bool(r.Interpretation)
		w.close('}')
	}
	w.close(']')
}
