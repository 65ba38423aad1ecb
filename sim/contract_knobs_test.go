//go:build !js

package sim

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// short-pages: about one page in three comes back short while more remain;
// the client that follows the cursor reads every record, the one that stops
// on a short page (short-pages.client page-size) misses the rest.
func TestDeclaredShortPages(t *testing.T) {
	const text = "contract cursor\n  short-pages short\nrecords 300\nGET /items?limit=20\nwalk\n"
	tr := runText(t, text)
	reqs := requests(tr)
	short := -1
	for i, s := range reqs[:len(reqs)-1] {
		if len(s.Records()) < 20 && short < 0 {
			short = i
			assert.True(t, s.HasNext.Reported, "a short page still has a next cursor")
			assert.Contains(t, s.Reason, "a short page:")
		}
	}
	require.NotEqual(t, -1, short, "some page before the last is short")
	assert.Equal(t, int64(300), tr.Walks[0].Distinct)

	tr = runText(t, strings.Replace(text, "short\n", "short\n  short-pages.client page-size\n", 1))
	assert.Len(t, requests(tr), short+1, "the client stops on the first short page")
	w := tr.Walks[0]
	assert.Positive(t, w.Missed.Count)
	assert.Equal(t, 300-w.Distinct, w.Missed.Count)
	assert.Contains(t, tr.Steps[len(tr.Steps)-1].Text, "fewer than limit 20, though next_cursor is not empty")

	// short-pages empty may cut a page to no records at all, and the walk
	// goes on past it.
	tr = runText(t, "contract cursor\n  short-pages empty\nrecords 300\nGET /items?limit=2\nwalk\n")
	empty := false
	for _, s := range requests(tr) {
		empty = empty || len(s.Records()) == 0 && s.HasNext.Reported
	}
	assert.True(t, empty, "some page is empty before the end")
	assert.Equal(t, int64(300), tr.Walks[0].Distinct)
}

// token.ttl: a token older than its lifetime is refused as expired.
func TestDeclaredTokenExpiry(t *testing.T) {
	tr := runText(t, "contract cursor\n  token.ttl 5\nrecords 30\nGET /items?limit=10\nnext\nwait 10\nnext\n")
	assert.Equal(t, []bool{true, true, false}, accepted(tr))
	assert.Contains(t, requests(tr)[2].Reason, "the page token has expired: it was issued at tick")
}

// token.use once and newest, and token.bound.
func TestDeclaredTokenUseAndBinding(t *testing.T) {
	first := func(decl string) string {
		tr := runText(t, decl+"records 30\nGET /items?limit=10&status=open\n")
		return field(requests(tr)[0], "next_cursor")
	}
	once := "contract cursor\n  token.use once\n"
	tok := first(once)
	tr := runText(t, once+"records 30\nGET /items?limit=10&status=open\nGET /items?limit=10&after="+tok+"\nGET /items?limit=10&after="+tok+"\n")
	assert.Equal(t, []bool{true, true, false}, accepted(tr))
	assert.Equal(t, idsDown(20, 10), requests(tr)[1].Records())
	assert.Contains(t, requests(tr)[2].Reason, "each token works once")

	newest := "contract cursor\n  token.use newest\n"
	tok = first(newest)
	tr = runText(t, newest+"records 30\nGET /items?limit=10&status=open\nGET /items?limit=10\nGET /items?after="+tok+"\n")
	assert.Equal(t, []bool{true, true, false}, accepted(tr))
	assert.Contains(t, requests(tr)[2].Reason, "only the newest works")

	bound := "contract cursor\n  token.bound true\n"
	tok = first(bound)
	tr = runText(t, bound+"records 30\nGET /items?limit=10&status=open\nGET /items?limit=5&status=open&after="+tok+"\nGET /items?status=closed&after="+tok+"\nGET /items?after=nope\n")
	assert.Equal(t, []bool{true, true, false, false}, accepted(tr))
	assert.Equal(t, idsDown(20, 5), requests(tr)[1].Records(), "the page size may change")
	assert.Contains(t, requests(tr)[2].Reason, "other parameters")
	assert.Contains(t, requests(tr)[3].Reason, "not one this server issued")
}

// error.status, error.body, error.code and error.message: a refusal in the
// API's own shape.
func TestDeclaredErrorShape(t *testing.T) {
	tr := runText(t, `contract cursor
  after cursor
  before none
  error.status 200
  error.body {"ok":false,"error":{code}}
  error.code cursor invalid_cursor
records 5
GET /items?cursor=nope
`)
	s := requests(tr)[0]
	assert.Equal(t, 200, s.Response.Status)
	assert.False(t, s.Accepted, "ok:false is a refusal")
	assert.Equal(t, `{"ok":false,"error":"invalid_cursor"}`, bodyOf(s))

	tr = runText(t, "contract offset\n  error.message number {name} is not a number: {value}\n  error.body {\"error\":{\"code\":{status},\"message\":{message}}}\nrecords 5\nGET /items?offset=abc\n")
	assert.Equal(t, `{"error":{"code":400,"message":"offset is not a number: abc"}}`, bodyOf(requests(tr)[0]))
}

// limit.alias, limit.zero, limit.echo, after.alias and const.
func TestDeclaredSizeKnobs(t *testing.T) {
	tr := runText(t, `contract cursor
  limit pageSize
  limit.alias page_size
  limit.zero default
  limit.default 7
  limit.echo meta.page_size
  after pageToken
  after.alias page_token
  before none
  const ok true
records 20
GET /items?page_size=0
next
GET /items?pageSize=-1
`)
	reqs := requests(tr)
	assert.Equal(t, []bool{true, true, false}, accepted(tr))
	assert.Equal(t, idsDown(20, 7), reqs[0].Records(), "0 is the default, 7")
	assert.Contains(t, bodyOf(reqs[0]), `"ok":true`)
	assert.Contains(t, bodyOf(reqs[0]), `"meta":{"page_size":7}`)
	assert.Contains(t, reqs[1].Request.URL, "page_size=0&pageToken=", "the client keeps the request's spelling of the size")
	assert.Equal(t, idsDown(13, 7), reqs[1].Records())
	assert.Equal(t, "pageSize must be at least 0, got -1", reqs[2].Reason)
}

// Bad new knobs get a diagnostic at their value, with a did-you-mean;
// contradictions are refused with the reason.
func TestDeclaredLifecycleDiagnostics(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"contract cursor\n  error.code cursr invalid_cursor\n", "error.code: the kind of refusal: expected "},
		{"contract cursor\n  error.code cursr invalid_cursor\n", "got `cursr`; did you mean `cursor`?"},
		{"contract cursor\n  error.body not json\n", "error.body: expected a JSON object"},
		{"contract cursor\n  token.use twice\n", "token.use: expected `any`, `once`, `newest` or `chain`, got `twice`"},
		{"contract cursor\n  short-pages shrot\n", "did you mean `short`?"},
		{"contract cursor\n  error.status 302\n", "error.status: expected 200 or a status from 400 to 599, got `302`"},
		{"contract offset\n  short-pages short\n", "contradictory contract: short-pages and token.* knobs need the base `cursor`, not `offset`"},
		{"contract page\n  token.ttl 5\n", "contradictory contract: short-pages and token.* knobs need the base `cursor`, not `page`"},
		{"contract cursor\n  before none\n  prev.cursor prev\n", "contradictory contract: prev.cursor needs a parameter to send it back in: before is `none`"},
		{"contract cursor\n  short-pages.client page-size\n", "contradictory contract: short-pages.follows and short-pages.client are about a client of short pages: set short-pages too"},
		{"contract cursor\n  total exact\n  total.choices none, estimate\n", "contradictory contract: total.choices offers `none` or `estimate` but not the total `exact` itself"},
		{"contract cursor\n  invalid default\n  limit.zero default\n", "contradictory contract: limit.zero default says no more than invalid default already does"},
		{"contract cursor\n  first-id true\n", "contradictory contract: first-id is a forward cursor base's: it needs the base `cursor` and before `none`"},
		{"contract cursor\n  method.query GET\n", "contradictory contract: method.query names another method than method, got GET twice"},
		{"contract cursor\n  short-pages.default off\n", "contradictory contract: short-pages.default sets the option short-pages: set short-pages too"},
	} {
		ds := Check(c.text)
		require.NotEmpty(t, ds, c.text)
		assert.Contains(t, ds[0].Message, c.want, c.text)
		assert.Positive(t, ds[0].Line, c.text)
		assert.Positive(t, ds[0].Col, c.text)
	}
	// A value error sits at the value.
	assert.Equal(t, 13, Check("contract cursor\n  token.use twice\n")[0].Col)
}

// next.link.edges away, next.link.limit sent and params, as GitHub's list
// endpoints: no first or prev on page 1, no next or last on the last page,
// the page size as the request wrote it, and sort read without a warning.
func TestDeclaredLinkEdgesAndSentLimit(t *testing.T) {
	text := `contract page
  bare true
  total none
  next.link prev, next, last, first
  next.link.edges away
  next.link.limit sent
  params sort
records 25
GET /items?sort=updated&page=1
GET /items?per_page=10&page=2
GET /items?page=3&per_page=10
GET /items?page=9
`
	assert.Empty(t, Check(text))
	reqs := requests(runText(t, text))
	assert.Equal(t, `</items?sort=updated&page=2>; rel="next", </items?sort=updated&page=2>; rel="last"`, linkOf(reqs[0]))
	assert.Equal(t, `</items?per_page=10&page=1>; rel="prev", </items?per_page=10&page=3>; rel="next", </items?per_page=10&page=3>; rel="last", </items?per_page=10&page=1>; rel="first"`, linkOf(reqs[1]))
	assert.Equal(t, `</items?page=2&per_page=10>; rel="prev", </items?page=1&per_page=10>; rel="first"`, linkOf(reqs[2]))
	assert.Empty(t, reqs[3].Records())
	assert.Contains(t, reqs[3].Reason, "page 9 is past the end of the list (25 records)")
}

