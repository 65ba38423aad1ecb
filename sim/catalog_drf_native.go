//go:build !js

package sim

import (
	"slices"
	"strconv"
	"strings"

	"pagingplayground/internal/reqtarget"
)

// Django REST framework's paginators still written as Go servers (native
// builds only, catalog.go): PageNumberPagination and the helpers
// CursorPagination shares; catalog_drf.go has LimitOffsetPagination as a
// declared contract.

func drfOptions() []OptionSpec {
	return append([]OptionSpec{
		{Name: "limit", Default: "100", Help: "PAGE_SIZE: records per page when the request names none", Min: 1, Max: MaxPageSize},
		{Name: "max-limit", Default: "0", Help: "max_page_size / max_limit: the largest size a client may ask for, larger ones are cut to it (0: no maximum)", Min: 0, Max: MaxPageSize},
	}, rateOptions()...)
}

func init() {
	registerCatalog(&Profile{
		Name: "drf-page", Vendor: "Django REST framework", Source: drfSource + ", PageNumberPagination", URL: drfURL,
		Summary: "PageNumberPagination: ?page=N (or page=last), {count, next, previous, results}; a page past the end is 404 \"Invalid page.\"",
		First:   "GET /api/items/",
		Options: append(drfOptions(),
			OptionSpec{Name: "page-size-param", Default: "none", Help: "page_size_query_param: none (the client cannot choose) or page_size", Enum: []string{"none", "page_size"}}),
		Rules: []RuleNote{
			{Text: "GET /api/items/?page=4 returns {\"count\", \"next\", \"previous\", \"results\"}; count is exact; next and previous are absolute URLs or null.", Source: "pagination.py PageNumberPagination.get_paginated_response"},
			{Text: "page=last is the last page.", Source: "pagination.py: \"last_page_strings = ('last',)\""},
			{Text: "A page that is not a whole number, below 1, or past the last page is a 404 {\"detail\": \"Invalid page.\"} (an empty list still has page 1).", Source: "pagination.py: \"except InvalidPage as exc: ... raise NotFound(msg)\"; Django's Paginator.validate_number"},
			{Text: "The client chooses the size only if page_size_query_param is set (option page-size-param=page_size); a size that is not a positive whole number gets PAGE_SIZE, a larger one than max_page_size is cut to it.", Source: "pagination.py get_page_size: \"_positive_int(..., strict=True, cutoff=self.max_page_size)\""},
			{Text: drfPageSizeInterp, Interpretation: true},
			{Text: "The next link is the request's URL with page replaced; the previous link of page 2 drops page altogether; both rewrite the query sorted by name.", Source: "utils/urls.py replace_query_param: \"parse.urlencode(sorted(query_dict.items()), doseq=True)\"; get_previous_link: \"if page_number == 1: return remove_query_param(url, self.page_query_param)\""},
			{Text: "Pages are offsets: records deleted during a walk can make the page that next pointed to vanish, and following it is a 404."},
		},
		New: func(o *Options) Server { return &drfPageServer{o: o, walks: offsetWalks{}} },
	})
}

// pyInt is Python's int(s) for query values: optional spaces and sign, then
// decimal digits (underscores between digits allowed, as int() allows).
func pyInt(s string) (int64, bool) {
	s = strings.TrimSpace(s)
	neg := false
	if s != "" && (s[0] == '-' || s[0] == '+') {
		neg, s = s[0] == '-', s[1:]
	}
	if s == "" || s[0] == '_' || s[len(s)-1] == '_' || strings.Contains(s, "__") {
		return 0, false
	}
	n, err := strconv.ParseInt(strings.ReplaceAll(s, "_", ""), 10, 64)
	if err != nil || n < 0 {
		return 0, false
	}
	if neg {
		n = -n
	}
	return n, true
}

// drfPositiveInt is pagination.py's _positive_int: ok is false where it
// raises ValueError.
func drfPositiveInt(s string, strict bool, cutoff int64) (int64, bool) {
	n, ok := pyInt(s)
	if !ok || n < 0 || (n == 0 && strict) {
		return 0, false
	}
	if cutoff > 0 {
		n = min(n, cutoff)
	}
	return n, true
}

