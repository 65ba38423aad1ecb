//go:build !js

package sim

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The sentences quoted below are from Slack's API docs, "Pagination"
// (https://docs.slack.dev/apis/web-api/pagination).

func slackScenario(records int64, steps ...Step) *Scenario {
	return withOptions(scenario("slack", records, steps...), "short-pages", "off")
}

// "Paginated responses include a top-level response_metadata object that
// includes a next_cursor when there are additional results to be retrieved."
// "An empty, null, or non-existent next_cursor in the response indicates no
// further results." 250 channels, 100 a call: 100, 100, 50, the last with "".
func TestSlackNextCursorUntilEmpty(t *testing.T) {
	tr := execute(slackScenario(250, get("/api/conversations.list?limit=100"), walkAll()))
	reqs := requests(tr)
	require.Len(t, reqs, 3)
	assert.Equal(t, idsDown(250, 100), reqs[0].Records())
	assert.Regexp(t, `^\{"channels":\[.*\],"ok":true,"response_metadata":\{"next_cursor":"[0-9a-f]+"\}\}$`, bodyOf(reqs[0]))
	assert.Contains(t, reqs[1].Request.URL, "/api/conversations.list?limit=100&cursor=")
	assert.Len(t, reqs[2].Records(), 50)
	assert.Contains(t, bodyOf(reqs[2]), `"response_metadata":{"next_cursor":""}`)
	assert.Equal(t, NextReport{"cursor", false, false}, reqs[2].HasNext)
	assert.True(t, tr.Walks[0].Complete)
	assert.Equal(t, int64(250), tr.Walks[0].Distinct)
}

// "If you don't pass a cursor parameter, but do pass a limit parameter, the
// default value retrieves the first portion": an empty cursor too.
func TestSlackNoCursorIsTheFirstPage(t *testing.T) {
	tr := execute(slackScenario(250, get("/api/conversations.list?limit=10&cursor=")))
	assert.Equal(t, idsDown(250, 10), requests(tr)[0].Records())
}

// "The limit parameter maximum is 1000": larger limits are clamped
// (interpretation); a limit that is not a positive number gets the default.
func TestSlackLimit(t *testing.T) {
	tr := execute(slackScenario(3000,
		get("/api/conversations.list?limit=5000"), get("/api/conversations.list"), get("/api/conversations.list?limit=x")))
	reqs := requests(tr)
	assert.Len(t, reqs[0].Records(), 1000)
	assert.Equal(t, slackLimitInterp, reqs[0].Interp)
	assert.Len(t, reqs[1].Records(), 100)
	assert.Len(t, reqs[2].Records(), 100)
	assert.Equal(t, slackLimitInterp, reqs[2].Interp)
}

// Slack's Web API answers errors with HTTP 200 and ok:false; a cursor it
// cannot read is invalid_cursor (slackapi/node-slack-sdk#1051).
func TestSlackInvalidCursor(t *testing.T) {
	tr := execute(slackScenario(100, get("/api/conversations.list?cursor=dXNlcjpVMDYxTkZUVDI=")))
	s := requests(tr)[0]
	assert.Equal(t, 200, s.Response.Status)
	assert.False(t, s.Accepted, "ok:false is a refusal")
	assert.Equal(t, `{"ok":false,"error":"invalid_cursor"}`, bodyOf(s))
	assert.Equal(t, slackCursorInterp, s.Interp)
}

// "Cursors are like pointers ... a place in the list where your last request
// left off": records inserted at the head or deleted mid-walk shift nothing,
// and the cursor of a deleted record still divides the list.
func TestSlackCursorSurvivesInsertsAndDeletes(t *testing.T) {
	tr := execute(slackScenario(100, get("/api/conversations.list?limit=10"), insertHead(5), deleteAt(14), walkAll()))
	reqs := requests(tr)
	assert.Equal(t, idsDown(90, 10), reqs[1].Records(), "id 91, the cursor's record, was deleted")
	assert.True(t, tr.Walks[0].Consistent, tr.Walks[0].Verdict)
	assert.Equal(t, int64(100), tr.Walks[0].Distinct)
}

// "It's possible to receive fewer results than your specified limit, even
// when there are additional results to retrieve. Avoid the temptation to
// check the size of results against the limit to conclude the results have
// been completely returned."
func TestSlackShortPagesBeforeTheEnd(t *testing.T) {
	tr := execute(scenario("slack", 1000, get("/api/conversations.list?limit=100"), walkAll()))
	reqs := requests(tr)
	short := -1
	for i, s := range reqs[:len(reqs)-1] {
		if len(s.Records()) < 100 {
			short = i
			break
		}
	}
	require.NotEqual(t, -1, short, "some page before the last is short")
	assert.Equal(t, slackShortInterp, reqs[short].Interp)
	assert.True(t, reqs[short].HasNext.Reported, "its next_cursor is not empty")
	assert.True(t, tr.Walks[0].Complete)
	assert.Equal(t, int64(1000), tr.Walks[0].Distinct, "a client that follows next_cursor reads everything")

	// The client that stops on a short page stops right there, and what it
	// never read is missed.
	tr = execute(withOptions(scenario("slack", 1000, get("/api/conversations.list?limit=100"), walkAll()), "client", "page-size"))
	reqs2 := requests(tr)
	assert.Len(t, reqs2, short+1)
	w := tr.Walks[0]
	assert.Equal(t, 1000-w.Distinct, w.Missed.Count)
	assert.Positive(t, w.Missed.Count)
	last := tr.Steps[len(tr.Steps)-1]
	assert.Equal(t, "client", last.Kind)
	assert.Contains(t, last.Text, "fewer than limit 100, though next_cursor is not empty")
}

func TestSlackShortPagesAreSeeded(t *testing.T) {
	run := func() []int {
		tr := execute(scenario("slack", 1000, get("/api/conversations.list?limit=100"), walkAll()))
		var sizes []int
		for _, s := range requests(tr) {
			sizes = append(sizes, len(s.Records()))
		}
		return sizes
	}
	assert.Equal(t, run(), run())
}
