package sim

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func stream(count, every int64) Step { return Step{Kind: StepStream, Count: count, Every: every} }
func walkCap(n int) Step             { return Step{Kind: StepWalk, MaxPages: n, Cap: true} }

func withOptions(s *Scenario, kv ...string) *Scenario {
	for i := 0; i+1 < len(kv); i += 2 {
		s.Setup.Options = append(s.Setup.Options, Option{Name: kv[i], Value: kv[i+1]})
	}
	return s
}

func idsUp(first, n int64) []int64 {
	out := make([]int64, n)
	for i := range out {
		out[i] = first + int64(i)
	}
	return out
}

// Seed 002's example: "Link: <https://api.integrator.io/v1/integrations?
// skip=100&limit=…>; rel="next", <…?skip=0&limit=…>; rel="prev"" on a bare
// array of records.
func TestCeligoFirstPageAsInTheSeed(t *testing.T) {
	tr := execute(scenario("celigo", 250, get("/v1/integrations?limit=100")))
	s := requests(tr)[0]
	assert.Equal(t, idsDown(250, 100), s.Records())
	assert.Equal(t, `<https://api.integrator.io/v1/integrations?skip=100&limit=100>; rel="next", `+
		`<https://api.integrator.io/v1/integrations?skip=0&limit=100>; rel="prev"`, firstHeader(s.Response.Header, "Link"))
	assert.True(t, strings.HasPrefix(string(s.Response.Body()), `[{"_id":250,`), "a bare array keyed by _id")
	assert.Equal(t, celigoPrevInterp, s.Interp)
	assert.Equal(t, "absent", s.Total.Kind)
}

func TestCeligoWalkFollowsTheLinkHeader(t *testing.T) {
	tr := execute(scenario("celigo", 250, get("/v1/integrations?limit=100"), walkAll()))
	reqs := requests(tr)
	require.Len(t, reqs, 3)
	assert.Equal(t, "https://api.integrator.io/v1/integrations?skip=100&limit=100", reqs[1].Request.URL)
	assert.Equal(t, "https://api.integrator.io/v1/integrations?skip=200&limit=100", reqs[2].Request.URL)
	assert.Equal(t, idsDown(50, 50), reqs[2].Records())
	assert.Equal(t, `<https://api.integrator.io/v1/integrations?skip=100&limit=100>; rel="prev"`,
		firstHeader(reqs[2].Response.Header, "Link"), "the last page has no rel=next")
	require.Len(t, tr.Walks, 1)
	assert.True(t, tr.Walks[0].Complete)
	assert.True(t, tr.Walks[0].Consistent)
}

func TestCeligoLimitDefaultAndCap(t *testing.T) {
	tr := execute(scenario("celigo", 3000, get("/v1/integrations"), get("/v1/integrations?limit=5000"), get("/v1/integrations?limit=0")))
	reqs := requests(tr)
	assert.Len(t, reqs[0].Records(), 100, "limit defaults to 100")
	assert.Len(t, reqs[1].Records(), 1000, "capped at 1000")
	assert.Contains(t, reqs[1].Reason, "clamped it to 1000")
	assert.Contains(t, reqs[1].Interp, celigoLimitInterp)
	assert.False(t, reqs[2].Accepted)
}

// Seed 002: "skip-based pagination drifts. If records are being created or
// deleted while you paginate, you may see the same record twice or miss one."
func TestCeligoSkipDriftsUnderCreatesAndDeletes(t *testing.T) {
	tr := execute(scenario("celigo", 300,
		get("/v1/integrations?limit=100"), insertHead(2), next(), deleteAt(0), next(), next()))
	reqs := requests(tr)
	assert.Equal(t, idsDown(202, 100), reqs[1].Records(), "two creates pushed 202 and 201 onto page 2 again")
	assert.Equal(t, idsDown(101, 100), reqs[2].Records(), "a delete pulled 102 back onto page 2's side")
	require.Len(t, tr.Walks, 1)
	w := tr.Walks[0]
	assert.True(t, w.Complete)
	assert.ElementsMatch(t, []int64{202, 201}, w.Duplicates.IDs)
	assert.Equal(t, []int64{102}, w.Missed.IDs)
}

