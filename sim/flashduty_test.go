package sim

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func post(target, body string) Step {
	return Step{Kind: StepRequest, Method: "POST", Target: target, Body: body}
}

func TestFlashdutyFirstPageAsInTheSeed(t *testing.T) {
	tr := execute(scenario("flashduty", 1500, post("/incident/list", `{"p":1,"limit":20}`)))
	s := requests(tr)[0]
	require.True(t, s.Accepted, s.Reason)
	assert.Equal(t, idsDown(1500, 20), s.Records())
	assert.Equal(t, TotalReport{Kind: "capped", Reported: 1000, True: 1500}, s.Total)
	assert.True(t, strings.HasSuffix(string(s.Response.Body()), `"total":1000,"has_next_page":true}`), string(s.Response.Body()))
	assert.Equal(t, fdHasNextInterp, s.Interp)
	assert.Contains(t, s.Reason, "1000 or more (1500 now)")
}

func TestFlashdutyDefaultsAndLimits(t *testing.T) {
	tr := execute(scenario("flashduty", 500,
		post("/incident/list", ""),
		post("/incident/list", `{"p":2}`),
		post("/incident/list", `{"p":1,"limit":100}`),
		post("/incident/list", `{"p":1,"limit":101}`),
		post("/incident/list", `{"p":0,"limit":20}`),
		post("/incident/list", `{"p":"2","limit":20}`),
		post("/incident/list", `{"p":1.5}`),
		post("/incident/list", `[1,2]`),
		post("/incident/list", `{"p":1,`),
		post("/incident/list?p=2&limit=20", "")))
	assert.Equal(t, []bool{true, true, true, false, false, false, false, false, false, false}, accepted(tr))
	reqs := requests(tr)
	assert.Equal(t, idsDown(500, 20), reqs[0].Records(), "p defaults to 1, limit to 20")
	assert.Equal(t, idsDown(480, 20), reqs[1].Records(), "offset=(p-1)*limit")
	assert.Len(t, reqs[2].Records(), 100)
	assert.Equal(t, "limit=101 is above the maximum of 100 items per page", reqs[3].Reason)
	assert.Equal(t, fdLimitInterp, reqs[3].Interp)
	assert.Contains(t, reqs[4].Reason, "starts from 1")
	assert.Contains(t, reqs[5].Reason, "p must be a whole number")
	assert.Contains(t, reqs[9].Reason, "JSON body")
}

func TestFlashdutyLimitAboveTheMaximumCanBeClamped(t *testing.T) {
	tr := execute(withOptions(scenario("flashduty", 500, post("/incident/list", `{"p":1,"limit":500}`)), "over-max", "clamp"))
	s := requests(tr)[0]
	assert.True(t, s.Accepted)
	assert.Len(t, s.Records(), 100)
	assert.Equal(t, "limit=500 is above the maximum of 100: the server clamped it to 100", s.Reason)
}

// Seed 003: "PAGE * LIMIT must be <= 10000. If it exceeds 10000, the system
// will return a 400 error. In this case, please switch to cursor pagination
// or narrow your query conditions."
func TestFlashdutyPageTimesLimitWindow(t *testing.T) {
	tr := execute(scenario("flashduty", 20000,
		post("/incident/list", `{"p":100,"limit":100}`),
		post("/incident/list", `{"p":101,"limit":100}`),
		post("/incident/list", `{"p":500,"limit":20}`),
		post("/incident/list", `{"p":501,"limit":20}`)))
	assert.Equal(t, []bool{true, false, true, false}, accepted(tr))
	reqs := requests(tr)
	assert.Equal(t, 400, reqs[1].Response.Status)
	assert.Equal(t, "p × limit = 101 × 100 = 10100 exceeds 10000: PAGE * LIMIT must be <= 10000; switch to cursor pagination (search_after_ctx) or narrow your query conditions", reqs[1].Reason)
	assert.Equal(t, int64(10000), reqs[0].Cost.Rows, "the database skips 9900 rows to read 100")
}

// Seed 003: "When total matching data is less than 1000, total value is
// exact; When total matching data is greater than or equal to 1000, total
// value is always 1000."
func TestFlashdutyTotalIsCappedAt1000(t *testing.T) {
	for _, c := range []struct {
		n    int64
		want TotalReport
	}{
		{0, TotalReport{"exact", 0, 0}},
		{999, TotalReport{"exact", 999, 999}},
		{1000, TotalReport{"capped", 1000, 1000}},
		{1001, TotalReport{"capped", 1000, 1001}},
		{1_000_000, TotalReport{"capped", 1000, 1_000_000}},
	} {
		tr := execute(scenario("flashduty", c.n, post("/incident/list", `{"p":1,"limit":20}`)))
		assert.Equal(t, c.want, requests(tr)[0].Total, "n=%d", c.n)
	}
}

