package sim

// Jira Cloud's REST API: the paginated lists ("PageBean": startAt,
// maxResults, total, isLast, values, nextPage), where the server may lower
// maxResults; and the enhanced JQL search, paged by nextPageToken.

const (
	jiraURL       = "https://developer.atlassian.com/cloud/jira/platform/rest/v3/intro/#pagination"
	jiraKBURL     = "https://confluence.atlassian.com/jirakb/changing-maxresults-parameter-for-jira-rest-api-779160706.html"
	jiraHost      = "https://your-domain.atlassian.net"
	jiraFirst     = "GET /rest/api/3/project/search?startAt=0&maxResults=50"
	jiraJQLFirst  = "GET /rest/api/3/search/jql?jql=project%3DPROJ&maxResults=50"
	jiraSource    = "Jira Cloud platform REST API: Pagination"
	jiraKBSource  = "Atlassian KB: Changing maxResults parameter for Jira Cloud REST API"
	jiraJQLSource = "Jira Cloud platform REST API: Search for issues using JQL enhanced search"
)

// The interpretations, each one sentence of why.
const (
	jiraCapInterp   = "The KB says each endpoint has its own limit above which maxResults is lowered, without the numbers: we lower it to max-limit (50 by default)."
	jiraTokenInterp = "The reference does not say what a nextPageToken sent with another JQL, or one it never issued, does: we answer 400 with Jira's errorMessages shape."
)

// jiraErrorBody is Jira's error shape: {"errorMessages":[...],"errors":{}}.
const jiraErrorBody = `{"errorMessages":[{message}],"errors":{}}`

func init() {
	registerContract(&Profile{
		Name: "jira", Vendor: "Jira", Source: jiraSource, URL: jiraURL,
		Summary: "?startAt=&maxResults=: values, total, isLast, nextPage; the server may lower maxResults, and the response says the value it used",
		Rules: []RuleNote{
			{Text: "Paginated lists take startAt (the index of the first item, from 0) and maxResults; the response has startAt, maxResults, total, isLast and values, and nextPage (a URL) unless it is the last page.", Source: jiraSource + ": \"startAt is the index of the first item returned in the page\"; \"isLast indicates whether the page returned is the last one\""},
			{Text: "maxResults above the endpoint's limit is lowered: the response's maxResults is the value used, and clients must read it back.", Source: jiraKBSource + ": \"the maxResults in the request is overridden if it is above the limit defined for given REST API endpoint\"; \"we recommend that REST API clients programmatically confirm maxResults value\""},
			{Text: jiraCapInterp, Interpretation: true},
			{Text: "A client that adds the maxResults it asked for to startAt skips the records between (option client=requested shows it).", Source: jiraKBSource + ": \"Refer to maxResults limit for the given API that is provided in the returned JSON object\""},
			{Text: "startAt is an offset: items created or deleted during a walk shift the pages."},
		},
	}, Contract{
		Base: "offset", Paths: []string{"/rest/api/3/project/search"}, First: jiraFirst,
		Params: []string{"orderBy", "query", "expand"},
		Offset: In{Name: "startAt"}, Limit: In{Name: "maxResults"},
		LimitDefault: 50, LimitMax: 50, Invalid: "default",
		Items: "values", LimitEcho: "maxResults", OffsetEcho: "startAt",
		Const:     []Member{{Path: "self", JSON: "{url}"}},
		Next:      Next{URL: "nextPage", LinkBase: jiraHost, End: "absent", LastFlag: "isLast"},
		Client:    Client{Trap: "requested", Follows: "returned"},
		ErrorBody: jiraErrorBody,
		Errors:    []ErrorRule{{Kind: "clamp", Message: "{name}={value} is above this endpoint's limit: the response says {name} {max}"}},
		Interp:    Interps{Limit: jiraCapInterp},
	})
	registerContract(&Profile{
		Name: "jira-jql", Vendor: "Jira", Source: jiraJQLSource, URL: "https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-search/#api-rest-api-3-search-jql-get",
		Summary: "GET /search/jql?jql=&maxResults=&nextPageToken=: issues, nextPageToken and isLast; the last page has no nextPageToken key at all (JRACLOUD-92184)",
		Rules: []RuleNote{
			{Text: "The first page has no nextPageToken in the request; each response gives the token of the next page, which the next request sends as nextPageToken.", Source: jiraJQLSource + ": nextPageToken \"The token for a page to fetch that is not the first page. The first page has a nextPageToken of null. Use the nextPageToken to fetch the next page of issues.\""},
			{Text: "isLast says whether this is the last page; there is no total.", Source: jiraJQLSource + ": isLast \"Indicates whether this is the last page of the paginated response\""},
			{Text: "On the last page the nextPageToken key is missing, not null: a client that waits for null never sees it (option client=null-check shows it).", Source: "JRACLOUD-92184: \"There is no nextPageToken key on the last page of results. The key only appears when it has a value in it.\""},
			{Text: "A token carries its query: sending it with another jql, or one the server never issued, is a 400. " + jiraTokenInterp, Interpretation: true},
			{Text: "The token marks a place in the results: issues created or deleted during a walk shift nothing."},
		},
	}, Contract{
		Base: "cursor", Paths: []string{"/rest/api/3/search/jql"}, First: jiraJQLFirst,
		Params: []string{"jql", "fields", "expand"},
		After:  In{Name: "nextPageToken"}, Before: In{Name: "none"}, Limit: In{Name: "maxResults"},
		LimitDefault: 50, LimitMax: 5000, Invalid: "default",
		Items:     "issues",
		Next:      Next{Cursor: "nextPageToken", End: "absent", LastFlag: "isLast"},
		Token:     Token{Bound: true, BoundTo: []string{"jql"}},
		Client:    Client{Trap: "null-check", Follows: "token"},
		ErrorBody: jiraErrorBody,
		Errors: []ErrorRule{
			{Kind: "cursor", Message: "The provided next page token is invalid or expired.", Interp: jiraTokenInterp},
			{Kind: "changed", Message: "The provided next page token does not belong to this query.", Interp: jiraTokenInterp},
		},
	})
}
