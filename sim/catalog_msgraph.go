//go:build !js

package sim

import (
	"strings"

	"pagingplayground/internal/json"
)

// Microsoft Graph: $top in, the records in value, and @odata.nextLink, a whole
// URL with an opaque $skiptoken, while more remain; /users takes $top but not
// $skip.

const (
	graphURL    = "https://learn.microsoft.com/en-us/graph/paging"
	graphHost   = "https://graph.microsoft.com"
	graphFirst  = "GET /v1.0/users?$top=100"
	graphSource = "Microsoft Graph: Paging Microsoft Graph data in your app"
)

// The interpretations, each one sentence of why.
const (
	graphTopInterp   = "The paging page says support for $top depends on the API: we take /users' range, 1 to 999, and answer a $top outside it, or a $skip, with 400 Request_UnsupportedQuery, as Graph's error shape has it."
	graphEmptyInterp = "Graph's delta query page says a response with an @odata.nextLink may hold no results: with empty-pages=on about one page in five is empty while more remain, chosen by the seed."
)

func init() {
	registerCatalog(&Profile{
		Name: "msgraph", Vendor: "Microsoft Graph", Source: graphSource, URL: graphURL,
		Summary: "?$top= (100 by default, at most 999): value and @odata.nextLink, a whole URL with an opaque $skiptoken, until it is missing; /users refuses $skip",
		First:   graphFirst,
		Options: append(commonOptions(100, 999, "refuse"),
			OptionSpec{Name: "empty-pages", Default: "off", Help: "whether a page may come back empty while an @odata.nextLink says more remain (on, as Graph's delta query page warns)", Enum: []string{"on", "off"}},
			OptionSpec{Name: "client", Default: "nextlink", Help: "what the client's next/walk trusts: nextlink (as Graph says) or empty-page (it stops on an empty value)", Enum: []string{"nextlink", "empty-page"}}),
		Rules: []RuleNote{
			{Text: "GET /users returns 100 users a page by default; $top asks for a page size.", Source: graphSource + ": \"the GET /users endpoint returns a default of 100 results in a single page\""},
			{Text: "While more results remain, the response has @odata.nextLink, a URL to the next page; the client sends that URL as it is, until a response has none.", Source: graphSource + ": \"Microsoft Graph returns an @odata.nextLink property in the response that contains a URL to the next page of results\""},
			{Text: "The URL carries a $skiptoken (or $skip) and every other query parameter of the request; clients must not take it apart.", Source: graphSource + ": \"Depending on the API that the query is being performed against, the @odata.nextLink URL value will contain either a $skiptoken or a $skip query parameter\"; \"Do not try to extract the $skiptoken or $skip value\""},
			{Text: "/users supports $top but not $skip: a client that pages /users with $skip is refused.", Source: graphSource + ": \"the /users endpoint supports $top but not $skip\""},
			{Text: graphTopInterp, Interpretation: true},
			{Text: "A page may be empty while @odata.nextLink says more remain (option empty-pages=on); a client that stops on an empty page misses the rest (option client=empty-page).", Source: "Microsoft Graph: Use delta query: \"there are more pages of data to retrieve in the session, even if the current response contains an empty result\""},
			{Text: graphEmptyInterp, Interpretation: true},
			{Text: "The $skiptoken marks a place in the list: users created or deleted during a walk shift nothing."},
		},
		New: func(o *Options) Server { return &graphServer{o: o} },
	})
}

type graphServer struct{ o *Options }

func graphError(w *World, code, msg string) *Response {
	r := refuse(w, 400, msg)
	b := &json.Writer{}
	b.Open('{')
	b.Key("code")
	b.Str(code)
	b.Key("message")
	b.Str(msg)
	b.Close('}')
	r.Fields = []Field{{"error", Raw(string(b.B))}}
	r.Interp = graphTopInterp
	return r
}

func (s *graphServer) Serve(w *World, req *Request) *Response {
	if _, ok := req.Param("$skip"); ok {
		return graphError(w, "Request_UnsupportedQuery", "$skip is not supported on this resource: follow @odata.nextLink")
	}
	size := s.o.Int("limit")
	if v, ok := req.Param("$top"); ok {
		n, bad := intParam(req, "$top", size)
		if bad != "" || n < 1 || n > s.o.Int("max-limit") {
			return graphError(w, "Request_UnsupportedQuery", "Invalid page size specified: '"+v+"'. Must be between 1 and "+itoa(s.o.Int("max-limit"))+" inclusive.")
		}
		size = n
	}
	tag := "graph:" + req.Path
	resp := &Response{Status: 200, ItemsKey: "value", Walk: WalkFirst, Position: -1}
	var at *Cursor
	if v, ok := req.Param("$skiptoken"); ok {
		c, why := readCursor(tag, v)
		if why != "" {
			return graphError(w, "Request_BadRequest", "The $skiptoken is invalid: "+why)
		}
		at, resp.Walk, resp.Cost.Seek = &c, WalkContinue, true
	}
	want := size
	if s.o.Str("empty-pages") == "on" && at != nil {
		if h := mix(w.seed ^ uint64(w.now)*0x9e3779b97f4a7c15 ^ uint64(w.Split(*at))); h%5 == 0 {
			want = 0
			resp.Interp = graphEmptyInterp
			resp.Reason = "an empty page with an @odata.nextLink: more remain"
		}
	}
	items, pos, more := itemsAfter(w, at, want)
	n := w.Len()
	resp.Items = items
	resp.Fields = []Field{{"@odata.context", Str(graphHost + "/v1.0/$metadata#users")}}
	if more {
		c := Cursor{}
		if len(items) > 0 {
			c = w.CursorOf(items[len(items)-1])
		} else if at != nil {
			c = *at
		}
		// Graph writes the $ of its system query options as is.
		next := graphHost + strings.ReplaceAll(withParams(req.Path, req.Query, Param{Name: "$skiptoken", Value: cursorToken(tag, c)}), "%24", "$")
		resp.Fields = append(resp.Fields, Field{"@odata.nextLink", Str(next)})
	}
	return endPage(resp, "link", more, pos, len(items), n)
}

func (s *graphServer) Follow(prev *Request, last *Response, rel string) (*Request, bool, string) {
	if prev == nil || rel == "first" {
		return firstRequest(prev, graphFirst, "$skiptoken")
	}
	if rel == "prev" {
		return nil, false, "no previous page: Graph's @odata.nextLink only goes forward"
	}
	if s.o.Str("client") == "empty-page" && len(last.Items) == 0 {
		_, has := last.Field("@odata.nextLink")
		return nil, false, "the client stops: value is empty" + cond(has, ", though the response has an @odata.nextLink", "")
	}
	v, ok := last.Field("@odata.nextLink")
	if !ok {
		return nil, false, "no next page: the response has no @odata.nextLink"
	}
	return request(prev.Method, v.AsString())
}
