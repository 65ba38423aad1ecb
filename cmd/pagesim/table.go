package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"pagingplayground/sim"
)

// maxStepWidth is where the step column is cut: a long URL or body would
// push every other column off the screen.
const maxStepWidth = 48

// writeTrace prints a trace as text: the setup and the profile's rules, a
// table with one row per executed step, a table with one row per walk, and
// the totals. The rules marked as interpretations say so, as the playground
// must wherever it shows them.
func writeTrace(w io.Writer, t *sim.Trace) {
	vendor := "generic model"
	if t.Vendor != "" {
		vendor = t.Vendor
	}
	fmt.Fprintf(w, "profile %s (%s); records %d; order %s; sort %s; seed %d\n",
		t.Profile, vendor, t.Setup.Records, t.Setup.Order, t.Setup.Sort, t.Setup.Seed)
	if len(t.Setup.Options) > 0 {
		var opts []string
		for _, o := range t.Setup.Options {
			opts = append(opts, o.Name+"="+o.Value)
		}
		fmt.Fprintf(w, "options: %s\n", strings.Join(opts, " "))
	}
	for _, r := range t.Setup.Rules {
		fmt.Fprintf(w, "  - %s%s\n", r.Text, ruleMark(r))
	}

	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "#\tLINE\tCLIENT\tSTEP\tSTATUS\tRECORDS\tTOTAL\tNEXT\tCOST\tWALK\tRESULT")
	for i := range t.Steps {
		fmt.Fprintln(tw, strings.Join(stepRow(&t.Steps[i]), "\t"))
	}
	tw.Flush()

	if len(t.Walks) > 0 {
		fmt.Fprintln(w)
		tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "WALK\tCLIENT\tREQUESTS\tEND\tDUPLICATES\tMISSED\tINSERTED (SEEN)\tDELETED (SEEN)\tROWS\tVERDICT")
		for i := range t.Walks {
			fmt.Fprintln(tw, strings.Join(walkRow(i, &t.Walks[i]), "\t"))
		}
		tw.Flush()
	}

	if len(t.Expectations) > 0 {
		fmt.Fprintln(w)
		for _, e := range t.Expectations {
			mark := "met    "
			if !e.Met {
				mark = "NOT MET"
			}
			fmt.Fprintf(w, "%s  %s: %s\n", mark, e.Text, e.Why)
		}
	}

	s := t.Summary
	fmt.Fprintf(w, "\n%s: %d accepted, %d refused; %s, %d consistent; %s read; %s at the end\n",
		plural(int64(s.Requests), "request"), s.Accepted, s.Refused, plural(int64(s.Walks), "walk"),
		s.Consistent, plural(s.Rows, "row"), plural(s.FinalSize, "record"))
	for _, e := range s.Errors {
		fmt.Fprintf(w, "error: %s\n", e)
	}
}

func ruleMark(r sim.RuleNote) string {
	switch {
	case r.Interpretation && r.Source != "":
		return " [interpretation; " + r.Source + "]"
	case r.Interpretation:
		return " [interpretation]"
	case r.Source != "":
		return " [" + r.Source + "]"
	}
	return ""
}

func stepRow(s *sim.TraceStep) []string {
	// The client has a column of its own.
	src := strings.TrimPrefix(s.Source, "@"+s.Client+" ")
	row := []string{strconv.Itoa(s.Index), lineText(s.Line), s.Client, cut(src, maxStepWidth)}
	if s.Kind != "request" {
		// A mutation or a client note: what happened, and the list's size.
		return append(row, "", "", "size "+strconv.FormatInt(s.Size, 10), "", "", "", s.Text)
	}
	status := ""
	if s.Response != nil {
		status = strconv.Itoa(s.Response.Status)
	}
	result := "accepted"
	if !s.Accepted {
		result = "refused"
	}
	if s.Reason != "" {
		result += ": " + s.Reason
	}
	if s.Interp != "" {
		result += " [interpretation: " + s.Interp + "]"
	}
	return append(row, status, recordsText(s.Records), totalText(s.Total), nextText(s.HasNext),
		costText(s.Cost), walkText(s.Walk, s.Page), result)
}

func lineText(n int) string {
	if n == 0 {
		return "-" // a stream's insert: no line wrote it
	}
	return strconv.Itoa(n)
}

// cut shortens s to n characters, marking the cut.
func cut(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// recordsText writes the ids returned as first..last (count).
func recordsText(ids []int64) string {
	switch len(ids) {
	case 0:
		return "none"
	case 1:
		return strconv.FormatInt(ids[0], 10) + " (1)"
	}
	return strconv.FormatInt(ids[0], 10) + ".." + strconv.FormatInt(ids[len(ids)-1], 10) + " (" + strconv.Itoa(len(ids)) + ")"
}

// totalText sets the reported total beside the true one: "10/10" when the
// server's total is exact, else with how it was reported ("1000/1437 capped").
func totalText(t sim.TotalReport) string {
	reported := strconv.FormatInt(t.Reported, 10)
	switch t.Kind {
	case "", "absent":
		return "-/" + strconv.FormatInt(t.True, 10)
	case "exact":
		return reported + "/" + strconv.FormatInt(t.True, 10)
	}
	return reported + "/" + strconv.FormatInt(t.True, 10) + " " + t.Kind
}

// nextText says whether the response told of a next page, and whether that
// was true.
func nextText(n sim.NextReport) string {
	if n.Kind == "" || n.Kind == "none" {
		return "-"
	}
	said := "no"
	if n.Reported {
		said = "yes"
	}
	if n.Reported != n.True {
		said += " (wrong)"
	}
	return said
}

func costText(c sim.Cost) string {
	s := strconv.FormatInt(c.Rows, 10)
	if c.Seek {
		s += " seek"
	}
	return s
}

func walkText(walk, page int) string {
	if walk < 0 {
		return "-"
	}
	if page == 0 { // a refusal or a re-read inside the walk: no page of it
		return "w" + strconv.Itoa(walk+1)
	}
	return "w" + strconv.Itoa(walk+1) + " p" + strconv.Itoa(page)
}

func walkRow(i int, r *sim.WalkReport) []string {
	end := "complete"
	if !r.Complete {
		end = "stopped"
	}
	return []string{
		"w" + strconv.Itoa(i+1), r.Client, strconv.Itoa(r.Requests), end,
		idSetText(r.Duplicates), idSetText(r.Missed),
		idSetText(r.Inserted) + " (" + strconv.FormatInt(r.InsertedSeen, 10) + ")",
		idSetText(r.Deleted) + " (" + strconv.FormatInt(r.DeletedSeen, 10) + ")",
		strconv.FormatInt(r.Rows, 10), r.Verdict,
	}
}

// idSetText writes a count with its first ids: "2: 8 9", "40: 3 4 5 …".
func idSetText(s sim.IDSet) string {
	if s.Count == 0 {
		return "0"
	}
	const shown = 3
	var b strings.Builder
	b.WriteString(strconv.FormatInt(s.Count, 10) + ":")
	for i, id := range s.IDs {
		if i == shown {
			break
		}
		b.WriteString(" " + strconv.FormatInt(id, 10))
	}
	if s.Count > int64(min(len(s.IDs), shown)) {
		b.WriteString(" …")
	}
	return b.String()
}

func plural(n int64, word string) string {
	s := strconv.FormatInt(n, 10) + " " + word
	if n != 1 {
		s += "s"
	}
	return s
}