// The id base: the cursor is a record's id (Stripe's starting_after), the
// client continues from the page's last id while has_more; a deleted
// record's id is refused (deleted-cursor error) or read on (continue).
func TestDeclaredIDContract(t *testing.T) {
	decl := `contract id
  path /v1/things
  items data
  id-prefix th_
  id-width 4
  const object "list"
  const url {path}
  error.body deleted {"error":{"code":{code},"param":{param},"message":{message}}}
  error.code deleted resource_missing
  error.message deleted No such thing: '{value}'
`
	tr := runText(t, decl+"records 7\nGET /v1/things?limit=3\nnext\nnext\n")
	reqs := requests(tr)
	require.Len(t, reqs, 3)
	assert.True(t, strings.HasPrefix(bodyOf(reqs[0]), `{"data":[{"id":"th_0007",`), bodyOf(reqs[0]))
	assert.Contains(t, bodyOf(reqs[0]), `"object":"list","url":"/v1/things","has_more":true`)
	assert.Equal(t, "/v1/things?limit=3&starting_after=th_0005", reqs[1].Request.URL)
	assert.Equal(t, []int64{1}, reqs[2].Records())
	assert.True(t, tr.Walks[0].Complete)

	// 7 records, 3 a page: page 1 ends at 5; 5 is deleted before page 2.
	tr = runText(t, decl+"records 7\nGET /v1/things?limit=3\ndelete id 5\nnext\n")
	s := requests(tr)[1]
	assert.Equal(t, 400, s.Response.Status)
	assert.Equal(t, `{"error":{"code":"resource_missing","param":"starting_after","message":"No such thing: 'th_0005'"}}`, bodyOf(s))
	tr = runText(t, strings.Replace(decl, "  items data\n", "  items data\n  deleted-cursor continue\n", 1)+"records 7\nGET /v1/things?limit=3\ndelete id 5\nnext\n")
	assert.Equal(t, []int64{4, 3, 2}, requests(tr)[1].Records())

	// ending_before: the records just newer, and has_more looks that way.
	tr = runText(t, decl+"records 7\nGET /v1/things?limit=2&ending_before=th_0003\nnext\n")
	reqs = requests(tr)
	assert.Equal(t, []int64{5, 4}, reqs[0].Records())
	assert.Equal(t, "/v1/things?limit=2&ending_before=th_0005", reqs[1].Request.URL)
	assert.Equal(t, []int64{7, 6}, reqs[1].Records())

	assert.Contains(t, Check("contract id\n  next.cursor next\n")[0].Message, "an `id` contract's client continues from the page's first or last id")
	assert.Contains(t, Check("contract cursor\n  deleted-cursor continue\n")[0].Message, "deleted-cursor is about a record id named as a cursor: it needs the base `id`")
	assert.Contains(t, Check("contract id\n  id-width 30\n")[0].Message, "id-width: expected a whole number from 1 to 18, got `30`")
}

// refuse, short-pages zero with short-pages.default off, next.url under
// next.link.base and an @ path, as Microsoft Graph's /users: "the /users
// endpoint supports $top but not $skip" (a parameter refused with the
// API's own code, before anything else is read); "there are more pages of
// data to retrieve in the session, even if the current response contains
// an empty result" (a page is whole or empty, the client that follows
// @odata.nextLink reads everything, the one that stops on an empty page
// misses the rest); the next URL is absolute, its $ kept as is (a
// sub-delim, RFC 3986), and @odata.nextLink is one member, not a nested
// object.
func TestDeclaredRefuseAndEmptyPages(t *testing.T) {
	const decl = "contract cursor\n  path /v1.0/users\n  limit $top\n  after $skiptoken\n  before none\n  refuse $skip\n  error.code refused Request_UnsupportedQuery\n" +
		"  error.body {\"error\":{\"code\":{code},\"message\":{message}}}\n" +
		"  next.url @odata.nextLink\n  next.link.base https://graph.microsoft.com\n  next.end absent\n  items value\n  short-pages zero\n  short-pages.default off\n  short-pages.follows nextlink\n"
	tr := runText(t, decl+"records 30\nGET /v1.0/users?$top=10&$skip=10\nGET /v1.0/users?$top=10&$select=id\nwalk\n")
	assert.Equal(t, []bool{false, true, true, true}, accepted(tr))
	reqs := requests(tr)
	assert.Equal(t, 400, reqs[0].Response.Status)
	assert.Contains(t, reqs[0].Reason, "$skip is not supported here")
	assert.Contains(t, string(reqs[0].Response.Body()), `"code":"Request_UnsupportedQuery"`)
	next := field(reqs[1], "@odata.nextLink")
	assert.Regexp(t, `^https://graph\.microsoft\.com/v1\.0/users\?\$top=10&\$select=id&\$skiptoken=[0-9a-f]+$`, next)
	assert.Equal(t, next, reqs[2].Request.URL)
	assert.Contains(t, string(reqs[1].Response.Body()), `"@odata.nextLink":"https://`)
	_, has := fieldOf(reqs[3], "@odata.nextLink")
	assert.False(t, has, "absent on the last page")
	assert.Empty(t, Check(decl+"records 30\nGET /v1.0/users?$skip=10\n"), "a refused parameter is no typo")

	// empty-pages=on: some page before the end is empty with a next link.
	const walk = "records 1000\nGET /v1.0/users?$top=50\nwalk\n"
	on := strings.Replace(decl, "default off", "default on", 1)
	tr = runText(t, on+walk)
	empty := -1
	for i, s := range requests(tr) {
		assert.True(t, len(s.Records()) == 0 || len(s.Records()) == 50, "a page is whole or empty")
		if len(s.Records()) == 0 && empty < 0 {
			empty = i
			assert.True(t, s.HasNext.Reported)
		}
	}
	require.NotEqual(t, -1, empty, "some page is empty")
	assert.Equal(t, int64(1000), tr.Walks[0].Distinct)
	tr = runText(t, on+"  short-pages.client page-size\n"+walk)
	assert.Len(t, requests(tr), empty+1, "the client stops on the first empty page")
	assert.Contains(t, tr.Steps[len(tr.Steps)-1].Text, "the page had 0 results, fewer than $top 50, though @odata.nextLink is not empty")
	tr = runText(t, decl+walk)
	assert.Len(t, requests(tr), 20, "short-pages.default off: no page is cut")
}

// The knobs Django REST framework's LimitOffsetPagination needs, declared
// by a user. Expectations from rest_framework/pagination.py: get_next_link
// is null once offset + limit >= count; get_previous_link is null at offset
// 0 and removes offset when offset - limit <= 0; replace_query_param
// rebuilds the query sorted by name ("parse.urlencode(sorted(...))");
// get_limit reads int(): " 7 " and "1_0" are numbers, "" is not and falls
// back to the default; the body is count, next, previous, results.
func TestDeclaredPrevURLSortedQuery(t *testing.T) {
	text := `contract offset
  limit.default 5
  invalid default
  numbers python
  items results
  next.url next
  prev.url previous
  url.first-page omitted
  url.query sorted
  total.field count
  total.leads true
  params search
records 23
GET /items?search=x&offset=12&limit=%207%20
GET /items?offset=3&limit=1_0
GET /items?offset=20&limit=
`
	assert.Empty(t, Check(text))
	reqs := requests(runText(t, text))
	assert.Equal(t, "/items?limit=7&offset=19&search=x", field(reqs[0], "next"))
	assert.Equal(t, "/items?limit=7&offset=5&search=x", field(reqs[0], "previous"))
	assert.Contains(t, bodyOf(reqs[0]), `"count":23,"next":`)
	// 3 - 10 <= 0: previous leaves offset out, and overlaps this page.
	assert.Equal(t, "/items?limit=10", field(reqs[1], "previous"))
	assert.Len(t, reqs[1].Records(), 10)
	// An empty limit is as if absent: 5; 20 + 5 >= 23: no next.
	assert.Len(t, reqs[2].Records(), 3)
	assert.Contains(t, bodyOf(reqs[2]), `"next":null,"previous":"/items?limit=5&offset=15"`)
}

// numbers strict refuses what Python's int() reads, and js reads what
// JavaScript's parseInt reads: "12abc" is 12, "abc" is not a number.
func TestDeclaredNumbers(t *testing.T) {
	reqs := requests(runText(t, "contract offset\nrecords 30\nGET /items?limit=1_0\nGET /items?limit=%2012\n"))
	assert.Equal(t, 400, reqs[0].Response.Status)
	assert.Equal(t, 400, reqs[1].Response.Status)
	reqs = requests(runText(t, "contract offset\n  numbers python\nrecords 30\nGET /items?limit=1_0\nGET /items?limit=%2012\nGET /items?limit=1__0\n"))
	assert.Len(t, reqs[0].Records(), 10)
	assert.Len(t, reqs[1].Records(), 12)
	assert.Equal(t, 400, reqs[2].Response.Status, "int() refuses two underscores in a row")
	reqs = requests(runText(t, "contract offset\n  numbers js\nrecords 30\nGET /items?limit=12abc\nGET /items?limit=abc\n"))
	assert.Len(t, reqs[0].Records(), 12)
	assert.Equal(t, 400, reqs[1].Response.Status)
}

// page.last and invalid.position, as Django REST framework's
// PageNumberPagination: "last_page_strings = ('last',)"; a page that is not
// a number is NotFound while a bad page_size falls back to page_size
// (get_page_size: "except (KeyError, ValueError): pass"). limit none: the
// client cannot choose the page size (page_size_query_param unset), and
// the client's next request names none.
func TestDeclaredPageLastAndInvalidPosition(t *testing.T) {
	text := `contract page
  limit page_size
  limit.default 10
  invalid default
  invalid.position 404
  page.last last
records 25
GET /items?page=last
GET /items?page=two
GET /items?page=2&page_size=x
GET /items?page=1&page_size=5
`
	assert.Empty(t, Check(text))
	reqs := requests(runText(t, text))
	assert.Equal(t, []int64{5, 4, 3, 2, 1}, reqs[0].Records())
	assert.Equal(t, 404, reqs[1].Response.Status)
	assert.Len(t, reqs[2].Records(), 10)
	assert.Len(t, reqs[3].Records(), 5)
	reqs = requests(runText(t, strings.Replace(text, "limit page_size", "limit none", 1)+"next\n"))
	assert.Len(t, reqs[3].Records(), 10, "page_size is not read")
	assert.Equal(t, "/items?page=2&page_size=5", reqs[4].Request.URL, "the client adds no page size")
}

func TestDeclaredDRFKnobContradictions(t *testing.T) {
	assert.Contains(t, Check("contract offset\n  page.last last\n")[0].Message, "page.first, page.last, unpaged, next.page, prev.page, pages and next.link.style need the base `page`")
	assert.Contains(t, Check("contract cursor\n  url.first-page omitted\n")[0].Message, "a cursor contract has no offset, page number, window, page past the end or first-page URL to set")
	assert.Contains(t, Check("contract page\n  bare true\n  prev.url previous\n")[0].Message, "a bare array has no body fields")
	assert.Contains(t, Check("contract page\n  numbers perl\n")[0].Message, "numbers: expected `strict`, `python`, `js` or `unsigned`, got `perl`")
}

