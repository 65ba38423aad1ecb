package main

import (
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"pagingplayground/sim"
)

// tableOpts shape the text output of `pagesim run`.
type tableOpts struct {
	width int  // the terminal's columns: no line is longer, but for one word that cannot be split
	quiet bool // -q: leave out the profile's rules
}

// Column widths that keep a row readable: the step column is cut to fit the
// width but never below minStepWidth, and never wider than maxStepWidth (a
// long URL or body would push every other column off the screen); the result
// column keeps at least minResultWidth.
const (
	maxStepWidth   = 48
	minStepWidth   = 12
	minResultWidth = 16
	colGap         = 2
)

// writeTrace prints a trace as text: the setup and (unless quiet) the
// profile's rules, a table with one row per executed step numbered from 1 as
// on the page, the notes the rows refer to, a table with one row per walk and
// its verdict, the expectations and the totals. Long explanations are not
// table cells: a row refers to a numbered note, and a note that many rows
// share is printed once, with the steps it belongs to. Rules marked as
// interpretations say so, as the playground must wherever it shows them.
func writeTrace(w io.Writer, t *sim.Trace, o tableOpts) {
	if o.width <= 0 {
		o.width = 120
	}
	vendor := "generic model"
	if t.Vendor != "" {
		vendor = t.Vendor
	}
	p := printer{w: w, width: o.width}
	p.para("", "profile "+t.Profile+" ("+vendor+"); records "+group(t.Setup.Records)+"; order "+t.Setup.Order+
		"; sort "+t.Setup.Sort+"; seed "+strconv.FormatUint(t.Setup.Seed, 10))
	if len(t.Setup.Options) > 0 {
		var opts []string
		for _, opt := range t.Setup.Options {
			opts = append(opts, opt.Name+"="+opt.Value)
		}
		p.para("", "options: "+strings.Join(opts, " "))
	}
	if !o.quiet {
		for _, r := range t.Setup.Rules {
			p.para("  - ", r.Text+ruleMark(r))
		}
	}

	var n notes
	p.blank()
	if !stepTable(&p, t, &n) {
		stepBlocks(&p, t, &n)
	}
	if len(n.texts) > 0 {
		p.blank()
		p.line("notes")
		for i, text := range n.texts {
			p.para("  ["+strconv.Itoa(i+1)+"] ", stepsText(n.steps[i])+text)
		}
	}

	if len(t.Walks) > 0 {
		p.blank()
		rows := [][]string{{"WALK", "CLIENT", "REQUESTS", "END", "DUPLICATES", "MISSED", "UNREACHED", "INSERTED (SEEN)", "DELETED (SEEN)", "ROWS"}}
		for i := range t.Walks {
			rows = append(rows, walkRow(i, &t.Walks[i]))
		}
		widths := colWidths(rows)
		if tableWidth(widths) <= p.width {
			p.table(rows, widths)
			p.blank()
			for i := range t.Walks {
				p.para(walkName(i)+": ", t.Walks[i].Verdict)
			}
		} else {
			// Too narrow for the table: a paragraph a walk, the verdict under it.
			for i, r := range rows[1:] {
				lead := r[0] + ": "
				p.para(lead, r[1]+", "+r[2]+" requests, "+r[3]+" · duplicates "+r[4]+" · missed "+r[5]+
					" · unreached "+r[6]+" · inserted "+r[7]+" · deleted "+r[8]+" · rows "+r[9])
				p.para(strings.Repeat(" ", len(lead)), t.Walks[i].Verdict)
			}
		}
	}

	if len(t.Expectations) > 0 {
		p.blank()
		for _, e := range t.Expectations {
			mark := "met      "
			if !e.Met {
				mark = "NOT MET  "
			}
			p.para(mark, e.Text+": "+e.Why)
		}
	}

	s := t.Summary
	p.blank()
	walks := plural(int64(s.Walks), "walk") + ", " + group(int64(s.Consistent)) + " consistent"
	if s.RefusedWalks > 0 {
		walks += ", " + group(int64(s.RefusedWalks)) + " stopped by a refusal"
	}
	if s.Unreached > 0 {
		walks += ", " + plural(s.Unreached, "record") + " not reached"
		if n := unreachedWalks(t); n > 1 {
			walks += " by " + group(int64(n)) + " walks"
		}
	}
	p.para("", plural(int64(s.Requests), "request")+": "+group(int64(s.Accepted))+" accepted, "+group(int64(s.Refused))+
		" refused; "+walks+"; "+plural(s.Rows, "row")+" read; "+plural(s.FinalSize, "record")+" at the end")
	for _, e := range s.Errors {
		p.para("error: ", e)
	}
}

