//go:build !js

package sim

// The summary and rules of each profile in models.go: native builds only
// (profileText says why).

var _ = profileText(&Profile{Name: "offset",
	Summary: "?offset=&limit=: stateless, exact total; drifts when records are inserted or deleted mid-walk",
	Rules: []RuleNote{
		{Text: "GET /items?offset=O&limit=L returns the records at list positions O to O+L-1, counted when the request arrives."},
		{Text: "total is the exact count at that moment; a client asks for the next page while offset+limit < total."},
		{Text: "An insert ahead of the client's offset shifts records down: the next page repeats one. A delete ahead shifts them up: one is never returned."},
		{Text: "Cost: the database reads offset+limit rows, so deep pages get slower."},
	},
})

var _ = profileText(&Profile{Name: "page",
	Summary: "?page=&per_page=: page numbers from 1, exact total; drifts like offset",
	Rules: []RuleNote{
		{Text: "GET /items?page=P&per_page=N returns list positions (P-1)·N to P·N-1: offset paging by another name."},
		{Text: "Page numbers start at 1; page 0 or below is refused (400)."},
		{Text: "total is exact; a client asks for the next page while page·per_page < total."},
	},
})

var _ = profileText(&Profile{Name: "cursor",
	Summary: "keyset paging with opaque after/before cursors and has_more; no total; does not drift",
	Rules: []RuleNote{
		{Text: "GET /items?limit=L returns the first page; next_cursor continues after its last record with ?after=, prev_cursor goes back with ?before=."},
		{Text: "A cursor encodes the sort position (key and id), not a row: it keeps working after its record is deleted."},
		{Text: "A garbled cursor, or one issued for another list, is refused with 400; after and before together are refused too."},
		{Text: "has_more is exact; there is no total. Cost: an index seek, then limit rows."},
		{Text: "Without a tiebreaker the cursor can carry the key only, and records that share the last key of a page are skipped."},
	},
})

var _ = profileText(&Profile{Name: "link",
	Summary: "page numbers with an RFC 8288 Link header (first, prev, next, last) and X-Total-Count",
	Rules: []RuleNote{
		{Text: "GET /items?page=P&per_page=N returns a bare JSON array and a Link header with rel first, prev (from page 2), next (while records remain) and last."},
		{Text: "Clients follow the Link header's rel=\"next\" until it is missing; the simulator parses the header it wrote with an RFC 8288 parser before following it."},
		{Text: "X-Total-Count is the exact total. Pages are offsets underneath, so the walk drifts like offset paging."},
	},
})
