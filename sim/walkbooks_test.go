package sim

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The engine keeps the walk books for every profile in the page (issue 8
// item 1): the servers report what they served and leave response.Walk to
// the engine.
func TestServersReportWhatTheyServed(t *testing.T) {
	w := &world{data: newDataset(50, 1, 0), now: 50}
	for _, c := range []struct {
		profile string
		req     request
		want    servedPage
	}{
		{"codefresh-legacy", request{Method: "GET", Path: "/workflow", Query: []Param{{Name: "page", Value: "3"}, {Name: "limit", Value: "10"}}},
			servedPage{Offset: 20, Limit: 10}},
		{"codefresh", request{Method: "GET", Path: "/workflow", Query: []Param{{Name: "page", Value: "1"}}},
			servedPage{Session: true, Page: 1}},
		{"flashduty", request{Method: "POST", Path: "/incident/list", Body: `{"p":2,"limit":20}`},
			servedPage{Offset: 20, Limit: 20}},
		// The cursor servers say whether a cursor was sent: the engine starts
		// a walk on a page without one and continues it on a page after one.
		{"cursor", request{Method: "GET", Path: "/items"}, servedPage{Cursor: true, Start: true}},
		{"celigo-errors", request{Method: "GET", Path: "/v1/flows/5f1a/errors"}, servedPage{Cursor: true, Start: true}},
		{"celigo-migrated", request{Method: "GET", Path: "/v1/integrations"}, servedPage{Cursor: true, Start: true}},
		{"slack", request{Method: "GET", Path: "/api/conversations.list"}, servedPage{Cursor: true, Start: true}},
		{"cursor", request{Method: "GET", Path: "/items", Query: []Param{{Name: "after", Value: cursorToken("cursor:/items", cursor{Key: 40, ID: 40})}}},
			servedPage{Cursor: true}},
		{"celigo-errors", request{Method: "GET", Path: "/v1/flows/5f1a/errors", Query: []Param{{Name: "after", Value: cursorToken("celigo-errors:/v1/flows/5f1a/errors", cursor{Key: 40, ID: 40})}}},
			servedPage{Cursor: true}},
		// An unpaged list is the stretch 0..50; a page after search_after's
		// sort values continues after a cursor, as a cursor page does.
		{"json-server", request{Method: "GET", Path: "/posts"}, servedPage{Offset: 0, Limit: 50}},
		{"elasticsearch", request{Method: "POST", Path: "/my-index/_search", Body: `{"size":10,"sort":[{"created":"desc"}],"search_after":[40]}`},
			servedPage{Cursor: true}},
	} {
		p, ok := LookupProfile(c.profile)
		require.True(t, ok)
		resp := p.newServer(resolveOptions(p, nil)).Serve(w, &c.req)
		require.Equal(t, 200, resp.Status, resp.Reason)
		assert.Equal(t, walkNone, resp.Walk, "%s: the engine decides the walk", c.profile)
		require.NotNil(t, resp.Served, c.profile)
		got := *resp.Served
		got.Name, got.Eq, got.Per, got.First, got.Valid = "", false, 0, 0, ""
		assert.Equal(t, c.want, got, c.profile)
	}
}

// `prev` back to the first page continues the client's walk (issue 8 bug:
// it started a new one) on the profiles whose servers kept their own books.
func TestPrevToTheFirstPageContinuesTheWalk(t *testing.T) {
	for _, text := range []string{
		"profile codefresh-legacy\nrecords 100\nGET /workflow?page=1&limit=10\nnext\nprev",
		"profile flashduty\nrecords 100\nPOST /incident/list {\"p\":1,\"limit\":10}\nnext\nprev",
	} {
		tr, err := RunText(text)
		require.NoError(t, err)
		require.Len(t, tr.Walks, 1, text)
		var pages []int
		for _, st := range requests(tr) {
			assert.Equal(t, 0, st.Walk, text)
			pages = append(pages, st.Page)
		}
		assert.Equal(t, []int{1, 2, 3}, pages, text)
	}
}

// A page computed by hand starts a new walk, and the note says the
// contract allowed it (Codefresh before 2021: every page is independent).
func TestJumpStartsANewWalkWithTheContractsWords(t *testing.T) {
	tr, err := RunText("profile codefresh-legacy\nrecords 100\nGET /workflow?page=1&limit=10\nGET /workflow?page=5&limit=10")
	require.NoError(t, err)
	reqs := requests(tr)
	assert.Len(t, tr.Walks, 2)
	assert.Equal(t, "page 5 is valid here (every page is independent), but page 5 does not follow this client's last page (page 1): it starts a new walk there, since a page computed by hand sees the list as it is now, not as the previous page saw it", reqs[1].Reason)

	// Codefresh's session: re-reading a page the walk has covered is no new ground.
	tr, err = RunText("profile codefresh\nrecords 100\nGET /workflow?page=1\nGET /workflow?page=2\nGET /workflow?page=2")
	require.NoError(t, err)
	reqs = requests(tr)
	assert.Equal(t, []int{0, 0, 0}, []int{reqs[0].Walk, reqs[1].Walk, reqs[2].Walk})
	assert.Equal(t, []int{1, 2, 0}, []int{reqs[0].Page, reqs[1].Page, reqs[2].Page}, "the re-read is in the walk but is no page of it")
	assert.Contains(t, reqs[2].Reason, "page 2 goes back over pages this client's walk has seen")

	// Flashduty's cursor continues the walk that issued it.
	tr, err = RunText("profile flashduty-cursor\nrecords 100\nPOST /incident/list {\"limit\":40}\nnext\nnext")
	require.NoError(t, err)
	require.Len(t, tr.Walks, 1)
	assert.True(t, tr.Walks[0].Complete)
	assert.Equal(t, 3, requests(tr)[2].Page)
}

// Whether a request continues the client's walk is the client's intent
// (issue 8 item 1): the position it asked for follows its last page by its
// own arithmetic or by what it was served. What the server served decides
// the duplicates and misses.
func TestTheClientsIntentDecidesItsWalk(t *testing.T) {
	const jira = "profile jira\nrecords 180\nGET /rest/api/3/project/search?startAt=0&maxResults=100\n"
	for _, tc := range []struct {
		name, then string
		walks      int
		missed     int64
		says       string
	}{
		// startAt 0 + the 100 it sent: its own arithmetic, so the same walk,
		// which never read startAt 50-99 (the server served 50).
		{"own arithmetic", "GET /rest/api/3/project/search?startAt=100&maxResults=100", 1, 50, ""},
		// startAt 0 + the 50 the response said: it read maxResults back.
		{"read back", "GET /rest/api/3/project/search?startAt=50&maxResults=100", 1, 0, ""},
		// 120 is neither: a position of its own, a new walk from there.
		{"jump", "GET /rest/api/3/project/search?startAt=120&maxResults=100", 2, 0, "startAt=120 does not follow this client's last page (startAt=0)"},
	} {
		tr, err := RunText(jira + tc.then)
		require.NoError(t, err)
		require.Len(t, tr.Walks, tc.walks, tc.name)
		assert.Equal(t, tc.missed, tr.Walks[0].Missed.Count, tc.name)
		if tc.says != "" {
			assert.Contains(t, requests(tr)[1].Reason, tc.says, tc.name)
		}
	}

	// 25 records, 10 a page: offset 20 is the last page (the walk ends
	// complete there); offset 30 is the one after it by the client's own
	// arithmetic, so it goes on in the same walk (an empty page, nothing
	// twice). A `prev` after the end is a new pass, as before.
	tr, err := RunText("profile offset\nrecords 25\nGET /items?offset=0&limit=10\nnext\nnext\nGET /items?offset=30&limit=10\nprev")
	require.NoError(t, err)
	var walks, pages []int
	for _, st := range requests(tr) {
		walks, pages = append(walks, st.Walk), append(pages, st.Page)
	}
	assert.Equal(t, []int{0, 0, 0, 0, 1}, walks)
	assert.Equal(t, []int{1, 2, 3, 4, 1}, pages)
	assert.True(t, tr.Walks[0].Consistent, tr.Walks[0].Verdict)
	assert.Equal(t, int64(25), tr.Walks[0].Distinct)
}

// json-server 0.17 without _page slices the list (Array.slice): slices in a
// row, each from where the last ended, are one pass over the list by the
// client's own arithmetic, and read each of the 25 records once; a slice
// from elsewhere starts a new walk there.
func TestSlicesInARowAreOneWalk(t *testing.T) {
	tr := execute(withOptions(scenario("json-server", 25,
		get("/posts?_start=0&_end=10"), get("/posts?_start=10&_end=20"), get("/posts?_start=20&_end=30")), "version", "0"))
	require.Len(t, tr.Walks, 1)
	assert.True(t, tr.Walks[0].Consistent, tr.Walks[0].Verdict)
	assert.Equal(t, int64(25), tr.Walks[0].Distinct)

	tr = execute(withOptions(scenario("json-server", 25,
		get("/posts?_start=0&_end=10"), get("/posts?_start=15&_end=20")), "version", "0"))
	require.Len(t, tr.Walks, 2)
	assert.Contains(t, requests(tr)[1].Reason, "_start=15 does not follow this client's last page (_start=0)")
}
