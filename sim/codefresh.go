package sim

// Codefresh's build and image lists: page numbers before
// January 2021, a server-side cursor per pagination session after.

const codefreshSource = "Codefresh: Paging issues for builds and images"

// codefreshURL is the vendor's page the profile follows.
const codefreshURL = "https://codefresh.io/docs/docs/troubleshooting/common-issues/paging-issues-builds-images/"

// codefreshSizeInterp says where the page size comes from: the seeds never
// name one.
const codefreshSizeInterp = "Codefresh's pages never name a page size: ?limit= with default 25 and maximum 100 (larger values clamped) is our choice."

// codefreshBodyInterp says where the body shape comes from.
const codefreshBodyInterp = "Codefresh's pages show no response body: the builds come in docs beside page and limit, a shape of our choosing."

// cfLegacyPageInterp says why the old API refuses pages below 1.
const cfLegacyPageInterp = "The old pages on Codefresh's page count from the first build; negative pages only came with the 2021 cursor."

// codefreshPaths are what both Codefresh profiles serve: the build list
// (/workflow, as the page writes it) and the image list beside it.
var codefreshPaths = []string{"/workflow", "/images"}

// codefreshUnservedInterp says where a 404 or a 405 comes from.
const codefreshUnservedInterp = "Codefresh's page lists builds at /workflow and names image lists beside them, and names no status for anything else: another path is HTTP's 404, another method its 405."

func codefreshOptions() []OptionSpec { return commonOptions(25, 100, "clamp") }

// ---- codefresh-legacy ----

func init() {
	registerContract(&Profile{
		Name: "codefresh-legacy", Vendor: "Codefresh", Source: codefreshSource, URL: codefreshURL,
		Options: codefreshOptions(),
	}, contract{
		Base: "page", Paths: codefreshPaths, First: "GET /workflow?page=1", Limit: paramIn{Name: "limit"},
		LimitDefault: 25, LimitMax: 100, PastEnd: "silent", Independent: true,
		Items: "docs", PageEcho: "page", LimitEcho: "limit", Order: []string{"page", "limit", "total", "pages"},
		Next: nextSignal{Pages: []string{"pages"}, By: "pages"},
		Errors: []errorRule{{Kind: "path", Interp: codefreshUnservedInterp}, {Kind: "method", Interp: codefreshUnservedInterp},
			{Kind: "position", Message: "page numbers start at 1, got {value}", Interp: cfLegacyPageInterp}},
		Interp: interps{Limit: codefreshSizeInterp},
	})
}

// ---- codefresh ----

const codefreshSessionHeader = "X-Pagination-Session-Id"

// The interpretations of the 2021 model, each one sentence of why.
const (
	cfRefusalInterp = "Codefresh's page calls out-of-order requests \"invalid operations\" (and concurrent use \"undefined results\") without naming a status: we answer 400 and leave the cursor where it was."
	cfFirstInterp   = "Codefresh's page says only that you can always go back to page 1: we read it as a session's cursor starting at page 1, so its first request must be page=1."
	cfRereadInterp  = "Codefresh's page lists next, previous and page 1 as the moves; asking again for the page the cursor is on moves it nowhere, so we allow it."
	cfResetInterp   = "Codefresh's page says page 1 resets the cursor \"to the first position\": we take that to be the head of the list as it is now, so builds that arrived since are on page 1 again."
)

func init() {
	registerContract(&Profile{
		Name: "codefresh", Vendor: "Codefresh", Source: codefreshSource, URL: codefreshURL,
		Options: codefreshOptions(),
	}, contract{
		Base: "session", Paths: codefreshPaths, First: "GET /workflow?page=1", Session: paramIn{Name: codefreshSessionHeader},
		LimitDefault: 25, LimitMax: 100,
		Items: "docs", PageEcho: "page", LimitEcho: "limit",
		Next: nextSignal{Flag: "hasNextPage", PrevFlag: "hasPrevPage"},
		Errors: []errorRule{{Kind: "path", Interp: codefreshUnservedInterp}, {Kind: "method", Interp: codefreshUnservedInterp},
			{Kind: "session", Interp: cfFirstInterp}, {Kind: "jump", Interp: cfRefusalInterp}},
		Interp: interps{Limit: codefreshSizeInterp, Reread: cfRereadInterp, Reset: cfResetInterp},
	})
}