// method.query, id-hex and first-id, as Notion's lists: a database query is
// a POST whose JSON body carries start_cursor and page_size, a GET list
// carries them in the query ("Parameters for paginated requests"); the
// next_cursor names the next page's first object (an id, here written in
// hex after a UUID-like prefix), and start_cursor starts the page at it, or
// where it was once deleted. In a JSON body a page size written as a string
// is no number, and a body that is not an object is refused (kind body).
func TestDeclaredFirstIDCursorInABody(t *testing.T) {
	const decl = "contract cursor\n  method POST\n  method.query GET\n  path /query\n  after start_cursor\n  after.in body\n  before none\n  limit page_size\n  limit.in body\n" +
		"  first-id true\n  id-prefix u-\n  id-width 4\n  id-hex true\n  next.flag has_more\n  error.message body not an object\n"
	tr := runText(t, decl+"records 30\nPOST /query {\"page_size\":10}\nnext\nGET /query?page_size=10\nnext\n")
	assert.Equal(t, []bool{true, true, true, true}, accepted(tr))
	reqs := requests(tr)
	assert.Equal(t, "u-0014", field(reqs[0], "next_cursor"), "the next page's first record, id 20 (0x14)")
	assert.Equal(t, `{"start_cursor":"u-0014","page_size":10}`, reqs[1].Request.Body)
	assert.Equal(t, idsDown(20, 10), reqs[1].Records(), "the page starts at the record the cursor names")
	assert.Equal(t, "/query?page_size=10&start_cursor=u-0014", reqs[3].Request.URL, "a GET carries the cursor in the query")
	assert.Equal(t, idsDown(20, 10), reqs[3].Records())

	// The record named is deleted: the page starts where it was.
	tr = runText(t, decl+"records 30\nPOST /query {\"page_size\":10}\ndelete id 20\nnext\n")
	assert.Equal(t, idsDown(19, 10), requests(tr)[1].Records())

	tr = runText(t, decl+"records 30\nPOST /query {\"page_size\":\"10\"}\nPOST /query [1]\nPOST /query {\"start_cursor\":\"u-00ff\"}\nPOST /query {\"start_cursor\":\"x\"}\n")
	assert.Equal(t, []bool{false, false, false, false}, accepted(tr))
	reqs = requests(tr)
	assert.Contains(t, reqs[0].Reason, "page_size must be a whole number")
	assert.Contains(t, reqs[1].Reason, "not an object")
}

// before named as after, next.link previous, url.query cursor and
// after.only, as Shopify's REST Admin API: "a response header returns links
// to the next page and the previous page of results" with rel previous or
// next, page_info in both (one parameter, its token says the way); the
// links carry only limit and page_info, and "A request that includes the
// page_info parameter can't include any other parameters except for limit
// and fields."
func TestDeclaredOneCursorBothWays(t *testing.T) {
	const decl = "contract cursor\n  after page_info\n  before page_info\n  after.only limit, fields\n  next.link previous, next\n  url.query cursor\n  params status, fields\n"
	tr := runText(t, decl+"records 25\nGET /items?status=any&limit=10\nnext\nnext\nprev\n")
	reqs := requests(tr)
	assert.Equal(t, []bool{true, true, true, true}, accepted(tr))
	assert.Regexp(t, `^</items\?limit=10&page_info=[0-9a-f]+>; rel="next"$`, linkOf(reqs[0]))
	assert.Regexp(t, `^</items\?limit=10&page_info=[0-9a-f]+>; rel="previous", </items\?limit=10&page_info=[0-9a-f]+>; rel="next"$`, linkOf(reqs[1]))
	assert.Equal(t, idsDown(5, 5), reqs[2].Records())
	assert.Equal(t, idsDown(15, 10), reqs[3].Records(), "rel previous goes back a page")
	assert.Equal(t, int64(25), tr.Walks[0].Distinct)

	link := linkOf(reqs[0])
	next := link[1:strings.Index(link, ">")]
	tr = runText(t, decl+"records 25\nGET "+next+"&status=any\nGET "+next+"&fields=id\n")
	assert.Equal(t, []bool{false, true}, accepted(tr))
	assert.Contains(t, requests(tr)[0].Reason, "status cannot be sent with page_info: only limit, fields")
	assert.Contains(t, Check("contract offset\n  after.only limit\n")[0].Message, "need the base `cursor`")
}

// token.bound with the parameters in a JSON body, as AWS's ListSecrets:
// "InvalidNextTokenException: The NextToken value is invalid." for a token
// sent with other Filters than the request that got it; a new MaxResults
// is fine (the page size may change, as AIP-158 says).
func TestDeclaredTokenBoundToBodyMembers(t *testing.T) {
	const decl = "contract cursor\n  method POST\n  path /\n  after NextToken\n  after.in body\n  before none\n  limit MaxResults\n  limit.in body\n  next.cursor NextToken\n  token.bound true\n"
	tok := field(requests(runText(t, decl+"records 30\nPOST / {\"MaxResults\":10,\"Filters\":[\"a\"]}\n"))[0], "NextToken")
	tr := runText(t, decl+"records 30\nPOST / {\"MaxResults\":10,\"Filters\":[\"a\"]}\nPOST / {\"MaxResults\":5,\"Filters\":[\"a\"],\"NextToken\":\""+tok+"\"}\nPOST / {\"Filters\":[\"b\"],\"NextToken\":\""+tok+"\"}\n")
	assert.Equal(t, []bool{true, true, false}, accepted(tr))
	assert.Equal(t, idsDown(20, 5), requests(tr)[1].Records())
	assert.Contains(t, requests(tr)[2].Reason, "other parameters")

	// first: the same request without its cursor, as the old hand-written
	// servers did: the body's filter and page size stay.
	tr = runText(t, decl+"records 30\nPOST / {\"MaxResults\":10,\"Filters\":[\"a\"]}\nnext\nfirst\n")
	assert.Equal(t, `{"MaxResults":10,"Filters":["a"]}`, requests(tr)[2].Request.Body)
	assert.Equal(t, idsDown(30, 10), requests(tr)[2].Records())
}

// unpaged all, next.page, prev.page, pages and invalid min, as json-server
// v1 (src/app.ts "page: Number.isNaN(page) ? undefined : page"; src/paginate.ts
// "perPage > 0 ? Math.floor(perPage) : 1", "Math.max(1, Math.min(safePage,
// pages))"): no page or one that is not a number is the whole list as an
// array; page 0 is page 1; a page size of 0 or below is 1; a page past the
// last is the last; the page numbers are in the body, null at the ends, and
// the client follows next.
func TestDeclaredPageNumbersInTheBody(t *testing.T) {
	text := `contract page
  page _page
  limit _per_page
  limit.default 10
  invalid min
  past-end last
  unpaged all
  numbers js
  items data
  const first 1
  prev.page prev
  next.page next
  pages last, pages
  total.field items
records 5
GET /items?_page=x&_per_page=2
GET /items?_page=9&_per_page=2
GET /items?_page=1&_per_page=-3
GET /items?_page=1&_per_page=2
next
GET /items?_page=0&_per_page=0
`
	assert.Empty(t, Check(text))
	reqs := requests(runText(t, text))
	assert.Equal(t, `[{"id":5`, bodyOf(reqs[0])[:8])
	assert.Len(t, reqs[0].Records(), 5)
	assert.Equal(t, []int64{1}, reqs[1].Records())
	assert.Contains(t, bodyOf(reqs[1]), `"first":1,"prev":2,"next":null,"last":3,"pages":3,"items":5`)
	assert.Equal(t, []int64{5}, reqs[2].Records())
	assert.Equal(t, "/items?_page=2&_per_page=2", reqs[4].Request.URL)
	assert.Equal(t, []int64{3, 2}, reqs[4].Records())
	assert.Equal(t, []int64{5}, reqs[5].Records())
	assert.Contains(t, bodyOf(reqs[5]), `"first":1,"prev":null,"next":2,"last":5,"pages":5,"items":5`)
	// filter: a parameter it does not read (nor params lists) is a filter
	// on a field the records lack: none come back; one params lists is not.
	reqs = requests(runText(t, strings.Replace(text, "  items data\n", "  items data\n  filter true\n  params _sort\n", 1)+"GET /items?_page=1&_limit=2\nGET /items?_page=1&_sort=id\n"))
	assert.Empty(t, reqs[6].Records())
	assert.Len(t, reqs[7].Records(), 5)
}

// unpaged limit, next.link.style replace and next.link.edges partial, as
// json-server 0.17 (plural.js: links are fullURL.replace(`page=${current}`,
// ...); utils.js getPage: no links on an empty page or one that holds the
// whole array; "if (_end || _limit || _page)" X-Total-Count).
func TestDeclaredLinkTextReplace(t *testing.T) {
	text := `contract page
  page _page
  limit _limit
  limit.default 10
  unpaged limit
  bare true
  total.header X-Total-Count
  next.link first, prev, next, last
  next.link.style replace
  next.link.edges partial
  params x_page
  offset _start
  end _end
records 25
GET /items?_page=2&x_page=2
GET /items?_page=3
GET /items?_page=1&_limit=30
GET /items?_limit=4
GET /items
GET /items?_start=2&_end=4&_limit=9
GET /items?_start=-2&_limit=1
`
	assert.Empty(t, Check(text))
	reqs := requests(runText(t, text))
	// The first text "_page=2" is the request's own: x_page=2 is left alone.
	assert.Equal(t, `</items?_page=1&x_page=2>; rel="first", </items?_page=1&x_page=2>; rel="prev", </items?_page=3&x_page=2>; rel="next", </items?_page=3&x_page=2>; rel="last"`, linkOf(reqs[0]))
	assert.Equal(t, `</items?_page=1>; rel="first", </items?_page=2>; rel="prev", </items?_page=3>; rel="last"`, linkOf(reqs[1]))
	assert.Empty(t, linkOf(reqs[2]), "one page holds the whole list")
	assert.Equal(t, "25", firstHeader(reqs[2].Response.Header, "X-Total-Count"))
	assert.Equal(t, idsDown(25, 4), reqs[3].Records())
	assert.Equal(t, "25", firstHeader(reqs[3].Response.Header, "X-Total-Count"))
	assert.Len(t, reqs[4].Records(), 25)
	assert.Empty(t, firstHeader(reqs[4].Response.Header, "X-Total-Count"))
	// plural.js: "else if (_end) chain.slice(_start, _end)" before "else if
	// (_limit) chain.slice(_start, _start + _limit)"; slice(-2, -1) is the
	// second to last record.
	assert.Equal(t, []int64{23, 22}, reqs[5].Records())
	assert.Equal(t, "25", firstHeader(reqs[5].Response.Header, "X-Total-Count"))
	assert.Equal(t, []int64{2}, reqs[6].Records())
	assert.Contains(t, Check("contract offset\n  unpaged all\n")[0].Message, "need the base `page`")
	assert.Contains(t, Check("contract page\n  end _end\n")[0].Message, "needs unpaged limit")
	assert.Contains(t, Check("contract page\n  offset _start\n")[0].Message, "offset is the `offset` base's parameter")
}