// Seed 002: "For snapshot-accurate exports, restrict by a time window
// (createdAfter, createdBefore) and sort by _id." Records keep arriving and
// the export sees each record of the window exactly once.
func TestCeligoTimeWindowExportIsSnapshotAccurate(t *testing.T) {
	tr := execute(scenario("celigo", 1000, stream(5, 1),
		get("/v1/integrations?createdAfter=0&createdBefore=1001&sort=_id&limit=100"), walkAll()))
	reqs := requests(tr)
	require.Len(t, reqs, 10)
	assert.Equal(t, idsUp(1, 100), reqs[0].Records(), "sort=_id: oldest first")
	assert.Equal(t, idsUp(901, 100), reqs[9].Records())
	assert.Equal(t, "https://api.integrator.io/v1/integrations?skip=100&limit=100&createdAfter=0&createdBefore=1001&sort=_id", reqs[1].Request.URL)
	require.Len(t, tr.Walks, 1)
	w := tr.Walks[0]
	assert.True(t, w.Complete)
	assert.True(t, w.Consistent, w.Verdict)
	assert.Equal(t, int64(1000), w.Distinct)
	assert.Equal(t, int64(0), w.Inserted.Count, "the arrivals are outside the window the walk is scoped to")
	assert.NotEmpty(t, reqs[0].Interp)

	// The same export without the window, newest first, drifts.
	tr = execute(scenario("celigo", 1000, stream(5, 1), get("/v1/integrations?limit=100"), walkAll()))
	assert.Positive(t, tr.Walks[0].Duplicates.Count)
}

func TestCeligoWindowSelectsExclusiveBounds(t *testing.T) {
	tr := execute(scenario("celigo", 1000,
		get("/v1/integrations?createdAfter=500&createdBefore=601&limit=1000"),
		get("/v1/integrations?createdAfter=500&createdBefore=601&sort=_id&limit=30"),
		get("/v1/integrations?createdBefore=11&sort=_id"),
		get("/v1/integrations?createdAfter=soon")))
	reqs := requests(tr)
	assert.Equal(t, idsDown(600, 100), reqs[0].Records())
	assert.Equal(t, idsUp(501, 30), reqs[1].Records())
	assert.Equal(t, int64(600-1-500+1), requests(tr)[1].Total.True, "the true count is the window's")
	assert.Equal(t, idsUp(1, 10), reqs[2].Records())
	assert.Equal(t, int64(499), reqs[1].Position, "id 501 sits at list position 1000-501")
	assert.False(t, reqs[3].Accepted)
	assert.Equal(t, celigoWindowInterp, reqs[3].Interp)
}

func TestCeligoSortOtherThanIDIsRefused(t *testing.T) {
	tr := execute(scenario("celigo", 10, get("/v1/integrations?sort=name")))
	s := requests(tr)[0]
	assert.False(t, s.Accepted)
	assert.Equal(t, celigoSortInterp, s.Interp)
}

func TestCeligoOldestFirstList(t *testing.T) {
	s := scenario("celigo", 30, get("/v1/integrations?limit=10"), get("/v1/integrations?sort=_id&limit=10&createdAfter=20"))
	s.Setup.Order = OldestFirst
	reqs := requests(execute(s))
	assert.Equal(t, idsUp(1, 10), reqs[0].Records())
	assert.Equal(t, idsUp(21, 10), reqs[1].Records())
}

