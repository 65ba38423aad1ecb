//go:build !js

package sim

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The sentences quoted below are from Elasticsearch's "Paginate search
// results" (https://www.elastic.co/docs/reference/elasticsearch/rest-apis/paginate-search-results).

const esSort = `"sort":[{"created":"desc"},{"_id":"asc"}]`

// "By default, searches return the top 10 matching hits." "The from
// parameter defines the number of hits to skip, defaulting to 0."
func TestElasticFromSize(t *testing.T) {
	tr := execute(scenario("elasticsearch", 100, post("/my-index/_search", `{}`), post("/my-index/_search", `{"from":5,"size":20}`)))
	reqs := requests(tr)
	assert.Equal(t, idsDown(100, 10), reqs[0].Records())
	assert.Equal(t, idsDown(95, 20), reqs[1].Records())
	hits := member(reqs[0], "hits")
	total, _ := hits.Get("total")
	assert.Equal(t, `{"value":100,"relation":"eq"}`, string(appendJSONValue(nil, total)))
	list, _ := hits.Get("hits")
	assert.Equal(t, `{"_index":"my-index","_id":"100","_score":null,"_source":{"created":100},"sort":[100,100]}`, string(appendJSONValue(nil, list.Items[0])))
}

// "By default, you cannot use from and size to page through more than 10,000
// hits." The error users quote: "Result window is too large, from + size
// must be less than or equal to: [10000] but was [10010]".
func TestElasticResultWindow(t *testing.T) {
	tr := execute(scenario("elasticsearch", 20000,
		post("/my-index/_search", `{"from":9990,"size":10}`), post("/my-index/_search", `{"from":10000,"size":10}`)))
	assert.Equal(t, []bool{true, false}, accepted(tr))
	s := requests(tr)[1]
	assert.Equal(t, 400, s.Response.Status)
	assert.Contains(t, s.Reason, "Result window is too large, from + size must be less than or equal to: [10000] but was [10010].")
	assert.Equal(t, esErrorInterp, s.Interp)
}

// track_total_hits defaults to 10,000: above it hits.total is a lower bound.
func TestElasticTotalRelation(t *testing.T) {
	tr := execute(scenario("elasticsearch", 25000, post("/my-index/_search", `{}`), post("/my-index/_search", `{"track_total_hits":true}`)))
	reqs := requests(tr)
	total, _ := member(reqs[0], "hits").Get("total")
	assert.Equal(t, `{"value":10000,"relation":"gte"}`, string(appendJSONValue(nil, total)))
	assert.Equal(t, TotalReport{"capped", 10000, 25000}, reqs[0].Total)
	total, _ = member(reqs[1], "hits").Get("total")
	assert.Equal(t, `{"value":25000,"relation":"eq"}`, string(appendJSONValue(nil, total)))
}

// "You can use the search_after parameter to retrieve the next page of hits
// using a set of sort values from the previous page." After [91, 91] come 90..81.
func TestElasticSearchAfter(t *testing.T) {
	tr := execute(scenario("elasticsearch", 100,
		post("/my-index/_search", `{"size":10,`+esSort+`,"search_after":[91,91]}`),
		post("/my-index/_search", `{"size":10,"search_after":[91,91]}`),
		post("/my-index/_search", `{"from":10,"size":10,`+esSort+`,"search_after":[91,91]}`),
		post("/my-index/_search", `{"size":10,`+esSort+`,"search_after":[91]}`)))
	assert.Equal(t, []bool{true, false, false, false}, accepted(tr))
	reqs := requests(tr)
	assert.Equal(t, idsDown(90, 10), reqs[0].Records())
	assert.Contains(t, reqs[2].Reason, "`from` parameter must be set to 0 when `search_after` is used.")
	assert.Contains(t, reqs[3].Reason, "search_after has 1 value(s) but sort has 2.")
}

