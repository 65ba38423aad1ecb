package sim

import "pagingplayground/internal/json"

// Finding what matters in a long trace: which steps returned duplicates,
// which went past records their walk never returned (misses), which repeat
// a note an earlier step already carries, and the ids under a walk's drift
// strip. The front end filters and jumps with the flags column and links a
// row to the first step of its note; none of it decides anything about
// paging: it is read off the trace.

// maxIDSpans bounds the spans of a walk's strip kept with their ids (for
// the drift readout and for locating misses): a list fragmented further by
// random mutations keeps its counts and loses the ids.
const maxIDSpans = 4096

// maxTwiceRuns bounds the runs of ids returned twice a walk keeps to locate
// its duplicates at their steps (16 bytes each).
const maxTwiceRuns = 1 << 16

// maxLocateScan bounds the records returned, over all walks, that a View
// scans to locate duplicates and misses at their steps (each walk also stays
// under maxRepeatScan): beyond it the walk reports keep their counts and the
// steps are not flagged.
const maxLocateScan = 2_000_000

// headWalkDetail is how many walks the compact head gives their ids and the
// steps that returned their duplicates (the drift view draws as many).
const headWalkDetail = 30

type finds struct {
	flags    []uint16         // per step: FlagDuplicate | FlagMiss | FlagUnreached (nil: none found)
	unreach  map[int][2]int64 // step -> the records its walk did not reach before it (its first page) and after it (where it stopped)
	skipped  map[int][]int64  // step -> the missed records it went past (at most maxListedIDs)
	skippedN map[int]int64    // step -> how many it went past
	endN     map[int]int64    // step -> how many missed records follow it: its walk ended there (endIDs: which)
	endIDs   map[int][]int64
	dupSteps map[int][][]int // walk -> per listed duplicate id (Duplicates.IDs order): the steps that returned it
	unplaced map[int]*skip   // walk -> its missed records no request went past (an update moved them or their neighbour)
	reasons  map[string]int  // a step's reason -> the first step with it
	interps  map[string]int  // an interpretation -> the first step with it
}

func (f *finds) flag(i int) int {
	if f.flags == nil {
		return 0
	}
	return int(f.flags[i])
}

// mark sets a flag on step si of n.
func (f *finds) mark(n, si int, flag uint16) {
	if f.flags == nil {
		f.flags = make([]uint16, n)
	}
	f.flags[si] |= flag
}

// locate scans the walks with duplicates or misses, once.
func (v *View) locate() *finds {
	if v.find != nil {
		return v.find
	}
	f := &finds{skipped: map[int][]int64{}, skippedN: map[int]int64{}, endN: map[int]int64{}, endIDs: map[int][]int64{}, dupSteps: map[int][][]int{}, unplaced: map[int]*skip{}}
	v.find = f
	// A walk's unreached records are placed at its first step (those before
	// its first page) and where it stopped (those after: the request after
	// its last page, refused, or else its last page): a count each, no scan.
	f.unreach = map[int][2]int64{}
	for wi := range v.T.Walks {
		wr := &v.T.Walks[wi]
		k := 0 // its last page, or the request after it
		for j, si := range wr.Steps {
			if v.T.Steps[si].Page > 0 || j > 0 && v.T.Steps[wr.Steps[j-1]].Page > 0 {
				k = si
			}
		}
		for end, n := range [2]int64{wr.head, wr.Unreached - wr.head} {
			if n > 0 {
				si := wr.Steps[0]
				if end > 0 {
					si = k
				}
				u := f.unreach[si]
				u[end] += n
				f.unreach[si] = u
				f.mark(len(v.T.Steps), si, FlagUnreached)
			}
		}
	}
	budget := int64(maxLocateScan)
	for wi := range v.T.Walks {
		wr := &v.T.Walks[wi]
		if wr.Duplicates.Count == 0 && (wr.Missed.Count == 0 || wr.ids == nil) {
			continue
		}
		if wr.Seen > maxRepeatScan || wr.Seen > budget {
			continue
		}
		budget -= wr.Seen
		v.scanWalk(wi)
	}
	return f
}

