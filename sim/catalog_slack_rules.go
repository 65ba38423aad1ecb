//go:build !js

package sim

// The summary and rules of each profile in catalog_slack.go: native builds only
// (profileText says why).

var _ = profileText(&Profile{Name: "slack",
	Summary: "?cursor=&limit=: response_metadata.next_cursor, empty at the end; limit at most 1000; pages may be short before the end; errors are 200 with ok:false",
	Rules: []RuleNote{
		{Text: "Cursor-paginated methods take cursor and limit; without a cursor the first page comes back.", Source: slackSource + ": \"Cursor-paginated methods accept cursor and limit parameters\""},
		{Text: "The response has response_metadata.next_cursor when more results remain; the next call sends it back as cursor.", Source: slackSource + ": \"set the cursor parameter equal to the next_cursor value you received on the last request\""},
		{Text: "An empty, null or missing next_cursor means the end; this server sends \"\" on the last page.", Source: slackSource + ": \"An empty, null, or non-existent next_cursor in the response indicates no further results\""},
		{Text: "limit is a maximum per call; at most 1000.", Source: slackSource + ": \"The limit parameter maximum is 1000 and subject to change and may vary per method\""},
		{Text: "A larger limit is clamped to 1000. " + slackLimitInterp, Interpretation: true},
		{Text: "A page may hold fewer results than limit while more remain: a client that stops on a short page misses the rest (option client=page-size shows it).", Source: slackSource + ": \"It's possible to receive fewer results than your specified limit, even when there are additional results to retrieve\""},
		{Text: slackShortInterp, Interpretation: true},
		{Text: "A cursor the server cannot read answers {\"ok\":false,\"error\":\"invalid_cursor\"}. " + slackCursorInterp, Interpretation: true},
		{Text: slackItemsInterp, Interpretation: true},
		{Text: "The cursor points at a place in the list (a keyset position): records added or removed during a walk shift nothing, and a cursor keeps working after its record is deleted.", Source: slackSource + ": \"Cursors are like pointers ... a place in the list where your last request left off\""},
	},
})
