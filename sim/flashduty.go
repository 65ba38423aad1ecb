package sim

import (
	"strconv"

	"pagingplayground/internal/json"
)

// Flashduty's Open API (seed 003): traditional pagination with p and limit in
// a JSON request body, a hard PAGE * LIMIT window, a capped total, and cursor
// pagination with search_after_ctx on the incident and alert lists.

const flashdutySource = "Flashduty: About Pagination"

// flashdutyURL is the vendor's page the profile follows.
const flashdutyURL = "https://developer-en.flashcat.cloud/en/flashduty/open-api/about-pagination"

// The interpretations, each one sentence of why.
const (
	fdLimitInterp       = "Flashduty's page says the maximum is 100 without saying what happens above it: we refuse with 400, as the PAGE * LIMIT limit does."
	fdHasNextInterp     = "The example on Flashduty's page shows \"has_next_page\": 20, which cannot be a yes/no: we send a boolean."
	fdBodyInterp        = "Flashduty's page shows only the paging members of the response: the records come in items beside them."
	fdCtxInterp         = "Flashduty's page says nothing of a context's lifetime: search_after_ctx values stay valid for the run and can be sent again (each names a sort position)."
	fdTraditionalInterp = "Flashduty's page lists cursor pagination on the incident and alert lists only: this profile stands for the APIs with traditional pagination alone."
	fdMixInterp         = "Flashduty's page gives p and search_after_ctx as two separate techniques: a body with both is refused rather than one of them ignored."
)

// flashdutyReads is what both Flashduty profiles read: a POST to the
// incident or alert list (the two lists its pagination page links to).
var flashdutyReads = &readSpec{
	Methods: []string{"POST"}, MethodStatus: 400, Unserved: fdUnservedInterp,
	Paths: []string{"/incident/list", "/alert/list"}, Body: []string{"p", "limit", "search_after_ctx"},
}

// fdUnservedInterp says where the answers to other paths and methods come from.
const fdUnservedInterp = "Flashduty's Open API answers a method it does not support with 400 MethodNotAllowed and names no status for an unknown path: we answer HTTP's 404, and serve the incident and alert lists its pagination page links to."

func flashdutyOptions(client bool) []OptionSpec {
	o := append(commonOptions(20, 100, "refuse"),
		OptionSpec{Name: "window", Default: "10000", Help: "the largest p × limit traditional pagination serves; beyond it 400", Min: 1, Max: 1_000_000_000},
		OptionSpec{Name: "total-cap", Default: "1000", Help: "total is exact below this and equal to it at or above it", Min: 1, Max: 1_000_000_000})
	if client {
		o = append(o, OptionSpec{Name: "client", Default: "has_next_page",
			Help: "what the client's next/walk trusts: has_next_page (as Flashduty's page advises) or total (it computes the page count from total)",
			Enum: []string{"has_next_page", "total"}})
	}
	return o
}

var flashdutyRules = []RuleNote{
	{Text: "A list query is POST with a JSON body {\"p\":1,\"limit\":20}: p is the page number from 1, offset = (p-1)·limit; limit defaults to 20, maximum 100.", Source: "Flashduty's pagination page: Traditional Pagination"},
	{Text: "limit above 100 is a 400. " + fdLimitInterp, Interpretation: true},
	{Text: "PAGE * LIMIT must be <= 10000: beyond it the request is a 400 telling the client to switch to cursor pagination or narrow the query.", Source: "Flashduty's pagination page: \"If it exceeds 10000, the system will return a 400 error\""},
	{Text: "Offsets drift: records inserted or deleted during a walk shift the pages, and deep pages cost more (the database skips offset rows).", Source: "Flashduty's pagination page: \"Performance issues\", \"Data instability\""},
	{Text: "total is exact below 1000 and exactly 1000 at or above 1000 (\"the system matched 1000+ items\"): a client that computes the page count from total stops early. Use has_next_page.", Source: "Flashduty's pagination page: About TOTAL"},
	{Text: "has_next_page is a boolean. " + fdHasNextInterp, Interpretation: true},
	{Text: fdBodyInterp, Interpretation: true},
}

