package sim

// Google's API design guide, AIP-158: page_size and page_token in,
// next_page_token out, empty only at the end; pages may be short, even
// empty, before it; a token belongs to the request that made it.

const (
	googleURL    = "https://google.aip.dev/158"
	googleFirst  = "GET /v1/publishers/123/books?pageSize=50"
	googleSource = "Google AIP-158: Pagination"
)

// The interpretations, each one sentence of why.
const (
	googleRESTInterp  = "AIP-158 names the proto fields; over HTTP/JSON the query takes pageSize or page_size and pageToken or page_token, and the response says nextPageToken, left out when empty (proto3 JSON omits empty strings)."
	googleShortInterp = "AIP-158 says fewer results, even zero, may come back before the end, not how often: about one page in three is cut short here, chosen by the seed."
	googleTokenInterp = "AIP-158 lets tokens expire (\"a good rule of thumb is three days\"): option token-ttl sets it in ticks, 0 for never."
	googleErrorInterp = "Errors take Google's JSON error shape: {\"error\":{\"code\":400,\"message\":...,\"status\":\"INVALID_ARGUMENT\"}}."
)

func init() {
	registerContract(&Profile{
		Name: "google-aip158", Vendor: "Google", Source: googleSource, URL: googleURL,
	}, contract{
		Base: "cursor", Paths: []string{"/v1/publishers/{publisher}/books"}, First: googleFirst,
		Params: []string{"filter", "orderBy", "order_by"},
		After:  paramIn{Name: "pageToken", Alias: "page_token"}, Before: paramIn{Name: "none"},
		Limit:        paramIn{Name: "pageSize", Alias: "page_size"},
		LimitDefault: 50, LimitMax: 1000, LimitZero: "default",
		Items:     "books",
		Next:      nextSignal{Cursor: "nextPageToken", End: "absent"},
		Total:     totalRule{Kind: "none", Choices: []string{"none", "exact", "estimate"}, Field: "totalSize"},
		Short:     shortPages{Pages: "empty", Follows: "token", Advice: " (AIP-158: it is the only end signal)"},
		Token:     tokenLife{Bound: true},
		ErrorBody: `{"error":{"code":{status},"message":{message},"status":"INVALID_ARGUMENT"}}`,
		Errors: []errorRule{
			{Kind: "path", Body: `{"error":{"code":404,"message":{message},"status":"NOT_FOUND"}}`}, // google.rpc.Code: NOT_FOUND is 404
			{Kind: "size", Message: "page_size must not be negative, got {value}"},
			{Kind: "number", Message: "Invalid value at 'page_size' (TYPE_INT32), \"{value}\""},
			{Kind: "clamp", Message: "page_size={value} is above the maximum of {max}: coerced down to {max}"},
			{Kind: "cursor", Message: "The page token is invalid."},
			{Kind: "changed", Message: "The page token was issued for a request with other arguments: only page_size may change between pages."},
			{Kind: "expired", Message: "The page token has expired."},
		},
		Interp: interps{All: googleRESTInterp, Short: googleShortInterp, Error: googleErrorInterp, Expired: googleTokenInterp},
	})
}
