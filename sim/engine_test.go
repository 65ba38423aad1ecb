package sim

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Small constructors for steps, so tests read like scenarios.
func get(target string) Step        { return Step{Kind: StepRequest, Method: "GET", Target: target} }
func next() Step                    { return Step{Kind: StepNext} }
func walkAll() Step                 { return Step{Kind: StepWalk} }
func insertHead(n int64) Step       { return Step{Kind: StepInsert, Count: n, At: -1} }
func deleteAt(p int64) Step         { return Step{Kind: StepDelete, From: p, To: p} }
func as(client string, s Step) Step { s.Client = client; return s }
func scenario(profile string, records int64, steps ...Step) *Scenario {
	return &Scenario{Setup: Setup{Profile: profile, Records: records, Sort: defaultSort}, Steps: steps}
}

func requests(t *Trace) []TraceStep {
	var out []TraceStep
	for _, s := range t.Steps {
		if s.Kind == "request" {
			out = append(out, s)
		}
	}
	return out
}

// An insert at the head during an offset walk pushes every record down one
// place: the next page starts with the record the previous page ended on.
// One duplicate per insert, and nothing missed.
func TestOffsetWalkInsertAtHeadGivesOneDuplicatePerInsert(t *testing.T) {
	for _, inserts := range []int64{1, 2, 3} {
		tr := execute(scenario("offset", 50,
			get("/items?offset=0&limit=10"), next(), insertHead(inserts), next(), walkAll()))
		require.Len(t, tr.Walks, 1)
		w := tr.Walks[0]
		assert.True(t, w.Complete)
		assert.Equal(t, inserts, w.Duplicates.Count, "inserts=%d", inserts)
		assert.Equal(t, int64(0), w.Missed.Count)
		assert.Equal(t, inserts, w.Inserted.Count)
		assert.Equal(t, int64(0), w.InsertedSeen, "the new records went in above the client's offset")
		assert.False(t, w.Consistent)
		// Page 3 starts where page 2 ended.
		reqs := requests(tr)
		assert.Equal(t, reqs[1].Records()[10-inserts:], reqs[2].Records()[:inserts])
	}
}

// A delete behind the client's position pulls every record up one place: the
// next page skips the record that would have started it.
func TestOffsetWalkDeleteBehindGivesOneMiss(t *testing.T) {
	tr := execute(scenario("offset", 50,
		get("/items?offset=0&limit=10"), next(), deleteAt(3), walkAll()))
	w := tr.Walks[0]
	assert.Equal(t, int64(0), w.Duplicates.Count)
	assert.Equal(t, int64(1), w.Missed.Count)
	assert.Equal(t, []int64{30}, w.Missed.IDs, "ids 50..31 were on pages 1-2; 30 slid to offset 19, already read")
	assert.Equal(t, int64(1), w.Deleted.Count)
	assert.Equal(t, int64(1), w.DeletedSeen)
	assert.False(t, w.Consistent)
}

// The same mutations against a keyset walk: no duplicate, no miss.
func TestCursorWalkUnderTheSameMutationsIsConsistent(t *testing.T) {
	tr := execute(scenario("cursor", 50,
		get("/items?limit=10"), next(), insertHead(3), deleteAt(3), next(), walkAll()))
	w := tr.Walks[0]
	assert.True(t, w.Complete)
	assert.True(t, w.Consistent, w.Verdict)
	assert.Equal(t, int64(50), w.Distinct, "every original record once; the 3 new ones are above the walk")
	assert.Equal(t, int64(1), w.DeletedSeen, "position 3 was record 50, seen on page 1")
	assert.Equal(t, int64(3), w.Inserted.Count)
	assert.Equal(t, int64(0), w.InsertedSeen)
	for _, s := range requests(tr)[1:] {
		assert.True(t, s.Cost.Seek)
		assert.Equal(t, int64(len(s.Records())), s.Cost.Rows)
	}
}

// Without a tiebreaker the database may order ties differently per query, so
// an offset walk over a list where every key is shared repeats and skips
// records with no mutation at all.
func TestOffsetWithoutTiebreakerDuplicatesAndMisses(t *testing.T) {
	s := scenario("offset", 100, get("/items?offset=0&limit=10"), walkAll())
	s.Setup.Sort = sortSpec{Bucket: 50, Tiebreak: false}
	w := execute(s).Walks[0]
	assert.True(t, w.Complete)
	assert.Positive(t, w.Duplicates.Count)
	assert.Positive(t, w.Missed.Count)
	assert.Equal(t, w.Seen-w.Distinct, w.Missed.Count, "100 rows returned, 100 records: every repeat hides one")

	s.Setup.Sort = sortSpec{Bucket: 50, Tiebreak: true}
	assert.True(t, execute(s).Walks[0].Consistent, "the id tiebreaker makes the order total")
}

// A keyset cursor without a tiebreaker carries the key only, and skips the
// rest of the last key's group.
func TestCursorWithoutTiebreakerSkipsTies(t *testing.T) {
	s := scenario("cursor", 30, get("/items?limit=4"), walkAll())
	s.Setup.Sort = sortSpec{Bucket: 10, Tiebreak: false}
	w := execute(s).Walks[0]
	assert.Equal(t, int64(0), w.Duplicates.Count)
	assert.Positive(t, w.Missed.Count)
}

