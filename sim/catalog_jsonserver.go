//go:build !js

package sim

import (
	"strings"

	"pagingplayground/internal/linkheader"
)

// json-server, the fake REST API many front ends are built against. Version 0
// (0.17, the README's "Paginate": _page and _limit, a Link header and
// X-Total-Count) and version 1 (_page and _per_page, the paging members in the
// body). Read from typicode/json-server: src/server/router/plural.js and
// src/server/utils.js (getPage) for 0.17, src/service.ts and src/paginate.ts
// (with its tests) for v1.

const (
	jsonServerURL    = "https://github.com/typicode/json-server"
	jsonServerHost   = "http://localhost:3000"
	jsonServerFirst  = "GET /posts?_page=1"
	jsonServerSource = "json-server's README and source"
)

// The interpretations, each one sentence of why.
const (
	jsIDInterp = "Ids are numbers here; json-server v1 turns numeric ids into strings (\"1\"), which changes nothing about paging."
)

func init() {
	registerCatalog(&Profile{
		Name: "json-server", Vendor: "json-server", Source: jsonServerSource, URL: jsonServerURL,
		Summary: "?_page=&_per_page= (v1: first/prev/next/last/pages/items in the body, pages past the end clamped) or ?_page=&_limit= (0.17: Link header, X-Total-Count); 10 a page",
		First:   jsonServerFirst,
		Options: append([]OptionSpec{
			{Name: "version", Default: "1", Help: "1 (json-server v1: _page/_per_page, the paging members in the body) or 0 (0.17: _page/_limit, Link and X-Total-Count headers)", Enum: []string{"1", "0"}},
		}, rateOptions()...),
		Rules: []RuleNote{
			{Text: "v1: GET /posts?_page=P&_per_page=N returns {first, prev, next, last, pages, items, data}; _per_page defaults to 10; prev and next are null at the ends.", Source: "json-server src/service.ts: \"const perPage = query._per_page || 10\""},
			{Text: "v1: a page past the last is clamped to the last page (and below 1 to page 1): page 9 of 3 returns page 3, with next null.", Source: "json-server src/paginate.test.ts: \"page=9 perPage=2 items=5 -> clamp to last\""},
			{Text: "v1: _page=0 is no paging at all: the whole list comes back as an array (0 is falsy); a _page or _per_page that is not a number is dropped.", Source: "json-server src/service.ts: \"if (page) {\"; src/app.ts: \".filter(([, value]) => !Number.isNaN(value))\""},
			{Text: "v1: an empty list is one empty page: first 1, last 1, pages 1.", Source: "json-server src/paginate.test.ts: \"items=[] page=1 perPage=2 -> stable empty pagination\""},
			{Text: "0.17: \"Use _page and optionally _limit to paginate returned data. In the Link header you'll get first, prev, next and last links.\" \"10 items are returned by default\"; X-Total-Count carries the total.", Source: "json-server README (0.17): Paginate"},
			{Text: "0.17: the links are the request's full URL with its first \"page=<current>\" replaced by the other page's number (a text replace: ?_page=01 gets links that all say _page=01); no links when one page holds everything or the page is past the end.", Source: "json-server src/server/router/plural.js: \"fullURL.replace(`page=${page.current}`, `page=${page.first}`)\"; src/server/utils.js getPage"},
			{Text: "0.17: _page below 1 or not a number is page 1; _limit not a number is 10.", Source: "json-server src/server/router/plural.js: \"_page = _page >= 1 ? _page : 1\", \"_limit = parseInt(_limit, 10) || 10\""},
			{Text: jsIDInterp, Interpretation: true},
			{Text: "Pages are offsets into the array as it is now: records added or removed between page requests shift them."},
		},
		New: func(o *Options) Server { return &jsonServer{o: o, walks: offsetWalks{}} },
	})
}

type jsonServer struct {
	o     *Options
	walks offsetWalks
}

// jsParseInt is JavaScript's parseInt(s, 10) for what json-server reads: the
// leading digits (after an optional sign), ok false for NaN.
func jsParseInt(s string) (int64, bool) {
	s = strings.TrimLeft(s, " \t\n")
	neg := false
	if s != "" && (s[0] == '-' || s[0] == '+') {
		neg, s = s[0] == '-', s[1:]
	}
	i := 0
	var n int64
	for i < len(s) && s[i] >= '0' && s[i] <= '9' && i < 15 {
		n = n*10 + int64(s[i]-'0')
		i++
	}
	if i == 0 {
		return 0, false
	}
	if neg {
		n = -n
	}
	return n, true
}

func (s *jsonServer) Serve(w *World, req *Request) *Response {
	if s.o.Str("version") == "0" {
		return s.serve0(w, req)
	}
	return s.serve1(w, req)
}

