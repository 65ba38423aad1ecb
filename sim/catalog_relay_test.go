//go:build !js

package sim

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The cases of graphql-relay-js's src/connection/__tests__/arrayConnection-test,
// on five records: its letters A..E are list positions 0..4, ids 5..1 here.
const (
	cursorA = "YXJyYXljb25uZWN0aW9uOjA=" // arrayconnection:0
	cursorB = "YXJyYXljb25uZWN0aW9uOjE="
	cursorD = "YXJyYXljb25uZWN0aW9uOjM="
	cursorE = "YXJyYXljb25uZWN0aW9uOjQ="
)

func relayQuery(vars string) Step {
	return post("/graphql", `{"query":"{items}","variables":`+vars+`}`)
}

// pageInfo of a recorded relay response as
// [startCursor, endCursor, hasPreviousPage, hasNextPage].
func pageInfo(s TraceStep) []string {
	data := member(s, "data")
	items, _ := data.Get("items")
	info, _ := items.Get("pageInfo")
	var out []string
	for _, k := range []string{"startCursor", "endCursor", "hasPreviousPage", "hasNextPage"} {
		v, _ := info.Get(k)
		out = append(out, string(appendJSONValue(nil, v)))
	}
	return out
}

func TestRelayArrayConnectionCases(t *testing.T) {
	for _, c := range []struct {
		name string
		vars string
		ids  []int64
		info []string
	}{
		{"returns all elements without filters", `{}`, idsDown(5, 5), []string{`"` + cursorA + `"`, `"` + cursorE + `"`, "false", "false"}},
		{"respects a smaller first", `{"first":2}`, []int64{5, 4}, []string{`"` + cursorA + `"`, `"` + cursorB + `"`, "false", "true"}},
		{"respects an overly large first", `{"first":10}`, idsDown(5, 5), []string{`"` + cursorA + `"`, `"` + cursorE + `"`, "false", "false"}},
		{"respects a smaller last", `{"last":2}`, []int64{2, 1}, []string{`"` + cursorD + `"`, `"` + cursorE + `"`, "true", "false"}},
		{"respects first and after", `{"first":2,"after":"` + cursorB + `"}`, []int64{3, 2}, []string{`"YXJyYXljb25uZWN0aW9uOjI="`, `"` + cursorD + `"`, "false", "true"}},
		{"respects first and after with long first", `{"first":10,"after":"` + cursorB + `"}`, []int64{3, 2, 1}, []string{`"YXJyYXljb25uZWN0aW9uOjI="`, `"` + cursorE + `"`, "false", "false"}},
		{"respects last and before", `{"last":2,"before":"` + cursorD + `"}`, []int64{4, 3}, []string{`"` + cursorB + `"`, `"YXJyYXljb25uZWN0aW9uOjI="`, "true", "false"}},
		{"respects first, after, and before, too few", `{"first":2,"after":"` + cursorA + `","before":"` + cursorE + `"}`, []int64{4, 3}, []string{`"` + cursorB + `"`, `"YXJyYXljb25uZWN0aW9uOjI="`, "false", "true"}},
		{"returns no elements if first is 0", `{"first":0}`, nil, []string{"null", "null", "false", "true"}},
		{"returns all elements if cursors are invalid", `{"before":"InvalidBase64","after":"InvalidBase64"}`, idsDown(5, 5), []string{`"` + cursorA + `"`, `"` + cursorE + `"`, "false", "false"}},
		{"returns all elements if cursors are on the outside", `{"before":"YXJyYXljb25uZWN0aW9uOjY=","after":"YXJyYXljb25uZWN0aW9uOi0x"}`, idsDown(5, 5), []string{`"` + cursorA + `"`, `"` + cursorE + `"`, "false", "false"}},
		{"returns no elements if cursors cross", `{"before":"` + cursorB + `","after":"` + cursorD + `"}`, nil, []string{"null", "null", "false", "false"}},
	} {
		tr := execute(scenario("relay", 5, relayQuery(c.vars)))
		s := requests(tr)[0]
		require.True(t, s.Accepted, c.name)
		assert.Equal(t, c.ids, s.Records(), c.name)
		assert.Equal(t, c.info, pageInfo(s), c.name)
	}
}

// "Argument "first" must be a non-negative integer", as a GraphQL error
// with HTTP 200.
func TestRelayNegativeFirst(t *testing.T) {
	tr := execute(scenario("relay", 5, relayQuery(`{"first":-1}`), relayQuery(`{"last":-1}`)))
	for _, s := range requests(tr) {
		assert.Equal(t, 200, s.Response.Status)
		assert.False(t, s.Accepted)
		assert.Contains(t, bodyOf(s), `must be a non-negative integer"}],"data":{"items":null}`)
	}
}

// connectionFromArraySlice keeps exactly first (or last) edges: "endOffset
// = Math.min(endOffset, startOffset + first)", with no default page size and
// no maximum. So the connection offers no page size options: max-limit
// would cap first, which graphql-relay-js never does, and is refused as an
// unknown option, with its line and column; first=500 gets 500 edges.
func TestRelayHasNoPageSizeOptions(t *testing.T) {
	p, ok := LookupProfile("relay")
	require.True(t, ok)
	var names []string
	for _, o := range p.Options {
		names = append(names, o.Name)
	}
	assert.Equal(t, []string{"rate-limit", "rate-window"}, names)
	diags := Check("profile relay max-limit=50\nrecords 10\n")
	require.Len(t, diags, 1)
	assert.Equal(t, Diagnostic{Line: 1, Col: 15, EndCol: 24, Message: "profile `relay` has no option `max-limit` (its options: rate-limit, rate-window)"}, diags[0])
	tr := execute(scenario("relay", 600, relayQuery(`{"first":500}`)))
	assert.Len(t, requests(tr)[0].Records(), 500)
}

// "It uses array offsets as pagination, so pagination will only work if the
// array is static": 3 items added at the head after page 1 push the list
// down, and page 2 (after offset 9) repeats page 1's last 3.
func TestRelayOffsetCursorsDrift(t *testing.T) {
	tr := execute(scenario("relay", 30, relayQuery(`{"first":10}`), insertHead(3), walkAll()))
	reqs := requests(tr)
	require.Len(t, reqs, 4)
	assert.Equal(t, idsDown(23, 10), reqs[1].Records())
	assert.Equal(t, int64(3), tr.Walks[0].Duplicates.Count)
	off, ok := relayOffsetOf(pageInfo(reqs[0])[1][1 : len(pageInfo(reqs[0])[1])-1])
	assert.True(t, ok)
	assert.Equal(t, int64(9), off)
}

// A walk backward with last/before follows hasPreviousPage; hasNextPage is
// only computed with first, so a forward `next` from a last-page says none.
func TestRelayBackwardWalk(t *testing.T) {
	tr := execute(scenario("relay", 25, relayQuery(`{"last":10}`), walkAll()))
	reqs := requests(tr)
	require.Len(t, reqs, 3)
	assert.Equal(t, idsDown(10, 10), reqs[0].Records())
	assert.Equal(t, idsDown(20, 10), reqs[1].Records())
	assert.Equal(t, idsDown(25, 5), reqs[2].Records())
	assert.Equal(t, "false", pageInfo(reqs[2])[2])
}

// relayOffsetOf is the offset a cursor names, for tests and notes.
func relayOffsetOf(cursor string) (int64, bool) {
	s, ok := base64Decode(cursor)
	if !ok || !strings.HasPrefix(s, relayPrefix) {
		return 0, false
	}
	n, err := strconv.ParseInt(s[len(relayPrefix):], 10, 64)
	return n, err == nil
}
