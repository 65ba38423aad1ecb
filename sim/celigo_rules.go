//go:build !js

package sim

// The summaries and rules of the profiles in celigo.go, read by native builds only
// (profileText says why).

var _ = profileText(&Profile{Name: "celigo",
	Summary: "integrator.io resource lists: a bare JSON array and an RFC 8288 Link header over skip/limit; drifts when records are created or deleted mid-walk",
	Rules: []RuleNote{
		{Text: "GET /v1/integrations?limit=100 returns a bare JSON array of up to limit records (their id is _id) and, if more exist, a Link header with rel=\"next\": <https://api.integrator.io/v1/integrations?skip=100&limit=100>.", Source: "Celigo's pagination page: Link header pagination"},
		{Text: "Clients iterate until rel=\"next\" is missing, following the header they were sent; the simulator parses it with an RFC 8288 parser before following it.", Source: "Celigo's pagination page: \"Iterate until rel=\\\"next\\\" is missing\""},
		{Text: "limit defaults to 100 and is capped at 1000. " + celigoLimitInterp, Interpretation: true},
		{Text: "rel=\"prev\" comes with every page. " + celigoPrevInterp, Interpretation: true},
		{Text: "The example on Celigo's page pairs limit=1000 with a next link at skip=100; the simulator's next link is always skip+limit with the limit actually served.", Interpretation: true},
		{Text: "Celigo's page cites RFC 5988 for the Link header; RFC 8288 replaced it with the same syntax, and the simulator's parser follows RFC 8288.", Source: "Celigo's pagination page: \"Link header (RFC 5988)\""},
		{Text: "skip is an offset: records created or deleted ahead of it during a walk make the walk see a record twice or miss one.", Source: "Celigo's pagination page: \"skip-based pagination drifts\""},
		{Text: "createdAfter/createdBefore restrict the list to a time window and sort=_id lists it by _id, oldest first: an export that stays snapshot-accurate while records keep arriving (they fall outside the window).", Source: "Celigo's pagination page: \"For snapshot-accurate exports, restrict by a time window (createdAfter, createdBefore) and sort by _id\""},
		{Text: celigoWindowInterp, Interpretation: true},
		{Text: celigoSortInterp, Interpretation: true},
		{Text: "The CLI \"auto-paginates up to 50 pages\" and errors out if more are needed: `walk cap 50` is that client.", Source: "Celigo's pagination page: Pagination limits"},
		{Text: "Records can be reordered between pages as data changes: a walk split between parallel workers, each computing its own skip, sees the list at different moments.", Source: "Celigo's pagination page: \"Don't parallelize a single paginated walk\""},
		celigoRateRule,
	},
})

var _ = profileText(&Profile{Name: "celigo-errors",
	Summary: "integrator.io flow errors: {\"errors\":[…],\"nextPageURL\":…,\"totalErrors\":N}, an opaque after cursor in the body's next URL",
	Rules: []RuleNote{
		{Text: "GET /v1/flows/{flowId}/errors?pageSize=100 returns {\"errors\":[…],\"nextPageURL\":\"/v1/flows/…/errors?after=…&pageSize=100\",\"totalErrors\":437}: the next URL is in the body because the result is a nested structure.", Source: "Celigo's pagination page: Body-based pagination"},
		{Text: "Clients follow nextPageURL until it is absent or empty.", Source: "Celigo's pagination page: \"Iterate by following nextPageURL until it's absent or empty\""},
		{Text: "after is an opaque keyset cursor (the sort position of the page's last error): the walk neither repeats nor skips errors while others arrive or are removed, and a garbled cursor, or one from another flow, is refused with 400.", Interpretation: true},
		{Text: "totalErrors is the exact count of the flow's errors at that moment.", Interpretation: true},
		{Text: "pageSize defaults to 100 and is capped at 1000, like limit on the Link-header lists. " + celigoLimitInterp, Interpretation: true},
		{Text: "The last page omits nextPageURL (option last-page-url=empty sends \"\" instead): Celigo's page allows both.", Source: "Celigo's pagination page: \"absent or empty\""},
		celigoRateRule,
	},
})

var _ = profileText(&Profile{Name: "celigo-migrated",
	Summary: "a Celigo Link-header list after the move to cursor paging inside: next links carry an opaque cursor tied to the request that produced them",
	Rules: []RuleNote{
		{Text: "The list answers as before (a bare array and a Link header), but rel=\"next\" now carries an opaque cursor instead of skip: the walk no longer drifts.", Source: "Celigo's pagination page: \"when endpoints migrate to cursor-based paging internally\""},
		{Text: "A request with skip is refused (400): " + celigoHandCrafted + ".", Source: "Celigo's pagination page: Tip"},
		{Text: "A next link works once: following it again after the next page was fetched is refused (400): " + celigoStale + ".", Source: "Celigo's pagination page: Warnings"},
		{Text: "Changing the limit of a link the server sent is refused too: the link is tied to the request that produced it.", Interpretation: true},
		{Text: "Only rel=\"next\" is sent: Celigo's page does not say what rel=\"prev\" becomes once the paging is cursor-based.", Interpretation: true},
		{Text: "limit defaults to 100 and is capped at 1000. " + celigoLimitInterp, Interpretation: true},
		celigoRateRule,
	},
})