// A from/size walk over 25,000 hits trusts hits.total.value = 10,000 (gte):
// it stops after 1,000 pages of 10, and 15,000 hits are never read; a
// search_after walk reads them all.
func TestElasticWalks(t *testing.T) {
	tr := execute(scenario("elasticsearch", 25000, post("/my-index/_search", `{"size":1000,`+esSort+`}`), walkAll()))
	reqs := requests(tr)
	require.Len(t, reqs, 10)
	assert.Equal(t, `{"from":1000,"size":1000,"sort":[{"created":"desc"},{"_id":"asc"}]}`, reqs[1].Request.Body)
	assert.Equal(t, int64(15000), tr.Walks[0].Missed.Count)
	assert.Equal(t, NextReport{"total", false, true}, reqs[9].HasNext, "from + size reached the lower bound while hits remained")

	tr = execute(withOptions(scenario("elasticsearch", 25000, post("/my-index/_search", `{"size":1000,`+esSort+`}`), walkAll()), "client", "search-after"))
	reqs = requests(tr)
	assert.Len(t, reqs, 26, "25 full pages, then an empty one")
	assert.Equal(t, `{"search_after":[24001,24001],"size":1000,"sort":[{"created":"desc"},{"_id":"asc"}]}`, reqs[1].Request.Body)
	assert.Equal(t, int64(25000), tr.Walks[0].Distinct)
	assert.True(t, tr.Walks[0].Consistent)
}

// Elasticsearch's "Open a point in time": "a lightweight view into the state
// of the data as it existed when initiated"; "A subsequent search request
// with the pit parameter must not specify index"; "Always use the most
// recently received ID for the next search request". 30 documents, 10 a
// page, a point in time kept alive 5s (5 ticks, one a second): the documents
// deleted after it was opened are still read, those indexed after it are
// not, and one unused for longer than its keep_alive is a 404
// search_context_missing_exception.
func TestElasticPointInTime(t *testing.T) {
	sc := scenario("elasticsearch", 30, post("/my-index/_pit?keep_alive=5s", ""), next(),
		Step{Kind: StepDelete, From: 0, To: 9}, insertHead(5), walkAll(),
		Step{Kind: StepWait, Ticks: 10}, Step{Kind: StepFirst},
		post("/my-index/_search", `{"pit":{"id":"x"}}`))
	tr := execute(sc)
	reqs := requests(tr)
	assert.Equal(t, []bool{true, true, true, true, false, false}, accepted(tr))
	id := member(reqs[0], "id").Str
	assert.Equal(t, "/_search", reqs[1].Request.URL)
	assert.Equal(t, `{"pit":{"id":"`+id+`"},"size":10,"sort":[{"created":"desc"},{"_id":"asc"}]}`, reqs[1].Request.Body)
	assert.Equal(t, id, member(reqs[1], "pit_id").Str)
	assert.Equal(t, idsDown(30, 10), reqs[1].Records())
	assert.Equal(t, idsDown(20, 10), reqs[2].Records())
	assert.Equal(t, idsDown(10, 10), reqs[3].Records())
	assert.Equal(t, 404, reqs[4].Response.Status)
	assert.Equal(t, "search_context_missing_exception", member(reqs[4], "error").Members[0].Value.Items[0].Members[0].Value.Str)
	assert.Contains(t, reqs[5].Reason, "a request naming a snapshot is sent to /_search")
}

// The Search API takes from and size as query parameters too, and
// RestSearchAction "Parses the rest request on top of the
// SearchSourceBuilder, preserving values that are not overridden by the rest
// request": a query parameter wins over the body's member.
func TestElasticFromSizeInQuery(t *testing.T) {
	tr := execute(scenario("elasticsearch", 100,
		post("/my-index/_search?from=5&size=20", `{}`),
		post("/my-index/_search?size=5", `{"from":10,"size":20}`), next(),
		post("/my-index/_search?from=-1", `{}`)))
	reqs := requests(tr)
	assert.Equal(t, idsDown(95, 20), reqs[0].Records())
	assert.Equal(t, idsDown(90, 5), reqs[1].Records())
	assert.Equal(t, "/my-index/_search?size=5", reqs[2].Request.URL, "size stays where the client sent it")
	assert.Equal(t, `{"from":15,"size":20}`, reqs[2].Request.Body)
	assert.Equal(t, idsDown(85, 5), reqs[2].Records())
	assert.Equal(t, 400, reqs[3].Response.Status)
	assert.Contains(t, reqs[3].Reason, "[from] parameter cannot be negative but was [-1]")
	assert.Equal(t, "illegal_argument_exception", member(reqs[3], "error").Members[1].Value.Str, "refused before any shard: no search_phase_execution_exception")
}