// stepTable writes the steps as a table if it fits the width, and reports
// whether it did. Every column but STEP and RESULT keeps its width; STEP
// gives way first (down to minStepWidth), then RESULT sends what does not
// fit to the notes. The CLIENT column is left out when there is one client.
// A row that is not a request has no status, records or totals: what
// happened spans those columns.
func stepTable(p *printer, t *sim.Trace, n *notes) bool {
	clients := false
	for i := range t.Steps {
		if c := t.Steps[i].Client; c != "" && c != "default" {
			clients = true
		}
	}
	drop := func(r []string) []string {
		if clients {
			return r
		}
		return append(r[:2:2], r[3:]...)
	}
	rows := [][]string{drop([]string{"#", "LINE", "CLIENT", "STEP", "STATUS", "RECORDS", "TOTAL", "NEXT", "COST", "WALK", "RESULT"})}
	for i := range t.Steps {
		rows = append(rows, drop(stepRow(&t.Steps[i])))
	}
	step, result := 2, len(rows[0])-1
	if clients {
		step = 3
	}
	widths := colWidths(rows)
	widths[step] = min(widths[step], maxStepWidth)
	fixed := 0
	for i, cw := range widths {
		if i != result {
			fixed += cw + colGap
		}
	}
	if over := fixed + minResultWidth - p.width; over > 0 {
		shrink := min(over, widths[step]-min(widths[step], minStepWidth))
		widths[step] -= shrink
		fixed -= shrink
	}
	if fixed+minResultWidth > p.width {
		return false
	}
	spanWidth := p.width // what a non-request row's text may take
	for i := range step + 1 {
		spanWidth -= widths[i] + colGap
	}
	for i := range t.Steps {
		r := rows[i+1]
		r[step] = cut(r[step], widths[step])
		if len(r) < len(rows[0]) {
			r[len(r)-1] = fitOrNote(r[len(r)-1], spanWidth, i+1, n)
		} else {
			r[result] = resultCell(&t.Steps[i], p.width-fixed, n)
		}
	}
	p.table(rows, widths)
	return true
}

// stepBlocks writes each step as a short block, for a width too narrow for
// the table:
//
//	1  GET /items?limit=3   (line 3)
//	   200 accepted · records 30..28 (3) · total 30/30 · next yes · cost 3 · w1 p1
func stepBlocks(p *printer, t *sim.Trace, n *notes) {
	for i := range t.Steps {
		s := &t.Steps[i]
		num := strconv.Itoa(s.Index + 1)
		lead := num + strings.Repeat(" ", max(3-len(num), 1))
		head := s.Source + "  (line " + lineText(s.Line) + ")"
		if s.Line == 0 {
			head = s.Source + "  (no line: the stream)"
		}
		p.para(lead, head)
		indent := strings.Repeat(" ", len(lead))
		if s.Kind != "request" {
			p.para(indent, s.Text+" · size "+group(s.Size))
			continue
		}
		r := stepRow(s)
		var status string
		if s.Response != nil {
			status = strconv.Itoa(s.Response.Status) + " "
		}
		p.para(indent, status+resultCell(s, 1<<30, n)+" · records "+r[5]+" · total "+r[6]+" · next "+r[7]+" · cost "+r[8]+" · "+r[9])
	}
}

// fitOrNote is text when it fits in width, else a reference to a note.
func fitOrNote(text string, width, step int, n *notes) string {
	if utf8.RuneCountInString(text) <= width {
		return text
	}
	return n.ref(text, step)
}

