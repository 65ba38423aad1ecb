//go:build !js

package sim

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The sentences quoted below are from AIP-158, Pagination (https://google.aip.dev/158).

func googleScenario(records int64, steps ...Step) *Scenario {
	return withOptions(scenario("google-aip158", records, steps...), "short-pages", "off")
}

// "If unspecified, at most 50 books will be returned. The maximum value is
// 1000; values above 1000 will be coerced to 1000." "If the user specifies a
// negative value for page_size, the API must send an INVALID_ARGUMENT error."
// 0 is the default too: "The API must not return an error."
func TestGooglePageSize(t *testing.T) {
	tr := execute(googleScenario(5000,
		get("/v1/publishers/123/books"), get("/v1/publishers/123/books?pageSize=0"), get("/v1/publishers/123/books?page_size=5000"),
		get("/v1/publishers/123/books?pageSize=-1"), get("/v1/publishers/123/books?pageSize=7")))
	assert.Equal(t, []bool{true, true, true, false, true}, accepted(tr))
	reqs := requests(tr)
	assert.Len(t, reqs[0].Records(), 50)
	assert.Len(t, reqs[1].Records(), 50)
	assert.Len(t, reqs[2].Records(), 1000)
	assert.Contains(t, reqs[2].Reason, "coerced down to 1000")
	assert.Equal(t, `{"error":{"code":400,"message":"page_size must not be negative, got -1","status":"INVALID_ARGUMENT"}}`, bodyOf(reqs[3]))
	assert.Len(t, reqs[4].Records(), 7)
}

// "If the end of the collection has been reached, the next_page_token field
// must be empty. This is the only way to communicate "end-of-collection" to
// users." 120 books, 50 a page: 50, 50, 20, the last without nextPageToken.
func TestGoogleWalk(t *testing.T) {
	tr := execute(googleScenario(120, get("/v1/publishers/123/books"), walkAll()))
	reqs := requests(tr)
	require.Len(t, reqs, 3)
	assert.Contains(t, reqs[1].Request.URL, "pageToken=")
	_, has := fieldOf(reqs[2], "nextPageToken")
	assert.False(t, has)
	assert.Equal(t, int64(120), tr.Walks[0].Distinct)
}

// "If the user changes the page_size in a request for subsequent pages, the
// service must honor the new page size." "if any arguments are different,
// the API should send an INVALID_ARGUMENT error."
func TestGoogleTokenBelongsToItsRequest(t *testing.T) {
	tr := execute(googleScenario(120, get("/v1/publishers/123/books?filter=a")))
	tok := field(requests(tr)[0], "nextPageToken")
	tr = execute(googleScenario(120, get("/v1/publishers/123/books?filter=a"),
		get("/v1/publishers/123/books?filter=a&pageSize=10&pageToken="+tok),
		get("/v1/publishers/123/books?filter=b&pageToken="+tok),
		get("/v1/publishers/123/books?filter=a&pageToken=nope")))
	assert.Equal(t, []bool{true, true, false, false}, accepted(tr))
	assert.Equal(t, idsDown(70, 10), requests(tr)[1].Records())

	// "APIs may expire page tokens a reasonable time after they have been sent."
	tr = execute(withOptions(googleScenario(120, get("/v1/publishers/123/books"), Step{Kind: StepWait, Ticks: 100}, next()), "token-ttl", "50"))
	assert.Equal(t, []bool{true, false}, accepted(tr))
	assert.Contains(t, bodyOf(requests(tr)[1]), "expired")
}

// "The API may return fewer results than the number requested (including
// zero results), even if not at the end of the collection."
func TestGoogleShortPages(t *testing.T) {
	tr := execute(scenario("google-aip158", 1000, get("/v1/publishers/123/books"), walkAll()))
	reqs := requests(tr)
	short := -1
	for i, s := range reqs[:len(reqs)-1] {
		if len(s.Records()) < 50 {
			short = i
			break
		}
	}
	require.NotEqual(t, -1, short)
	assert.Equal(t, googleShortInterp, reqs[short].Interp)
	assert.Equal(t, int64(1000), tr.Walks[0].Distinct)

	tr = execute(withOptions(scenario("google-aip158", 1000, get("/v1/publishers/123/books"), walkAll()), "client", "page-size"))
	assert.Len(t, requests(tr), short+1)
	assert.Positive(t, tr.Walks[0].Missed.Count)
}

// "total_size ... may be an estimate": 1234 estimated is 1200.
func TestGoogleTotalSize(t *testing.T) {
	tr := execute(withOptions(googleScenario(1234, get("/v1/publishers/123/books")), "total", "estimate"))
	assert.Equal(t, TotalReport{"estimated", 1200, 1234}, requests(tr)[0].Total)
	assert.Equal(t, "1200", field(requests(tr)[0], "totalSize"))
}

// google.rpc.Code, which AIP-193 has every error use: "NOT_FOUND ... HTTP
// Mapping: 404 Not Found", "INVALID_ARGUMENT ... HTTP Mapping: 400 Bad
// Request". A 404 carries NOT_FOUND, not INVALID_ARGUMENT.
func TestGoogleNotFoundStatus(t *testing.T) {
	tr := execute(scenario("google-aip158", 10, Step{Kind: StepRequest, Method: "GET", Target: "/v1/books"}, Step{Kind: StepRequest, Method: "GET", Target: "/v1/publishers/p/books?pageSize=-1"}))
	reqs := requests(tr)
	assert.Equal(t, 404, reqs[0].Response.Status)
	for i, want := range []string{"NOT_FOUND", "INVALID_ARGUMENT"} {
		st, _ := member(reqs[i], "error").Get("status")
		assert.Equal(t, want, st.Str)
	}
}
