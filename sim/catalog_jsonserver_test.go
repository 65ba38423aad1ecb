//go:build !js

package sim

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The cases of json-server v1's src/paginate.test.ts (1.0.0-beta.15, whose
// src/app.ts passes _page and _per_page through Number.parseInt to it), on
// records N..1 (newest first) where the test has items [1, 2, ..., N].
func TestJSONServerV1PaginateCases(t *testing.T) {
	for _, c := range []struct {
		name    string
		records int64
		target  string
		data    []int64
		members string
	}{
		{"page=1 perPage=2 items=5 -> [1,2]", 5, "/posts?_page=1&_per_page=2", []int64{5, 4}, `"first":1,"prev":null,"next":2,"last":3,"pages":3,"items":5`},
		{"page=2 perPage=2 items=5 -> [3,4]", 5, "/posts?_page=2&_per_page=2", []int64{3, 2}, `"first":1,"prev":1,"next":3,"last":3,"pages":3,"items":5`},
		{"page=9 perPage=2 items=5 -> clamp to last", 5, "/posts?_page=9&_per_page=2", []int64{1}, `"first":1,"prev":2,"next":null,"last":3,"pages":3,"items":5`},
		{"page=0 perPage=2 items=3 -> clamp to first", 3, "/posts?_page=0&_per_page=2", []int64{3, 2}, `"first":1,"prev":null,"next":2,"last":2,"pages":2,"items":3`},
		{"items=[] page=1 perPage=2 -> stable empty pagination", 0, "/posts?_page=1&_per_page=2", nil, `"first":1,"prev":null,"next":null,"last":1,"pages":1,"items":0`},
		{"perPage=0 -> clamp perPage to 1", 3, "/posts?_page=1&_per_page=0", []int64{3}, `"first":1,"prev":null,"next":2,"last":3,"pages":3,"items":3`},
		// paginate.ts: "perPage > 0 ? Math.floor(perPage) : 1".
		{"perPage=-3 -> 1", 3, "/posts?_page=1&_per_page=-3", []int64{3}, `"first":1,"prev":null,"next":2,"last":3,"pages":3,"items":3`},
		// src/service.test.ts's cases on its three posts: "_page: 3, _per_page: 2"
		// is the last page again, "_page: 2, _per_page: 1" the middle one.
		{"service.test.ts {_page: 3, _per_page: 2}", 3, "/posts?_page=3&_per_page=2", []int64{1}, `"first":1,"prev":1,"next":null,"last":2,"pages":2,"items":3`},
		{"service.test.ts {_page: 2, _per_page: 1}", 3, "/posts?_page=2&_per_page=1", []int64{2}, `"first":1,"prev":1,"next":3,"last":3,"pages":3,"items":3`},
		// app.ts: Number.parseInt("2.9") is 2; "abc" is NaN, so perPage is
		// undefined and service.ts's "opts.perPage ?? 10" is 10.
		{"parseInt reads the leading digits", 5, "/posts?_page=2.9&_per_page=2x", []int64{3, 2}, `"first":1,"prev":1,"next":3,"last":3,"pages":3,"items":5`},
		{"a _per_page that is not a number is 10", 25, "/posts?_page=1&_per_page=abc", idsDown(25, 10), `"first":1,"prev":null,"next":2,"last":3,"pages":3,"items":25`},
	} {
		tr := execute(scenario("json-server", c.records, get(c.target)))
		s := requests(tr)[0]
		require.True(t, s.Accepted, c.name)
		assert.Equal(t, c.data, s.Records(), c.name)
		assert.Contains(t, bodyOf(s), c.members, c.name)
	}
}

// app.ts parseListParams: "page: Number.isNaN(page) ? undefined : page" and
// service.ts "if (opts.page !== undefined) return paginate(...)": without a
// _page, or with one parseInt cannot read (empty, "abc"), the whole list
// comes back as an array, _per_page or not.
func TestJSONServerV1WithoutAPageTheWholeList(t *testing.T) {
	for _, target := range []string{"/posts", "/posts?_per_page=2", "/posts?_page=&_per_page=2", "/posts?_page=abc"} {
		tr := execute(scenario("json-server", 25, get(target)))
		s := requests(tr)[0]
		assert.Len(t, s.Records(), 25, target)
		assert.Equal(t, byte('['), bodyOf(s)[0], target)
	}
}

