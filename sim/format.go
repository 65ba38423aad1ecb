package sim

import (
	"strconv"
	"strings"
)

// formatScenario writes a scenario in the scenario language, canonically: the profile
// line always, the other setup lines only when they differ from the defaults,
// a blank line, then one step per line with a request's headers under it,
// indented two spaces, and its body on the request line. Parse(formatScenario(s))
// equals s but for the Line fields (and a body written over several lines,
// which comes back on one), and formatting is stable: formatScenario(Parse(formatScenario(s)))
// is formatScenario(s).
func formatScenario(s *Scenario) string {
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
	if setup.Sort != defaultSort {
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
