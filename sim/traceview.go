package sim

import (
	"strconv"

	"pagingplayground/internal/json"
)

// The compact form of a trace, for a front end that reads it lazily. A run of
// 20,000 requests over a million records is a 14–46 MB JSON trace, and a page
// that parses all of it waits seconds for rows nobody scrolls to. A View hands
// the page, at once, what its results pane shows whole (summary, walk reports,
// expectations, the setup) and one number per step in columns (kind, line,
// size, status, flags, rows read) for the drift, cost and compare views and
// for filtering; the step rows themselves come a range at a time as they
// scroll into view (RowsJSON), and a response body when it is opened
// (Trace.StepJSON).

// Step flags: the "flags" column of the compact form says what kind of row
// each step is, so that a front end can filter and jump without the rows.
const (
	FlagRequest      = 1 << iota // a request (else a mutation)
	FlagAccepted                 // a 2xx response
	FlagInterp                   // the behaviour is our reading of the source
	FlagTotalDiffers             // the reported total differs from the true count
	FlagNextDiffers              // the response is wrong about a next page
	FlagSeek                     // an index seek (keyset), not a scan
	FlagInWalk                   // part of a walk
	FlagRefused                  // a request refused (not 2xx)
	FlagDuplicate                // returned records its walk had returned before
	FlagMiss                     // the request that went past records its walk never returned
	FlagNote                     // carries a note: an accepted request's reason, or an interpretation
	FlagUnreached                // where a walk began after the head of its list or stopped before its end: records it did not reach lie before or after it
)

// flagNames name the flags for the front end, in bit order.
var flagNames = [...]string{"request", "accepted", "interpretation", "totalDiffers", "nextDiffers", "seek", "inWalk",
	"refusal", "duplicate", "miss", "note", "unreached"}

// maxRepeatScan bounds the walks whose repeated records are listed per row:
// the listing is a display aid (the walk report has the counts), and a walk
// that returned more records than this is not scanned for it.
const maxRepeatScan = 300_000

// A View serves one trace a piece at a time.
type View struct {
	T       *Trace
	repeats map[int][]int64 // step index -> records its walk had returned before
	scanned []bool          // per walk: repeats computed
	find    *finds          // where duplicates, misses and notes are (traceview_find.go)
}

// NewView wraps a trace.
func NewView(t *Trace) *View {
	return &View{T: t, repeats: map[int][]int64{}, scanned: make([]bool, len(t.Walks))}
}

// Flags is the flags column's value for step s.
func (s *TraceStep) Flags() int {
	if s.Request == nil {
		return 0
	}
	f := FlagRequest
	if s.Accepted {
		f |= FlagAccepted
	}
	if s.Interp != "" {
		f |= FlagInterp
	}
	if s.Total.Kind != "" && s.Total.Kind != "absent" && s.Total.Reported != s.Total.True {
		f |= FlagTotalDiffers
	}
	if s.HasNext.Kind != "" && s.HasNext.Kind != "none" && s.HasNext.Reported != s.HasNext.True {
		f |= FlagNextDiffers
	}
	if s.Cost.Seek {
		f |= FlagSeek
	}
	if s.Walk >= 0 {
		f |= FlagInWalk
	}
	if !s.Accepted {
		f |= FlagRefused
	}
	if (s.Accepted && s.Reason != "") || s.Interp != "" {
		f |= FlagNote
	}
	return f
}

