package sim

import (
	"slices"
	"strconv"
	"strings"
)

// The JSON form says what the text says, no more and no less. Rather than
// keep a second copy of the text parser's checks in the JSON reader (which
// drifted: `{"delete":{"id":-1}}` was read, then written as `delete at 0`),
// a scenario read from JSON is written as canonical text, read back by the
// text parser, and must come back the same: the parser's problems are the
// JSON reader's, reported at the step they come from, and a step the text
// would read differently (a header value with a line break, which the text
// would split in two) is refused. What it returns is the text parser's
// reading.

// jsonStep is where a step is in the JSON document: its index in "steps"
// and the offset of its object.
type jsonStep struct {
	index, offset int
}

// asText checks s against its canonical text (above) and returns the text
// parser's reading of it; problems go to r's diagnostics.
func (r *jsonReader) asText(s *Scenario) *Scenario {
	text := formatScenario(s)
	back, err := Parse(text)
	if err != nil {
		pe, _ := err.(*ParseError)
		if pe == nil {
			r.failAt(0, "scenario", err.Error())
			return nil
		}
		starts := formattedStarts(s)
		for _, d := range pe.Diags {
			r.failAt(r.whereInJSON(starts, d.Line))
			r.diags.d[len(r.diags.d)-1].Message += d.Message
		}
		return nil
	}
	back = withoutPositions(back)
	if len(back.Steps) == 0 {
		back.Steps = s.Steps // nil or empty as the JSON had it
	}
	if len(back.Expects) == 0 {
		back.Expects = s.Expects
	}
	if len(back.Setup.Options) == 0 {
		back.Setup.Options = s.Setup.Options
	}
	if !sameSetup(&s.Setup, &back.Setup) || !slices.Equal(s.Expects, back.Expects) {
		r.failAt(0, "scenario", "the setup reads differently as text: `"+strings.TrimSpace(formatScenario(&Scenario{Setup: back.Setup}))+"`")
		return nil
	}
	if len(back.Steps) != len(s.Steps) {
		r.failAt(0, "steps", "the steps read differently as text: "+strconv.Itoa(len(s.Steps))+" steps become "+strconv.Itoa(len(back.Steps)))
		return nil
	}
	for i := range s.Steps {
		if !stepsEqual(&s.Steps[i], &back.Steps[i]) {
			at := r.stepAt[i]
			r.failAt(at.offset, "steps["+strconv.Itoa(at.index)+"]", "this step reads differently as text: `"+stepText(&back.Steps[i])+"`")
		}
	}
	return back
}

// formattedStarts is the 1-based line of each step in formatScenario(s), and last
// the line after the steps (where the expect lines begin).
func formattedStarts(s *Scenario) []int {
	line := 1 + strings.Count(formatScenario(&Scenario{Setup: s.Setup}), "\n")
	if len(s.Steps) > 0 {
		line++ // the blank line
	}
	starts := make([]int, 0, len(s.Steps)+1)
	for i := range s.Steps {
		st := &s.Steps[i]
		starts = append(starts, line)
		line += 1 + strings.Count(stepText(st), "\n")
		for _, h := range st.Headers {
			line += 1 + strings.Count(headerText(h.Name, h.Value), "\n")
		}
	}
	return append(starts, line)
}

// whereInJSON maps a line of the formatted text to the JSON: the offset and
// the path of the step it belongs to, with the start of a message.
func (r *jsonReader) whereInJSON(starts []int, line int) (int, string, string) {
	i, _ := slices.BinarySearch(starts, line+1)
	i-- // the last step starting at or before line
	switch {
	case i < 0:
		return 0, "scenario", ""
	case i >= len(r.stepAt):
		return 0, "expect", ""
	}
	at := r.stepAt[i]
	return at.offset, "steps[" + strconv.Itoa(at.index) + "]", ""
}

func withoutPositions(s *Scenario) *Scenario {
	s.Setup.Line, s.Setup.Col = 0, 0
	for i := range s.Setup.Options {
		s.Setup.Options[i].Line, s.Setup.Options[i].Col = 0, 0
	}
	if d := s.Setup.Contract; d != nil {
		d.Line, d.Col = 0, 0
		for i := range d.Knobs {
			d.Knobs[i].Line, d.Knobs[i].Col = 0, 0
		}
	}
	for i := range s.Steps {
		s.Steps[i].Line = 0
	}
	for i := range s.Expects {
		s.Expects[i].Line = 0
	}
	return s
}

// sameSetup and stepsEqual compare all that a setup and a step say, not where
// they are (TestJSONTextComparesEveryField keeps them complete).
func sameSetup(a, b *Setup) bool {
	return a.Profile == b.Profile && slices.Equal(a.Options, b.Options) && a.Records == b.Records &&
		a.Order == b.Order && a.Sort == b.Sort && a.Seed == b.Seed && sameContract(a.Contract, b.Contract)
}

// sameContract compares declared contracts, not where their lines are.
func sameContract(a, b *contractDecl) bool {
	if a == nil || b == nil {
		return a == b
	}
	if a.Base != b.Base || len(a.Knobs) != len(b.Knobs) {
		return false
	}
	for i := range a.Knobs {
		if a.Knobs[i].Name != b.Knobs[i].Name || a.Knobs[i].Value != b.Knobs[i].Value {
			return false
		}
	}
	return true
}

func stepsEqual(a, b *Step) bool {
	return a.Kind == b.Kind && a.Client == b.Client && a.Method == b.Method && a.Target == b.Target &&
		slices.Equal(a.Headers, b.Headers) && a.Body == b.Body && a.MaxPages == b.MaxPages && a.Cap == b.Cap &&
		a.Name == b.Name && a.Value == b.Value && a.Count == b.Count && a.At == b.At && a.Every == b.Every &&
		a.ID == b.ID && a.From == b.From && a.To == b.To && a.Key == b.Key && a.Ticks == b.Ticks
}
