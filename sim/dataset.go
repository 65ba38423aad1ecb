package sim

import (
	"math"
	"slices"
)

// listData is the ordered list of live records, stored so that memory grows
// with the number of mutations and never with the initial size: a run of
// consecutive ids that nothing has touched is one node, however long.
//
// Records are kept in ascending (key, id) order, the order of an index on
// (key, id); a newest-first list is the same index read backwards. The nodes
// form a treap whose in-order sequence is that order, augmented with subtree
// record counts, so rank → record, (key, id) → rank, insertion and deletion
// are O(log m) for m nodes, and a page deep in a 10^9-record list costs the
// same to simulate as page 1.
type listData struct {
	root   *node
	bucket int64 // the sort key is created/bucket unless a run fixes it
	nextID int64 // the id the next inserted record gets
	rng    uint64

	// runs records how every id ever made got its created tick and key, in id
	// order (ids only grow, so appending keeps it sorted). It answers keyOf and
	// createdOf for ids that are no longer in the tree.
	runs []run
	// moved holds the keys set by `update`, which override the run's.
	moved map[int64]int64
	// Deleted ids are not recorded: a record is live when the tree holds it
	// (live looks it up by its (key, id) in O(log m)).
}

// run is a stretch of consecutive ids lo..hi whose created ticks are
// created, created+step, ... (step >= 0: 1 for the initial records, 0 for a
// batch inserted at once, 3 for a stream of one record every 3 ticks) and
// whose keys are derived from created, or all equal to key when fixed.
type run struct {
	lo, hi  int64
	created int64 // created tick of lo
	step    int64 // ticks between consecutive records' creation
	fixed   bool  // all have key `key` (records inserted at a position, updates)
	key     int64
}

type node struct {
	run
	left, right *node
	prio        uint64
	size        int64 // records in this subtree
}

func (r *run) len() int64 { return r.hi - r.lo + 1 }

func (r *run) createdOf(id int64) int64 { return r.created + (id-r.lo)*r.step }

