package sim

import (
	"math"
	"slices"
	"strconv"
	"strings"
)

// walk is a client's pass through the list while it is open.
type walk struct {
	client    string
	index     int     // into Trace.Walks
	maxID     int64   // ids above this arrived during the walk
	graveMark int     // deletions from this index of engine.graves on happened during it
	seen      []idRun // every id returned, repeats included, as runs of consecutive ids
	seenTotal int64
	rows      int64
	pages     int
	steps     []int
	scope     *keyRange // nil: the whole list
	atHead    bool      // its first page began at the head of the list
}

// track adds a recorded exchange to its client's walk, opening and closing
// walks as the profile classifies the request.
func (e *engine) track(c *client, idx int, resp *response) {
	ts := &e.t.Steps[idx]
	if !ts.Accepted || resp.Walk == walkNone {
		if c.walk >= 0 {
			wk := e.walks[c.walk]
			wk.steps = append(wk.steps, idx)
			ts.Walk = c.walk
		}
		return
	}
	if resp.Walk == walkFirst {
		e.closeWalk(c, false, "a new first page started another walk")
	}
	if c.walk < 0 && c.ended >= 0 && c.onward && resp.Walk == walkContinue {
		c.walk = c.ended // it asked on past the end: the same walk goes on
		e.openWalks++
	}
	if c.walk < 0 {
		e.openWalks++
		c.walk = len(e.walks)
		e.walks = append(e.walks, &walk{client: c.name, index: c.walk, maxID: e.d.nextID - 1,
			graveMark: len(e.graves), scope: resp.Scope, atHead: startsAtHead(resp)})
		e.t.Walks = append(e.t.Walks, WalkReport{Client: c.name})
	}
	wk := e.walks[c.walk]
	wk.steps = append(wk.steps, idx)
	wk.pages++
	ts.Walk, ts.Page = c.walk, wk.pages
	for _, r := range resp.Items {
		wk.see(r.ID)
	}
	wk.seenTotal += int64(len(resp.Items))
	wk.rows += resp.Cost.Rows
	ts.Cost.WalkRows = wk.rows
	if !resp.HasNext.Reported {
		e.closeWalk(c, true, "")
	}
}

// startsAtHead says whether a walk's first page began at the head of the
// list: an offset-style page says where it asked for (an empty page past the
// end is not at the head); otherwise its first record's position does.
func startsAtHead(resp *response) bool {
	if s := resp.Served; s != nil && !s.Cursor {
		return s.Offset == 0
	}
	return resp.Position <= 0
}

// closeWalk ends c's open walk, if any, and writes its drift report.
func (e *engine) closeWalk(c *client, complete bool, why string) {
	if c.walk < 0 {
		return
	}
	wk := e.walks[c.walk]
	c.walk, c.ended = -1, -1
	if complete {
		c.ended = wk.index
	}
	e.openWalks--
	e.t.Walks[wk.index] = e.report(wk, complete, why)
}

// idRun is the ids lo..hi.
type idRun struct{ lo, hi int64 }

// see records that the walk returned id. A page of consecutive records, the
// usual case, is one run however long, so a walk over a million records keeps
// a thousand runs, not a million ids.
func (wk *walk) see(id int64) {
	if n := len(wk.seen); n > 0 {
		r := &wk.seen[n-1]
		switch id {
		case r.hi + 1:
			r.hi = id
			return
		case r.lo - 1:
			r.lo = id
			return
		}
	}
	wk.seen = append(wk.seen, idRun{id, id})
}

// seg is the ids lo..hi, each returned n times.
type seg struct {
	lo, hi int64
	n      int32
}

// coverage turns runs that may overlap into sorted disjoint segments with
// the number of runs covering each: a sweep over the runs' sorted starts and
// ends.
func coverage(runs []idRun) []seg {
	starts := make([]int64, len(runs))
	ends := make([]int64, len(runs)) // one past the end
	for i, r := range runs {
		starts[i], ends[i] = r.lo, r.hi+1
	}
	slices.Sort(starts)
	slices.Sort(ends)
	var out []seg
	var n int32
	var at int64
	for i, j := 0, 0; j < len(ends); {
		next := ends[j]
		if i < len(starts) && starts[i] < next {
			next = starts[i]
		}
		if n > 0 && next > at {
			if k := len(out) - 1; k >= 0 && out[k].n == n && out[k].hi+1 == at {
				out[k].hi = next - 1
			} else {
				out = append(out, seg{at, next - 1, n})
			}
		}
		for ; i < len(starts) && starts[i] == next; i++ {
			n++
		}
		for ; j < len(ends) && ends[j] == next; j++ {
			n--
		}
		at = next
	}
	return out
}

