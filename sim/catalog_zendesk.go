//go:build !js

package sim

import (
	"strings"

	"pagingplayground/internal/json"
)

// Zendesk's Support API: cursor pagination when the request has page[size]
// (meta.has_more, after_cursor, before_cursor, links.next and links.prev),
// offset pagination otherwise (page, per_page, next_page, count), refused past
// the first 10,000 records.

const (
	zendeskURL    = "https://developer.zendesk.com/api-reference/introduction/pagination/"
	zendeskHost   = "https://example.zendesk.com"
	zendeskFirst  = "GET /api/v2/tickets.json?page[size]=100"
	zendeskSource = "Zendesk API reference: Pagination"
	zendeskLimit  = "Zendesk: New limits for offset-based pagination"
)

// The interpretations, each one sentence of why.
const (
	zdErrorInterp = "Zendesk's pages name the 400 without its body: we answer {\"error\":\"InvalidPaginationParameter\",\"description\":...}."
	zdEndInterp   = "On the last cursor page has_more is false and links.next is null here (the pages show only a page with more)."
)

func init() {
	registerCatalog(&Profile{
		Name: "zendesk", Vendor: "Zendesk", Source: zendeskSource, URL: zendeskURL,
		Summary: "cursor with page[size] (meta.has_more, after_cursor, links.next); offset without it (page, per_page, next_page, count), 400 beyond the first 10,000 records",
		First:   zendeskFirst,
		Options: append(commonOptions(100, 100, "refuse"),
			OptionSpec{Name: "window", Default: "10000", Help: "records offset pagination serves; a page beyond them is a 400", Min: 1, Max: 1_000_000_000}),
		Rules: []RuleNote{
			{Text: "A request with page[size] uses cursor pagination; without it, offset pagination.", Source: zendeskSource + ": \"To use cursor pagination, include the page[size] parameter ... If you omit the page[size] parameter, offset pagination is used.\""},
			{Text: "page[size] goes up to 100.", Source: zendeskSource + ": \"Most endpoints limit this to a maximum of 100.\""},
			{Text: "A cursor response has meta {has_more, after_cursor, before_cursor} and links {next, prev}; next sends page[after]=after_cursor, prev page[before]=before_cursor.", Source: zendeskSource + ": \"\\\"meta\\\": {\\\"has_more\\\": true, \\\"after_cursor\\\": \\\"xxx\\\", \\\"before_cursor\\\": \\\"yyy\\\"}, \\\"links\\\": {\\\"next\\\": \\\"...?page[size]=100&page[after]=xxx\\\", ...}\""},
			{Text: zdEndInterp, Interpretation: true},
			{Text: "Offset pagination takes page and per_page (100 by default) and answers next_page, previous_page and count.", Source: "Zendesk: Paginating through lists using offset pagination"},
			{Text: "Offset requests beyond the first 10,000 records (100 pages of 100) are a 400 Bad Request; larger exports must use cursor pagination.", Source: zendeskLimit + ": \"OBP requests over the first 10,000 records (100 pages) will result in an error message: \\\"400 Bad Request.\\\"\""},
			{Text: zdErrorInterp, Interpretation: true},
			{Text: "Cursors mark a place in the list: tickets created or deleted during a walk shift nothing. Offsets drift."},
		},
		New: func(o *Options) Server { return &zendeskServer{o: o, walks: offsetWalks{}} },
	})
}

type zendeskServer struct {
	o     *Options
	walks offsetWalks
}

func zendeskError(w *World, msg string) *Response {
	r := refuse(w, 400, msg)
	r.Fields = []Field{{"error", Str("InvalidPaginationParameter")}, {"description", Str(msg)}}
	r.Interp = zdErrorInterp
	return r
}

func (s *zendeskServer) itemsKey(path string) string {
	name := path[strings.LastIndexByte(path, '/')+1:]
	name, _ = strings.CutSuffix(name, ".json")
	if name == "" {
		return "tickets"
	}
	return name
}

func (s *zendeskServer) Serve(w *World, req *Request) *Response {
	if _, ok := req.Param("page[size]"); ok {
		return s.cursor(w, req)
	}
	return s.offset(w, req)
}