// keep_alive, from the "Open a point in time" page: "The keep_alive
// parameter tells Elasticsearch how long it should keep a point in time
// alive"; it is required on the open request (OpenPointInTimeRequest's
// validation: "[keep_alive] is not specified"), and "The keep_alive
// parameter, which is passed to a open point in time request and search
// request, extends the time to live of the corresponding point in time"
// (Paginate search results). ReaderContext keeps the larger of the two
// (tryUpdateKeepAlive: Math.max), and a reader expires once unused for longer
// than it. One tick is one second.
func TestElasticKeepAlive(t *testing.T) {
	open := func(q string) Step { return post("/my-index/_pit"+q, "") }
	wait := func(n int64) Step { return Step{Kind: StepWait, Ticks: n} }
	// The runs are deterministic: the id the first one opens is every run's.
	id := member(requests(execute(scenario("elasticsearch", 30, open("?keep_alive=5s"))))[0], "id").Str
	search := func(keep string) Step {
		return post("/_search", `{"pit":{"id":"`+id+`"`+keep+`},"size":10}`)
	}
	for _, c := range []struct {
		name  string
		steps []Step
		ok    []bool
		why   string
	}{
		{"required", []Step{open("")}, []bool{false}, "Validation Failed: 1: [keep_alive] is not specified;"},
		{"a unit", []Step{open("?keep_alive=5x")}, []bool{false}, "failed to parse setting [keep_alive] with value [5x] as a time value: unit is missing or unrecognized"},
		{"search.max_keep_alive", []Step{open("?keep_alive=2d")}, []bool{false}, "Keep alive for request (2d) is too large. It must be less than (1d)."},
		{"unused for 6s", []Step{open("?keep_alive=5s"), wait(6), search("")}, []bool{true, false}, ""},
		{"used within 5s", []Step{open("?keep_alive=5s"), wait(4), search("")}, []bool{true, true}, ""},
		{"a search lengthens it", []Step{open("?keep_alive=5s"), search(`,"keep_alive":"1m"`), wait(30), search("")}, []bool{true, true, true}, ""},
		{"never shortens it", []Step{open("?keep_alive=1m"), search(`,"keep_alive":"1s"`), wait(30), search("")}, []bool{true, true, true}, ""},
		{"a bad one on a search", []Step{open("?keep_alive=1m"), search(`,"keep_alive":"soon"`)}, []bool{true, false}, ""},
	} {
		tr := execute(scenario("elasticsearch", 30, c.steps...))
		assert.Equal(t, c.ok, accepted(tr), c.name)
		if c.why != "" {
			r := requests(tr)[0]
			assert.Contains(t, r.Reason, c.why, c.name)
			assert.Equal(t, 400, r.Response.Status, c.name)
		}
	}
}

// Paginate search results: "All search requests that include a PIT
// automatically add an implicit tiebreaker called _shard_doc"; its value
// ends each hit's sort values, and search_after takes it back. SearchRequest
// adds it only to a sorted search, and "skip[s] the tiebreaker if it is not
// provided in the search after values". Sorted by created alone, 4 documents
// share each created value: search_after [created] skips the rest of a tie,
// search_after [created, _shard_doc] does not.
func TestElasticShardDocTiebreaker(t *testing.T) {
	tr := runText(t, `profile elasticsearch client=search-after
records 40
sort created/4
POST /my-index/_pit?keep_alive=1m
next
walk`)
	reqs := requests(tr)
	require.Greater(t, len(reqs), 2)
	hits, _ := member(reqs[1], "hits").Get("hits")
	sort, _ := hits.Items[0].Get("sort")
	assert.Len(t, sort.Items, 2, "[created, _shard_doc]")
	assert.Contains(t, reqs[2].Request.Body, `"search_after":[`)
	assert.Equal(t, int64(40), tr.Walks[0].Distinct)
	assert.True(t, tr.Walks[0].Consistent)

	// search_after without the tiebreaker's value: none is added.
	pit := member(reqs[0], "id").Str
	tr = runText(t, `profile elasticsearch
records 40
sort created/4
POST /my-index/_pit?keep_alive=1m
POST /_search {"pit":{"id":"`+pit+`"},"size":10,"sort":[{"created":"desc"}],"search_after":[9]}`)
	hits, _ = member(requests(tr)[1], "hits").Get("hits")
	sort, _ = hits.Items[0].Get("sort")
	assert.Len(t, sort.Items, 1, "[created]")

	// Without a point in time, search_after skips the rest of a tie.
	tr = runText(t, `profile elasticsearch client=search-after
records 40
sort created/4
POST /my-index/_search {"size":10,"sort":[{"created":"desc"}]}
walk`)
	assert.Less(t, tr.Walks[0].Distinct, int64(40))
}

