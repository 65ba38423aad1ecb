package sim

import "errors"

// validate checks a parsed scenario against the profiles and limits. (Stub.)
func validate(s *Scenario) error { return errors.New("not written yet") }
