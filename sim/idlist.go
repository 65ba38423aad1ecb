package sim

// idList is the ids a response returned, in order, stored as runs of ids
// with a constant step between neighbours: a page of a list is nearly always
// one run (ids 1000, 999, ..., 901: step -1) or a few, where a deletion or an
// insertion cut it. The first run is held in the list itself, so that a page
// of 100 takes 24 bytes instead of 800; the others in rest. Ids with no
// pattern cost no more than they would listed: any two ids make a run.
type idList struct {
	_     [0]func() // not comparable: no equality function for TraceStep in the WASM
	first int64     // the first run's first id
	n     int32     // ids in all
	step  int32     // the difference between neighbours in the first run
	rest  *idRest   // the runs after the first; nil when there are none
}

// idRest is the runs of an idList after its first.
type idRest struct {
	n0   int32 // ids in the first run
	runs []idRun3
}

// idRun3 is n ids from first, step apart.
type idRun3 struct {
	first   int64
	n, step int32
}

// idListOf stores the ids of items (fewer than 2^31).
func idListOf(items []record) idList {
	l := idList{n: int32(len(items))}
	var runs []idRun3 // the runs after the first
	var n0 int32      // ids in the first
	for i := 0; i < len(items); {
		// The run that starts at i: as long as the ids keep the difference
		// between the first two.
		end, d := i+1, int64(0)
		if i+1 < len(items) {
			if d = items[i+1].ID - items[i].ID; d != int64(int32(d)) {
				d = 0
			} else {
				for end++; end < len(items) && items[end].ID-items[end-1].ID == d; end++ {
				}
			}
		}
		r := idRun3{items[i].ID, int32(end - i), int32(d)}
		if i == 0 {
			l.first, l.step, n0 = r.first, r.step, r.n
		} else {
			runs = append(runs, r)
		}
		i = end
	}
	if runs != nil {
		l.rest = &idRest{n0: n0, runs: runs}
	}
	return l
}

// idListOfIDs stores ids.
func idListOfIDs(ids []int64) idList {
	items := make([]record, len(ids))
	for i, id := range ids {
		items[i].ID = id
	}
	return idListOf(items)
}

// len is the number of ids.
func (l *idList) len() int { return int(l.n) }

// runs is the number of runs.
func (l *idList) runs() int {
	switch {
	case l.rest != nil:
		return 1 + len(l.rest.runs)
	case l.n > 0:
		return 1
	}
	return 0
}

// run returns run k (0 <= k < runs).
func (l *idList) run(k int) idRun3 {
	switch {
	case k > 0:
		return l.rest.runs[k-1]
	case l.rest != nil:
		return idRun3{l.first, l.rest.n0, l.step}
	}
	return idRun3{l.first, l.n, l.step}
}

// at returns the i-th id (0 <= i < len).
func (l *idList) at(i int) int64 {
	for k := 0; ; k++ {
		r := l.run(k)
		if i < int(r.n) {
			return r.first + int64(i)*int64(r.step)
		}
		i -= int(r.n)
	}
}

// slice returns the ids as a new slice, nil when there are none.
func (l *idList) slice() []int64 {
	n := l.len()
	if n == 0 {
		return nil
	}
	out, i := make([]int64, n), 0
	for k := range l.runs() {
		r := l.run(k)
		for j := range int64(r.n) {
			out[i] = r.first + j*int64(r.step)
			i++
		}
	}
	return out
}

// Records returns the ids the request returned, in order (nil for a
// mutation or an empty page), as a new slice.
func (s *TraceStep) Records() []int64 { return s.ids.slice() }

// NumRecords is how many records the request returned.
func (s *TraceStep) NumRecords() int { return s.ids.len() }

// RecordAt returns the id of the i-th record the request returned
// (0 <= i < NumRecords).
func (s *TraceStep) RecordAt(i int) int64 { return s.ids.at(i) }

// SetRecords sets the ids a step returned: for traces made by hand (tests
// of what reads a trace).
func (s *TraceStep) SetRecords(ids []int64) { s.ids = idListOfIDs(ids) }