func (r *run) keyOf(id int64, bucket int64) int64 {
	if r.fixed {
		return r.key
	}
	return floorDiv(r.createdOf(id), bucket)
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func size(t *node) int64 {
	if t == nil {
		return 0
	}
	return t.size
}

func (t *node) fix() { t.size = size(t.left) + size(t.right) + t.len() }

// newDataset makes the initial records 1..n, created at ticks 1..n.
func newDataset(n, bucket int64, seed uint64) *listData {
	d := &listData{bucket: bucket, nextID: n + 1, rng: seed ^ 0x9e3779b97f4a7c15,
		moved: map[int64]int64{}}
	if n > 0 {
		r := run{lo: 1, hi: n, created: 1, step: 1}
		d.runs = append(d.runs, r)
		d.root = d.newNode(r)
	}
	return d
}

func (d *listData) newNode(r run) *node {
	// xorshift64*: a deterministic priority stream, so runs are reproducible.
	d.rng ^= d.rng >> 12
	d.rng ^= d.rng << 25
	d.rng ^= d.rng >> 27
	t := &node{run: r, prio: d.rng * 2685821657736338717}
	t.fix()
	return t
}

// clone is a copy of d that d's changes leave alone (a snapshot).
func (d *listData) clone() *listData {
	c := *d
	c.root = cloneNode(d.root)
	c.runs = append([]run(nil), d.runs...)
	return &c // moved is shared: the keys of records moved since are in the copied nodes
}

func cloneNode(t *node) *node {
	if t == nil {
		return nil
	}
	c := *t
	c.left, c.right = cloneNode(t.left), cloneNode(t.right)
	return &c
}

// Len is the number of live records.
func (d *listData) Len() int64 { return size(d.root) }

// split cuts t into its first k records and the rest. A node straddling the
// cut becomes two nodes.
func (d *listData) split(t *node, k int64) (*node, *node) {
	if t == nil {
		return nil, nil
	}
	ls := size(t.left)
	if k <= ls {
		l, r := d.split(t.left, k)
		t.left = r
		t.fix()
		return l, t
	}
	n := t.len()
	if k >= ls+n {
		l, r := d.split(t.right, k-ls-n)
		t.right = l
		t.fix()
		return t, r
	}
	// The cut falls inside t: t keeps its first m records, its priority and
	// its left subtree; the rest becomes a node of its own with a fresh
	// priority, merged into t's right subtree as that subtree's first record.
	// (Giving it t's priority would keep the heap valid too, but every piece
	// cut from one long run would then share a priority and the treap would
	// degrade into a list: a million-record run cut by random deletes did.)
	m := k - ls
	rest := t.run
	rest.lo = t.lo + m
	rest.created = t.createdOf(rest.lo)
	right := merge(d.newNode(rest), t.right)
	t.hi = t.lo + m - 1
	t.right = nil
	t.fix()
	return t, right
}

func merge(a, b *node) *node {
	if a == nil {
		return b
	}
	if b == nil {
		return a
	}
	if a.prio >= b.prio {
		a.right = merge(a.right, b)
		a.fix()
		return a
	}
	b.left = merge(a, b.left)
	b.fix()
	return b
}

// less reports whether (k1, i1) sorts before (k2, i2).
func less(k1, i1, k2, i2 int64) bool { return k1 < k2 || (k1 == k2 && i1 < i2) }

// rank returns how many records sort strictly before (key, id).
func (d *listData) rank(key, id int64) int64 {
	var r int64
	for t := d.root; t != nil; {
		if less(key, id, t.keyOf(t.lo, d.bucket), t.lo) || (key == t.keyOf(t.lo, d.bucket) && id == t.lo) {
			t = t.left
			continue
		}
		if less(t.keyOf(t.hi, d.bucket), t.hi, key, id) {
			r += size(t.left) + t.len()
			t = t.right
			continue
		}
		return r + size(t.left) + d.countBelow(&t.run, key, id)
	}
	return r
}

// countBelow counts the ids of r whose (key, id) sorts before (key, id).
// Within a run, keys never decrease as ids grow, so the answer is a prefix.
func (d *listData) countBelow(r *run, key, id int64) int64 {
	n := r.len()
	if r.fixed || r.step == 0 {
		k := r.keyOf(r.lo, d.bucket)
		switch {
		case k < key:
			return n
		case k > key:
			return 0
		}
		return clamp(id-r.lo, 0, n)
	}
	// keyOf(lo+i) = floor((created+i·step)/bucket): i sorts below (key, id)
	// when created+i·step < key·bucket, or < (key+1)·bucket and lo+i < id.
	below := clamp(ceilDiv(subSat(mulSat(key, d.bucket), r.created), r.step), 0, n)
	same := clamp(ceilDiv(subSat(mulSat(addSat(key, 1), d.bucket), r.created), r.step), 0, n) // keys <= key
	return max(below, min(same, clamp(subSat(id, r.lo), 0, n)))
}

// ceilDiv is ⌈a/b⌉ for b > 0; a is clamped to ±2^62 first, which changes
// nothing for counts of at most 2^62 records.
func ceilDiv(a, b int64) int64 {
	a = clamp(a, -1<<62, 1<<62)
	return -floorDiv(-a, b)
}

func clamp(v, lo, hi int64) int64 { return max(lo, min(v, hi)) }

func mulSat(a, b int64) int64 { // b > 0
	if a > math.MaxInt64/b {
		return math.MaxInt64
	}
	if a < math.MinInt64/b {
		return math.MinInt64
	}
	return a * b
}

func addSat(a, b int64) int64 {
	s := a + b
	if (b > 0 && s < a) || (b < 0 && s > a) {
		if b > 0 {
			return math.MaxInt64
		}
		return math.MinInt64
	}
	return s
}

func subSat(a, b int64) int64 {
	if b == math.MinInt64 {
		return addSat(addSat(a, math.MaxInt64), 1)
	}
	return addSat(a, -b)
}

// at returns the record with ascending rank i (0 <= i < Len).
func (d *listData) at(i int64) record {
	t := d.root
	for {
		ls := size(t.left)
		switch {
		case i < ls:
			t = t.left
		case i < ls+t.len():
			id := t.lo + i - ls
			return record{ID: id, Created: t.createdOf(id), Key: t.keyOf(id, d.bucket)}
		default:
			i -= ls + t.len()
			t = t.right
		}
	}
}

// ascend appends the records with ascending ranks [from, to) to out.
func (d *listData) ascend(out []record, from, to int64) []record {
	return d.collect(out, d.root, 0, from, to)
}

func (d *listData) collect(out []record, t *node, base, from, to int64) []record {
	if t == nil || from >= base+t.size || to <= base {
		return out
	}
	ls := size(t.left)
	out = d.collect(out, t.left, base, from, to)
	lo, hi := max(from, base+ls), min(to, base+ls+t.len())
	for i := lo; i < hi; i++ {
		id := t.lo + i - base - ls
		out = append(out, record{ID: id, Created: t.createdOf(id), Key: t.keyOf(id, d.bucket)})
	}
	return d.collect(out, t.right, base+ls+t.len(), from, to)
}

// insert adds count new records created at tick now, with key fixed to key
// when fixed is set (else derived from now), and returns their first id and
// the ascending rank they landed at. They take the next ids, so within their
// key they sort after every older record.
//
// New records that continue the run just before them (the previous insert
// at the head, a stream's last batch) extend it instead of adding a node, so
// a record arriving every few ticks for a whole run costs one node.
func (d *listData) insert(count, now int64, fixed bool, key int64) (firstID, rank int64) {
	r := run{lo: d.nextID, hi: d.nextID + count - 1, created: now, fixed: fixed, key: key}
	d.nextID += count
	if n := len(d.runs); n > 0 && extends(&d.runs[n-1], &r) {
		d.runs[n-1].step = now - d.runs[n-1].createdOf(d.runs[n-1].hi)
		d.runs[n-1].hi = r.hi
	} else {
		d.runs = append(d.runs, r)
	}
	k := r.keyOf(r.lo, d.bucket)
	rank = d.rank(k, r.lo)
	// A run with a fixed key never extends another (extends): no descent
	// to find out, for each `insert at P`.
	if rank > 0 && !r.fixed && d.extendAt(rank-1, &r) {
		return r.lo, rank
	}
	l, rt := d.split(d.root, rank)
	d.root = merge(merge(l, d.newNode(r)), rt)
	return r.lo, rank
}

// extends reports whether run n can be appended to run p as one run: ids
// consecutive, keys derived from created, and created ticks still one
// arithmetic progression.
func extends(p, n *run) bool {
	if p.fixed || n.fixed || p.hi+1 != n.lo {
		return false
	}
	gap := n.created - p.createdOf(p.hi)
	if gap < 0 || (n.len() > 1 && gap != 0) {
		return false
	}
	return p.len() == 1 || p.step == gap
}

// extendAt appends r to the node holding ascending rank i when r continues
// it; r's records then take ranks right after i.
func (d *listData) extendAt(i int64, r *run) bool {
	t := d.root
	for j := i; ; {
		ls := size(t.left)
		if j < ls {
			t = t.left
		} else if j < ls+t.len() {
			if j != ls+t.len()-1 || !extends(&t.run, r) {
				return false
			}
			break
		} else {
			j -= ls + t.len()
			t = t.right
		}
	}
	t.step = r.created - t.createdOf(t.hi)
	t.hi = r.hi
	for u, j := d.root, i; u != nil; { // grow the sizes along the path
		u.size += r.len()
		ls := size(u.left)
		if u == t {
			break
		} else if j < ls {
			u = u.left
		} else {
			j -= ls + u.len()
			u = u.right
		}
	}
	return true
}

// remove deletes the records with ascending ranks [from, to) and returns the
// runs they formed, in ascending order.
func (d *listData) remove(from, to int64) []run {
	l, rest := d.split(d.root, from)
	mid, r := d.split(rest, to-from)
	d.root = merge(l, r)
	var gone []run
	var walk func(t *node)
	walk = func(t *node) {
		if t == nil {
			return
		}
		walk(t.left)
		gone = append(gone, t.run)
		walk(t.right)
	}
	walk(mid)
	return gone
}

// runOf returns the run an id was created in.
func (d *listData) runOf(id int64) *run {
	lo, hi := 0, len(d.runs)
	for lo < hi {
		m := (lo + hi) / 2
		if d.runs[m].hi < id {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return &d.runs[lo]
}

// exists reports whether id was ever created.
func (d *listData) exists(id int64) bool { return id >= 1 && id < d.nextID && len(d.runs) > 0 }

// live reports whether record id exists and was not deleted: whether the
// tree holds it. It seeks the id's (key, id) like rank does, so it costs
// O(log m) however many records were deleted, one by one or in ranges.
func (d *listData) live(id int64) bool {
	if !d.exists(id) {
		return false
	}
	key := d.record(id).Key // a live record's current key: the tree sorts it by that
	for t := d.root; t != nil; {
		switch {
		case less(key, id, t.keyOf(t.lo, d.bucket), t.lo):
			t = t.left
		case less(t.keyOf(t.hi, d.bucket), t.hi, key, id):
			t = t.right
		default:
			// (key, id) falls within t's records, which are the ids lo..hi:
			// the record is live exactly when its id is one of them.
			return t.lo <= id && id <= t.hi && t.keyOf(id, d.bucket) == key
		}
	}
	return false
}

// record returns id's current record (its last key if it was deleted).
func (d *listData) record(id int64) record {
	r := d.runOf(id)
	k := r.keyOf(id, d.bucket)
	if len(d.moved) > 0 {
		if m, ok := d.moved[id]; ok {
			k = m
		}
	}
	return record{ID: id, Created: r.createdOf(id), Key: k}
}

// asCreated returns record id as it was created: its key is the one its run
// gives, whatever an update set since. Runs never change for ids they hold
// (they only grow), so this is the same at any time after id was made.
func (d *listData) asCreated(id int64) record {
	r := d.runOf(id)
	return record{ID: id, Created: r.createdOf(id), Key: r.keyOf(id, d.bucket)}
}

// notAsCreated returns the records among items that asCreated does not
// give: those whose key an update had set (usually none).
func (d *listData) notAsCreated(items []record) []record {
	var out []record
	var r *run // items come in runs of consecutive ids: one lookup per run
	for _, it := range items {
		if !d.exists(it.ID) {
			out = append(out, it)
			continue
		}
		if r == nil || it.ID < r.lo || it.ID > r.hi {
			r = d.runOf(it.ID)
		}
		if it.Created != r.createdOf(it.ID) || it.Key != r.keyOf(it.ID, d.bucket) {
			out = append(out, it)
		}
	}
	return out
}

// rankOfID returns the ascending rank of live record id.
func (d *listData) rankOfID(id int64) int64 {
	r := d.record(id)
	return d.rank(r.Key, r.ID)
}

// setKey moves live record id to key.
func (d *listData) setKey(id, key int64) {
	i := d.rankOfID(id)
	old := d.record(id)
	l, rest := d.split(d.root, i)
	_, r := d.split(rest, 1)
	d.root = merge(l, r)
	d.moved[id] = key
	nr := run{lo: id, hi: id, created: old.Created, fixed: true, key: key}
	at := d.rank(key, id)
	l, r = d.split(d.root, at)
	d.root = merge(merge(l, d.newNode(nr)), r)
}

// nodesIn calls fn, in ascending order, for every node holding records with
// ascending ranks in [from, to), with the ids lo..hi of those records. It
// visits only those nodes and their ancestors.
func (d *listData) nodesIn(from, to int64, fn func(r *run, lo, hi int64)) {
	var walk func(t *node, base int64)
	walk = func(t *node, base int64) {
		if t == nil || from >= base+t.size || to <= base {
			return
		}
		ls := size(t.left)
		walk(t.left, base)
		if lo, hi := max(from, base+ls), min(to, base+ls+t.len()); lo < hi {
			fn(&t.run, t.lo+lo-base-ls, t.lo+hi-1-base-ls)
		}
		walk(t.right, base+ls+t.len())
	}
	walk(d.root, 0)
}

// extremes calls fn with every record of the segments' ids that can sort
// first or last among them: (key, id) grows with the id within a run, so
// only the ends of each run's part, and records whose key an update set.
func (d *listData) extremes(segs []seg, fn func(record)) {
	var moved []int64
	for id := range d.moved { // sorted below: the output does not depend on map order
		moved = append(moved, id)
	}
	slices.Sort(moved)
	for _, g := range segs {
		for id := g.lo; id <= g.hi; {
			r := d.runOf(id)
			end := min(g.hi, r.hi)
			fn(d.record(id))
			fn(d.record(end))
			id = end + 1
		}
		i, _ := slices.BinarySearch(moved, g.lo)
		for ; i < len(moved) && moved[i] <= g.hi; i++ {
			fn(d.record(moved[i]))
		}
	}
}
