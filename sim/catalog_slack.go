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
	}, contract{
		Base: "cursor", Paths: []string{"/api/conversations.list"}, First: slackFirst,
		Params: []string{"types", "exclude_archived", "team_id"},
		After:  paramIn{Name: "cursor"}, Before: paramIn{Name: "none"},
		LimitDefault: 100, LimitMax: 1000, Invalid: "default",
		Items: "channels", Const: []fixedMember{{Path: "ok", JSON: "true"}},
		Next:        nextSignal{Cursor: "response_metadata.next_cursor", End: "empty"},
		Short:       shortPages{Pages: "short", Advice: " (Slack: avoid checking the size of results against the limit)"},
		ErrorStatus: 200, ErrorBody: `{"ok":false,"error":{code}}`,
		Errors: []errorRule{{Kind: "cursor", Code: "invalid_cursor"}, {Kind: "size", Code: "invalid_limit"}, {Kind: "number", Code: "invalid_limit"}, {Kind: "over-max", Code: "invalid_limit"}, {Kind: "both", Code: "invalid_arguments"}},
		Interp: interps{Limit: slackLimitInterp, Invalid: slackLimitInterp, Short: slackShortInterp, Error: slackCursorInterp},
	})
}
