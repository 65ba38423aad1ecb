package sim

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pagingplayground/internal/json"
)

// withHeader adds a header line under a request step.
func withHeader(s Step, name, value string) Step {
	s.Headers = append(s.Headers, Header{name, value})
	return s
}

// header is the `header Name: value` step.
func header(name, value string) Step { return Step{Kind: StepHeader, Name: name, Value: value} }

func prevStep() Step { return Step{Kind: StepPrev} }

// accepted lists, per request of the trace, whether it was accepted.
func accepted(t *Trace) []bool {
	var out []bool
	for _, s := range requests(t) {
		out = append(out, s.Accepted)
	}
	return out
}

// ids returns first, first-1, ..., first-n+1: a newest-first run.
func idsDown(first, n int64) []int64 {
	out := make([]int64, n)
	for i := range out {
		out[i] = first - int64(i)
	}
	return out
}

func pages(path string, nums ...int) []Step {
	var out []Step
	for _, n := range nums {
		out = append(out, get(path+"?page="+itoa(int64(n))+"&limit=10"))
	}
	return out
}

// Seed 000: before January 2021 "you could fetch any possible page ... each
// call was completely independent": 5, 2, 8 and 1, 4, 2 are all answered.
func TestCodefreshLegacyAnyOrderIsValid(t *testing.T) {
	tr := execute(scenario("codefresh-legacy", 100, pages("/workflow", 5, 2, 8, 1, 4, 2)...))
	assert.Equal(t, []bool{true, true, true, true, true, true}, accepted(tr))
	reqs := requests(tr)
	assert.Equal(t, idsDown(60, 10), reqs[0].Records(), "page 5 of 10 is list positions 40-49")
	assert.Equal(t, idsDown(90, 10), reqs[1].Records())
	assert.Equal(t, idsDown(30, 10), reqs[2].Records())
	// Every page is valid, and none follows the one before: each starts a
	// walk of its own there (page 1 from the head), and says so.
	for i := range reqs {
		assert.Equal(t, walkFirst, walkRoleOf(tr, i), "request %d", i)
	}
	assert.Empty(t, reqs[0].Reason, "the client's first page is just a first page")
	assert.Contains(t, reqs[1].Reason, "page 2 is valid here (every page is independent), but page 2 does not follow this client's last page (page 5)")
	assert.Len(t, tr.Walks, 6)
}

func walkRoleOf(tr *Trace, i int) walkRel {
	s := requests(tr)[i]
	switch {
	case s.Walk < 0:
		return walkNone
	case s.Page == 1:
		return walkFirst
	}
	return walkContinue
}

func TestCodefreshLegacyRefusesPagesBelowOne(t *testing.T) {
	tr := execute(scenario("codefresh-legacy", 100, pages("/workflow", 0, -1)...))
	assert.Equal(t, []bool{false, false}, accepted(tr))
	assert.NotEmpty(t, requests(tr)[0].Interp)
}

func TestCodefreshLegacyDefaultPageSizeIs25AndClampsAt100(t *testing.T) {
	tr := execute(scenario("codefresh-legacy", 300, get("/workflow?page=1"), get("/workflow?page=1&limit=500")))
	reqs := requests(tr)
	assert.Len(t, reqs[0].Records(), 25)
	assert.Len(t, reqs[1].Records(), 100)
	assert.Contains(t, reqs[1].Reason, "clamped")
	assert.Equal(t, codefreshSizeInterp, reqs[1].Interp)
	tr = execute(scenario("codefresh", 300, get("/workflow?page=1&limit=500"), get("/workflow?page=1&limit=500")))
	assert.Len(t, requests(tr)[0].Records(), 100)
	assert.Equal(t, codefreshSizeInterp, requests(tr)[0].Interp)
	assert.Equal(t, codefreshSizeInterp+" "+cfResetInterp, requests(tr)[1].Interp)
}

// Builds arriving at the head push the old pages down: page 2 repeats the
// builds page 1 ended with.
func TestCodefreshLegacyDriftsLikeOffset(t *testing.T) {
	tr := execute(scenario("codefresh-legacy", 40,
		get("/workflow?page=1&limit=10"), insertHead(3), next(), next(), next(), next()))
	require.Len(t, tr.Walks, 1)
	w := tr.Walks[0]
	assert.True(t, w.Complete)
	assert.Equal(t, int64(3), w.Duplicates.Count)
	assert.Equal(t, []int64{33, 32, 31, 30, 29, 28, 27, 26, 25, 24}, requests(tr)[1].Records())
}

