package sim

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pagingplayground/internal/linkheader"
	"pagingplayground/internal/reqtarget"
)

// one runs a single request against a fresh 100-record list and returns its
// trace step.
func one(t *testing.T, profile string, target string, opts ...Option) TraceStep {
	t.Helper()
	s := scenario(profile, 100, get(target))
	s.Setup.Options = opts
	reqs := requests(execute(s))
	require.Len(t, reqs, 1)
	return reqs[0]
}

func TestGenericModelsAcceptAndRefuse(t *testing.T) {
	tests := []struct {
		profile, target string
		opts            []Option
		status          int
		reason          string // substring
		first, count    int64  // first id and number of records when accepted
	}{
		{"offset", "/items?offset=0&limit=10", nil, 200, "", 100, 10},
		{"offset", "/items?offset=95&limit=10", nil, 200, "", 5, 5},
		{"offset", "/items?offset=500", nil, 200, "offset=500 is past the end of the list (100 records)", 0, 0},
		{"offset", "/items", nil, 200, "", 100, 20},
		{"offset", "/items?offset=-1", nil, 400, "offset must be 0 or more", 0, 0},
		{"offset", "/items?limit=0", nil, 400, "limit must be at least 1", 0, 0},
		{"offset", "/items?limit=500", nil, 200, "clamped it to 100", 100, 100},
		{"offset", "/items?limit=500", []Option{{Name: "over-max", Value: "refuse"}}, 400, "above the maximum of 100", 0, 0},
		{"offset", "/items?limit=30", []Option{{Name: "max-limit", Value: "25"}}, 200, "clamped it to 25", 100, 25},
		{"offset", "/items", []Option{{Name: "limit", Value: "7"}}, 200, "", 100, 7},
		{"page", "/items?page=2&per_page=10", nil, 200, "", 90, 10},
		{"page", "/items?page=0", nil, 400, "page numbers start at 1", 0, 0},
		{"page", "/items?page=-3", nil, 400, "page numbers start at 1", 0, 0},
		{"link", "/items?page=3&per_page=25", nil, 200, "", 50, 25},
		{"link", "/items?page=1&per_page=0", nil, 400, "per_page must be at least 1", 0, 0},
		{"cursor", "/items?limit=10", nil, 200, "", 100, 10},
		{"cursor", "/items?after=zz", nil, 400, "is not one this server issued", 0, 0},
		{"cursor", "/items?after=" + cursorToken("cursor:/other", cursor{Key: 50, ID: 50}), nil, 400, "issued for another list", 0, 0},
		{"cursor", "/items?after=" + cursorToken("cursor:/items", cursor{Key: 50, ID: 50}), nil, 200, "", 49, 20},
		{"cursor", "/items?before=" + cursorToken("cursor:/items", cursor{Key: 50, ID: 50}) + "&limit=5", nil, 200, "", 55, 5},
		{"cursor", "/items?after=a&before=b", nil, 400, "exclude each other", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.profile+" "+tt.target, func(t *testing.T) {
			s := one(t, tt.profile, tt.target, tt.opts...)
			assert.Equal(t, tt.status, s.Response.Status)
			assert.Equal(t, tt.status == 200, s.Accepted)
			if tt.reason == "" {
				assert.Empty(t, s.Reason)
			} else {
				assert.Contains(t, s.Reason, tt.reason)
				if tt.status >= 400 {
					assert.Contains(t, string(s.Response.Body()), "\"error\"", "a refusal says why in the body too")
				}
			}
			assert.Equal(t, tt.count, int64(len(s.Records())))
			if tt.count > 0 {
				assert.Equal(t, tt.first, s.Records()[0])
			}
		})
	}
}

// A cursor keeps working after the record it was cut at is deleted: it
// encodes a sort position, not a row.
func TestCursorSurvivesDeletionOfItsRecord(t *testing.T) {
	tr := execute(scenario("cursor", 30, get("/items?limit=10"), deleteAt(9), next()))
	reqs := requests(tr)
	require.Len(t, reqs, 2)
	assert.True(t, reqs[1].Accepted)
	assert.Equal(t, int64(20), reqs[1].Records()[0], "page 1 ended at 21 (deleted); page 2 starts right below it")
}

