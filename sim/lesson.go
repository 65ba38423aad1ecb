package sim

import (
	"strconv"
	"strings"

	"pagingplayground/internal/json"
)

// A challenge's invariants live in its preset, outside the text the learner
// edits, so that deleting the premise or the expect lines cannot pass it:
//
//	# keep: records 200          a setup line the scenario must keep as is
//	# keep: stream 1 every 2     steps the scenario must keep, in this order;
//	# keep: walk                 and the list changes only by the kept
//	                             mutations (no `stream stop`, no deletes)
//	# expect: consistent         the checks that decide the challenge,
//	# expect: complete           whatever the text's own expect lines say
//
// CheckChallenge checks a scenario against them. The page has them from the
// presets it reads (PresetsJSON, written into the build's start.json); the
// WASM carries no preset.

// LessonCheck is one invariant or expectation of a challenge, met or not.
// Its Text reads as a line of code: "keeps stream 1 every 2", "expect
// consistent".
type LessonCheck = ExpectResult

// CheckChallenge checks text against a challenge's kept lines and
// expectations (a preset's Keep and Expect): the premise first (each kept
// line, and no mutation beyond the kept ones), then the expectations against
// the run. It returns nil when there are neither, and the scenario's
// problems as a *ParseError when it does not run.
func CheckChallenge(keep, expect []string, text string) ([]LessonCheck, error) {
	if len(keep) == 0 && len(expect) == 0 {
		return nil, nil
	}
	p := Preset{Keep: keep, Expect: expect}
	s, err := parseChecked(text)
	if err == nil {
		err = s.Validate()
	}
	if err != nil {
		return nil, err
	}
	out := premise(p, s)
	t, err := Run(s)
	if err != nil {
		return nil, err
	}
	for _, x := range p.expects() {
		r := ExpectResult{Text: x.String()}
		r.Met, r.Why = checkExpect(x, t)
		out = append(out, r)
	}
	return out, nil
}

// expects parses the lesson's `# expect:` lines (presets_test checks they
// parse).
func (p *Preset) expects() []Expect {
	var out []Expect
	for _, line := range p.Expect {
		if x, _, msg := parseExpect(strings.Fields(line)); msg == "" {
			out = append(out, x)
		}
	}
	return out
}

// premise checks the kept lines: setup values equal, kept steps present in
// their order, and the scenario's mutations exactly the kept ones.
func premise(p Preset, s *Scenario) []LessonCheck {
	var out []LessonCheck
	var keptSteps []Step
	for _, line := range p.Keep {
		k, err := Parse(line)
		if err != nil {
			continue // presets_test checks every kept line parses
		}
		if len(k.Steps) == 0 {
			met := keptSetup(line, &k.Setup, &s.Setup)
			out = append(out, keepResult(line, met, "the challenge starts from `"+line+"`: put it back"))
			continue
		}
		keptSteps = append(keptSteps, k.Steps...)
	}
	// The kept steps, in order: a subsequence of the scenario's steps.
	j := 0
	for i := 0; i < len(s.Steps) && j < len(keptSteps); i++ {
		if sameStep(&s.Steps[i], &keptSteps[j]) {
			j++
		}
	}
	for n, st := range keptSteps {
		text := stepText(&st)
		met := n < j
		why := "the challenge needs `" + text + "`"
		if n > 0 {
			why += " after `" + stepText(&keptSteps[n-1]) + "`"
		}
		out = append(out, keepResult(text, met, why+": put it back"))
	}
	// No other change to the list: a challenge about records arriving is not
	// passed by stopping them.
	var extra []string
	for i := range s.Steps {
		st := &s.Steps[i]
		if !isMutation(st.Kind) {
			continue
		}
		found := false
		for k := range keptSteps {
			if sameStep(st, &keptSteps[k]) {
				found = true
				break
			}
		}
		if !found {
			extra = append(extra, "line "+strconv.Itoa(st.Line)+": `"+stepText(st)+"`")
		}
	}
	r := LessonCheck{Text: "the list changes only as the challenge says", Met: len(extra) == 0}
	if r.Met {
		r.Why = "no mutation added"
	} else {
		r.Why = "remove " + strings.Join(extra, ", ") + ": the challenge is solved without changing what happens to the list"
	}
	return append(out, r)
}

func keepResult(text string, met bool, why string) LessonCheck {
	r := LessonCheck{Text: "keeps " + text, Met: met}
	if met {
		r.Why = "kept"
	} else {
		r.Why = why
	}
	return r
}

func isMutation(k StepKind) bool {
	return k == StepInsert || k == StepDelete || k == StepUpdate || k == StepStream || k == StepWait
}

// sameStep compares two steps as written, ignoring where they are.
func sameStep(a, b *Step) bool {
	return stepText(a) == stepText(b)
}

// keptSetup compares the setup value a kept setup line sets.
func keptSetup(line string, kept, s *Setup) bool {
	switch strings.Fields(line)[0] {
	case "profile":
		return kept.Profile == s.Profile
	case "records":
		return kept.Records == s.Records
	case "order":
		return kept.Order == s.Order
	case "sort":
		return kept.Sort == s.Sort
	case "seed":
		return kept.Seed == s.Seed
	}
	return false
}

// LessonChecksJSON encodes checks as [{"text","met","why"}], as a trace's
// expectations.
func LessonChecksJSON(cs []LessonCheck) []byte {
	w := &json.Writer{}
	w.Open('[')
	for _, c := range cs {
		w.Open('{')
		w.Key("text")
		w.Str(c.Text)
		w.Key("met")
		w.Bool(c.Met)
		w.Key("why")
		w.Str(c.Why)
		w.Close('}')
	}
	w.Close(']')
	return w.B
}
