package sim

import (
	"pagingplayground/internal/linkheader"
	"pagingplayground/internal/reqtarget"
)

// Celigo's integrator.io API (seed 002): Link-header paging over skip/limit on
// resource lists, nextPageURL in the body on nested results such as flow
// errors, and the same list after a move to cursors inside.

const (
	celigoSource = "Celigo: Pagination"
	celigoURL    = "https://developer.celigo.com/api/using-the-api/pagination" // the vendor's page the profile follows
	celigoBase   = "https://api.integrator.io"
)

// The interpretations shared by the Celigo profiles, each one sentence of why.
const (
	celigoLimitInterp  = "The table on Celigo's page says limit defaults to 100 and \"most endpoints cap at 1000\", while its prose says \"default 1000\": we take the table's 100, and clamp larger values to 1000 rather than refuse them."
	celigoPrevInterp   = "The example on Celigo's page answers with next skip=100 and prev skip=0 together, which fits only the first page: prev is always sent, pointing limit records back, clamped at skip=0."
	celigoWindowInterp = "Celigo's page names createdAfter and createdBefore without their format or bounds: here they are simulated ticks, both exclusive."
	celigoSortInterp   = "Celigo's page sends sort values to another page and names only sort=_id: _id ascending (ids grow with creation) is the one the simulator knows."
)

// celigoLists are the resource lists Celigo's page names ("integrations,
// flows, connections, exports, imports, jobs, users, and so on").
var celigoLists = []string{"/v1/integrations", "/v1/flows", "/v1/connections", "/v1/exports", "/v1/imports", "/v1/jobs", "/v1/users"}

// celigoUnservedInterp says where a 404 or a 405 comes from.
const celigoUnservedInterp = "Celigo's page names the lists it pages (integrations, flows, connections, exports, imports, jobs, users \"and so on\") and no status for anything else: another path is HTTP's 404, another method its 405."

var (
	celigoReads         = &readSpec{Paths: celigoLists, Params: []string{"skip", "limit", "sort", "createdAfter", "createdBefore"}, Unserved: celigoUnservedInterp}
	celigoErrorsReads   = &readSpec{Paths: []string{"/v1/flows/{flowId}/errors"}, Params: []string{"pageSize", "after"}, Unserved: celigoUnservedInterp}
	celigoMigratedReads = &readSpec{Paths: celigoLists, Params: []string{"limit", "cursor", "skip"}, Unserved: celigoUnservedInterp} // skip is read, to be refused
)

func celigoOptions() []OptionSpec { return commonOptions(100, 1000, "clamp") }

// celigoRateRule is the rate limit rule every Celigo profile lists.
var celigoRateRule = RuleNote{Text: "Optional rate limit (options rate-limit and rate-window): past it a request gets 429 with Retry-After, which a walk waits out.", Source: "Celigo's pagination page: \"tight pagination loops are the #1 cause of self-throttling\""}

// frontParams returns set, then the parameters of q not named in set, in order:
// the server writes its paging parameters first, as the seed's links do.
func frontParams(q []Param, set ...Param) []Param {
	out := append([]Param(nil), set...)
	for _, p := range q {
		if !isSet(set, p.Name) {
			out = append(out, p)
		}
	}
	return out
}

// ---- celigo ----