// drfURLWith is utils/urls.py's replace_query_param and remove_query_param
// over the request's absolute URL: the query rebuilt sorted by name.
func drfURLWith(req *Request, set ...Param) string {
	q := setParams(req.Query, set...)
	slices.SortStableFunc(q, func(a, b Param) int { return strings.Compare(a.Name, b.Name) })
	return drfHost + reqtarget.String(req.Path, q)
}

func drfNotFound(w *World, detail string) *Response {
	r := refuse(w, 404, detail)
	r.Fields = []Field{{"detail", Str(detail)}}
	return r
}

// drfPage is the body all three paginators share.
func drfPage(resp *Response, count int64, hasCount bool, next, prev string) {
	resp.ItemsKey = "results"
	url := func(s string) Val {
		if s == "" {
			return Null()
		}
		return Str(s)
	}
	if hasCount {
		resp.Fields = append(resp.Fields, Field{"count", Int(count)})
	}
	resp.Fields = append(resp.Fields, Field{"next", url(next)}, Field{"previous", url(prev)})
}

// drfFollow follows the body's next or previous URL.
func drfFollow(prev *Request, last *Response, rel, first string) (*Request, bool, string) {
	if prev == nil {
		return firstRequest(nil, first)
	}
	field := map[string]string{"next": "next", "prev": "previous", "first": ""}[rel]
	if field == "" {
		return firstRequest(prev, first, "page", "offset", "cursor")
	}
	v, _ := last.Field(field)
	if v.IsNull() {
		return nil, false, "no " + rel + " page: " + field + " is null"
	}
	return request(prev.Method, v.AsString())
}

type drfPageServer struct {
	o     *Options
	walks offsetWalks
}

func (s *drfPageServer) Serve(w *World, req *Request) *Response {
	size := s.o.Int("limit")
	interp := drfPageSizeInterp
	if s.o.Str("page-size-param") == "page_size" {
		if v, ok := req.Param("page_size"); ok {
			if n, ok := drfPositiveInt(v, true, s.o.Int("max-limit")); ok {
				size, interp = n, ""
			}
		}
	}
	n := w.Len()
	pages := max(1, (n+size-1)/size) // allow_empty_first_page
	page := int64(1)
	if v, ok := req.Param("page"); ok {
		if v == "last" {
			page = pages
		} else if p, ok := pyInt(v); !ok {
			return drfNotFound(w, "Invalid page.")
		} else {
			page = p
		}
	}
	if page < 1 || page > pages {
		r := drfNotFound(w, "Invalid page.")
		r.Reason = "Invalid page.: page " + itoa(page) + " is outside 1.." + itoa(pages) + " (" + plural(n, "record") + ", " + itoa(size) + " a page)"
		return r
	}
	off := (page - 1) * size
	items := w.Page(off, size)
	next, prev := "", ""
	if page < pages {
		next = drfURLWith(req, Param{Name: "page", Value: itoa(page + 1)})
	}
	if page == 2 {
		prev = drfURLWith(req, Param{Name: "page"})
	} else if page > 2 {
		prev = drfURLWith(req, Param{Name: "page", Value: itoa(page - 1)})
	}
	resp := &Response{Status: 200, Items: items, Interp: interp, Position: -1}
	drfPage(resp, n, true, next, prev)
	resp.Total = TotalReport{Kind: "exact", Reported: n, True: n}
	resp.HasNext = NextReport{Kind: "link", Reported: next != "", True: off+int64(len(items)) < n}
	resp.Cost = offsetCost(off, int64(len(items)), n)
	resp.Walk, resp.Reason = s.walks.role(req, off, size, pageAt(size))
	if len(items) > 0 {
		resp.Position = off
	}
	return resp
}

func (s *drfPageServer) Follow(prev *Request, last *Response, rel string) (*Request, bool, string) {
	return drfFollow(prev, last, rel, "GET /api/items/")
}
