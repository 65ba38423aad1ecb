//go:build !js

package sim

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The sentences quoted below are from Stripe's API reference, "Pagination"
// (https://docs.stripe.com/api/pagination), unless an issue is named.

// "limit optional, default is 10. This specifies a limit on the number of
// objects to return, ranging between 1 and 100." Objects come "in reverse
// chronological order": the newest, id 100, first.
func TestStripeFirstPage(t *testing.T) {
	tr := execute(scenario("stripe", 100, get("/v1/customers")))
	s := requests(tr)[0]
	require.True(t, s.Accepted, s.Reason)
	assert.Equal(t, idsDown(100, 10), s.Records())
	body := bodyOf(s)
	assert.Contains(t, body, `"data":[{"id":"cus_000100",`)
	assert.Contains(t, body, `"object":"list","url":"/v1/customers","has_more":true`)
	assert.NotContains(t, body, "total", "list responses carry no total")
	assert.Equal(t, NextReport{"flag", true, true}, s.HasNext)
}

func TestStripeLimitRange(t *testing.T) {
	tr := execute(scenario("stripe", 300,
		get("/v1/customers?limit=1"), get("/v1/customers?limit=100"),
		get("/v1/customers?limit=0"), get("/v1/customers?limit=101"), get("/v1/customers?limit=ten")))
	assert.Equal(t, []bool{true, true, false, false, false}, accepted(tr))
	reqs := requests(tr)
	assert.Len(t, reqs[0].Records(), 1)
	assert.Len(t, reqs[1].Records(), 100)
	for _, s := range reqs[2:] {
		assert.Equal(t, 400, s.Response.Status)
		assert.Contains(t, bodyOf(s), `{"error":{"type":"invalid_request_error",`)
		assert.Contains(t, bodyOf(s), `"param":"limit"`)
		assert.Equal(t, stripeLimitInterp, s.Interp)
	}
}

// "The starting_after parameter returns objects listed after the named
// object." After cus_000091 (the 10th newest of 100) come 90..81.
func TestStripeStartingAfter(t *testing.T) {
	tr := execute(scenario("stripe", 100, get("/v1/customers?starting_after=cus_000091")))
	s := requests(tr)[0]
	assert.Equal(t, idsDown(90, 10), s.Records())
}

// "The ending_before parameter returns objects listed before the named
// object": the 3 objects just newer than cus_000090, still newest first;
// has_more says more lie beyond them (94..100).
func TestStripeEndingBefore(t *testing.T) {
	tr := execute(scenario("stripe", 100,
		get("/v1/customers?limit=3&ending_before=cus_000090"),
		get("/v1/customers?limit=3&ending_before=cus_000097")))
	reqs := requests(tr)
	assert.Equal(t, []int64{93, 92, 91}, reqs[0].Records())
	assert.Contains(t, bodyOf(reqs[0]), `"has_more":true`)
	assert.Equal(t, []int64{100, 99, 98}, reqs[1].Records())
	assert.Contains(t, bodyOf(reqs[1]), `"has_more":false`)
}

// "These parameters are mutually exclusive. You can use either the
// starting_after or ending_before parameter, but not both simultaneously."
func TestStripeCursorsExcludeEachOther(t *testing.T) {
	tr := execute(scenario("stripe", 100, get("/v1/customers?starting_after=cus_000050&ending_before=cus_000040")))
	s := requests(tr)[0]
	assert.Equal(t, 400, s.Response.Status)
	assert.Equal(t, stripeBothInterp, s.Interp)
	assert.Contains(t, bodyOf(s), `"type":"invalid_request_error"`)
}

// stripe/stripe-go#1030: listing plans 3 at a time and deleting each one
// fails on the second page with "Request error from Stripe (status 400):
// {"code":"resource_missing",...,"message":"No such plan: plan_...",
// "param":"starting_after",...,"type":"invalid_request_error"}".
func TestStripeDeletedCursorObjectIsResourceMissing(t *testing.T) {
	tr := execute(scenario("stripe", 100, get("/v1/customers?limit=3"), deleteAt(0), deleteAt(0), deleteAt(0), next()))
	reqs := requests(tr)
	require.Len(t, reqs, 2)
	s := reqs[1]
	assert.Equal(t, "/v1/customers?limit=3&starting_after=cus_000098", s.Request.URL)
	assert.Equal(t, 400, s.Response.Status)
	assert.Equal(t, `{"error":{"type":"invalid_request_error","code":"resource_missing","doc_url":"https://stripe.com/docs/error-codes/resource-missing","param":"starting_after","message":"No such customer: 'cus_000098'"}}`, bodyOf(s))
	assert.Equal(t, stripeDeletedInterp, s.Interp)

	tr = execute(withOptions(scenario("stripe", 100, get("/v1/customers?limit=3"), deleteAt(0), deleteAt(0), deleteAt(0), next()), "deleted-cursor", "continue"))
	assert.Equal(t, []int64{97, 96, 95}, requests(tr)[1].Records())
}

func TestStripeUnknownObjectIsResourceMissing(t *testing.T) {
	tr := execute(scenario("stripe", 100,
		get("/v1/customers?starting_after=cus_000101"), get("/v1/customers?starting_after=cus_x"), get("/v1/customers?starting_after=42")))
	for _, s := range requests(tr) {
		assert.Equal(t, 400, s.Response.Status)
		assert.Contains(t, bodyOf(s), `"code":"resource_missing"`)
	}
}

// The libraries' auto-pagination: starting_after the last object while
// has_more. 25 customers, 10 a page: 10, 10, 5; the last says has_more false.
func TestStripeWalkAsTheLibrariesDo(t *testing.T) {
	tr := execute(scenario("stripe", 25, get("/v1/customers"), walkAll()))
	reqs := requests(tr)
	require.Len(t, reqs, 3)
	assert.Equal(t, "/v1/customers?starting_after=cus_000016", reqs[1].Request.URL)
	assert.Equal(t, idsDown(5, 5), reqs[2].Records())
	assert.Contains(t, bodyOf(reqs[2]), `"has_more":false`)
	assert.True(t, tr.Walks[0].Complete)
	assert.True(t, tr.Walks[0].Consistent)
}

// A walk that started with ending_before keeps going with ending_before the
// first object of each page, towards the newest (stripe-node reverses).
// 30 customers: before cus_000005 come 15..6, then 25..16, then 30..26.
func TestStripeReverseWalk(t *testing.T) {
	tr := execute(scenario("stripe", 30, get("/v1/customers?limit=10&ending_before=cus_000005"), walkAll()))
	reqs := requests(tr)
	require.Len(t, reqs, 3)
	assert.Equal(t, idsDown(15, 10), reqs[0].Records(), "the 10 just newer than 5")
	assert.Equal(t, "/v1/customers?limit=10&ending_before=cus_000015", reqs[1].Request.URL)
	assert.Equal(t, idsDown(25, 10), reqs[1].Records())
	assert.Equal(t, idsDown(30, 5), reqs[2].Records())
	assert.Contains(t, bodyOf(reqs[2]), `"has_more":false`)
}

// Object ids, not offsets: customers created during the walk land before
// page 1; nothing is repeated or skipped.
func TestStripeInsertsDoNotShiftTheWalk(t *testing.T) {
	tr := execute(scenario("stripe", 50, get("/v1/customers"), insertHead(7), next(), insertHead(3), walkAll()))
	w := tr.Walks[0]
	assert.True(t, w.Consistent, w.Verdict)
	assert.Equal(t, int64(50), w.Distinct)
}
