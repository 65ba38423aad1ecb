package sim

// Shopify's REST Admin API: limit and an opaque page_info, handed out only in
// the Link header (rel="next" and rel="previous"); a request with page_info
// takes no other filter.

const (
	shopifyURL    = "https://shopify.dev/docs/api/admin-rest/usage/pagination"
	shopifyHost   = "https://shop.myshopify.com"
	shopifyFirst  = "GET /admin/api/2024-01/orders.json?limit=50"
	shopifySource = "Shopify: Make paginated requests to the REST Admin API"
)

// The interpretations, each one sentence of why.
const (
	shopifyLimitInterp = "Shopify's page gives limit's default (50) and maximum (250) without saying what a larger value does: we clamp it."
	shopifyErrorInterp = "Shopify's page says page_info can't be modified and other parameters can't be sent with it, without the error's wording: we answer 400 {\"errors\": ...}."
)

func init() {
	registerContract(&Profile{
		Name: "shopify", Vendor: "Shopify", Source: shopifySource, URL: shopifyURL,
		Summary: "?limit= then page_info from the Link header (rel=\"next\", rel=\"previous\"); 50 a page, at most 250; with page_info no other filter; no header on a single page",
		Rules: []RuleNote{
			{Text: "The first request sends limit (and any filters); if more records exist, the Link header carries the next page's URL, and from page 2 the previous page's.", Source: shopifySource + ": \"a response header returns links to the next page and the previous page of results\""},
			{Text: "The rel is previous or next; no Link header when everything fits on one page.", Source: shopifySource + ": \"The value can either be previous or next. If your initial request doesn't return enough records to generate an additional page of results, then the response won't have a link header.\""},
			{Text: "page_info is opaque and must be sent exactly as the link has it; a changed one is refused.", Source: shopifySource + ": \"The page_info parameter can't be modified and must be used exactly as it appears in the link header URL.\""},
			{Text: "A request with page_info takes only limit (and fields): the filters of the first request are carried inside page_info, and adding any other parameter is refused.", Source: shopifySource + ": \"A request that includes the page_info parameter can't include any other parameters except for limit and fields.\""},
			{Text: "Errors are 400 {\"errors\": ...}. " + shopifyErrorInterp, Interpretation: true},
			{Text: "limit defaults to 50 and goes up to 250; larger is clamped. " + shopifyLimitInterp, Interpretation: true},
			{Text: "page_info is a cursor on the sort position: records created or deleted during a walk shift nothing. There is no total (counts are separate /count endpoints)."},
		},
	}, Contract{
		Base: "cursor", Paths: []string{"/admin/api/{api_version}/{resource}"}, First: shopifyFirst,
		Params: []string{"fields", "status", "since_id", "created_at_min", "created_at_max", "updated_at_min", "updated_at_max"},
		After:  In{Name: "page_info"}, Before: In{Name: "page_info"}, Only: []string{"limit", "fields"},
		LimitDefault: 50, LimitMax: 250, Invalid: "default",
		Items:      "orders",
		Next:       Next{Link: []string{"previous", "next"}, LinkBase: shopifyHost, Query: "cursor"},
		ErrorField: "errors",
		Errors: []ErrorRule{
			{Kind: "refused", Message: "{name} cannot be passed when page_info is present: a request with page_info can include only limit and fields"},
			{Kind: "cursor", Message: "Invalid value for page_info: \"{value}\" is not one this list issued (it must be used exactly as the link header has it)"},
		},
		Interp: Interps{Limit: shopifyLimitInterp, Invalid: shopifyLimitInterp, Error: shopifyErrorInterp},
	})
}