func init() {
	register(&Profile{
		Name: "celigo", Vendor: "Celigo", Source: celigoSource, URL: celigoURL,
		reads:   celigoReads,
		Summary: "integrator.io resource lists: a bare JSON array and an RFC 8288 Link header over skip/limit; drifts when records are created or deleted mid-walk",
		First:   "GET /v1/integrations?limit=100", Options: celigoOptions(),
		Rules: []RuleNote{
			{Text: "GET /v1/integrations?limit=100 returns a bare JSON array of up to limit records (their id is _id) and, if more exist, a Link header with rel=\"next\": <https://api.integrator.io/v1/integrations?skip=100&limit=100>.", Source: "Celigo's pagination page: Link header pagination"},
			{Text: "Clients iterate until rel=\"next\" is missing, following the header they were sent; the simulator parses it with an RFC 8288 parser before following it.", Source: "Celigo's pagination page: \"Iterate until rel=\\\"next\\\" is missing\""},
			{Text: "limit defaults to 100 and is capped at 1000. " + celigoLimitInterp, Interpretation: true},
			{Text: "rel=\"prev\" comes with every page. " + celigoPrevInterp, Interpretation: true},
			{Text: "The example on Celigo's page pairs limit=1000 with a next link at skip=100; the simulator's next link is always skip+limit with the limit actually served.", Interpretation: true},
			{Text: "Celigo's page cites RFC 5988 for the Link header; RFC 8288 replaced it with the same syntax, and the simulator's parser follows RFC 8288.", Source: "Celigo's pagination page: \"Link header (RFC 5988)\""},
			{Text: "skip is an offset: records created or deleted ahead of it during a walk make the walk see a record twice or miss one.", Source: "Celigo's pagination page: \"skip-based pagination drifts\""},
			{Text: "createdAfter/createdBefore restrict the list to a time window and sort=_id lists it by _id, oldest first: an export that stays snapshot-accurate while records keep arriving (they fall outside the window).", Source: "Celigo's pagination page: \"For snapshot-accurate exports, restrict by a time window (createdAfter, createdBefore) and sort by _id\""},
			{Text: celigoWindowInterp, Interpretation: true},
			{Text: celigoSortInterp, Interpretation: true},
			{Text: "The CLI \"auto-paginates up to 50 pages\" and errors out if more are needed: `walk cap 50` is that client.", Source: "Celigo's pagination page: Pagination limits"},
			{Text: "Records can be reordered between pages as data changes: a walk split between parallel workers, each computing its own skip, sees the list at different moments.", Source: "Celigo's pagination page: \"Don't parallelize a single paginated walk\""},
			celigoRateRule,
		},
		New: func(o *Options) Server { return &celigoServer{o: o} },
	})
}

type celigoServer struct{ o *Options }

// celigoView is the part of the list a request selects, and in which order.
type celigoView struct {
	pos, n    int64 // list positions pos..pos+n-1
	ascending bool  // sort=_id: oldest first, whatever the list's order
	window    *keyRange
}

func celigoSelect(w *World, req *Request) (v celigoView, interp, bad string) {
	v.n = w.Len()
	if s, ok := req.Param("sort"); ok {
		if s != "_id" {
			return v, celigoSortInterp, "sort=" + s + " is not a sort this simulator knows: use sort=_id"
		}
		v.ascending = true
		interp = celigoSortInterp
	}
	_, hasAfter := req.Param("createdAfter")
	_, hasBefore := req.Param("createdBefore")
	if !hasAfter && !hasBefore {
		return v, interp, ""
	}
	after, bad := intParam(req, "createdAfter", minInt64)
	if bad == "" {
		var before int64
		before, bad = intParam(req, "createdBefore", maxInt64)
		if bad == "" {
			v.window = &keyRange{From: addSat(after, 1), To: subSat(before, 1)}
		}
	}
	if bad != "" {
		return v, celigoWindowInterp, bad + " (a simulated tick)"
	}
	v.pos, v.n = w.Range(v.window.From, v.window.To)
	return v, celigoWindowInterp, ""
}

// page returns the records at indexes skip..skip+limit-1 of the view, and the
// list position of the first.
func (v celigoView) page(w *World, skip, limit int64) ([]Record, int64) {
	end := min(v.n, addSat(skip, limit))
	if skip >= end {
		return nil, -1
	}
	if !v.ascending || !w.NewestFirst() { // the view runs in list order
		return w.Page(v.pos+skip, end-skip), v.pos + skip
	}
	// Counted from the other end of the list: read the slice and turn it
	// round. Ascending (key, id) is ascending _id, ids growing with created.
	p := v.pos + v.n - end
	items := w.Slice(p, end-skip)
	for i, j := 0, len(items)-1; i < j; i, j = i+1, j-1 {
		items[i], items[j] = items[j], items[i]
	}
	return items, p + end - skip - 1
}

