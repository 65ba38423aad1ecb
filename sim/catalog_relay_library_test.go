//go:build !js

package sim

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every case of graphql-relay-js's src/connection/__tests__/arrayConnection-test.ts
// for connectionFromArray, on five records: its array ['A'..'E'] is list
// positions 0..4, ids 5..1 here (newest first). Each case's expected edges
// and pageInfo are the test's, written as ids and
// [startCursor, endCursor, hasPreviousPage, hasNextPage].
func TestRelayLibraryArrayConnection(t *testing.T) {
	cur := func(off string) string { return base64Encode("arrayconnection:" + off) }
	q := func(c string) string { return `"` + c + `"` }
	A, B, C, D, E := cur("0"), cur("1"), cur("2"), cur("3"), cur("4")
	require.Equal(t, "YXJyYXljb25uZWN0aW9uOjA=", A) // the test's cursorA
	all := []string{q(A), q(E), "false", "false"}
	for _, c := range []struct {
		name string
		vars string
		ids  []int64
		info []string
	}{
		// describe('basic slicing')
		{"returns all elements without filters", `{}`, idsDown(5, 5), all},
		{"respects a smaller first", `{"first":2}`, []int64{5, 4}, []string{q(A), q(B), "false", "true"}},
		{"respects an overly large first", `{"first":10}`, idsDown(5, 5), all},
		{"respects a smaller last", `{"last":2}`, []int64{2, 1}, []string{q(D), q(E), "true", "false"}},
		{"respects an overly large last", `{"last":10}`, idsDown(5, 5), all},
		// describe('pagination')
		{"respects first and after", `{"first":2,"after":` + q(B) + `}`, []int64{3, 2}, []string{q(C), q(D), "false", "true"}},
		{"respects first and after with long first", `{"first":10,"after":` + q(B) + `}`, []int64{3, 2, 1}, []string{q(C), q(E), "false", "false"}},
		{"respects last and before", `{"last":2,"before":` + q(D) + `}`, []int64{4, 3}, []string{q(B), q(C), "true", "false"}},
		{"respects last and before with long last", `{"last":10,"before":` + q(D) + `}`, []int64{5, 4, 3}, []string{q(A), q(C), "false", "false"}},
		{"respects first and after and before, too few", `{"first":2,"after":` + q(A) + `,"before":` + q(E) + `}`, []int64{4, 3}, []string{q(B), q(C), "false", "true"}},
		{"respects first and after and before, too many", `{"first":4,"after":` + q(A) + `,"before":` + q(E) + `}`, []int64{4, 3, 2}, []string{q(B), q(D), "false", "false"}},
		{"respects first and after and before, exactly right", `{"first":3,"after":` + q(A) + `,"before":` + q(E) + `}`, []int64{4, 3, 2}, []string{q(B), q(D), "false", "false"}},
		{"respects last and after and before, too few", `{"last":2,"after":` + q(A) + `,"before":` + q(E) + `}`, []int64{3, 2}, []string{q(C), q(D), "true", "false"}},
		{"respects last and after and before, too many", `{"last":4,"after":` + q(A) + `,"before":` + q(E) + `}`, []int64{4, 3, 2}, []string{q(B), q(D), "false", "false"}},
		{"respects last and after and before, exactly right", `{"last":3,"after":` + q(A) + `,"before":` + q(E) + `}`, []int64{4, 3, 2}, []string{q(B), q(D), "false", "false"}},
		// describe('cursor edge cases')
		{"returns all elements if cursors are invalid", `{"before":"InvalidBase64","after":"InvalidBase64"}`, idsDown(5, 5), all},
		{"returns all elements if cursors are invalid (U+110000)", `{"before":"9JCAgA==","after":"9JCAgA=="}`, idsDown(5, 5), all},
		{"returns all elements if cursors are on the outside: before 6", `{"before":` + q(cur("6")) + `}`, idsDown(5, 5), all},
		{"returns all elements if cursors are on the outside: before -1", `{"before":` + q(cur("-1")) + `}`, idsDown(5, 5), all},
		{"returns all elements if cursors are on the outside: after 6", `{"after":` + q(cur("6")) + `}`, idsDown(5, 5), all},
		{"returns all elements if cursors are on the outside: after -1", `{"after":` + q(cur("-1")) + `}`, idsDown(5, 5), all},
		{"returns no elements if cursors cross", `{"before":` + q(C) + `,"after":` + q(E) + `}`, nil, []string{"null", "null", "false", "false"}},
		// Not cases of the test, read off connectionFromArraySlice: first
		// and last together cut the head then its tail ("endOffset =
		// Math.min(endOffset, startOffset + first)", then "startOffset =
		// Math.max(startOffset, endOffset - last)"): positions 2..3, with
		// both flags computed; null arguments are not numbers ("typeof first
		// === 'number'"), so they cut nothing.
		{"first 4 and last 2", `{"first":4,"last":2}`, []int64{3, 2}, []string{q(C), q(D), "true", "true"}},
		{"first and last null", `{"first":null,"last":null}`, idsDown(5, 5), all},
	} {
		tr := execute(scenario("relay", 5, relayQuery(c.vars)))
		s := requests(tr)[0]
		require.True(t, s.Accepted, c.name)
		assert.Equal(t, c.ids, s.Records(), c.name)
		assert.Equal(t, c.info, pageInfo(s), c.name)
	}
}

// 'throws an error if first < 0' and 'if last < 0': the messages, in a
// GraphQL error.
func TestRelayLibraryNegativeArguments(t *testing.T) {
	tr := execute(scenario("relay", 5, relayQuery(`{"first":-1}`), relayQuery(`{"last":-1}`)))
	reqs := requests(tr)
	assert.Contains(t, bodyOf(reqs[0]), `"message":"Argument \"first\" must be a non-negative integer"`)
	assert.Contains(t, bodyOf(reqs[1]), `"message":"Argument \"last\" must be a non-negative integer"`)
}

// cursorToOffset is "parseInt(unbase64(cursor).substring(PREFIX.length),
// 10)": it drops the first 16 characters without looking at them, and
// parseInt reads the leading digits. base64("abcdefghijklmnop2") is offset
// 2, as is base64("arrayconnection:2x"); base64("arrayconnection:x") is NaN,
// so the default.
func TestRelayLibraryCursorToOffset(t *testing.T) {
	for _, c := range []struct {
		text string
		ids  []int64
	}{
		{"abcdefghijklmnop2", []int64{2, 1}},
		{"arrayconnection:2x", []int64{2, 1}},
		{"arrayconnection:x", idsDown(5, 5)},
		{"short", idsDown(5, 5)},
	} {
		tr := execute(scenario("relay", 5, relayQuery(`{"after":"`+base64Encode(c.text)+`"}`)))
		assert.Equal(t, c.ids, requests(tr)[0].Records(), c.text)
	}
}