// resultCell is a step's RESULT: for a request "accepted" or "refused", for
// any other step what happened; with references to the notes that hold what
// does not fit in width (a refusal's reason, an interpretation).
func resultCell(s *sim.TraceStep, width int, n *notes) string {
	num := s.Index + 1
	cell := "accepted"
	if !s.Accepted {
		cell = "refused"
	}
	if s.Reason != "" {
		if short := cell + ": " + s.Reason; s.Interp == "" && utf8.RuneCountInString(short) <= width {
			return short
		}
		cell += " " + n.ref(s.Reason, num)
	}
	if s.Interp != "" {
		cell += " " + n.ref("interpretation: "+s.Interp, num)
	}
	return cell
}

// notes are the texts that rows refer to as [1], [2]…, each kept once with
// the steps that refer to it, in the order they first appear.
type notes struct {
	texts []string
	steps [][]int
	index map[string]int
}

func (n *notes) ref(text string, step int) string {
	if n.index == nil {
		n.index = map[string]int{}
	}
	i, ok := n.index[text]
	if !ok {
		i = len(n.texts)
		n.index[text] = i
		n.texts = append(n.texts, text)
		n.steps = append(n.steps, nil)
	}
	if s := n.steps[i]; len(s) == 0 || s[len(s)-1] != step {
		n.steps[i] = append(s, step)
	}
	return "[" + strconv.Itoa(i+1) + "]"
}

