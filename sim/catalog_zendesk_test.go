//go:build !js

package sim

import (
	"testing"

	"pagingplayground/internal/json"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The sentences quoted below are from Zendesk's API reference, Pagination
// (https://developer.zendesk.com/api-reference/introduction/pagination/),
// and its announcement "New limits for offset-based pagination".

// "a request to the tickets endpoint with the URL https://example.zendesk.com/
// api/v2/tickets.json?page[size]=100 would return ... "meta": {"has_more":
// true, "after_cursor": "xxx", "before_cursor": "yyy"}, "links": {"next":
// "https://example.zendesk.com/api/v2/tickets.json?page[size]=100&page[after]=xxx", ...}".
// 250 tickets: 100, 100, 50.
func TestZendeskCursorWalk(t *testing.T) {
	tr := execute(scenario("zendesk", 250, get("/api/v2/tickets.json?page[size]=100"), walkAll()))
	reqs := requests(tr)
	require.Len(t, reqs, 3)
	assert.Equal(t, idsDown(250, 100), reqs[0].Records())
	meta := member(reqs[0], "meta")
	after, _ := meta.Get("after_cursor")
	more, _ := meta.Get("has_more")
	assert.True(t, more.Bool)
	links := member(reqs[0], "links")
	next, _ := links.Get("next")
	prev, _ := links.Get("prev")
	assert.Equal(t, "https://example.zendesk.com/api/v2/tickets.json?page[size]=100&page[after]="+after.Str, next.Str)
	assert.Equal(t, json.Null, prev.Kind)
	assert.Contains(t, reqs[1].Request.URL, "https://example.zendesk.com/api/v2/tickets.json?page[size]=100&page[after]=")
	assert.Contains(t, bodyOf(reqs[2]), `"has_more":false`)
	assert.Contains(t, bodyOf(reqs[2]), `"next":null`)
	assert.True(t, tr.Walks[0].Complete)
	assert.Equal(t, int64(250), tr.Walks[0].Distinct)
}

// "Most endpoints limit this to a maximum of 100."
func TestZendeskPageSizeMaximum(t *testing.T) {
	tr := execute(scenario("zendesk", 250, get("/api/v2/tickets.json?page[size]=101")))
	s := requests(tr)[0]
	assert.Equal(t, 400, s.Response.Status)
	assert.Equal(t, zdErrorInterp, s.Interp)
}

// "If you omit the page[size] parameter, offset pagination is used." And
// "OBP requests over the first 10,000 records (100 pages) will result in an
// error message: "400 Bad Request."": page 100 of 100 is records 9,901 to
// 10,000; page 101 is refused.
func TestZendeskOffsetLimit(t *testing.T) {
	tr := execute(scenario("zendesk", 12000,
		get("/api/v2/tickets.json?page=100"), get("/api/v2/tickets.json?page=101"), get("/api/v2/tickets.json?page=2")))
	assert.Equal(t, []bool{true, false, true}, accepted(tr))
	reqs := requests(tr)
	assert.Equal(t, idsDown(12000-9900, 100), reqs[0].Records())
	assert.Equal(t, "12000", field(reqs[0], "count"))
	assert.Equal(t, "https://example.zendesk.com/api/v2/tickets.json?page=101", field(reqs[0], "next_page"))
	assert.Contains(t, reqs[1].Reason, "limited to the first 10000 records")
	assert.Equal(t, "https://example.zendesk.com/api/v2/tickets.json?page=1", field(reqs[2], "previous_page"))
}

// Offset walk over 12,000 tickets: 100 pages, then the 400.
func TestZendeskOffsetWalkStopsAt10000(t *testing.T) {
	tr := execute(scenario("zendesk", 12000, get("/api/v2/tickets.json"), walkAll()))
	reqs := requests(tr)
	require.Len(t, reqs, 101)
	assert.False(t, reqs[100].Accepted)
	assert.Equal(t, int64(10000), tr.Walks[0].Distinct)
}

func TestZendeskPrevCursor(t *testing.T) {
	tr := execute(scenario("zendesk", 250, get("/api/v2/tickets.json?page[size]=100"), next(), prevStep()))
	reqs := requests(tr)
	assert.Equal(t, idsDown(250, 100), reqs[2].Records())
	assert.Contains(t, reqs[2].Request.URL, "page[before]=")
}

// member is a top-level member of a recorded response body, parsed.
func member(s TraceStep, name string) json.Value {
	v, _ := json.Parse(bodyOf(s))
	m, _ := v.Get(name)
	return m
}