func init() {
	register(&Profile{
		Name: "flashduty", Vendor: "Flashduty", Source: flashdutySource, URL: flashdutyURL,
		reads:   flashdutyReads,
		Summary: "POST {\"p\":1,\"limit\":20}: page/limit in the body, p × limit ≤ 10000, total capped at 1000, has_next_page",
		First:   `POST /incident/list {"p":1,"limit":20}`, Options: flashdutyOptions(true),
		Rules: append(append([]RuleNote(nil), flashdutyRules...),
			RuleNote{Text: "A search_after_ctx in the body is refused (use flashduty-cursor). " + fdTraditionalInterp, Interpretation: true},
			RuleNote{Text: "Option client=total makes the client trust total: it computes ⌈total/limit⌉ pages and stops there.", Source: "Flashduty's pagination page: \"please use has_next_page to determine if there's a next page, rather than total\""}),
		New: func(o *Options) Server { return &flashduty{o: o} },
	})
	register(&Profile{
		Name: "flashduty-cursor", Vendor: "Flashduty", Source: flashdutySource, URL: flashdutyURL,
		reads:   flashdutyReads,
		Summary: "POST {\"search_after_ctx\":\"…\",\"limit\":20}: an opaque 24-hex-digit cursor, returned only while a next page exists; total capped at 1000",
		First:   `POST /incident/list {"limit":20}`, Options: flashdutyOptions(false),
		Rules: append([]RuleNote{
			{Text: "The incident and alert lists also page by cursor: the body {\"search_after_ctx\":\"658bcbae6ab5a67b3b800230\",\"limit\":20}, the first page without it.", Source: "Flashduty's pagination page: Cursor Pagination"},
			{Text: "The response carries search_after_ctx, an opaque 24-hex-digit value, only when a next page exists, beside total (capped the same way) and has_next_page.", Source: "Flashduty's pagination page: \"Next page cursor address, returned only if next page exists\""},
			{Text: "A cursor page continues after the sort position the context names: no PAGE * LIMIT window, no drift, and the cost of an index seek plus limit rows.", Source: "Flashduty's pagination page: \"better handle large datasets\""},
			{Text: "A search_after_ctx the server never issued, or one that is not 24 hex digits, is refused (400).", Interpretation: true},
			{Text: fdCtxInterp, Interpretation: true},
			{Text: "p pages traditionally on the same list, with the same rules; p and search_after_ctx together are refused. " + fdMixInterp, Interpretation: true},
		}, flashdutyRules...),
		New: func(o *Options) Server {
			return &flashduty{o: o, cursor: true, ctxs: map[string]fdContext{}}
		},
	})
}

type flashduty struct {
	o      *Options
	cursor bool                 // flashduty-cursor: search_after_ctx is served
	ctxs   map[string]fdContext // issued search_after_ctx values
}

// fdContext is what an issued search_after_ctx stands for.
type fdContext struct {
	path string
	at   Cursor
}

// fdQuery is a request body read.
type fdQuery struct {
	body     json.Value
	p, limit int64
	ctx      string
	hasCtx   bool
	hasP     bool
	interp   string
	note     string // what the server adjusted, in plain words
}

// bodyInt reads an integer member of the body; def when absent.
func bodyInt(body json.Value, name string, def int64) (n int64, present bool, bad string) {
	v, ok := body.Get(name)
	if !ok {
		return def, false, ""
	}
	n, ok = v.Int()
	if !ok {
		return 0, true, name + " must be a whole number, got " + quote(string(appendJSONValue(nil, v)))
	}
	return n, true, ""
}

func (s *flashduty) read(req *Request) (q fdQuery, bad string) {
	q.body = json.Value{Kind: json.Object}
	if req.Body != "" {
		var err error
		if q.body, err = json.Parse(req.Body); err != nil {
			return q, "the body is not JSON: " + err.Error()
		}
		if q.body.Kind != json.Object {
			return q, "the body must be a JSON object like {\"p\":1,\"limit\":20}"
		}
	}
	for _, name := range []string{"p", "limit"} {
		if _, ok := req.Param(name); ok {
			return q, name + " goes in the JSON body, not the query string: {\"p\":1,\"limit\":20}"
		}
	}
	if q.p, q.hasP, bad = bodyInt(q.body, "p", 1); bad != "" {
		return q, bad
	}
	if q.p < 1 {
		return q, "p is the page number and starts from 1, got " + itoa(q.p)
	}
	if q.limit, _, bad = bodyInt(q.body, "limit", s.o.Int("limit")); bad != "" {
		return q, bad
	}
	if q.limit < 1 {
		return q, "limit must be at least 1, got " + itoa(q.limit)
	}
	if mx := s.o.Int("max-limit"); q.limit > mx {
		if s.o.Str("over-max") == "refuse" {
			q.interp = fdLimitInterp
			return q, "limit=" + itoa(q.limit) + " is above the maximum of " + itoa(mx) + " items per page"
		}
		q.note = "limit=" + itoa(q.limit) + " is above the maximum of " + itoa(mx) + ": the server clamped it to " + itoa(mx)
		q.limit = mx
	}
	v, ok := q.body.Get("search_after_ctx")
	if ok {
		if v.Kind != json.String {
			return q, "search_after_ctx must be a string, the value a previous response returned"
		}
		q.ctx, q.hasCtx = v.Str, true
	}
	return q, ""
}

