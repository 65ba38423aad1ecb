//go:build !js

package sim

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The sentences quoted below are from Shopify's "Make paginated requests to
// the REST Admin API" (https://shopify.dev/docs/api/admin-rest/usage/pagination).

// "If applicable, then a response header returns links to the next page and
// the previous page of results." 120 orders, 50 a page: page 1 has next only;
// page 2 has previous and next; page 3 (20 orders) previous only.
func TestShopifyLinksNextAndPrevious(t *testing.T) {
	tr := execute(scenario("shopify", 120, get("/admin/api/2024-01/orders.json?limit=50"), walkAll()))
	reqs := requests(tr)
	require.Len(t, reqs, 3)
	assert.Equal(t, idsDown(120, 50), reqs[0].Records())
	assert.Regexp(t, `^<https://shop\.myshopify\.com/admin/api/2024-01/orders\.json\?limit=50&page_info=[0-9a-f]+>; rel="next"$`, linkOf(reqs[0]))
	assert.Regexp(t, `^<[^>]+page_info=[0-9a-f]+>; rel="previous", <[^>]+page_info=[0-9a-f]+>; rel="next"$`, linkOf(reqs[1]))
	assert.Regexp(t, `^<[^>]+>; rel="previous"$`, linkOf(reqs[2]))
	assert.Len(t, reqs[2].Records(), 20)
	assert.True(t, tr.Walks[0].Complete)
	assert.Equal(t, int64(120), tr.Walks[0].Distinct)
}

// "If your initial request doesn't return enough records to generate an
// additional page of results, then the response won't have a link header."
func TestShopifyNoLinkOnASinglePage(t *testing.T) {
	tr := execute(scenario("shopify", 50, get("/admin/api/2024-01/orders.json")))
	assert.Empty(t, linkOf(requests(tr)[0]))
	assert.Len(t, requests(tr)[0].Records(), 50)
}

// "A request that includes the page_info parameter can't include any other
// parameters except for limit and fields." "The page_info parameter can't be
// modified and must be used exactly as it appears in the link header URL."
func TestShopifyPageInfoRules(t *testing.T) {
	tr := execute(scenario("shopify", 120, get("/admin/api/2024-01/orders.json?status=any&limit=50")))
	link := linkOf(requests(tr)[0])
	next := link[strings.Index(link, "/admin"):strings.Index(link, ">")]
	tr = execute(scenario("shopify", 120,
		get("/admin/api/2024-01/orders.json?status=any&limit=50"),
		get(next+"&status=any"), get(next+"&fields=id"), get(next+"0")))
	assert.Equal(t, []bool{true, false, true, false}, accepted(tr))
	reqs := requests(tr)
	assert.Equal(t, 400, reqs[1].Response.Status)
	assert.Contains(t, reqs[1].Reason, "status cannot be passed when page_info is present")
	assert.Equal(t, shopifyErrorInterp, reqs[1].Interp)
	assert.Contains(t, reqs[3].Reason, "Invalid value for page_info")
}

// limit: 50 by default, at most 250. Shopify's page does not say what a
// larger one does; two users report an error, not a clamp: ShopifySharp#228
// (limit 1901: "ShopifyException: Error: Invalid request parameters") and
// donutdan4114/shopify#23 ("I get an error that the max limit is 250"). 251
// is refused, 250 served; a limit that is not a number gets the default.
func TestShopifyLimit(t *testing.T) {
	tr := execute(scenario("shopify", 1000, get("/admin/api/2024-01/orders.json?limit=251"), get("/admin/api/2024-01/orders.json?limit=1901"),
		get("/admin/api/2024-01/orders.json?limit=250"), get("/admin/api/2024-01/orders.json?limit=abc")))
	reqs := requests(tr)
	for _, s := range reqs[:2] {
		assert.Equal(t, 400, s.Response.Status)
		assert.Equal(t, `{"errors":"Invalid request parameters"}`, bodyOf(s))
		assert.Equal(t, shopifyLimitInterp, s.Interp)
	}
	assert.Len(t, reqs[2].Records(), 250)
	assert.Contains(t, linkOf(reqs[2]), "limit=250&page_info=")
	assert.Len(t, reqs[3].Records(), 50)
	assert.Equal(t, shopifyNumberInterp, reqs[3].Interp)
}

// page_info is a position: orders created during the walk shift nothing.
func TestShopifyInsertsDoNotShiftTheWalk(t *testing.T) {
	tr := execute(scenario("shopify", 120, get("/admin/api/2024-01/orders.json?limit=50"), insertHead(9), walkAll()))
	assert.True(t, tr.Walks[0].Consistent, tr.Walks[0].Verdict)
}
