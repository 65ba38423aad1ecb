//go:build !js

package sim

// The summary and rules of each profile in catalog_google.go: native builds only
// (profileText says why).

var _ = profileText(&Profile{Name: "google-aip158",
	Summary: "?pageSize=&pageToken=: 50 by default, above 1000 coerced, negative refused; nextPageToken empty only at the end, pages may be short or empty before it; tokens tied to the request",
	Rules: []RuleNote{
		{Text: "page_size is optional: unset or 0 gives the API's default (50 here), never an error.", Source: googleSource + ": \"If the user does not specify page_size (or specifies 0), the API chooses an appropriate default ... The API must not return an error.\""},
		{Text: "Above the maximum (1000 here) it is coerced down.", Source: googleSource + ": \"If the user specifies page_size greater than the maximum permitted by the API, the API should coerce down to the maximum permitted page size.\""},
		{Text: "A negative page_size is INVALID_ARGUMENT.", Source: googleSource + ": \"If the user specifies a negative value for page_size, the API must send an INVALID_ARGUMENT error.\""},
		{Text: "A page may hold fewer results than asked, even none, before the end.", Source: googleSource + ": \"The API may return fewer results than the number requested (including zero results), even if not at the end of the collection.\""},
		{Text: googleShortInterp, Interpretation: true},
		{Text: "An empty next_page_token is the only end signal.", Source: googleSource + ": \"If the end of the collection has been reached, the next_page_token field must be empty. This is the only way to communicate \\\"end-of-collection\\\" to users.\""},
		{Text: "The next request may change page_size, and nothing else: another filter with the token is INVALID_ARGUMENT.", Source: googleSource + ": \"If the user changes the page_size in a request for subsequent pages, the service must honor the new page size.\"; \"if any arguments are different, the API should send an INVALID_ARGUMENT error.\""},
		{Text: "total_size is optional and may be an estimate (option total).", Source: googleSource + ": \"This total may be an estimate (but the API should explicitly document that).\""},
		{Text: "Tokens are opaque; they may expire. " + googleTokenInterp, Interpretation: true, Source: googleSource + ": \"Page tokens provided by APIs must be opaque\"; \"APIs may expire page tokens a reasonable time after they have been sent\""},
		{Text: googleRESTInterp, Interpretation: true},
		{Text: googleErrorInterp, Interpretation: true},
	},
})
