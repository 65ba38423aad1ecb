//go:build !js

package sim

// The summary and rules of each profile in catalog_notion.go: native builds only
// (profileText says why).

var _ = profileText(&Profile{Name: "notion",
	Summary: `POST {"start_cursor":"…","page_size":100}: results, next_cursor (null at the end), has_more; page_size at most 100, larger is a 400`,
	Rules: []RuleNote{
		{Text: "Endpoints that return lists take start_cursor and page_size; the response has results, next_cursor and has_more.", Source: notionSource + ": \"receiving an array of results and a next_cursor in the response\""},
		{Text: "page_size: the number of items wanted, maximum 100; left out, 100.", Source: notionSource + ": page_size \"The number of items from the full list desired in the response. Maximum: 100\""},
		{Text: "A page_size above 100 is a 400 validation_error. " + notionSizeInterp, Interpretation: true},
		{Text: "next_cursor is null on the last page, where has_more is false; the next request sends it as start_cursor.", Source: notionSource + ": next_cursor \"If null, there are no more results\""},
		{Text: notionCursorInterp, Interpretation: true},
		{Text: "Database queries send start_cursor and page_size in the JSON body (POST); GET lists send them in the query string.", Source: notionSource + ": \"Parameters for paginated requests\""},
		{Text: "Errors are {\"object\":\"error\",\"status\":400,\"code\":\"validation_error\",\"message\":...}.", Source: "Notion API reference: Status codes"},
	},
})