func TestOffsetCostGrowsWithDepth(t *testing.T) {
	tr := execute(scenario("offset", 45, get("/items?offset=0&limit=10"), walkAll()))
	var rows []int64
	for _, s := range requests(tr) {
		rows = append(rows, s.Cost.Rows)
	}
	assert.Equal(t, []int64{10, 20, 30, 40, 45}, rows)
	assert.Equal(t, int64(145), tr.Walks[0].Rows)
}

func TestClientsHaveTheirOwnWalks(t *testing.T) {
	tr := execute(scenario("page", 30,
		as("alice", get("/items?page=1&per_page=10")),
		as("bob", get("/items?page=1&per_page=10")),
		as("alice", next()), as("bob", next()), as("alice", next())))
	require.Len(t, tr.Walks, 2)
	assert.Equal(t, "alice", tr.Walks[0].Client)
	assert.True(t, tr.Walks[0].Complete)
	assert.False(t, tr.Walks[1].Complete)
	assert.Equal(t, int64(20), tr.Walks[1].Distinct)
	assert.Equal(t, int64(0), tr.Walks[1].Missed.Count, "records beyond where bob stopped are unreached, not missed")
	assert.Equal(t, []Span{{SeenOnce, 20}, {NotReached, 10}}, tr.Walks[1].Strip)
	assert.Equal(t, int64(10), tr.Walks[1].Unreached, "30 records, bob read 2 pages of 10")
}

func TestHugeDatasetDeepPage(t *testing.T) {
	tr := execute(scenario("offset", 1_000_000_000, get("/items?offset=999999990&limit=20")))
	s := requests(tr)[0]
	assert.Equal(t, []int64{10, 9, 8, 7, 6, 5, 4, 3, 2, 1}, s.Records())
	assert.Equal(t, int64(1_000_000_000), s.Total.True)
}

// A walk that begins mid-list (page 3 first) says nothing about the records
// before its first page: they are unreached, not missed.
func TestWalkStartingMidListLeavesTheHeadUnreached(t *testing.T) {
	tr := execute(scenario("page", 50, get("/items?page=3&per_page=10"), walkAll()))
	require.Len(t, tr.Walks, 1)
	w := tr.Walks[0]
	assert.True(t, w.Complete)
	assert.Equal(t, int64(0), w.Missed.Count)
	assert.True(t, w.Consistent)
	assert.Equal(t, []Span{{NotReached, 20}, {SeenOnce, 30}}, w.Strip)

	// Records it skipped inside the part it covered are still missed.
	tr = execute(scenario("offset", 50, get("/items?offset=20&limit=10"), deleteAt(25), walkAll()))
	w = tr.Walks[0]
	assert.Equal(t, int64(1), w.Missed.Count)
	// Position 25 was on the walk's first page: it vanishes where it stood,
	// and the record at 30 slides to 29, behind the walk.
	assert.Equal(t, []Span{{NotReached, 20}, {SeenOnce, 5}, {VanishedSeen, 1}, {SeenOnce, 4}, {Missed, 1}, {SeenOnce, 19}}, w.Strip)
}

// A walk says why it stopped: the client found no next page (a client that
// trusts Flashduty's capped total stops at page 10 of 15), or its last
// request was refused (p=101 is past the 10,000 window).
func TestStoppedWalksSayWhy(t *testing.T) {
	s := scenario("flashduty", 1500, Step{Kind: StepRequest, Method: "POST", Target: "/incident/list", Body: `{"p":1,"limit":100}`}, walkAll())
	s.Setup.Options = []Option{{Name: "client", Value: "total"}}
	w := execute(s).Walks[0]
	assert.True(t, w.Complete, "the client believes it reached the end")
	// has_next_page was true: the walk ended on the client's arithmetic, and
	// it must not be said to have found no next page.
	assert.True(t, strings.HasPrefix(w.Stopped, "the client computed ⌈total/limit⌉ = ⌈1000/100⌉ = 10 pages"), w.Stopped)
	assert.NotContains(t, w.Stopped, "no next page")
	assert.Equal(t, int64(1000), w.Distinct)
	assert.Equal(t, int64(500), w.Missed.Count, "what the misled client never read is missed, not unreached")
	assert.Zero(t, w.Unreached)
	assert.True(t, strings.HasPrefix(w.Verdict, "The client ended the walk: the client computed"), w.Verdict)
	assert.NotContains(t, w.Verdict, "no next page")

	w = execute(scenario("flashduty", 12000, Step{Kind: StepRequest, Method: "POST", Target: "/incident/list", Body: `{"p":1,"limit":100}`}, walkAll())).Walks[0]
	assert.Equal(t, "its last request was refused (400)", w.Stopped)
	assert.Contains(t, w.Verdict, "Stopped after 100 pages (its last request was refused (400))")
}

// A walk chasing a stream (five new records a tick, one read a page) never
// ends by itself: the run stops at the request limit and says so.
func TestAWalkChasingAStreamStopsAtTheRequestLimit(t *testing.T) {
	tr := execute(scenario("offset", 10, Step{Kind: StepStream, Count: 5, Every: 1}, get("/items?limit=1"), walkAll()))
	assert.Equal(t, MaxRequests, tr.Summary.Requests)
	assert.Equal(t, []string{"the run stopped at its limit of 20,000 requests"}, tr.Summary.Errors)
	assert.Equal(t, StoppedRequests, tr.Summary.Stopped)
	require.Len(t, tr.Walks, 1)
	assert.Equal(t, "the run stopped at its limit of 20,000 requests", tr.Walks[0].Stopped)
}
