package sim

import "strings"

// contractDecl is a contract declared in a scenario: a `contract BASE`
// block whose indented lines are knobs, `KNOB VALUE` (or "contract":
// {"base": ..., "knobs": [[KNOB, VALUE], ...]} in the JSON form). Knob
// values are text; Validate reads them (knobs.go) and refuses unknown
// knobs, bad values and contradictions, each at its line and column.
type contractDecl struct {
	Base      string
	Line, Col int      // of the base word; 0 when built in code
	Knobs     []Option // in the order written
}

// knobProblem is a refused knob: which (index into the declaration's Knobs,
// -1 for the declaration as a whole) and why.
type knobProblem struct {
	knob  int
	value bool // the value is at fault, not the name
	msg   string
}

// scenarioProfile is the profile a scenario runs against: its declared
// contract, or the named profile ("offset" when none).
func scenarioProfile(setup *Setup) (*Profile, bool) {
	if d := setup.Contract; d != nil {
		return declaredProfile(d)
	}
	name := setup.Profile
	if name == "" {
		name = "offset"
	}
	return LookupProfile(name)
}

func knobSummary(d *contractDecl) string {
	if len(d.Knobs) == 0 {
		return "none, the base as it is"
	}
	parts := make([]string, len(d.Knobs))
	for i, k := range d.Knobs {
		parts[i] = k.Name + " " + k.Value
	}
	return strings.Join(parts, ", ")
}