// HeadJSON is the compact form: the trace without its steps, a column per
// step field the views need whole, and the first rows steps as RowsJSON
// writes them:
//
//	{"profile","vendor","setup","n","flagBits":{"request":1,...},"kinds":[...],"cols":{"kind","line","size",
//	 "status","flags","rows","walkRows","count"},"rows":[...],
//	 "firstRefusal":{"i","reason"}|null,"firstInterpretation":{"i","text"}|null,
//	 "walkDetail":[...],"firstRequests":[...] (traceview_find.go),
//	 "walks","summary","expectations","warnings" (when there are any)}
//
// cols.kind holds indexes into kinds; cols.count is the records a request
// returned or a mutation affected. warnings are the trace's Warnings as
// DiagnosticsJSON writes them: the input the contract ignores, which the
// editor shows with the results (the page makes one call per run).
func (v *View) HeadJSON(rows int) []byte {
	t := v.T
	w := &json.Writer{B: make([]byte, 0, 4096+len(t.Steps)*48)}
	w.Open('{')
	t.writeHead(w)
	if len(t.Warnings) > 0 {
		w.Key("warnings")
		w.Raw(DiagnosticsJSON(t.Warnings))
	}
	w.Key("n")
	w.Int(int64(len(t.Steps)))
	w.Key("flagBits")
	w.Open('{')
	for i, name := range flagNames {
		w.Key(name)
		w.Int(1 << i)
	}
	w.Close('}')
	var kinds []string
	kindIndex := map[string]int{}
	for i := range t.Steps {
		k := t.Steps[i].Kind
		if _, ok := kindIndex[k]; !ok {
			kindIndex[k] = len(kinds)
			kinds = append(kinds, k)
		}
	}
	w.Key("kinds")
	w.Open('[')
	for _, k := range kinds {
		w.Str(k)
	}
	w.Close(']')
	w.Key("cols")
	w.Open('{')
	col := func(name string, f func(s *TraceStep) int64) {
		w.Key(name)
		w.Open('[')
		for i := range t.Steps {
			w.Int(f(&t.Steps[i]))
		}
		w.Close(']')
	}
	col("kind", func(s *TraceStep) int64 { return int64(kindIndex[s.Kind]) })
	col("line", func(s *TraceStep) int64 { return int64(s.Line) })
	col("size", func(s *TraceStep) int64 { return s.Size })
	col("status", func(s *TraceStep) int64 {
		if s.Response == nil {
			return 0
		}
		return int64(s.Response.Status)
	})
	f := v.locate()
	col("flags", func(s *TraceStep) int64 { return int64(s.Flags() | f.flag(s.Index)) })
	col("rows", func(s *TraceStep) int64 { return s.Cost.Rows })
	col("walkRows", func(s *TraceStep) int64 { return s.Cost.WalkRows })
	col("count", func(s *TraceStep) int64 {
		if s.Request != nil {
			return int64(s.ids.len())
		}
		return s.Count
	})
	w.Close('}')
	w.Key("rows")
	v.writeRows(w, 0, rows)
	first := func(name, field string, pick func(s *TraceStep) string) {
		w.Key(name)
		for i := range t.Steps {
			if x := pick(&t.Steps[i]); x != "" {
				w.Open('{')
				w.Key("i")
				w.Int(int64(i))
				w.Key(field)
				w.Str(x)
				w.Close('}')
				return
			}
		}
		w.Null()
	}
	first("firstRefusal", "reason", func(s *TraceStep) string {
		if s.Request != nil && !s.Accepted {
			if s.Reason == "" {
				return "refused"
			}
			return s.Reason
		}
		return ""
	})
	first("firstInterpretation", "text", func(s *TraceStep) string { return s.Interp })
	v.writeWalkDetail(w)
	v.writeFirstRequests(w)
	t.writeTail(w)
	w.Close('}')
	return w.B
}

// RowsJSON is steps [from, to) as a JSON array of step objects (trace.go's
// field names) without their response bodies ("body": null), each with
// "repeats": the records its walk had returned before, when there are any.
func (v *View) RowsJSON(from, to int) []byte {
	w := &json.Writer{}
	v.writeRows(w, from, to)
	return w.B
}

func (v *View) writeRows(w *json.Writer, from, to int) {
	from = max(0, from)
	to = min(to, len(v.T.Steps))
	w.Open('[')
	for i := from; i < to; i++ {
		s := &v.T.Steps[i]
		w.Open('{')
		writeStepFields(w, s, false)
		if rep := v.Repeats(i); len(rep) > 0 {
			w.Key("repeats")
			w.Open('[')
			for _, id := range rep {
				w.Int(id)
			}
			w.Close(']')
		}
		v.writeFinds(w, i)
		w.Close('}')
	}
	w.Close(']')
}

// Repeats is the records step i returned that its walk had returned before:
// the duplicates, where they happen. Nil for walks larger than maxRepeatScan.
func (v *View) Repeats(i int) []int64 {
	s := &v.T.Steps[i]
	if s.Request == nil || s.Walk < 0 || s.Walk >= len(v.T.Walks) {
		return nil
	}
	if wr := &v.T.Walks[s.Walk]; wr.Duplicates.Count > 0 && wr.Seen <= maxRepeatScan {
		v.locate()
		v.scanWalk(s.Walk)
	}
	return v.repeats[i]
}

// exportChunk is about how many bytes WriteJSON and WriteCSV hand over at a time.
const exportChunk = 1 << 20

