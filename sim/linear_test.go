package sim

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The trace keeps a page's ids, not its records; a body asked for later is
// rebuilt from them and must be the body the client got at the time. In a
// newest-first list of 10, records are created at ticks 1..10 with keys equal
// to their ticks, so a body lists only id and created, and "key" only where an
// update had set one by then: 9's key is 100 when the third request is made,
// and 200 only after it.
func TestBodiesRebuiltFromIDsAreThoseOfTheirTime(t *testing.T) {
	tr, err := RunText("profile offset\nrecords 10\n" +
		"GET /items?offset=0&limit=3\n" + // 10, 9, 8
		"update id 9 key 100\n" +
		"GET /items?offset=0&limit=3\n" + // 9 (key 100), 10, 8
		"update id 9 key 200\n" +
		"GET /items?offset=0&limit=2\n" + // 9 (key 200), 10
		"GET /items?offset=8&limit=5\n") // 2, 1: the response the walk can follow
	require.NoError(t, err)
	var bodies []string
	for _, s := range tr.Steps {
		if s.Kind == "request" {
			bodies = append(bodies, string(s.Response.Body()))
		}
	}
	require.Len(t, bodies, 4)
	assert.Contains(t, bodies[0], `[{"id":10,"created":10},{"id":9,"created":9},{"id":8,"created":8}]`)
	assert.Contains(t, bodies[1], `[{"id":9,"created":9,"key":100},{"id":10,"created":10},{"id":8,"created":8}]`)
	assert.Contains(t, bodies[2], `[{"id":9,"created":9,"key":200},{"id":10,"created":10}]`)
	assert.Contains(t, bodies[3], `[{"id":2,"created":2},{"id":1,"created":1}]`)
}

// A deleted record is not live, however it went: alone, in a range, or in
// a range after a neighbour of it went alone.
func TestLiveAfterEveryKindOfDelete(t *testing.T) {
	d := newDataset(100, 1, 1)
	d.remove(d.rankOfID(50), d.rankOfID(50)+1) // id 50
	d.remove(d.rankOfID(51), d.rankOfID(60)+1) // ids 51..60
	d.setKey(70, 1000)                         // moved to the top
	d.remove(d.rankOfID(70), d.rankOfID(70)+1)
	d.insert(2, 5, true, 30) // ids 101, 102 with key 30, after id 30
	for id := int64(-1); id <= 103; id++ {
		want := id >= 1 && id <= 102 && (id < 50 || id > 60) && id != 70
		assert.Equal(t, want, d.live(id), "id %d", id)
	}
}
