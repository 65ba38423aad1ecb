//go:build !js

package sim

// Jira Cloud's REST API: the paginated lists ("PageBean": startAt,
// maxResults, total, isLast, values, nextPage), where the server may lower
// maxResults; and the enhanced JQL search, paged by nextPageToken.

const (
	jiraURL       = "https://developer.atlassian.com/cloud/jira/platform/rest/v3/intro/#pagination"
	jiraKBURL     = "https://confluence.atlassian.com/jirakb/changing-maxresults-parameter-for-jira-rest-api-779160706.html"
	jiraHost      = "https://your-domain.atlassian.net"
	jiraFirst     = "GET /rest/api/3/project/search?startAt=0&maxResults=50"
	jiraJQLFirst  = "GET /rest/api/3/search/jql?jql=project%3DPROJ&maxResults=50"
	jiraSource    = "Jira Cloud platform REST API: Pagination"
	jiraKBSource  = "Atlassian KB: Changing maxResults parameter for Jira Cloud REST API"
	jiraJQLSource = "Jira Cloud platform REST API: Search for issues using JQL enhanced search"
)

// The interpretations, each one sentence of why.
const (
	jiraCapInterp   = "The KB says each endpoint has its own limit above which maxResults is lowered, without the numbers: we lower it to max-limit (50 by default)."
	jiraTokenInterp = "The reference does not say what a nextPageToken sent with another JQL, or one it never issued, does: we answer 400 with Jira's errorMessages shape."
)

func init() {
	registerCatalog(&Profile{
		Name: "jira", Vendor: "Jira", Source: jiraSource, URL: jiraURL,
		Summary: "?startAt=&maxResults=: values, total, isLast, nextPage; the server may lower maxResults, and the response says the value it used",
		First:   jiraFirst,
		Options: append(commonOptions(50, 50, "clamp"),
			OptionSpec{Name: "client", Default: "returned", Help: "how the client computes the next startAt: returned (startAt + the maxResults the response says, as Atlassian advises) or requested (startAt + the maxResults it asked for)", Enum: []string{"returned", "requested"}}),
		Rules: []RuleNote{
			{Text: "Paginated lists take startAt (the index of the first item, from 0) and maxResults; the response has startAt, maxResults, total, isLast and values, and nextPage (a URL) unless it is the last page.", Source: jiraSource + ": \"startAt is the index of the first item returned in the page\"; \"isLast indicates whether the page returned is the last one\""},
			{Text: "maxResults above the endpoint's limit is lowered: the response's maxResults is the value used, and clients must read it back.", Source: jiraKBSource + ": \"the maxResults in the request is overridden if it is above the limit defined for given REST API endpoint\"; \"we recommend that REST API clients programmatically confirm maxResults value\""},
			{Text: jiraCapInterp, Interpretation: true},
			{Text: "A client that adds the maxResults it asked for to startAt skips the records between (option client=requested shows it).", Source: jiraKBSource + ": \"Refer to maxResults limit for the given API that is provided in the returned JSON object\""},
			{Text: "startAt is an offset: items created or deleted during a walk shift the pages."},
		},
		New: func(o *Options) Server { return &jiraServer{o: o, walks: offsetWalks{}} },
	})
	registerCatalog(&Profile{
		Name: "jira-jql", Vendor: "Jira", Source: jiraJQLSource, URL: "https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-search/#api-rest-api-3-search-jql-get",
		Summary: "GET /search/jql?jql=&maxResults=&nextPageToken=: issues, nextPageToken and isLast; the last page has no nextPageToken key at all (JRACLOUD-92184)",
		First:   jiraJQLFirst,
		Options: append(commonOptions(50, 5000, "clamp"),
			OptionSpec{Name: "client", Default: "token", Help: "what the client's next/walk trusts: token (nextPageToken present) or null-check (it stops only on nextPageToken: null, as the reference words it, and re-sends the query without a token when the key is missing)", Enum: []string{"token", "null-check"}}),
		Rules: []RuleNote{
			{Text: "The first page has no nextPageToken in the request; each response gives the token of the next page, which the next request sends as nextPageToken.", Source: jiraJQLSource + ": nextPageToken \"The token for a page to fetch that is not the first page. The first page has a nextPageToken of null. Use the nextPageToken to fetch the next page of issues.\""},
			{Text: "isLast says whether this is the last page; there is no total.", Source: jiraJQLSource + ": isLast \"Indicates whether this is the last page of the paginated response\""},
			{Text: "On the last page the nextPageToken key is missing, not null: a client that waits for null never sees it.", Source: "JRACLOUD-92184: \"There is no nextPageToken key on the last page of results. The key only appears when it has a value in it.\""},
			{Text: "A token carries its query: sending it with another jql, or one the server never issued, is a 400. " + jiraTokenInterp, Interpretation: true},
			{Text: "The token marks a place in the results: issues created or deleted during a walk shift nothing."},
		},
		New: func(o *Options) Server { return &jiraJQLServer{o: o, tokens: map[string]jiraToken{}} },
	})
}

type jiraServer struct {
	o     *Options
	walks offsetWalks
}

