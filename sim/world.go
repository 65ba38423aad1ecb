package sim

import (
	"math"
	"math/bits"
)

// world is what a server sees while it answers: the dataset at this moment in
// list order, and the clock. Servers read it; only the engine changes it.
//
// Positions are list positions: 0 is the head of the list as clients see it
// (the newest record of a newest-first list).
type world struct {
	data  *listData
	now   int64
	seed  uint64
	order Order
	sort  sortSpec
	query uint64 // queries answered so far: each may order ties its own way
}

// cursor is a sort position: the key and id of a record, which need not exist
// any more. A cursor made without a tiebreaker carries the key only (KeyOnly),
// as a server that sorts by key alone would encode it.
type cursor struct {
	Key, ID int64
	KeyOnly bool
}

// CursorOf returns the sort position of r, key only when the list has no
// tiebreaker.
func (w *world) CursorOf(r record) cursor {
	return cursor{Key: r.Key, ID: r.ID, KeyOnly: !w.sort.Tiebreak}
}

// Adjacent is a sort position right next to c with no record between them:
// just before c in list order (before) or just after it. A page after the
// first starts at c itself; a page before the second ends at c. It is how a
// cursor leads on from an empty page.
func (w *world) Adjacent(c cursor, before bool) cursor {
	d := int64(1) // ascending (key, id) is newest last: before in a newest-first list is higher
	if (w.order == OldestFirst) == before {
		d = -1
	}
	if c.KeyOnly {
		c.Key = addSat(c.Key, d)
	} else {
		c.ID = addSat(c.ID, d)
	}
	return c
}

func (w *world) Now() int64        { return w.now }
func (w *world) Len() int64        { return w.data.Len() }
func (w *world) Sort() sortSpec    { return w.sort }
func (w *world) Tiebreak() bool    { return w.sort.Tiebreak }
func (w *world) NewestFirst() bool { return w.order == NewestFirst }

// Position returns the list position of live record id.
func (w *world) Position(id int64) int64 { return w.toPos(w.data.rankOfID(id), 1) }

// toPos converts ascending ranks [r, r+n) to the list position of its first
// record in list order.
func (w *world) toPos(r, n int64) int64 {
	if w.order == OldestFirst {
		return r
	}
	return w.data.Len() - r - n
}

// Slice returns the records at list positions [pos, pos+limit), in list
// order, in the stable physical order of the index.
func (w *world) Slice(pos, limit int64) []record {
	n := w.data.Len()
	if pos < 0 {
		limit += pos
		pos = 0
	}
	if limit <= 0 || pos >= n {
		return nil
	}
	end := min(n, addSat(pos, limit))
	if w.order == OldestFirst {
		return w.data.ascend(make([]record, 0, end-pos), pos, end)
	}
	out := w.data.ascend(make([]record, 0, end-pos), n-end, n-pos)
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// Page answers an offset query: the records at list positions
// [offset, offset+limit). With a tiebreaker that is Slice. Without one, the
// database may return records with equal keys in any order, and a different
// order for each query (a top-N sort with another LIMIT, another plan), so
// each query gets its own deterministic shuffle of every group of ties. That
// is what makes offset pages without a tiebreaker repeat and skip records.
func (w *world) Page(offset, limit int64) []record {
	w.query++
	recs := w.Slice(offset, limit)
	if w.sort.Tiebreak || len(recs) == 0 {
		return recs
	}
	for i := 0; i < len(recs); {
		k := recs[i].Key
		// The group of records with key k: ascending ranks [lo, hi).
		lo, hi := w.data.rank(k, math.MinInt64), w.data.rank(k, math.MaxInt64)
		g := hi - lo
		start := w.toPos(lo, g) // list position of the group's first record
		a, b := w.shuffle(uint64(k), uint64(g))
		for ; i < len(recs) && recs[i].Key == k; i++ {
			local := offset + int64(i) - start // index within the group in list order
			p := int64((mulmod(a, uint64(local), uint64(g)) + b) % uint64(g))
			recs[i] = w.Slice(start+p, 1)[0]
		}
	}
	return recs
}

// shuffle returns a and b for the permutation i → (a·i + b) mod g of a group
// of g ties, chosen by the seed, the query number and the key, with a coprime
// to g so it is a permutation.
func (w *world) shuffle(key, g uint64) (a, b uint64) {
	h := mix(w.seed ^ mix(w.query) ^ mix(key+0x51))
	b = h % g
	a = (mix(h) % g) | 1 + 0
	for gcd(a, g) != 1 {
		a++
	}
	return a % g, b
}

func mix(x uint64) uint64 { // splitmix64's finaliser
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

func gcd(a, b uint64) uint64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

func mulmod(a, b, m uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	_, r := bits.Div64(hi%m, lo, m)
	return r
}

// Split returns the list position just after cursor c: the number of records
// at or before c in list order. The record c names need not exist: a cursor
// still divides the list where that record would be.
func (w *world) Split(c cursor) int64 {
	d := w.data
	if w.order == NewestFirst {
		// At or before c in a newest-first list: (key, id) >= c.
		if c.KeyOnly {
			return d.Len() - d.rank(c.Key, math.MinInt64)
		}
		return d.Len() - d.rank(c.Key, c.ID)
	}
	if c.KeyOnly {
		return d.rank(addSat(c.Key, 1), math.MinInt64)
	}
	return d.rank(c.Key, addSat(c.ID, 1))
}

// Before returns the list position of the first record at or after c: the
// number of records strictly before c in list order.
func (w *world) Before(c cursor) int64 {
	d := w.data
	if w.order == NewestFirst {
		if c.KeyOnly {
			return d.Len() - d.rank(addSat(c.Key, 1), math.MinInt64)
		}
		return d.Len() - d.rank(c.Key, addSat(c.ID, 1))
	}
	if c.KeyOnly {
		return d.rank(c.Key, math.MinInt64)
	}
	return d.rank(c.Key, c.ID)
}

// After is a keyset query: the first limit records strictly after c in list
// order, and the list position of the first.
func (w *world) After(c cursor, limit int64) ([]record, int64) {
	w.query++
	p := w.Split(c)
	return w.Slice(p, limit), p
}

// BeforeCursor is the backward keyset query: the last limit records strictly
// before c in list order, returned in list order, and the list position of
// the first.
func (w *world) BeforeCursor(c cursor, limit int64) ([]record, int64) {
	w.query++
	q := w.Before(c)
	p := max(0, q-limit)
	return w.Slice(p, q-p), p
}

// Range returns the list position of the first record whose key lies in
// [from, to] and how many such records there are.
func (w *world) Range(from, to int64) (pos, n int64) {
	lo := w.data.rank(from, math.MinInt64)
	hi := w.data.rank(addSat(to, 1), math.MinInt64)
	if hi < lo {
		hi = lo
	}
	return w.toPos(lo, hi-lo), hi - lo
}
