//go:build !js

package sim

// The summary and rules of each profile in catalog_shopify.go: native builds only
// (profileText says why).

var _ = profileText(&Profile{Name: "shopify",
	Summary: "?limit= then page_info from the Link header (rel=\"next\", rel=\"previous\"); 50 a page, at most 250; with page_info no other filter; no header on a single page",
	Rules: []RuleNote{
		{Text: "The first request sends limit (and any filters); if more records exist, the Link header carries the next page's URL, and from page 2 the previous page's.", Source: shopifySource + ": \"a response header returns links to the next page and the previous page of results\""},
		{Text: "The rel is previous or next; no Link header when everything fits on one page.", Source: shopifySource + ": \"The value can either be previous or next. If your initial request doesn't return enough records to generate an additional page of results, then the response won't have a link header.\""},
		{Text: "page_info is opaque and must be sent exactly as the link has it; a changed one is refused.", Source: shopifySource + ": \"The page_info parameter can't be modified and must be used exactly as it appears in the link header URL.\""},
		{Text: "A request with page_info takes only limit (and fields): the filters of the first request are carried inside page_info, and adding any other parameter is refused.", Source: shopifySource + ": \"A request that includes the page_info parameter can't include any other parameters except for limit and fields.\""},
		{Text: "Errors are 400 {\"errors\": ...}. " + shopifyErrorInterp, Interpretation: true},
		{Text: "limit defaults to 50 and goes up to 250.", Source: shopifySource + ": limit \"default: 50, maximum: 250\""},
		{Text: "A limit above 250 is refused. " + shopifyLimitInterp, Interpretation: true},
		{Text: "A limit that is not a number of at least 1 gets the default. " + shopifyNumberInterp, Interpretation: true},
		{Text: "page_info is a cursor on the sort position: records created or deleted during a walk shift nothing. There is no total (counts are separate /count endpoints)."},
	},
})
