//go:build !js

package sim

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// field is a top-level body member as text ("" when absent or null).
func field(s TraceStep, name string) string {
	v, _ := fieldOf(s, name)
	return v
}

// The expectations below are read off rest_framework/pagination.py and
// rest_framework/utils/urls.py (encode/django-rest-framework).

// get_paginated_response: count, next, previous, results. 250 records, 100 a
// page: 3 pages; page 2's previous drops page ("if page_number == 1: return
// remove_query_param(url, self.page_query_param)").
func TestDRFPageNumberBody(t *testing.T) {
	tr := execute(scenario("drf-page", 250, get("/api/items/"), get("/api/items/?page=2"), get("/api/items/?page=3")))
	reqs := requests(tr)
	assert.Equal(t, idsDown(250, 100), reqs[0].Records())
	assert.Contains(t, bodyOf(reqs[0]), `"count":250,"next":"http://api.example.org/api/items/?page=2","previous":null`)
	assert.Contains(t, bodyOf(reqs[1]), `"next":"http://api.example.org/api/items/?page=3","previous":"http://api.example.org/api/items/"`)
	assert.Contains(t, bodyOf(reqs[2]), `"next":null,"previous":"http://api.example.org/api/items/?page=2"`)
	assert.Len(t, reqs[2].Records(), 50)
	assert.Equal(t, drfPageSizeInterp, reqs[0].Interp)
}

// replace_query_param rebuilds the query sorted by name.
func TestDRFLinksSortTheQuery(t *testing.T) {
	tr := execute(scenario("drf-page", 250, get("/api/items/?search=x&page=1&author=bob")))
	assert.Equal(t, "http://api.example.org/api/items/?author=bob&page=2&search=x", field(requests(tr)[0], "next"))
}

// "raise NotFound(msg)" with invalid_page_message "Invalid page.": page 0,
// page 4 of 3, page "two"; page=last is the last page.
func TestDRFInvalidPageIs404(t *testing.T) {
	tr := execute(scenario("drf-page", 250,
		get("/api/items/?page=0"), get("/api/items/?page=4"), get("/api/items/?page=two"), get("/api/items/?page=last")))
	assert.Equal(t, []bool{false, false, false, true}, accepted(tr))
	reqs := requests(tr)
	for _, s := range reqs[:3] {
		assert.Equal(t, 404, s.Response.Status)
		assert.Equal(t, `{"detail":"Invalid page."}`, bodyOf(s))
	}
	assert.Len(t, reqs[3].Records(), 50)
	// An empty list still has page 1 (allow_empty_first_page).
	tr = execute(scenario("drf-page", 0, get("/api/items/?page=1")))
	assert.True(t, requests(tr)[0].Accepted)
}

// The page next pointed to vanishes when records are deleted mid-walk.
// 250 records, 100 a page: page 2 says next is page 3; 60 deletions leave
// 190 records, 2 pages, and page 3 is a 404.
func TestDRFDeletesMakeNextA404(t *testing.T) {
	tr := execute(scenario("drf-page", 250, get("/api/items/"), next(), Step{Kind: StepDelete, From: 0, To: 59}, next()))
	assert.Equal(t, []bool{true, true, false}, accepted(tr))
	assert.Equal(t, "http://api.example.org/api/items/?page=3", requests(tr)[2].Request.URL)
}

func TestDRFPageSizeParam(t *testing.T) {
	s := withOptions(scenario("drf-page", 250, get("/api/items/?page_size=20"), get("/api/items/?page_size=0"), get("/api/items/?page_size=500")),
		"page-size-param", "page_size", "max-limit", "50")
	reqs := requests(execute(s))
	assert.Len(t, reqs[0].Records(), 20)
	assert.Len(t, reqs[1].Records(), 100, "strict: 0 falls back to PAGE_SIZE")
	assert.Len(t, reqs[2].Records(), 50, "cut off at max_page_size")
	// Without page_size_query_param the parameter is ignored.
	assert.Len(t, requests(execute(scenario("drf-page", 250, get("/api/items/?page_size=20"))))[0].Records(), 100)
}