// snapshot: a frozen view taken when the client opens it (Elasticsearch's
// point in time). 30 records newest first, 10 a page: page 1 through the
// snapshot is 30..21; after those ten are deleted, page 2 (from 10) is still
// 20..11 (the list now would give 10..1); five records inserted after it was
// opened do not show; unused for longer than its 5 ticks it is refused (first sends it again).
func TestDeclaredSnapshot(t *testing.T) {
	const decl = "contract offset\n  method POST\n  path /_search\n  offset from\n  offset.in body\n  limit size\n  limit.in body\n  limit.default 10\n" +
		"  snapshot pit.id\n  snapshot.field pit_id\n  snapshot.open /my-index/_pit\n  snapshot.ttl 5\n"
	tr := runText(t, decl+"records 30\nPOST /my-index/_pit\nnext\ndelete at 0..9\nnext\ninsert 5\nnext\nwait 10\nfirst\n")
	reqs := requests(tr)
	assert.Equal(t, []bool{true, true, true, true, false}, accepted(tr))
	id := member(reqs[0], "id").Str
	require.NotEmpty(t, id)
	assert.Equal(t, "POST /_search", reqs[1].Request.Method+" "+reqs[1].Request.URL)
	assert.Equal(t, `{"pit":{"id":"`+id+`"}}`, reqs[1].Request.Body)
	assert.Equal(t, id, field(reqs[1], "pit_id"))
	assert.Equal(t, idsDown(30, 10), reqs[1].Records())
	assert.Equal(t, idsDown(20, 10), reqs[2].Records(), "the deleted records are still in the snapshot")
	assert.Equal(t, idsDown(10, 10), reqs[3].Records(), "the inserted ones are not")
	assert.Equal(t, int64(30), reqs[3].Total.Reported)
	assert.Equal(t, 404, reqs[4].Response.Status)
	assert.Contains(t, reqs[4].Reason, "it expired (unused for more than snapshot-ttl ticks)")

	// Without snapshot.open a request naming none opens one and names it;
	// an unknown one is refused; snapshot.path refuses another path.
	tr = runText(t, "contract offset\n  path /a\n  path /b\n  snapshot snap\n  snapshot.field snap\n  snapshot.path /b\nrecords 30\nGET /b?limit=10\ndelete at 0..9\nnext\nGET /b?snap=nope\nGET /a?snap=nope\n")
	reqs = requests(tr)
	assert.Equal(t, []bool{true, true, false, false}, accepted(tr))
	assert.Equal(t, idsDown(20, 10), reqs[1].Records())
	assert.Equal(t, field(reqs[0], "snap"), field(reqs[1], "snap"))
	assert.Contains(t, reqs[2].Reason, "no open snapshot has the id `nope`")
	assert.Equal(t, 404, reqs[2].Response.Status)
	assert.Contains(t, reqs[3].Reason, "a request naming a snapshot is sent to /b")
}

// snapshot.close, declared: DELETE to its path with the id closes the
// snapshot (200, one freed); next then sends the closed id again and is
// refused as an expired one; a second close frees nothing (404); a close
// without an id is refused (kind close, its message replaced here); GET on
// the close path is a 405 naming DELETE, and the editor says so.
func TestDeclaredSnapshotClose(t *testing.T) {
	const decl = "contract offset\n  snapshot snap\n  snapshot.field snap\n  snapshot.close /close\n  error.message close no id\nrecords 30\n"
	id := field(requests(runText(t, decl+"GET /items?limit=10\n"))[0], "snap") // the runs are deterministic
	tr := runText(t, decl+"GET /items?limit=10\nDELETE /close {\"id\":\""+id+"\"}\nnext\nDELETE /close {\"id\":\""+id+"\"}\nDELETE /close {}\nGET /close\n")
	reqs := requests(tr)
	assert.Equal(t, []bool{true, true, false, false, false, false}, accepted(tr))
	assert.Equal(t, `{"succeeded":true,"num_freed":1}`, string(reqs[1].Response.Body()))
	assert.Equal(t, "/items?limit=10&offset=10&snap="+id, reqs[2].Request.URL, "the close leaves the walk where it was")
	assert.Equal(t, 404, reqs[2].Response.Status)
	assert.Contains(t, reqs[2].Reason, "was closed")
	assert.Equal(t, 404, reqs[3].Response.Status)
	assert.Equal(t, `{"succeeded":false,"num_freed":0}`, string(reqs[3].Response.Body()))
	assert.Equal(t, "no id", reqs[4].Reason)
	assert.Equal(t, 405, reqs[5].Response.Status)
	require.Len(t, tr.Warnings, 1)
	assert.Contains(t, tr.Warnings[0].Message, "contract serves /close with DELETE, not GET")
}

// offset.in both, snapshot.keep-alive and snapshot.tiebreak, declared: the
// knobs behind Elasticsearch's from/size in the query, keep_alive and
// _shard_doc (their vendor facts are quoted in catalog_elastic_test.go).
// from=10 in the query wins over the body's 0; a sorted request through a
// snapshot gets one more sort value, its position in the snapshot: 10 for
// the first record of page 2; opened for 3s (3 ticks) and unused for 4, the
// snapshot is gone; opening one without keep_alive is refused.
func TestDeclaredKeepAliveTiebreak(t *testing.T) {
	const decl = "contract offset\n  method POST\n  offset from\n  offset.in both\n  limit size\n  limit.in both\n  limit.default 10\n" +
		"  items hits\n  values sort\n  record {\"_id\":\"{id}\",\"sort\":{sort}}\n" +
		"  snapshot pit.id\n  snapshot.in body\n  snapshot.field pit_id\n  snapshot.open /pit\n  snapshot.keep-alive keep_alive\n  snapshot.tiebreak true\n" +
		"records 30\n"
	const head = "POST /items?from=10 {\"from\":0}\nPOST /pit?keep_alive=3s\n"
	id := field(requests(runText(t, decl+head))[1], "id") // the runs are deterministic
	tr := runText(t, decl+head+
		"POST /items {\"pit\":{\"id\":\""+id+"\"},\"from\":10,\"sort\":\"created\"}\nwait 4\nnext\nPOST /pit\n")
	reqs := requests(tr)
	assert.Equal(t, []bool{true, true, true, false, false}, accepted(tr))
	assert.Equal(t, idsDown(20, 10), reqs[0].Records())
	sort, _ := member(reqs[2], "hits").Items[0].Get("sort")
	assert.Equal(t, "[20,20,10]", string(appendJSONValue(nil, sort)), "created, id and the position in the snapshot")
	assert.Equal(t, 404, reqs[3].Response.Status)
	assert.Contains(t, reqs[4].Reason, "[keep_alive] is not specified")
	for _, bad := range []string{"  snapshot.tiebreak true\n", "  snapshot pit\n  snapshot.open /p\n  snapshot.keep-alive k\n  snapshot.ttl 5\n"} {
		assert.NotEmpty(t, Check("contract offset\n"+bad), bad)
	}
}

// values: a keyset of public sort values beside the offset (Elasticsearch's
// search_after). 100 records newest first with the id tiebreaker: after the
// values [91, 91] come 90..81. A walk from there reads on while pages are
// full: 25..16, 15..6, then 5..1 (short: the end).
func TestDeclaredSortValues(t *testing.T) {
	const decl = "contract offset\n  method POST\n  offset.in body\n  limit.in body\n  items hits\n  values sort\n  record {\"_id\":\"{id}\",\"sort\":{sort}}\n"
	tr := runText(t, decl+"records 100\n"+
		"POST /items {\"limit\":10,\"sort\":\"created\",\"search_after\":[91,91]}\n"+
		"POST /items {\"limit\":10,\"search_after\":[91,91]}\n"+
		"POST /items {\"offset\":10,\"limit\":10,\"sort\":\"created\",\"search_after\":[91,91]}\n"+
		"POST /items {\"limit\":10,\"sort\":\"created\",\"search_after\":[91]}\n")
	reqs := requests(tr)
	assert.Equal(t, []bool{true, false, false, false}, accepted(tr))
	assert.Equal(t, idsDown(90, 10), reqs[0].Records())
	hits := member(reqs[0], "hits")
	assert.Equal(t, `{"_id":"90","sort":[90,90]}`, string(appendJSONValue(nil, hits.Items[0])))
	assert.Contains(t, reqs[1].Reason, "[search_after] needs a sort")
	assert.Contains(t, reqs[2].Reason, "`offset` parameter must be set to 0 when `search_after` is used.")
	assert.Contains(t, reqs[3].Reason, "search_after has 1 value(s) but sort has 2.")

	tr = runText(t, decl+"records 25\nPOST /items {\"limit\":10,\"sort\":\"created\",\"search_after\":[1000,1000]}\nwalk\n")
	reqs = requests(tr)
	require.Len(t, reqs, 3)
	assert.Equal(t, `{"limit":10,"sort":"created","search_after":[16,16]}`, reqs[1].Request.Body)
	assert.Equal(t, idsDown(5, 5), reqs[2].Records())
	assert.Equal(t, int64(25), tr.Walks[0].Distinct)
}

// total gte with total.track, and limit.zero empty: 30 records, cap 20. The
// total is a lower bound above the cap ("gte": exact up to it, so 20 records
// would still be eq), track true counts exactly, false reports none, and a
// number moves the cap; a page size of 0 answers no records, only the total.
func TestDeclaredTotalTrackAndEmptySize(t *testing.T) {
	const decl = "contract offset\n  total gte\n  total.cap 20\n  total.relation relation\n  total.track track\n  limit.zero empty\nrecords 30\n"
	tr := runText(t, decl+"GET /items\nGET /items?track=true\nGET /items?track=false\nGET /items?track=40\nGET /items?limit=0\nGET /items?track=many\n")
	reqs := requests(tr)
	assert.Equal(t, []bool{true, true, true, true, true, false}, accepted(tr))
	assert.Equal(t, "20 gte", field(reqs[0], "total")+" "+field(reqs[0], "relation"))
	assert.Equal(t, "30 eq", field(reqs[1], "total")+" "+field(reqs[1], "relation"))
	_, has := fieldOf(reqs[2], "total")
	assert.False(t, has)
	assert.Equal(t, "30 eq", field(reqs[3], "total")+" "+field(reqs[3], "relation"))
	assert.Empty(t, reqs[4].Records())
	assert.Contains(t, reqs[5].Reason, "track must be a whole number, got `many`")

	tr = runText(t, "contract offset\n  total gte\n  total.cap 20\nrecords 20\nGET /items\n")
	assert.Equal(t, TotalReport{"exact", 20, 20}, requests(tr)[0].Total, "gte: exact up to the cap")
}