// The v1 walk follows the next member: 25 posts, 10 a page: 3 pages.
func TestJSONServerV1Walk(t *testing.T) {
	tr := execute(scenario("json-server", 25, get("/posts?_page=1"), walkAll()))
	reqs := requests(tr)
	require.Len(t, reqs, 3)
	assert.Equal(t, "/posts?_page=2", reqs[1].Request.URL)
	assert.Len(t, reqs[2].Records(), 5)
	assert.True(t, tr.Walks[0].Complete)
}

// 0.17's README: "Use _page and optionally _limit to paginate returned data.
// In the Link header you'll get first, prev, next and last links." "10 items
// are returned by default"; X-Total-Count has the total.
func TestJSONServer017LinkHeader(t *testing.T) {
	tr := execute(withOptions(scenario("json-server", 25,
		get("/posts?_page=1"), get("/posts?_page=2&_limit=20"), get("/posts?_page=2")), "version", "0"))
	reqs := requests(tr)
	assert.Equal(t, idsDown(25, 10), reqs[0].Records())
	assert.Equal(t, "25", firstHeader(reqs[0].Response.Header, "X-Total-Count"))
	assert.Equal(t, `<http://localhost:3000/posts?_page=1>; rel="first", <http://localhost:3000/posts?_page=2>; rel="next", <http://localhost:3000/posts?_page=3>; rel="last"`, linkOf(reqs[0]))
	assert.Equal(t, `<http://localhost:3000/posts?_page=1&_limit=20>; rel="first", <http://localhost:3000/posts?_page=1&_limit=20>; rel="prev", <http://localhost:3000/posts?_page=2&_limit=20>; rel="last"`, linkOf(reqs[1]))
	assert.Len(t, reqs[1].Records(), 5)
	assert.Equal(t, `<http://localhost:3000/posts?_page=1>; rel="first", <http://localhost:3000/posts?_page=1>; rel="prev", <http://localhost:3000/posts?_page=3>; rel="next", <http://localhost:3000/posts?_page=3>; rel="last"`, linkOf(reqs[2]))
}

// plural.js builds each link with fullURL.replace(`page=${page.current}`,
// ...): a text replace. For ?_page=01 the text "page=1" is not there, so
// every link is the request's own URL.
func TestJSONServer017LinksAreATextReplace(t *testing.T) {
	tr := execute(withOptions(scenario("json-server", 25, get("/posts?_page=01")), "version", "0"))
	s := requests(tr)[0]
	assert.Equal(t, idsDown(25, 10), s.Records())
	assert.Equal(t, `<http://localhost:3000/posts?_page=01>; rel="first", <http://localhost:3000/posts?_page=01>; rel="next", <http://localhost:3000/posts?_page=01>; rel="last"`, linkOf(s))
}

// getPage: "if (obj.items.length === 0) return obj" and links only "if
// (obj.items.length !== array.length)".
func TestJSONServer017NoLinksOnOnlyOrEmptyPage(t *testing.T) {
	tr := execute(withOptions(scenario("json-server", 5, get("/posts?_page=1"), get("/posts?_page=3")), "version", "0"))
	for _, s := range requests(tr) {
		assert.Empty(t, linkOf(s))
		assert.Equal(t, "5", firstHeader(s.Response.Header, "X-Total-Count"))
	}
	assert.Empty(t, requests(tr)[1].Records())
}

func TestJSONServer017WalkFollowsTheLinkHeader(t *testing.T) {
	tr := execute(withOptions(scenario("json-server", 25, get("/posts?_page=1"), walkAll()), "version", "0"))
	reqs := requests(tr)
	require.Len(t, reqs, 3)
	assert.Equal(t, "http://localhost:3000/posts?_page=2", reqs[1].Request.URL)
	assert.True(t, tr.Walks[0].Complete)
	assert.Equal(t, int64(25), tr.Walks[0].Distinct)
}

