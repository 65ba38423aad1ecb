//go:build !js

package sim

import (
	"strings"

	"pagingplayground/internal/json"
)

// Stripe's list API methods: limit, and starting_after / ending_before, which
// name an object id; newest first; has_more; no total.

const (
	stripeURL    = "https://docs.stripe.com/api/pagination"
	stripeFirst  = "GET /v1/customers"
	stripeSource = "Stripe API reference: Pagination"
	stripePrefix = "cus_"
)

// The interpretations, each one sentence of why.
const (
	stripeLimitInterp   = "Stripe's page gives the range 1 to 100 without the error's wording: we answer 400 invalid_request_error with param limit."
	stripeBothInterp    = "Stripe's page says the two cursors are mutually exclusive without the error's wording: we answer 400 invalid_request_error."
	stripeDeletedInterp = "Stripe's maintainers say a starting_after naming a deleted object fails \"for some resource types\" (stripe/stripe-php#1264): we fail for every list, with the error stripe/stripe-go#1030 shows; option deleted-cursor=continue makes the list go on after where the object was."
	stripeIDInterp      = "Object ids here are cus_ and the record's number with six digits (real ids are random); an id the list never issued is resource_missing too."
)

func init() {
	registerCatalog(&Profile{
		Name: "stripe", Vendor: "Stripe", Source: stripeSource, URL: stripeURL,
		Summary: "?limit=&starting_after=|ending_before=: object-id cursors, newest first, 10 a page (1 to 100), has_more, no total; a deleted cursor object is 400 resource_missing",
		First:   stripeFirst,
		Options: append([]OptionSpec{
			{Name: "limit", Default: "10", Help: "records per page when the request names none", Min: 1, Max: 100},
			{Name: "deleted-cursor", Default: "error", Help: "a starting_after or ending_before whose object was deleted: error (400 resource_missing) or continue (the list goes on from where it was)", Enum: []string{"error", "continue"}},
		}, rateOptions()...),
		Rules: []RuleNote{
			{Text: "A list method takes limit, starting_after and ending_before; limit defaults to 10 and ranges between 1 and 100.", Source: stripeSource + ": \"limit optional, default is 10 ... ranging between 1 and 100\""},
			{Text: "A limit outside 1..100 is a 400 invalid_request_error. " + stripeLimitInterp, Interpretation: true},
			{Text: "starting_after and ending_before take an object id: starting_after returns the objects listed after it, ending_before those listed before it; objects come newest first.", Source: stripeSource + ": \"Both parameters accept an existing object ID value ... and return objects in reverse chronological order\""},
			{Text: "The two exclude each other: a request with both is a 400. " + stripeBothInterp, Interpretation: true, Source: stripeSource + ": \"These parameters are mutually exclusive\""},
			{Text: "The response is {\"object\":\"list\",\"url\":...,\"has_more\":...,\"data\":[...]}: has_more says whether more objects follow; there is no total.", Source: stripeSource + ": \"has_more ... Whether or not there are more elements available after this set\""},
			{Text: "The client libraries auto-paginate: the next request is starting_after=<id of the page's last object> (ending_before=<id of the first> when the walk began with ending_before), while has_more is true.", Source: stripeSource + ": \"Our client libraries offer auto-pagination helpers\""},
			{Text: "A starting_after whose object was deleted is a 400 resource_missing with param starting_after: deleting the objects of a list while auto-paginating it fails after the first page.", Source: "stripe/stripe-go#1030, stripe/stripe-php#1264"},
			{Text: stripeDeletedInterp, Interpretation: true},
			{Text: stripeIDInterp, Interpretation: true},
			{Text: "The cursor is an object, not an offset: objects created during a walk land before page 1 and are not returned, and nothing is repeated or skipped. Cost: an index seek and limit rows."},
		},
		New: func(o *Options) Server { return &stripeServer{o: o} },
	})
}

type stripeServer struct{ o *Options }

// stripeID writes a record's object id: cus_ and six digits at least.
func stripeID(id int64) string {
	s := itoa(id)
	if len(s) < 6 {
		s = strings.Repeat("0", 6-len(s)) + s
	}
	return stripePrefix + s
}