func TestDeclaredSnapshotAndValuesDiagnostics(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"contract cursor\n  values sort\n", "contradictory contract: values (a keyset of public sort values) sits beside the offset: it needs the base `offset`, not `cursor`"},
		{"contract offset\n  total.track track\n", "contradictory contract: total.track moves total.cap: it needs total `capped` or `gte`"},
		{"contract offset\n  snapshot.ttl 5\n", "contradictory contract: snapshot.* knobs need snapshot"},
		{"contract offset\n  snapshot snap\n", "contradictory contract: a snapshot opened by a page needs snapshot.field"},
		{"contract offset\n  snapshot snap\n  snapshot.open /items\n", "contradictory contract: snapshot.open /items is a path of the list"},
		{"contract offset\n  snapshot snap\n  snapshot.field snap\n  snapshot.close /items\n", "contradictory contract: snapshot.close /items is a path of the list or snapshot.open"},
		{"contract offset\n  snapshot snap\n  snapshot.open /pit\n  snapshot.close /pit\n", "contradictory contract: snapshot.close /pit is a path of the list or snapshot.open"},
		{"contract offset\n  snapshot.close /pit\n", "contradictory contract: snapshot.* knobs need snapshot"},
		{"contract offset\n  snapshot snap\n  snapshot.field snap\n  snapshot.path /other\n", "contradictory contract: snapshot.path /other is not among the paths"},
		{"contract offset\n  snapshot snap\n  snapshot.in body\n  snapshot.field snap\n", "contradictory contract: `snap` is read from the body, which a GET request has none of"},
		{"contract offset\n  record {\"id\":{id}\n", "record: expected a JSON object"},
		{"contract offset\n  snapshot.status 200\n", "snapshot.status: expected a whole number from 400, got `200`"},
	} {
		ds := Check(c.text)
		require.NotEmpty(t, ds, c.text)
		assert.Contains(t, ds[0].Message, c.want, c.text)
		assert.Positive(t, ds[0].Line, c.text)
		assert.Positive(t, ds[0].Col, c.text)
	}
}

// cursor.kind position, declared: Django REST framework's CursorPagination
// (pagination.py encode_cursor: base64 of "o=..&r=1&p=.."; the page after
// the position, then o records skipped; previous is the reverse cursor at
// the page's first record). 30 records, keys 30..1, 10 a page: page 1's
// next is p=21 ("cD0yMQ=="), page 2 is 20..11, its previous r=1&p=20
// ("cj0xJnA9MjA="), which leads back to 30..21.
func TestDeclaredPositionCursor(t *testing.T) {
	text := `contract cursor
  cursor.kind position
  after cursor
  before none
  limit.default 10
  next.url next
  prev.url previous
  url.query sorted
  error.status 404
records 30
GET /items
next
prev
GET /items?cursor=nope
`
	assert.Empty(t, Check(text))
	reqs := requests(runText(t, text))
	assert.Equal(t, "/items?cursor=cD0yMQ%3D%3D", field(reqs[0], "next"))
	assert.Equal(t, idsDown(20, 10), reqs[1].Records())
	assert.Equal(t, "/items?cursor=cj0xJnA9MjA%3D", field(reqs[1], "previous"))
	assert.Equal(t, idsDown(30, 10), reqs[2].Records())
	assert.Equal(t, 404, reqs[3].Response.Status)
	assert.Contains(t, Check("contract cursor\n  cursor.kind position\n")[0].Message, "cursor.kind position needs the base `cursor` and next.url")
}

// The connection base, as graphql-relay-js's connectionFromArraySlice
// (arrayConnection.ts): 10 records, ids 10..1 at offsets 0..9. first 3 is
// offsets 0..2 with hasNextPage; after the cursor of offset 2
// (base64("arrayconnection:2")) come 3..5; last 2 before offset 5 is 3..4
// with hasPreviousPage; a cursor that does not decode cuts nothing; a walk
// forward reads all 10; a negative first is refused.
func TestDeclaredConnection(t *testing.T) {
	const decl = "contract connection\n  method POST\n  limit.in body\n  last.in body\n  after.in body\n  before.in body\n"
	tr := runText(t, decl+"records 10\nPOST /items {\"first\":3}\nnext\nPOST /items {\"last\":2,\"before\":\"YXJyYXljb25uZWN0aW9uOjU=\"}\nPOST /items {\"first\":2,\"after\":\"nope\"}\nPOST /items {\"first\":-1}\n")
	reqs := requests(tr)
	assert.Equal(t, []bool{true, true, true, true, false}, accepted(tr))
	assert.Equal(t, []int64{10, 9, 8}, reqs[0].Records())
	assert.Equal(t, "YXJyYXljb25uZWN0aW9uOjI=", member(reqs[0], "pageInfo").Members[1].Value.Str)
	assert.Equal(t, `{"after":"YXJyYXljb25uZWN0aW9uOjI=","first":3}`, reqs[1].Request.Body)
	assert.Equal(t, []int64{7, 6, 5}, reqs[1].Records())
	assert.Equal(t, []int64{7, 6}, reqs[2].Records())
	info := string(appendJSONValue(nil, member(reqs[2], "pageInfo")))
	assert.Contains(t, info, `"hasNextPage":false`, "computed only with first")
	assert.Contains(t, info, `"hasPreviousPage":true`)
	assert.Equal(t, []int64{10, 9}, reqs[3].Records())
	assert.Contains(t, reqs[4].Reason, "first must be at least 0")

	tr = runText(t, decl+"records 10\nPOST /items {\"first\":4}\nwalk\n")
	assert.Len(t, requests(tr), 3)
	assert.Equal(t, int64(10), tr.Walks[0].Distinct)
	assert.Contains(t, Check("contract cursor\n  last last\n")[0].Message, "last and cursor.prefix need the base `connection`")
}

// client.trap requested, limit.echo, offset.echo and const {url}: the
// server serves at most 10 and says so; a client that adds the 20 it asked
// for reads offset 20 next, and records 20 to 11 are in no page. The client
// that follows the contract adds the 10 it was served and reads all 30.
func TestDeclaredRequestedSizeTrap(t *testing.T) {
	decl := `contract offset
  limit.default 10
  limit.max 10
  limit.echo size
  offset.echo start
  next.link.base https://x.test
  const self {url}
  client.trap requested
`
	tr := runText(t, decl+"records 30\nGET /items?offset=0&limit=20\nwalk\n")
	reqs := requests(tr)
	require.Len(t, reqs, 2)
	assert.Contains(t, bodyOf(reqs[0]), `"self":"https://x.test/items?offset=0&limit=20"`)
	assert.Contains(t, bodyOf(reqs[0]), `"start":0`)
	assert.Contains(t, bodyOf(reqs[0]), `"size":10`)
	assert.Equal(t, "/items?offset=20&limit=20", reqs[1].Request.URL)
	assert.Equal(t, idsDown(10, 10), reqs[1].Records())
	assert.Contains(t, reqs[1].Reason, "offset=20 was computed from the limit the client asked for, not the 10 the server used: ")

	tr = runText(t, strings.Replace(decl, "  client.trap requested\n", "", 1)+"records 30\nGET /items?offset=0&limit=20\nwalk\n")
	assert.Len(t, requests(tr), 3)
	assert.Equal(t, int64(30), tr.Walks[0].Distinct)
}

// client.trap null-check with next.end absent: the last page has no
// next_cursor key, so the client sends the query again without a cursor and
// reads page 1 again. With next.end null it stops where it should.
func TestDeclaredNullCheckTrap(t *testing.T) {
	decl := "contract cursor\n  before none\n  client.trap null-check\n  next.end "
	tr := runText(t, decl+"absent\nrecords 15\nGET /items?limit=10\nnext\nnext\n")
	reqs := requests(tr)
	require.Len(t, reqs, 3)
	assert.Equal(t, idsDown(5, 5), reqs[1].Records())
	assert.Equal(t, "/items?limit=10", reqs[2].Request.URL)
	assert.Equal(t, reqs[0].Records(), reqs[2].Records(), "page 1 again")

	tr = runText(t, decl+"null\nrecords 15\nGET /items?limit=10\nnext\nnext\n")
	assert.Len(t, requests(tr), 2)
	assert.Contains(t, tr.Steps[len(tr.Steps)-1].Text, "no next page: next_cursor is null")
}

// token.bound-to: the token belongs to q only; sort may change, q may not.
func TestDeclaredTokenBoundTo(t *testing.T) {
	decl := "contract cursor\n  token.bound-to q\n  params q, sort\nrecords 30\nGET /items?limit=10&q=a&sort=x\n"
	tok := field(requests(runText(t, decl))[0], "next_cursor")
	tr := runText(t, decl+"GET /items?limit=10&q=a&sort=y&after="+tok+"\nGET /items?limit=10&q=b&sort=x&after="+tok+"\n")
	assert.Equal(t, []bool{true, true, false}, accepted(tr))
	assert.Equal(t, idsDown(20, 10), requests(tr)[1].Records())
	assert.Contains(t, requests(tr)[2].Reason, "the page token was issued for a request with other q")
}

// The new knobs' bad values and contradictions.
func TestDeclaredTrapDiagnostics(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"contract offset\n  client.trap requestd\n", "client.trap: expected `requested`, `total` or `null-check`, got `requestd`; did you mean `requested`?"},
		{"contract cursor\n  client.trap requested\n", "contradictory contract: client.trap requested needs the base `offset` or `page`"},
		{"contract page\n  client.trap null-check\n", "contradictory contract: client.trap null-check needs next.cursor"},
		{"contract cursor\n  short-pages short\n  client.trap null-check\n", "a contract has one trap: short-pages or client.trap"},
		{"contract offset\n  client.follows returned\n", "client.follows names the client beside client.trap"},
		{"contract cursor\n  offset.echo start\n", "contradictory contract: page.echo needs the base `page` or `session`, offset.echo the base `offset`"},
	} {
		ds := Check(c.text)
		require.NotEmpty(t, ds, c.text)
		assert.Contains(t, ds[0].Message, c.want, c.text)
	}
}

// repeated last reads a parameter sent twice by its last value, as
// Django's QueryDict does ("returns the last value" for a key with several);
// first, the default, by its first.
func TestDeclaredRepeatedParameter(t *testing.T) {
	reqs := requests(runText(t, "contract offset\n  repeated last\nrecords 30\nGET /items?limit=5&limit=7\n"))
	assert.Len(t, reqs[0].Records(), 7)
	reqs = requests(runText(t, "contract offset\nrecords 30\nGET /items?limit=5&limit=7\n"))
	assert.Len(t, reqs[0].Records(), 5)
}

