package sim

// Flashduty's Open API: traditional pagination with p and limit in
// a JSON request body, a hard PAGE * LIMIT window, a capped total, and cursor
// pagination with search_after_ctx on the incident and alert lists.

const flashdutySource = "Flashduty: About Pagination"

// flashdutyURL is the vendor's page the profile follows.
const flashdutyURL = "https://developer-en.flashcat.cloud/en/flashduty/open-api/about-pagination"

// The interpretations, each one sentence of why.
const (
	fdLimitInterp       = "Flashduty's page says the maximum is 100 without saying what happens above it: we refuse with 400, as the PAGE * LIMIT limit does."
	fdHasNextInterp     = "The example on Flashduty's page shows \"has_next_page\": 20, which cannot be a yes/no: we send a boolean."
	fdBodyInterp        = "Flashduty's page shows only the paging members of the response: the records come in items beside them."
	fdCtxInterp         = "Flashduty's page says nothing of a context's lifetime: search_after_ctx values stay valid for the run and can be sent again (each names a sort position)."
	fdTraditionalInterp = "Flashduty's page lists cursor pagination on the incident and alert lists only: this profile stands for the APIs with traditional pagination alone."
	fdMixInterp         = "Flashduty's page gives p and search_after_ctx as two separate techniques: a body with both is refused rather than one of them ignored."
)

// flashdutyPaths are what both Flashduty profiles serve, with POST: the
// incident and alert lists its pagination page links to.
var flashdutyPaths = []string{"/incident/list", "/alert/list"}

// fdUnservedInterp says where the answers to other paths and methods come from.
const fdUnservedInterp = "Flashduty's Open API answers a method it does not support with 400 MethodNotAllowed and names no status for an unknown path: we answer HTTP's 404, and serve the incident and alert lists its pagination page links to."

func flashdutyOptions(client bool) []OptionSpec {
	o := append(commonOptions(20, 100, "refuse"),
		OptionSpec{Name: "window", Default: "10000", Help: "the largest p × limit traditional pagination serves; beyond it 400", Min: 1, Max: 1_000_000_000},
		OptionSpec{Name: "total-cap", Default: "1000", Help: "total is exact below this and equal to it at or above it", Min: 1, Max: 1_000_000_000})
	if client {
		o = append(o, OptionSpec{Name: "client", Default: "has_next_page",
			Help: "what the client's next/walk trusts: has_next_page (as Flashduty's page advises) or total (it computes the page count from total)",
			Enum: []string{"has_next_page", "total"}})
	}
	return o
}

func init() {
	registerContract(&Profile{
		Name: "flashduty", Vendor: "Flashduty", Source: flashdutySource, URL: flashdutyURL,
		Options: flashdutyOptions(true),
	}, flashdutyContract(false))
	registerContract(&Profile{
		Name: "flashduty-cursor", Vendor: "Flashduty", Source: flashdutySource, URL: flashdutyURL,
		Options: flashdutyOptions(false),
	}, flashdutyContract(true))
}

// flashdutyContract is Flashduty's traditional pagination, with the cursor
// beside it (flashduty-cursor) or refused.
func flashdutyContract(cursor bool) contract {
	c := contract{
		Base: "page", Method: "POST", Paths: flashdutyPaths, First: `POST /incident/list {"p":1,"limit":{limit}}`,
		Page: paramIn{Name: "p", Where: "body"}, Limit: paramIn{Name: "limit", Where: "body"},
		LimitDefault: 20, LimitMax: 100, OverMax: "refuse", PastEnd: "silent", PageAt: "p=", PositionFirst: true,
		Window: 10000, WindowMessage: "p × limit = {page} × {limit} = {value} exceeds {window}: PAGE * LIMIT must be <= {window}; switch to cursor pagination (search_after_ctx) or narrow your query conditions",
		Refuse: []string{"p", "limit"}, Unread: []string{"search_after_ctx"},
		Total:  totalRule{Kind: "capped", Cap: 1000, Lead: true, Note: "total says {cap}: it is capped, and means {cap} or more ({n} now); has_next_page, not total, says whether a next page exists"},
		Next:   nextSignal{Flag: "has_next_page", LinkLimit: "sent"},
		Client: trapClient{Trap: "total", Follows: "has_next_page", Advice: " (Flashduty's page: use has_next_page, not total)", NoNext: "no next page: has_next_page is false", NoPrev: "no previous page: this is page 1"},
		Errors: []errorRule{{Kind: "path", Interp: fdUnservedInterp}, {Kind: "method", Status: 400, Interp: fdUnservedInterp},
			{Kind: "body", Message: `the body must be a JSON object like {"p":1,"limit":20}`},
			{Kind: "refused", Message: `{name} goes in the JSON body, not the query string: {"p":1,"limit":20}`},
			{Kind: "member", Message: "search_after_ctx is not served here: this profile is traditional pagination only (flashduty-cursor has the cursor)", Interp: fdTraditionalInterp},
			{Kind: "position", Message: "{name} is the page number and starts from 1, got {value}"},
			{Kind: "over-max", Message: "{name}={value} is above the maximum of {max} items per page", Interp: fdLimitInterp}},
		Interp: interps{Page: fdHasNextInterp},
	}
	if cursor {
		c.First, c.Unread, c.Client = `POST /incident/list {"limit":{limit}}`, nil, trapClient{NoNext: c.Client.NoNext, NoPrev: c.Client.NoPrev}
		c.After, c.CursorKind, c.Next.Cursor, c.Next.End = paramIn{Name: "search_after_ctx", Where: "body"}, "objectid", "search_after_ctx", "absent"
		c.Order = []string{"total", "has_next_page", "search_after_ctx"}
		c.Errors = append(c.Errors, errorRule{Kind: "cursor", Interp: fdCtxInterp}, errorRule{Kind: "both", Interp: fdMixInterp})
	}
	return c
}
