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
	jiraCapInterp    = "The KB says each endpoint has its own limit above which maxResults is lowered, without the numbers: we lower it to max-limit (50 by default)."
	jiraTokenInterp  = "The reference does not say what a nextPageToken sent with another JQL, or one it never issued, does: we answer 400 with Jira's errorMessages shape."
	jiraNumberInterp = "Atlassian does not say what a startAt or maxResults below 0 and 1, or not a number, does: we use the default (0, 50)."
	jiraNaNInterp    = "Jira is reported to refuse 0, -1 and 5001 so; a maxResults that is not a number gets the same 400."
	jiraRangeMsg     = "The max results parameter has to be between 1 and 5,000."
)

// jiraErrorBody is Jira's error shape: {"errorMessages":[...],"errors":{}}.
const jiraErrorBody = `{"errorMessages":[{message}],"errors":{}}`

func init() {
	registerContract(&Profile{
		Name: "jira", Vendor: "Jira", Source: jiraSource, URL: jiraURL,
	}, contract{
		Base: "offset", Paths: []string{"/rest/api/3/project/search"}, First: jiraFirst,
		Params: []string{"orderBy", "query", "expand"},
		Offset: paramIn{Name: "startAt"}, Limit: paramIn{Name: "maxResults"},
		LimitDefault: 50, LimitMax: 50, Invalid: "default",
		Items: "values", LimitEcho: "maxResults", OffsetEcho: "startAt",
		Const:     []fixedMember{{Path: "self", JSON: "{url}"}},
		Next:      nextSignal{URL: "nextPage", LinkBase: jiraHost, End: "absent", LastFlag: "isLast"},
		Client:    trapClient{Trap: "requested", Follows: "returned"},
		ErrorBody: jiraErrorBody,
		Errors:    []errorRule{{Kind: "clamp", Message: "{name}={value} is above this endpoint's limit: the response says {name} {max}"}},
		Interp:    interps{Limit: jiraCapInterp, Invalid: jiraNumberInterp},
	})
	registerContract(&Profile{
		Name: "jira-jql", Vendor: "Jira", Source: jiraJQLSource, URL: "https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-search/#api-rest-api-3-search-jql-get",
	}, contract{
		Base: "cursor", Paths: []string{"/rest/api/3/search/jql"}, First: jiraJQLFirst,
		Params: []string{"jql", "fields", "expand"},
		After:  paramIn{Name: "nextPageToken"}, Before: paramIn{Name: "none"}, Limit: paramIn{Name: "maxResults"},
		LimitDefault: 50, LimitMax: 5000, OverMax: "refuse",
		Items: "issues",
		Next:  nextSignal{Cursor: "nextPageToken", End: "absent", LastFlag: "isLast"},
		Token: tokenLife{Bound: true, BoundTo: []string{"jql"}}, Bounded: "jql",
		Client:    trapClient{Trap: "null-check", Follows: "token"},
		ErrorBody: jiraErrorBody,
		Errors: []errorRule{
			{Kind: "size", Message: jiraRangeMsg}, {Kind: "over-max", Message: jiraRangeMsg}, {Kind: "number", Message: jiraRangeMsg, Interp: jiraNaNInterp},
			{Kind: "cursor", Message: "The provided next page token is invalid or expired.", Interp: jiraTokenInterp},
			{Kind: "changed", Message: "The provided next page token does not belong to this query.", Interp: jiraTokenInterp},
			{Kind: "unbounded", Message: "Unbounded JQL queries are not allowed here. Please add a search restriction to your query."},
		},
	})
}