func (s *flashduty) Serve(w *World, req *Request) *Response {
	if r := flashdutyReads.unserved(w, req); r != nil {
		return r
	}
	q, bad := s.read(req)
	switch {
	case bad != "":
	case q.hasCtx && !s.cursor:
		bad, q.interp = "search_after_ctx is not served here: this profile is traditional pagination only (flashduty-cursor has the cursor)", fdTraditionalInterp
	case q.hasCtx && q.hasP:
		bad, q.interp = "send p or search_after_ctx, not both: they are two pagination techniques", fdMixInterp
	}
	if bad != "" {
		r := refuse(w, 400, bad)
		r.Interp = q.interp
		return r
	}
	n := w.Len()
	resp := &Response{Status: 200, ItemsKey: "items", Reason: q.note, Interp: fdHasNextInterp, Position: -1}
	var items []Record
	var pos int64
	if q.hasCtx {
		c, ok := s.ctxs[q.ctx]
		switch {
		case !isHex24(q.ctx):
			return refuse(w, 400, "search_after_ctx "+quote(q.ctx)+" is not a cursor: it is the 24-hex-digit value a previous response returned")
		case !ok:
			r := refuse(w, 400, "search_after_ctx "+quote(q.ctx)+" was never issued by this server: send back the value the previous response returned")
			r.Interp = fdCtxInterp
			return r
		case c.path != req.Path:
			return refuse(w, 400, "search_after_ctx "+quote(q.ctx)+" was issued for "+c.path+", not "+req.Path)
		}
		items, pos = w.After(c.at, q.limit)
		resp.Served = &servedPage{Cursor: true}
		resp.Cost.Seek, resp.Cost.Rows = true, int64(len(items))
	} else {
		if window := s.o.Int("window"); mulSat(q.p, q.limit) > window {
			return refuse(w, 400, "p × limit = "+itoa(q.p)+" × "+itoa(q.limit)+" = "+itoa(mulSat(q.p, q.limit))+
				" exceeds "+itoa(window)+": PAGE * LIMIT must be <= "+itoa(window)+"; switch to cursor pagination (search_after_ctx) or narrow your query conditions")
		}
		pos = (q.p - 1) * q.limit
		items = w.Page(pos, q.limit)
		resp.Cost = offsetCost(pos, int64(len(items)), n)
		limit := q.limit
		resp.Served = &servedPage{Offset: pos, Limit: limit, At: func(o int64) string { return "p=" + itoa(o/limit+1) }}
	}
	more := pos+int64(len(items)) < n
	resp.Items = items
	if len(items) > 0 {
		resp.Position = pos
	}
	total, kind := n, "exact"
	if cp := s.o.Int("total-cap"); n >= cp {
		total, kind = cp, "capped"
		resp.Reason = join(resp.Reason, "total says "+itoa(cp)+": it is capped, and means "+itoa(cp)+" or more ("+itoa(n)+" now); has_next_page, not total, says whether a next page exists")
	}
	resp.Fields = []Field{{"total", Int(total)}, {"has_next_page", Bool(more)}}
	if s.cursor && more && len(items) > 0 {
		resp.Fields = append(resp.Fields, Field{"search_after_ctx", Str(s.issue(w, req.Path, items[len(items)-1]))})
	}
	resp.Total = TotalReport{Kind: kind, Reported: total, True: n}
	resp.HasNext = NextReport{Kind: "flag", Reported: more, True: more}
	return resp
}

// issue makes the search_after_ctx for the position after r: 24 hex digits,
// like the seed's 658bcbae6ab5a67b3b800230 (a MongoDB ObjectId: a timestamp
// and a counter), remembered with the sort position it stands for.
func (s *flashduty) issue(w *World, path string, r Record) string {
	n := uint64(len(s.ctxs))
	b := make([]byte, 0, 24)
	b = appendHex(b, uint64(0x658bcbae)+uint64(w.Now()), 8)
	b = appendHex(b, mix(n^0x5eed)>>24, 10)
	b = appendHex(b, 0x800230+n, 6)
	ctx := string(b)
	s.ctxs[ctx] = fdContext{path: path, at: w.CursorOf(r)}
	return ctx
}

// appendHex appends the low digits hex digits of v.
func appendHex(b []byte, v uint64, digits int) []byte {
	for i := digits - 1; i >= 0; i-- {
		b = append(b, hexDigits[(v>>(4*uint(i)))&0xf])
	}
	return b
}

func isHex24(s string) bool {
	if len(s) != 24 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if unhex(s[i]) < 0 {
			return false
		}
	}
	return true
}