// Seed 002: "Don't parallelize a single paginated walk. Records can be
// reordered between pages as underlying data changes." Two workers split the
// pages by skip while records arrive: together they return some records
// twice and never return others.
func TestCeligoParallelWorkersSeeReorderedPages(t *testing.T) {
	tr := execute(scenario("celigo", 60,
		as("w1", get("/v1/integrations?skip=0&limit=10")),
		as("w2", get("/v1/integrations?skip=10&limit=10")),
		insertHead(3),
		as("w1", get("/v1/integrations?skip=20&limit=10")),
		as("w2", get("/v1/integrations?skip=30&limit=10")),
		deleteAt(5), deleteAt(6),
		as("w1", get("/v1/integrations?skip=40&limit=10")),
		as("w2", get("/v1/integrations?skip=50&limit=10"))))
	// w1: 60-51, w2: 50-41; three creates; w1: 43-34, w2: 33-24; deleting
	// positions 5 and 6 removes 58 and 56; w1: 21-12, w2: 11-2.
	twice, never := twiceAndNever(tr, 60)
	assert.Equal(t, []int64{43, 42, 41}, twice, "the creates pushed the end of w2's first page onto w1's second")
	assert.Equal(t, []int64{23, 22, 1}, never, "the creates pushed 23 and 22 past w2's page, and 1 past the last page the workers planned")
	// The workers stride by 20 with pages of 10: no page follows its
	// worker's last one, so each starts a walk of its own there, and says so.
	reqs := requests(tr)
	assert.Len(t, tr.Walks, 6)
	assert.Empty(t, reqs[1].Reason, "w2's first page is just a first page")
	assert.Contains(t, reqs[2].Reason, "skip=20 does not follow this client's last page (skip=0)")
	assert.Equal(t, NotReached, tr.Walks[1].Strip[0].State, "w2's walk begins mid-list: what is above it is unreached, not missed")
}

func TestCeligoRateLimitThrottlesATightLoop(t *testing.T) {
	tr := execute(withOptions(scenario("celigo", 1000, get("/v1/integrations?limit=100"), walkAll()), "rate-limit", "3", "rate-window", "10"))
	var throttled int
	for _, s := range requests(tr) {
		if s.Response.Status == 429 {
			throttled++
			assert.NotEmpty(t, firstHeader(s.Response.Header, "Retry-After"))
		}
	}
	assert.Positive(t, throttled)
	require.Len(t, tr.Walks, 1)
	assert.True(t, tr.Walks[0].Complete, "the walk waits out each 429 and finishes")
	assert.Equal(t, int64(1000), tr.Walks[0].Distinct)
}

// Seed 002: "The Celigo CLI caps at 50 pages by default and errors out if
// more are needed."
func TestCeligoCLICapOf50Pages(t *testing.T) {
	tr := execute(scenario("celigo", 5100, walkCap(50)))
	assert.Equal(t, 50, len(requests(tr)))
	assert.Equal(t, "https://api.integrator.io/v1/integrations?skip=4900&limit=100", requests(tr)[49].Request.URL)
	require.Len(t, tr.Summary.Errors, 1)
	assert.Contains(t, tr.Summary.Errors[0], "50 pages")
	assert.False(t, tr.Walks[0].Complete)
	tr = execute(scenario("celigo", 5000, walkCap(50)))
	assert.Equal(t, 50, len(requests(tr)))
	assert.Empty(t, tr.Summary.Errors, "5,000 records fit in 50 pages of 100")
}

// twiceAndNever pools the records of every request of the run, as the
// parallel workers' caller would, and lists ids maxID down to 1 that it
// holds more than once and not at all.
func twiceAndNever(tr *Trace, maxID int64) (twice, never []int64) {
	seen := map[int64]int{}
	for _, s := range requests(tr) {
		for _, id := range s.Records() {
			seen[id]++
		}
	}
	for id := maxID; id >= 1; id-- {
		switch seen[id] {
		case 0:
			never = append(never, id)
		case 1:
		default:
			twice = append(twice, id)
		}
	}
	return twice, never
}

// ---- celigo-errors ----

func TestCeligoErrorsBodyAsInTheSeed(t *testing.T) {
	tr := execute(scenario("celigo-errors", 437, get("/v1/flows/5f1a/errors?pageSize=100"), walkAll()))
	reqs := requests(tr)
	require.Len(t, reqs, 5)
	body := string(reqs[0].Response.Body())
	assert.True(t, strings.HasPrefix(body, `{"errors":[{"_id":437,`), body)
	next, ok := fieldOf(reqs[0], "nextPageURL")
	require.True(t, ok)
	assert.True(t, strings.HasPrefix(next, "/v1/flows/5f1a/errors?after="), next)
	assert.True(t, strings.HasSuffix(next, "&pageSize=100"), next)
	assert.Equal(t, next, reqs[1].Request.URL)
	total, _ := fieldOf(reqs[0], "totalErrors")
	assert.Equal(t, "437", total)
	_, ok = fieldOf(reqs[4], "nextPageURL")
	assert.False(t, ok, "the last page has no nextPageURL")
	assert.Len(t, reqs[4].Records(), 37)
	assert.True(t, tr.Walks[0].Complete)
}

