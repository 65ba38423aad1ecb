//go:build !js

package sim

// The summaries and rules of the profiles in codefresh.go, read by native builds only
// (profileText says why).

var _ = profileText(&Profile{Name: "codefresh-legacy",
	Summary: "builds and images before January 2021: GET /workflow?page=N, every page independent, any order valid; drifts like offset paging",
	Rules: []RuleNote{
		{Text: "GET /workflow?page=N returns the Nth page of builds (image lists page the same way); every call is independent of the previous one, so any order is valid (5, 2, 8 or 1, 4, 2).", Source: "Codefresh's paging page: \"you could fetch any possible page within the results and each call was completely independent\""},
		{Text: "Codefresh's page dates the change both January 9th and January 7th 2021: the two profiles stand for before and after it, whatever the day.", Source: "Codefresh's paging page", Interpretation: true},
		{Text: "A page is an offset underneath ((N-1)·limit): builds arriving at the head push the next page down, so a walk sees some builds twice; deleted builds make it skip some.", Source: "Codefresh's paging page: the old page-based implementation"},
		{Text: "Page numbers start at 1; page 0 and below are refused (400). " + cfLegacyPageInterp, Interpretation: true},
		{Text: codefreshSizeInterp, Interpretation: true},
		{Text: codefreshBodyInterp + " total and pages are exact counts.", Interpretation: true},
	},
})

var _ = profileText(&Profile{Name: "codefresh",
	Summary: "builds and images from January 2021: a server-side cursor per X-Pagination-Session-Id; only next, previous or page 1; negative pages hold new builds",
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
})