func TestFlashdutyWalkFollowsHasNextPage(t *testing.T) {
	tr := execute(scenario("flashduty", 1500, post("/incident/list", `{"p":1,"limit":100}`), walkAll()))
	reqs := requests(tr)
	require.Equal(t, 15, len(reqs))
	assert.Equal(t, `{"p":2,"limit":100}`, reqs[1].Request.Body)
	assert.Equal(t, "POST", reqs[1].Request.Method)
	assert.Equal(t, NextReport{"flag", false, false}, reqs[14].HasNext)
	assert.True(t, tr.Walks[0].Complete)
	assert.Equal(t, int64(1500), tr.Walks[0].Distinct)
}

// The seed: "please use has_next_page to determine if there's a next page,
// rather than total". A client that trusts total computes 1000/100 = 10
// pages of 1500 records and stops with 500 unread.
func TestFlashdutyClientTrustingTotalStopsEarly(t *testing.T) {
	tr := execute(withOptions(scenario("flashduty", 1500, post("/incident/list", `{"p":1,"limit":100}`), walkAll()), "client", "total"))
	reqs := requests(tr)
	assert.Equal(t, 10, len(reqs))
	assert.True(t, reqs[9].HasNext.Reported, "has_next_page said true")
	require.Len(t, tr.Walks, 1)
	assert.True(t, tr.Walks[0].Complete, "as far as the client knows, it read everything")
	assert.Equal(t, int64(1000), tr.Walks[0].Distinct)
	assert.Equal(t, int64(500), tr.Walks[0].Missed.Count, "the 500 it never read are missed")
	last := tr.Steps[len(tr.Steps)-1]
	assert.Equal(t, "client", last.Kind)
	assert.Equal(t, "the client computed ⌈total/limit⌉ = ⌈1000/100⌉ = 10 pages and stops after page 10, though has_next_page is true (Flashduty's page: use has_next_page, not total)", last.Text)

	// Below the cap the total is exact, and trusting it works.
	tr = execute(withOptions(scenario("flashduty", 950, post("/incident/list", `{"p":1,"limit":100}`), walkAll()), "client", "total"))
	assert.True(t, tr.Walks[0].Complete)
}

func TestFlashdutyWalkStopsAtTheWindow(t *testing.T) {
	tr := execute(scenario("flashduty", 12000, post("/incident/list", `{"p":1,"limit":100}`), walkAll()))
	reqs := requests(tr)
	require.Equal(t, 101, len(reqs))
	assert.True(t, reqs[99].Accepted)
	assert.False(t, reqs[100].Accepted)
	assert.Equal(t, `{"p":101,"limit":100}`, reqs[100].Request.Body)
	assert.False(t, tr.Walks[0].Complete)
}

// Seed 003, "Data instability": inserts during a walk shift the offsets.
func TestFlashdutyOffsetsDrift(t *testing.T) {
	tr := execute(scenario("flashduty", 300, post("/incident/list", `{"p":1,"limit":100}`), insertHead(4), walkAll()))
	assert.Equal(t, int64(4), tr.Walks[0].Duplicates.Count)
}

func TestFlashdutyKeepsOtherBodyMembers(t *testing.T) {
	tr := execute(scenario("flashduty", 300, post("/incident/list", `{"start_time":1700000000,"p":1,"limit":100,"channel_ids":[1,2]}`), next()))
	assert.Equal(t, `{"start_time":1700000000,"p":2,"limit":100,"channel_ids":[1,2]}`, requests(tr)[1].Request.Body)
}

func TestFlashdutyTraditionalRefusesACursor(t *testing.T) {
	tr := execute(scenario("flashduty", 300, post("/incident/list", `{"search_after_ctx":"658bcbae6ab5a67b3b800230","limit":20}`)))
	assert.False(t, requests(tr)[0].Accepted)
	assert.NotEmpty(t, requests(tr)[0].Interp)
}

// ---- flashduty-cursor ----