func (s *celigoServer) Serve(w *World, req *Request) *Response {
	if r := celigoReads.unserved(w, req); r != nil {
		return r
	}
	limit, note, bad := pageSize(req, "limit", s.o)
	if bad != "" {
		return refuse(w, 400, bad)
	}
	skip, bad := intParam(req, "skip", 0)
	if bad == "" && skip < 0 {
		bad = "skip must be 0 or more, got " + itoa(skip)
	}
	if bad != "" {
		return refuse(w, 400, bad)
	}
	v, interp, bad := celigoSelect(w, req)
	if bad != "" {
		r := refuse(w, 400, bad)
		r.Interp = interp
		return r
	}
	if note != "" {
		interp = sentences(interp, celigoLimitInterp)
	}
	items, pos := v.page(w, skip, limit)
	more := addSat(skip, limit) < v.n
	at := func(sk int64) string {
		return celigoBase + reqtarget.String(req.Path, frontParams(req.Query, Param{Name: "skip", Value: itoa(sk)}, Param{Name: "limit", Value: itoa(limit)}))
	}
	var links []linkheader.Link
	if more {
		links = append(links, linkheader.Link{URL: at(skip + limit), Rel: []string{"next"}})
	}
	links = append(links, linkheader.Link{URL: at(max(0, skip-limit)), Rel: []string{"prev"}})
	if skip == 0 {
		interp = sentences(interp, celigoPrevInterp)
	}
	resp := &Response{
		Status: 200, Bare: true, Items: items, IDName: "_id", Reason: note, Interp: interp,
		Header:   []Header{{"Link", linkheader.Format(links)}},
		Total:    TotalReport{Kind: "absent", True: v.n},
		HasNext:  NextReport{Kind: "link", Reported: more, True: skip+int64(len(items)) < v.n},
		Cost:     offsetCost(skip, int64(len(items)), v.n),
		Position: pos,
	}
	if v.window != nil {
		resp.Reason = join(resp.Reason, "the window selects "+plural(v.n, "record")+" created after "+cond(v.window.From > minInt64+1, itoa(v.window.From-1), "the beginning")+" and before "+cond(v.window.To < maxInt64-1, itoa(v.window.To+1), "now"))
	}
	resp.Served = &servedPage{Offset: skip, Limit: limit, At: func(o int64) string { return "skip=" + itoa(o) }}
	resp.Scope = v.window // read on a walk's first page only
	return resp
}

// sentences joins two interpretations, each a sentence of its own.
func sentences(a, b string) string {
	if a == "" {
		return b
	}
	return a + " " + b
}

func cond(c bool, a, b string) string {
	if c {
		return a
	}
	return b
}

func (s *celigoServer) Follow(prev *Request, last *Response, rel string) (*Request, bool, string) {
	if rel == "first" {
		return firstRequest(prev, "GET /v1/integrations?limit=100", "skip")
	}
	return followLink(prev, last, rel)
}

// ---- celigo-errors ----

func init() {
	opts := append(celigoOptions(), OptionSpec{Name: "last-page-url", Default: "absent",
		Help: "what the last page says in nextPageURL: absent, or an empty string", Enum: []string{"absent", "empty"}})
	register(&Profile{
		Name: "celigo-errors", Vendor: "Celigo", Source: celigoSource, URL: celigoURL,
		reads:   celigoErrorsReads,
		Summary: "integrator.io flow errors: {\"errors\":[…],\"nextPageURL\":…,\"totalErrors\":N}, an opaque after cursor in the body's next URL",
		First:   "GET /v1/flows/5f1a/errors?pageSize=100", Options: opts,
		Rules: []RuleNote{
			{Text: "GET /v1/flows/{flowId}/errors?pageSize=100 returns {\"errors\":[…],\"nextPageURL\":\"/v1/flows/…/errors?after=…&pageSize=100\",\"totalErrors\":437}: the next URL is in the body because the result is a nested structure.", Source: "Celigo's pagination page: Body-based pagination"},
			{Text: "Clients follow nextPageURL until it is absent or empty.", Source: "Celigo's pagination page: \"Iterate by following nextPageURL until it's absent or empty\""},
			{Text: "after is an opaque keyset cursor (the sort position of the page's last error): the walk neither repeats nor skips errors while others arrive or are removed, and a garbled cursor, or one from another flow, is refused with 400.", Interpretation: true},
			{Text: "totalErrors is the exact count of the flow's errors at that moment.", Interpretation: true},
			{Text: "pageSize defaults to 100 and is capped at 1000, like limit on the Link-header lists. " + celigoLimitInterp, Interpretation: true},
			{Text: "The last page omits nextPageURL (option last-page-url=empty sends \"\" instead): Celigo's page allows both.", Source: "Celigo's pagination page: \"absent or empty\""},
			celigoRateRule,
		},
		New: func(o *Options) Server { return &celigoErrors{o: o} },
	})
}