// stepsText names the steps a note belongs to, as ranges: "steps 1–10, 12: ".
// A note for one step needs no such prefix: the reference says it.
func stepsText(steps []int) string {
	if len(steps) < 2 {
		return ""
	}
	const shown = 6 // ranges; a note referred to from all over says how many more
	var parts []string
	for i := 0; i < len(steps); {
		j := i
		for j+1 < len(steps) && steps[j+1] == steps[j]+1 {
			j++
		}
		if len(parts) == shown {
			parts = append(parts, "and "+strconv.Itoa(len(steps)-i)+" more")
			break
		}
		if j > i {
			parts = append(parts, strconv.Itoa(steps[i])+"–"+strconv.Itoa(steps[j]))
		} else {
			parts = append(parts, strconv.Itoa(steps[i]))
		}
		i = j + 1
	}
	return "steps " + strings.Join(parts, ", ") + ": "
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

// stepRow is a step's cells; its RESULT is filled in by resultCell once the
// column's width is known.
func stepRow(s *sim.TraceStep) []string {
	// The client has a column of its own.
	src := strings.TrimPrefix(s.Source, "@"+s.Client+" ")
	row := []string{strconv.Itoa(s.Index + 1), lineText(s.Line), s.Client, src}
	if s.Kind != "request" {
		// A mutation or a client note: what happened, and the list's size,
		// in one cell spanning the columns a request fills.
		return append(row, s.Text+" · size "+group(s.Size))
	}
	status := ""
	if s.Response != nil {
		status = strconv.Itoa(s.Response.Status)
	}
	return append(row, status, recordsText(s), totalText(s.Total), nextText(s.HasNext),
		costText(s.Cost), walkText(s.Walk, s.Page), "")
}

func lineText(n int) string {
	if n == 0 {
		return "-" // a stream's insert: no line wrote it
	}
	return strconv.Itoa(n)
}

// cut shortens s to n characters, marking the cut.
func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// recordsText writes the ids returned as first..last (count). Ids are names,
// not quantities: they are not grouped; the count is.
func recordsText(s *sim.TraceStep) string {
	n := s.NumRecords()
	switch n {
	case 0:
		return "none"
	case 1:
		return strconv.FormatInt(s.RecordAt(0), 10) + " (1)"
	}
	return strconv.FormatInt(s.RecordAt(0), 10) + ".." + strconv.FormatInt(s.RecordAt(n-1), 10) + " (" + group(int64(n)) + ")"
}

// totalText sets the reported total beside the true one: "10/10" when the
// server's total is exact, else with how it was reported ("1,000/1,437 capped").
func totalText(t sim.TotalReport) string {
	switch t.Kind {
	case "", "absent":
		return "-/" + group(t.True)
	case "exact":
		return group(t.Reported) + "/" + group(t.True)
	}
	return group(t.Reported) + "/" + group(t.True) + " " + t.Kind
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
	s := group(c.Rows)
	if c.Seek {
		s += " seek"
	}
	return s
}

func walkName(i int) string { return "w" + strconv.Itoa(i+1) }

func walkText(walk, page int) string {
	if walk < 0 {
		return "-"
	}
	if page == 0 { // a refusal or a re-read inside the walk: no page of it
		return walkName(walk)
	}
	return walkName(walk) + " p" + strconv.Itoa(page)
}

func walkRow(i int, r *sim.WalkReport) []string {
	end := "complete"
	if !r.Complete {
		end = "stopped"
	}
	return []string{
		walkName(i), r.Client, group(int64(r.Requests)), end,
		idSetText(r.Duplicates), idSetText(r.Missed), group(r.Unreached),
		idSetText(r.Inserted) + " (" + group(r.InsertedSeen) + ")",
		idSetText(r.Deleted) + " (" + group(r.DeletedSeen) + ")",
		group(r.Rows),
	}
}

// unreachedWalks counts the walks that did not reach every record of their list.
func unreachedWalks(t *sim.Trace) int {
	n := 0
	for i := range t.Walks {
		if t.Walks[i].Unreached > 0 {
			n++
		}
	}
	return n
}

// idSetText writes a count with its first ids: "2: 8 9", "40: 3 4 5 …".
func idSetText(s sim.IDSet) string {
	if s.Count == 0 {
		return "0"
	}
	const shown = 3
	var b strings.Builder
	b.WriteString(group(s.Count) + ":")
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
	s := group(n) + " " + word
	if n != 1 {
		s += "s"
	}
	return s
}

// group writes n with its digits in groups of three, as the page does:
// 10,101.
func group(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// printer writes lines to w, wrapping paragraphs at width.
type printer struct {
	w     io.Writer
	width int
	buf   []byte
}

func (p *printer) line(s string) {
	p.buf = append(p.buf[:0], s...)
	p.buf = append(p.buf, '\n')
	p.w.Write(p.buf)
}

func (p *printer) blank() { p.line("") }

// para writes text after lead, wrapped at the width, continuation lines
// indented under the text: a hanging indent as lead is wide.
func (p *printer) para(lead, text string) {
	p.hang(lead, strings.Repeat(" ", utf8.RuneCountInString(lead)), text)
}

// hang writes text after lead, wrapped at the width, continuation lines
// starting with indent.
func (p *printer) hang(lead, indent, text string) {
	room := max(p.width-len(indent), 20)
	cur, n := lead, 0
	for _, word := range strings.Fields(text) {
		wl := utf8.RuneCountInString(word)
		if n > 0 && n+1+wl > room {
			p.line(cur)
			cur, n = indent, 0
		}
		if n > 0 {
			cur += " "
			n++
		}
		cur += word
		n += wl
	}
	p.line(cur)
}

// table writes rows in columns of the given widths, colGap apart; the last
// cell of a row is not padded (in a row shorter than the first, it spans the
// columns it lacks).
func (p *printer) table(rows [][]string, widths []int) {
	for _, r := range rows {
		var b strings.Builder
		for i, c := range r {
			b.WriteString(c)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-utf8.RuneCountInString(c)+colGap))
			}
		}
		p.line(strings.TrimRight(b.String(), " "))
	}
}

// tableWidth is the width of a table with columns of these widths.
func tableWidth(widths []int) int {
	w := 0
	for _, cw := range widths {
		w += cw + colGap
	}
	return w - colGap
}

// colWidths is each column's widest cell, in characters; the last cell of a
// row shorter than the first spans columns and counts for none.
func colWidths(rows [][]string) []int {
	widths := make([]int, len(rows[0]))
	for _, r := range rows {
		for i, c := range r {
			if len(r) < len(rows[0]) && i == len(r)-1 {
				break
			}
			widths[i] = max(widths[i], utf8.RuneCountInString(c))
		}
	}
	return widths
}
