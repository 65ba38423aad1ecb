//go:build !js

package sim

// The summaries and rules of the profiles in catalog_zendesk.go, read by native builds only
// (profileText says why).

var _ = profileText(&Profile{Name: "zendesk",
	Summary: "cursor with page[size] (meta.has_more, after_cursor, links.next); offset without it (page, per_page, next_page, count), 400 beyond the first 10,000 records",
	Rules: []RuleNote{
		{Text: "A request with page[size] uses cursor pagination; without it, offset pagination.", Source: zendeskSource + ": \"To use cursor pagination, include the page[size] parameter ... If you omit the page[size] parameter, offset pagination is used.\""},
		{Text: "page[size] goes up to 100.", Source: zendeskSource + ": \"Most endpoints limit this to a maximum of 100.\""},
		{Text: "A cursor response has meta {has_more, after_cursor, before_cursor} and links {next, prev}; next sends page[after]=after_cursor, prev page[before]=before_cursor.", Source: zendeskSource},
		{Text: zdEndInterp, Interpretation: true},
		{Text: "Offset pagination takes page and per_page (100 by default) and answers next_page, previous_page and count.", Source: "Zendesk: Paginating through lists using offset pagination"},
		{Text: "Offset requests beyond the first 10,000 records (100 pages of 100) are a 400 Bad Request; larger exports must use cursor pagination.", Source: zendeskLimit + ": \"OBP requests over the first 10,000 records (100 pages) will result in an error message: \\\"400 Bad Request.\\\"\""},
		{Text: zdErrorInterp, Interpretation: true},
		{Text: "Cursors mark a place in the list: tickets created or deleted during a walk shift nothing. Offsets drift."},
	},
})
