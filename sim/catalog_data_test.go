package sim

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// catalogTries checks each catalogue preset's `# try:` as presets_test.go's
// tries does for the others: the edit (old → new) and what it promises.
// Here the contracts declared as data; catalog_test.go adds those still
// written as Go servers (native builds only).
var catalogTries = map[string]catalogTry{
	// insert 1 at the head shifts every issue down one: page 3 repeats 41.
	"github-updated-issue-repeats": {[][2]string{{"update id 10 key 1_000_000", "insert 1"}}, func(t *testing.T, tr *Trace) {
		assert.Equal(t, []int64{41}, tr.Walks[0].Duplicates.IDs)
		assert.Equal(t, int64(0), tr.Walks[0].Missed.Count)
	}},
	"stripe-delete-while-paginating": {[][2]string{{"profile stripe", "profile stripe deleted-cursor=continue"}}, func(t *testing.T, tr *Trace) {
		assert.Equal(t, []int64{6, 5, 4}, requests(tr)[1].Records())
	}},
	"slack-short-page": {[][2]string{{"client=page-size", "client=cursor"}}, func(t *testing.T, tr *Trace) {
		assert.True(t, tr.Walks[0].Complete)
		assert.Equal(t, int64(1000), tr.Walks[0].Distinct)
	}},
	"google-short-page": {[][2]string{{"client=page-size", "client=token"}}, func(t *testing.T, tr *Trace) {
		assert.True(t, tr.Walks[0].Complete)
		assert.Equal(t, int64(400), tr.Walks[0].Distinct)
	}},
	"msgraph-skip-refused": {[][2]string{{"GET /v1.0/users?$top=100&$skip=100", "walk"}}, func(t *testing.T, tr *Trace) {
		assert.Equal(t, []bool{acc, acc, acc}, accepted(tr))
		assert.Equal(t, int64(250), tr.Walks[0].Distinct)
	}},
	// Deleting 4 at the head moves every record up 4: page 2 (offset 100)
	// starts 4 records late.
	"drf-limit-offset-drift": {[][2]string{{"insert 4", "delete at 0..3"}}, func(t *testing.T, tr *Trace) {
		assert.Equal(t, int64(0), tr.Walks[0].Duplicates.Count)
		assert.Equal(t, int64(4), tr.Walks[0].Missed.Count)
	}},
	"notion-page-size-over-100": {[][2]string{{`"page_size":500}`, `"page_size":100}` + "\nwalk"}}, func(t *testing.T, tr *Trace) {
		assert.Equal(t, []bool{acc, acc, acc}, accepted(tr))
		assert.Equal(t, int64(250), tr.Walks[0].Distinct)
	}},
	"shopify-filter-with-page-info": {[][2]string{{"GET /admin/api/2024-01/orders.json?status=any&limit=50&page_info=3d3e01030164f3a37d", "next"}}, func(t *testing.T, tr *Trace) {
		assert.Equal(t, []bool{acc, acc}, accepted(tr))
		assert.Equal(t, idsDown(70, 50), requests(tr)[1].Records())
	}},
	"aws-short-page": {[][2]string{{"client=page-size", "client=token"}}, func(t *testing.T, tr *Trace) {
		assert.True(t, tr.Walks[0].Complete)
		assert.Equal(t, int64(500), tr.Walks[0].Distinct)
	}},
	"drf-page-vanishes": {[][2]string{{"profile drf-page", "profile drf-limit-offset"}, {"GET /api/items/\n", "GET /api/items/?limit=100\n"}}, func(t *testing.T, tr *Trace) {
		assert.Equal(t, []bool{acc, acc, acc}, accepted(tr))
		assert.Empty(t, requests(tr)[2].Records())
	}},
	"json-server-page-past-the-end": {[][2]string{{"profile json-server", "profile json-server version=0"}}, func(t *testing.T, tr *Trace) {
		s := requests(tr)[3]
		assert.True(t, s.Accepted)
		assert.Empty(t, s.Records())
		assert.Empty(t, firstHeader(s.Response.Header, "Link"))
	}},
	"drf-cursor-ties": {[][2]string{{"sort created/25", "sort created/25, id"}}, func(t *testing.T, tr *Trace) {
		assert.True(t, tr.Walks[0].Consistent, tr.Walks[0].Verdict)
		assert.Equal(t, int64(100), tr.Walks[0].Distinct)
	}},
	// returned: startAt 0, 50, 100, 150 over 180 projects.
	"jira-maxresults-lowered": {[][2]string{{"client=requested", "client=returned"}}, func(t *testing.T, tr *Trace) {
		require.Len(t, requests(tr), 4)
		assert.Equal(t, int64(180), tr.Walks[0].Distinct)
		assert.True(t, tr.Walks[0].Consistent)
	}},
	"jira-jql-missing-token": {[][2]string{{"client=null-check", "client=token"}}, func(t *testing.T, tr *Trace) {
		assert.Len(t, requests(tr), 3, "the last next finds no next page")
		last := tr.Steps[len(tr.Steps)-1]
		assert.Equal(t, "client", last.Kind)
	}},
	"elasticsearch-total-gte": {[][2]string{{"profile elasticsearch", "profile elasticsearch client=search-after"}}, func(t *testing.T, tr *Trace) {
		assert.Equal(t, int64(25000), tr.Walks[0].Distinct)
		assert.True(t, tr.Walks[0].Consistent)
	}},
	// Without the point in time, from/size reads the index as it is now:
	// the 5 new documents push 5 of page 1 onto page 2.
	"elasticsearch-point-in-time": {[][2]string{{"POST /my-index/_pit?keep_alive=1m\nnext", `POST /my-index/_search {"size":10,"sort":[{"created":"desc"},{"_id":"asc"}]}`}}, func(t *testing.T, tr *Trace) {
		assert.Equal(t, int64(5), tr.Walks[0].Duplicates.Count)
		assert.False(t, tr.Walks[0].Consistent)
	}},
	// Deleting 3 at the head: page 2 after offset 9 starts 3 items late.
	"relay-offset-cursors": {[][2]string{{"insert 3", "delete at 0..2"}}, func(t *testing.T, tr *Trace) {
		assert.Equal(t, int64(0), tr.Walks[0].Duplicates.Count)
		assert.Equal(t, int64(3), tr.Walks[0].Missed.Count)
	}},
	"zendesk-offset-limit": {[][2]string{{"GET /api/v2/tickets.json?per_page=100", "GET /api/v2/tickets.json?page[size]=100"}}, func(t *testing.T, tr *Trace) {
		assert.Len(t, requests(tr), 120)
		assert.Equal(t, int64(12000), tr.Walks[0].Distinct)
		assert.True(t, tr.Walks[0].Complete)
	}},
}