// The cases of 0.17's __tests__/server/plural.js, on its five comments
// (records 5..1 here: comments[i] is record 5-i) and fifteen list items.
func TestJSONServer017PluralTests(t *testing.T) {
	tr := execute(withOptions(scenario("json-server", 5,
		get("/comments?_end=2"),            // "GET /:resource?_end=": slice(0, 2)
		get("/comments?_start=1&_end=2"),   // "GET /:resource?_start=&_end=": slice(1, 2)
		get("/comments?_start=1&_limit=1"), // "GET /:resource?_start=&_limit=": slice(1, 2)
		get("/comments?foo=1&bar=2"),       // "should ignore unknown query parameters"
	), "version", "0"))
	reqs := requests(tr)
	assert.Equal(t, []int64{5, 4}, reqs[0].Records())
	assert.Equal(t, []int64{4}, reqs[1].Records())
	assert.Equal(t, []int64{4}, reqs[2].Records())
	for _, s := range reqs[:3] {
		assert.Equal(t, "5", firstHeader(s.Response.Header, "X-Total-Count"))
		assert.Equal(t, byte('['), bodyOf(s)[0])
	}
	assert.Equal(t, idsDown(5, 5), reqs[3].Records())
	assert.Empty(t, firstHeader(reqs[3].Response.Header, "X-Total-Count"))

	tr = execute(withOptions(scenario("json-server", 15,
		get("/list?_page=2"),          // "should paginate": slice(10, 20)
		get("/list?_page=2&_limit=1"), // "should paginate with a custom limit"
	), "version", "0"))
	reqs = requests(tr)
	assert.Equal(t, idsDown(5, 5), reqs[0].Records())
	assert.Equal(t, "15", firstHeader(reqs[0].Response.Header, "X-Total-Count"))
	assert.Equal(t, []int64{14}, reqs[1].Records())
	assert.Equal(t, `<http://localhost:3000/list?_page=1&_limit=1>; rel="first", <http://localhost:3000/list?_page=1&_limit=1>; rel="prev", <http://localhost:3000/list?_page=3&_limit=1>; rel="next", <http://localhost:3000/list?_page=15&_limit=1>; rel="last"`, linkOf(reqs[1]))
}

// plural.js's slice as Array.slice reads it: "if (_end || _limit || _page)"
// sets X-Total-Count (a non-empty string is truthy, "0" too); "else if
// (_end) chain.slice(_start, _end)" wins over _limit; "_start =
// parseInt(_start, 10) || 0"; a negative index counts from the end; an _end
// or _limit parseInt cannot read is NaN, which slice reads as 0; _start
// alone slices nothing and sets no header; an empty _page is falsy.
func TestJSONServer017SliceCorners(t *testing.T) {
	for _, c := range []struct {
		target string
		data   []int64
		total  string
	}{
		{"/posts?_start=2&_end=4&_limit=1", []int64{8, 7}, "10"},
		{"/posts?_start=x&_end=2", []int64{10, 9}, "10"},
		{"/posts?_start=-3&_limit=2", []int64{3, 2}, "10"},
		{"/posts?_end=-8", []int64{10, 9}, "10"},
		{"/posts?_limit=0", nil, "10"},
		{"/posts?_limit=abc", nil, "10"},
		{"/posts?_start=8&_limit=5", []int64{2, 1}, "10"},
		{"/posts?_start=4", idsDown(10, 10), ""},
		{"/posts?_page=&_limit=3", idsDown(10, 3), "10"},
	} {
		tr := execute(withOptions(scenario("json-server", 10, get(c.target)), "version", "0"))
		s := requests(tr)[0]
		assert.Equal(t, c.data, s.Records(), c.target)
		assert.Equal(t, c.total, firstHeader(s.Response.Header, "X-Total-Count"), c.target)
		assert.Empty(t, linkOf(s), c.target)
	}
}