func (s *jsonServer) serve1(w *World, req *Request) *Response {
	n := w.Len()
	resp := &Response{Status: 200, Position: -1, Interp: jsIDInterp, Total: TotalReport{Kind: "exact", Reported: n, True: n}}
	page, hasPage := int64(0), false
	if v, ok := req.Param("_page"); ok {
		page, hasPage = jsParseInt(v)
	}
	perPage := int64(10)
	if v, ok := req.Param("_per_page"); ok {
		if p, ok := jsParseInt(v); ok && p != 0 {
			perPage = p
		}
	}
	if perPage < 1 {
		perPage = 1
	}
	if !hasPage || page == 0 {
		// Not paged: the whole array (capped by the simulator's page size
		// limit, as a browser would choke first).
		resp.Bare, resp.Items = true, w.Page(0, min(n, MaxPageSize))
		resp.Reason = "no _page (or _page=0): json-server returns the whole list, not a page"
		resp.Total = TotalReport{Kind: "absent", True: n}
		resp.HasNext = NextReport{Kind: "none", True: int64(len(resp.Items)) < n}
		resp.Cost = Cost{Rows: int64(len(resp.Items))}
		resp.Walk = WalkFirst
		if len(resp.Items) > 0 {
			resp.Position = 0
		}
		return resp
	}
	pages := max(1, (n+perPage-1)/perPage)
	asked := page
	page = max(1, min(page, pages))
	if page != asked {
		resp.Reason = "_page=" + itoa(asked) + " is outside 1.." + itoa(pages) + ": json-server clamps it to page " + itoa(page)
	}
	prev, next := Null(), Null()
	if page > 1 {
		prev = Int(page - 1)
	}
	if page < pages {
		next = Int(page + 1)
	}
	off := (page - 1) * perPage
	items := w.Page(off, perPage)
	resp.ItemsKey, resp.Items = "data", items
	resp.Fields = []Field{{"first", Int(1)}, {"prev", prev}, {"next", next}, {"last", Int(pages)}, {"pages", Int(pages)}, {"items", Int(n)}}
	resp.HasNext = NextReport{Kind: "flag", Reported: page < pages, True: off+int64(len(items)) < n}
	resp.Cost = offsetCost(off, int64(len(items)), n)
	var why string
	resp.Walk, why = s.walks.role(req, off, perPage, pageAt(perPage))
	resp.Reason = join(resp.Reason, why)
	if len(items) > 0 {
		resp.Position = off
	}
	return resp
}

func (s *jsonServer) serve0(w *World, req *Request) *Response {
	n := w.Len()
	resp := &Response{Status: 200, Bare: true, Position: -1, Interp: jsIDInterp}
	v, hasPage := req.Param("_page")
	limitText, hasLimit := req.Param("_limit")
	if hasPage || hasLimit {
		resp.Header = append(resp.Header, Header{"X-Total-Count", itoa(n)})
		resp.Total = TotalReport{Kind: "exact", Reported: n, True: n}
	} else {
		resp.Total = TotalReport{Kind: "absent", True: n}
	}
	if !hasPage {
		limit := min(n, MaxPageSize)
		if hasLimit {
			if l, ok := jsParseInt(limitText); ok {
				limit = max(0, min(l, limit))
			}
		}
		resp.Items = w.Page(0, limit)
		resp.Walk = WalkFirst
		resp.HasNext = NextReport{Kind: "none", True: int64(len(resp.Items)) < n}
		resp.Cost = Cost{Rows: int64(len(resp.Items))}
		if len(resp.Items) > 0 {
			resp.Position = 0
		}
		return resp
	}
	page, ok := jsParseInt(v)
	if !ok || page < 1 {
		page = 1
	}
	limit := int64(10)
	if l, ok := jsParseInt(limitText); ok && l != 0 {
		limit = l
	}
	if limit < 1 {
		// parseInt gives a negative limit, which slice(start, end) turns
		// into an empty page; we keep the page empty too.
		limit = 0
	}
	off := mulSat(page-1, limit)
	items := w.Page(off, limit)
	resp.Items = items
	// getPage: no links for an empty page, none when the page holds everything.
	var links []linkheader.Link
	more := addSat(off, limit) < n
	if len(items) > 0 && int64(len(items)) != n {
		full := jsonServerHost + req.Target
		if strings.HasPrefix(req.Target, "http://") || strings.HasPrefix(req.Target, "https://") {
			full = req.Target
		}
		at := func(p int64) string { return strings.Replace(full, "page="+itoa(page), "page="+itoa(p), 1) }
		links = append(links, linkheader.Link{URL: at(1), Rel: []string{"first"}})
		if page > 1 {
			links = append(links, linkheader.Link{URL: at(page - 1), Rel: []string{"prev"}})
		}
		if more {
			links = append(links, linkheader.Link{URL: at(page + 1), Rel: []string{"next"}})
		}
		links = append(links, linkheader.Link{URL: at((n + limit - 1) / limit), Rel: []string{"last"}})
		resp.Header = append(resp.Header, Header{"Link", linkheader.Format(links)})
	}
	resp.HasNext = NextReport{Kind: "link", Reported: len(items) > 0 && more, True: off+int64(len(items)) < n}
	resp.Cost = offsetCost(off, int64(len(items)), n)
	if limit > 0 {
		var why string
		resp.Walk, why = s.walks.role(req, off, limit, pageAt(limit))
		resp.Reason = why
	}
	if len(items) > 0 {
		resp.Position = off
	}
	return resp
}

func (s *jsonServer) Follow(prev *Request, last *Response, rel string) (*Request, bool, string) {
	if prev == nil {
		return firstRequest(nil, jsonServerFirst)
	}
	if s.o.Str("version") == "0" {
		if last.HeaderValue("Link") == "" && rel == "first" {
			return follow(prev, Param{Name: "_page", Value: "1"})
		}
		return followLink(prev, last, rel)
	}
	if rel == "first" {
		return follow(prev, Param{Name: "_page", Value: "1"})
	}
	v, ok := last.Field(rel)
	if !ok {
		return nil, false, "no " + rel + " page: the response is not a page (send _page)"
	}
	if v.IsNull() {
		return nil, false, "no " + rel + " page: " + rel + " is null"
	}
	return follow(prev, Param{Name: "_page", Value: v.AsString()})
}
