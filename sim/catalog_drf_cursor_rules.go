//go:build !js

package sim

// The summary and rules of each profile in catalog_drf_cursor.go: native builds only
// (profileText says why).

var _ = profileText(&Profile{Name: "drf-cursor",
	Summary: "CursorPagination: ?cursor= (base64 of o=offset&r=1&p=position), {next, previous, results}, no count; an unreadable cursor is 404 \"Invalid cursor\"",
	Rules: []RuleNote{
		{Text: "GET /api/items/ returns {\"next\", \"previous\", \"results\"}: no count; next and previous are URLs with a cursor parameter, or null.", Source: "pagination.py CursorPagination.get_paginated_response"},
		{Text: "The cursor is base64 of a query string: o, the offset (left out when 0), r=1 when going backward, p, the position: the value of the first ordering field of the record the page is cut at.", Source: "pagination.py encode_cursor: \"tokens['o'] = str(cursor.offset)\", \"tokens['r'] = '1'\", \"tokens['p'] = cursor.position\"; \"b64encode(querystring.encode('ascii'))\""},
		{Text: "A page continues after the position (created__lt for the default \"-created\"), then skips o records: the ones that share the boundary's position.", Source: "pagination.py: \"kwargs = {order_attr + '__lt': current_position}\"; \"results = list(queryset[offset:offset + self.page_size + 1])\""},
		{Text: "When the records at the page's end share one position, the next cursor keeps an earlier position and counts them in o; a page made only of one position keeps the cursor's position and adds page_size to o.", Source: "pagination.py get_next_link: \"The item in this position has the same position as the item following it, we can't use it as a marker position, so increment the offset\""},
		{Text: "A cursor that cannot be decoded is a 404 {\"detail\": \"Invalid cursor\"}; o above 1000 is cut to 1000.", Source: "pagination.py: \"invalid_cursor_message = _('Invalid cursor')\", \"raise NotFound(self.invalid_cursor_message)\"; \"offset_cutoff = 1000\""},
		{Text: "The links are the request's URL with cursor replaced, the query sorted by name and the cursor percent-encoded (= as %3D).", Source: "utils/urls.py replace_query_param: \"parse.urlencode(sorted(query_dict.items()), doseq=True)\""},
		{Text: "The client chooses the size only if page_size_query_param is set (option page-size-param=page_size), as for page numbers.", Source: "pagination.py CursorPagination.get_page_size"},
		{Text: drfCursorInterp, Interpretation: true},
		{Text: drfPageSizeInterp, Interpretation: true},
	},
})
