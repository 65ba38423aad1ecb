//go:build !js

package sim

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The session base, from Codefresh's page "Paging issues for builds and
// images": "a database cursor behind the scenes that tracks the current
// position within the result list. You can only go back and forward to the
// next or previous page but never jump to an arbitrary page"; "you can
// always go back to page 1 (resetting the cursor to the first position)".
// The page lists 1, 2, 3, 4 and 1, 2, 1, 2, 3 as valid, and says 5, 2, 8 and
// 1, 4, 2 "will become invalid operations": a fresh session has no cursor,
// so 5, 2 and 8 are jumps (our reading: a cursor starts at page 1); in
// 1, 4, 2 the 4 is a jump from page 1, which leaves the cursor there, so
// the 2 is the next page.
func TestDeclaredSessionMoves(t *testing.T) {
	const decl = "contract session\n  path /workflow\n  limit.default 10\nrecords 100\n"
	for _, c := range []struct {
		pages string
		want  []bool
	}{
		{"1 2 3 4", []bool{true, true, true, true}},
		{"1 2 1 2 3", []bool{true, true, true, true, true}},
		{"5 2 8", []bool{false, false, false}},
		{"1 4 2", []bool{true, false, true}},
		{"1 2 2 1 0", []bool{true, true, true, true, true}}, // re-reading the page the cursor is on moves it nowhere
	} {
		text := decl
		for _, p := range strings.Fields(c.pages) {
			text += "GET /workflow?page=" + p + "\n"
		}
		tr := runText(t, text)
		assert.Equal(t, c.want, accepted(tr), c.pages)
	}
	reqs := requests(runText(t, decl+"GET /workflow?page=5\nGET /workflow?page=1\nGET /workflow?page=4\nGET /workflow?page=2\n"))
	assert.Equal(t, "page 5 is a jump: the default session (no X-Pagination-Session-Id) has no cursor yet, and a cursor starts at page 1", reqs[0].Reason)
	assert.Equal(t, "page 4 is a jump from page 1: the cursor can only go to page 2, page 0, or back to page 1", reqs[2].Reason)
	assert.Equal(t, 400, reqs[2].Response.Status)
	assert.Equal(t, idsDown(90, 10), reqs[3].Records(), "the refused 4 left the cursor on page 1")
}

// Pages are anchored on records, not offsets (Codefresh: "cursor based"):
// builds arriving at the head do not push page 2 down, as they would an
// offset; they are on page 0 ("use negative numbers for going to the
// previous page"; page -1 "contains brand new builds"), and page 1 resets
// to the head as it is now.
func TestDeclaredSessionAnchorsOnRecords(t *testing.T) {
	const decl = "contract session\n  path /workflow\n  limit.default 10\nrecords 30\n"
	reqs := requests(runText(t, decl+"GET /workflow?page=1\ninsert 5\nGET /workflow?page=2\nGET /workflow?page=1\n"))
	assert.Equal(t, idsDown(20, 10), reqs[1].Records(), "page 2 continues after record 21, not at offset 10 (25..16)")
	assert.Equal(t, idsDown(35, 10), reqs[2].Records(), "page 1 resets to the new head")

	reqs = requests(runText(t, decl+"GET /workflow?page=1\ninsert 5\nGET /workflow?page=0\n"))
	assert.Equal(t, idsDown(35, 5), reqs[1].Records(), "page 0 holds the builds that arrived after page 1")

	// A walk with next while records arrive sees every record once.
	tr := runText(t, decl+"GET /workflow?page=1\ninsert 5\nwalk\n")
	require.Len(t, tr.Walks, 1)
	assert.True(t, tr.Walks[0].Complete)
	assert.True(t, tr.Walks[0].Consistent, tr.Walks[0].Verdict)
	assert.Equal(t, int64(30), tr.Walks[0].Distinct)
}

