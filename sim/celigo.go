package sim

// Celigo's integrator.io API (Celigo's pagination page): Link-header paging
// over skip/limit on resource lists, nextPageURL in the body on nested
// results such as flow errors, and the same list after a move to cursors
// inside. All three are contracts on the shared skeleton; their readSpecs
// keep the editor's view of what each reads.

const (
	celigoSource = "Celigo: Pagination"
	celigoURL    = "https://developer.celigo.com/api/using-the-api/pagination" // the vendor's page the profile follows
	celigoBase   = "https://api.integrator.io"
)

// The interpretations shared by the Celigo profiles, each one sentence of why.
const (
	celigoLimitInterp  = "The table on Celigo's page says limit defaults to 100 and \"most endpoints cap at 1000\", while its prose says \"default 1000\": we take the table's 100, and clamp larger values to 1000 rather than refuse them."
	celigoPrevInterp   = "The example on Celigo's page answers with next skip=100 and prev skip=0 together, which fits only the first page: prev is always sent, pointing limit records back, clamped at skip=0."
	celigoWindowInterp = "Celigo's page names createdAfter and createdBefore without their format or bounds: here they are simulated ticks, both exclusive."
	celigoSortInterp   = "Celigo's page sends sort values to another page and names only sort=_id: _id ascending (ids grow with creation) is the one the simulator knows."
)

// celigoLists are the resource lists Celigo's page names ("integrations,
// flows, connections, exports, imports, jobs, users, and so on").
var celigoLists = []string{"/v1/integrations", "/v1/flows", "/v1/connections", "/v1/exports", "/v1/imports", "/v1/jobs", "/v1/users"}

// celigoUnservedInterp says where a 404 or a 405 comes from.
const celigoUnservedInterp = "Celigo's page names the lists it pages (integrations, flows, connections, exports, imports, jobs, users \"and so on\") and no status for anything else: another path is HTTP's 404, another method its 405."

var (
	celigoReads         = &readSpec{Paths: celigoLists, Params: []string{"skip", "limit", "sort", "createdAfter", "createdBefore"}}
	celigoErrorsReads   = &readSpec{Paths: []string{"/v1/flows/{flowId}/errors"}, Params: []string{"pageSize", "after"}}
	celigoMigratedReads = &readSpec{Paths: celigoLists, Params: []string{"limit", "cursor", "skip"}} // skip is read, to be refused
)

func celigoOptions() []OptionSpec { return commonOptions(100, 1000, "clamp") }

// celigoRateRule is the rate limit rule every Celigo profile lists.
var celigoRateRule = RuleNote{Text: "Optional rate limit (options rate-limit and rate-window): past it a request gets 429 with Retry-After, which a walk waits out.", Source: "Celigo's pagination page: \"tight pagination loops are the #1 cause of self-throttling\""}

// celigoErrors are the refusals every Celigo profile answers in its own
// words (an unserved path or method), and more.
func celigoErrors(more ...errorRule) []errorRule {
	return append([]errorRule{{Kind: "path", Interp: celigoUnservedInterp}, {Kind: "method", Interp: celigoUnservedInterp}}, more...)
}

// registerCeligo registers a Celigo contract; reads keeps the editor's view
// of what it reads (the paths as Celigo's page names them, the parameters
// in its order, skip on the migrated lists).
func registerCeligo(p *Profile, reads *readSpec, c contract) {
	p.Vendor, p.Source, p.URL = "Celigo", celigoSource, celigoURL
	c.LimitDefault, c.LimitMax, c.IDName, c.Quiet = 100, 1000, "_id", []string{"tiebreak"}
	c.Paths, c.EmptyCursor = reads.Paths, c.Base == "cursor"
	c.Interp.Limit = celigoLimitInterp
	registerContract(p, c)
	p.reads = reads
}

// ---- celigo ----

func init() {
	registerCeligo(&Profile{
		Name: "celigo", Options: celigoOptions(),
	}, celigoReads, contract{
		Base: "offset", First: "GET /v1/integrations?limit=100", Offset: paramIn{Name: "skip"},
		Bare: true, Total: totalRule{Kind: "none"}, PrevAlways: true, PastEnd: "silent",
		Next: nextSignal{Link: []string{"next", "prev"}, LinkBase: celigoBase, Query: "front"},
		Sort: "sort", SortValue: "_id", CreatedAfter: "createdAfter", CreatedBefore: "createdBefore",
		Errors: celigoErrors(errorRule{Kind: "position", Message: "{name} must be 0 or more, got {value}"}),
		Interp: interps{Sort: celigoSortInterp, Created: celigoWindowInterp, First: celigoPrevInterp},
	})
}

// ---- celigo-errors ----

func init() {
	// The options are the contract's: next.end.option offers
	// last-page-url (Celigo's "absent or empty", and null).
	registerCeligo(&Profile{
		Name: "celigo-errors",
	}, celigoErrorsReads, contract{
		Base: "cursor", First: "GET /v1/flows/5f1a/errors?pageSize=100", Limit: paramIn{Name: "pageSize"}, Before: paramIn{Name: "none"},
		Items: "errors", Total: totalRule{Kind: "exact", Field: "totalErrors"}, Tag: "celigo-errors",
		Next:   nextSignal{URL: "nextPageURL", End: "absent", EndOption: true, Query: "front"},
		Errors: celigoErrors(),
	})
}

// ---- celigo-migrated ----

// The two warnings on Celigo's page, which the migrated endpoint enforces.
const (
	celigoHandCrafted = "never hand-craft skip/limit: follow the Link header the server returns, the only contract that survives when endpoints migrate to cursor-based paging internally"
	celigoStale       = "never cache the full Link URL across a page: each next link is tied to the specific request that produced it, so always follow the fresh header on the latest response"
)

func init() {
	registerCeligo(&Profile{
		Name: "celigo-migrated", Options: celigoOptions(),
	}, celigoMigratedReads, contract{
		Base: "cursor", First: "GET /v1/integrations?limit=100", After: paramIn{Name: "cursor"}, Before: paramIn{Name: "none"},
		Bare: true, Tag: "celigo-migrated", Token: tokenLife{Use: "chain"}, Refuse: []string{"skip"},
		Next: nextSignal{Link: []string{"next"}, LinkBase: celigoBase, Query: "front"},
		Errors: celigoErrors(
			errorRule{Kind: "refused", Message: "{name} is not accepted: this list pages with cursors now; " + celigoHandCrafted},
			errorRule{Kind: "cursor", Message: "{message}: " + celigoHandCrafted},
			errorRule{Kind: "changed", Message: "{message}: " + celigoHandCrafted},
			errorRule{Kind: "foreign", Message: "{message}: " + celigoStale},
			errorRule{Kind: "reused", Message: "{message}: " + celigoStale}),
	})
}
