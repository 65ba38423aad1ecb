//go:build !js

package sim

import (
	"strings"

	"pagingplayground/internal/json"
)

// Google's API design guide, AIP-158: page_size and page_token in,
// next_page_token out, empty only at the end; pages may be short, even
// empty, before it; a token belongs to the request that made it.

const (
	googleURL    = "https://google.aip.dev/158"
	googleFirst  = "GET /v1/publishers/123/books?pageSize=50"
	googleSource = "Google AIP-158: Pagination"
)

// The interpretations, each one sentence of why.
const (
	googleRESTInterp  = "AIP-158 names the proto fields; over HTTP/JSON the query takes pageSize or page_size and pageToken or page_token, and the response says nextPageToken, left out when empty (proto3 JSON omits empty strings)."
	googleShortInterp = "AIP-158 says fewer results, even zero, may come back before the end, not how often: about one page in three is cut short here, chosen by the seed."
	googleTokenInterp = "AIP-158 lets tokens expire (\"a good rule of thumb is three days\"): option token-ttl sets it in ticks, 0 for never."
	googleErrorInterp = "Errors take Google's JSON error shape: {\"error\":{\"code\":400,\"message\":...,\"status\":\"INVALID_ARGUMENT\"}}."
)

func init() {
	registerCatalog(&Profile{
		Name: "google-aip158", Vendor: "Google", Source: googleSource, URL: googleURL,
		Summary: "?pageSize=&pageToken=: 50 by default, above 1000 coerced, negative refused; nextPageToken empty only at the end, pages may be short or empty before it; tokens tied to the request",
		First:   googleFirst,
		Options: append(append([]OptionSpec{
			{Name: "limit", Default: "50", Help: "the default page size (unset or 0)", Min: 1, Max: MaxPageSize},
			{Name: "max-limit", Default: "1000", Help: "the largest page size; larger ones are coerced down to it", Min: 1, Max: MaxPageSize},
		}, rateOptions()...),
			OptionSpec{Name: "short-pages", Default: "on", Help: "whether pages may come back shorter than pageSize (even empty) before the end", Enum: []string{"on", "off"}},
			OptionSpec{Name: "total", Default: "none", Help: "total_size in the response: none, exact, or estimate (the true count rounded to 2 significant digits)", Enum: []string{"none", "exact", "estimate"}},
			OptionSpec{Name: "token-ttl", Default: "0", Help: "ticks a page token stays valid (0: for the whole run)", Min: 0, Max: 1_000_000_000},
			OptionSpec{Name: "client", Default: "token", Help: "what the client's next/walk trusts: token (nextPageToken, as AIP-158 says) or page-size (it stops on a page shorter than pageSize)", Enum: []string{"token", "page-size"}}),
		Rules: []RuleNote{
			{Text: "page_size is optional: unset or 0 gives the API's default (50 here), never an error.", Source: googleSource + ": \"If the user does not specify page_size (or specifies 0), the API chooses an appropriate default ... The API must not return an error.\""},
			{Text: "Above the maximum (1000 here) it is coerced down.", Source: googleSource + ": \"If the user specifies page_size greater than the maximum permitted by the API, the API should coerce down to the maximum permitted page size.\""},
			{Text: "A negative page_size is INVALID_ARGUMENT.", Source: googleSource + ": \"If the user specifies a negative value for page_size, the API must send an INVALID_ARGUMENT error.\""},
			{Text: "A page may hold fewer results than asked, even none, before the end.", Source: googleSource + ": \"The API may return fewer results than the number requested (including zero results), even if not at the end of the collection.\""},
			{Text: googleShortInterp, Interpretation: true},
			{Text: "An empty next_page_token is the only end signal.", Source: googleSource + ": \"If the end of the collection has been reached, the next_page_token field must be empty. This is the only way to communicate \\\"end-of-collection\\\" to users.\""},
			{Text: "The next request may change page_size, and nothing else: another filter with the token is INVALID_ARGUMENT.", Source: googleSource + ": \"If the user changes the page_size in a request for subsequent pages, the service must honor the new page size.\"; \"if any arguments are different, the API should send an INVALID_ARGUMENT error.\""},
			{Text: "total_size is optional and may be an estimate (option total).", Source: googleSource + ": \"This total may be an estimate (but the API should explicitly document that).\""},
			{Text: "Tokens are opaque; they may expire. " + googleTokenInterp, Interpretation: true, Source: googleSource + ": \"Page tokens provided by APIs must be opaque\"; \"APIs may expire page tokens a reasonable time after they have been sent\""},
			{Text: googleRESTInterp, Interpretation: true},
			{Text: googleErrorInterp, Interpretation: true},
		},
		New: func(o *Options) Server { return &googleServer{o: o, tokens: map[string]googleToken{}} },
	})
}

type googleServer struct {
	o      *Options
	tokens map[string]googleToken
}

type googleToken struct {
	at      Cursor
	request string
	made    int64
}

func googleError(w *World, msg, interp string) *Response {
	r := refuse(w, 400, msg)
	b := &json.Writer{}
	b.Open('{')
	b.Key("code")
	b.Int(400)
	b.Key("message")
	b.Str(msg)
	b.Key("status")
	b.Str("INVALID_ARGUMENT")
	b.Close('}')
	r.Fields = []Field{{"error", Raw(string(b.B))}}
	r.Interp = join(interp, googleErrorInterp)
	return r
}

// googleParam reads a parameter by its JSON name or its proto name.
func googleParam(req *Request, jsonName, protoName string) (string, bool) {
	if v, ok := req.Param(jsonName); ok {
		return v, true
	}
	return req.Param(protoName)
}

