package sim

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
	p := &Profile{
		Name: "json-server", Vendor: "json-server", Source: jsonServerSource, URL: jsonServerURL,
		Summary: "?_page=&_per_page= (v1: first/prev/next/last/pages/items in the body, pages past the end clamped) or ?_page=&_limit= (0.17: Link header, X-Total-Count); 10 a page",
		Options: append(jsonServer1.withDefaults().options(),
			OptionSpec{Name: "version", Default: "1", Help: "1 (json-server v1: _page/_per_page, the paging members in the body) or 0 (0.17: _page/_limit, Link and X-Total-Count headers)", Enum: []string{"1", "0"}}),
		Rules: []RuleNote{
			{Text: "v1: GET /posts?_page=P&_per_page=N returns {first, prev, next, last, pages, items, data}; _per_page defaults to 10; prev and next are null at the ends.", Source: "json-server src/service.ts: \"const perPage = query._per_page || 10\""},
			{Text: "v1: a page past the last is clamped to the last page (and below 1 to page 1): page 9 of 3 returns page 3, with next null.", Source: "json-server src/paginate.test.ts: \"page=9 perPage=2 items=5 -> clamp to last\""},
			{Text: "v1: _page=0 is no paging at all: the whole list comes back as an array (0 is falsy); a _page or _per_page that is not a number is dropped.", Source: "json-server src/service.ts: \"if (page) {\"; src/app.ts: \".filter(([, value]) => !Number.isNaN(value))\""},
			{Text: "v1: an empty list is one empty page: first 1, last 1, pages 1.", Source: "json-server src/paginate.test.ts: \"items=[] page=1 perPage=2 -> stable empty pagination\""},
			{Text: "0.17: \"Use _page and optionally _limit to paginate returned data. In the Link header you'll get first, prev, next and last links.\" \"10 items are returned by default\"; X-Total-Count carries the total.", Source: "json-server README (0.17): Paginate"},
			{Text: "0.17: the links are the request's full URL with its first \"page=<current>\" replaced by the other page's number (a text replace: ?_page=01 gets links that all say _page=01); no links when one page holds everything or the page is past the end.", Source: "json-server src/server/router/plural.js: \"fullURL.replace(`page=${page.current}`, `page=${page.first}`)\"; src/server/utils.js getPage"},
			{Text: "0.17: _page below 1 or not a number is page 1; _limit 0 or not a number is 10.", Source: "json-server src/server/router/plural.js: \"_page = _page >= 1 ? _page : 1\", \"_limit = parseInt(_limit, 10) || 10\""},
			{Text: "0.17: without _page the whole list comes back, or its first _limit records with X-Total-Count when _limit is sent (_start and _end are not modelled); a negative _limit, an empty page in 0.17, is served as 1 a page here.", Interpretation: true},
			{Text: jsIDInterp, Interpretation: true},
			{Text: "Pages are offsets into the array as it is now: records added or removed between page requests shift them."},
		},
	}
	// The option version picks which of the two contracts serves.
	v0 := contractProfile(&Profile{}, jsonServer0.withDefaults())
	registerContract(p, jsonServer1)
	v1 := p.New
	p.reads.Params = append(p.reads.Params, "_limit")
	p.New = func(o *Options) Server {
		if o.Str("version") == "0" {
			return v0.New(o)
		}
		return v1(o)
	}
}

// jsonServer1 is json-server v1 (src/service.ts, src/paginate.ts).
var jsonServer1 = Contract{
	Base: "page", Paths: []string{"/{resource}"}, First: jsonServerFirst,
	Page: In{Name: "_page"}, Limit: In{Name: "_per_page"}, Numbers: "js",
	LimitDefault: 10, LimitMax: MaxPageSize, LimitZero: "default", Invalid: "min", InvalidPos: "min", PastEnd: "last", Unpaged: "all",
	Items:  "data",
	Const:  []Member{{Path: "first", JSON: "1"}},
	Next:   Next{PrevPage: "prev", PageNum: "next", Pages: []string{"last", "pages"}},
	Total:  Total{Field: "items"},
	Interp: Interps{All: jsIDInterp},
}

// jsonServer0 is json-server 0.17 (src/server/router/plural.js, utils.js).
var jsonServer0 = Contract{
	Base: "page", Paths: []string{"/{resource}"}, First: jsonServerFirst,
	Page: In{Name: "_page"}, Limit: In{Name: "_limit"}, Numbers: "js",
	LimitDefault: 10, LimitMax: MaxPageSize, LimitZero: "default", Invalid: "min", InvalidPos: "default", Unpaged: "limit",
	Bare:   true,
	Next:   Next{Link: []string{"first", "prev", "next", "last"}, LinkBase: jsonServerHost, LinkText: true, LinkEdges: "partial"},
	Total:  Total{Header: "X-Total-Count"},
	Interp: Interps{All: jsIDInterp},
}