// first and last together, as connectionFromArraySlice allows: first cuts
// the list to its head (offsets 0..3 of 5), then last keeps that head's tail
// (offsets 2..3, ids 3 and 2); each flag is computed for the argument that
// asks for it, so both are true. A walk that starts with last alone goes
// backward: the client sends before = startCursor (offset 15 of 25 after
// the last 10, base64("arrayconnection:15")) while hasPreviousPage is true.
func TestDeclaredConnectionFirstAndLast(t *testing.T) {
	tr := runText(t, "contract connection\nrecords 5\nGET /items?first=4&last=2\n")
	s := requests(tr)[0]
	assert.Equal(t, []int64{3, 2}, s.Records())
	info := string(appendJSONValue(nil, member(s, "pageInfo")))
	assert.Contains(t, info, `"hasPreviousPage":true`)
	assert.Contains(t, info, `"hasNextPage":true`)

	const decl = "contract connection\n  method POST\n  limit.in body\n  last.in body\n  after.in body\n  before.in body\n"
	tr = runText(t, decl+"records 25\nPOST /items {\"last\":10}\nwalk\n")
	reqs := requests(tr)
	require.Len(t, reqs, 3)
	assert.Equal(t, idsDown(10, 10), reqs[0].Records())
	assert.JSONEq(t, `{"before":"YXJyYXljb25uZWN0aW9uOjE1","last":10}`, reqs[1].Request.Body)
	assert.Equal(t, idsDown(20, 10), reqs[1].Records())
	assert.Equal(t, idsDown(25, 5), reqs[2].Records())
	assert.Equal(t, int64(25), tr.Walks[0].Distinct)
}

// Codefresh's builds before 2021 ("you could fetch any possible page within
// the results and each call was completely independent from the previous
// one", Codefresh's paging page,
// https://codefresh.io/docs/docs/troubleshooting/common-issues/paging-issues-builds-images/)
// as a declared contract: next.by pages, pages.independent, past-end silent
// and order.
func TestDeclaredPageCountClient(t *testing.T) {
	const decl = "contract page\n  path /workflow\n  limit limit\n  limit.default 25\n  items docs\n  page.echo page\n  limit.echo limit\n" +
		"  pages pages\n  next.by pages\n  past-end silent\n  pages.independent true\n  order page, limit, total, pages\n"
	tr := runText(t, decl+"records 60\nGET /workflow?page=1\nnext\nnext\nnext\nGET /workflow?page=5\nprev\nGET /workflow?page=1&limit=40\nprev\n")
	reqs := requests(tr)
	require.Len(t, reqs, 6)
	// next sends the page after the one it sent, with the size the
	// response echoed (25, the default, though the request named none).
	assert.Equal(t, "/workflow?page=2&limit=25", reqs[1].Request.URL)
	assert.Equal(t, "/workflow?page=3&limit=25", reqs[2].Request.URL)
	// ⌈60/25⌉ = 3 pages: the client stops after page 3 by the count.
	assert.Equal(t, "no next page: this is page 3 of 3", tr.Steps[3].Text)
	// Page 5 of 3 is past the end: empty, answered, and said nothing of;
	// every page is independent, so the page that starts a new walk is
	// valid, and the note says so.
	assert.True(t, reqs[3].Accepted)
	assert.Empty(t, reqs[3].Records())
	assert.NotContains(t, reqs[3].Reason, "past the end")
	assert.True(t, strings.HasPrefix(reqs[3].Reason, "page 5 is valid here (every page is independent), but page 5 does not follow"), reqs[3].Reason)
	assert.Equal(t, "/workflow?page=4&limit=25", reqs[4].Request.URL, "prev: the page before the one sent")
	assert.Equal(t, "no previous page: this is page 1", tr.Steps[len(tr.Steps)-1].Text)
	// order: the members beside the records in the order named, not the
	// base's (page, pages, limit, total).
	assert.Equal(t, `{"docs":[],"page":5,"limit":25,"total":60,"pages":3}`, string(reqs[3].Response.Body()))
	// The count is exact: an empty list has 0 pages, and page 1 of it is
	// the last there is.
	tr = runText(t, decl+"records 0\nGET /workflow?page=1\nnext\n")
	assert.Equal(t, "0", field(requests(tr)[0], "pages"))
	assert.Equal(t, "no next page: this is page 1 of 0", tr.Steps[1].Text)

	for _, c := range []struct{ decl, want string }{
		{"contract offset\n  next.by pages\n", "next.by pages needs the base `page`"},
		{"contract page\n  next.by pages\n  limit.echo limit\n", "next.by pages needs the base `page`"},
		{"contract cursor\n  pages.independent true\n", "pages.independent and position.first need the base `offset` or `page`"},
		{"contract page\n  next.by count\n", "next.by: expected `pages`, got `count`"},
	} {
		ds := Check(c.decl + "records 5\n")
		require.NotEmpty(t, ds, c.decl)
		assert.Contains(t, ds[0].Message, c.want, c.decl)
	}
}

// celigoLinkDecl is the Link-header list of Celigo's pagination page
// (https://developer.celigo.com/api/using-the-api/pagination) declared as
// knobs: skip/limit, a bare array of records keyed by _id, and "Link:
// <https://api.integrator.io/v1/integrations?skip=100&limit=1000>;
// rel="next", <https://api.integrator.io/v1/integrations?skip=0&limit=1000>;
// rel="prev"".
const celigoLinkDecl = "contract offset\n  path /v1/integrations\n  offset skip\n  limit.default 100\n  limit.max 1000\n  bare true\n  id.name _id\n  total none\n" +
	"  next.link next, prev\n  next.link.base https://api.integrator.io\n  prev.link always\n  url.query front\n"

// id.name, prev.link always and url.query front: the first page's header
// is the page's example, limit for limit: skip and limit first, prev at
// skip=0 on the first page too.
func TestDeclaredCeligoLinkHeader(t *testing.T) {
	tr := runText(t, celigoLinkDecl+"records 250\nGET /v1/integrations?limit=100&fields=name\nwalk\n")
	reqs := requests(tr)
	require.Len(t, reqs, 3)
	assert.Equal(t, `<https://api.integrator.io/v1/integrations?skip=100&limit=100&fields=name>; rel="next", `+
		`<https://api.integrator.io/v1/integrations?skip=0&limit=100&fields=name>; rel="prev"`, firstHeader(reqs[0].Response.Header, "Link"))
	assert.True(t, strings.HasPrefix(string(reqs[0].Response.Body()), `[{"_id":250,`), string(reqs[0].Response.Body()))
	// The last page (skip=200) has no rel="next", and its prev is 100 back.
	assert.Equal(t, `<https://api.integrator.io/v1/integrations?skip=100&limit=100&fields=name>; rel="prev"`, firstHeader(reqs[2].Response.Header, "Link"))
	assert.Equal(t, "absent", reqs[0].Total.Kind, "total none: the page says nothing of a total")

	// Without prev.link always the first page has no rel="prev".
	tr = runText(t, strings.Replace(celigoLinkDecl, "  prev.link always\n", "", 1)+"records 250\nGET /v1/integrations?limit=100\n")
	assert.NotContains(t, firstHeader(requests(tr)[0].Response.Header, "Link"), "prev")
}

// sort, sort.value, created.after and created.before: "For
// snapshot-accurate exports, restrict by a time window (createdAfter,
// createdBefore) and sort by _id" (Celigo's pagination page). Records
// created at ticks 1..1000 have ids 1..1000; five arrive per tick during the
// walk, after tick 1000, so outside the window: the export returns ids 1 to
// 1000 once each, oldest first, and the walk is consistent.
func TestDeclaredSortAndTimeWindow(t *testing.T) {
	decl := celigoLinkDecl + "  sort sort\n  sort.value _id\n  created.after createdAfter\n  created.before createdBefore\n"
	tr := runText(t, decl+"records 1000\nstream 5 every 1\nGET /v1/integrations?createdAfter=0&createdBefore=1001&sort=_id&limit=100\nwalk\n")
	reqs := requests(tr)
	require.Len(t, reqs, 10)
	assert.Equal(t, idsUp(1, 100), reqs[0].Records(), "sort=_id: oldest first")
	assert.Equal(t, idsUp(901, 100), reqs[9].Records())
	w := tr.Walks[0]
	assert.True(t, w.Consistent, w.Verdict)
	assert.Equal(t, int64(1000), w.Distinct)
	assert.Equal(t, int64(0), w.Inserted.Count, "the arrivals are outside the window the walk is scoped to")

	// Both bounds exclusive: after 500 and before 601 are ids 501..600, 100
	// records, newest first without a sort. Another sort is refused, and so
	// is a bound that is not a number, each with its kind of refusal.
	tr = runText(t, decl+"  error.message sort {message} (Celigo sorts by _id)\nrecords 1000\n"+
		"GET /v1/integrations?createdAfter=500&createdBefore=601&limit=1000\n"+
		"GET /v1/integrations?sort=name\nGET /v1/integrations?createdAfter=soon\n")
	reqs = requests(tr)
	assert.Equal(t, idsDown(600, 100), reqs[0].Records())
	assert.Contains(t, reqs[0].Reason, "the window selects 100 records created after 500 and before 601")
	assert.Equal(t, []bool{true, false, false}, accepted(tr))
	assert.Equal(t, "sort=name is not a sort this simulator knows: use sort=_id (Celigo sorts by _id)", reqs[1].Reason)
	assert.Equal(t, "createdAfter must be a whole number, got `soon` (a simulated tick)", reqs[2].Reason)

	// The editor knows the three parameters: no warning for them.
	tr = runText(t, decl+"records 10\nGET /v1/integrations?sort=_id&createdAfter=1&createdBefore=5\n")
	assert.Empty(t, tr.Warnings)
}

// quiet tiebreak: the simulator's note on a cursor over a sort without a
// tiebreaker is left out (Celigo's flow errors and migrated lists say
// nothing of it).
func TestDeclaredQuiet(t *testing.T) {
	tr := runText(t, "contract cursor\nrecords 50\nsort created/10\nGET /items?limit=10\n")
	assert.Contains(t, requests(tr)[0].Reason, "no tiebreaker")
	tr = runText(t, "contract cursor\n  quiet tiebreak\nrecords 50\nsort created/10\nGET /items?limit=10\n")
	assert.Empty(t, requests(tr)[0].Reason)
}

// next.end.option: "Iterate by following nextPageURL until it's absent or
// empty" (Celigo's pagination page): the profile option last-page-url
// chooses which the last page says.
func TestDeclaredNextEndOption(t *testing.T) {
	decl := "contract cursor\n  path /v1/flows/{flowId}/errors\n  limit pageSize\n  before none\n  items errors\n  next.url nextPageURL\n  next.end absent\n  next.end.option true\n  url.query front\n"
	tr := runText(t, decl+"records 15\nGET /v1/flows/f1/errors?pageSize=10\nwalk\n")
	reqs := requests(tr)
	require.Len(t, reqs, 2)
	next, _ := fieldOf(reqs[0], "nextPageURL")
	assert.True(t, strings.HasPrefix(next, "/v1/flows/f1/errors?after="), "url.query front: the cursor first, then pageSize: %s", next)
	assert.True(t, strings.HasSuffix(next, "&pageSize=10"), next)
	_, ok := fieldOf(reqs[1], "nextPageURL")
	assert.False(t, ok, "next.end absent")

	s := mustParse(t, decl+"records 15\nGET /v1/flows/f1/errors?pageSize=10\nwalk\n")
	s.Setup.Options = []Option{{Name: "last-page-url", Value: "empty"}}
	tr = execute(s)
	v, ok := fieldOf(requests(tr)[1], "nextPageURL")
	assert.True(t, ok)
	assert.Equal(t, "", v, "last-page-url=empty")
	assert.True(t, tr.Walks[0].Complete, "an empty nextPageURL ends the walk too")
}

