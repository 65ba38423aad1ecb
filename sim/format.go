package sim

import (
	"strconv"
	"strings"
)

// Format writes a scenario in the scenario language, canonically: the profile
// line always, the other setup lines only when they differ from the defaults,
// a blank line, then one step per line with a request's headers under it,
// indented two spaces, and its body on the request line. Parse(Format(s))
// equals s but for the Line fields (and a body written over several lines,
// which comes back on one), and formatting is stable: Format(Parse(Format(s)))
// is Format(s).
func Format(s *Scenario) string {
	var b strings.Builder
	setup := &s.Setup
	if d := setup.Contract; d != nil {
		b.WriteString("contract " + d.Base + "\n")
		for _, k := range d.Knobs {
			b.WriteString("  " + k.Name + " " + k.Value + "\n")
		}
	} else {
		b.WriteString("profile ")
		if setup.Profile == "" {
			b.WriteString("offset")
		} else {
			b.WriteString(setup.Profile)
		}
		for _, o := range setup.Options {
			b.WriteString(" " + o.Name + "=" + o.Value)
		}
		b.WriteByte('\n')
	}
	if setup.Records != 0 {
		b.WriteString("records " + fmtCount(setup.Records) + "\n")
	}
	if setup.Order != NewestFirst {
		b.WriteString("order " + orderName(setup.Order) + "\n")
	}
	if setup.Sort != DefaultSort {
		b.WriteString("sort " + sortName(setup.Sort) + "\n")
	}
	if setup.Seed != 0 {
		b.WriteString("seed " + strconv.FormatUint(setup.Seed, 10) + "\n")
	}
	if len(s.Steps) > 0 {
		b.WriteByte('\n')
	}
	for i := range s.Steps {
		st := &s.Steps[i]
		b.WriteString(stepText(st))
		b.WriteByte('\n')
		for _, h := range st.Headers {
			b.WriteString("  " + headerText(h.Name, h.Value) + "\n")
		}
	}
	if len(s.Expects) > 0 {
		b.WriteByte('\n')
	}
	for _, x := range s.Expects {
		b.WriteString(x.String() + "\n")
	}
	return b.String()
}

// stepText writes a step on one line, as Format does, without a request's
// header lines: `next`, `@bob GET /x?page=2 {"p": 1}`, `delete at 2..5`.
func stepText(st *Step) string {
	s := ""
	if st.Client != "" {
		s = "@" + st.Client + " "
	}
	itoa := func(n int64) string { return strconv.FormatInt(n, 10) }
	switch st.Kind {
	case StepRequest:
		s += st.Method + " " + st.Target
		if st.Body != "" {
			s += " " + foldBody(st.Body)
		}
	case StepNext:
		s += "next"
	case StepPrev:
		s += "prev"
	case StepFirst:
		s += "first"
	case StepWalk:
		s += "walk"
		switch {
		case st.Cap:
			s += " cap " + strconv.Itoa(st.MaxPages)
		case st.MaxPages != 0:
			s += " max " + strconv.Itoa(st.MaxPages)
		}
	case StepHeader:
		s += "header " + headerText(st.Name, st.Value)
	case StepInsert:
		s += "insert " + itoa(st.Count)
		if st.At >= 0 {
			s += " at " + itoa(st.At)
		}
	case StepDelete:
		switch {
		case st.ID > 0:
			s += "delete id " + itoa(st.ID)
		case st.From == st.To:
			s += "delete at " + itoa(st.From)
		default:
			s += "delete at " + itoa(st.From) + ".." + itoa(st.To)
		}
	case StepUpdate:
		s += "update id " + itoa(st.ID) + " key " + itoa(st.Key)
	case StepStream:
		if st.Count == 0 {
			s += "stream stop"
		} else {
			s += "stream " + itoa(st.Count) + " every " + itoa(st.Every)
		}
	case StepWait:
		s += "wait " + itoa(st.Ticks)
	default:
		// Not a step Parse makes; a comment keeps the text parseable and
		// the gap visible. Validate reports the step.
		s += "# unknown step kind " + strconv.Itoa(int(st.Kind))
	}
	return s
}

func headerText(name, value string) string {
	if value == "" {
		return name + ":"
	}
	return name + ": " + value
}

// fmtCount writes a record count the way people say it: 10k, 1m, 2b when that
// is exact and short, else with _ between thousands (1_500_000).
func fmtCount(n int64) string {
	for _, u := range []struct {
		div    int64
		suffix string
	}{{1e9, "b"}, {1e6, "m"}, {1e3, "k"}} {
		if n >= u.div && n%u.div == 0 && n/u.div < 1000 {
			return strconv.FormatInt(n/u.div, 10) + u.suffix
		}
	}
	return fmtNumber(n)
}
