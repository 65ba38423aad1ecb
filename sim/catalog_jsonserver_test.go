//go:build !js

package sim

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The cases of json-server v1's src/paginate.test.ts, on records 5..1
// (newest first) where the test has items [1, 2, 3, 4, 5].
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
		{"items=[] page=1 perPage=2 -> stable empty pagination", 0, "/posts?_page=1&_per_page=2", nil, `"first":1,"prev":null,"next":null,"last":1,"pages":1,"items":0`},
		// service.ts: "const perPage = query._per_page || 10": 0 is 10.
		{"perPage=0 -> the default 10", 25, "/posts?_page=1&_per_page=0", idsDown(25, 10), `"first":1,"prev":null,"next":2,"last":3,"pages":3,"items":25`},
		// paginate.ts: "perPage > 0 ? Math.floor(perPage) : 1".
		{"perPage=-3 -> 1", 3, "/posts?_page=1&_per_page=-3", []int64{3}, `"first":1,"prev":null,"next":2,"last":3,"pages":3,"items":3`},
	} {
		tr := execute(scenario("json-server", c.records, get(c.target)))
		s := requests(tr)[0]
		require.True(t, s.Accepted, c.name)
		assert.Equal(t, c.data, s.Records(), c.name)
		assert.Contains(t, bodyOf(s), c.members, c.name)
	}
}

// service.ts: "if (page) {" — _page=0 is falsy: the whole list, not a page.
func TestJSONServerV1PageZeroIsTheWholeList(t *testing.T) {
	tr := execute(scenario("json-server", 25, get("/posts?_page=0&_per_page=2")))
	s := requests(tr)[0]
	assert.Len(t, s.Records(), 25)
	assert.Equal(t, byte('['), bodyOf(s)[0])
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