// googleRequestKey is everything of the request but the page token and size.
func googleRequestKey(req *Request) string {
	var b strings.Builder
	b.WriteString(req.Method + " " + req.Path)
	for _, p := range req.Query {
		switch p.Name {
		case "pageToken", "page_token", "pageSize", "page_size":
			continue
		}
		b.WriteString("\x00" + p.Name + "=" + p.Value)
	}
	return b.String()
}

func (s *googleServer) Serve(w *World, req *Request) *Response {
	size := s.o.Int("limit")
	var note string
	if v, ok := googleParam(req, "pageSize", "page_size"); ok {
		n, bad := intParam(&Request{Query: []Param{{Name: "p", Value: v}}}, "p", 0)
		switch {
		case bad != "":
			return googleError(w, "Invalid value at 'page_size' (TYPE_INT32), \""+v+"\"", "")
		case n < 0:
			return googleError(w, "page_size must not be negative, got "+itoa(n), "")
		case n > 0:
			size = n
		}
		if mx := s.o.Int("max-limit"); size > mx {
			size, note = mx, "page_size="+itoa(n)+" is above the maximum of "+itoa(mx)+": coerced down to "+itoa(mx)
		}
	}
	key := googleRequestKey(req)
	resp := &Response{Status: 200, ItemsKey: "books", Walk: WalkFirst, Position: -1, Reason: note, Interp: googleRESTInterp}
	var at *Cursor
	if v, ok := googleParam(req, "pageToken", "page_token"); ok && v != "" {
		tok, known := s.tokens[v]
		switch {
		case !known:
			return googleError(w, "The page token is invalid.", "")
		case tok.request != key:
			return googleError(w, "The page token was issued for a request with other arguments: only page_size may change between pages.", "")
		case s.o.Int("token-ttl") > 0 && w.Now()-tok.made > s.o.Int("token-ttl"):
			return googleError(w, "The page token has expired.", googleTokenInterp)
		}
		at, resp.Walk, resp.Cost.Seek = &tok.at, WalkContinue, true
	}
	want := size
	if s.o.Str("short-pages") == "on" {
		pos := int64(0)
		if at != nil {
			pos = w.Split(*at)
		}
		if n, short := shortPage(w, pos, size+1); short {
			want = n - 1
			resp.Interp = googleShortInterp
		}
	}
	items, pos, more := itemsAfter(w, at, want)
	n := w.Len()
	resp.Items = items
	if more {
		c := Cursor{Key: 1 << 62, ID: 1 << 62}
		if !w.NewestFirst() {
			c = Cursor{Key: -1 << 62, ID: -1 << 62}
		}
		switch {
		case len(items) > 0:
			c = w.CursorOf(items[len(items)-1])
		case at != nil:
			c = *at
		}
		tok := makeToken("google:"+req.Path, int64(len(s.tokens)), w.Now())
		s.tokens[tok] = googleToken{at: c, request: key, made: w.Now()}
		resp.Fields = append(resp.Fields, Field{"nextPageToken", Str(tok)})
		if int64(len(items)) < size {
			resp.Reason = join(resp.Reason, "a short page: "+plural(int64(len(items)), "result")+" of pageSize "+itoa(size)+", and a nextPageToken: more remain")
		}
	}
	resp.Total = TotalReport{Kind: "absent", True: n}
	switch s.o.Str("total") {
	case "exact":
		resp.Fields = append(resp.Fields, Field{"totalSize", Int(n)})
		resp.Total = TotalReport{Kind: "exact", Reported: n, True: n}
	case "estimate":
		e := estimate(n)
		resp.Fields = append(resp.Fields, Field{"totalSize", Int(e)})
		resp.Total = TotalReport{Kind: "estimated", Reported: e, True: n}
	}
	resp.HasNext = NextReport{Kind: "cursor", Reported: more, True: pos+int64(len(items)) < n}
	resp.Cost.Rows = int64(len(items))
	if len(items) > 0 {
		resp.Position = pos
	}
	return resp
}

// estimate rounds n to two significant digits.
func estimate(n int64) int64 {
	p := int64(1)
	for n/p >= 100 {
		p *= 10
	}
	return (n + p/2) / p * p
}

func (s *googleServer) Follow(prev *Request, last *Response, rel string) (*Request, bool, string) {
	if prev == nil || rel == "first" {
		return firstRequest(prev, googleFirst, "pageToken", "page_token")
	}
	if rel == "prev" {
		return nil, false, "no previous page: page tokens only go forward"
	}
	tok, ok := last.Field("nextPageToken")
	if s.o.Str("client") == "page-size" {
		size := s.o.Int("limit")
		if v, ok := googleParam(prev, "pageSize", "page_size"); ok {
			if n, bad := intParam(&Request{Query: []Param{{Name: "p", Value: v}}}, "p", 0); bad == "" && n > 0 {
				size = min(n, s.o.Int("max-limit"))
			}
		}
		if int64(len(last.Items)) < size {
			return nil, false, "the client stops: the page had " + plural(int64(len(last.Items)), "result") + ", fewer than pageSize " + itoa(size) +
				cond(ok, ", though nextPageToken is not empty (AIP-158: it is the only end signal)", "")
		}
	}
	if !ok || tok.AsString() == "" {
		return nil, false, "no next page: nextPageToken is empty"
	}
	name := "pageToken"
	if _, snake := prev.Param("page_token"); snake {
		name = "page_token"
	}
	return follow(prev, Param{Name: name, Value: tok.AsString()})
}
