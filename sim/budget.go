package sim

import "strconv"

// Work budgets. The limits in scenario.go are checked before a run starts;
// what a run produces depends on how its steps meet the list (a walk of a
// billion records at 10,000 a page, 10,000 clients each walking a million),
// so these are counted as it goes. A run that reaches one stops there: the
// trace so far is the result, and its summary says which budget stopped it
// and at which line (Summary.Stopped, StoppedLine, and a sentence in
// Errors), as the request limit does. All are counts, not clock time, so a
// run that stops, stops at the same place on every machine; together they
// keep any run within about 2 s and a few hundred MB natively (the
// hostile-input tests and BenchmarkHostile hold them to it).
const (
	BudgetRecords = 1_000_000   // record ids returned, all responses together (what the trace holds)
	BudgetRows    = 250_000     // rows written to the trace: requests, mutations, notes, stream batches
	BudgetText    = 16 << 20    // bytes of text the trace carries: URLs, headers, bodies, step texts
	BudgetWork    = 100_000_000 // units of work: a record returned, a header sent, a stream batch, a grave a walk report reads
)

// streamBatchWork is the work of one stream batch, in units: an insert into
// the dataset costs some twenty times a record returned.
const streamBatchWork = 20

// graveWork is the work a walk's report does for one deletion made while it
// was open (sorting the deletions and placing them in its strip), charged
// when the deletion is made: 10,000 clients with walks open and 50,000
// deletions took 50 s of reports at the end.
const graveWork = 20

// The budgets by name, as Summary.Stopped gives them.
const (
	StoppedRequests = "requests" // MaxRequests
	StoppedRecords  = "records"
	StoppedRows     = "rows"
	StoppedText     = "text"
	StoppedWork     = "work"
)

// spent is what a run has used of its budgets.
type spent struct {
	records, rows, text, work int64
}

// charge adds to what the run has spent and reports whether it may go on;
// when the addition would pass a budget it stops the run instead (nothing
// is added, and whatever asked does not happen).
func (e *engine) charge(records, rows, text, work int64) bool {
	if e.aborted {
		return false
	}
	s := &e.spent
	switch {
	case s.records+records > BudgetRecords:
		e.stop(StoppedRecords, "its budget of "+grouped(BudgetRecords)+" records returned (all pages together; fewer or smaller pages stay within it)")
	case s.rows+rows > BudgetRows:
		e.stop(StoppedRows, "its budget of "+grouped(BudgetRows)+" rows in the trace (requests, mutations and stream batches)")
	case s.text+text > BudgetText:
		e.stop(StoppedText, "its budget of "+strconv.Itoa(BudgetText>>20)+" MB of text in the trace (URLs, headers, bodies)")
	case s.work+work > BudgetWork:
		e.stop(StoppedWork, "its budget of "+grouped(BudgetWork)+" units of work (records, headers and stream batches handled)")
	default:
		s.records += records
		s.rows += rows
		s.text += text
		s.work += work
		return true
	}
	return false
}

// stop ends the run at the current step: the summary says which budget and
// where, and walks still open end "stopped at" it.
func (e *engine) stop(budget, what string) {
	if e.aborted {
		return
	}
	e.aborted = true
	e.stopWhy = "the run stopped at " + what
	e.t.Summary.Stopped, e.t.Summary.StoppedLine = budget, e.line
	msg := e.stopWhy
	if e.line > 0 {
		msg = "line " + strconv.Itoa(e.line) + ": " + msg
	}
	e.t.Summary.Errors = append(e.t.Summary.Errors, msg)
}

// headersSize is the bytes a list of headers adds to the trace.
func headersSize(hs []Header) int64 {
	n := int64(0)
	for _, h := range hs {
		n += int64(len(h.Name) + len(h.Value) + 8) // and its JSON: ["",""],
	}
	return n
}

// grouped writes n with thousands separated by commas, for prose: 1,000,000.
func grouped(n int64) string {
	s := strconv.FormatInt(n, 10)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
