package sim

// Microsoft Graph: $top in, the records in value, and @odata.nextLink, a whole
// URL with an opaque $skiptoken, while more remain; /users takes $top but not
// $skip.

const (
	graphURL    = "https://learn.microsoft.com/en-us/graph/paging"
	graphHost   = "https://graph.microsoft.com"
	graphFirst  = "GET /v1.0/users?$top=100"
	graphSource = "Microsoft Graph: Paging Microsoft Graph data in your app"
)

// The interpretations, each one sentence of why.
const (
	graphTopInterp   = "The paging page says support for $top depends on the API: we take /users' range, 1 to 999, and answer a $top outside it, or a $skip, with 400 Request_UnsupportedQuery, as Graph's error shape has it."
	graphEmptyInterp = "Graph's delta query page says a response with an @odata.nextLink may hold no results, not how often: with empty-pages=on about one page in three is empty while more remain, chosen by the seed."
)

func init() {
	topMsg := "Invalid page size specified: '{value}'. Must be between 1 and {max} inclusive."
	registerContract(&Profile{
		Name: "msgraph", Vendor: "Microsoft Graph", Source: graphSource, URL: graphURL,
	}, contract{
		Base: "cursor", Paths: []string{"/v1.0/users"}, First: graphFirst,
		Params: []string{"$select", "$filter", "$orderby", "$count", "$search", "$expand"}, Refuse: []string{"$skip"},
		After: paramIn{Name: "$skiptoken"}, Before: paramIn{Name: "none"}, Limit: paramIn{Name: "$top"},
		LimitDefault: 100, LimitMax: 999, OverMax: "refuse",
		Items: "value", Const: []fixedMember{{Path: "@odata.context", JSON: `"` + graphHost + `/v1.0/$metadata#users"`}},
		Next:      nextSignal{URL: "@odata.nextLink", LinkBase: graphHost, End: "absent"},
		Short:     shortPages{Pages: "zero", Off: true, Follows: "nextlink"},
		ErrorBody: `{"error":{"code":{code},"message":{message}}}`,
		Errors: []errorRule{
			{Kind: "refused", Code: "Request_BadRequest", Message: "'{name}' is not supported by the service."},
			{Kind: "size", Code: "Request_UnsupportedQuery", Message: topMsg},
			{Kind: "number", Code: "Request_UnsupportedQuery", Message: topMsg},
			{Kind: "over-max", Code: "Request_UnsupportedQuery", Message: topMsg},
			{Kind: "cursor", Code: "Request_BadRequest", Message: "The $skiptoken is invalid."},
		},
		Interp: interps{Error: graphTopInterp, Short: graphEmptyInterp},
	})
}
