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
	graphTopInterp   = "Microsoft's pages give $top's minimum (1) and /users' maximum (999), and users quote the answer above it; that $top=0 gets the same range message, and that a negative or non-numeric $top on /users gets OData's \"requires a non-negative integer value\" with code BadRequest as Graph's mail lists answer it, is our reading."
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
		LimitDefault: 100, LimitMax: 999, OverMax: "refuse", Numbers: "unsigned",
		Items: "value", Const: []fixedMember{{Path: "@odata.context", JSON: `"` + graphHost + `/v1.0/$metadata#users"`}},
		Next:      nextSignal{URL: "@odata.nextLink", LinkBase: graphHost, End: "absent"},
		Short:     shortPages{Pages: "zero", Off: true, Follows: "nextlink"},
		ErrorBody: `{"error":{"code":{code},"message":{message}}}`,
		Errors: []errorRule{
			{Kind: "refused", Code: "Request_BadRequest", Message: "'{name}' is not supported by the service."},
			{Kind: "size", Code: "Request_UnsupportedQuery", Message: topMsg, Interp: graphTopInterp},
			{Kind: "number", Code: "BadRequest", Message: "Invalid value '{value}' for {name} query option found. The {name} query option requires a non-negative integer value.", Interp: graphTopInterp},
			{Kind: "over-max", Code: "Request_UnsupportedQuery", Message: topMsg, Interp: graphTopInterp},
			{Kind: "cursor", Code: "Request_BadRequest", Message: "The $skiptoken is invalid."},
		},
		Interp: interps{Short: graphEmptyInterp},
	})
}
