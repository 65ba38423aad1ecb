package sim

import "strings"

// A position cursor (contract.CursorKind "position", Django REST
// framework's CursorPagination, after Disqus): the cursor names the sort key
// of the record a page is cut at (p), how many records sharing that key to
// skip (o), and the direction (r), as base64 of the query string
// "o=3&r=1&p=151". It keeps working when records arrive or go, and repeats
// and skips records whose keys tie across a page boundary.

// posCursor is pagination.py's Cursor(offset, reverse, position).
type posCursor struct {
	offset  int64
	reverse bool
	pos     int64
	hasPos  bool
}

// encode is encode_cursor: the query string in base64.
func (c posCursor) encode() string {
	var parts []string
	if c.offset != 0 {
		parts = append(parts, "o="+itoa(c.offset))
	}
	if c.reverse {
		parts = append(parts, "r=1")
	}
	if c.hasPos {
		parts = append(parts, "p="+itoa(c.pos))
	}
	return base64Encode(strings.Join(parts, "&"))
}

// decodePosCursor is decode_cursor; ok is false where DRF answers "Invalid
// cursor": not base64 of ASCII, o not a whole number of 0 or more (cut to
// 1000, offset_cutoff), r or p not whole numbers.
func decodePosCursor(s string) (c posCursor, ok bool) {
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
		k, v, _ := strings.Cut(part, "=")
		n, good := readNumber("python", strings.ReplaceAll(v, "+", " "))
		switch {
		case part == "" || k != "o" && k != "r" && k != "p":
		case !good || k == "o" && n < 0:
			return c, false
		case k == "o":
			c.offset = min(n, 1000)
		case k == "r":
			c.reverse = n != 0
		default:
			c.pos, c.hasPos = n, true
		}
	}
	return c, true
}

// servePosition serves a page of a position cursor contract.
func (s *contractServer) servePosition(w *world, req *request, size int64, note string) *response {
	c := &s.c
	cur := posCursor{}
	v, hasCursor := s.read(req, c.After)
	if hasCursor {
		var ok bool
		if cur, ok = decodePosCursor(v); !ok {
			return s.fail(w, "cursor", c.ErrorStatus, "the cursor "+quote(v)+" is not one this API writes", c.After.Name, v)
		}
	}
	n := w.Len()
	// The query in list order, then the page (reversed for a reverse cursor).
	var results []record
	if !cur.reverse {
		start := cur.offset
		if cur.hasPos {
			start += w.Split(cursor{Key: cur.pos, KeyOnly: true})
		}
		results = w.Page(start, size+1)
	} else {
		e := n
		if cur.hasPos {
			e = w.Before(cursor{Key: cur.pos, KeyOnly: true})
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
		following = results[len(results)-1].Key
	}
	if cur.reverse {
		rev := make([]record, len(page))
		for i, r := range page {
			rev[len(page)-1-i] = r
		}
		page = rev
	}
	// The positions either side: the cursor's, and the record following
	// the page in the query's direction.
	hasNext, hasPrev := hasFollowing, cur.hasPos || cur.offset > 0
	nextPos, nextHas, prevPos, prevHas := following, hasFollowing, cur.pos, cur.hasPos
	if cur.reverse {
		hasNext, hasPrev = hasPrev, hasNext
		nextPos, nextHas, prevPos, prevHas = prevPos, prevHas, nextPos, nextHas
	}
	resp := served(response{Status: 200, Items: page, Reason: note, Position: -1}, servedPage{Cursor: true, Start: !hasCursor})
	var fields []pathVal
	link := func(pc posCursor) val {
		return strVal(c.Next.LinkBase + s.query(req, Param{Name: c.After.Name, Value: pc.encode()}))
	}
	// get_next_link and get_previous_link: walk in from the page's edge
	// over the records that share the edge's position, counting them in o.
	edge := func(forward bool) posCursor {
		compare, compareHas := nextPos, nextHas
		if !forward {
			compare, compareHas = prevPos, prevHas
		}
		last := 0
		if forward {
			last = len(page) - 1
		}
		if hasCursor && cur.reverse == forward && cur.offset != 0 && len(page) > 0 {
			compare, compareHas = page[last].Key, true
		}
		out := posCursor{reverse: !forward}
		unique := false
		for i := range page {
			r := page[i]
			if forward {
				r = page[len(page)-1-i]
			}
			out.pos, out.hasPos = r.Key, true
			if !compareHas || r.Key != compare {
				unique = true
				break
			}
			compare, compareHas = r.Key, true
			out.offset++
		}
		other, otherHas, more := prevPos, prevHas, hasPrev
		if !forward {
			other, otherHas, more = nextPos, nextHas, hasNext
		}
		switch {
		case len(page) == 0: // the position the page was asked at
			out.pos, out.hasPos = nextPos, nextHas
			if !forward {
				out.pos, out.hasPos = prevPos, prevHas
			}
		case unique:
		case !more:
			out.offset, out.hasPos = size, false
		case cur.reverse == forward:
			out.offset, out.pos, out.hasPos = 0, other, otherHas
		default:
			out.offset, out.pos, out.hasPos = cur.offset+size, other, otherHas
		}
		return out
	}
	fields = s.end(fields, c.Next.URL, hasNext, func() val { return link(edge(true)) })
	fields = s.end(fields, c.Next.PrevURL, hasPrev, func() val { return link(edge(false)) })
	if len(page) > 0 {
		resp.Position = w.Position(page[0].ID)
	}
	resp.Cost.Seek = hasCursor
	resp.Cost.Rows = cur.offset + int64(len(results))
	s.finish(w, resp, fields, size, hasNext, !hasCursor)
	resp.HasNext.True = len(page) > 0 && resp.Position+int64(len(page)) < n
	return resp
}

const base64Std = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

// base64Encode is standard base64 with padding (RFC 4648 §4), as
// graphql-relay-js and Django REST framework encode their cursors.
func base64Encode(s string) string {
	b := make([]byte, 0, (len(s)+2)/3*4)
	for i := 0; i < len(s); i += 3 {
		var v uint32
		n := min(3, len(s)-i)
		for j := 0; j < 3; j++ {
			v <<= 8
			if j < n {
				v |= uint32(s[i+j])
			}
		}
		for j := 0; j < 4; j++ {
			if j <= n {
				b = append(b, base64Std[(v>>(18-6*j))&63])
			} else {
				b = append(b, '=')
			}
		}
	}
	return string(b)
}

// base64Decode reverses base64Encode; ok is false for anything that is not
// padded standard base64.
func base64Decode(s string) (string, bool) {
	if len(s)%4 != 0 {
		return "", false
	}
	out := make([]byte, 0, len(s)/4*3)
	for i := 0; i < len(s); i += 4 {
		var v uint32
		pad := 0
		for j := 0; j < 4; j++ {
			c := s[i+j]
			d := strings.IndexByte(base64Std, c)
			switch {
			case c == '=' && i+4 == len(s) && j >= 2:
				pad++
				d = 0
			case d < 0 || pad > 0:
				return "", false
			}
			v = v<<6 | uint32(d)
		}
		out = append(out, byte(v>>16), byte(v>>8), byte(v))
		out = out[:len(out)-pad]
	}
	return string(out), true
}