func isLowerHex24(s string) bool {
	if len(s) != 24 {
		return false
	}
	for _, c := range s {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}

func TestFlashdutyCursorWalk(t *testing.T) {
	tr := execute(scenario("flashduty-cursor", 250,
		post("/incident/list", `{"limit":100}`), insertHead(5), next(), deleteAt(0), deleteAt(120), walkAll()))
	reqs := requests(tr)
	require.Equal(t, 3, len(reqs))
	ctx, ok := fieldOf(reqs[0], "search_after_ctx")
	require.True(t, ok)
	assert.True(t, isLowerHex24(ctx), ctx)
	assert.Equal(t, `{"search_after_ctx":"`+ctx+`","limit":100}`, reqs[1].Request.Body)
	_, ok = fieldOf(reqs[2], "search_after_ctx")
	assert.False(t, ok, "returned only if a next page exists")
	assert.Equal(t, TotalReport{"exact", 250, 250}, reqs[0].Total)
	w := tr.Walks[0]
	assert.True(t, w.Complete)
	assert.True(t, w.Consistent, w.Verdict)
	assert.True(t, reqs[1].Cost.Seek)
	assert.Equal(t, int64(100), reqs[1].Cost.Rows)
}

// Cursor pagination has no PAGE * LIMIT window: it walks past 10,000.
func TestFlashdutyCursorWalksPastTheWindow(t *testing.T) {
	tr := execute(scenario("flashduty-cursor", 12000, post("/incident/list", `{"limit":100}`), walkAll()))
	assert.Equal(t, 120, len(requests(tr)))
	assert.Equal(t, tr.Summary.Requests, tr.Summary.Accepted)
	assert.True(t, tr.Walks[0].Complete)
	assert.Equal(t, TotalReport{"capped", 1000, 12000}, requests(tr)[50].Total)
	ctxs := map[string]bool{}
	for _, s := range requests(tr)[:119] {
		ctx, _ := fieldOf(s, "search_after_ctx")
		assert.True(t, isLowerHex24(ctx), ctx)
		ctxs[ctx] = true
	}
	assert.Len(t, ctxs, 119, "every context is its own")
}

func TestFlashdutyCursorRefusesUnknownAndMalformedContexts(t *testing.T) {
	tr := execute(scenario("flashduty-cursor", 250,
		post("/incident/list", `{"limit":100}`),
		post("/incident/list", `{"search_after_ctx":"658bcbae6ab5a67b3b800230","limit":100}`),
		post("/incident/list", `{"search_after_ctx":"abc123","limit":100}`),
		post("/incident/list", `{"search_after_ctx":42}`),
		post("/incident/list", `{"p":2,"search_after_ctx":"658bcbae6ab5a67b3b800230"}`)))
	assert.Equal(t, []bool{true, false, false, false, false}, accepted(tr))
	reqs := requests(tr)
	assert.Contains(t, reqs[1].Reason, "never issued")
	assert.Equal(t, fdCtxInterp, reqs[1].Interp)
	assert.Contains(t, reqs[2].Reason, "24-hex-digit")
	assert.Equal(t, fdMixInterp, reqs[4].Interp)
}

func TestFlashdutyCursorContextIsTiedToItsListAndReusable(t *testing.T) {
	first := execute(scenario("flashduty-cursor", 250, post("/incident/list", `{"limit":100}`)))
	ctx, _ := fieldOf(requests(first)[0], "search_after_ctx")
	body := `{"search_after_ctx":"` + ctx + `","limit":100}`
	tr := execute(scenario("flashduty-cursor", 250,
		post("/incident/list", `{"limit":100}`),
		post("/incident/list", body),
		post("/incident/list", body),
		post("/alert/list", body)))
	assert.Equal(t, []bool{true, true, true, false}, accepted(tr))
	reqs := requests(tr)
	assert.Equal(t, idsDown(150, 100), reqs[1].Records())
	assert.Equal(t, reqs[1].Records(), reqs[2].Records(), "a context names a sort position: sending it again gives the same page")
	assert.Contains(t, reqs[3].Reason, "issued for /incident/list")
}

// Traditional paging works on the cursor lists too, with the same window;
// a client that pages by number goes on by number, and its pages carry a
// search_after_ctx it can switch to.
func TestFlashdutyCursorListAlsoPagesByNumber(t *testing.T) {
	tr := execute(scenario("flashduty-cursor", 20000,
		post("/incident/list", `{"p":99,"limit":100}`), next(), next()))
	assert.Equal(t, []bool{true, true, false}, accepted(tr))
	reqs := requests(tr)
	assert.Equal(t, `{"p":100,"limit":100}`, reqs[1].Request.Body)
	assert.Contains(t, reqs[2].Reason, "switch to cursor pagination")
	ctx, ok := fieldOf(reqs[1], "search_after_ctx")
	require.True(t, ok)

	tr = execute(scenario("flashduty-cursor", 20000,
		post("/incident/list", `{"p":99,"limit":100}`), next(),
		post("/incident/list", `{"search_after_ctx":"`+ctx+`","limit":100}`), next()))
	assert.Equal(t, []bool{true, true, true, true}, accepted(tr))
	reqs = requests(tr)
	assert.Equal(t, idsDown(10000, 100), reqs[2].Records())
	assert.True(t, strings.HasPrefix(reqs[3].Request.Body, `{"search_after_ctx":`), reqs[3].Request.Body)
	assert.Equal(t, idsDown(9900, 100), reqs[3].Records())
	require.Len(t, tr.Walks, 1, "one pass from page 99 on")
}

func TestFlashdutyFirstWithoutAnyRequest(t *testing.T) {
	tr := execute(scenario("flashduty", 50, walkAll()))
	reqs := requests(tr)
	require.Equal(t, 3, len(reqs))
	assert.Equal(t, `{"p":1,"limit":20}`, reqs[0].Request.Body)
	tr = execute(scenario("flashduty-cursor", 50, walkAll()))
	assert.Equal(t, `{"limit":20}`, requests(tr)[0].Request.Body)
	assert.True(t, tr.Walks[0].Complete)
}