// skip is the missed records one step went past.
type skip struct {
	ids   []int64
	n     int64
	moved int // the last step, before the walk was judged, of an update that moved one of them (-1: none)
}

func seenRun(s RunState) bool {
	return s == SeenOnce || s == SeenTwice || s == ArrivedSeen || s == VanishedSeen
}

// scanWalk finds the steps of walk wi that returned a record again, the
// steps that returned each listed duplicate, and the step that went past
// each missed record: the one that returned the first record after it in
// list order (or the walk's last page, for records missed at the end).
//
// The strip is the list order when the walk was judged. Inserts and deletes
// do not change the order of the records that stay; updates do. A missed
// record stood just before the record after it when that record's step ran
// unless an update moved one of the two after that step: then that step did
// not go past it (an issue updated to the top of a list the walk already
// read is missed, and no page skipped it), and the miss is the walk's alone
// (unplaced).
func (v *View) scanWalk(wi int) {
	if v.scanned[wi] {
		return
	}
	v.scanned[wi] = true
	t, f := v.T, v.find
	wr := &t.Walks[wi]
	mark := func(si int, flag uint16) { f.mark(len(t.Steps), si, flag) }
	desc := t.Setup.Order == "newest-first"
	firstID := func(s span) int64 {
		if desc {
			return s.hi
		}
		return s.lo
	}
	// The records updates moved before the walk was judged: id -> last step.
	moved := map[int64]int{}
	for _, m := range t.moved {
		if m.step < wr.end {
			moved[m.id] = m.step
		}
	}
	movedAfter := func(id int64, si int) bool {
		st, ok := moved[id]
		return ok && st > si
	}
	// The missed records, gathered under the record each is followed by.
	after := map[int64]int{} // the record -> its index in skips
	var skips []skip
	var tail *skip
	if wr.Missed.Count > 0 {
		var pend *skip
		for _, s := range wr.ids {
			switch {
			case s.state == Missed:
				if pend == nil {
					pend = &skip{moved: -1}
				}
				n := s.hi - s.lo + 1
				for id, st := range moved {
					if id >= s.lo && id <= s.hi {
						pend.moved = max(pend.moved, st)
					}
				}
				pend.n += n
				for k := int64(0); k < n && len(pend.ids) < maxListedIDs; k++ {
					if desc {
						pend.ids = append(pend.ids, s.hi-k)
					} else {
						pend.ids = append(pend.ids, s.lo+k)
					}
				}
			case pend != nil && seenRun(s.state):
				after[firstID(s)] = len(skips)
				skips = append(skips, *pend)
				pend = nil
			}
		}
		tail = pend
	}
	// The records returned twice, numbered along their runs: a bit each
	// says whether the walk had returned it yet.
	twice := wr.twice
	var base []int64
	var bits []uint64
	if len(twice) > 0 {
		base = make([]int64, len(twice))
		var n int64
		for k, r := range twice {
			base[k] = n
			n += r.hi - r.lo + 1
		}
		bits = make([]uint64, (n+63)/64)
	}
	listed := map[int64]int{}
	for k, id := range wr.Duplicates.IDs {
		listed[id] = k
	}
	var steps [][]int
	if len(listed) > 0 && len(twice) > 0 {
		steps = make([][]int, len(wr.Duplicates.IDs))
	}
	last := -1
	for _, si := range wr.Steps {
		st := &t.Steps[si]
		if st.Request == nil || !st.Accepted {
			continue
		}
		last = si
		var rep []int64
		for _, id := range st.ids.slice() {
			if k := runAt(twice, id); k >= 0 {
				b := base[k] + id - twice[k].lo
				if bits[b/64]&(1<<(b%64)) != 0 {
					rep = append(rep, id)
				} else {
					bits[b/64] |= 1 << (b % 64)
				}
				if j, ok := listed[id]; ok && steps != nil {
					if n := len(steps[j]); n == 0 || steps[j][n-1] != si {
						steps[j] = append(steps[j], si)
					}
				}
			}
			if len(after) > 0 {
				if k, ok := after[id]; ok {
					delete(after, id)
					if sk := &skips[k]; sk.moved > si || movedAfter(id, si) {
						f.unplace(wi, sk)
					} else {
						f.skippedN[si] += sk.n
						f.skipped[si] = addIDs(f.skipped[si], sk.ids)
						mark(si, FlagMiss)
					}
				}
			}
		}
		if rep != nil {
			v.repeats[si] = rep
			mark(si, FlagDuplicate)
		}
	}
	if tail != nil && last >= 0 && tail.moved > last {
		f.unplace(wi, tail)
	} else if tail != nil && last >= 0 {
		f.endN[last] += tail.n
		f.endIDs[last] = addIDs(f.endIDs[last], tail.ids)
		mark(last, FlagMiss)
	}
	if steps != nil {
		f.dupSteps[wi] = steps
	}
}