func TestCeligoErrorsEmptyNextPageURLEndsTheWalkToo(t *testing.T) {
	tr := execute(withOptions(scenario("celigo-errors", 150, get("/v1/flows/5f1a/errors?pageSize=100"), walkAll()), "last-page-url", "empty"))
	reqs := requests(tr)
	require.Len(t, reqs, 2)
	next, ok := fieldOf(reqs[1], "nextPageURL")
	assert.True(t, ok)
	assert.Equal(t, "", next)
	assert.True(t, tr.Walks[0].Complete)
	assert.Contains(t, tr.Steps[len(tr.Steps)-1].Source, "walk")
}

func TestCeligoErrorsCursorIsStableUnderChanges(t *testing.T) {
	tr := execute(scenario("celigo-errors", 437,
		get("/v1/flows/5f1a/errors?pageSize=100"), insertHead(7), next(), deleteAt(0), deleteAt(150), walkAll()))
	w := tr.Walks[0]
	assert.True(t, w.Complete)
	assert.True(t, w.Consistent, w.Verdict)
}

func TestCeligoErrorsRefusesBadCursorsAndPaths(t *testing.T) {
	good := cursorToken("celigo-errors:/v1/flows/other/errors", cursor{Key: 300, ID: 300})
	tr := execute(scenario("celigo-errors", 437,
		get("/v1/flows/5f1a/errors?after=abc123&pageSize=100"),
		get("/v1/flows/5f1a/errors?after="+good),
		get("/v1/flows/other/errors?after="+good+"&pageSize=10"),
		get("/v1/integrations?pageSize=10")))
	reqs := requests(tr)
	assert.Equal(t, []bool{false, false, true, false}, accepted(tr))
	assert.Contains(t, reqs[0].Reason, "not one this server issued")
	assert.Contains(t, reqs[1].Reason, "issued for another list")
	assert.Equal(t, idsDown(299, 10), reqs[2].Records())
	assert.Equal(t, 404, reqs[3].Response.Status)
}

// ---- celigo-migrated ----

func TestCeligoMigratedFreshLinksWalkWithoutDrift(t *testing.T) {
	tr := execute(scenario("celigo-migrated", 300,
		get("/v1/integrations?limit=100"), insertHead(2), next(), deleteAt(0), walkAll()))
	assert.Equal(t, []bool{true, true, true}, accepted(tr))
	reqs := requests(tr)
	assert.True(t, strings.HasPrefix(reqs[1].Request.URL, "https://api.integrator.io/v1/integrations?cursor="), reqs[1].Request.URL)
	assert.True(t, strings.HasSuffix(reqs[1].Request.URL, "&limit=100"))
	w := tr.Walks[0]
	assert.True(t, w.Complete)
	assert.True(t, w.Consistent, w.Verdict)
	assert.Empty(t, firstHeader(reqs[2].Response.Header, "Link"), "no next, and no prev after the migration")
}

// Seed 002's tip: "never hand-craft skip/limit".
func TestCeligoMigratedRefusesHandCraftedSkip(t *testing.T) {
	tr := execute(scenario("celigo-migrated", 300, get("/v1/integrations?skip=100&limit=100")))
	s := requests(tr)[0]
	assert.False(t, s.Accepted)
	assert.Equal(t, 400, s.Response.Status)
	assert.Contains(t, s.Reason, "never hand-craft skip/limit")
}

// Seed 002's warning: "Never cache the full Link URL across a page. Each next
// link is tied to the specific request that produced it."
func TestCeligoMigratedRefusesACachedLink(t *testing.T) {
	// Page 1 of 250 ends with record 250-99 = 151; its link is the first of
	// walk 1.
	link := celigoBase + "/v1/integrations?cursor=" + makeToken("celigo-migrated:/v1/integrations", 1, 1, 100, 0, 151, 151) + "&limit=100"
	tr := execute(scenario("celigo-migrated", 250,
		get("/v1/integrations?limit=100"), next(), get(link), next(), get(link)))
	assert.Equal(t, []bool{true, true, false, true, false}, accepted(tr))
	reqs := requests(tr)
	assert.Equal(t, link, reqs[1].Request.URL)
	assert.Equal(t, "this link came with page 1 and was already followed; page 2 carries the fresh one: "+celigoStale, reqs[2].Reason)
	assert.Equal(t, idsDown(50, 50), reqs[3].Records(), "the fresh link still works after the refusal")
	assert.Equal(t, "this link came with page 1 and was already followed (to the last page): "+celigoStale, reqs[4].Reason)
}

