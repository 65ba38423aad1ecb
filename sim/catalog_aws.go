//go:build !js

package sim

import (
	"strings"

	"pagingplayground/internal/json"
)

// AWS's NextToken paging, as AWS Secrets Manager's ListSecrets has it: a JSON
// body with MaxResults and NextToken; NextToken in the response while more
// remain, even on a short or empty page; a token tied to the request that
// made it and valid for a while.

const (
	awsURL    = "https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_ListSecrets.html"
	awsFirst  = `POST / {"MaxResults":100}`
	awsSource = "AWS Secrets Manager API Reference: ListSecrets"
)

// The interpretations, each one sentence of why.
const (
	awsShortInterp   = "The reference says fewer results than MaxResults may come back while more remain, even none, not how often: about one page in three is cut short here, chosen by the seed."
	awsTokenInterp   = "The reference does not say how long a NextToken lives or what a changed request does with one: a token is refused (400 InvalidNextTokenException) once token-ttl ticks have passed, or when the other members of the body differ from the request that made it, as many AWS services do."
	awsDefaultInterp = "MaxResults left out \"defaults to a value that's specific to the operation\": we use 100, ListSecrets' maximum."
)

func init() {
	registerCatalog(&Profile{
		Name: "aws", Vendor: "AWS", Source: awsSource, URL: awsURL,
		Summary: `POST {"MaxResults":N,"NextToken":"…"} (Secrets Manager ListSecrets): NextToken while more remain, even on short or empty pages; 1 to 100; tokens tied to the request`,
		First:   awsFirst,
		Options: append([]OptionSpec{
			{Name: "limit", Default: "100", Help: "MaxResults when the body names none", Min: 1, Max: 100},
			{Name: "short-pages", Default: "on", Help: "whether pages may come back shorter than MaxResults (even empty) while more remain", Enum: []string{"on", "off"}},
			{Name: "token-ttl", Default: "0", Help: "ticks a NextToken stays valid (0: for the whole run)", Min: 0, Max: 1_000_000_000},
			{Name: "client", Default: "token", Help: "what the client's next/walk trusts: token (NextToken, as the reference says) or page-size (it stops on a page shorter than MaxResults)", Enum: []string{"token", "page-size"}},
		}, rateOptions()...),
		Rules: []RuleNote{
			{Text: "MaxResults limits the number of results; if more exist, the response has a NextToken, which the next call sends back as NextToken.", Source: awsSource + ": \"If additional items exist beyond the maximum you specify, the NextToken response element is present and has a value (isn't null)\""},
			{Text: "A page may be shorter than MaxResults, even empty, while NextToken says more remain: check NextToken, never the page size.", Source: awsSource + ": \"Secrets Manager might return fewer results than the maximum even when there are more results available. You should check NextToken after every operation\"; \"This can occur even when the response includes no values at all\""},
			{Text: awsShortInterp, Interpretation: true},
			{Text: "MaxResults is 1 to 100; outside, or not a whole number, is a 400 ValidationException.", Source: awsSource + ": MaxResults \"Valid Range: Minimum value of 1. Maximum value of 100.\""},
			{Text: awsDefaultInterp, Interpretation: true},
			{Text: "A NextToken the service did not issue, an expired one, or one sent with different other parameters is a 400 InvalidNextTokenException.", Source: awsSource + ": Errors, InvalidNextTokenException \"The NextToken value is invalid.\""},
			{Text: awsTokenInterp, Interpretation: true},
			{Text: "The records come in SecretList; there is no total.", Source: awsSource + ": Response Syntax"},
		},
		New: func(o *Options) Server { return &awsServer{o: o, tokens: map[string]awsToken{}} },
	})
}

type awsServer struct {
	o      *Options
	tokens map[string]awsToken
}

// awsToken is what an issued NextToken stands for: where the list goes on,
// the request it belongs to (its path and other body members) and when it
// was made.
type awsToken struct {
	at      Cursor
	request string
	made    int64
}

func awsError(w *World, typ, msg, interp string) *Response {
	r := refuse(w, 400, msg)
	r.Fields = []Field{{"__type", Str(typ)}, {"message", Str(msg)}}
	r.Interp = interp
	return r
}

// awsRequestKey is the request a token belongs to: the path and every body
// member but NextToken and MaxResults (a new page size is allowed).
func awsRequestKey(path string, body json.Value) string {
	var b strings.Builder
	b.WriteString(path)
	for _, m := range body.Members {
		if m.Name == "NextToken" || m.Name == "MaxResults" {
			continue
		}
		b.WriteString("\x00" + m.Name + "=" + string(appendJSONValue(nil, m.Value)))
	}
	return b.String()
}