// token.use chain: "Never cache the full Link URL across a page. Each next
// link is tied to the specific request that produced it. Always follow the
// fresh header on the latest response." (Celigo's pagination page). Page 1's
// link works until page 2 is fetched through it; then it is refused, and
// page 2's fresh link still works. {message} keeps the simulator's reason
// before the API's advice.
func TestDeclaredChainedLinks(t *testing.T) {
	decl := "contract cursor\n  path /v1/integrations\n  after cursor\n  before none\n  limit.default 100\n  bare true\n  id.name _id\n" +
		"  next.link next\n  url.query front\n  token.use chain\n  error.message reused {message}: always follow the fresh header\n"
	tr := runText(t, decl+"records 250\nGET /v1/integrations?limit=100\nnext\n")
	link := requests(tr)[1].Request.URL
	assert.True(t, strings.HasPrefix(link, "/v1/integrations?cursor="), link)
	tr = runText(t, decl+"records 250\nGET /v1/integrations?limit=100\nnext\nGET "+link+"\nnext\nGET "+link+"\n"+
		"GET "+strings.Replace(link, "/v1/integrations", "/v1/other", 1)+"\n")
	reqs := requests(tr)
	assert.Equal(t, []bool{true, true, false, true, false, false}, accepted(tr))
	assert.Equal(t, "this link came with page 1 and was already followed; page 2 carries the fresh one: always follow the fresh header", reqs[2].Reason)
	assert.Equal(t, idsDown(50, 50), reqs[3].Records(), "the fresh link still works after the refusal")
	assert.Equal(t, "this link came with page 1 and was already followed (to the last page): always follow the fresh header", reqs[4].Reason)
	assert.Equal(t, 404, reqs[5].Response.Status, "another path is no list of this contract")

	// A fresh link with another page size is refused: it is tied to the
	// request that produced it.
	tr = runText(t, decl+"records 250\nGET /v1/integrations?limit=100\nGET "+strings.Replace(link, "limit=100", "limit=50", 1)+"\n")
	assert.Equal(t, "the link said limit=100, the request limit=50", requests(tr)[1].Reason)

	// A link of another list is refused as foreign; a cursor the server
	// never issued as cursor.
	tr = runText(t, strings.Replace(decl, "  after cursor", "  path /v1/flows\n  after cursor", 1)+"  error.message foreign {message}: follow this list's own links\nrecords 250\n"+
		"GET /v1/integrations?limit=100\nGET "+strings.Replace(link, "/v1/integrations", "/v1/flows", 1)+"\nGET /v1/flows?cursor=0123456789abcdef\n")
	reqs = requests(tr)
	assert.Equal(t, []bool{true, false, false}, accepted(tr))
	assert.True(t, strings.HasSuffix(reqs[1].Reason, "was issued for another list: follow this list's own links"), reqs[1].Reason)
	assert.Contains(t, reqs[2].Reason, "is not one this server issued")

	// Two walks, each with its own chain, do not spoil each other's.
	tr = runText(t, decl+"records 250\n@a GET /v1/integrations?limit=100\n@b GET /v1/integrations?limit=100\n@a walk\n@b walk\n")
	assert.Equal(t, []bool{true, true, true, true, true, true}, accepted(tr))
	require.Len(t, tr.Walks, 2)
	assert.True(t, tr.Walks[0].Consistent && tr.Walks[1].Consistent)
}

func TestDeclaredCeligoKnobsContradictions(t *testing.T) {
	for _, c := range []struct{ decl, want string }{
		{"contract offset\n  sort sort\n", "sort and sort.value go together"},
		{"contract cursor\n  created.after createdAfter\n", "need the base `offset` or `page`"},
		{"contract offset\n  prev.link always\n", "it needs next.link with prev"},
		{"contract cursor\n  token.use chain\n", "it needs before `none`"},
		{"contract offset\n  next.end.option true\n", "set one of them"},
		{"contract offset\n  quiet drift\n", "quiet: expected `tiebreak`, got `drift`"},
		{"contract offset\n  url.query back\n", "expected `kept`, `sorted`, `cursor` or `front`"},
		{"contract id\n  after.empty cursor\n", "after.empty cursor is about the cursor base's after and before"},
	} {
		ds := Check(c.decl)
		require.NotEmpty(t, ds, c.decl)
		assert.Contains(t, ds[0].Message, c.want, c.decl)
	}
}

// after.empty cursor: Celigo's lists read an empty cursor as a cursor the
// server never issued (the hand-written servers did: "never hand-craft"),
// where by default an empty cursor is as if none was sent.
func TestDeclaredEmptyCursor(t *testing.T) {
	const decl = "contract cursor\n  before none\n"
	tr := runText(t, decl+"records 10\nGET /items?after=&limit=5\n")
	assert.Equal(t, []bool{true}, accepted(tr), "an empty cursor is none: the first page")
	tr = runText(t, decl+"  after.empty cursor\nrecords 10\nGET /items?after=&limit=5\n")
	assert.Equal(t, []bool{false}, accepted(tr))
	assert.Contains(t, requests(tr)[0].Reason, "the cursor `` is not one this server issued")
}

// Flashduty's traditional pagination as a declared contract (Flashduty's
// pagination page,
// https://developer-en.flashcat.cloud/en/flashduty/open-api/about-pagination):
// p and limit in a POST body, "PAGE * LIMIT must be <= 10000", total capped
// at 1000, "use has_next_page to determine if there's a next page, rather
// than total". The knobs: refuse (a body parameter sent in the query),
// refuse.body, position.first, next.link.limit sent on the page base,
// client.trap total and error.status for one kind.
func TestDeclaredBodyPagesAndTotalTrap(t *testing.T) {
	const decl = "contract page\n  method POST\n  path /incident/list\n  page p\n  page.in body\n  limit limit\n  limit.in body\n" +
		"  limit.over-max refuse\n  window 10000\n  total capped\n  total.cap 1000\n  next.flag has_next_page\n  next.link.limit sent\n" +
		"  refuse p\n  refuse limit\n  refuse.body search_after_ctx\n  position.first true\n  error.status method 400\n"
	tr := runText(t, decl+"records 1500\nPOST /incident/list {\"p\":9,\"status\":\"open\"}\nnext\nGET /incident/list\n"+
		"POST /incident/list?p=2 {}\nPOST /incident/list {\"p\":0,\"limit\":0}\nPOST /incident/list {\"search_after_ctx\":\"x\"}\nPOST /incident/list {\"p\":101,\"limit\":100}\n")
	reqs := requests(tr)
	require.Len(t, reqs, 7)
	// next changes p only: the size stays as the request wrote it (here
	// left out), the filter stays.
	assert.Equal(t, `{"p":10,"status":"open"}`, reqs[1].Request.Body)
	assert.Equal(t, idsDown(1500-180, 20), reqs[1].Records(), "page 10 of 20: positions 180-199")
	// A method refused with 400 carries no Allow header (that is 405's).
	assert.Equal(t, 400, reqs[2].Response.Status)
	assert.Empty(t, reqs[2].Response.Header)
	assert.Equal(t, []bool{false, false, false, false}, accepted(tr)[3:])
	assert.Equal(t, "p is not supported here", reqs[3].Reason)
	assert.Equal(t, "p must be at least 1, got 0", reqs[4].Reason, "position.first: p is checked before limit")
	assert.Equal(t, "search_after_ctx is not supported here", reqs[5].Reason)
	assert.Equal(t, "offset + limit = 10100 is above the window of 10000 records", reqs[6].Reason, "101 × 100 > 10000")
	// The editor says where p goes, rather than that it is not read.
	assert.Contains(t, diagMessages(Check(decl+"records 5\nPOST /incident/list?p=2 {}\n")), "reads `p` from the JSON body, not the query string")

	// client.trap total: the client computes ⌈total/limit⌉ = ⌈1000/100⌉ =
	// 10 pages from the capped total and stops there, though has_next_page
	// says more remain: 500 records are never read.
	tr = runText(t, decl+"  client.trap total\nrecords 1500\nPOST /incident/list {\"p\":1,\"limit\":100}\nwalk\n")
	require.Len(t, requests(tr), 10)
	assert.Equal(t, "the client computed ⌈total/limit⌉ = ⌈1000/100⌉ = 10 pages and stops after page 10, though has_next_page is true", tr.Steps[len(tr.Steps)-1].Text)
	assert.Equal(t, int64(500), tr.Walks[0].Missed.Count)
	// Without the trap the client follows has_next_page to the end.
	tr = runText(t, decl+"records 1500\nPOST /incident/list {\"p\":1,\"limit\":100}\nwalk\n")
	assert.Len(t, requests(tr), 15)

	for _, c := range []struct{ decl, want string }{
		{"contract cursor\n  client.trap total\n", "client.trap total needs the base `page` and a total"},
		{"contract page\n  position.first true\n  page.last last\n", "position.first checks the page as a number"},
		{"contract page\n  error.status method 302\n", "error.status: expected 200 or a status from 400 to 599, got `302`"},
		{"contract page\n  error.status methd 400\n", "did you mean `method`?"},
	} {
		ds := Check(c.decl + "records 5\n")
		require.NotEmpty(t, ds, c.decl)
		assert.Contains(t, ds[0].Message, c.want, c.decl)
	}
}

func diagMessages(ds []Diagnostic) string {
	var b strings.Builder
	for _, d := range ds {
		b.WriteString(d.Message + "\n")
	}
	return b.String()
}

// window.message: {page} and {limit} name what the request sent, as
// Flashduty's "PAGE * LIMIT must be <= 10000" speaks of both.
func TestDeclaredWindowMessagePlaceholders(t *testing.T) {
	tr := runText(t, "contract page\n  window 100\n  window.message {page} × {limit} = {value} > {window}\nrecords 500\nGET /items?page=3&per_page=40\n")
	assert.Equal(t, "3 × 40 = 120 > 100", requests(tr)[0].Reason)
}