// The Search API is routed for both methods (Elasticsearch's "Run a search"
// page lists GET /_search, POST /_search, GET /{index}/_search and POST
// /{index}/_search; RestSearchAction.routes() the same four), and "You can
// provide search queries using the q query string parameter or the request
// body": a GET with a body, or with from and size in the query, is the same
// search as the POST. Another method gets RestController's 405 with the
// methods routed there ("Incorrect HTTP method for uri [...] and method
// [...], allowed: [...]", a bare string error, and an Allow header); a point
// in time is opened with POST only (RestOpenPointInTimeAction routes POST
// /{index}/_pit).
func TestElasticGetSearch(t *testing.T) {
	tr := execute(scenario("elasticsearch", 100,
		get("/_search?from=5&size=20"),
		Step{Kind: StepRequest, Method: "GET", Target: "/my-index/_search", Body: `{"from":10,"size":5,` + esSort + `}`}, next(),
		Step{Kind: StepRequest, Method: "GET", Target: "/my-index/_search?size=3", Body: `{"size":5,` + esSort + `,"search_after":[91,91]}`},
		Step{Kind: StepRequest, Method: "PUT", Target: "/my-index/_search"},
		get("/my-index/_pit?keep_alive=1m")))
	reqs := requests(tr)
	assert.Equal(t, []bool{true, true, true, true, false, false}, accepted(tr))
	assert.Equal(t, idsDown(95, 20), reqs[0].Records())
	assert.Equal(t, idsDown(90, 5), reqs[1].Records())
	assert.Equal(t, idsDown(85, 5), reqs[2].Records(), "next continues the GET's walk")
	assert.Equal(t, reqs[1].Walk, reqs[2].Walk)
	assert.Equal(t, idsDown(90, 3), reqs[3].Records(), "search_after from the body, size from the query")
	assert.Equal(t, 405, reqs[4].Response.Status)
	assert.Equal(t, `{"error":"Incorrect HTTP method for uri [/my-index/_search] and method [PUT], allowed: [POST, GET]","status":405}`, string(reqs[4].Response.Body()))
	assert.Equal(t, "POST, GET", firstHeader(reqs[4].Response.Header, "Allow"))
	assert.Equal(t, 405, reqs[5].Response.Status)
	assert.Equal(t, `{"error":"Incorrect HTTP method for uri [/my-index/_pit?keep_alive=1m] and method [GET], allowed: [POST]","status":405}`, string(reqs[5].Response.Body()))
	for _, w := range tr.Warnings {
		assert.NotContains(t, w.String(), "lists with POST", "the editor knows GET is served")
	}
}