// The session is named by a parameter (Codefresh: the header
// X-Pagination-Session-Id); clients that name none share one cursor and
// move each other's ("they will all have the same cursor, and using them
// all at once will yield undefined results"). session and session.in name
// it elsewhere.
func TestDeclaredSessionsPerClient(t *testing.T) {
	const decl = "contract session\n  limit.default 10\nrecords 100\n"
	tr := runText(t, decl+"@alice GET /items?page=1\n@alice GET /items?page=2\n@bob GET /items?page=1\n@alice GET /items?page=3\n")
	assert.Equal(t, []bool{true, true, true, false}, accepted(tr))
	assert.Contains(t, requests(tr)[2].Reason, "the cursor of the default session (no X-Pagination-Session-Id) was on page 2, put there by alice")
	assert.Contains(t, requests(tr)[3].Reason, "bob had moved the cursor of the default session (no X-Pagination-Session-Id) to page 1")

	tr = runText(t, "contract session\n  session sid\n  session.in query\n  limit.default 10\nrecords 100\n"+
		"@alice GET /items?page=1&sid=a\n@alice GET /items?page=2&sid=a\n@bob GET /items?page=1&sid=b\n@alice next\n")
	assert.Equal(t, []bool{true, true, true, true}, accepted(tr))
	reqs := requests(tr)
	assert.Equal(t, "/items?page=3&sid=a", reqs[3].Request.URL, "next keeps the session")
	assert.Equal(t, idsDown(80, 10), reqs[3].Records(), "page 3 of session a: bob's page 1 did not move it")
	assert.Empty(t, Check("contract session\n  session sid\n  session.in query\nGET /items?page=1&sid=a\n"), "the session parameter is read: no warning")
}

// The body and the client: page.echo and limit.echo write what was served;
// the client goes forward while next.flag is true and back while prev.flag
// is (Codefresh's page shows no body: these are the knobs, not its shape).
func TestDeclaredSessionBodyAndClient(t *testing.T) {
	decl := "contract session\n  path /workflow\n  limit.default 10\n  items docs\n  page.echo page\n  limit.echo limit\n  next.flag hasNextPage\n  prev.flag hasPrevPage\nrecords 25\n"
	tr := runText(t, decl+"GET /workflow?page=1\nnext\nnext\nnext\nprev\n")
	reqs := requests(tr)
	require.Len(t, reqs, 4, "the third page is the last: next stops there")
	assert.True(t, strings.HasPrefix(bodyOf(reqs[1]), `{"docs":[{"id":15,`), bodyOf(reqs[1]))
	assert.True(t, strings.HasSuffix(bodyOf(reqs[1]), `],"page":2,"limit":10,"hasNextPage":true,"hasPrevPage":true}`), bodyOf(reqs[1]))
	assert.True(t, strings.HasSuffix(bodyOf(reqs[2]), `"page":3,"limit":10,"hasNextPage":false,"hasPrevPage":true}`), bodyOf(reqs[2]))
	assert.Equal(t, "/workflow?page=2", reqs[3].Request.URL)
	assert.Contains(t, tr.Steps[len(tr.Steps)-2].Text, "no next page: hasNextPage is false")
	assert.True(t, strings.HasSuffix(bodyOf(requests(runText(t, "contract session\nrecords 5\nGET /items\n"))[0]), `"has_next":false,"has_prev":false}`))
}

func TestDeclaredSessionDiagnostics(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"contract sesion\n", "did you mean `session`?"},
		{"contract offset\n  session X-Session\n", "contradictory contract: session names a server-side cursor's session: it needs the base `session`"},
		{"contract session\n  next.link next\n", "contradictory contract: a `session` contract's client moves by page number"},
		{"contract session\n  after cursor\n", "contradictory contract: cursor knobs"},
		{"contract cursor\n  page.echo page\n", "contradictory contract: page.echo needs the base `page` or `session`, offset.echo the base `offset`"},
		{"contract session\n  session.in body\n", "session.in: expected `header` or `query`, got `body`"},
	} {
		ds := Check(c.text)
		require.NotEmpty(t, ds, c.text)
		assert.Contains(t, ds[0].Message, c.want, c.text)
		assert.Positive(t, ds[0].Line, c.text)
	}
}
