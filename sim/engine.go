package sim

import "errors"

// World is what a server sees while it answers: the dataset at this moment,
// the clock and the run's seed. Servers read it; only the engine changes it.
type World struct {
	data  *Dataset
	now   int64
	seed  uint64
	order Order
	sort  SortKey
	reqNo int64 // requests served so far, for per-query tie orders
}

// Validate checks a parsed scenario against the profiles and the limits
// before any work starts. Problems are a *ParseError.
func (s *Scenario) Validate() error { return errors.New("not written yet") }

// Run executes a validated scenario and returns its trace.
func Run(s *Scenario) (*Trace, error) { return nil, errors.New("not written yet") }