func (s *awsServer) Serve(w *World, req *Request) *Response {
	body := json.Value{Kind: json.Object}
	if req.Body != "" {
		var err error
		if body, err = json.Parse(req.Body); err != nil || body.Kind != json.Object {
			return awsError(w, "SerializationException", "the body must be a JSON object like {\"MaxResults\":100}", "")
		}
	}
	limit := s.o.Int("limit")
	interp := awsDefaultInterp
	if v, ok := body.Get("MaxResults"); ok {
		n, ok := v.Int()
		if !ok || n < 1 || n > 100 {
			return awsError(w, "ValidationException", "1 validation error detected: Value '"+string(appendJSONValue(nil, v))+"' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100 and greater than or equal to 1", "")
		}
		limit, interp = n, ""
	}
	key := awsRequestKey(req.Path, body)
	resp := &Response{Status: 200, ItemsKey: "SecretList", Walk: WalkFirst, Position: -1, Interp: interp}
	var at *Cursor
	if v, ok := body.Get("NextToken"); ok && v.Kind != json.Null {
		tok, known := s.tokens[v.Str]
		switch {
		case v.Kind != json.String || !known:
			return awsError(w, "InvalidNextTokenException", "The NextToken value is invalid.", "")
		case tok.request != key:
			return awsError(w, "InvalidNextTokenException", "The NextToken value is invalid.", awsTokenInterp)
		case s.o.Int("token-ttl") > 0 && w.Now()-tok.made > s.o.Int("token-ttl"):
			r := awsError(w, "InvalidNextTokenException", "The NextToken value is invalid.", awsTokenInterp)
			r.Reason = "the NextToken was issued at tick " + itoa(tok.made) + " and lives " + itoa(s.o.Int("token-ttl")) + " ticks: it expired"
			return r
		}
		at, resp.Walk, resp.Cost.Seek = &tok.at, WalkContinue, true
	}
	want := limit
	if s.o.Str("short-pages") == "on" {
		pos := int64(0)
		if at != nil {
			pos = w.Split(*at)
		}
		if n, short := shortPage(w, pos, limit+1); short {
			want = n - 1 // 0 .. limit-1: a page may be empty
			resp.Interp = awsShortInterp
		}
	}
	items, pos, more := itemsAfter(w, at, want)
	n := w.Len()
	resp.Items = items
	if more {
		c := Cursor{}
		switch {
		case len(items) > 0:
			c = w.CursorOf(items[len(items)-1])
		case at != nil:
			c = *at
		}
		tok := makeToken("aws:"+req.Path, int64(len(s.tokens)), w.Now())
		if len(items) == 0 && at == nil {
			// An empty first page: the token starts from the head.
			tok = makeToken("aws-head:"+req.Path, int64(len(s.tokens)), w.Now())
			c = Cursor{Key: 1 << 62, ID: 1 << 62}
			if !w.NewestFirst() {
				c = Cursor{Key: -1 << 62, ID: -1 << 62}
			}
		}
		s.tokens[tok] = awsToken{at: c, request: key, made: w.Now()}
		resp.Fields = []Field{{"NextToken", Str(tok)}}
		if int64(len(items)) < limit {
			resp.Reason = join(resp.Reason, "a short page: "+plural(int64(len(items)), "result")+" of MaxResults "+itoa(limit)+", and a NextToken: more remain")
		}
	}
	return endPage(resp, "cursor", more, pos, len(items), n)
}

func (s *awsServer) Follow(prev *Request, last *Response, rel string) (*Request, bool, string) {
	if prev == nil || rel == "first" {
		if prev == nil {
			return requestLine(awsFirst)
		}
		body, err := json.Parse(prev.Body)
		if err != nil || body.Kind != json.Object {
			body = json.Value{Kind: json.Object}
		}
		r, ok, why := request(prev.Method, prev.Target)
		if ok {
			r.Body = string(appendJSONValue(nil, withMembers(body, edit{"NextToken", nil})))
		}
		return r, ok, why
	}
	if rel == "prev" {
		return nil, false, "no previous page: NextToken only goes forward"
	}
	tok, ok := last.Field("NextToken")
	if s.o.Str("client") == "page-size" {
		body, _ := json.Parse(prev.Body)
		limit := s.o.Int("limit")
		if v, ok := body.Get("MaxResults"); ok {
			limit, _ = v.Int()
		}
		if int64(len(last.Items)) < limit {
			return nil, false, "the client stops: the page had " + plural(int64(len(last.Items)), "result") + ", fewer than MaxResults " + itoa(limit) +
				cond(ok, ", though the response has a NextToken", "")
		}
	}
	if !ok || tok.IsNull() {
		return nil, false, "no next page: the response has no NextToken"
	}
	body, err := json.Parse(prev.Body)
	if err != nil || body.Kind != json.Object {
		body = json.Value{Kind: json.Object}
	}
	r, ok2, why := request(prev.Method, prev.Target)
	if ok2 {
		r.Body = string(appendJSONValue(nil, withMembers(body, edit{"NextToken", &json.Value{Kind: json.String, Str: tok.AsString()}})))
	}
	return r, ok2, why
}