// segAt returns the index of the first segment ending at or after id.
func segAt(segs []seg, id int64) int {
	lo, hi := 0, len(segs)
	for lo < hi {
		m := (lo + hi) / 2
		if segs[m].hi < id {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// overlap counts the ids in lo..hi that segs cover.
func overlap(segs []seg, lo, hi int64) int64 {
	var c int64
	for i := segAt(segs, lo); i < len(segs) && segs[i].lo <= hi; i++ {
		c += min(hi, segs[i].hi) - max(lo, segs[i].lo) + 1
	}
	return c
}

// buried is a deleted run with the key of its first record.
type buried struct {
	key int64
	r   *run
}

// sortBuried sorts by (key, id) of the first record: a merge sort, because
// a generic sort would add its own copy of pdqsort to the WASM for this one
// type.
func sortBuried(g []buried) {
	src, dst := g, make([]buried, len(g))
	for width := 1; width < len(g); width *= 2 {
		for lo := 0; lo < len(g); lo += 2 * width {
			mid, hi := min(lo+width, len(g)), min(lo+2*width, len(g))
			i, j, k := lo, mid, lo
			for ; i < mid && j < hi; k++ {
				if less(src[j].key, src[j].r.lo, src[i].key, src[i].r.lo) {
					dst[k], j = src[j], j+1
				} else {
					dst[k], i = src[i], i+1
				}
			}
			k += copy(dst[k:], src[i:mid])
			copy(dst[k:], src[j:hi])
		}
		src, dst = dst, src
	}
	copy(g, src) // after an odd number of passes the result is in the other array
}

// span is a stretch of the walk's universe in ascending (key, id) order
// sharing a state; lo..hi are its ids, consecutive within one span.
type span struct {
	state  RunState
	lo, hi int64
}

func seenState(n int32, base RunState) RunState {
	switch {
	case n == 0:
		return base
	case base == Missed:
		if n == 1 {
			return SeenOnce
		}
		return SeenTwice
	case base == ArrivedUnseen:
		return ArrivedSeen
	}
	return VanishedSeen
}

// report computes a walk's drift: which records it returned twice, which it
// never returned although they were there all along, and what arrived and
// vanished meanwhile. It walks the dataset's nodes once, so it costs
// O(nodes + records seen), whatever the list's size.
func (e *engine) report(wk *walk, complete bool, why string) WalkReport {
	rep := WalkReport{Client: wk.client, Steps: wk.steps, Complete: complete, Stopped: why,
		Seen: wk.seenTotal, Rows: wk.rows, Requests: len(wk.steps), end: len(e.t.Steps)}
	// seen: the ids returned, as sorted disjoint segments with how often.
	seen := coverage(wk.seen)
	var dups []int64
	for _, g := range seen {
		rep.Distinct += g.hi - g.lo + 1
		if g.n >= 2 {
			rep.twice = append(rep.twice, idRun{g.lo, g.hi})
			rep.Duplicates.Count += g.hi - g.lo + 1
			for id := g.lo; id <= g.hi && len(dups) < maxListedIDs; id++ {
				dups = append(dups, id)
			}
		}
	}

	if len(rep.twice) > maxTwiceRuns {
		rep.twice = []idRun{} // too many to keep: the duplicates are not located
	}

	// The walk's deletions in (key, id) order of their first records.
	graves := make([]buried, 0, len(e.graves)-wk.graveMark)
	for i := wk.graveMark; i < len(e.graves); i++ {
		g := &e.graves[i].run
		graves = append(graves, buried{g.keyOf(g.lo, e.d.bucket), g})
	}
	sortBuried(graves)

	spans := make([]span, 0, 2*len(seen)+2*len(graves)+8)
	add := func(st RunState, lo, hi int64) {
		if lo > hi {
			return
		}
		if n := len(spans); n > 0 && spans[n-1].state == st && spans[n-1].hi+1 == lo {
			spans[n-1].hi = hi
			return
		}
		spans = append(spans, span{st, lo, hi})
	}
	// emit splits ids lo..hi, all in base state unless seen, around the seen ids.
	emit := func(base RunState, lo, hi int64) {
		for i := segAt(seen, lo); i < len(seen) && seen[i].lo <= hi && lo <= hi; i++ {
			a, b := max(lo, seen[i].lo), min(hi, seen[i].hi)
			add(base, lo, a-1)
			add(seenState(seen[i].n, base), a, b)
			lo = b + 1
		}
		add(base, lo, hi)
	}
	// Ascending ranks of the walk's scope, and the part of it the walk
	// covered: from the head, or for a walk that began mid-list (page 5 first,
	// a worker starting at skip=200) from the first record it returned; to
	// the end, or for a stopped walk to the furthest record it returned.
	// Outside that, the walk says nothing about records (missed or arrived or
	// vanished): they are counted as unreached without being visited, so
	// closing a walk over the top of a huge list costs what its pages cost.
	n := e.d.Len()
	sLo, sHi := int64(0), n
	if wk.scope != nil {
		sLo, sHi = e.d.rank(wk.scope.From, math.MinInt64), e.d.rank(addSat(wk.scope.To, 1), math.MinInt64)
	}
	newest := e.w.order == NewestFirst
	before := func(k1, i1, k2, i2 int64) bool { // in list order
		if newest {
			return less(k2, i2, k1, i1)
		}
		return less(k1, i1, k2, i2)
	}
	var first, last record // the first and furthest records returned, in list order
	counted := false
	e.d.extremes(seen, func(r record) {
		if !counted || before(r.Key, r.ID, first.Key, first.ID) {
			first = r
		}
		if !counted || before(last.Key, last.ID, r.Key, r.ID) {
			last = r
		}
		counted = true
	})
	headCut, tailCut := !wk.atHead && len(seen) > 0, !complete
	wLo, wHi := sLo, sHi
	switch {
	case len(seen) == 0 && !wk.atHead && newest:
		wHi = sLo // it began past every record (an offset past the end): all of them lie before it
	case len(seen) == 0 && !wk.atHead:
		wLo = sHi
	case tailCut && len(seen) == 0 && newest:
		wLo = sHi
	case tailCut && len(seen) == 0:
		wHi = sLo
	case newest:
		if headCut {
			wHi = min(sHi, e.d.rank(first.Key, addSat(first.ID, 1)))
		}
		if tailCut {
			wLo = max(sLo, e.d.rank(last.Key, last.ID))
		}
	default:
		if headCut {
			wLo = max(sLo, e.d.rank(first.Key, first.ID))
		}
		if tailCut {
			wHi = min(sHi, e.d.rank(last.Key, addSat(last.ID, 1)))
		}
	}
	wLo = min(wLo, wHi)
	prefix, suffix := wLo-sLo, sHi-wHi // unreached before and after the covered part, in list order
	if newest {
		prefix, suffix = suffix, prefix
	}
	// outside says where a grave lies: -1 before the covered part, 1 after, 0 inside.
	outside := func(key, id int64) int {
		switch {
		case headCut && before(key, id, first.Key, first.ID):
			return -1
		case tailCut && (len(seen) == 0 || before(last.Key, last.ID, key, id)):
			return 1
		}
		return 0
	}

	g := 0
	buryUntil := func(key, id int64) {
		for ; g < len(graves) && less(graves[g].key, graves[g].r.lo, key, id); g++ {
			lo, hi := e.inScope(graves[g].r, wk.scope)
			if lo > hi {
				continue
			}
			switch outside(graves[g].key, graves[g].r.lo) {
			case -1:
				prefix += hi - lo + 1
				continue
			case 1:
				suffix += hi - lo + 1
				continue
			}
			emit(VanishedUnseen, lo, hi)
		}
	}
	e.d.nodesIn(wLo, wHi, func(r *run, lo, hi int64) {
		buryUntil(r.keyOf(lo, e.d.bucket), lo)
		emit(Missed, lo, min(hi, wk.maxID))
		emit(ArrivedUnseen, max(lo, wk.maxID+1), hi)
	})
	buryUntil(math.MaxInt64, math.MaxInt64)

	if newest {
		slices.Reverse(spans)
	}
	rep.Unreached, rep.head = prefix+suffix, prefix
	if prefix > 0 {
		spans = slices.Insert(spans, 0, span{state: NotReached, lo: 0, hi: prefix - 1})
	}
	if suffix > 0 {
		spans = append(spans, span{state: NotReached, lo: 0, hi: suffix - 1})
	}

	if len(spans) <= maxIDSpans {
		rep.ids = spans
	}
	for _, s := range spans {
		n := s.hi - s.lo + 1
		if s.state == Missed {
			rep.Missed.Count += n
			for k := int64(0); k < n && len(rep.Missed.IDs) < maxListedIDs; k++ {
				id := s.lo + k
				if e.w.order == NewestFirst {
					id = s.hi - k
				}
				rep.Missed.IDs = append(rep.Missed.IDs, id)
			}
		}
		if m := len(rep.Strip); m > 0 && rep.Strip[m-1].State == s.state {
			rep.Strip[m-1].Count += n
		} else {
			rep.Strip = append(rep.Strip, Span{State: s.state, Count: n})
		}
	}

	rep.Duplicates.IDs = dups
	made := len(e.d.runs) // the runs made during the walk: ids only grow
	for made > 0 && e.d.runs[made-1].hi > wk.maxID {
		made--
	}
	for i := made; i < len(e.d.runs); i++ {
		r := e.d.runs[i]
		r.lo = max(r.lo, wk.maxID+1)
		lo, hi := e.inScope(&r, wk.scope)
		rep.Inserted.Count += max(0, hi-lo+1)
		for id := lo; id <= hi && len(rep.Inserted.IDs) < maxListedIDs; id++ {
			rep.Inserted.IDs = append(rep.Inserted.IDs, id)
		}
	}
	for _, gr := range e.graves[wk.graveMark:] {
		lo, hi := e.inScope(&gr.run, wk.scope)
		rep.Deleted.Count += max(0, hi-lo+1)
		for id := lo; id <= hi && len(rep.Deleted.IDs) < maxListedIDs; id++ {
			rep.Deleted.IDs = append(rep.Deleted.IDs, id)
		}
		// Only records deleted during the walk can have been seen by it and
		// be gone: count the seen ids inside each of its graves.
		rep.DeletedSeen += overlap(seen, gr.lo, gr.hi)
	}
	rep.InsertedSeen = overlap(seen, wk.maxID+1, math.MaxInt64)
	rep.Outcome = WalkConsistent
	if rep.Duplicates.Count > 0 || rep.Missed.Count > 0 {
		rep.Outcome = WalkDrifted
	} else if n := len(wk.steps); !complete && n > 0 && !e.t.Steps[wk.steps[n-1]].Accepted {
		rep.Outcome = WalkRefused
	}
	rep.Consistent = rep.Outcome == WalkConsistent
	rep.Verdict = verdict(&rep, wk.pages)
	return rep
}

// inScope returns the ids of r whose keys lie in scope (all of them when
// scope is nil); lo > hi when none do. Keys never decrease along a run.
func (e *engine) inScope(r *run, scope *keyRange) (lo, hi int64) {
	if scope == nil {
		return r.lo, r.hi
	}
	return r.lo + e.d.countBelow(r, scope.From, math.MinInt64), r.lo + e.d.countBelow(r, addSat(scope.To, 1), math.MinInt64) - 1
}

func verdict(r *WalkReport, pages int) string {
	var s string
	if r.Complete && r.Stopped != "" {
		// A client's note that says "the client stops: WHY" once is enough.
		s = "The client ended the walk: " + strings.TrimPrefix(r.Stopped, "the client stops: ") + ". "
	}
	if !r.Complete {
		s = "Stopped after " + plural(int64(pages), "page")
		if r.Stopped != "" {
			s += " (" + r.Stopped + ")"
		}
		s += ". "
	}
	switch {
	case r.Outcome == WalkRefused:
		s += "Not consistent: a refusal stopped it before the end of the list (no record was returned twice or skipped before that)."
	case r.Complete && r.Consistent:
		s += "Consistent: every record that was there for the whole walk was returned exactly once."
	case r.Consistent:
		s += "Consistent so far: no record returned twice or skipped."
	default:
		s += "Inconsistent:"
		if r.Duplicates.Count > 0 {
			s += " " + plural(r.Duplicates.Count, "record") + " returned twice"
			if r.Missed.Count > 0 {
				s += ","
			}
		}
		if r.Missed.Count > 0 {
			s += " " + plural(r.Missed.Count, "record") + " never returned although present all along"
		}
		s += "."
	}
	if r.Unreached > 0 {
		s += " " + unreachedText(r) + " not reached."
	}
	if r.Inserted.Count > 0 {
		s += " " + plural(r.Inserted.Count, "record") + " arrived during the walk (" + strconv.FormatInt(r.InsertedSeen, 10) + " seen)."
	}
	if r.Deleted.Count > 0 {
		s += " " + plural(r.Deleted.Count, "record") + " vanished during the walk (" + strconv.FormatInt(r.DeletedSeen, 10) + " had been seen)."
	}
	return s
}

// unreachedText says how many records a walk did not reach and where:
// "20 records before its first page were", "5 records after its last page
// were", "20 records before its first page and 5 after its last were".
func unreachedText(r *WalkReport) string {
	tail := r.Unreached - r.head
	switch {
	case tail == 0:
		return plural(r.head, "record") + " before its first page " + cond(r.head == 1, "was", "were")
	case r.head == 0:
		return plural(tail, "record") + " after its last page " + cond(tail == 1, "was", "were")
	}
	return plural(r.head, "record") + " before its first page and " + count(tail) + " after its last were"
}
