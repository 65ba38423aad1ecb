//go:build !js

package sim

// The summary and rules of each profile in catalog_msgraph.go: native builds only
// (profileText says why).

var _ = profileText(&Profile{Name: "msgraph",
	Summary: "?$top= (100 by default, at most 999): value and @odata.nextLink, a whole URL with an opaque $skiptoken, until it is missing; /users refuses $skip",
	Rules: []RuleNote{
		{Text: "GET /users returns 100 users a page by default; $top asks for a page size.", Source: graphSource + ": \"the GET /users endpoint returns a default of 100 results in a single page\""},
		{Text: "While more results remain, the response has @odata.nextLink, a URL to the next page; the client sends that URL as it is, until a response has none.", Source: graphSource + ": \"Microsoft Graph returns an @odata.nextLink property in the response that contains a URL to the next page of results\""},
		{Text: "The URL carries a $skiptoken (or $skip) and every other query parameter of the request; clients must not take it apart.", Source: graphSource + ": \"Depending on the API that the query is being performed against, the @odata.nextLink URL value will contain either a $skiptoken or a $skip query parameter\"; \"Do not try to extract the $skiptoken or $skip value\""},
		{Text: "/users supports $top but not $skip: a client that pages /users with $skip is refused, 400 Request_BadRequest \"'$skip' is not supported by the service.\"", Source: graphSource + ": \"the /users endpoint supports $top but not $skip\"; the error as reported in microsoftgraph/msgraph-metadata#135"},
		{Text: "$top is at least 1 and on /users at most 999: $top=1000 is 400 Request_UnsupportedQuery \"Invalid page size specified: '1000'. Must be between 1 and 999 inclusive.\"; a negative or non-numeric $top is OData's 400 \"Invalid value '-1' for $top query option found. The $top query option requires a non-negative integer value.\"", Source: "Microsoft Graph: Use query parameters: \"The minimum value of $top is 1 and the maximum depends on the corresponding API\"; the answer above 999 as reproduced on Microsoft Q&A; Microsoft.OData's message for $top"},
		{Text: graphTopInterp, Interpretation: true},
		{Text: "A page may be empty while @odata.nextLink says more remain (option empty-pages=on); a client that stops on an empty page misses the rest (option client=empty-page).", Source: "Microsoft Graph: Use delta query: \"there are more pages of data to retrieve in the session, even if the current response contains an empty result\""},
		{Text: graphEmptyInterp, Interpretation: true},
		{Text: "The $skiptoken marks a place in the list: users created or deleted during a walk shift nothing."},
	},
})