func (s *zendeskServer) cursor(w *World, req *Request) *Response {
	size, _, why := paramInt(req, "page[size]", s.o.Int("limit"), 1)
	if mx := s.o.Int("max-limit"); size > mx {
		return zendeskError(w, "page[size] must be less than or equal to "+itoa(mx))
	}
	tag := "zendesk:" + req.Path
	resp := &Response{Status: 200, ItemsKey: s.itemsKey(req.Path), Walk: WalkFirst, Position: -1, Reason: why}
	after, hasAfter := req.Param("page[after]")
	before, hasBefore := req.Param("page[before]")
	if hasAfter && hasBefore {
		return zendeskError(w, "page[after] and page[before] cannot be used together")
	}
	var items []Record
	var pos int64
	var more, earlier bool
	switch {
	case hasAfter || hasBefore:
		v := cond(hasAfter, after, before)
		c, bad := readCursor(tag, v)
		if bad != "" {
			return zendeskError(w, "page["+cond(hasAfter, "after", "before")+"] "+quote(v)+" is not a cursor of this list: "+bad)
		}
		if hasAfter {
			items, pos, more = itemsAfter(w, &c, size)
			earlier = true
		} else {
			items, pos, earlier = itemsBefore(w, c, size)
			more = true
		}
		resp.Walk, resp.Cost.Seek = WalkContinue, true
	default:
		items, pos, more = itemsAfter(w, nil, size)
	}
	n := w.Len()
	resp.Items = items
	afterCur, beforeCur := Null(), Null()
	next, prev := "null", "null"
	if len(items) > 0 {
		a := cursorToken(tag, w.CursorOf(items[len(items)-1]))
		b := cursorToken(tag, w.CursorOf(items[0]))
		afterCur, beforeCur = Str(a), Str(b)
		if more {
			next = string(jsonString(zendeskHost + zdBrackets(withParams(req.Path, req.Query, Param{Name: "page[before]"}, Param{Name: "page[after]", Value: a}))))
		}
		if earlier {
			prev = string(jsonString(zendeskHost + zdBrackets(withParams(req.Path, req.Query, Param{Name: "page[after]"}, Param{Name: "page[before]", Value: b}))))
		}
	}
	meta := &json.Writer{}
	meta.Open('{')
	meta.Key("has_more")
	meta.Bool(more)
	meta.Key("after_cursor")
	zdWriteVal(meta, afterCur)
	meta.Key("before_cursor")
	zdWriteVal(meta, beforeCur)
	meta.Close('}')
	resp.Fields = []Field{{"meta", Raw(string(meta.B))}, {"links", Raw(`{"next":` + next + `,"prev":` + prev + `}`)}}
	if next == "null" {
		resp.Interp = zdEndInterp
	}
	return endPage(resp, "flag", more, pos, len(items), n)
}

// zdBrackets writes page[size] as Zendesk's links do, brackets unescaped.
func zdBrackets(target string) string {
	return strings.NewReplacer("%5B", "[", "%5D", "]").Replace(target)
}

func zdWriteVal(w *json.Writer, v Val) {
	if v.IsNull() {
		w.Null()
		return
	}
	w.Str(v.AsString())
}

func (s *zendeskServer) offset(w *World, req *Request) *Response {
	size, _, why1 := paramInt(req, "per_page", s.o.Int("limit"), 1)
	if mx := s.o.Int("max-limit"); size > mx {
		size = mx
	}
	page, _, why2 := paramInt(req, "page", 1, 1)
	off := mulSat(page-1, size)
	if window := s.o.Int("window"); off >= window {
		r := zendeskError(w, "page "+itoa(page)+" of "+itoa(size)+" starts at record "+itoa(off+1)+": offset pagination is limited to the first "+itoa(window)+" records; use cursor pagination (page[size])")
		return r
	}
	n := w.Len()
	items := w.Page(off, min(size, s.o.Int("window")-off))
	url := func(p int64) Val {
		return Str(zendeskHost + withParams(req.Path, req.Query, Param{Name: "page", Value: itoa(p)}))
	}
	next, prev := Null(), Null()
	hasNext := addSat(off, size) < n
	if hasNext {
		next = url(page + 1)
	}
	if page > 1 {
		prev = url(page - 1)
	}
	resp := &Response{Status: 200, ItemsKey: s.itemsKey(req.Path), Items: items, Position: -1, Reason: join(why1, why2)}
	resp.Fields = []Field{{"next_page", next}, {"previous_page", prev}, {"count", Int(n)}}
	resp.Total = TotalReport{Kind: "exact", Reported: n, True: n}
	resp.HasNext = NextReport{Kind: "link", Reported: hasNext, True: off+int64(len(items)) < n}
	resp.Cost = offsetCost(off, int64(len(items)), n)
	var why string
	resp.Walk, why = s.walks.role(req, off, size, pageAt(size))
	resp.Reason = join(resp.Reason, why)
	if len(items) > 0 {
		resp.Position = off
	}
	return resp
}

func (s *zendeskServer) Follow(prev *Request, last *Response, rel string) (*Request, bool, string) {
	if prev == nil || rel == "first" {
		return firstRequest(prev, zendeskFirst, "page[after]", "page[before]", "page")
	}
	if _, cursor := prev.Param("page[size]"); cursor {
		v, _ := last.Field("links")
		links, err := json.Parse(v.AsString())
		name := map[string]string{"next": "next", "prev": "prev"}[rel]
		if rel == "next" {
			if m, _ := last.Field("meta"); strings.Contains(m.AsString(), `"has_more":false`) {
				return nil, false, "no next page: meta.has_more is false"
			}
		}
		u, ok := links.Get(name)
		if err != nil || !ok || u.Kind != json.String {
			return nil, false, "no " + rel + " page: links." + name + " is null"
		}
		return request(prev.Method, u.Str)
	}
	field := map[string]string{"next": "next_page", "prev": "previous_page"}[rel]
	v, _ := last.Field(field)
	if v.IsNull() {
		return nil, false, "no " + rel + " page: " + field + " is null"
	}
	return request(prev.Method, v.AsString())
}