type celigoErrors struct{ o *Options }

func (s *celigoErrors) Serve(w *World, req *Request) *Response {
	if r := celigoErrorsReads.unserved(w, req); r != nil {
		return r
	}
	size, note, bad := pageSize(req, "pageSize", s.o)
	if bad != "" {
		return refuse(w, 400, bad)
	}
	tag := "celigo-errors:" + req.Path
	resp := &Response{Status: 200, ItemsKey: "errors", IDName: "_id", Reason: note, Position: -1, Served: &servedPage{Cursor: true, Start: true}}
	if note != "" {
		resp.Interp = celigoLimitInterp
	}
	var items []Record
	var pos int64
	if after, ok := req.Param("after"); ok {
		c, why := readCursor(tag, after)
		if why != "" {
			return refuse(w, 400, why)
		}
		items, pos = w.After(c, size+1)
		resp.Served.Start, resp.Cost.Seek = false, true
	} else {
		items = w.Page(0, size+1)
	}
	more := int64(len(items)) > size
	items = items[:min(int64(len(items)), size)]
	resp.Items = items
	if len(items) > 0 {
		resp.Position = pos
	}
	n := w.Len()
	switch {
	case more:
		next := reqtarget.String(req.Path, frontParams(req.Query, Param{Name: "after", Value: cursorToken(tag, w.CursorOf(items[len(items)-1]))}, Param{Name: "pageSize", Value: itoa(size)}))
		resp.Fields = append(resp.Fields, Field{"nextPageURL", Str(next)})
	case s.o.Str("last-page-url") == "empty":
		resp.Fields = append(resp.Fields, Field{"nextPageURL", Str("")})
	}
	resp.Fields = append(resp.Fields, Field{"totalErrors", Int(n)})
	resp.Total = TotalReport{Kind: "exact", Reported: n, True: n}
	resp.HasNext = NextReport{Kind: "link", Reported: more, True: more}
	resp.Cost.Rows = int64(len(items))
	return resp
}

func (s *celigoErrors) Follow(prev *Request, last *Response, rel string) (*Request, bool, string) {
	switch rel {
	case "first":
		return firstRequest(prev, "GET /v1/flows/5f1a/errors?pageSize=100", "after")
	case "prev":
		return nil, false, "no prev page: the body offers only nextPageURL"
	}
	v, ok := last.Field("nextPageURL")
	if !ok || v.AsString() == "" {
		return nil, false, "no next page: nextPageURL is " + cond(ok, "empty", "absent")
	}
	return request(prev.Method, v.AsString())
}

// ---- celigo-migrated ----

// The seed's two warnings, which the migrated endpoint enforces.
const (
	celigoHandCrafted = "never hand-craft skip/limit: follow the Link header the server returns, the only contract that survives when endpoints migrate to cursor-based paging internally"
	celigoStale       = "never cache the full Link URL across a page: each next link is tied to the specific request that produced it, so always follow the fresh header on the latest response"
)

func init() {
	register(&Profile{
		Name: "celigo-migrated", Vendor: "Celigo", Source: celigoSource, URL: celigoURL,
		reads:   celigoMigratedReads,
		Summary: "a Celigo Link-header list after the move to cursor paging inside: next links carry an opaque cursor tied to the request that produced them",
		First:   "GET /v1/integrations?limit=100", Options: celigoOptions(),
		Rules: []RuleNote{
			{Text: "The list answers as before (a bare array and a Link header), but rel=\"next\" now carries an opaque cursor instead of skip: the walk no longer drifts.", Source: "Celigo's pagination page: \"when endpoints migrate to cursor-based paging internally\""},
			{Text: "A request with skip is refused (400): " + celigoHandCrafted + ".", Source: "Celigo's pagination page: Tip"},
			{Text: "A next link works once: following it again after the next page was fetched is refused (400): " + celigoStale + ".", Source: "Celigo's pagination page: Warnings"},
			{Text: "Changing the limit of a link the server sent is refused too: the link is tied to the request that produced it.", Interpretation: true},
			{Text: "Only rel=\"next\" is sent: Celigo's page does not say what rel=\"prev\" becomes once the paging is cursor-based.", Interpretation: true},
			{Text: "limit defaults to 100 and is capped at 1000. " + celigoLimitInterp, Interpretation: true},
			celigoRateRule,
		},
		New: func(o *Options) Server { return &celigoMigrated{o: o} },
	})
}

