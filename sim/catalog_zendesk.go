package sim

// Zendesk's Support API: cursor pagination when the request has page[size]
// (meta.has_more, after_cursor, before_cursor, links.next and links.prev),
// offset pagination otherwise (page, per_page, next_page, count), refused past
// the first 10,000 records.

const (
	zendeskURL    = "https://developer.zendesk.com/api-reference/introduction/pagination/"
	zendeskHost   = "https://example.zendesk.com"
	zendeskFirst  = "GET /api/v2/tickets.json?page[size]=100"
	zendeskSource = "Zendesk API reference: Pagination"
	zendeskLimit  = "Zendesk: New limits for offset-based pagination"
)

// The interpretations, each one sentence of why.
const (
	zdErrorInterp = "Zendesk's pages name the 400 without its body: we answer {\"error\":\"InvalidPaginationParameter\",\"description\":...}."
	zdEndInterp   = "On the last cursor page has_more is false and after_cursor and links.next are null here (the pages show only a page with more)."
)

func init() {
	errs := []ErrorRule{{Kind: "over-max", Message: "{name} must be less than or equal to {max}"}}
	registerContract(&Profile{
		Name: "zendesk", Vendor: "Zendesk", Source: zendeskSource, URL: zendeskURL,
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
	}, Contract{
		Base: "cursor", Paths: []string{"/api/v2/tickets.json"}, First: zendeskFirst,
		Limit: In{Name: "page[size]"}, After: In{Name: "page[after]"}, Before: In{Name: "page[before]"},
		LimitDefault: 100, LimitMax: 100, OverMax: "refuse", Invalid: "default",
		Items: "tickets",
		Next: Next{Flag: "meta.has_more", Cursor: "meta.after_cursor", PrevCursor: "meta.before_cursor",
			URL: "links.next", PrevURL: "links.prev", LinkBase: zendeskHost},
		ErrorBody: zdErrorBody, Errors: errs,
		Interp: Interps{Error: zdErrorInterp},
		When:   []string{"page[size]"},
		Alt: &Contract{
			Base: "page", Limit: In{Name: "per_page"},
			LimitDefault: 100, LimitMax: 100, Invalid: "default",
			Items: "tickets", Total: Total{Field: "count"},
			Next:   Next{URL: "next_page", PrevURL: "previous_page", LinkBase: zendeskHost, LinkLimit: "sent"},
			Window: 10000, WindowMessage: "offset pagination is limited to the first 10000 records; use cursor pagination (page[size])",
			ErrorBody: zdErrorBody, Errors: errs,
			Interp: Interps{Error: zdErrorInterp},
		},
	})
}

const zdErrorBody = `{"error":"InvalidPaginationParameter","description":{message}}`
