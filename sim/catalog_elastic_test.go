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
// recently received ID for the next search request"; keep_alive "just needs
// to be long enough for the next request". 30 documents, 10 a page: the
// documents deleted after the PIT was opened are still read, those indexed
// after it are not, and a PIT unused past its keep_alive is a 404
// search_context_missing_exception.
func TestElasticPointInTime(t *testing.T) {
	sc := withOptions(scenario("elasticsearch", 30, post("/my-index/_pit?keep_alive=1m", ""), next(),
		Step{Kind: StepDelete, From: 0, To: 9}, insertHead(5), walkAll(),
		Step{Kind: StepWait, Ticks: 10}, Step{Kind: StepFirst},
		post("/my-index/_search", `{"pit":{"id":"x"}}`)), "snapshot-ttl", "5")
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
