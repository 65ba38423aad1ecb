//go:build !js

package sim

// The summary and rules of each profile in catalog_jira.go: native builds only
// (profileText says why).

var _ = profileText(&Profile{Name: "jira",
	Summary: "?startAt=&maxResults=: values, total, isLast, nextPage; the server may lower maxResults, and the response says the value it used",
	Rules: []RuleNote{
		{Text: "Paginated lists take startAt (the index of the first item, from 0) and maxResults; the response has startAt, maxResults, total, isLast and values, and nextPage (a URL) unless it is the last page.", Source: jiraSource + ": \"startAt is the index of the first item returned in the page\"; \"isLast indicates whether the page returned is the last one\""},
		{Text: "maxResults above the endpoint's limit is lowered: the response's maxResults is the value used, and clients must read it back.", Source: jiraKBSource + ": \"the maxResults in the request is overridden if it is above the limit defined for given REST API endpoint\"; \"we recommend that REST API clients programmatically confirm maxResults value\""},
		{Text: jiraCapInterp, Interpretation: true},
		{Text: "A client that adds the maxResults it asked for to startAt skips the records between (option client=requested shows it).", Source: jiraKBSource + ": \"Refer to maxResults limit for the given API that is provided in the returned JSON object\""},
		{Text: "A startAt or maxResults that is not a number, or below 0 and 1, gets the default. " + jiraNumberInterp, Interpretation: true},
		{Text: "total may change between pages and a page may be empty (a startAt past the end answers values: []).", Source: jiraSource + ": \"This number may change as the client requests the subsequent pages. A client should always assume that the requested page can be empty.\""},
		{Text: "startAt is an offset: items created or deleted during a walk shift the pages."},
	},
})

var _ = profileText(&Profile{Name: "jira-jql",
	Summary: "GET /search/jql?jql=&maxResults=&nextPageToken=: issues, nextPageToken and isLast; the last page has no nextPageToken key at all (JRACLOUD-92184)",
	Rules: []RuleNote{
		{Text: "The first page has no nextPageToken in the request; each response gives the token of the next page, which the next request sends as nextPageToken.", Source: jiraJQLSource + ": nextPageToken \"The token for a page to fetch that is not the first page. The first page has a nextPageToken of null. Use the nextPageToken to fetch the next page of issues.\""},
		{Text: "A jql with no search restriction (missing, empty, or only ORDER BY) is a 400: \"Unbounded JQL queries are not allowed here. Please add a search restriction to your query.\" The maxResults range is checked first.", Source: "Jira Cloud as reported in raycast/extensions#21425 and bobmatnyc/mcp-ticketer#81 (jql=ORDER BY created DESC: 400); brekkylab/backlot#286 (the range check before the unbounded refusal)"},
		{Text: "isLast says whether this is the last page; there is no total.", Source: jiraJQLSource + ": isLast \"Indicates whether this is the last page of the paginated response\""},
		{Text: "maxResults defaults to 50 and goes up to 5000; 0, a negative number or above 5000 is a 400 {\"errorMessages\":[\"The max results parameter has to be between 1 and 5,000.\"],\"errors\":{}}.", Source: jiraJQLSource + ": maxResults \"It returns max 5000 issues\"; the message as Jira answers it (jenkinsci/jira-plugin#646)"},
		{Text: "A maxResults that is not a number is refused the same way. " + jiraNaNInterp, Interpretation: true},
		{Text: "On the last page the nextPageToken key is missing, not null: a client that waits for null never sees it (option client=null-check shows it).", Source: jiraJQLSource + ": \"The nextPageToken field is not included in the response for the last page, indicating there is no next page.\"; JRACLOUD-92184"},
		{Text: "A token carries its query: sending it with another jql, or one the server never issued, is a 400. " + jiraTokenInterp, Interpretation: true},
		{Text: "The token marks a place in the results: issues created or deleted during a walk shift nothing."},
	},
})
