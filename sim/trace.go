package sim

// A Trace is the result of running a scenario: one entry per step executed
// (walks are expanded into their requests) and one drift report per walk.
// Trace.JSON encodes it; the JSON field names are given beside each field and
// are the contract with the front end.
type Trace struct {
	Profile string       // "profile"
	Vendor  string       // "vendor": "" for the generic models
	Setup   TraceSetup   // "setup"
	Steps   []TraceStep  // "steps"
	Walks   []WalkReport // "walks"
	Summary Summary      // "summary"

	Expectations []ExpectResult // "expectations": the scenario's expect lines, met or not

	// Warnings (not in the JSON: the editor gets them from Check) are the
	// input the contract ignores, when the trace comes from RunText.
	Warnings []Diagnostic

	// moved is the records updates moved, with their steps, in order: the
	// only steps that reorder records that stay (for placing a walk's
	// misses at the request that went past them, traceview_find.go).
	moved []idAt
}

// idAt is a record and the step that did something to it.
type idAt struct {
	id   int64
	step int
}

// TraceSetup is the setup as it was applied, with the profile's defaults filled in.
type TraceSetup struct {
	Records int64      // "records": initial size
	Order   string     // "order": "newest-first" | "oldest-first"
	Sort    string     // "sort": e.g. "created, id" or "created/60"
	Seed    uint64     // "seed"
	Options []Option   // "options": [{"name","value"}] effective profile options, defaults included
	Rules   []RuleNote // "rules": the profile's rules, each with its source or interpretation mark
}

// RuleNote is one rule of a profile as shown beside the results.
type RuleNote struct {
	Text           string // "text": the rule in plain words
	Source         string // "source": where it comes from, e.g. "Flashduty doc" ("" for generic models)
	Interpretation bool   // "interpretation": true when the source is silent or contradicts itself
}

// TraceStep is one executed step. Kind is "request" for anything that sent a
// request (requests, next, prev, first, each page of a walk) and the mutation
// kind otherwise ("insert", "delete", "update", "stream", "wait", "header").
type TraceStep struct {
	Index  int    // "i": position in Steps
	Line   int    // "line": scenario line that produced it (0 for stream inserts and live requests)
	Origin string // "origin": a live request's origin instead of a line (Live), e.g. "client request 3, code line 12"
	Tick   int64  // "tick": the clock after the step
	Kind   string // "kind"
	Client string // "client": "" for mutations; "default" or the @name
	Source string // "source": the scenario text of the step, e.g. "next" or "GET /x?page=2"
	Size   int64  // "size": true dataset size after the step

	// Requests only.
	Request  *TraceRequest  // "request"
	Response *TraceResponse // "response"
	Accepted bool           // "accepted": 2xx
	Reason   string         // "reason": why it was refused, or what is notable, in plain words
	Interp   string         // "interpretation": non-empty when the behaviour is our reading of the doc: one sentence of why
	ids      idList         // "records": ids returned, in order (Records, NumRecords, RecordAt)
	Position int64          // "position": list position of the first record returned at that moment, -1 if none or not in the list
	Total    TotalReport    // "total"
	HasNext  NextReport     // "hasNext"
	Cost     Cost           // "cost"
	Walk     int            // "walk": index into Walks, -1 if the request is in no walk
	Page     int            // "page": 1-based page number within the walk, 0 if none

	// Mutations only: what happened, in plain words ("inserted 3 records at the
	// head: ids 1001–1003"), and where (list positions at that moment).
	Text  string // "text"
	At    int64  // "at": first position affected, -1 if none
	Count int64  // "count": records affected
}

// TraceRequest is the request as sent, headers included (client headers merged).
type TraceRequest struct {
	Method string   // "method"
	URL    string   // "url"
	Header []Header // "headers": [[name, value], ...]
	Body   string   // "body": raw JSON text or ""
}

// TraceResponse is the response as a client receives it.
type TraceResponse struct {
	Status int      // "status"
	Header []Header // "headers": [[name, value], ...]

	// The body ("body") is not kept: Body rebuilds it from its shape (the
	// Response's fields beside the items) and from the ids it returned, each
	// with its created tick and key as its run gives them, but for moved, the
	// items that differed from that when the response was made (keys set by
	// updates). A page of 100 records is 2.4 KB as records, 24 bytes as ids.
	bare     bool
	itemsKey string
	idName   string
	idString func(int64) string
	fields   []bodyField
	ids      idList
	moved    []record
	data     *listData
}

// Body returns the response body as JSON ("body", embedded as a value, not a
// string). It is encoded on each call: a run of 10,000 requests should not
// pay for 10,000 bodies nobody opens, nor keep those that were.
func (r *TraceResponse) Body() []byte {
	ids := r.ids.slice()
	items := make([]record, len(ids))
	for i, id := range ids {
		items[i] = r.data.asCreated(id)
		for _, m := range r.moved {
			if m.ID == id {
				items[i] = m
			}
		}
	}
	return responseBody(&response{Bare: r.bare, ItemsKey: r.itemsKey, Items: items, Fields: r.fields,
		IDName: r.idName, IDString: r.idString})
}

// TotalReport sets what the server said about the total beside the truth.
type TotalReport struct {
	Kind     string // "kind": "exact" | "capped" | "estimated" | "stale" | "absent"
	Reported int64  // "reported": the number the server sent (0 when absent)
	True     int64  // "true": the true count at that moment (of what the request selects)
}