// Seed 000: "After 7th January 2021 both of the examples shown above will
// become invalid operations." A fresh session has no cursor, so 5, 2 and 8
// are jumps; in 1, 4, 2 the 4 is a jump from page 1 and the cursor stays on
// page 1, from where 2 is the next page.
func TestCodefreshRefusesTheSeedsJumps(t *testing.T) {
	tr := execute(scenario("codefresh", 100, pages("/workflow", 5, 2, 8, 1, 4, 2)...))
	assert.Equal(t, []bool{false, false, false, true, false, true}, accepted(tr))
	reqs := requests(tr)
	assert.Equal(t, "page 5 is a jump: the default session (no X-Pagination-Session-Id) has no cursor yet, and a cursor starts at page 1", reqs[0].Reason)
	assert.Equal(t, cfFirstInterp, reqs[0].Interp)
	assert.Equal(t, "page 4 is a jump from page 1: the cursor can only go to page 2, page 0, or back to page 1", reqs[4].Reason)
	assert.Equal(t, cfRefusalInterp, reqs[4].Interp)
	assert.Equal(t, 400, reqs[4].Response.Status)
	assert.Equal(t, idsDown(90, 10), reqs[5].Records(), "the refused 4 left the cursor on page 1")
}

func TestCodefreshSeedSequences(t *testing.T) {
	for _, c := range []struct {
		name  string
		pages []int
		want  []bool
	}{
		{"getting pages in order", []int{1, 2, 3, 4}, []bool{true, true, true, true}},
		{"moving to the next and previous page", []int{1, 2, 1, 2, 3}, []bool{true, true, true, true, true}},
		// The seed lists this one as valid, but 4 after 1 is a jump.
		{"going back to page 1", []int{1, 2, 1, 4, 1}, []bool{true, true, true, false, true}},
		{"new builds", []int{1, 2, 1, 0, -1}, []bool{true, true, true, true, true}},
	} {
		tr := execute(scenario("codefresh", 100, pages("/workflow", c.pages...)...))
		assert.Equal(t, c.want, accepted(tr), c.name)
	}
}

func TestCodefreshAllowedMoves(t *testing.T) {
	// From page 3 (reached by 1, 2, 3), each request on its own.
	for _, c := range []struct {
		page int
		ok   bool
	}{{4, true}, {2, true}, {1, true}, {3, true}, {5, false}, {0, false}, {-3, false}, {100, false}} {
		tr := execute(scenario("codefresh", 100, pages("/workflow", 1, 2, 3, c.page)...))
		assert.Equal(t, c.ok, requests(tr)[3].Accepted, "page %d from page 3", c.page)
	}
	tr := execute(scenario("codefresh", 100, pages("/workflow", 1, 2, 3, 5)...))
	assert.Equal(t, "page 5 is a jump from page 3: the cursor can only go to page 4, page 2, or back to page 1 (or re-read page 3)", requests(tr)[3].Reason)
}

func TestCodefreshMovesText(t *testing.T) {
	assert.Equal(t, "page 2, page 0, or back to page 1", cfMoves(1))
	assert.Equal(t, "page 3 or back to page 1 (or re-read page 2)", cfMoves(2))
	assert.Equal(t, "page -1 or back to page 1 (or re-read page 0)", cfMoves(0))
	assert.Equal(t, "page -1, page -3, or back to page 1 (or re-read page -2)", cfMoves(-2))
}

// A refused jump leaves the cursor where it was: after 1, 2, 3 and a refused
// 8, page 4 still follows page 3.
func TestCodefreshRefusalDoesNotMoveTheCursor(t *testing.T) {
	tr := execute(scenario("codefresh", 100, pages("/workflow", 1, 2, 3, 8, 4)...))
	assert.Equal(t, []bool{true, true, true, false, true}, accepted(tr))
	assert.Equal(t, idsDown(70, 10), requests(tr)[4].Records())
}

func TestCodefreshRereadIsAllowedAndMarked(t *testing.T) {
	tr := execute(scenario("codefresh", 100, pages("/workflow", 1, 2, 2)...))
	reqs := requests(tr)
	assert.Equal(t, []bool{true, true, true}, accepted(tr))
	assert.Equal(t, reqs[1].Records(), reqs[2].Records())
	assert.Equal(t, cfRereadInterp, reqs[2].Interp)
	assert.Equal(t, 0, reqs[2].Page, "re-reading adds no page to the walk")
}

