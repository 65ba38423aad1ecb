//go:build !js

package sim

import (
	"slices"
	"strconv"
	"strings"

	"pagingplayground/internal/reqtarget"
)

// The helpers Django REST framework's CursorPagination, still a Go server
// (native builds only, catalog.go), shares; catalog_drf.go has
// PageNumberPagination and LimitOffsetPagination as declared contracts.

func drfOptions() []OptionSpec {
	return append([]OptionSpec{
		{Name: "limit", Default: "100", Help: "PAGE_SIZE: records per page when the request names none", Min: 1, Max: MaxPageSize},
		{Name: "max-limit", Default: "0", Help: "max_page_size / max_limit: the largest size a client may ask for, larger ones are cut to it (0: no maximum)", Min: 0, Max: MaxPageSize},
	}, rateOptions()...)
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
