package sim

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// naive is the obvious model of a dataset: every record in a sorted slice.
type naive struct {
	recs []record
}

func (n *naive) sort() {
	slices.SortFunc(n.recs, func(a, b record) int {
		if less(a.Key, a.ID, b.Key, b.ID) {
			return -1
		}
		if a == b {
			return 0
		}
		return 1
	})
}

func (n *naive) rank(key, id int64) int64 {
	var r int64
	for _, x := range n.recs {
		if less(x.Key, x.ID, key, id) {
			r++
		}
	}
	return r
}

// TestDatasetMatchesNaiveModel applies random inserts (head and positional),
// deletes (single and ranges) and key updates to the treap and to a plain
// sorted slice, and checks after each that every record, every rank and every
// range agree.
func TestDatasetMatchesNaiveModel(t *testing.T) {
	for _, bucket := range []int64{1, 3} {
		for seed := uint64(1); seed <= 30; seed++ {
			rng := rand.New(rand.NewPCG(seed, uint64(bucket)))
			n0 := int64(rng.IntN(40))
			d := newDataset(n0, bucket, seed)
			m := &naive{}
			for i := int64(1); i <= n0; i++ {
				m.recs = append(m.recs, record{ID: i, Created: i, Key: floorDiv(i, bucket)})
			}
			now := n0
			for step := 0; step < 60; step++ {
				now++
				switch op := rng.IntN(5); {
				case op == 0: // new records at the top
					c := int64(1 + rng.IntN(4))
					first, _ := d.insert(c, now, false, 0)
					for id := first; id < first+c; id++ {
						m.recs = append(m.recs, record{ID: id, Created: now, Key: floorDiv(now, bucket)})
					}
				case op == 1 && len(m.recs) > 0: // a fixed key, as a positional insert gives
					k := m.recs[rng.IntN(len(m.recs))].Key
					c := int64(1 + rng.IntN(3))
					first, _ := d.insert(c, now, true, k)
					for id := first; id < first+c; id++ {
						m.recs = append(m.recs, record{ID: id, Created: now, Key: k})
					}
				case op == 2 && len(m.recs) > 0: // delete a range of ranks
					from := int64(rng.IntN(len(m.recs)))
					to := min(int64(len(m.recs)), from+1+int64(rng.IntN(5)))
					gone := d.remove(from, to)
					var count int64
					for _, g := range gone {
						count += g.len()
						for id := g.lo; id <= g.hi; id++ {
							assert.False(t, d.live(id))
						}
					}
					assert.Equal(t, to-from, count)
					m.recs = slices.Delete(m.recs, int(from), int(to))
				case op == 3 && len(m.recs) > 0: // update a key
					i := rng.IntN(len(m.recs))
					k := int64(rng.IntN(int(now/bucket) + 3))
					d.setKey(m.recs[i].ID, k)
					m.recs[i].Key = k
				}
				m.sort()
				require.Equal(t, int64(len(m.recs)), d.Len(), "seed %d step %d", seed, step)
				got := d.ascend([]record{}, 0, d.Len())
				if len(m.recs) == 0 {
					m.recs = []record{}
				}
				require.Equal(t, m.recs, got, "seed %d step %d", seed, step)
				for i, r := range m.recs {
					require.Equal(t, r, d.at(int64(i)))
					require.True(t, d.live(r.ID))
					require.Equal(t, r, d.record(r.ID))
					require.Equal(t, int64(i), d.rankOfID(r.ID))
				}
				for k := int64(-1); k <= now/bucket+2; k++ {
					for _, id := range []int64{-5, 0, 3, 17, 40, 90, 1 << 62} {
						require.Equal(t, m.rank(k, id), d.rank(k, id), "rank(%d,%d) seed %d step %d", k, id, seed, step)
					}
				}
			}
		}
	}
}

