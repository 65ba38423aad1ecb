package sim

import (
	"slices"
	"strconv"
	"strings"
)

// An Expect is an `expect` line: a claim about the run that the trace says
// is met or not, for challenges a learner solves by editing the scenario.
//
//	expect consistent      every walk saw no record twice and missed none
//	expect complete        every walk reached the end and missed nothing
//	expect no-refusals     no request was refused and no walk errored out
//	expect rows < 5000     a count of the run compared with a number
//
// The counts are rows, requests, refused, walks, duplicates and missed; the
// comparisons <, <=, =, >=, >.
type Expect struct {
	What string // "consistent", "complete", "no-refusals", or a count's name
	Op   string // for counts: "<", "<=", "=", ">=", ">"
	N    int64
	Line int
}

// ExpectResult is one expectation evaluated against a trace.
type ExpectResult struct {
	Text string // "text": the expect line, e.g. "expect rows < 5000"
	Met  bool   // "met"
	Why  string // "why": in plain words
}

var expectWords = []string{"consistent", "complete", "no-refusals"}
var expectCounts = []string{"rows", "requests", "refused", "walks", "duplicates", "missed", "unreached"}
var expectOps = []string{"<", "<=", "=", ">=", ">"}

// String is the line as Format writes it.
func (x Expect) String() string {
	if x.Op == "" {
		return "expect " + x.What
	}
	return "expect " + x.What + " " + x.Op + " " + strconv.FormatInt(x.N, 10)
}

// parseExpect reads what follows `expect`: the words of the line. It returns
// the index of the word at fault and a message on error.
func parseExpect(ws []string) (Expect, int, string) {
	if len(ws) == 0 {
		return Expect{}, -1, "expected what to expect after `expect`: " + quoteList(append(append([]string{}, expectWords...), "a count like `rows < 5000`"))
	}
	x := Expect{What: ws[0]}
	if slices.Contains(expectWords, ws[0]) {
		if len(ws) > 1 {
			return x, 1, "unexpected `" + ws[1] + "` after `expect " + ws[0] + "`"
		}
		return x, 0, ""
	}
	if !slices.Contains(expectCounts, ws[0]) {
		msg := "unknown expectation `" + ws[0] + "`: expected " + quoteList(append(append([]string{}, expectWords...), expectCounts...))
		if s := suggest(ws[0], append(append([]string{}, expectWords...), expectCounts...)); s != "" {
			msg = "unknown expectation `" + ws[0] + "`" + didYouMean(s)
		}
		return x, 0, msg
	}
	if len(ws) < 2 || !slices.Contains(expectOps, ws[1]) {
		if len(ws) < 2 {
			return x, -1, "expected a comparison after `expect " + ws[0] + "`, like `" + ws[0] + " < 5000`"
		}
		return x, 1, "expected one of " + quoteList(expectOps) + " after `" + ws[0] + "`, got `" + ws[1] + "`"
	}
	x.Op = ws[1]
	if len(ws) < 3 {
		return x, -1, "expected a number after `" + ws[0] + " " + ws[1] + "`"
	}
	n, ok := parseNumber(ws[2], true)
	if !ok || n < 0 {
		return x, 2, "expected a whole number after `" + ws[0] + " " + ws[1] + "`, got `" + ws[2] + "`"
	}
	x.N = n
	if len(ws) > 3 {
		return x, 3, "unexpected `" + ws[3] + "` after `" + x.String() + "`"
	}
	return x, 0, ""
}

// expect parses an expect line (ws[0] is `expect`).
func (p *parser) expect(i int, ws []word) {
	texts := make([]string, len(ws)-1)
	for k, w := range ws[1:] {
		texts[k] = w.text
	}
	x, at, msg := parseExpect(texts)
	if msg != "" {
		if at < 0 {
			p.errAt(i, ws[len(ws)-1].end(), ws[len(ws)-1].end()+1, msg)
		} else {
			p.errWord(i, ws[at+1], msg)
		}
		return
	}
	x.Line = i + 1
	p.s.Expects = append(p.s.Expects, x)
}

// evaluate checks the expectations against a finished trace.
func evaluate(xs []Expect, t *Trace) []ExpectResult {
	out := make([]ExpectResult, 0, len(xs))
	for _, x := range xs {
		r := ExpectResult{Text: x.String()}
		r.Met, r.Why = checkExpect(x, t)
		out = append(out, r)
	}
	return out
}

func walkName(i int, w *WalkReport) string {
	s := "walk " + strconv.Itoa(i+1)
	if w.Client != "" && w.Client != "default" {
		s += " (@" + w.Client + ")"
	}
	return s
}

func checkExpect(x Expect, t *Trace) (bool, string) {
	switch x.What {
	case "consistent", "complete":
		if len(t.Walks) == 0 {
			return false, "the scenario has no walk: add `walk` (or follow pages with `next`)"
		}
		for i := range t.Walks {
			w := &t.Walks[i]
			var bad []string
			if w.Duplicates.Count > 0 {
				bad = append(bad, plural(w.Duplicates.Count, "record")+" seen twice")
			}
			if w.Missed.Count > 0 {
				bad = append(bad, plural(w.Missed.Count, "record")+" never seen")
			}
			if x.What == "complete" && !w.Complete || w.Outcome == WalkRefused {
				why := "it did not reach the last page"
				if w.Stopped != "" {
					why = w.Stopped
				}
				bad = append(bad, why)
			}
			if len(bad) > 0 {
				return false, walkName(i, w) + ": " + strings.Join(bad, "; ")
			}
		}
		if x.What == "complete" {
			return true, plural(int64(len(t.Walks)), "walk") + " reached the end and saw every record exactly once"
		}
		return true, plural(int64(len(t.Walks)), "walk") + ": no record seen twice, none missed"
	case "no-refusals":
		for i := range t.Steps {
			st := &t.Steps[i]
			if st.Kind == "request" && !st.Accepted {
				why := "line " + strconv.Itoa(st.Line) + ": " + st.Source + " was refused"
				if st.Reason != "" {
					why += ": " + st.Reason
				}
				return false, why
			}
		}
		if len(t.Summary.Errors) > 0 {
			return false, t.Summary.Errors[0]
		}
		return true, plural(int64(t.Summary.Requests), "request") + ", all accepted"
	}
	var n int64
	switch x.What {
	case "rows":
		n = t.Summary.Rows
	case "requests":
		n = int64(t.Summary.Requests)
	case "refused":
		n = int64(t.Summary.Refused)
	case "walks":
		n = int64(t.Summary.Walks)
	case "unreached":
		n = t.Summary.Unreached
	case "duplicates", "missed":
		for i := range t.Walks {
			if x.What == "duplicates" {
				n += t.Walks[i].Duplicates.Count
			} else {
				n += t.Walks[i].Missed.Count
			}
		}
	}
	var met bool
	switch x.Op {
	case "<":
		met = n < x.N
	case "<=":
		met = n <= x.N
	case "=":
		met = n == x.N
	case ">=":
		met = n >= x.N
	case ">":
		met = n > x.N
	}
	return met, x.What + " is " + itoa(n)
}
