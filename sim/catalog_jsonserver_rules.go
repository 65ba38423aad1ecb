//go:build !js

package sim

// The summary and rules of each profile in catalog_jsonserver.go: native builds only
// (profileText says why).

var _ = profileText(&Profile{Name: "json-server",
	Summary: "?_page=&_per_page= (v1: first/prev/next/last/pages/items in the body, pages past the end clamped) or ?_page=&_limit= (0.17: Link header, X-Total-Count); 10 a page",
	Rules: []RuleNote{
		{Text: "v1: GET /posts?_page=P&_per_page=N returns {first, prev, next, last, pages, items, data}; _per_page defaults to 10; prev and next are null at the ends.", Source: "json-server src/service.ts: \"return paginate(results, opts.page, opts.perPage ?? 10)\""},
		{Text: "v1: a _per_page of 0 or below is 1 a page.", Source: "json-server src/paginate.test.ts: \"perPage=0 -> clamp perPage to 1\"; src/paginate.ts: \"perPage > 0 ? Math.floor(perPage) : 1\""},
		{Text: "v1: a page past the last is clamped to the last page, and one below 1 (0 included) to page 1: page 9 of 3 returns page 3, with next null.", Source: "json-server src/paginate.test.ts: \"page=9 perPage=2 items=5 -> clamp to last\", \"page=0 perPage=2 items=3 -> clamp to first\""},
		{Text: "v1: without _page, or with a _page that is not a number (as parseInt reads it), the whole list comes back as an array; a _per_page that is not a number is the default.", Source: "json-server src/app.ts parseListParams: \"page: Number.isNaN(page) ? undefined : page\"; src/service.ts: \"if (opts.page !== undefined)\""},
		{Text: "v1 reads _page, _per_page, _sort, _embed and _where: another parameter is a filter on the record field of its name, so 0.17's _start, _end and _limit filter every record out: the list comes back empty.", Source: "json-server src/app.ts: \"RESERVED_QUERY_KEYS = new Set(['_sort', '_page', '_per_page', '_embed', '_where'])\", \"let where = parseWhere(filterParams.toString())\"; src/matches-where.ts"},
		{Text: "v1: the records here have only an id, which v1 writes as a string (\"5\") and a filter compares as a number (5) with ===: a filter on any parameter, id included, leaves no record; _sort and _embed are read and change nothing here; operators (views:gt=, id:ne=) are not modelled.", Interpretation: true},
		{Text: "v1: an empty list is one empty page: first 1, last 1, pages 1.", Source: "json-server src/paginate.test.ts: \"items=[] page=1 perPage=2 -> stable empty pagination\""},
		{Text: "0.17: \"Use _page and optionally _limit to paginate returned data. In the Link header you'll get first, prev, next and last links.\" \"10 items are returned by default\"; X-Total-Count carries the total.", Source: "json-server README (0.17): Paginate"},
		{Text: "0.17: the links are the request's full URL with its first \"page=<current>\" replaced by the other page's number (a text replace: ?_page=01 gets links that all say _page=01); no links when one page holds everything or the page is past the end.", Source: "json-server src/server/router/plural.js: \"fullURL.replace(`page=${page.current}`, `page=${page.first}`)\"; src/server/utils.js getPage"},
		{Text: "0.17: _page below 1 or not a number is page 1; _limit 0 or not a number is 10.", Source: "json-server src/server/router/plural.js: \"_page = _page >= 1 ? _page : 1\", \"_limit = parseInt(_limit, 10) || 10\""},
		{Text: "0.17: without _page (or with an empty one) the whole list comes back; with _end, records _start to _end, else with _limit, _limit records from _start, as Array.slice reads them (_start 0 when absent, a negative index counts from the end, one that is not a number ends the slice at 0), with X-Total-Count; _start alone slices nothing.", Source: "json-server src/server/router/plural.js: \"if (_end || _limit || _page) res.setHeader('X-Total-Count'\", \"else if (_end) chain.slice(_start, _end)\", \"else if (_limit) chain.slice(_start, _start + _limit)\""},
		{Text: "0.17: with _page, a negative _limit is kept and getPage slices with it: page 1 of _limit=-5 is every record but the last five, linked to page 2 (next) and to page Math.ceil(total / -5) (last, a negative page); page 2 and later are empty, without links.", Source: "json-server src/server/router/plural.js: \"_limit = parseInt(_limit, 10) || 10\"; src/server/utils.js getPage: \"const start = (page - 1) * perPage\", \"obj.items = array.slice(start, end)\", \"obj.last = Math.ceil(array.length / perPage)\""},
		{Text: jsIDInterp, Interpretation: true},
		{Text: "Pages are offsets into the array as it is now: records added or removed between page requests shift them."},
	},
})