// cursor.kind objectid: Flashduty's cursor pagination beside its page
// numbers (Flashduty's pagination page: the body
// {"search_after_ctx":"658bcbae6ab5a67b3b800230","limit":20}, the first page
// without it; search_after_ctx is "returned only if next page exists").
func TestDeclaredObjectIDCursorBesidePages(t *testing.T) {
	const decl = "contract page\n  method POST\n  path /incident/list\n  path /alert/list\n  page p\n  page.in body\n  limit limit\n  limit.in body\n" +
		"  after search_after_ctx\n  after.in body\n  cursor.kind objectid\n  next.cursor search_after_ctx\n  next.end absent\n  next.flag has_next_page\n"
	tr := runText(t, decl+"records 250\nPOST /incident/list {\"limit\":100}\nwalk\nprev\n")
	reqs := requests(tr)
	require.Len(t, reqs, 3)
	tok := field(reqs[0], "search_after_ctx")
	assert.Regexp(t, `^[0-9a-f]{24}$`, tok, "24 hex digits, as the page's 658bcbae6ab5a67b3b800230")
	assert.Equal(t, `{"search_after_ctx":"`+tok+`","limit":100}`, reqs[1].Request.Body, "next sends the cursor, not a page (a new member goes first)")
	assert.Equal(t, idsDown(150, 100), reqs[1].Records())
	_, has := fieldOf(reqs[2], "search_after_ctx")
	assert.False(t, has, "no cursor on the last page")
	assert.Equal(t, int64(250), tr.Walks[0].Distinct)
	assert.True(t, strings.HasPrefix(tr.Steps[len(tr.Steps)-1].Text, "no previous page"), "the cursor only goes forward")

	// Refused: a page and a cursor together, a value not in the format, one
	// never issued, and one issued for another list.
	tr = runText(t, decl+"records 250\nPOST /incident/list {\"limit\":100}\n"+
		"POST /incident/list {\"p\":2,\"search_after_ctx\":\""+tok+"\"}\nPOST /incident/list {\"search_after_ctx\":\"abc\"}\n"+
		"POST /incident/list {\"search_after_ctx\":\"000000000000000000000000\"}\nPOST /alert/list {\"search_after_ctx\":\""+tok+"\"}\n")
	reqs = requests(tr)
	assert.Equal(t, []bool{true, false, false, false, false}, accepted(tr))
	assert.Equal(t, "send p or search_after_ctx, not both: they are two pagination techniques", reqs[1].Reason)
	assert.Contains(t, reqs[2].Reason, "is not a cursor: it is the 24-hex-digit value")
	assert.Contains(t, reqs[3].Reason, "was never issued by this server")
	assert.Contains(t, reqs[4].Reason, "was issued for /incident/list, not /alert/list")

	ds := Check("contract cursor\n  cursor.kind objectid\nrecords 5\n")
	require.NotEmpty(t, ds)
	assert.Contains(t, ds[0].Message, "cursor.kind objectid is a cursor beside the page number: it needs the base `page`, after and next.cursor")
}

// when and or: two styles on one path, chosen by whether the request sends
// page[size] (Zendesk's pagination page: "To use cursor pagination, include
// the page[size] parameter ... If you omit the page[size] parameter, offset
// pagination is used"). 25 records: cursor pages of 10 (25..16, 15..6,
// 5..1) and page-number pages of 10 (page 2 is 15..6); each walk follows
// its own style, prev.url on a cursor page goes back, and the links keep
// the brackets.
func TestDeclaredTwoStyles(t *testing.T) {
	decl := `contract cursor
  limit page[size]
  after page[after]
  before page[before]
  next.url links.next
  prev.url links.prev
  when page[size]
  or page
  total.field count
  next.url next_page
  window 20
`
	text := decl + "records 25\nGET /items?page[size]=10\nnext\nprev\nGET /items?page=2&per_page=10\nnext\n"
	assert.Empty(t, Check(text))
	reqs := requests(runText(t, text))
	require.Len(t, reqs, 5)
	next, _ := member(reqs[0], "links").Get("next")
	assert.Regexp(t, `^/items\?page\[size\]=10&page\[after\]=[0-9a-f]+$`, next.Str)
	assert.Equal(t, next.Str, reqs[1].Request.URL)
	assert.Equal(t, idsDown(15, 10), reqs[1].Records())
	assert.Regexp(t, `^/items\?page\[size\]=10&page\[before\]=`, reqs[2].Request.URL)
	assert.Equal(t, idsDown(25, 10), reqs[2].Records())
	assert.Equal(t, idsDown(15, 10), reqs[3].Records())
	assert.Equal(t, "25", field(reqs[3], "count"))
	assert.Equal(t, "/items?page=3&per_page=10", reqs[4].Request.URL)
	assert.False(t, reqs[4].Accepted, "offset 20 + 10 is past the window of 20")

	for _, c := range []struct{ text, want string }{
		{"contract cursor\n  when page[size]\n", "when and or go together"},
		{"contract cursor\n  or page\n", "when and or go together"},
		{"contract cursor\n  when a\n  or pages\n", "once a contract; got `pages`"},
		{"contract cursor\n  when a\n  or page\n  path /x\n", "the style after or shares the paths and method set before it"},
		{"contract cursor\n  when a\n  or page\n  next.cursor c\n", "contradictory contract: after or: cursor knobs"},
	} {
		ds := Check(c.text)
		require.NotEmpty(t, ds, c.text)
		assert.Contains(t, ds[0].Message, c.want, c.text)
	}
}

// method.also, as Elasticsearch's search (GET and POST /_search, the same
// search either way): the other method reads the same parameters, in the
// query or the body. Any third method is 405, whose message may name {uri},
// the method ({value}) and the methods served ({allow}).
func TestDeclaredMethodAlso(t *testing.T) {
	const decl = "contract offset\n  method POST\n  method.also GET\n  offset from\n  offset.in body\n  limit size\n  limit.in both\n" +
		"  error.message method {value} {uri}: use {allow}\n"
	tr := runText(t, decl+"records 30\nPOST /items {\"size\":5}\nGET /items {\"from\":5,\"size\":5}\nGET /items?size=2\nnext\nDELETE /items?x=1\n")
	assert.Equal(t, []bool{true, true, true, true, false}, accepted(tr))
	reqs := requests(tr)
	assert.Equal(t, idsDown(25, 5), reqs[1].Records(), "a GET's body is read as a POST's")
	assert.Equal(t, idsDown(30, 2), reqs[2].Records())
	assert.Equal(t, idsDown(28, 2), reqs[3].Records())
	assert.Equal(t, 405, reqs[4].Response.Status)
	assert.Equal(t, "DELETE /items?x=1: use POST, GET", reqs[4].Reason)
	require.NotEmpty(t, tr.Warnings)
	assert.Equal(t, "line 14, col 1: warning: contract lists with POST or GET, not DELETE (the server answers 405)", tr.Warnings[0].String(), "the editor knows both methods, and warns of the third only")
	assert.Contains(t, Check("contract offset\n  method POST\n  method.also POST\n")[0].Message, "method.also names another method than method and method.query, got POST twice")
}

// invalid slice, as json-server 0.17's getPage: a negative page size is
// kept, and page P is Array.slice((P-1)*size, P*size): page 1 of -3 on 10
// records is slice(0, -3), records 10..4; page 2 is slice(-3, -6), empty.
// Zero and a size that is not a number are as invalid min says (1; the
// default); the page base only.
func TestDeclaredInvalidSlice(t *testing.T) {
	const decl = "contract page\n  page _page\n  limit _limit\n  invalid slice\n"
	tr := runText(t, decl+"records 10\nGET /items?_page=1&_limit=-3\nGET /items?_page=2&_limit=-3\nGET /items?_page=1&_limit=0\nGET /items?_page=1&_limit=x\n")
	reqs := requests(tr)
	assert.Equal(t, idsDown(10, 7), reqs[0].Records())
	assert.Contains(t, reqs[0].Reason, "_limit=-3 is negative: the page is Array.slice((page-1)*-3, page*-3)")
	assert.Empty(t, reqs[1].Records())
	assert.Equal(t, idsDown(10, 1), reqs[2].Records())
	assert.Equal(t, idsDown(10, 10), reqs[3].Records())
	assert.Contains(t, Check("contract offset\n  invalid slice\n")[0].Message, "invalid slice reads a negative size as Array.slice((page-1)*size, page*size): it needs the base `page`")
}

// numbers unsigned, as OData's $top ("requires a non-negative integer
// value"): a negative value is no number (kind number), 0 a number below
// the minimum (kind size).
func TestDeclaredNumbersUnsigned(t *testing.T) {
	tr := runText(t, "contract offset\n  numbers unsigned\n  error.message number not a number: {value}\n  error.message size too small: {value}\nrecords 10\nGET /items?limit=-1\nGET /items?limit=0\nGET /items?limit=3\n")
	reqs := requests(tr)
	assert.Equal(t, "not a number: -1", reqs[0].Reason)
	assert.Equal(t, "too small: 0", reqs[1].Reason)
	assert.Equal(t, idsDown(10, 3), reqs[2].Records())
}

// page.first 0: pages are numbered from 0, so page 0 is the first page and
// page N starts N pages in (records 25 newest first, 10 a page: page 0 is
// 25..16, page 1 15..6, page 2 5..1, page 3 past the end). The client's
// next page is the number after the one it sent, and -1 is below the first
// page: refused as a bad position (invalid's default, 400).
func TestDeclaredPageFirstZero(t *testing.T) {
	text := `contract page
  page.first 0
  next.page next_page
  items data
records 25
GET /items?per_page=10
walk
GET /items?page=0&per_page=10
GET /items?page=3&per_page=10
GET /items?page=-1&per_page=10
`
	assert.Empty(t, Check(text))
	reqs := requests(runText(t, text))
	require.Len(t, reqs, 6)
	assert.Equal(t, []int64{25, 24, 23, 22, 21, 20, 19, 18, 17, 16}, reqs[0].Records(), "no page: the first, page 0")
	assert.Equal(t, "/items?per_page=10&page=1", reqs[1].Request.URL)
	assert.Equal(t, []int64{15, 14, 13, 12, 11, 10, 9, 8, 7, 6}, reqs[1].Records())
	assert.Equal(t, []int64{5, 4, 3, 2, 1}, reqs[2].Records())
	assert.Equal(t, reqs[0].Records(), reqs[3].Records(), "page=0 is the first page")
	assert.Empty(t, reqs[4].Records(), "page 3 is past the end")
	assert.Equal(t, 400, reqs[5].Response.Status)
}

// bounded, declared: a search with no restriction in q (absent, empty, or
// only an order) is refused with the kind of refusal unbounded.
func TestDeclaredBounded(t *testing.T) {
	tr := runText(t, "contract offset\n  params q\n  bounded q\n  error.message unbounded add a filter\nrecords 10\nGET /items\nGET /items?q=order%20by%20id\nGET /items?q=id>3\n")
	assert.Equal(t, []bool{false, false, true}, accepted(tr))
	assert.Equal(t, "add a filter", requests(tr)[0].Reason)
}
