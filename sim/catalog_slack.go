//go:build !js

package sim

import "pagingplayground/internal/json"

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
	registerCatalog(&Profile{
		Name: "slack", Vendor: "Slack", Source: slackSource, URL: slackURL,
		Summary: "?cursor=&limit=: response_metadata.next_cursor, empty at the end; limit at most 1000; pages may be short before the end; errors are 200 with ok:false",
		First:   slackFirst,
		Options: append(commonOptions(100, 1000, "clamp"),
			OptionSpec{Name: "short-pages", Default: "on", Help: "whether pages may come back shorter than limit while more remain (on, as Slack's page warns) or never (off)", Enum: []string{"on", "off"}},
			OptionSpec{Name: "client", Default: "cursor", Help: "what the client's next/walk trusts: cursor (the next_cursor, as Slack advises) or page-size (it stops on a page shorter than limit)", Enum: []string{"cursor", "page-size"}}),
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
		New: func(o *Options) Server { return &slackServer{o: o} },
	})
}

type slackServer struct{ o *Options }

// slackError is a Web API error: HTTP 200 and {"ok":false,"error":code}.
func slackError(w *World, code, why string) *Response {
	r := refuse(w, 200, why)
	r.Refused = true
	r.Fields = []Field{{"ok", Bool(false)}, {"error", Str(code)}}
	r.Interp = slackCursorInterp
	return r
}

func (s *slackServer) Serve(w *World, req *Request) *Response {
	limit, _, why := paramInt(req, "limit", s.o.Int("limit"), 1)
	interp := ""
	if why != "" {
		interp = slackLimitInterp
	}
	limit, note, bad := clampSize(s.o, "limit", limit)
	if bad != "" {
		return slackError(w, "invalid_limit", bad)
	}
	if note != "" {
		interp = slackLimitInterp
	}
	tag := "slack:" + req.Path
	resp := &Response{Status: 200, ItemsKey: "channels", Walk: WalkFirst, Position: -1, Reason: join(why, note), Interp: interp}
	var at *Cursor
	if v, ok := req.Param("cursor"); ok && v != "" {
		c, why := readCursor(tag, v)
		if why != "" {
			return slackError(w, "invalid_cursor", "cursor "+quote(v)+" is not one this method issued: "+why)
		}
		at, resp.Walk, resp.Cost.Seek = &c, WalkContinue, true
	}
	want := limit
	short := false
	if s.o.Str("short-pages") == "on" {
		pos := int64(0)
		if at != nil {
			pos = w.Split(*at)
		}
		want, short = shortPage(w, pos, limit)
	}
	items, pos, more := itemsAfter(w, at, want)
	n := w.Len()
	next := ""
	if more && len(items) > 0 {
		next = cursorToken(tag, w.CursorOf(items[len(items)-1]))
	}
	if short && more {
		resp.Reason = join(resp.Reason, "a short page: "+plural(int64(len(items)), "result")+" of limit "+itoa(limit)+" while more remain")
		resp.Interp = slackShortInterp
	}
	resp.Items = items
	resp.Fields = []Field{{"ok", Bool(true)}, {"response_metadata", Raw(`{"next_cursor":` + string(json.AppendString(nil, next)) + `}`)}}
	resp.Total = TotalReport{Kind: "absent", True: n}
	resp.HasNext = NextReport{Kind: "cursor", Reported: next != "", True: pos+int64(len(items)) < n}
	resp.Cost.Rows = int64(len(items))
	if len(items) > 0 {
		resp.Position = pos
	}
	return resp
}

// slackNextCursor reads response_metadata.next_cursor from a response body as
// a client would: "" when it is empty, null or missing.
func slackNextCursor(last *Response) string {
	v, ok := last.Field("response_metadata")
	if !ok {
		return ""
	}
	meta, err := json.Parse(v.AsString())
	if err != nil {
		return ""
	}
	c, ok := meta.Get("next_cursor")
	if !ok || c.Kind != json.String {
		return ""
	}
	return c.Str
}

func (s *slackServer) Follow(prev *Request, last *Response, rel string) (*Request, bool, string) {
	if prev == nil || rel == "first" {
		return firstRequest(prev, slackFirst, "cursor")
	}
	if rel == "prev" {
		return nil, false, "no previous page: Slack's cursors only go forward"
	}
	next := slackNextCursor(last)
	if s.o.Str("client") == "page-size" {
		limit, _, _ := paramInt(prev, "limit", s.o.Int("limit"), 1)
		if int64(len(last.Items)) < limit {
			return nil, false, "the client stops: the page had " + plural(int64(len(last.Items)), "result") + ", fewer than limit " + itoa(limit) +
				cond(next != "", ", though next_cursor is not empty (Slack: avoid checking the size of results against the limit)", "")
		}
	}
	if next == "" {
		return nil, false, "no next page: response_metadata.next_cursor is empty"
	}
	return follow(prev, Param{Name: "cursor", Value: next})
}