// runAt is the index of the run holding id, or -1.
func runAt(runs []idRun, id int64) int {
	if len(runs) == 0 || id < runs[0].lo || id > runs[len(runs)-1].hi {
		return -1
	}
	lo, hi := 0, len(runs)
	for lo < hi {
		m := (lo + hi) / 2
		if runs[m].hi < id {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(runs) && runs[lo].lo <= id {
		return lo
	}
	return -1
}

// addIDs appends ids to list, keeping at most maxListedIDs.
func addIDs(list, ids []int64) []int64 {
	return append(list, ids[:min(maxListedIDs-len(list), len(ids))]...)
}

// unplace adds sk to walk wi's misses that no request went past.
func (f *finds) unplace(wi int, sk *skip) {
	u := f.unplaced[wi]
	if u == nil {
		u = &skip{}
		f.unplaced[wi] = u
	}
	u.n += sk.n
	u.ids = addIDs(u.ids, sk.ids)
}

// noteIndex maps each reason and interpretation to the first step with it.
func (v *View) noteIndex() {
	f := v.locate()
	if f.reasons != nil {
		return
	}
	f.reasons, f.interps = map[string]int{}, map[string]int{}
	for i := range v.T.Steps {
		s := &v.T.Steps[i]
		if s.Reason != "" {
			if _, ok := f.reasons[s.Reason]; !ok {
				f.reasons[s.Reason] = i
			}
		}
		if s.Interp != "" {
			if _, ok := f.interps[s.Interp]; !ok {
				f.interps[s.Interp] = i
			}
		}
	}
}

// writeFinds adds to step i's row what finding needs: "skipped" (the
// missed records this request went past, at most maxListedIDs) with
// "skippedCount", "missedAfter" with "missedAfterCount" (the missed records
// after the last page of a walk that ended there), "unreachedBefore" and
// "unreachedAfter" (how many records the walk did not reach before this, its
// first page, or after this, its last step), and "reasonAs" / "interpAs": the first step carrying the
// same reason or interpretation, when that is an earlier one.
func (v *View) writeFinds(w *json.Writer, i int) {
	v.noteIndex()
	f := v.find
	for k, key := range [2]string{"skipped", "missedAfter"} {
		ids, n := f.skipped[i], f.skippedN[i]
		if k == 1 {
			ids, n = f.endIDs[i], f.endN[i]
		}
		if n > 0 {
			w.Key(key)
			w.Open('[')
			for _, id := range ids {
				w.Int(id)
			}
			w.Close(']')
			w.Key(key + "Count")
			w.Int(n)
		}
	}
	for k, n := range f.unreach[i] {
		if n > 0 {
			w.Key([2]string{"unreachedBefore", "unreachedAfter"}[k])
			w.Int(n)
		}
	}
	s := &v.T.Steps[i]
	if j, ok := f.reasons[s.Reason]; ok && s.Reason != "" && j < i {
		w.Key("reasonAs")
		w.Int(int64(j))
	}
	if j, ok := f.interps[s.Interp]; ok && s.Interp != "" && j < i {
		w.Key("interpAs")
		w.Int(int64(j))
	}
}

// writeWalkDetail writes "walkDetail": for the first headWalkDetail walks,
// {"ids": [state, count, first id, ...] | null, "idStep": 1 | -1,
// "missNote": a sentence (only when some misses no request went past),
// "dupSteps": [[step, ...] per id of duplicates.ids] | null}. ids is the
// strip with its records' ids: each span's records in list order are first
// id, first + idStep, ... (first is -1 for records not reached, whose ids
// the walk never visited); null when the list was too fragmented to keep
// them. dupSteps is null where the walk was too large to scan.
func (v *View) writeWalkDetail(w *json.Writer) {
	f := v.locate()
	step := int64(1)
	if v.T.Setup.Order == "newest-first" {
		step = -1
	}
	w.Key("walkDetail")
	w.Open('[')
	for wi := range v.T.Walks[:min(len(v.T.Walks), headWalkDetail)] {
		wr := &v.T.Walks[wi]
		w.Open('{')
		w.Key("ids")
		if wr.ids == nil && len(wr.Strip) > 0 {
			w.Null()
		} else {
			w.Open('[')
			for _, s := range wr.ids {
				first := s.lo
				switch {
				case s.state == NotReached:
					first = -1
				case step < 0:
					first = s.hi
				}
				w.Int(int64(s.state))
				w.Int(s.hi - s.lo + 1)
				w.Int(first)
			}
			w.Close(']')
		}
		w.Key("idStep")
		w.Int(step)
		if u := f.unplaced[wi]; u != nil {
			w.Key("missNote")
			w.Str(unplacedNote(u))
		}
		w.Key("dupSteps")
		if ds, ok := f.dupSteps[wi]; ok {
			w.Open('[')
			for _, steps := range ds {
				w.Open('[')
				for _, si := range steps {
					w.Int(int64(si))
				}
				w.Close(']')
			}
			w.Close(']')
		} else {
			w.Null()
		}
		w.Close('}')
	}
	w.Close(']')
}

// unplacedNote says which missed records of a walk no request went past.
func unplacedNote(u *skip) string {
	ids := ""
	for k, id := range u.ids[:min(len(u.ids), 5)] {
		if k > 0 {
			ids += ", "
		}
		ids += count(id)
	}
	if u.n == 1 {
		return "No request went past missed record " + ids + ": an update moved it, or the record next to it, after that part of the list was read."
	}
	if u.n > 5 {
		ids += ", …"
	}
	return "No request went past " + plural(u.n, "missed record") + " (" + ids + "): an update moved them, or the records next to them, after that part of the list was read."
}

// headRequests is how many requests the compact head lists as sent
// ("firstRequests"), for a compare card that shows each profile's requests
// without its rows.
const headRequests = 8

// writeFirstRequests writes "firstRequests": the first headRequests
// requests, [{"i", "method", "url", "body", "status", "accepted"}].
func (v *View) writeFirstRequests(w *json.Writer) {
	w.Key("firstRequests")
	w.Open('[')
	n := 0
	for i := range v.T.Steps {
		s := &v.T.Steps[i]
		if s.Request == nil {
			continue
		}
		if n++; n > headRequests {
			break
		}
		w.Open('{')
		w.Key("i")
		w.Int(int64(i))
		w.Key("method")
		w.Str(s.Request.Method)
		w.Key("url")
		w.Str(s.Request.URL)
		w.Key("body")
		w.Str(s.Request.Body)
		w.Key("status")
		w.Int(int64(s.Response.Status))
		w.Key("accepted")
		w.Bool(s.Accepted)
		w.Close('}')
	}
	w.Close(']')
}