// WriteJSON writes the complete trace, every body included, as Trace.JSON
// does, in chunks of about a megabyte: a front end streams it into a file
// without holding it whole.
func (t *Trace) WriteJSON(emit func([]byte)) {
	w := &json.Writer{B: make([]byte, 0, exportChunk+exportChunk/4)}
	w.Open('{')
	t.writeHead(w)
	w.Key("steps")
	w.Open('[')
	for i := range t.Steps {
		writeStep(w, &t.Steps[i], true)
		if len(w.B) >= exportChunk {
			emit(w.B)
			w.B = w.B[:0]
		}
	}
	w.Close(']')
	w.Key("bodiesOmitted")
	w.Int(0)
	t.writeTail(w)
	w.Close('}')
	emit(w.B)
}

// csvColumns are the CSV export's columns, one row per step.
var csvColumns = []string{"step", "line", "tick", "client", "kind", "source", "method", "url", "status", "accepted", "reason",
	"records", "first_id", "last_id", "position", "total_kind", "total_reported", "total_true",
	"next_reported", "next_true", "rows", "walk", "page", "size"}

// WriteCSV writes one row per step (RFC 4180, CRLF line ends) in chunks of
// about a megabyte. A cell that a spreadsheet would read as a formula (=, +,
// -, @, tab) is quoted.
func (t *Trace) WriteCSV(emit func([]byte)) {
	b := make([]byte, 0, exportChunk+exportChunk/4)
	for i, c := range csvColumns {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, c...)
	}
	b = append(b, '\r', '\n')
	// One call per cell, appended as it comes: a row built as a slice of
	// strings cost the WASM 4 KB of code.
	r := &csvRow{b: b}
	for i := range t.Steps {
		s := &t.Steps[i]
		r.cells = 0
		src := s.Source
		if src == "" {
			src = s.Text
		}
		r.num(int64(s.Index + 1))
		r.num(int64(s.Line))
		r.num(s.Tick)
		r.cell(s.Client)
		r.cell(s.Kind)
		r.cell(src)
		if s.Request != nil {
			r.cell(s.Request.Method)
			r.cell(s.Request.URL)
			r.num(int64(s.Response.Status))
			r.cell(strconv.FormatBool(s.Accepted))
			r.cell(s.Reason)
			ids := s.ids.slice()
			r.num(int64(len(ids)))
			if len(ids) > 0 {
				r.num(ids[0])
				r.num(ids[len(ids)-1])
			} else {
				r.blank(2)
			}
			r.num(s.Position)
			r.cell(s.Total.Kind)
			r.num(s.Total.Reported)
			r.num(s.Total.True)
			r.cell(strconv.FormatBool(s.HasNext.Reported))
			r.cell(strconv.FormatBool(s.HasNext.True))
			r.num(s.Cost.Rows)
			if s.Walk >= 0 {
				r.num(int64(s.Walk + 1))
			} else {
				r.blank(1)
			}
			if s.Page > 0 {
				r.num(int64(s.Page))
			} else {
				r.blank(1)
			}
		} else {
			r.blank(4)
			r.cell(s.Text)
			r.num(s.Count)
			r.blank(2)
			if s.At >= 0 {
				r.num(s.At)
			} else {
				r.blank(1)
			}
			r.blank(8)
		}
		r.num(s.Size)
		r.b = append(r.b, '\r', '\n')
		if len(r.b) >= exportChunk {
			emit(r.b)
			r.b = r.b[:0]
		}
	}
	emit(r.b)
}

// csvRow appends a CSV row's cells to b.
type csvRow struct {
	b     []byte
	cells int
}

//go:noinline
func (r *csvRow) cell(c string) {
	if r.cells > 0 {
		r.b = append(r.b, ',')
	}
	r.cells++
	r.b = appendCSVCell(r.b, c)
}

//go:noinline
func (r *csvRow) num(n int64) { r.cell(strconv.FormatInt(n, 10)) }

func (r *csvRow) blank(n int) {
	for range n {
		r.cell("")
	}
}

func appendCSVCell(b []byte, s string) []byte {
	quote := false
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '"' || c == ',' || c == '\n' || c == '\r' {
			quote = true
			break
		}
	}
	if s != "" && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t') {
		quote = true
	}
	if !quote {
		return append(b, s...)
	}
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		if s[i] == '"' {
			b = append(b, '"')
		}
		b = append(b, s[i])
	}
	return append(b, '"')
}