func TestCeligoMigratedRefusesAChangedLimitAndBadCursors(t *testing.T) {
	link := "/v1/integrations?cursor=" + makeToken("celigo-migrated:/v1/integrations", 1, 1, 100, 0, 151, 151)
	tr := execute(scenario("celigo-migrated", 250,
		get("/v1/integrations?limit=100"),
		get(link+"&limit=50"),
		get("/v1/integrations?cursor=0123456789abcdef"),
		get("/v1/exports?cursor="+makeToken("celigo-migrated:/v1/integrations", 1, 1, 100, 0, 151, 151)+"&limit=100"),
		get("/v1/integrations?cursor="+makeToken("celigo-migrated:/v1/integrations", 9, 1, 100, 0, 151, 151)+"&limit=100"),
		get(link+"&limit=100")))
	assert.Equal(t, []bool{true, false, false, false, false, true}, accepted(tr))
	reqs := requests(tr)
	assert.Contains(t, reqs[1].Reason, "the link said limit=100, the request limit=50")
	assert.Contains(t, reqs[2].Reason, "not one this server issued")
	assert.Contains(t, reqs[3].Reason, "issued for another list")
	assert.Contains(t, reqs[4].Reason, "not one this server issued")
}

// Every first page starts a walk of its own: two clients following their own
// fresh links do not spoil each other's.
func TestCeligoMigratedWalksAreIndependent(t *testing.T) {
	tr := execute(scenario("celigo-migrated", 250,
		as("a", get("/v1/integrations?limit=100")),
		as("b", get("/v1/integrations?limit=100")),
		as("a", next()), as("b", next()), as("a", next()), as("b", next())))
	assert.Equal(t, []bool{true, true, true, true, true, true}, accepted(tr))
	require.Len(t, tr.Walks, 2)
	assert.True(t, tr.Walks[0].Complete)
	assert.True(t, tr.Walks[1].Complete)
}

func TestCeligoInterpretationsAreSentences(t *testing.T) {
	tr := execute(scenario("celigo", 3000, get("/v1/integrations?sort=_id&limit=5000")))
	assert.Equal(t, celigoSortInterp+" "+celigoLimitInterp+" "+celigoPrevInterp, requests(tr)[0].Interp)
}

// Without a tiebreaker, a window listed in the default order is offset paging
// over ties, which the database may return in any order per query; sort=_id
// is a total order and returns every record of the window once.
func TestCeligoSortByIDIsATotalOrder(t *testing.T) {
	for _, c := range []struct {
		target     string
		consistent bool
	}{
		{"/v1/integrations?createdAfter=0&createdBefore=1001&limit=10", false},
		{"/v1/integrations?createdAfter=0&createdBefore=1001&sort=_id&limit=10", true},
	} {
		s := scenario("celigo", 100, get(c.target), walkAll())
		s.Setup.Sort = sortSpec{Bucket: 50}
		w := execute(s).Walks[0]
		assert.True(t, w.Complete, c.target)
		assert.Equal(t, c.consistent, w.Consistent, c.target)
	}
}

// celigo-errors' options are its contract's (contract.options), not a
// hand-written list: last-page-url is the one next.end.option offers,
// "absent" by default, with "empty" (Celigo's "absent or empty") and null,
// the choices every contract's option has.
func TestCeligoErrorsOptionsAreTheContracts(t *testing.T) {
	for _, p := range Profiles() {
		if p.Name != "celigo-errors" {
			continue
		}
		var last *OptionSpec
		for i := range p.Options {
			if p.Options[i].Name == "last-page-url" {
				last = &p.Options[i]
			}
		}
		require.NotNil(t, last)
		assert.Equal(t, "absent", last.Default)
		assert.Equal(t, []string{"null", "absent", "empty"}, last.Enum)
		return
	}
	t.Fatal("no celigo-errors profile")
}