// Pages are anchored on builds: builds arriving at the head during a
// sequential walk neither repeat nor hide any.
func TestCodefreshSequentialWalkDoesNotDrift(t *testing.T) {
	tr := execute(scenario("codefresh", 40,
		get("/workflow?page=1&limit=10"), insertHead(3), next(), insertHead(2), deleteAt(0), next(), next()))
	require.Len(t, tr.Walks, 1)
	w := tr.Walks[0]
	assert.True(t, w.Complete, w.Verdict)
	assert.True(t, w.Consistent, w.Verdict)
	assert.Equal(t, int64(40), w.Distinct)
	assert.Equal(t, idsDown(30, 10), requests(tr)[1].Records())
	for _, s := range requests(tr)[1:] {
		assert.True(t, s.Cost.Seek)
	}
}

// Seed 000's new scenario: 1, 2, 1, 0, -1 while builds arrive. Page 0 holds
// the builds just newer than page 1, page -1 the ones newer than those.
func TestCodefreshNegativePagesHoldNewBuilds(t *testing.T) {
	steps := pages("/workflow", 1, 2, 1)
	steps = append(steps, insertHead(25))
	steps = append(steps, pages("/workflow", 0, -1, -2, -3)...)
	tr := execute(scenario("codefresh", 100, steps...))
	assert.Equal(t, []bool{true, true, true, true, true, true, true}, accepted(tr))
	reqs := requests(tr)
	assert.Empty(t, reqs[6].Records(), "page -3 is an allowed move from page -2, with no builds left above")
	assert.Equal(t, cfResetInterp, reqs[2].Interp)
	assert.Equal(t, idsDown(110, 10), reqs[3].Records())
	assert.Equal(t, idsDown(120, 10), reqs[4].Records())
	assert.Equal(t, idsDown(125, 5), reqs[5].Records())
	prev, _ := fieldOf(reqs[5], "hasPrevPage")
	assert.Equal(t, "false", prev)
	next, _ := fieldOf(reqs[3], "hasNextPage")
	assert.Equal(t, "true", next)
	require.Len(t, tr.Walks, 2)
	assert.Equal(t, int64(25), tr.Walks[1].InsertedSeen, "the walk from the second page 1 went up through all new builds")
	assert.True(t, tr.Walks[1].Consistent)
}

// fieldOf finds a top-level field in a recorded response body.
func fieldOf(s TraceStep, name string) (string, bool) {
	v, err := json.Parse(string(s.Response.Body()))
	if err != nil {
		return "", false
	}
	f, ok := v.Get(name)
	if !ok {
		return "", false
	}
	if f.Kind == json.Bool {
		if f.Bool {
			return "true", true
		}
		return "false", true
	}
	return f.Str, true
}

// Page 1 resets the anchor to the head as it is now: builds that arrived
// since are on the new page 1, and page 0 is empty.
func TestCodefreshPageOneResetsToTheCurrentHead(t *testing.T) {
	tr := execute(scenario("codefresh", 50, get("/workflow?page=1&limit=10"), insertHead(4),
		get("/workflow?page=1&limit=10"), get("/workflow?page=0&limit=10")))
	reqs := requests(tr)
	assert.Equal(t, idsDown(54, 10), reqs[1].Records())
	assert.Empty(t, reqs[2].Records())
	assert.True(t, reqs[2].Accepted)
}

// Seed 000: without X-Pagination-Session-Id, connections "will all have the
// same cursor, and using them all at once will yield undefined results".
func TestCodefreshClientsWithoutSessionIdShareOneCursor(t *testing.T) {
	tr := execute(scenario("codefresh", 100,
		as("alice", get("/workflow?page=1&limit=10")),
		as("alice", next()),
		as("bob", get("/workflow?page=1&limit=10")),
		as("alice", next())))
	assert.Equal(t, []bool{true, true, true, false}, accepted(tr))
	reqs := requests(tr)
	assert.Equal(t, "page 3 is a jump from page 1: the cursor can only go to page 2, page 0, or back to page 1; "+
		"bob had moved the cursor of the default session (no X-Pagination-Session-Id) to page 1", reqs[3].Reason)
	assert.Contains(t, reqs[2].Reason, "put there by alice")
}