// LimitOffsetPagination: 250 records, limit 100 at offset 120: next offset
// 220; previous: 120 - 100 = 20 > 0, so offset=20 (it overlaps).
func TestDRFLimitOffsetLinks(t *testing.T) {
	tr := execute(scenario("drf-limit-offset", 250,
		get("/api/items/?offset=120&limit=100"), get("/api/items/?offset=50&limit=100"), get("/api/items/?offset=200&limit=100")))
	reqs := requests(tr)
	assert.Equal(t, "http://api.example.org/api/items/?limit=100&offset=220", field(reqs[0], "next"))
	assert.Equal(t, "http://api.example.org/api/items/?limit=100&offset=20", field(reqs[0], "previous"))
	// 50 - 100 <= 0: previous drops offset.
	assert.Equal(t, "http://api.example.org/api/items/?limit=100", field(reqs[1], "previous"))
	// 200 + 100 >= 250: no next.
	assert.Contains(t, bodyOf(reqs[2]), `"next":null`)
	assert.Len(t, reqs[2].Records(), 50)
}

// get_limit / get_offset fall back quietly; "if self.count == 0 or
// self.offset > self.count: return []".
func TestDRFLimitOffsetFallbacks(t *testing.T) {
	tr := execute(withOptions(scenario("drf-limit-offset", 250,
		get("/api/items/?limit=0"), get("/api/items/?limit=x&offset=-5"), get("/api/items/?limit=500"), get("/api/items/?offset=999")), "max-limit", "200"))
	reqs := requests(tr)
	assert.Equal(t, []bool{true, true, true, true}, accepted(tr), "nothing is refused")
	assert.Len(t, reqs[0].Records(), 100)
	assert.Equal(t, idsDown(250, 100), reqs[1].Records())
	assert.Len(t, reqs[2].Records(), 200)
	assert.Empty(t, reqs[3].Records())
	assert.Contains(t, bodyOf(reqs[3]), `"count":250,"next":null`)
}

func TestDRFLimitOffsetWalkDrifts(t *testing.T) {
	tr := execute(scenario("drf-limit-offset", 250, get("/api/items/?limit=100"), insertHead(4), walkAll()))
	reqs := requests(tr)
	require.Len(t, reqs, 3)
	assert.Equal(t, "http://api.example.org/api/items/?limit=100&offset=100", reqs[1].Request.URL)
	assert.Equal(t, int64(4), tr.Walks[0].Duplicates.Count)
}

// get_page_number: "request.query_params.get(self.page_query_param) or 1":
// an empty page is page 1; Django's validate_number reads int(), which
// takes spaces around the digits and refuses "2.0".
func TestDRFPageNumberAsPythonReadsIt(t *testing.T) {
	tr := execute(scenario("drf-page", 250, get("/api/items/?page="), get("/api/items/?page=%202%20"), get("/api/items/?page=2.0")))
	reqs := requests(tr)
	assert.Equal(t, idsDown(250, 100), reqs[0].Records())
	assert.Equal(t, idsDown(150, 100), reqs[1].Records())
	assert.Equal(t, 404, reqs[2].Response.Status)
}

// request.query_params is Django's QueryDict, whose get and [] return the
// last value of a repeated parameter; replace_query_param (parse_qs, then
// "query_dict[force_str(key)] = [force_str(val)]") sends the one it sets
// once, other repeated ones as they were (doseq=True).
func TestDRFRepeatedParameterIsTheLast(t *testing.T) {
	tr := execute(scenario("drf-page", 250, get("/api/items/?page=2&tag=a&page=3&tag=b")))
	s := requests(tr)[0]
	assert.Equal(t, idsDown(50, 50), s.Records())
	assert.Equal(t, "http://api.example.org/api/items/?page=2&tag=a&tag=b", field(s, "previous"))
	tr = execute(scenario("drf-limit-offset", 250, get("/api/items/?limit=10&limit=20")))
	assert.Len(t, requests(tr)[0].Records(), 20)
}