func (s *flashduty) Follow(prev *Request, last *Response, rel string) (*Request, bool, string) {
	if prev == nil {
		r, ok, why := request("POST", "/incident/list")
		if ok {
			r.Body = `{"limit":` + s.o.Str("limit") + `}`
			if !s.cursor {
				r.Body = `{"p":1,"limit":` + s.o.Str("limit") + `}`
			}
		}
		return r, ok, why
	}
	body, err := json.Parse(prev.Body)
	if err != nil || body.Kind != json.Object {
		body = json.Value{Kind: json.Object}
	}
	p, _, _ := bodyInt(body, "p", 1)
	var set []edit
	switch rel {
	case "first":
		set = []edit{{"search_after_ctx", nil}, {"p", nil}}
		if !s.cursor {
			set[1].val = jsonInt(1)
		}
	case "prev":
		if _, ok := body.Get("search_after_ctx"); ok || p <= 1 {
			return nil, false, "no previous page: " + cond(p <= 1, "this is page 1", "search_after_ctx only goes forward")
		}
		set = []edit{{"p", jsonInt(p - 1)}}
	case "next":
		// A client goes on with the technique it started with: page numbers
		// once it sent p, the cursor otherwise.
		ctx, hasCtx := last.Field("search_after_ctx")
		_, sentP := body.Get("p")
		switch {
		case hasCtx && !sentP:
			set = []edit{{"p", nil}, {"search_after_ctx", &json.Value{Kind: json.String, Str: ctx.AsString()}}}
		case s.o.Str("client") == "total":
			limit, _, _ := bodyInt(body, "limit", s.o.Int("limit"))
			total := fieldInt(last, "total")
			pages := (total + limit - 1) / limit
			if p >= pages {
				hn, _ := last.Field("has_next_page")
				return nil, false, "the client computed ⌈total/limit⌉ = ⌈" + itoa(total) + "/" + itoa(limit) + "⌉ = " + plural(pages, "page") +
					" and stops after page " + itoa(p) + ", though has_next_page is " + hn.AsString() + " (Flashduty's page: use has_next_page, not total)"
			}
			set = []edit{{"p", jsonInt(p + 1)}}
		default:
			if v, _ := last.Field("has_next_page"); v.AsString() != "true" {
				return nil, false, "no next page: has_next_page is false"
			}
			set = []edit{{"p", jsonInt(p + 1)}}
		}
	}
	r, ok, why := request(prev.Method, prev.Target)
	if ok {
		r.Body = string(appendJSONValue(nil, withMembers(body, set...)))
	}
	return r, ok, why
}

//go:noinline
func jsonInt(n int64) *json.Value { return &json.Value{Kind: json.Number, Str: itoa(n)} }

// edit sets a body member to val, or removes it when val is nil.
type edit struct {
	name string
	val  *json.Value
}

// withMembers returns object v edited: a member is replaced in place or
// removed; a new one goes first, as p does in the seed's {"p":1,"limit":20}.
func withMembers(v json.Value, edits ...edit) json.Value {
	out := json.Value{Kind: json.Object}
	for _, m := range v.Members {
		keep := true
		for _, e := range edits {
			if e.name == m.Name {
				keep = false
				if e.val != nil {
					out.Members = append(out.Members, json.Member{Name: m.Name, Value: *e.val})
				}
			}
		}
		if keep {
			out.Members = append(out.Members, m)
		}
	}
	for _, e := range edits {
		if _, ok := v.Get(e.name); !ok && e.val != nil {
			out.Members = append([]json.Member{{Name: e.name, Value: *e.val}}, out.Members...)
		}
	}
	return out
}

// appendJSONValue writes v as compact JSON.
func appendJSONValue(b []byte, v json.Value) []byte {
	switch v.Kind {
	case json.Null:
		return append(b, "null"...)
	case json.Bool:
		if v.Bool {
			return append(b, "true"...)
		}
		return append(b, "false"...)
	case json.Number:
		return append(b, v.Str...)
	case json.String:
		return json.AppendString(b, v.Str)
	case json.Array:
		b = append(b, '[')
		for i, it := range v.Items {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONValue(b, it)
		}
		return append(b, ']')
	}
	b = append(b, '{')
	for i, m := range v.Members {
		if i > 0 {
			b = append(b, ',')
		}
		b = json.AppendString(b, m.Name)
		b = append(b, ':')
		b = appendJSONValue(b, m.Value)
	}
	return append(b, '}')
}

// fieldInt reads a numeric body field; 0 when absent.
func fieldInt(r *Response, name string) int64 {
	v, _ := r.Field(name)
	n, _ := strconv.ParseInt(v.AsString(), 10, 64)
	return n
}
