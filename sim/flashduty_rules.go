//go:build !js

package sim

// The summaries and rules of the profiles in flashduty.go, read by native
// builds only (profileText says why).

var flashdutyRules = []RuleNote{
	{Text: "A list query is POST with a JSON body {\"p\":1,\"limit\":20}: p is the page number from 1, offset = (p-1)·limit; limit defaults to 20, maximum 100.", Source: "Flashduty's pagination page: Traditional Pagination"},
	{Text: "limit above 100 is a 400. " + fdLimitInterp, Interpretation: true},
	{Text: "PAGE * LIMIT must be <= 10000: beyond it the request is a 400 telling the client to switch to cursor pagination or narrow the query.", Source: "Flashduty's pagination page: \"If it exceeds 10000, the system will return a 400 error\""},
	{Text: "Offsets drift: records inserted or deleted during a walk shift the pages, and deep pages cost more (the database skips offset rows).", Source: "Flashduty's pagination page: \"Performance issues\", \"Data instability\""},
	{Text: "total is exact below 1000 and exactly 1000 at or above 1000 (\"the system matched 1000+ items\"): a client that computes the page count from total stops early. Use has_next_page.", Source: "Flashduty's pagination page: About TOTAL"},
	{Text: "has_next_page is a boolean. " + fdHasNextInterp, Interpretation: true},
	{Text: fdBodyInterp, Interpretation: true},
}

var _ = profileText(&Profile{Name: "flashduty",
	Summary: "POST {\"p\":1,\"limit\":20}: page/limit in the body, p × limit ≤ 10000, total capped at 1000, has_next_page",
	Rules: append(append([]RuleNote(nil), flashdutyRules...),
		RuleNote{Text: "A search_after_ctx in the body is refused (use flashduty-cursor). " + fdTraditionalInterp, Interpretation: true},
		RuleNote{Text: "Option client=total makes the client trust total: it computes ⌈total/limit⌉ pages and stops there.", Source: "Flashduty's pagination page: \"please use has_next_page to determine if there's a next page, rather than total\""}),
})

var _ = profileText(&Profile{Name: "flashduty-cursor",
	Summary: "POST {\"search_after_ctx\":\"…\",\"limit\":20}: an opaque 24-hex-digit cursor, returned only while a next page exists; total capped at 1000",
	Rules: append([]RuleNote{
		{Text: "The incident and alert lists also page by cursor: the body {\"search_after_ctx\":\"658bcbae6ab5a67b3b800230\",\"limit\":20}, the first page without it.", Source: "Flashduty's pagination page: Cursor Pagination"},
		{Text: "The response carries search_after_ctx, an opaque 24-hex-digit value, only when a next page exists, beside total (capped the same way) and has_next_page.", Source: "Flashduty's pagination page: \"Next page cursor address, returned only if next page exists\""},
		{Text: "A cursor page continues after the sort position the context names: no PAGE * LIMIT window, no drift, and the cost of an index seek plus limit rows.", Source: "Flashduty's pagination page: \"better handle large datasets\""},
		{Text: "A search_after_ctx the server never issued, or one that is not 24 hex digits, is refused (400).", Interpretation: true},
		{Text: fdCtxInterp, Interpretation: true},
		{Text: "p pages traditionally on the same list, with the same rules; p and search_after_ctx together are refused. " + fdMixInterp, Interpretation: true},
	}, flashdutyRules...),
})