// NextReport sets what the response said about a next page beside the truth.
// Kind says how it was said: "flag" (has_more, has_next_page), "link" (a next
// link or URL present), "cursor" (a next cursor present), "none" (the response
// says nothing: the client has to guess, e.g. from a short page).
type NextReport struct {
	Kind     string // "kind"
	Reported bool   // "reported"
	True     bool   // "true": whether unseen records remain after this page in walk order
}

// Cost is the database work a request stands for: an offset query reads
// offset+limit rows; a keyset query seeks an index and reads limit rows.
type Cost struct {
	Rows     int64 // "rows": rows read by this request
	Seek     bool  // "seek": an index seek instead of a scan from the start
	WalkRows int64 // "walkRows": cumulative rows of the walk so far (0 outside walks)
}

// WalkReport is the drift report of one walk: a client's pass from a first page
// to the end (Complete) or to where it stopped.
type WalkReport struct {
	Client       string // "client"
	Steps        []int  // "steps": indexes into Trace.Steps
	Complete     bool   // "complete": reached a response with no next page
	Stopped      string // "stopped": why it ended when not complete, in plain words
	Seen         int64  // "seen": records returned, counting repeats
	Distinct     int64  // "distinct": distinct records returned
	Duplicates   IDSet  // "duplicates": records returned more than once
	Missed       IDSet  // "missed": present for the whole walk, in the part of the list the walk covered, never returned
	Unreached    int64  // "unreached": records outside the part it covered, so neither returned nor missed: before its first page (it began mid-list) and after its last (it stopped before the end); the strip's "unreached" spans
	Inserted     IDSet  // "inserted": records that arrived during the walk
	InsertedSeen int64  // "insertedSeen": how many of those the walk returned
	Deleted      IDSet  // "deleted": records that vanished during the walk
	DeletedSeen  int64  // "deletedSeen": how many of those the walk had returned
	Consistent   bool   // "consistent": no duplicates, no misses, and no refusal stopped it (Outcome is "consistent")
	Outcome      string // "outcome": the walk in a word: WalkConsistent, WalkDrifted, or WalkRefused
	Rows         int64  // "rows": rows read by all its requests
	Requests     int    // "requests"
	Strip        []Span // "strip": the walk's records in list order, run-length encoded
	Verdict      string // "verdict": one sentence summing it up

	// end is how many steps the trace had when the walk was judged: its
	// strip is the list order then.
	end int
	// head is how many of the Unreached records lie before its first page.
	head int64
	// ids is Strip with the records' ids (not in the trace's JSON: the
	// compact head carries it for the drift readout, see traceview.go), nil
	// when the walk's list is too fragmented to keep it (maxIDSpans).
	ids []span
	// twice is the ids returned more than once, as sorted disjoint runs
	// (for locating the duplicates at their steps); empty but not nil when
	// there were too many runs to keep (maxTwiceRuns).
	twice []idRun
}

// A walk's outcome (WalkReport.Outcome). A walk that a refusal stopped
// before its end is not consistent: it did not get to the records a
// consistent walk returns, and its client got an error, not the list.
const (
	WalkConsistent = "consistent" // no record twice, none missed, not stopped by a refusal
	WalkDrifted    = "drifted"    // records returned twice or missed
	WalkRefused    = "refused"    // no drift, but its last request was refused before the end
)

// IDSet is a count with the first ids (at most maxListedIDs) for display.
type IDSet struct {
	Count int64   // "count"
	IDs   []int64 // "ids"
}

const maxListedIDs = 100

// A Span is Count consecutive records of the walk's universe, in list order at
// the end of the walk (records deleted during the walk stand where they were),
// that share a State.
type Span struct {
	State RunState // "s"
	Count int64    // "n"
}

// RunState is what the walk did to a record. The front end draws each with a
// colour and a second cue (pattern or mark).
type RunState uint8

const (
	SeenOnce       RunState = iota // "once"
	SeenTwice                      // "twice": seen two or more times
	Missed                         // "missed": present all along, never seen
	NotReached                     // "unreached": beyond where a stopped walk got
	ArrivedSeen                    // "arrived-seen": inserted during the walk and seen
	ArrivedUnseen                  // "arrived": inserted during the walk, not seen
	VanishedSeen                   // "vanished-seen": deleted during the walk after being seen
	VanishedUnseen                 // "vanished": deleted during the walk, never seen
)

var runStateNames = [...]string{"once", "twice", "missed", "unreached", "arrived-seen", "arrived", "vanished-seen", "vanished"}

func (s RunState) String() string { return runStateNames[s] }

// Summary counts the whole run.
type Summary struct {
	Requests     int      // "requests"
	Accepted     int      // "accepted"
	Refused      int      // "refused"
	Walks        int      // "walks"
	Consistent   int      // "consistent": walks with no duplicates and no misses that no refusal stopped
	RefusedWalks int      // "refusedWalks": walks a refusal stopped before their end, with no drift until then (Outcome WalkRefused)
	Unreached    int64    // "unreached": the walks' Unreached records, summed (a record two walks did not reach counts twice)
	Rows         int64    // "rows": all rows read
	FinalSize    int64    // "finalSize"
	Errors       []string // "errors": client-side errors, e.g. a walk cap exceeded, and where a run stopped

	// Where the run stopped before its end, at a limit or a work budget
	// (budget.go): the budget's name (StoppedRecords, ...; "" when the run
	// ran to its end) and the scenario line of the step it stopped at (0 for
	// a live request).
	Stopped     string // "stopped"
	StoppedLine int    // "stoppedLine"
}
