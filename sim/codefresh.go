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
		Summary: "builds and images before January 2021: GET /workflow?page=N, every page independent, any order valid; drifts like offset paging",
		Options: codefreshOptions(),
		Rules: []RuleNote{
			{Text: "GET /workflow?page=N returns the Nth page of builds (image lists page the same way); every call is independent of the previous one, so any order is valid (5, 2, 8 or 1, 4, 2).", Source: "Codefresh's paging page: \"you could fetch any possible page within the results and each call was completely independent\""},
			{Text: "Codefresh's page dates the change both January 9th and January 7th 2021: the two profiles stand for before and after it, whatever the day.", Source: "Codefresh's paging page", Interpretation: true},
			{Text: "A page is an offset underneath ((N-1)·limit): builds arriving at the head push the next page down, so a walk sees some builds twice; deleted builds make it skip some.", Source: "Codefresh's paging page: the old page-based implementation"},
			{Text: "Page numbers start at 1; page 0 and below are refused (400). " + cfLegacyPageInterp, Interpretation: true},
			{Text: codefreshSizeInterp, Interpretation: true},
			{Text: codefreshBodyInterp + " total and pages are exact counts.", Interpretation: true},
		},
	}, Contract{
		Base: "page", Paths: codefreshPaths, First: "GET /workflow?page=1", Limit: In{Name: "limit"},
		LimitDefault: 25, LimitMax: 100, PastEnd: "silent", Independent: true,
		Items: "docs", PageEcho: "page", LimitEcho: "limit", Order: []string{"page", "limit", "total", "pages"},
		Next: Next{Pages: []string{"pages"}, By: "pages"},
		Errors: []ErrorRule{{Kind: "path", Interp: codefreshUnservedInterp}, {Kind: "method", Interp: codefreshUnservedInterp},
			{Kind: "position", Message: "page numbers start at 1, got {value}", Interp: cfLegacyPageInterp}},
		Interp: Interps{Limit: codefreshSizeInterp},
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
		Summary: "builds and images from January 2021: a server-side cursor per X-Pagination-Session-Id; only next, previous or page 1; negative pages hold new builds",
		Options: codefreshOptions(),
		Rules: []RuleNote{
			{Text: "A database cursor behind the scenes tracks the current page c of each pagination session. From page c the allowed moves are page=c+1, page=c-1 and page=1 (reset) at any time; any other page is a jump and is refused.", Source: "Codefresh's paging page: \"You can only go back and forward to the next or previous page but never jump to an arbitrary page\"; \"you can always go back to page 1\""},
			{Text: "A refused jump does not move the cursor.", Source: "Codefresh's paging page: \"invalid operations\"", Interpretation: true},
			{Text: "A refusal is a 400. " + cfRefusalInterp, Interpretation: true},
			{Text: "A session's first request must be page=1. " + cfFirstInterp, Interpretation: true},
			{Text: "Re-reading the current page is allowed. " + cfRereadInterp, Interpretation: true},
			{Text: "The session is named by the X-Pagination-Session-Id header. Requests without it share one default session: two clients listing at once move each other's cursor.", Source: "Codefresh's paging page: \"they will all have the same cursor, and using them all at once will yield undefined results\""},
			{Text: "Inside a Codefresh pipeline the CLI sets the session id to {workflowId}+{stepsContainerId}; to the server it is just another id.", Source: "Codefresh's paging page: the CLI in a Codefresh pipeline"},
			{Text: "Pages are anchored on builds, not offsets: page c+1 continues after the last build of page c, so a sequential walk neither repeats nor skips builds while new ones arrive at the head.", Source: "Codefresh's paging page: cursor based, \"far more efficient\""},
			{Text: "page=0, page=-1, … are the pages before page 1: builds newer than the anchor, nearest first; page 0 is the first page of brand-new builds.", Source: "Codefresh's paging page: \"use negative numbers for going to the previous page\"; page=-1 \"contains brand new builds\""},
			{Text: "page=1 resets the anchor to the head of the list as it is now. " + cfResetInterp, Interpretation: true},
			{Text: codefreshSizeInterp, Interpretation: true},
			{Text: codefreshBodyInterp + " There is no total; hasNextPage and hasPrevPage say whether builds lie after or before the page.", Interpretation: true},
		},
	}, Contract{
		Base: "session", Paths: codefreshPaths, First: "GET /workflow?page=1", Session: In{Name: codefreshSessionHeader},
		LimitDefault: 25, LimitMax: 100,
		Items: "docs", PageEcho: "page", LimitEcho: "limit",
		Next: Next{Flag: "hasNextPage", PrevFlag: "hasPrevPage"},
		Errors: []ErrorRule{{Kind: "path", Interp: codefreshUnservedInterp}, {Kind: "method", Interp: codefreshUnservedInterp},
			{Kind: "session", Interp: cfFirstInterp}, {Kind: "jump", Interp: cfRefusalInterp}},
		Interp: Interps{Limit: codefreshSizeInterp, Reread: cfRereadInterp, Reset: cfResetInterp},
	})
}
