package sim

// Slack's Web API cursor pagination: cursor and limit in, the next cursor in
// response_metadata.next_cursor out, empty at the end; pages may be shorter
// than limit before the end.

const (
	slackURL    = "https://docs.slack.dev/apis/web-api/pagination"
	slackFirst  = "GET /api/conversations.list?limit=100"
	slackSource = "Slack API docs: Pagination"
)

// The interpretations, each one sentence of why.
const (
	slackLimitInterp  = "Slack's page says the limit maximum is 1000 \"and subject to change\" without saying what a larger one does: we clamp it; a limit that is not a positive number gets the default (100, conversations.list's)."
	slackShortInterp  = "Slack's page says fewer results than limit may come back while more remain, not how often: about one page in three is cut short here, chosen by the seed."
	slackCursorInterp = "Slack's page names no error for a cursor it cannot read; its methods answer invalid_cursor, with HTTP 200 and ok:false as every Web API error."
	slackItemsInterp  = "The records come in channels, as conversations.list's do."
)

func init() {
	registerContract(&Profile{
		Name: "slack", Vendor: "Slack", Source: slackSource, URL: slackURL,
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
	}, Contract{
		Base: "cursor", Paths: []string{"/api/conversations.list"}, First: slackFirst,
		Params: []string{"types", "exclude_archived", "team_id"},
		After:  In{Name: "cursor"}, Before: In{Name: "none"},
		LimitDefault: 100, LimitMax: 1000, Invalid: "default",
		Items: "channels", Const: []Member{{Path: "ok", JSON: "true"}},
		Next:        Next{Cursor: "response_metadata.next_cursor", End: "empty"},
		Short:       Short{Pages: "short", Advice: " (Slack: avoid checking the size of results against the limit)"},
		ErrorStatus: 200, ErrorBody: `{"ok":false,"error":{code}}`,
		Errors: []ErrorRule{{Kind: "cursor", Code: "invalid_cursor"}, {Kind: "size", Code: "invalid_limit"}, {Kind: "number", Code: "invalid_limit"}, {Kind: "over-max", Code: "invalid_limit"}, {Kind: "both", Code: "invalid_arguments"}},
		Interp: Interps{Limit: slackLimitInterp, Invalid: slackLimitInterp, Short: slackShortInterp, Error: slackCursorInterp},
	})
}