// v1's src/app.ts reads only "RESERVED_QUERY_KEYS = new Set(['_sort',
// '_page', '_per_page', '_embed', '_where'])"; every other parameter goes
// to parseWhere as a filter on the record field of its name
// (matches-where.ts: "if (field === undefined) return false"), so 0.17's
// _limit, _start and _end, or a typo, leave no record, paged or not. _sort
// is read. 0.17 (plural.js: "Automatically delete query parameters that
// can't be found in the database") ignores them.
func TestJSONServerV1OtherParametersFilterEverythingOut(t *testing.T) {
	tr := execute(scenario("json-server", 25,
		get("/posts?_limit=5"), get("/posts?_page=1&_limit=5"), get("/posts?_start=0&_end=5"), get("/posts?_page=2&_sort=id")))
	reqs := requests(tr)
	assert.Equal(t, "[]", bodyOf(reqs[0]))
	assert.Empty(t, reqs[1].Records())
	assert.Contains(t, bodyOf(reqs[1]), `"first":1,"prev":null,"next":null,"last":1,"pages":1,"items":0`)
	assert.Contains(t, reqs[1].Reason, "_limit=5 filters the records")
	assert.Empty(t, reqs[2].Records())
	assert.Equal(t, idsDown(15, 10), reqs[3].Records())
	tr = execute(withOptions(scenario("json-server", 25, get("/posts?_page=1&foo=1")), "version", "0"))
	assert.Equal(t, idsDown(25, 10), requests(tr)[0].Records())
	// The editor says so where the parameter is typed.
	d := Check("profile json-server\nrecords 5\nGET /posts?_page=1&_limit=5\n")
	require.Len(t, d, 1)
	assert.Contains(t, d[0].Message, "v1 filters the records by a field of that name")
}

// 0.17 with _page and a negative _limit, as src/server/router/plural.js and
// src/server/utils.js read it: "_limit = parseInt(_limit, 10) || 10" keeps
// -5 (only 0 and NaN are falsy); getPage(array, page, perPage) takes "start
// = (page - 1) * perPage", "end = page * perPage", "obj.items =
// array.slice(start, end)", returns early "if (obj.items.length === 0)",
// else sets next "if (end < array.length)" and first and last "if
// (obj.items.length !== array.length)", last being "Math.ceil(array.length /
// perPage)". On 30 records, _limit=-5: page 1 is slice(0, -5), the first 25;
// its links are first (page 1), next (page 2) and last (Math.ceil(30 / -5)
// = -6), no prev ("if (page > 1)"); page 2 is slice(-5, -10), empty, with no
// links; so the walk misses the last five records. _limit=-50 is slice(0,
// -50): empty. "-5x" is parseInt's -5. X-Total-Count is 30 throughout ("if
// (_end || _limit || _page)").
func TestJSONServer017NegativeLimitWithPage(t *testing.T) {
	tr := execute(withOptions(scenario("json-server", 30,
		get("/posts?_page=1&_limit=-5"), next(), get("/posts?_page=3&_limit=-7"), get("/posts?_page=1&_limit=-50"), get("/posts?_page=1&_limit=-5x")), "version", "0"))
	reqs := requests(tr)
	require.Len(t, reqs, 5)
	assert.Equal(t, idsDown(30, 25), reqs[0].Records())
	assert.Equal(t, `<http://localhost:3000/posts?_page=1&_limit=-5>; rel="first", <http://localhost:3000/posts?_page=2&_limit=-5>; rel="next", <http://localhost:3000/posts?_page=-6&_limit=-5>; rel="last"`, linkOf(reqs[0]))
	assert.Equal(t, "http://localhost:3000/posts?_page=2&_limit=-5", reqs[1].Request.URL)
	for _, s := range reqs[1:4] {
		assert.Empty(t, s.Records(), s.Request.URL)
		assert.Empty(t, linkOf(s), s.Request.URL)
	}
	for _, s := range reqs {
		assert.Equal(t, "30", firstHeader(s.Response.Header, "X-Total-Count"))
	}
	assert.Equal(t, idsDown(30, 25), reqs[4].Records())
	require.NotEmpty(t, tr.Walks)
	assert.Equal(t, []int64{5, 4, 3, 2, 1}, tr.Walks[0].Missed.IDs, "records 5..1 are never read")
}