type celigoMigrated struct {
	o *Options
	// chains holds, per walk the server started (a first page), the page
	// number whose next link is the one still valid; 0 once the walk ended.
	chains []int64
}

func (s *celigoMigrated) Serve(w *World, req *Request) *Response {
	if r := celigoMigratedReads.unserved(w, req); r != nil {
		return r
	}
	if _, ok := req.Param("skip"); ok {
		return refuse(w, 400, "skip is not accepted: this list pages with cursors now; "+celigoHandCrafted)
	}
	limit, note, bad := pageSize(req, "limit", s.o)
	if bad != "" {
		return refuse(w, 400, bad)
	}
	tag := "celigo-migrated:" + req.Path
	resp := &Response{Status: 200, Bare: true, IDName: "_id", Reason: note, Position: -1, Served: &servedPage{Cursor: true, Start: true}}
	if note != "" {
		resp.Interp = celigoLimitInterp
	}
	var items []Record
	var pos, chain, page int64
	if tok, ok := req.Param("cursor"); ok {
		vals, err := readToken(tag, tok, 6)
		switch {
		case err == errForeign:
			return refuse(w, 400, "the cursor "+quote(tok)+" was issued for another list: "+celigoStale)
		case err != nil || vals[0] < 1 || vals[0] > int64(len(s.chains)):
			return refuse(w, 400, "the cursor "+quote(tok)+" is not one this server issued (changed or cut short?): "+celigoHandCrafted)
		}
		chain, page = vals[0], vals[1]
		if now := s.chains[chain-1]; now != page {
			why := "this link came with page " + itoa(page) + " and was already followed"
			if now == 0 {
				why += " (to the last page)"
			} else {
				why += "; page " + itoa(now) + " carries the fresh one"
			}
			return refuse(w, 400, why+": "+celigoStale)
		}
		if vals[2] != limit {
			return refuse(w, 400, "the link said limit="+itoa(vals[2])+", the request limit="+itoa(limit)+": "+celigoHandCrafted)
		}
		c := Cursor{Key: vals[4], ID: vals[5], KeyOnly: vals[3] == 1}
		items, pos = w.After(c, limit+1)
		resp.Served.Start, resp.Cost.Seek = false, true
	} else {
		s.chains = append(s.chains, 1)
		chain, page = int64(len(s.chains)), 0
		items = w.Page(0, limit+1)
	}
	page++
	more := int64(len(items)) > limit
	items = items[:min(int64(len(items)), limit)]
	resp.Items = items
	if len(items) > 0 {
		resp.Position = pos
	}
	s.chains[chain-1] = 0
	if more {
		s.chains[chain-1] = page
		c := w.CursorOf(items[len(items)-1])
		only := int64(0)
		if c.KeyOnly {
			only = 1
		}
		tok := makeToken(tag, chain, page, limit, only, c.Key, c.ID)
		url := celigoBase + reqtarget.String(req.Path, frontParams(req.Query, Param{Name: "cursor", Value: tok}, Param{Name: "limit", Value: itoa(limit)}))
		resp.Header = []Header{{"Link", linkheader.Format([]linkheader.Link{{URL: url, Rel: []string{"next"}}})}}
	}
	resp.Total = TotalReport{Kind: "absent", True: w.Len()}
	resp.HasNext = NextReport{Kind: "link", Reported: more, True: more}
	resp.Cost.Rows = int64(len(items))
	return resp
}

func (s *celigoMigrated) Follow(prev *Request, last *Response, rel string) (*Request, bool, string) {
	if rel == "first" {
		return firstRequest(prev, "GET /v1/integrations?limit=100", "cursor")
	}
	return followLink(prev, last, rel)
}
