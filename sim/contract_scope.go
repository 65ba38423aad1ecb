package sim

// A contract's view of the list (contract.Sort, Created*: a sort parameter
// and a created-time window, as Celigo's sort=_id with createdAfter and
// createdBefore) and its chained links (tokenLife.Use "chain": each walk's next
// link works once, and only the newest, as Celigo's links after the move to
// cursors).

// listView is the part of the list a request selects, and in which order.
type listView struct {
	pos, n    int64 // list positions pos..pos+n-1
	ascending bool  // the sort value: oldest first, whatever the list's order
	window    *keyRange
}

// view reads the request's sort and window: the view, the interpretation
// it calls for, or a refusal.
func (s *contractServer) view(w *world, req *request) (v listView, interp string, bad *response) {
	c := &s.c
	v.n = w.Len()
	if x, ok := s.read(req, paramIn{Name: c.Sort, Where: "query"}); ok && c.Sort != "" {
		if x != c.SortValue {
			r := s.fail(w, "sort", c.ErrorStatus, c.Sort+"="+x+" is not a sort this simulator knows: use "+c.Sort+"="+c.SortValue, c.Sort, x)
			r.Interp = cond(r.Interp == "", c.Interp.Sort, r.Interp)
			return v, "", r
		}
		v.ascending = true
		interp = c.Interp.Sort
	}
	from, to := int64(minInt64), int64(maxInt64)
	sent := false
	for i, name := range []string{c.CreatedAfter, c.CreatedBefore} {
		x, ok := s.read(req, paramIn{Name: name, Where: "query"})
		if !ok || name == "" {
			continue
		}
		sent = true
		n, good := readNumber(c.Numbers, x)
		if !good {
			r := s.fail(w, "created", c.ErrorStatus, name+" must be a whole number, got "+quote(x)+" (a simulated tick)", name, x)
			r.Interp = cond(r.Interp == "", c.Interp.Created, r.Interp)
			return v, "", r
		}
		if i == 0 {
			from = addSat(n, 1)
		} else {
			to = subSat(n, 1)
		}
	}
	if !sent {
		return v, interp, nil
	}
	v.window = &keyRange{From: from, To: to}
	v.pos, v.n = w.Range(from, to)
	return v, c.Interp.Created, nil
}

// note says what the window selects.
func (v listView) note() string {
	if v.window == nil {
		return ""
	}
	return "the window selects " + plural(v.n, "record") + " created after " + cond(v.window.From > minInt64+1, itoa(v.window.From-1), "the beginning") +
		" and before " + cond(v.window.To < maxInt64-1, itoa(v.window.To+1), "now")
}

// page returns the records at indexes skip..skip+limit-1 of the view, and the
// list position of the first.
func (v listView) page(w *world, skip, limit int64) ([]record, int64) {
	end := min(v.n, addSat(skip, limit))
	if skip >= end {
		return nil, -1
	}
	if !v.ascending || !w.NewestFirst() { // the view runs in list order
		return w.Page(v.pos+skip, end-skip), v.pos + skip
	}
	// Counted from the other end of the list: read the slice and turn it
	// round. Ascending (key, id) is ascending id, ids growing with created.
	p := v.pos + v.n - end
	items := w.Slice(p, end-skip)
	for i, j := 0, len(items)-1; i < j; i, j = i+1, j-1 {
		items[i], items[j] = items[j], items[i]
	}
	return items, p + end - skip - 1
}

// chainPosition reads a chained link's cursor (tokenLife.Use "chain"): it works
// for the walk that got it, while it is that walk's newest, with the page
// size it was issued for.
func (s *contractServer) chainPosition(w *world, req *request, in paramIn, tok string, limit int64) (cursor, *response) {
	c := &s.c
	vals, err := readToken(s.tag(req, false), tok, 6)
	switch {
	case err == errForeign:
		return cursor{}, s.fail(w, "foreign", c.ErrorStatus, "the cursor "+quote(tok)+" was issued for another list", in.Name, tok)
	case err != nil || vals[0] < 1 || vals[0] > int64(len(s.chains)):
		return cursor{}, s.fail(w, "cursor", c.ErrorStatus, "the cursor "+quote(tok)+" is not one this server issued (changed or cut short?)", in.Name, tok)
	}
	chain, page := vals[0], vals[1]
	if now := s.chains[chain-1]; now != page {
		why := "this link came with page " + itoa(page) + " and was already followed"
		if now == 0 {
			why += " (to the last page)"
		} else {
			why += "; page " + itoa(now) + " carries the fresh one"
		}
		return cursor{}, s.fail(w, "reused", c.ErrorStatus, why, in.Name, tok)
	}
	if vals[2] != limit {
		return cursor{}, s.fail(w, "changed", c.ErrorStatus, "the link said "+c.Limit.Name+"="+itoa(vals[2])+", the request "+c.Limit.Name+"="+itoa(limit), in.Name, tok)
	}
	s.chain, s.page = chain, page
	return cursor{Key: vals[4], ID: vals[5], KeyOnly: vals[3] == 1}, nil
}

// chainToken is the next link's cursor of the request's walk.
func (s *contractServer) chainToken(req *request, at cursor, limit int64) string {
	only := int64(0)
	if at.KeyOnly {
		only = 1
	}
	return makeToken(s.tag(req, false), s.chain, s.page, limit, only, at.Key, at.ID)
}

// frontParams returns set, then the parameters of q not named in set, in order:
// the server writes its paging parameters first (url.query front).
func frontParams(q []Param, set ...Param) []Param {
	out := append([]Param(nil), set...)
	for _, p := range q {
		if !isSet(set, p.Name) {
			out = append(out, p)
		}
	}
	return out
}

// sentences joins two interpretations, each a sentence of its own.
func sentences(a, b string) string {
	if a == "" {
		return b
	}
	if b == "" {
		return a
	}
	return a + " " + b
}

func cond(c bool, a, b string) string {
	if c {
		return a
	}
	return b
}

func cond64(c bool, a, b int64) int64 {
	if c {
		return a
	}
	return b
}
