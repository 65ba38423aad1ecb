//go:build !js

package sim

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The expectations below are worked by hand from CursorPagination in
// rest_framework/pagination.py, on records whose key is their creation tick
// (ids and keys 250..1, newest first), 100 a page.

// Page 1 is 250..151; the next cursor is the position of its last record,
// 151: base64("p=151") = "cD0xNTE=", urlencoded with = as %3D. No previous.
func TestDRFCursorFirstPage(t *testing.T) {
	tr := execute(scenario("drf-cursor", 250, get("/api/items/")))
	s := requests(tr)[0]
	assert.Equal(t, idsDown(250, 100), s.Records())
	assert.Equal(t, "http://api.example.org/api/items/?cursor=cD0xNTE%3D", field(s, "next"))
	assert.Equal(t, "", field(s, "previous"))
	_, hasCount := fieldOf(s, "count")
	assert.False(t, hasCount, "no count")
}

// Page 2 (created__lt 151) is 150..51; next is p=51 ("cD01MQ=="); previous
// is the reverse cursor at page 2's first record: r=1&p=150 ("cj0xJnA9MTUw").
// Following previous gives page 1 again, whose next is p=151 again.
func TestDRFCursorNextAndPrevious(t *testing.T) {
	tr := execute(scenario("drf-cursor", 250, get("/api/items/"), next(), prevStep()))
	reqs := requests(tr)
	require.Len(t, reqs, 3)
	assert.Equal(t, idsDown(150, 100), reqs[1].Records())
	assert.Equal(t, "http://api.example.org/api/items/?cursor=cD01MQ%3D%3D", field(reqs[1], "next"))
	assert.Equal(t, "http://api.example.org/api/items/?cursor=cj0xJnA9MTUw", field(reqs[1], "previous"))
	assert.Equal(t, idsDown(250, 100), reqs[2].Records())
	assert.Equal(t, "http://api.example.org/api/items/?cursor=cD0xNTE%3D", field(reqs[2], "next"))
	assert.Equal(t, "", field(reqs[2], "previous"))
}

// With keys shared by 10 records (sort created/10, id: the key is the
// creation tick divided by 10), page 1 ends in ids 159..151, key 15, and the
// record after it (150) has key 15 too: get_next_link walks back over the 9
// records of position 15 and settles on 16 with offset 9: "o=9&p=16",
// base64 "bz05JnA9MTY=". Page 2 is then key < 16 (91 records at or above
// it) plus 9: positions 100.., ids 150 down.
func TestDRFCursorOffsetCountsTies(t *testing.T) {
	s := scenario("drf-cursor", 250, get("/api/items/"), next())
	s.Setup.Sort = sortSpec{Bucket: 10, Tiebreak: true}
	tr := execute(s)
	reqs := requests(tr)
	assert.Equal(t, "http://api.example.org/api/items/?cursor=bz05JnA9MTY%3D", field(reqs[0], "next"))
	assert.Equal(t, idsDown(150, 100), reqs[1].Records())
}

// decode_cursor: "raise NotFound(self.invalid_cursor_message)".
func TestDRFCursorInvalid(t *testing.T) {
	tr := execute(scenario("drf-cursor", 250, get("/api/items/?cursor=nope"), get("/api/items/?cursor=bz14")))
	for _, s := range requests(tr) {
		assert.Equal(t, 404, s.Response.Status)
		assert.Equal(t, `{"detail":"Invalid cursor"}`, bodyOf(s))
	}
}

// A walk with records arriving at the head stays consistent: positions, not
// offsets.
func TestDRFCursorWalk(t *testing.T) {
	tr := execute(scenario("drf-cursor", 250, get("/api/items/"), insertHead(5), walkAll()))
	reqs := requests(tr)
	require.Len(t, reqs, 3)
	assert.True(t, tr.Walks[0].Complete)
	assert.True(t, tr.Walks[0].Consistent, tr.Walks[0].Verdict)
	assert.Equal(t, int64(250), tr.Walks[0].Distinct)
}
