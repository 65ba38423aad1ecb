//go:build !js

package sim

import (
	"strings"
)

// Django REST framework's CursorPagination, read from
// rest_framework/pagination.py: the cursor is base64 of a query string with
// an offset (o), a direction (r) and a position (p, the value of the first
// ordering field), and the offset counts the records that share the
// boundary's position.

const drfCursorInterp = "CursorPagination orders by a field of the model (\"-created\" by default): here the position is the record's sort key and the order the list's, so ties come from the scenario's sort line."

func init() {
	registerCatalog(&Profile{
		Name: "drf-cursor", Vendor: "Django REST framework", Source: drfSource + ", CursorPagination", URL: drfURL,
		Summary: "CursorPagination: ?cursor= (base64 of o=offset&r=1&p=position), {next, previous, results}, no count; an unreadable cursor is 404 \"Invalid cursor\"",
		First:   "GET /api/items/",
		Options: drfOptions()[:1:1],
		Rules: []RuleNote{
			{Text: "GET /api/items/ returns {\"next\", \"previous\", \"results\"}: no count; next and previous are URLs with a cursor parameter, or null.", Source: "pagination.py CursorPagination.get_paginated_response"},
			{Text: "The cursor is base64 of a query string: o, the offset (left out when 0), r=1 when going backward, p, the position: the value of the first ordering field of the record the page is cut at.", Source: "pagination.py encode_cursor: \"tokens['o'] = str(cursor.offset)\", \"tokens['r'] = '1'\", \"tokens['p'] = cursor.position\"; \"b64encode(querystring.encode('ascii'))\""},
			{Text: "A page continues after the position (created__lt for the default \"-created\"), then skips o records: the ones that share the boundary's position.", Source: "pagination.py: \"kwargs = {order_attr + '__lt': current_position}\"; \"results = list(queryset[offset:offset + self.page_size + 1])\""},
			{Text: "When the records at the page's end share one position, the next cursor keeps an earlier position and counts them in o; a page made only of one position keeps the cursor's position and adds page_size to o.", Source: "pagination.py get_next_link: \"The item in this position has the same position as the item following it, we can't use it as a marker position, so increment the offset\""},
			{Text: "A cursor that cannot be decoded is a 404 {\"detail\": \"Invalid cursor\"}; o above 1000 is cut to 1000.", Source: "pagination.py: \"invalid_cursor_message = _('Invalid cursor')\", \"raise NotFound(self.invalid_cursor_message)\"; \"offset_cutoff = 1000\""},
			{Text: "The links are the request's URL with cursor replaced, the query sorted by name and the cursor percent-encoded (= as %3D).", Source: "utils/urls.py replace_query_param: \"parse.urlencode(sorted(query_dict.items()), doseq=True)\""},
			{Text: drfCursorInterp, Interpretation: true},
			{Text: drfPageSizeInterp, Interpretation: true},
		},
		New: func(o *Options) Server { return &drfCursorServer{o: o} },
	})
}

type drfCursorServer struct{ o *Options }

// drfCursor is pagination.py's Cursor(offset, reverse, position).
type drfCursor struct {
	offset  int64
	reverse bool
	pos     int64
	hasPos  bool
}

// pyQuote is Python's quote_plus, as urlencode writes query values.
func pyQuote(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '_', c == '.', c == '-', c == '~':
			b.WriteByte(c)
		case c == ' ':
			b.WriteByte('+')
		default:
			const hexUpper = "0123456789ABCDEF"
			b.WriteByte('%')
			b.WriteByte(hexUpper[c>>4])
			b.WriteByte(hexUpper[c&15])
		}
	}
	return b.String()
}

// encode is encode_cursor's query string in base64.
func (c drfCursor) encode() string {
	var parts []string
	if c.offset != 0 {
		parts = append(parts, "o="+itoa(c.offset))
	}
	if c.reverse {
		parts = append(parts, "r=1")
	}
	if c.hasPos {
		parts = append(parts, "p="+pyQuote(itoa(c.pos)))
	}
	return base64Encode(strings.Join(parts, "&"))
}