type catalogTry struct {
	edits [][2]string
	check func(t *testing.T, tr *Trace)
}

func init() {
	// 100 issues, 30 a page: 4 pages. Issue 10 (position 90) moves to the
	// top after page 2: page 3 (offset 60) starts with issue 41 again, and
	// issue 10, now above page 1, is never returned.
	presetWants["github-updated-issue-repeats"] = presetWant{repeat(acc, 4), func(t *testing.T, tr *Trace) {
		w := tr.Walks[0]
		assert.Equal(t, []int64{41}, w.Duplicates.IDs)
		assert.Equal(t, []int64{10}, w.Missed.IDs)
		assert.True(t, w.Complete)
	}}
	// stripe/stripe-go#1030: page 2 names deleted customer 7.
	presetWants["stripe-delete-while-paginating"] = presetWant{[]bool{acc, ref}, func(t *testing.T, tr *Trace) {
		s := requests(tr)[1]
		assert.Equal(t, 400, s.Response.Status)
		assert.Contains(t, string(s.Response.Body()), `"code":"resource_missing"`)
		assert.Contains(t, string(s.Response.Body()), `"param":"starting_after"`)
		assert.Contains(t, string(s.Response.Body()), `No such customer: 'cus_000007'`)
	}}
	// The walk stops at the first short page though its next_cursor is set.
	presetWants["slack-short-page"] = presetWant{nil, func(t *testing.T, tr *Trace) {
		reqs := requests(tr)
		lastPage := reqs[len(reqs)-1]
		assert.Less(t, len(lastPage.Records()), 100)
		assert.True(t, lastPage.HasNext.Reported, "next_cursor said more remained")
		w := tr.Walks[0]
		assert.True(t, w.Complete, "as far as the client knows, it read everything")
		assert.Positive(t, w.Missed.Count)
		assert.Equal(t, 1000-w.Distinct, w.Missed.Count)
	}}
	presetWants["google-short-page"] = presetWant{nil, func(t *testing.T, tr *Trace) {
		reqs := requests(tr)
		last := reqs[len(reqs)-1]
		assert.Less(t, len(last.Records()), 50)
		assert.True(t, last.HasNext.Reported, "nextPageToken said more remained")
		w := tr.Walks[0]
		assert.True(t, w.Complete)
		assert.Equal(t, 400-w.Distinct, w.Missed.Count)
		assert.Positive(t, w.Missed.Count)
	}}
	presetWants["msgraph-skip-refused"] = presetWant{[]bool{acc, ref}, func(t *testing.T, tr *Trace) {
		assert.Contains(t, string(requests(tr)[1].Response.Body()), `"code":"Request_BadRequest"`, "msgraph-metadata#135")
	}}
	// 254 records after the insert: offsets 0, 100, 200: 3 pages, 4 repeated.
	presetWants["drf-limit-offset-drift"] = presetWant{repeat(acc, 3), func(t *testing.T, tr *Trace) {
		assert.Equal(t, int64(4), tr.Walks[0].Duplicates.Count)
		assert.True(t, tr.Walks[0].Complete)
	}}
	presetWants["notion-page-size-over-100"] = presetWant{[]bool{ref}, func(t *testing.T, tr *Trace) {
		assert.Contains(t, string(requests(tr)[0].Response.Body()), `"code":"validation_error"`)
	}}
	// Page 1 (120..71) with its Link; the hand-made page 2 keeps status=any.
	presetWants["shopify-filter-with-page-info"] = presetWant{[]bool{acc, ref}, func(t *testing.T, tr *Trace) {
		s := requests(tr)[1]
		assert.Equal(t, 400, s.Response.Status)
		assert.Contains(t, s.Reason, "status cannot be passed when page_info is present")
	}}
	// The walk stops at the first short page though its NextToken is set.
	presetWants["aws-short-page"] = presetWant{nil, func(t *testing.T, tr *Trace) {
		reqs := requests(tr)
		last := reqs[len(reqs)-1]
		assert.Less(t, len(last.Records()), 50)
		assert.True(t, last.HasNext.Reported, "a NextToken said more remained")
		w := tr.Walks[0]
		assert.True(t, w.Complete, "as far as the client knows, it read everything")
		assert.Positive(t, w.Missed.Count)
		assert.Equal(t, 500-w.Distinct, w.Missed.Count)
	}}
	// 250 records: page 2 says next is page 3; 190 remain: 2 pages.
	presetWants["drf-page-vanishes"] = presetWant{[]bool{acc, acc, ref}, func(t *testing.T, tr *Trace) {
		s := requests(tr)[2]
		assert.Equal(t, 404, s.Response.Status)
		assert.Equal(t, `{"detail":"Invalid page."}`, string(s.Response.Body()))
	}}
	// Pages 1..3 of 25 (10, 10, 5); page 4 is clamped to page 3: ids 5..1
	// again (json-server's src/paginate.test.ts: "page=9 perPage=2 items=5
	// -> clamp to last"). The client asked for page 4 because it follows
	// page 3: it is the same walk, and the client now holds page 3's five
	// posts twice, although page 3 had ended the walk as far as the body said.
	presetWants["json-server-page-past-the-end"] = presetWant{repeat(acc, 4), func(t *testing.T, tr *Trace) {
		reqs := requests(tr)
		assert.Equal(t, idsDown(5, 5), reqs[2].Records())
		assert.Equal(t, idsDown(5, 5), reqs[3].Records())
		v, _ := fieldOf(reqs[2], "next")
		assert.Equal(t, "", v, "page 3 said next: null")
		require.Len(t, tr.Walks, 1, "page 4 continues the client's walk")
		assert.Equal(t, 4, reqs[3].Page)
		w := tr.Walks[0]
		assert.Equal(t, int64(5), w.Duplicates.Count)
		assert.Equal(t, []int64{1, 2, 3, 4, 5}, w.Duplicates.IDs, "in id order")
		assert.Equal(t, int64(0), w.Missed.Count)
		assert.False(t, w.Consistent)
	}}
	// Ties in a different order per query: some records twice, some never.
	presetWants["drf-cursor-ties"] = presetWant{repeat(acc, 10), func(t *testing.T, tr *Trace) {
		w := tr.Walks[0]
		assert.Positive(t, w.Duplicates.Count)
		assert.Positive(t, w.Missed.Count)
	}}
	// 180 projects, 50 served a page: the client reads startAt 0 (180..131),
	// 100 (80..31) and 200 (none); 130..81 and 30..1 are never returned.
	// Those pages are one walk, the client's own: it followed its next
	// startAt each time (the one it computed from the 100 it asked for), so
	// the 50 records at startAt 50-99 and the 30 at 150-179, there all along,
	// are its misses (the Atlassian KB's point: read maxResults back).
	presetWants["jira-maxresults-lowered"] = presetWant{repeat(acc, 3), func(t *testing.T, tr *Trace) {
		reqs := requests(tr)
		assert.Equal(t, idsDown(180, 50), reqs[0].Records())
		assert.Equal(t, idsDown(80, 50), reqs[1].Records())
		assert.Empty(t, reqs[2].Records())
		assert.Equal(t, "/rest/api/3/project/search?startAt=100&maxResults=100", reqs[1].Request.URL)
		require.Len(t, tr.Walks, 1, "the client's walk, not three")
		w := tr.Walks[0]
		assert.True(t, w.Complete, "isLast on the empty page at startAt=200")
		assert.False(t, w.Consistent)
		assert.Equal(t, int64(80), w.Missed.Count)
		assert.Equal(t, idsDown(130, 10), w.Missed.IDs[:10], "startAt 50.. first")
		assert.Equal(t, int64(0), w.Duplicates.Count)
		assert.Contains(t, reqs[1].Reason, "the records from startAt=50 up to it are never read")
	}}
	// 120 issues, 50 a page: pages 1..3, then page 1 again.
	presetWants["jira-jql-missing-token"] = presetWant{repeat(acc, 4), func(t *testing.T, tr *Trace) {
		reqs := requests(tr)
		_, has := fieldOf(reqs[2], "nextPageToken")
		assert.False(t, has)
		assert.Equal(t, reqs[0].Records(), reqs[3].Records())
	}}
	// 10 pages of 1,000: from + size reaches 10,000 = hits.total.value (gte).
	presetWants["elasticsearch-total-gte"] = presetWant{repeat(acc, 10), func(t *testing.T, tr *Trace) {
		assert.Equal(t, TotalReport{"capped", 10000, 25000}, requests(tr)[0].Total)
		assert.True(t, tr.Walks[0].Complete, "as far as the client knows")
		assert.Equal(t, int64(15000), tr.Walks[0].Missed.Count)
	}}
	// The PIT opened, then 10 pages of 10 through it: the 5 documents indexed
	// after it was opened are not in it, and nothing shifts.
	presetWants["elasticsearch-point-in-time"] = presetWant{repeat(acc, 11), func(t *testing.T, tr *Trace) {
		assert.Equal(t, int64(100), tr.Walks[0].Distinct)
		assert.True(t, tr.Walks[0].Consistent)
		assert.Equal(t, int64(100), requests(tr)[10].Total.Reported, "hits.total of the point in time")
	}}
	// 33 items after the insert: offsets 0, 10, 20, 30: 4 pages, 3 repeated.
	presetWants["relay-offset-cursors"] = presetWant{repeat(acc, 4), func(t *testing.T, tr *Trace) {
		assert.Equal(t, []int64{23, 22, 21}, requests(tr)[1].Records()[:3])
		assert.Equal(t, int64(3), tr.Walks[0].Duplicates.Count)
	}}
	// 100 pages of 100 are served; page 101 starts at record 10,001.
	presetWants["zendesk-offset-limit"] = presetWant{concat(repeat(acc, 100), []bool{ref}), func(t *testing.T, tr *Trace) {
		assert.Equal(t, int64(10000), tr.Walks[0].Distinct)
		assert.Equal(t, 400, requests(tr)[100].Response.Status)
	}}
}
