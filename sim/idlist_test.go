package sim

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
)

func records(ids ...int64) []record {
	out := make([]record, len(ids))
	for i, id := range ids {
		out[i].ID = id
	}
	return out
}

// The ids of a page come back as they were stored, whatever their pattern.
func TestIDListKeepsIDs(t *testing.T) {
	desc := make([]int64, 100)
	for i := range desc {
		desc[i] = 1000 - int64(i)
	}
	for name, ids := range map[string][]int64{
		"empty":                 nil,
		"one":                   {7},
		"newest first":          desc,
		"oldest first":          {1, 2, 3, 4, 5},
		"cut by a deletion":     {100, 99, 98, 95, 94, 93},
		"an insertion between":  {10, 11, 2001, 12, 13},
		"repeats":               {5, 5, 5, 4},
		"scattered":             {9, 1, 400, 3, 77, 2, 8},
		"gaps beyond int32":     {1, math.MaxInt64 - 1, 2, 1 << 40, 3},
		"a stride of two":       {2, 4, 6, 8, 9},
		"last run of one":       {3, 2, 1, 50},
		"alternating direction": {1, 2, 1, 2, 1, 2},
	} {
		l := idListOf(records(ids...))
		assert.Equal(t, ids, l.slice(), name)
		assert.Equal(t, len(ids), l.len(), name)
		for i, id := range ids {
			assert.Equal(t, id, l.at(i), "%s: id %d", name, i)
		}
		s := TraceStep{}
		s.SetRecords(ids)
		assert.Equal(t, ids, s.Records(), name)
		assert.Equal(t, len(ids), s.NumRecords(), name)
	}
}

// A page of consecutive records is one run, held in the step itself (the
// point: 24 bytes, not 800); a page cut in two keeps one more run; ids with
// no pattern take no more room than listed (any two make a run).
func TestIDListRoom(t *testing.T) {
	page := make([]int64, 100)
	for i := range page {
		page[i] = 5000 - int64(i)
	}
	assert.Nil(t, idListOf(records(page...)).rest, "one run: nothing beside the list")
	cut := idListOf(records(100, 99, 98, 50, 49, 48))
	if assert.NotNil(t, cut.rest) {
		assert.Len(t, cut.rest.runs, 1)
	}
	scattered := idListOf(records(9, 1, 400, 3, 77, 2, 8, 500))
	if assert.NotNil(t, scattered.rest) {
		assert.LessOrEqual(t, len(scattered.rest.runs)*16, 6*8, "16 bytes a run, at most one run per two ids")
	}
}