// stripeParseID reads an object id back; ok is false for anything this list
// never wrote.
func stripeParseID(s string) (int64, bool) {
	digits, ok := strings.CutPrefix(s, stripePrefix)
	if !ok || digits == "" || len(digits) > 18 {
		return 0, false
	}
	var n int64
	for i := 0; i < len(digits); i++ {
		c := digits[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	return n, n > 0
}

// stripeError is an error in Stripe's shape:
// {"error":{"type":"invalid_request_error","code":...,"param":...,"message":...}}.
func stripeError(w *World, status int, code, param, msg, interp string) *Response {
	r := refuse(w, status, msg)
	b := &json.Writer{}
	b.Open('{')
	b.Key("type")
	b.Str("invalid_request_error")
	if code != "" {
		b.Key("code")
		b.Str(code)
		b.Key("doc_url")
		b.Str("https://stripe.com/docs/error-codes/" + strings.ReplaceAll(code, "_", "-"))
	}
	if param != "" {
		b.Key("param")
		b.Str(param)
	}
	b.Key("message")
	b.Str(msg)
	b.Close('}')
	r.Fields = []Field{{"error", Raw(string(b.B))}}
	r.Interp = interp
	return r
}

func (s *stripeServer) Serve(w *World, req *Request) *Response {
	limit := s.o.Int("limit")
	if v, ok := req.Param("limit"); ok {
		n, bad := intParam(req, "limit", limit)
		if bad != "" || n < 1 || n > 100 {
			return stripeError(w, 400, "parameter_invalid_integer", "limit", "Invalid limit: must be between 1 and 100, got "+quote(v), stripeLimitInterp)
		}
		limit = n
	}
	after, hasAfter := req.Param("starting_after")
	before, hasBefore := req.Param("ending_before")
	if hasAfter && hasBefore {
		return stripeError(w, 400, "", "ending_before", "You may only specify one of these parameters: ending_before, starting_after.", stripeBothInterp)
	}
	resp := &Response{Status: 200, ItemsKey: "data", Walk: WalkFirst, Position: -1}
	var items []Record
	var pos int64
	var more bool
	if hasAfter || hasBefore {
		param, v := "starting_after", after
		if hasBefore {
			param, v = "ending_before", before
		}
		id, ok := stripeParseID(v)
		if !ok || !w.data.exists(id) {
			return stripeError(w, 400, "resource_missing", param, "No such customer: '"+v+"'", stripeIDInterp)
		}
		if !w.data.live(id) {
			if s.o.Str("deleted-cursor") == "error" {
				return stripeError(w, 400, "resource_missing", param, "No such customer: '"+v+"'", stripeDeletedInterp)
			}
			resp.Reason, resp.Interp = "customer "+quote(v)+" was deleted: the list goes on from where it was (deleted-cursor=continue)", stripeDeletedInterp
		}
		c := w.CursorOf(w.data.record(id))
		if hasAfter {
			items, pos, more = itemsAfter(w, &c, limit)
		} else {
			items, pos, more = itemsBefore(w, c, limit)
		}
		resp.Walk, resp.Cost.Seek = WalkContinue, true
	} else {
		items, pos, more = itemsAfter(w, nil, limit)
	}
	n := w.Len()
	resp.Items = items
	resp.IDString = stripeID
	resp.Fields = []Field{{"object", Str("list")}, {"url", Str(req.Path)}, {"has_more", Bool(more)}}
	resp.Total = TotalReport{Kind: "absent", True: n}
	truth := pos+int64(len(items)) < n
	if hasBefore {
		truth = pos > 0 // has_more looks further back: towards the newest
	}
	resp.HasNext = NextReport{Kind: "flag", Reported: more, True: truth}
	resp.Cost.Rows = int64(len(items))
	if len(items) > 0 {
		resp.Position = pos
	}
	return resp
}

func (s *stripeServer) Follow(prev *Request, last *Response, rel string) (*Request, bool, string) {
	if prev == nil || rel == "first" {
		return firstRequest(prev, stripeFirst, "starting_after", "ending_before")
	}
	_, reverse := prev.Param("ending_before")
	if len(last.Items) == 0 {
		return nil, false, "no " + rel + " page: the page is empty, so there is no object id to continue from"
	}
	firstID, lastID := stripeID(last.Items[0].ID), stripeID(last.Items[len(last.Items)-1].ID)
	if rel == "next" {
		if v, _ := last.Field("has_more"); v.AsString() != "true" {
			return nil, false, "no next page: has_more is false"
		}
		if reverse { // the libraries keep going in the direction the walk started
			return follow(prev, Param{Name: "ending_before", Value: firstID})
		}
		return follow(prev, Param{Name: "starting_after", Value: lastID})
	}
	if reverse {
		return follow(prev, Param{Name: "ending_before", Value: ""}, Param{Name: "starting_after", Value: lastID})
	}
	return follow(prev, Param{Name: "starting_after", Value: ""}, Param{Name: "ending_before", Value: firstID})
}