// decodeDRFCursor is decode_cursor; ok is false where DRF answers "Invalid cursor".
func decodeDRFCursor(s string) (c drfCursor, ok bool) {
	text, ok := base64Decode(s)
	if !ok {
		return c, false
	}
	for i := 0; i < len(text); i++ {
		if text[i] >= 0x80 {
			return c, false // .decode('ascii') raises
		}
	}
	for _, part := range strings.Split(text, "&") {
		if part == "" {
			continue
		}
		k, v, _ := strings.Cut(part, "=")
		switch k {
		case "o":
			n, ok := drfPositiveInt(v, false, 1000)
			if !ok {
				return c, false
			}
			c.offset = n
		case "r":
			n, ok := pyInt(v)
			if !ok {
				return c, false
			}
			c.reverse = n != 0
		case "p":
			n, ok := pyInt(strings.ReplaceAll(v, "+", " "))
			if !ok {
				return c, false // interpretation: a position that is not a key
			}
			c.pos, c.hasPos = n, true
		}
	}
	return c, true
}

// drfCursorURL is the request's URL with cursor set to enc (or removed),
// the query sorted and quoted as urlencode writes it.
func drfCursorURL(req *Request, enc string) string {
	q := setParams(req.Query, Param{Name: "cursor", Value: enc})
	sorted := append([]Param(nil), q...)
	for i := 1; i < len(sorted); i++ {
		for j := i; j > 0 && sorted[j].Name < sorted[j-1].Name; j-- {
			sorted[j], sorted[j-1] = sorted[j-1], sorted[j]
		}
	}
	var b strings.Builder
	b.WriteString(drfHost + req.Path)
	for i, p := range sorted {
		b.WriteString(cond(i == 0, "?", "&"))
		b.WriteString(pyQuote(p.Name) + "=" + pyQuote(p.Value))
	}
	return b.String()
}

func (s *drfCursorServer) Serve(w *World, req *Request) *Response {
	size := s.o.Int("limit")
	cur := drfCursor{}
	hasCursor := false
	if v, ok := req.Param("cursor"); ok {
		c, ok := decodeDRFCursor(v)
		if !ok {
			return drfNotFound(w, "Invalid cursor")
		}
		cur, hasCursor = c, true
	}
	n := w.Len()
	key := func(r Record) int64 { return r.Key }
	// The query in list order: [lo, hi) of list positions, then the page.
	var results []Record // in query order (reversed for a reverse cursor)
	if !cur.reverse {
		start := cur.offset
		if cur.hasPos {
			start += w.Split(Cursor{Key: cur.pos, KeyOnly: true})
		}
		results = w.Page(start, size+1)
	} else {
		e := n
		if cur.hasPos {
			e = w.Before(Cursor{Key: cur.pos, KeyOnly: true})
		}
		hi := max(0, e-cur.offset)
		lo := max(0, hi-size-1)
		list := w.Page(lo, hi-lo)
		for i := len(list) - 1; i >= 0; i-- {
			results = append(results, list[i])
		}
	}
	page := results[:min(int64(len(results)), size)]
	hasFollowing := int64(len(results)) > int64(len(page))
	var following int64
	if hasFollowing {
		following = key(results[len(results)-1])
	}
	if cur.reverse {
		rev := make([]Record, len(page))
		for i, r := range page {
			rev[len(page)-1-i] = r
		}
		page = rev
	}
	var hasNext, hasPrev bool
	var nextPos, prevPos int64
	var nextHas, prevHas bool
	if cur.reverse {
		hasNext = cur.hasPos || cur.offset > 0
		hasPrev = hasFollowing
		nextPos, nextHas = cur.pos, cur.hasPos
		prevPos, prevHas = following, hasFollowing
	} else {
		hasNext = hasFollowing
		hasPrev = cur.hasPos || cur.offset > 0
		nextPos, nextHas = following, hasFollowing
		prevPos, prevHas = cur.pos, cur.hasPos
	}
	next, prev := "", ""
	if hasNext {
		next = drfCursorURL(req, s.nextCursor(cur, hasCursor, page, size, hasPrev, nextPos, nextHas, prevPos, prevHas).encode())
	}
	if hasPrev {
		prev = drfCursorURL(req, s.prevCursor(cur, hasCursor, page, size, hasNext, nextPos, nextHas, prevPos, prevHas).encode())
	}
	resp := &Response{Status: 200, Items: page, Interp: drfCursorInterp, Position: -1, Walk: WalkFirst}
	drfPage(resp, 0, false, next, prev)
	pos := int64(0)
	if len(page) > 0 {
		pos = w.Position(page[0].ID)
		resp.Position = pos
	}
	if hasCursor {
		resp.Walk, resp.Cost.Seek = WalkContinue, true
	}
	resp.Cost.Rows = cur.offset + int64(len(results))
	resp.Total = TotalReport{Kind: "absent", True: n}
	resp.HasNext = NextReport{Kind: "link", Reported: next != "", True: len(page) > 0 && pos+int64(len(page)) < n}
	return resp
}