func TestDatasetHugeInitialSizeIsOneNode(t *testing.T) {
	d := newDataset(1_000_000_000, 1, 1)
	assert.Equal(t, int64(1_000_000_000), d.Len())
	assert.Equal(t, record{ID: 500_000_000, Created: 500_000_000, Key: 500_000_000}, d.at(499_999_999))
	assert.Equal(t, int64(999_999_999), d.rankOfID(1_000_000_000))
	d.remove(10, 500_000_010)
	assert.Equal(t, int64(500_000_000), d.Len())
	assert.False(t, d.live(11))
	assert.True(t, d.live(10))
	assert.False(t, d.live(500_000_010))
	assert.True(t, d.live(500_000_011))
	var nodes [][2]int64
	d.nodesIn(0, d.Len(), func(_ *run, lo, hi int64) { nodes = append(nodes, [2]int64{lo, hi}) })
	assert.Equal(t, [][2]int64{{1, 10}, {500_000_011, 1_000_000_000}}, nodes)
	nodes = nil
	d.nodesIn(5, 12, func(_ *run, lo, hi int64) { nodes = append(nodes, [2]int64{lo, hi}) })
	assert.Equal(t, [][2]int64{{6, 10}, {500_000_011, 500_000_012}}, nodes, "clipped to ranks 5..11")
}

func TestWorldPositionsInBothOrders(t *testing.T) {
	for _, order := range []Order{NewestFirst, OldestFirst} {
		w := &world{data: newDataset(10, 1, 1), order: order, sort: defaultSort}
		page := w.Slice(2, 3)
		ids := []int64{8, 7, 6}
		if order == OldestFirst {
			ids = []int64{3, 4, 5}
		}
		require.Len(t, page, 3)
		for i, r := range page {
			assert.Equal(t, ids[i], r.ID)
			assert.Equal(t, int64(2+i), w.Position(r.ID))
		}
		// A cursor at the page's last record continues right after it, and
		// keeps dividing the list where it was after that record is deleted.
		c := w.CursorOf(page[2])
		next, pos := w.After(c, 2)
		assert.Equal(t, int64(5), pos)
		w.data.remove(w.data.rankOfID(page[2].ID), w.data.rankOfID(page[2].ID)+1)
		again, pos2 := w.After(c, 2)
		assert.Equal(t, next, again)
		assert.Equal(t, int64(4), pos2)
		prev, ppos := w.BeforeCursor(w.CursorOf(page[0]), 5)
		assert.Equal(t, int64(0), ppos)
		assert.Equal(t, w.Slice(0, 2), prev)
	}
}

func TestCoverageCountsOverlappingRuns(t *testing.T) {
	var wk walk
	for _, id := range []int64{5, 4, 6, 7, 1, 2, 3, 5, 5, 9} {
		wk.see(id)
	}
	assert.Equal(t, []idRun{{4, 7}, {1, 3}, {5, 5}, {5, 5}, {9, 9}}, wk.seen)
	segs := coverage(wk.seen)
	assert.Equal(t, []seg{{1, 4, 1}, {5, 5, 3}, {6, 7, 1}, {9, 9, 1}}, segs)
	assert.Equal(t, int64(4), overlap(segs, 3, 6))
	assert.Equal(t, int64(1), overlap(segs, 8, 100))
	assert.Equal(t, 3, segAt(segs, 8))
}

func TestSortBuriedMatchesASort(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	for n := 0; n < 40; n++ {
		var g []buried
		for i := 0; i < n; i++ {
			g = append(g, buried{int64(rng.IntN(5)), &run{lo: int64(rng.IntN(1000))}})
		}
		want := slices.Clone(g)
		slices.SortStableFunc(want, func(a, b buried) int {
			if less(a.key, a.r.lo, b.key, b.r.lo) {
				return -1
			}
			if less(b.key, b.r.lo, a.key, a.r.lo) {
				return 1
			}
			return 0
		})
		sortBuried(g)
		assert.Equal(t, want, g, "n=%d", n)
	}
}

func TestSortDiagsIsStableInSourceOrder(t *testing.T) {
	d := []Diagnostic{{Line: 3, Col: 1, Message: "a"}, {Line: 1, Col: 5, Message: "b"}, {Line: 1, Col: 2, Message: "c"}, {Line: 3, Col: 1, Message: "d"}}
	sortDiags(d)
	assert.Equal(t, []string{"c", "b", "a", "d"}, []string{d[0].Message, d[1].Message, d[2].Message, d[3].Message})
}