// Interference without a refusal: bob resets the shared cursor to a newer
// head, alice's page 2 continues after bob's page 1 and repeats builds.
func TestCodefreshSharedCursorRepeatsBuilds(t *testing.T) {
	tr := execute(scenario("codefresh", 100,
		as("alice", get("/workflow?page=1&limit=10")),
		insertHead(5),
		as("bob", get("/workflow?page=1&limit=10")),
		as("alice", next())))
	assert.Equal(t, []bool{true, true, true}, accepted(tr))
	assert.Equal(t, idsDown(95, 10), requests(tr)[2].Records())
	require.Len(t, tr.Walks, 2)
	assert.Equal(t, "alice", tr.Walks[0].Client)
	assert.Equal(t, int64(5), tr.Walks[0].Duplicates.Count)
}

func TestCodefreshSessionIdsIsolateCursors(t *testing.T) {
	tr := execute(scenario("codefresh", 100,
		as("alice", header(codefreshSessionHeader, "alice-export")),
		as("bob", header(codefreshSessionHeader, "5f1a+step-2")),
		as("alice", get("/workflow?page=1&limit=10")),
		as("alice", next()),
		insertHead(5),
		as("bob", get("/workflow?page=1&limit=10")),
		as("alice", next()),
		as("bob", next()),
		as("alice", next())))
	assert.Equal(t, []bool{true, true, true, true, true, true}, accepted(tr))
	reqs := requests(tr)
	assert.Equal(t, idsDown(80, 10), reqs[3].Records(), "alice's page 3 follows her page 2")
	assert.Equal(t, idsDown(95, 10), reqs[4].Records(), "bob's page 2 follows his page 1")
	for _, s := range reqs {
		assert.NotContains(t, s.Reason, "put there by")
	}
	require.Len(t, tr.Walks, 2)
	assert.True(t, tr.Walks[0].Consistent)
	assert.Equal(t, int64(0), tr.Walks[0].Duplicates.Count)
}

// The pipeline form {workflowId}+{stepsContainerId}: two steps of one
// pipeline have two ids, hence two cursors.
func TestCodefreshPipelineSessionIds(t *testing.T) {
	tr := execute(scenario("codefresh", 100,
		as("step2", withHeader(get("/workflow?page=1&limit=10"), codefreshSessionHeader, "5f1a+step-2")),
		as("step3", withHeader(get("/workflow?page=1&limit=10"), codefreshSessionHeader, "5f1a+step-3")),
		as("step2", withHeader(get("/workflow?page=2&limit=10"), codefreshSessionHeader, "5f1a+step-2")),
		as("step3", withHeader(get("/workflow?page=3&limit=10"), codefreshSessionHeader, "5f1a+step-3"))))
	assert.Equal(t, []bool{true, true, true, false}, accepted(tr))
	assert.Equal(t, "page 3 is a jump from page 1: the cursor can only go to page 2, page 0, or back to page 1", requests(tr)[3].Reason)
}

func TestCodefreshFollowsNextAndPrev(t *testing.T) {
	tr := execute(scenario("codefresh", 25, get("/workflow?page=1&limit=10"), next(), next(), next(), prevStep(), prevStep()))
	reqs := requests(tr)
	require.Len(t, reqs, 5, "the third next finds hasNextPage false and sends nothing")
	assert.Equal(t, "/workflow?page=3&limit=10", reqs[2].Request.URL)
	assert.Equal(t, "/workflow?page=2&limit=10", reqs[3].Request.URL)
	assert.Equal(t, idsDown(15, 10), reqs[3].Records())
	assert.Equal(t, []bool{true, true, true, true, true}, accepted(tr))
}

// Two clients that send the same session id share its cursor, and the
// explanation says so (not that they sent none).
func TestCodefreshSameSessionIDIsSharedToo(t *testing.T) {
	h := func(c string, page string) Step {
		s := as(c, get("/workflow?page="+page))
		s.Headers = []Header{{"X-Pagination-Session-Id", "report"}}
		return s
	}
	tr := execute(scenario("codefresh", 100, h("alice", "1"), h("bob", "1"), h("alice", "2")))
	reason := requests(tr)[2].Reason
	assert.Contains(t, reason, "put there by bob")
	assert.Contains(t, reason, "clients that send the same X-Pagination-Session-Id share its cursor")
}
