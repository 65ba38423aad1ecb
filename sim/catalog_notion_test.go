//go:build !js

package sim

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The sentences quoted below are from the Notion API reference, Pagination
// (https://developers.notion.com/reference/intro#pagination).

const notionQuery = "/v1/databases/d9824bdc84454327be8b5b47500af6ce/query"

// "receiving an array of results and a next_cursor in the response. The
// connection can use the next_cursor in another request". 250 pages, 100 a
// query: 100, 100, 50; next_cursor null and has_more false at the end.
func TestNotionWalk(t *testing.T) {
	tr := execute(scenario("notion", 250, post(notionQuery, `{"page_size":100}`), walkAll()))
	reqs := requests(tr)
	require.Len(t, reqs, 3)
	assert.Equal(t, idsDown(250, 100), reqs[0].Records())
	assert.Contains(t, bodyOf(reqs[0]), `"object":"list","next_cursor":"00000000-0000-4000-8000-000000000096","has_more":true`)
	assert.Equal(t, `{"start_cursor":"00000000-0000-4000-8000-000000000096","page_size":100}`, reqs[1].Request.Body)
	assert.Equal(t, idsDown(150, 100), reqs[1].Records(), "the cursor names page 2's first result, id 150 (0x96)")
	assert.Contains(t, bodyOf(reqs[2]), `"next_cursor":null,"has_more":false`)
	assert.Len(t, reqs[2].Records(), 50)
	assert.True(t, tr.Walks[0].Complete)
}

// page_size "Maximum: 100"; above it a validation_error (interpretation).
func TestNotionPageSize(t *testing.T) {
	tr := execute(scenario("notion", 250, post(notionQuery, `{}`), post(notionQuery, `{"page_size":101}`), post(notionQuery, `{"page_size":"10"}`), get("/v1/users?page_size=10")))
	assert.Equal(t, []bool{true, false, false, true}, accepted(tr))
	reqs := requests(tr)
	assert.Len(t, reqs[0].Records(), 100)
	assert.Contains(t, bodyOf(reqs[1]), `{"object":"error","status":400,"code":"validation_error","message":"body failed validation: body.page_size`)
	assert.Equal(t, notionSizeInterp, reqs[1].Interp)
	assert.Len(t, reqs[3].Records(), 10, "GET lists read the query string")
}

func TestNotionBadCursor(t *testing.T) {
	tr := execute(scenario("notion", 50, post(notionQuery, `{"start_cursor":"abc"}`), post(notionQuery, `{"start_cursor":"00000000-0000-4000-8000-0000000000ff"}`)))
	assert.Equal(t, []bool{false, false}, accepted(tr))
	assert.Equal(t, notionCursorInterp, requests(tr)[0].Interp)
}

// The cursor names the next page's first record: if that record is deleted
// the page starts where it was (interpretation), nothing skipped.
func TestNotionCursorRecordDeleted(t *testing.T) {
	tr := execute(scenario("notion", 30, post(notionQuery, `{"page_size":10}`), Step{Kind: StepDelete, ID: 20}, walkAll()))
	reqs := requests(tr)
	assert.Equal(t, idsDown(19, 10), reqs[1].Records())
	assert.True(t, tr.Walks[0].Consistent, tr.Walks[0].Verdict)
}
