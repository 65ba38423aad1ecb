package sim

// The session base: a server-side cursor per pagination session, which the
// client names (Codefresh's X-Pagination-Session-Id) and moves one page at
// a time. The server keeps each session's page and the page's edges; from
// page c the allowed moves are c+1, c-1 and page 1 (a reset to the head of
// the list as it is now), and c itself is re-read. Any other page is a jump
// and is refused, leaving the cursor where it was. Page 0, -1, ... are the
// pages before page 1: records newer than where the session started.

// serveSession serves the session base.
func (s *contractServer) serveSession(w *world, req *request, limit int64, note string) *response {
	c := &s.c
	page, why, bad := s.number(w, req, c.Page, 1, minInt64, false)
	if bad != nil {
		return bad
	}
	id, _ := s.read(req, c.Session)
	name := "the default session (no " + c.Session.Name + ")"
	if id != "" {
		name = "session " + quote(id)
	}
	if s.sessions == nil {
		s.sessions = map[string]*cfSession{}
	}
	sess := s.sessions[id]
	if sess == nil && page != 1 {
		return s.fail(w, "session", c.ErrorStatus, "page "+itoa(page)+" is a jump: "+name+" has no cursor yet, and a cursor starts at page 1", c.Page.Name, itoa(page))
	}
	if sess != nil && page != 1 && page != sess.page && page != sess.page+1 && page != sess.page-1 {
		r := s.fail(w, "jump", c.ErrorStatus, "page "+itoa(page)+" is a jump from page "+itoa(sess.page)+": the cursor can only go to "+cfMoves(sess.page), c.Page.Name, itoa(page))
		if sess.mover != req.Client {
			r.Reason += "; " + sess.mover + " had moved the cursor of " + name + " to page " + itoa(sess.page)
		}
		return r
	}

	resp := &response{Status: 200, Reason: join(why, note), Interp: s.interp, Position: -1}
	if sess != nil && sess.mover != req.Client {
		share := ": clients without their own " + c.Session.Name + " share one cursor (\"undefined results\")"
		if id != "" {
			share = ": clients that send the same " + c.Session.Name + " share its cursor (\"undefined results\")"
		}
		resp.Reason = join(resp.Reason, "the cursor of "+name+" was on page "+itoa(sess.page)+", put there by "+sess.mover+share)
	}
	var items []record
	var p int64
	later := ""
	switch {
	case page == 1:
		if sess == nil {
			sess = &cfSession{}
			s.sessions[id] = sess
		} else {
			later = c.Interp.Reset
		}
		items = w.Page(0, limit)
		sess.start, sess.end = tailGap(w), tailGap(w)
		if len(items) > 0 {
			sess.start = gap{c: w.CursorOf(items[0])}
		}
	case page == sess.page:
		later = c.Interp.Reread
		p = sess.start.pos(w)
		items = w.Slice(p, limit)
		sess.end = sess.start
	case page == sess.page+1:
		p = sess.end.pos(w)
		items = w.Slice(p, limit)
		sess.start = sess.end
	default: // sess.page-1: the page before, newer records
		q := sess.start.pos(w)
		p = max(0, q-limit)
		items = w.Slice(p, q-p)
		sess.end = sess.start
		if len(items) > 0 {
			sess.start = gap{c: w.CursorOf(items[0])}
		}
	}
	if later != "" {
		resp.Interp = sentences(resp.Interp, later)
	}
	if len(items) > 0 {
		sess.end = gap{c: w.CursorOf(items[len(items)-1]), after: true}
		resp.Position = p
	}
	sess.page, sess.mover = page, req.Client
	more := sess.end.pos(w) < w.Len()
	s.earlier = sess.start.pos(w) > 0
	resp.Items = items
	resp.Cost = Cost{Rows: int64(len(items)), Seek: page != 1}
	resp.Served = &servedPage{Session: true, Page: page}
	var fields []pathVal
	if c.PageEcho != "" {
		fields = append(fields, pathVal{c.PageEcho, intVal(page)})
	}
	s.finish(w, resp, fields, limit, more, page == 1)
	return resp
}

// cfSession is one pagination session's cursor: the page it is on and the
// page's edges as positions between records, so that they stay put while
// records arrive and leave around them.
type cfSession struct {
	page       int64
	start, end gap    // the page is the records between start and end
	mover      string // the client that moved it last
}

// gap is a place between two records: just after record c, or just before it.
// Its list position is recomputed at every request, so inserts and deletes
// elsewhere never shift it.
type gap struct {
	c     cursor
	after bool
}

func (g gap) pos(w *world) int64 {
	if g.after {
		return w.Split(g.c)
	}
	return w.Before(g.c)
}

// tailGap is the gap after every record, new ones included: where an empty
// list anchors its page 1.
func tailGap(w *world) gap {
	if w.NewestFirst() {
		return gap{c: cursor{Key: minInt64, ID: minInt64}}
	}
	return gap{c: cursor{Key: maxInt64, ID: maxInt64}}
}

const (
	maxInt64 = int64(^uint64(0) >> 1)
	minInt64 = -maxInt64 - 1
)

// cfMoves names the pages the cursor may go to from page c: "page 2, page
// 0, or back to page 1".
func cfMoves(c int64) string {
	var moves []string
	for _, p := range []int64{c + 1, c - 1} {
		if p != 1 {
			moves = append(moves, "page "+itoa(p))
		}
	}
	moves = append(moves, "back to page 1")
	s := moves[0]
	for i, m := range moves[1:] {
		if len(moves) > 2 {
			s += ","
		}
		if i == len(moves)-2 {
			s += " or"
		}
		s += " " + m
	}
	if c != 1 {
		s += " (or re-read page " + itoa(c) + ")"
	}
	return s
}