// The link model's next/prev come from the Link header read back by the
// RFC 8288 parser, never from a shortcut.
func TestLinkModelFollowsItsOwnHeader(t *testing.T) {
	tr := execute(scenario("link", 25, get("/items?per_page=10"), walkAll(), Step{Kind: StepPrev}))
	reqs := requests(tr)
	require.Len(t, reqs, 4)
	link := firstHeader(reqs[0].Response.Header, "Link")
	links, err := linkheader.Parse(link)
	require.NoError(t, err)
	nextLink, ok := linkheader.Find(links, "next")
	require.True(t, ok)
	assert.Equal(t, nextLink.URL, reqs[1].Request.URL)
	assert.Equal(t, "/items?per_page=10&page=2", reqs[1].Request.URL)
	assert.NotContains(t, firstHeader(reqs[2].Response.Header, "Link"), `rel="next"`, "the last page has no next link")
	assert.False(t, reqs[2].HasNext.Reported)
	assert.Equal(t, "/items?per_page=10&page=2", reqs[3].Request.URL, "prev from page 3")
	assert.Equal(t, "25", firstHeader(reqs[0].Response.Header, "X-Total-Count"))
	assert.Equal(t, byte('['), reqs[0].Response.Body()[0], "a bare JSON array")
	assert.True(t, tr.Walks[0].Complete)
}

func TestFollowWithNothingToFollowIsANoteNotARequest(t *testing.T) {
	tr := execute(scenario("offset", 5, next(), get("/items?limit=10"), next()))
	require.Len(t, tr.Steps, 3)
	assert.Equal(t, "client", tr.Steps[0].Kind)
	assert.Contains(t, tr.Steps[0].Text, "no page to follow yet")
	assert.Equal(t, "client", tr.Steps[2].Kind)
	assert.Contains(t, tr.Steps[2].Text, "no next page")
	assert.Equal(t, 1, tr.Summary.Requests)
}

func TestWalkCapErrorsWhenPagesRemain(t *testing.T) {
	tr := execute(scenario("offset", 100, get("/items?limit=10"), Step{Kind: StepWalk, MaxPages: 3, Cap: true}))
	assert.Equal(t, 3, tr.Summary.Requests, "3 pages in all: the first request and 2 pages more")
	require.Len(t, tr.Summary.Errors, 1)
	assert.Contains(t, tr.Summary.Errors[0], "more than 3 pages")
	assert.False(t, tr.Walks[0].Complete)

	quiet := execute(scenario("offset", 100, get("/items?limit=10"), Step{Kind: StepWalk, MaxPages: 3}))
	assert.Empty(t, quiet.Summary.Errors)
	last := quiet.Steps[len(quiet.Steps)-1]
	assert.True(t, strings.HasPrefix(last.Text, "stopped after 3 pages"), last.Text)
}

func TestRateLimitAnswers429AndWalkWaitsItOut(t *testing.T) {
	s := scenario("offset", 100, get("/items?limit=10"), walkAll())
	s.Setup.Options = []Option{{Name: "rate-limit", Value: "3"}, {Name: "rate-window", Value: "10"}}
	tr := execute(s)
	var throttled int
	for _, st := range requests(tr) {
		if st.Response.Status == 429 {
			throttled++
			assert.NotEmpty(t, firstHeader(st.Response.Header, "Retry-After"))
		}
	}
	assert.Positive(t, throttled)
	assert.True(t, tr.Walks[0].Complete, "the walk waited and finished")
	assert.Equal(t, int64(100), tr.Walks[0].Distinct)
}

func TestStreamInsertsInTheBackground(t *testing.T) {
	tr := execute(scenario("offset", 10, Step{Kind: StepStream, Count: 2, Every: 3}, Step{Kind: StepWait, Ticks: 9}))
	assert.Equal(t, int64(16), tr.Summary.FinalSize)
	var text string
	for _, s := range tr.Steps {
		if s.Source == "stream" {
			text = s.Text
		}
	}
	assert.Equal(t, "the stream inserted 6 records in 3 batches: ids 11–16", text)
}

func TestPositionalInsertAndUpdateMoveRecords(t *testing.T) {
	tr := execute(scenario("offset", 10,
		Step{Kind: StepInsert, Count: 2, At: 3},
		Step{Kind: StepUpdate, ID: 1, Key: 100},
		get("/items?limit=5")))
	assert.Equal(t, int64(3), tr.Steps[0].At)
	assert.Equal(t, "inserted 2 records at position 3: ids 11–12", tr.Steps[0].Text)
	assert.Contains(t, tr.Steps[1].Text, "record 1 moved from position 11 to 0")
	assert.Equal(t, []int64{1, 10, 9, 8, 12}, requests(tr)[0].Records())
}

func TestOldestFirstOrder(t *testing.T) {
	s := scenario("offset", 10, get("/items?limit=3"), insertHead(1), walkAll())
	s.Setup.Order = OldestFirst
	tr := execute(s)
	assert.Equal(t, []int64{1, 2, 3}, requests(tr)[0].Records())
	assert.Equal(t, "inserted 1 record at the end: id 11", tr.Steps[1].Text)
	w := tr.Walks[0]
	assert.True(t, w.Consistent, "appending at the end of an oldest-first list does not disturb an offset walk")
	assert.Equal(t, int64(1), w.InsertedSeen)
}

