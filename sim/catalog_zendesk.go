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
	errs := []errorRule{{Kind: "over-max", Message: "{name} must be less than or equal to {max}"}}
	registerContract(&Profile{
		Name: "zendesk", Vendor: "Zendesk", Source: zendeskSource, URL: zendeskURL,
	}, contract{
		Base: "cursor", Paths: []string{"/api/v2/tickets.json"}, First: zendeskFirst,
		Limit: paramIn{Name: "page[size]"}, After: paramIn{Name: "page[after]"}, Before: paramIn{Name: "page[before]"},
		LimitDefault: 100, LimitMax: 100, OverMax: "refuse", Invalid: "default",
		Items: "tickets",
		Next: nextSignal{Flag: "meta.has_more", Cursor: "meta.after_cursor", PrevCursor: "meta.before_cursor",
			URL: "links.next", PrevURL: "links.prev", LinkBase: zendeskHost},
		ErrorBody: zdErrorBody, Errors: errs,
		Interp: interps{Error: zdErrorInterp},
		When:   []string{"page[size]"},
		Alt: &contract{
			Base: "page", Limit: paramIn{Name: "per_page"},
			LimitDefault: 100, LimitMax: 100, Invalid: "default",
			Items: "tickets", Total: totalRule{Field: "count"},
			Next:   nextSignal{URL: "next_page", PrevURL: "previous_page", LinkBase: zendeskHost, LinkLimit: "sent"},
			Window: 10000, WindowMessage: "offset pagination is limited to the first 10000 records; use cursor pagination (page[size])",
			ErrorBody: zdErrorBody, Errors: errs,
			Interp: interps{Error: zdErrorInterp},
		},
	})
}

const zdErrorBody = `{"error":"InvalidPaginationParameter","description":{message}}`