func (s *jiraServer) Serve(w *World, req *Request) *Response {
	start, _, why1 := paramInt(req, "startAt", 0, 0)
	asked, _, why2 := paramInt(req, "maxResults", s.o.Int("limit"), 1)
	size, note, bad := clampSize(s.o, "maxResults", asked)
	if bad != "" {
		return refuse(w, 400, bad)
	}
	n := w.Len()
	items := w.Page(start, size)
	last := addSat(start, size) >= n
	resp := &Response{Status: 200, ItemsKey: "values", Items: items, Position: -1, Reason: join(join(why1, why2), note)}
	if note != "" {
		resp.Interp = jiraCapInterp
		resp.Reason = "maxResults=" + itoa(asked) + " is above this endpoint's limit: the response says maxResults " + itoa(size)
	}
	self := jiraHost + withParams(req.Path, req.Query)
	resp.Fields = []Field{{"self", Str(self)}}
	if !last {
		resp.Fields = append(resp.Fields, Field{"nextPage", Str(jiraHost + withParams(req.Path, req.Query,
			Param{Name: "startAt", Value: itoa(start + size)}, Param{Name: "maxResults", Value: itoa(size)}))})
	}
	resp.Fields = append(resp.Fields, Field{"maxResults", Int(size)}, Field{"startAt", Int(start)}, Field{"total", Int(n)}, Field{"isLast", Bool(last)})
	resp.Total = TotalReport{Kind: "exact", Reported: n, True: n}
	resp.HasNext = NextReport{Kind: "flag", Reported: !last, True: start+int64(len(items)) < n}
	resp.Cost = offsetCost(start, int64(len(items)), n)
	var why string
	resp.Walk, why = s.walks.role(req, start, size, func(o int64) string { return "startAt=" + itoa(o) })
	if s.o.Str("client") == "requested" && why != "" {
		// The client's own arithmetic jumped: say what it skipped.
		why = "startAt=" + itoa(start) + " was computed from the maxResults the client asked for, not the " + itoa(size) + " the server used: " + why
	}
	resp.Reason = join(resp.Reason, why)
	if len(items) > 0 {
		resp.Position = start
	}
	return resp
}

func (s *jiraServer) Follow(prev *Request, last *Response, rel string) (*Request, bool, string) {
	if prev == nil || rel == "first" {
		if prev == nil {
			return firstRequest(nil, jiraFirst)
		}
		return follow(prev, Param{Name: "startAt", Value: "0"})
	}
	start := fieldInt(last, "startAt")
	size := fieldInt(last, "maxResults")
	if s.o.Str("client") == "requested" {
		size, _, _ = paramInt(prev, "maxResults", s.o.Int("limit"), 1)
	}
	if rel == "prev" {
		if start == 0 {
			return nil, false, "no previous page: startAt is 0"
		}
		return follow(prev, Param{Name: "startAt", Value: itoa(max(0, start-size))})
	}
	if v, _ := last.Field("isLast"); v.AsString() == "true" {
		return nil, false, "no next page: isLast is true"
	}
	return follow(prev, Param{Name: "startAt", Value: itoa(start + size)})
}

type jiraJQLServer struct {
	o      *Options
	tokens map[string]jiraToken
}

type jiraToken struct {
	jql string
	at  Cursor
}

func jiraError(w *World, msg, interp string) *Response {
	r := refuse(w, 400, msg)
	r.Fields = []Field{{"errorMessages", Raw(`[` + string(jsonString(msg)) + `]`)}, {"errors", Raw("{}")}}
	r.Interp = interp
	return r
}

func (s *jiraJQLServer) Serve(w *World, req *Request) *Response {
	jql, _ := req.Param("jql")
	asked, _, why := paramInt(req, "maxResults", s.o.Int("limit"), 1)
	size, note, bad := clampSize(s.o, "maxResults", asked)
	if bad != "" {
		return jiraError(w, bad, "")
	}
	resp := &Response{Status: 200, ItemsKey: "issues", Walk: WalkFirst, Position: -1, Reason: join(why, note)}
	var at *Cursor
	if v, ok := req.Param("nextPageToken"); ok && v != "" {
		tok, known := s.tokens[v]
		switch {
		case !known:
			return jiraError(w, "The provided next page token is invalid or expired.", jiraTokenInterp)
		case tok.jql != jql:
			return jiraError(w, "The provided next page token does not belong to this query.", jiraTokenInterp)
		}
		at, resp.Walk, resp.Cost.Seek = &tok.at, WalkContinue, true
	}
	items, pos, more := itemsAfter(w, at, size)
	n := w.Len()
	resp.Items = items
	if more && len(items) > 0 {
		tok := makeToken("jira:"+req.Path, int64(len(s.tokens)))
		s.tokens[tok] = jiraToken{jql: jql, at: w.CursorOf(items[len(items)-1])}
		resp.Fields = append(resp.Fields, Field{"nextPageToken", Str(tok)})
	}
	resp.Fields = append(resp.Fields, Field{"isLast", Bool(!more)})
	return endPage(resp, "cursor", more, pos, len(items), n)
}

func (s *jiraJQLServer) Follow(prev *Request, last *Response, rel string) (*Request, bool, string) {
	if prev == nil || rel == "first" {
		return firstRequest(prev, jiraJQLFirst, "nextPageToken")
	}
	if rel == "prev" {
		return nil, false, "no previous page: nextPageToken only goes forward"
	}
	tok, ok := last.Field("nextPageToken")
	if s.o.Str("client") == "null-check" {
		if ok && tok.IsNull() {
			return nil, false, "no next page: nextPageToken is null"
		}
		if !ok {
			// JavaScript: params.nextPageToken = body.nextPageToken is
			// undefined, which the HTTP client leaves out.
			return follow(prev, Param{Name: "nextPageToken"})
		}
		return follow(prev, Param{Name: "nextPageToken", Value: tok.AsString()})
	}
	if !ok || tok.IsNull() {
		return nil, false, "no next page: the response has no nextPageToken (isLast is true)"
	}
	return follow(prev, Param{Name: "nextPageToken", Value: tok.AsString()})
}
