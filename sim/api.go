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
