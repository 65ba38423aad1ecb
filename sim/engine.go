package sim

import "errors"

// Validate checks a parsed scenario against the profiles and the limits
// before any work starts. Problems are a *ParseError.
func (s *Scenario) Validate() error { return validate(s) }

// Run executes a validated scenario and returns its trace.
func Run(s *Scenario) (*Trace, error) { return nil, errors.New("not written yet") }

// JSON encodes the trace; see trace.go for the field names. (Stub.)
func (t *Trace) JSON() []byte { return []byte("{}") }

// Compare runs the scenario once per profile, each with the profile's own
// defaults (the scenario's profile options are dropped), for side-by-side views.
// Scenarios that navigate with next/prev/first/walk compare best. (Stub.)
func Compare(s *Scenario, profiles []string) ([]*Trace, error) {
	return nil, errors.New("not written yet")
}