// follow skips re-parsing the URL it builds: what it keeps must be exactly
// what ParseTarget reads back from it, awkward characters included.
func TestFollowKeepsWhatTheParserWouldRead(t *testing.T) {
	prev, ok, why := clientRequest("GET", "/it%20ems/x?q=a+b&sort=-created&x=%2F%26%3D&empty=&offset=20")
	require.True(t, ok, why)
	next, ok, _ := follow(prev, Param{Name: "offset", Value: "40"}, Param{Name: "after", Value: "ab/c d"}, Param{Name: "empty", Value: ""})
	require.True(t, ok)
	path, q, err := reqtarget.Parse(next.Target)
	require.NoError(t, err)
	assert.Equal(t, next.Path, path)
	assert.Equal(t, next.Query, q)
	assert.Equal(t, []Param{{Name: "q", Value: "a b"}, {Name: "sort", Value: "-created"}, {Name: "x", Value: "/&="}, {Name: "offset", Value: "40"}, {Name: "after", Value: "ab/c d"}}, q)
}

// A page that does not follow the client's last one (page 7 after page 1)
// starts a new walk there instead of counting everything it jumped over as
// missed by the first walk.
func TestAJumpStartsANewWalk(t *testing.T) {
	for _, tc := range []struct{ profile, first, jump, says string }{
		{"page", "/items?page=1&per_page=10", "/items?page=7&per_page=10", "page 7 does not follow this client's last page (page 1)"},
		{"offset", "/items?offset=0&limit=10", "/items?offset=60&limit=10", "offset=60 does not follow this client's last page (offset=0)"},
	} {
		tr := execute(scenario(tc.profile, 100, get(tc.first), get(tc.jump), next()))
		require.Len(t, tr.Walks, 2, tc.profile)
		assert.Equal(t, int64(0), tr.Walks[0].Missed.Count, "the first walk stopped at its page")
		assert.Equal(t, int64(0), tr.Walks[1].Missed.Count, "the second walk began at page 7")
		assert.Equal(t, []Span{{NotReached, 60}, {SeenOnce, 20}, {NotReached, 20}}, tr.Walks[1].Strip)
		assert.Contains(t, requests(tr)[1].Reason, tc.says)
		assert.Empty(t, requests(tr)[2].Reason, "next follows the jump page")
	}
	fd := execute(scenario("flashduty", 500,
		Step{Kind: StepRequest, Method: "POST", Target: "/incident/list", Body: `{"p":1,"limit":20}`},
		Step{Kind: StepRequest, Method: "POST", Target: "/incident/list", Body: `{"p":7,"limit":20}`}))
	require.Len(t, fd.Walks, 2)
	assert.Equal(t, int64(0), fd.Walks[0].Missed.Count+fd.Walks[1].Missed.Count, "p=7 after p=1 misses nothing: it is a new walk")
	assert.Contains(t, requests(fd)[1].Reason, "p=7 does not follow this client's last page (p=1)")
}

func TestNewRecordsLandBelowAKeySetAboveTheClock(t *testing.T) {
	tr := execute(scenario("offset", 10, Step{Kind: StepUpdate, ID: 5, Key: 1000}, insertHead(1), get("/items?limit=3")))
	assert.Equal(t, "inserted 1 record at position 1: id 11", tr.Steps[1].Text)
	assert.Equal(t, []int64{5, 11, 10}, requests(tr)[0].Records())
	s := scenario("offset", 10, insertHead(2))
	s.Setup.Order = OldestFirst
	assert.Equal(t, "inserted 2 records at the end: ids 11–12", execute(s).Steps[0].Text)
}

// A Raw field is written verbatim and IDString writes ids as strings.
// (Refused with a 2xx status is tested with Slack's ok:false in the catalogue.)
func TestRawFieldsAndStringIDs(t *testing.T) {
	r := &response{Status: 200, ItemsKey: "data", IDName: "id", Items: []record{{ID: 7, Created: 7, Key: 7}},
		IDString: func(id int64) string { return "cus_" + itoa(id) },
		Fields:   []bodyField{{Name: "response_metadata", Value: rawVal(`{"next_cursor":"abc"}`)}}}
	assert.Equal(t, `{"data":[{"id":"cus_7","created":7}],"response_metadata":{"next_cursor":"abc"}}`, string(responseBody(r)))
	v, _ := r.Field("response_metadata")
	assert.Equal(t, `{"next_cursor":"abc"}`, v.AsString())
}
