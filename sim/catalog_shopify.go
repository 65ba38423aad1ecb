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
	shopifyLimitInterp  = "Shopify's page gives limit's maximum (250), not what a larger one does; users report an error (\"Invalid request parameters\", ShopifySharp#228; \"the max limit is 250\", donutdan4114/shopify#23): we answer 400 with that message."
	shopifyNumberInterp = "Shopify's page does not say what a limit that is not a number of at least 1 does: we use the default (50)."
	shopifyErrorInterp  = "Shopify's page says page_info can't be modified and other parameters can't be sent with it, without the error's wording: we answer 400 {\"errors\": ...}."
)

func init() {
	registerContract(&Profile{
		Name: "shopify", Vendor: "Shopify", Source: shopifySource, URL: shopifyURL,
	}, contract{
		Base: "cursor", Paths: []string{"/admin/api/{api_version}/{resource}"}, First: shopifyFirst,
		Params: []string{"fields", "status", "since_id", "created_at_min", "created_at_max", "updated_at_min", "updated_at_max"},
		After:  paramIn{Name: "page_info"}, Before: paramIn{Name: "page_info"}, Only: []string{"limit", "fields"},
		LimitDefault: 50, LimitMax: 250, Invalid: "default", OverMax: "refuse",
		Items:      "orders",
		Next:       nextSignal{Link: []string{"previous", "next"}, LinkBase: shopifyHost, Query: "cursor"},
		ErrorField: "errors",
		Errors: []errorRule{
			{Kind: "over-max", Message: "Invalid request parameters", Interp: shopifyLimitInterp},
			{Kind: "refused", Message: "{name} cannot be passed when page_info is present: a request with page_info can include only limit and fields"},
			{Kind: "cursor", Message: "Invalid value for page_info: \"{value}\" is not one this list issued (it must be used exactly as the link header has it)"},
		},
		Interp: interps{Invalid: shopifyNumberInterp, Error: shopifyErrorInterp},
	})
}
