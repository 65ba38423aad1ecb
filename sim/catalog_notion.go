package sim

// Notion's API: start_cursor and page_size (at most 100) in, results,
// next_cursor and has_more out. Database queries send them in a POST body.

const (
	notionURL    = "https://developers.notion.com/reference/intro#pagination"
	notionFirst  = `POST /v1/databases/d9824bdc84454327be8b5b47500af6ce/query {"page_size":100}`
	notionSource = "Notion API reference: Pagination"
)

// The interpretations, each one sentence of why.
const (
	notionSizeInterp   = "Notion's page gives page_size's maximum (100) without saying what a larger value does: we answer 400 validation_error, as a body that fails validation does."
	notionCursorInterp = "Notion's cursors look like the id of the next page's first object: here next_cursor names the first record of the next page, and start_cursor starts there (a deleted one still divides the list); a start_cursor that is not one of ours is a 400 validation_error."
)

func init() {
	sizeMsg := "body failed validation: body.page_size should be a number between 1 and 100, instead was `{value}`."
	registerContract(&Profile{
		Name: "notion", Vendor: "Notion", Source: notionSource, URL: notionURL,
	}, contract{
		Base: "cursor", Method: "POST", Query: "GET", First: notionFirst,
		Paths: []string{"/v1/databases/{database_id}/query", "/v1/data_sources/{data_source_id}/query", "/v1/search", "/v1/users", "/v1/blocks/{block_id}/children", "/v1/comments", "/v1/pages/{page_id}/properties/{property_id}"},
		After: paramIn{Name: "start_cursor", Where: "body"}, Before: paramIn{Name: "none"}, Limit: paramIn{Name: "page_size", Where: "body"},
		LimitDefault: 100, LimitMax: 100, OverMax: "refuse",
		Items: "results", IDPrefix: "00000000-0000-4000-8000-", IDWidth: 12, IDHex: true, FirstID: true,
		Const:     []fixedMember{{Path: "object", JSON: `"list"`}},
		Next:      nextSignal{Cursor: "next_cursor", Flag: "has_more"},
		ErrorBody: `{"object":"error","status":{status},"code":"validation_error","message":{message}}`,
		Errors: []errorRule{
			{Kind: "body", Message: "body failed validation: the body must be a JSON object"},
			{Kind: "size", Message: sizeMsg, Interp: notionSizeInterp},
			{Kind: "number", Message: sizeMsg, Interp: notionSizeInterp},
			{Kind: "over-max", Message: sizeMsg, Interp: notionSizeInterp},
			{Kind: "cursor", Message: "body failed validation: body.start_cursor should be a valid uuid of this list, instead was `{value}`.", Interp: notionCursorInterp},
		},
	})
}
