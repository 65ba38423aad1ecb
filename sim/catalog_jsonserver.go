package sim

// json-server, the fake REST API many front ends are built against. Version 0
// (0.17, the README's "Paginate": _page and _limit, a Link header and
// X-Total-Count) and version 1 (_page and _per_page, the paging members in the
// body). Read from typicode/json-server: src/server/router/plural.js and
// src/server/utils.js (getPage) for 0.17 (0.17.4 on npm), src/app.ts
// (parseListParams), src/service.ts and src/paginate.ts (with its tests) for
// v1 (1.0.0-beta.15 on npm).

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
		Options: append(jsonServer1.withDefaults().options(),
			OptionSpec{Name: "version", Default: "1", Help: "1 (json-server v1: _page/_per_page, the paging members in the body) or 0 (0.17: _page/_limit, Link and X-Total-Count headers)", Enum: []string{"1", "0"}}),
	}
	// The option version picks which of the two contracts serves.
	v0 := contractProfile(&Profile{}, jsonServer0.withDefaults())
	registerContract(p, jsonServer1)
	v1 := p.newServer
	p.reads.Unread = "v1 filters the records by a field of that name, which none has, so none come back (0.17 reads _limit, _start and _end, and ignores the rest)"
	p.newServer = func(o *options) server {
		if o.Str("version") == "0" {
			return v0.newServer(o)
		}
		return v1(o)
	}
}

// jsonServer1 is json-server v1 (src/service.ts, src/paginate.ts).
var jsonServer1 = contract{
	Base: "page", Paths: []string{"/{resource}"}, First: jsonServerFirst,
	Page: paramIn{Name: "_page"}, Limit: paramIn{Name: "_per_page"}, Numbers: "js", Params: []string{"_sort", "_embed", "_where"}, Filter: true,
	LimitDefault: 10, LimitMax: maxPageSize, Invalid: "min", InvalidPos: "min", PastEnd: "last", Unpaged: "all",
	Items:  "data",
	Const:  []fixedMember{{Path: "first", JSON: "1"}},
	Next:   nextSignal{PrevPage: "prev", PageNum: "next", Pages: []string{"last", "pages"}},
	Total:  totalRule{Field: "items"},
	Interp: interps{All: jsIDInterp},
}

// jsonServer0 is json-server 0.17 (src/server/router/plural.js, utils.js).
var jsonServer0 = contract{
	Base: "page", Paths: []string{"/{resource}"}, First: jsonServerFirst,
	Page: paramIn{Name: "_page"}, Limit: paramIn{Name: "_limit"}, Offset: paramIn{Name: "_start"}, End: paramIn{Name: "_end"}, Numbers: "js",
	LimitDefault: 10, LimitMax: maxPageSize, LimitZero: "default", Invalid: "slice", InvalidPos: "default", Unpaged: "limit",
	Bare:   true,
	Next:   nextSignal{Link: []string{"first", "prev", "next", "last"}, LinkBase: jsonServerHost, LinkText: true, LinkEdges: "partial"},
	Total:  totalRule{Header: "X-Total-Count"},
	Interp: interps{All: jsIDInterp},
}