// nextCursor is get_next_link's cursor.
func (s *drfCursorServer) nextCursor(cur drfCursor, hasCursor bool, page []Record, size int64, hasPrev bool, nextPos int64, nextHas bool, prevPos int64, prevHas bool) drfCursor {
	var compare int64
	compareHas := nextHas
	if hasCursor && cur.reverse && cur.offset != 0 && len(page) > 0 {
		compare, compareHas = page[len(page)-1].Key, true
	} else {
		compare = nextPos
	}
	offset := int64(0)
	unique := false
	var position int64
	positionHas := false
	for i := len(page) - 1; i >= 0; i-- {
		position, positionHas = page[i].Key, true
		if !compareHas || position != compare {
			unique = true
			break
		}
		compare, compareHas = position, true
		offset++
	}
	if len(page) > 0 && !unique {
		switch {
		case !hasPrev:
			offset, positionHas = size, false
		case cur.reverse:
			offset, position, positionHas = 0, prevPos, prevHas
		default:
			offset, position, positionHas = cur.offset+size, prevPos, prevHas
		}
	}
	if len(page) == 0 {
		position, positionHas = nextPos, nextHas
	}
	return drfCursor{offset: offset, pos: position, hasPos: positionHas}
}

// prevCursor is get_previous_link's cursor.
func (s *drfCursorServer) prevCursor(cur drfCursor, hasCursor bool, page []Record, size int64, hasNext bool, nextPos int64, nextHas bool, prevPos int64, prevHas bool) drfCursor {
	var compare int64
	compareHas := prevHas
	if hasCursor && !cur.reverse && cur.offset != 0 && len(page) > 0 {
		compare, compareHas = page[0].Key, true
	} else {
		compare = prevPos
	}
	offset := int64(0)
	unique := false
	var position int64
	positionHas := false
	for _, r := range page {
		position, positionHas = r.Key, true
		if !compareHas || position != compare {
			unique = true
			break
		}
		compare, compareHas = position, true
		offset++
	}
	if len(page) > 0 && !unique {
		switch {
		case !hasNext:
			offset, positionHas = size, false
		case cur.reverse:
			offset, position, positionHas = cur.offset+size, nextPos, nextHas
		default:
			offset, position, positionHas = 0, nextPos, nextHas
		}
	}
	if len(page) == 0 {
		position, positionHas = prevPos, prevHas
	}
	return drfCursor{offset: offset, reverse: true, pos: position, hasPos: positionHas}
}

func (s *drfCursorServer) Follow(prev *Request, last *Response, rel string) (*Request, bool, string) {
	return drfFollow(prev, last, rel, "GET /api/items/")
}
