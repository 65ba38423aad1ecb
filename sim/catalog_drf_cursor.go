package sim

// Django REST framework's CursorPagination, read from
// rest_framework/pagination.py: the cursor is base64 of a query string with
// an offset (o), a direction (r) and a position (p, the value of the first
// ordering field), and the offset counts the records that share the
// boundary's position.

const drfCursorInterp = "CursorPagination orders by a field of the model (\"-created\" by default): here the position is the record's sort key and the order the list's, so ties come from the scenario's sort line."

func init() {
	registerContract(&Profile{
		Name: "drf-cursor", Vendor: "Django REST framework", Source: drfSource + ", CursorPagination", URL: drfURL,
	}, contract{
		Base: "cursor", CursorKind: "position", Paths: []string{"/api/items/"}, First: "GET /api/items/",
		After: paramIn{Name: "cursor"}, Before: paramIn{Name: "none"},
		Limit: paramIn{Name: "page_size"}, LimitOption: true, LimitDefault: 100, LimitMax: maxPageSize, Invalid: "default", Numbers: "python", Repeated: "last",
		Items:       "results",
		Next:        nextSignal{URL: "next", PrevURL: "previous", LinkBase: drfHost, Query: "sorted"},
		ErrorStatus: 404, ErrorField: "detail",
		Errors: []errorRule{{Kind: "cursor", Message: "Invalid cursor"}},
		Interp: interps{All: drfCursorInterp},
	})
}