// Closing a point in time. Elasticsearch's "Close a point in time" page:
// "DELETE /_pit" with a body {"id": ...}; its response has "succeeded: If
// true, all search contexts associated with the point-in-time ID were
// successfully closed" and "num_freed: The number of search contexts that
// were successfully closed". TransportClosePointInTimeAction answers
// ClosePointInTimeResponse(freed == contextIds.size(), freed), whose status
// is NOT_FOUND unless succeeded or num_freed > 0: one shard here, so an open
// one is 200 {true, 1} and a second close of it 404 {false, 0}.
// PointInTimeIT.testPointInTimeNotFound: a search through a closed one fails
// with SearchContextMissingException on every shard (404, as an expired one).
// ClosePointInTimeRequest.fromXContent's messages: "search context id is is
// not provided" (sic) without an id, "Unknown parameter [foo] in request body
// or parameter is of the wrong type[FIELD_NAME] " for another member (the
// parser is on the member's name). RestClosePointInTimeAction routes DELETE
// /_pit only, RestOpenPointInTimeAction POST /{index}/_pit only: another
// method is RestController's 405 naming the one allowed.
func TestElasticClosePointInTime(t *testing.T) {
	open := post("/my-index/_pit?keep_alive=1m", "")
	id := member(requests(execute(scenario("elasticsearch", 30, open)))[0], "id").Str
	del := func(body string) Step { return Step{Kind: StepRequest, Method: "DELETE", Target: "/_pit", Body: body} }
	tr := execute(scenario("elasticsearch", 30, open, next(), del(`{"id":"`+id+`"}`), next(), del(`{"id":"`+id+`"}`),
		del(`{}`), del(`{"id":"`+id+`","foo":1}`), get("/_pit"), Step{Kind: StepRequest, Method: "DELETE", Target: "/my-index/_pit"}))
	reqs := requests(tr)
	assert.Equal(t, []bool{true, true, true, false, false, false, false, false, false}, accepted(tr))
	assert.Equal(t, 200, reqs[2].Response.Status)
	assert.Equal(t, `{"succeeded":true,"num_freed":1}`, string(reqs[2].Response.Body()))
	assert.Equal(t, "/_search", reqs[3].Request.URL, "next after the close continues the walk: the page before it is followed")
	assert.Equal(t, `{"from":10,"pit":{"id":"`+id+`"},"size":10,"sort":[{"created":"desc"},{"_id":"asc"}]}`, reqs[3].Request.Body)
	assert.Equal(t, 404, reqs[3].Response.Status)
	assert.Equal(t, "search_context_missing_exception", member(reqs[3], "error").Members[0].Value.Items[0].Members[0].Value.Str)
	assert.Equal(t, 404, reqs[4].Response.Status, "closed already: nothing freed")
	assert.Equal(t, `{"succeeded":false,"num_freed":0}`, string(reqs[4].Response.Body()))
	assert.Equal(t, `{"error":{"root_cause":[{"type":"illegal_argument_exception","reason":"search context id is is not provided"}],"type":"illegal_argument_exception","reason":"search context id is is not provided"},"status":400}`, string(reqs[5].Response.Body()))
	assert.Contains(t, reqs[6].Reason, "Unknown parameter [foo] in request body or parameter is of the wrong type[FIELD_NAME] ")
	assert.Equal(t, `{"error":"Incorrect HTTP method for uri [/_pit] and method [GET], allowed: [DELETE]","status":405}`, string(reqs[7].Response.Body()))
	assert.Equal(t, `{"error":"Incorrect HTTP method for uri [/my-index/_pit] and method [DELETE], allowed: [POST]","status":405}`, string(reqs[8].Response.Body()))
}

// The editor knows each path's method: the search paths are GET or POST,
// /my-index/_pit is POST only and /_pit DELETE only, reading the body's id
// (the routes above). The example, GET /my-index/_pit, was not
// flagged when the methods were the profile's.
func TestElasticWarnsOfEachPathsMethod(t *testing.T) {
	tr := runText(t, "profile elasticsearch\nrecords 30\nGET /my-index/_pit?keep_alive=1m\nPOST /my-index/_pit?keep_alive=1m\nGET /_search\nPOST /_pit {\"id\":\"x\"}\nDELETE /_pit {\"id\":\"x\",\"ids\":1}\nDELETE /my-index/_search\n")
	var ws []string
	for _, w := range tr.Warnings {
		ws = append(ws, w.String())
	}
	assert.Equal(t, []string{
		"line 3, col 1: warning: elasticsearch serves /my-index/_pit with POST, not GET (the server answers 405)",
		"line 6, col 1: warning: elasticsearch serves /_pit with DELETE, not POST (the server answers 405)",
		"line 7, col 24: warning: elasticsearch does not read the body member `ids`: the server refuses it; did you mean `id`?",
		"line 8, col 1: warning: elasticsearch lists with POST or GET, not DELETE (the server answers 405)",
	}, ws)
}
