//go:build !js

package sim

import (
	"strconv"
	"strings"

	"pagingplayground/internal/json"
	"pagingplayground/internal/linkheader"
	"pagingplayground/internal/reqtarget"
)

// Contract is a paging contract declared as data: a base positioning style
// and the knobs where the API differs from it. The simulator serves it and
// plays its client (contractServer), so a contract needs no Serve or Follow
// of its own. A scenario declares one in a `contract` block (or "contract"
// in the JSON form, ContractFromKnobs); a catalogue contract is a Contract
// literal registered with registerContract. Zero values mean the base's
// default; knobs.go lists every knob with its text name.
type Contract struct {
	Base   string   // "offset", "page" or "cursor" (an opaque keyset cursor)
	Method string   // the method it serves: "GET" when ""
	Paths  []string // the paths it serves; another path is 404. ["/items"] when nil

	// Where each parameter is read and its name. The defaults per base:
	// offset, limit; page, per_page; after, before, limit.
	Offset, Page, Limit, After, Before In

	LimitDefault, LimitMax int64  // 20 and 100 when 0
	OverMax                string // a page size above the maximum: "clamp" (default), "refuse" or "default"
	Invalid                string // zero, negative or not a number: "400" (default), "default" or "404"
	FirstPage              int64  // page: the first page's number, 1 or 0 (FirstPageSet says 0 was meant)
	FirstPageSet           bool
	PastEnd                string // a page past the end: "empty" (default), "last" or "404"

	Items    string // the body's path to the records: "items" when ""; dotted paths nest ("hits.hits")
	Bare     bool   // the body is the bare array of records (a Link header or nothing says the rest)
	IDPrefix string // ids written as strings with this prefix ("cus_"); numbers when ""

	Next  Next
	Total Total

	Window        int64  // offset + limit at most Window (0: no limit)
	WindowStatus  int    // the status beyond it: 400 when 0
	WindowMessage string // what the refusal says

	ErrorStatus int    // the status of a refused parameter: 400 when 0
	ErrorField  string // the body path of a refusal's message: "error" when ""
}

// In says where a parameter is read and its name.
type In struct {
	Name  string
	Where string // "query" (default), "body" (a JSON body member) or "header"
}

// Next says how a response signals the next page. With none of Link, URL and
// Cursor set, the base's own signal is used: the cursor field next_cursor for
// cursor, and for offset and page the client computes the next page from the
// flag, the total or a full page.
type Next struct {
	Link        []string // rels of a Link header: "next", "prev", "first", "last"
	LinkBase    string   // an absolute URL prefix ("https://api.github.com"); relative URLs when ""
	LastOmitted bool     // rel="last" is left out (lists that cannot compute it)
	URL         string   // body path of the next page's URL ("links.next", "@odata.nextLink")
	Cursor      string   // body path of the next cursor ("next_cursor", "response_metadata.next_cursor")
	PrevCursor  string   // body path of the previous cursor
	Flag        string   // body path of a flag that is true while more pages remain ("has_more")
	LastFlag    string   // body path of a flag that is true on the last page ("isLast", "done")
	End         string   // how a missing next URL or cursor is written: "null" (default), "absent" or "empty"
}

// Total says what the response reports as the total.
type Total struct {
	Kind          string // "none" (default for cursor), "exact" (default otherwise), "capped" or "gte"
	Cap           int64  // capped and gte: the largest number reported
	Field         string // body path ("total", "hits.total.value"); "total" when "" and Header is ""
	Relation      string // gte: body path of "eq" or "gte" ("hits.total.relation")
	Header        string // a header that carries it ("X-Total-Count")
	FirstPageOnly bool   // reported on the first page only
}

// withDefaults fills the base's defaults in.
func (c Contract) withDefaults() Contract {
	if c.Method == "" {
		c.Method = "GET"
	}
	if len(c.Paths) == 0 {
		c.Paths = []string{"/items"}
	}
	def := func(in *In, name string) {
		if in.Name == "" {
			in.Name = name
		}
		if in.Where == "" {
			in.Where = "query"
		}
	}
	switch c.Base {
	case "offset":
		def(&c.Offset, "offset")
		def(&c.Limit, "limit")
	case "page":
		def(&c.Page, "page")
		def(&c.Limit, "per_page")
		if !c.FirstPageSet && c.FirstPage == 0 {
			c.FirstPage = 1
		}
	case "cursor":
		def(&c.After, "after")
		def(&c.Before, "before")
		def(&c.Limit, "limit")
		if c.Next.Cursor == "" && c.Next.URL == "" && len(c.Next.Link) == 0 {
			c.Next.Cursor, c.Next.PrevCursor = "next_cursor", "prev_cursor"
		}
	}
	if c.LimitDefault == 0 {
		c.LimitDefault = 20
	}
	if c.LimitMax == 0 {
		c.LimitMax = max(100, c.LimitDefault)
	}
	if c.Items == "" && !c.Bare {
		c.Items = "items"
	}
	if c.Total.Kind == "" {
		c.Total.Kind = "exact"
		if c.Base == "cursor" {
			c.Total.Kind = "none"
		}
	}
	if c.Total.Kind != "none" && c.Total.Field == "" && c.Total.Header == "" && !c.Bare {
		c.Total.Field = "total"
	}
	if c.Total.Kind != "none" && c.Total.Field == "" && c.Total.Header == "" && c.Bare {
		c.Total.Header = "X-Total-Count"
	}
	if c.ErrorStatus == 0 {
		c.ErrorStatus = 400
	}
	if c.ErrorField == "" {
		c.ErrorField = "error"
	}
	if c.WindowStatus == 0 {
		c.WindowStatus = 400
	}
	if c.Next.End == "" {
		c.Next.End = "null"
	}
	return c
}

// problems are the contradictions of a contract, in plain words.
func (c Contract) problems() []string {
	var out []string
	add := func(s string) { out = append(out, s) }
	switch c.Base {
	case "offset", "page", "cursor":
	default:
		add("the base style is `offset`, `page` or `cursor`, got `" + c.Base + "`")
		return out
	}
	if c.Base != "cursor" && (c.Next.Cursor != "" || c.Next.PrevCursor != "" || c.After.Name != "" || c.Before.Name != "") {
		add("cursor knobs (after, before, next.cursor, prev.cursor) need the base `cursor`, not `" + c.Base + "`")
	}
	if c.Base == "cursor" && (c.Offset.Name != "" || c.Page.Name != "" || c.Window > 0 || c.PastEnd == "last" || c.FirstPageSet) {
		add("a cursor contract has no offset, page number, window or page past the end to set")
	}
	if c.Base != "page" && c.FirstPageSet {
		add("page.first needs the base `page`")
	}
	if c.Base != "offset" && c.Offset.Name != "" || c.Base != "page" && c.Page.Name != "" {
		add("offset is the `offset` base's parameter and page the `page` base's")
	}
	if c.LimitDefault > 0 && c.LimitMax > 0 && c.LimitDefault > c.LimitMax {
		add("limit.default " + itoa(c.LimitDefault) + " is above limit.max " + itoa(c.LimitMax) + ": the default page size could never be served")
	}
	if c.Bare && c.Items != "" {
		add("a bare array has no items path: drop `items` or `bare`")
	}
	if c.Bare && (c.Next.URL != "" || c.Next.Cursor != "" || c.Next.Flag != "" || c.Next.LastFlag != "" || c.Total.Field != "" || c.Total.Relation != "") {
		add("a bare array has no body fields: signal the next page with a Link header (next.link) and the total in a header (total.header)")
	}
	if c.Next.Flag != "" && c.Next.LastFlag != "" {
		add("next.flag (true while more remain) and next.last-flag (true at the end) say the same thing twice: keep one")
	}
	if (c.Total.Kind == "capped" || c.Total.Kind == "gte") && c.Total.Cap <= 0 {
		add("a " + c.Total.Kind + " total needs total.cap, the largest number reported")
	}
	if (c.Total.Kind == "none" || c.Total.Kind == "exact") && c.Total.Cap > 0 {
		add("total.cap needs total `capped` or `gte`, not `" + c.Total.Kind + "`")
	}
	if c.Total.Relation != "" && c.Total.Kind != "gte" {
		add("total.relation needs total `gte`")
	}
	if c.Total.Kind == "none" && (c.Total.Field != "" || c.Total.Header != "" || c.Total.FirstPageOnly) {
		add("total `none` reports no total: drop total.field, total.header and total.first-page-only")
	}
	if c.Method == "GET" || c.Method == "" {
		for _, in := range []In{c.Offset, c.Page, c.Limit, c.After, c.Before} {
			if in.Where == "body" {
				add("`" + in.Name + "` is read from the body, which a GET request has none of: set method POST")
				break
			}
		}
	}
	for _, p := range c.Paths {
		if !strings.HasPrefix(p, "/") {
			add("a path starts with `/`, got `" + p + "`")
		}
	}
	return out
}

// reads is what the contract reads, for the editor's warnings.
func (c Contract) reads() *Reads {
	r := &Reads{Methods: []string{c.Method}, Paths: c.Paths}
	for _, in := range []In{c.Offset, c.Page, c.Limit, c.After, c.Before} {
		switch {
		case in.Name == "":
		case in.Where == "body":
			r.Body = append(r.Body, in.Name)
		case in.Where == "header":
			r.Headers = append(r.Headers, in.Name)
		default:
			r.Params = append(r.Params, in.Name)
		}
	}
	return r
}

// registerContract registers a catalogue contract: p's Name, Vendor,
// Summary, Source, URL and Rules, served by the contract.
func registerContract(p *Profile, c Contract) {
	c = c.withDefaults()
	contractProfile(p, c)
	register(p)
}

// contractProfile makes p serve c (already with its defaults).
func contractProfile(p *Profile, c Contract) *Profile {
	p.First = c.Method + " " + c.Paths[0]
	p.Reads = c.reads()
	if p.Options == nil {
		p.Options = rateOptions()
	}
	p.New = func(*Options) Server { return &contractServer{c: c} }
	return p
}

type contractServer struct{ c Contract }

// read reads a parameter where the contract reads it.
func (s *contractServer) read(req *Request, in In) (string, bool) {
	switch in.Where {
	case "header":
		v := req.HeaderValue(in.Name)
		return v, v != ""
	case "body":
		if req.Body == "" {
			return "", false
		}
		b, err := json.Parse(req.Body)
		if err != nil {
			return "", false
		}
		v, ok := b.Get(in.Name)
		if !ok || v.Kind == json.Null {
			return "", false
		}
		return v.Str, true
	}
	return req.Param(in.Name)
}

// refuse answers a refusal in the contract's error shape.
func (s *contractServer) refuse(w *World, status int, msg string) *Response {
	r := refuse(w, status, msg)
	r.Fields = nestFields([]pathVal{{s.c.ErrorField, Str(msg)}})
	return r
}

// number reads a whole-number parameter: def when absent; bad says why a
// value is refused, after the contract's Invalid rule (fallback: use def).
func (s *contractServer) number(req *Request, in In, def int64, min int64) (n int64, status int, bad string) {
	v, ok := s.read(req, in)
	if !ok {
		return def, 0, ""
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err == nil && n >= min {
		return n, 0, ""
	}
	switch s.c.Invalid {
	case "default":
		return def, 0, ""
	case "404":
		return 0, 404, in.Name + "=" + v + " names no page"
	}
	if err != nil {
		return 0, s.c.ErrorStatus, in.Name + " must be a whole number, got " + quote(v)
	}
	return 0, s.c.ErrorStatus, in.Name + " must be at least " + itoa(min) + ", got " + itoa(n)
}

func (s *contractServer) Serve(w *World, req *Request) *Response {
	c := &s.c
	if !containsString(c.Paths, req.Path) {
		return s.refuse(w, 404, "no list at "+req.Path+": this API serves "+strings.Join(c.Paths, ", "))
	}
	if req.Method != c.Method {
		return s.refuse(w, 405, req.Method+" is not allowed here: the list is read with "+c.Method)
	}
	limit, status, bad := s.number(req, c.Limit, c.LimitDefault, 1)
	if bad != "" {
		return s.refuse(w, status, bad)
	}
	var note string
	if limit > c.LimitMax {
		switch c.OverMax {
		case "refuse":
			return s.refuse(w, c.ErrorStatus, c.Limit.Name+"="+itoa(limit)+" is above the maximum of "+itoa(c.LimitMax))
		case "default":
			note = c.Limit.Name + "=" + itoa(limit) + " is above the maximum of " + itoa(c.LimitMax) + ": the server used the default, " + itoa(c.LimitDefault)
			limit = c.LimitDefault
		default:
			note = c.Limit.Name + "=" + itoa(limit) + " is above the maximum of " + itoa(c.LimitMax) + ": the server clamped it to " + itoa(c.LimitMax)
			limit = c.LimitMax
		}
	}
	if c.Base == "cursor" {
		return s.serveCursor(w, req, limit, note)
	}
	n := w.Len()
	var off, page int64
	at := func(o int64) string { return c.Offset.Name + "=" + itoa(o) }
	if c.Base == "page" {
		page, status, bad = s.number(req, c.Page, c.FirstPage, c.FirstPage)
		if bad != "" {
			return s.refuse(w, status, bad)
		}
		off = mulSat(page-c.FirstPage, limit)
		first := c.FirstPage
		at = func(o int64) string { return "page " + itoa(o/limit+first) }
	} else {
		off, status, bad = s.number(req, c.Offset, 0, 0)
		if bad != "" {
			return s.refuse(w, status, bad)
		}
	}
	if c.Window > 0 && addSat(off, limit) > c.Window {
		msg := c.WindowMessage
		if msg == "" {
			msg = "offset + limit = " + itoa(addSat(off, limit)) + " is above the window of " + itoa(c.Window) + " records"
		}
		return s.refuse(w, c.WindowStatus, msg)
	}
	if off >= n && off > 0 {
		switch c.PastEnd {
		case "404":
			return s.refuse(w, 404, at(off)+" is past the end of the list ("+plural(n, "record")+")")
		case "last":
			last := max(0, (n-1)/limit*limit)
			note = join(note, at(off)+" is past the end: the server answered with the last page, "+at(last))
			off, page = last, last/limit+c.FirstPage
		}
	}
	items := w.Page(off, limit)
	more := addSat(off, int64(len(items))) < n
	resp := &Response{
		Status: 200, Items: items, Reason: note, Position: -1,
		Cost:   offsetCost(off, int64(len(items)), n),
		Served: &Served{Offset: off, Limit: limit, At: at},
	}
	if len(items) > 0 {
		resp.Position = off
	}
	target := func(o int64) string {
		set := []Param{{Name: c.Limit.Name, Value: itoa(limit)}}
		if c.Base == "page" {
			set = append(set, Param{Name: c.Page.Name, Value: itoa(o/limit + c.FirstPage)})
		} else {
			set = append(set, Param{Name: c.Offset.Name, Value: itoa(o)})
		}
		return c.Next.LinkBase + withParams(req.Path, req.Query, set...)
	}
	var fields []pathVal
	var links []linkheader.Link
	for _, rel := range c.Next.Link {
		switch {
		case rel == "next" && more:
			links = append(links, linkheader.Link{URL: target(off + limit), Rel: []string{"next"}})
		case rel == "prev" && off > 0:
			links = append(links, linkheader.Link{URL: target(max(0, off-limit)), Rel: []string{"prev"}})
		case rel == "first":
			links = append(links, linkheader.Link{URL: target(0), Rel: []string{"first"}})
		case rel == "last" && !c.Next.LastOmitted:
			links = append(links, linkheader.Link{URL: target(max(0, (n-1)/limit*limit)), Rel: []string{"last"}})
		}
	}
	if len(links) > 0 {
		resp.Header = append(resp.Header, Header{Name: "Link", Value: linkheader.Format(links)})
	}
	if c.Next.URL != "" {
		fields = s.end(fields, c.Next.URL, more, func() Val { return Str(target(off + limit)) })
	}
	s.finish(w, resp, fields, more, off == 0)
	return resp
}

// end writes a next URL or cursor, or the contract's way of saying there is none.
func (s *contractServer) end(fields []pathVal, path string, present bool, v func() Val) []pathVal {
	switch {
	case present:
		return append(fields, pathVal{path, v()})
	case s.c.Next.End == "empty":
		return append(fields, pathVal{path, Str("")})
	case s.c.Next.End == "null":
		return append(fields, pathVal{path, Null()})
	}
	return fields
}

// finish writes the flags, the total and the body, and says what the
// response reported.
func (s *contractServer) finish(w *World, resp *Response, fields []pathVal, more, first bool) {
	c := &s.c
	n := w.Len()
	if c.Next.Flag != "" {
		fields = append(fields, pathVal{c.Next.Flag, Bool(more)})
	}
	if c.Next.LastFlag != "" {
		fields = append(fields, pathVal{c.Next.LastFlag, Bool(!more)})
	}
	resp.Total = TotalReport{Kind: "absent", True: n}
	if c.Total.Kind != "none" && (first || !c.Total.FirstPageOnly) {
		reported, kind := n, "exact"
		if c.Total.Kind != "exact" && n >= c.Total.Cap {
			reported, kind = c.Total.Cap, "capped"
		}
		resp.Total = TotalReport{Kind: kind, Reported: reported, True: n}
		if c.Total.Field != "" {
			fields = append(fields, pathVal{c.Total.Field, Int(reported)})
		}
		if c.Total.Relation != "" {
			rel := "eq"
			if kind == "capped" {
				rel = "gte"
			}
			fields = append(fields, pathVal{c.Total.Relation, Str(rel)})
		}
		if c.Total.Header != "" {
			resp.Header = append(resp.Header, Header{Name: c.Total.Header, Value: itoa(reported)})
		}
	}
	switch {
	case len(c.Next.Link) > 0 || c.Next.URL != "":
		resp.HasNext = NextReport{Kind: "link", Reported: more, True: more}
	case c.Next.Cursor != "":
		resp.HasNext = NextReport{Kind: "cursor", Reported: more, True: more}
	case c.Next.Flag != "" || c.Next.LastFlag != "":
		resp.HasNext = NextReport{Kind: "flag", Reported: more, True: more}
	case resp.Total.Kind == "exact":
		resp.HasNext = NextReport{Kind: "total", Reported: more, True: more}
	default:
		resp.HasNext = NextReport{Kind: "none", Reported: more, True: more}
	}
	if c.IDPrefix != "" {
		prefix := c.IDPrefix
		resp.IDString = func(id int64) string { return prefix + itoa(id) }
	}
	if c.Bare {
		resp.Bare = true
		return
	}
	if !strings.Contains(c.Items, ".") {
		resp.ItemsKey = c.Items
		resp.Fields = nestFields(fields)
		return
	}
	// Records under a nested path: written into the nested object.
	resp.IDName = "id"
	items := &json.Writer{}
	writeItems(items, resp)
	resp.Fields = nestFields(append([]pathVal{{c.Items, Raw(string(items.B))}}, fields...))
}

func (s *contractServer) serveCursor(w *World, req *Request, limit int64, note string) *Response {
	c := &s.c
	after, hasAfter := s.read(req, c.After)
	before, hasBefore := s.read(req, c.Before)
	if hasAfter && hasBefore {
		return s.refuse(w, c.ErrorStatus, c.After.Name+" and "+c.Before.Name+" exclude each other: send one")
	}
	tag := "contract:" + req.Path
	resp := &Response{Status: 200, Reason: note, Walk: WalkFirst, Position: -1}
	var items []Record
	var pos int64
	var more, earlier bool
	var cur Cursor
	switch {
	case hasAfter:
		var why string
		if cur, why = readCursor(tag, after); why != "" {
			return s.refuse(w, c.ErrorStatus, why)
		}
		items, pos = w.After(cur, limit+1)
		more = int64(len(items)) > limit
		items = items[:min(int64(len(items)), limit)]
		earlier = pos > 0
		resp.Walk, resp.Cost.Seek = WalkContinue, true
	case hasBefore:
		var why string
		if cur, why = readCursor(tag, before); why != "" {
			return s.refuse(w, c.ErrorStatus, why)
		}
		items, pos = w.BeforeCursor(cur, limit+1)
		earlier = int64(len(items)) > limit
		if earlier {
			items, pos = items[1:], pos+1
		}
		more = pos+int64(len(items)) < w.Len()
		resp.Walk, resp.Cost.Seek = WalkContinue, true
	default:
		items = w.Page(0, limit+1)
		more = int64(len(items)) > limit
		items = items[:min(int64(len(items)), limit)]
	}
	resp.Items = items
	resp.Cost.Rows = int64(len(items))
	if len(items) > 0 {
		resp.Position = pos
	}
	next := func() Val {
		if len(items) > 0 {
			return Str(cursorToken(tag, w.CursorOf(items[len(items)-1])))
		}
		return Str(cursorToken(tag, w.Adjacent(cur, true)))
	}
	prev := func() Val {
		if len(items) > 0 {
			return Str(cursorToken(tag, w.CursorOf(items[0])))
		}
		return Str(cursorToken(tag, w.Adjacent(cur, false)))
	}
	var fields []pathVal
	hasNext := more && (len(items) > 0 || hasBefore)
	hasPrev := earlier && (len(items) > 0 || hasAfter)
	if c.Next.Cursor != "" {
		fields = s.end(fields, c.Next.Cursor, hasNext, next)
	}
	if c.Next.PrevCursor != "" {
		fields = s.end(fields, c.Next.PrevCursor, hasPrev, prev)
	}
	at := func(v Val, param string) string {
		return c.Next.LinkBase + withParams(req.Path, req.Query, Param{Name: c.After.Name}, Param{Name: c.Before.Name}, Param{Name: param, Value: v.AsString()})
	}
	if c.Next.URL != "" {
		fields = s.end(fields, c.Next.URL, hasNext, func() Val { return Str(at(next(), c.After.Name)) })
	}
	var links []linkheader.Link
	for _, rel := range c.Next.Link {
		switch {
		case rel == "next" && hasNext:
			links = append(links, linkheader.Link{URL: at(next(), c.After.Name), Rel: []string{"next"}})
		case rel == "prev" && hasPrev:
			links = append(links, linkheader.Link{URL: at(prev(), c.Before.Name), Rel: []string{"prev"}})
		case rel == "first":
			links = append(links, linkheader.Link{URL: c.Next.LinkBase + withParams(req.Path, req.Query, Param{Name: c.After.Name}, Param{Name: c.Before.Name}), Rel: []string{"first"}})
		}
	}
	if len(links) > 0 {
		resp.Header = append(resp.Header, Header{Name: "Link", Value: linkheader.Format(links)})
	}
	s.finish(w, resp, fields, more, !hasAfter && !hasBefore)
	return resp
}

// Follow plays the contract's client: it reads only what the response says
// on the wire (the body as JSON, the Link header).
func (s *contractServer) Follow(prev *Request, last *Response, rel string) (*Request, bool, string) {
	c := &s.c
	if rel == "first" {
		drop := []string{c.Offset.Name, c.Page.Name, c.After.Name, c.Before.Name}
		if prev == nil || prev.Body != "" || c.Method != "GET" {
			method, target, _ := cutSpace(c.Method + " " + c.Paths[0])
			return request(method, target)
		}
		return firstRequest(prev, c.Method+" "+c.Paths[0], drop...)
	}
	if containsString(c.Next.Link, rel) {
		return followLink(prev, last, rel)
	}
	body, _ := json.Parse(string(responseBody(last)))
	if c.Next.URL != "" && rel == "next" {
		v, ok := jsonPath(body, c.Next.URL)
		if !ok || v.Kind != json.String || v.Str == "" {
			return nil, false, "no next page: " + c.Next.URL + " is " + describeEnd(v, ok)
		}
		return request(prev.Method, v.Str)
	}
	if c.Base == "cursor" {
		field, param, other := c.Next.Cursor, c.After, c.Before
		if rel == "prev" {
			field, param, other = c.Next.PrevCursor, c.Before, c.After
		}
		if field == "" {
			return nil, false, "the contract offers no " + rel + " cursor"
		}
		v, ok := jsonPath(body, field)
		if !ok || v.Kind != json.String || v.Str == "" {
			return nil, false, "no " + rel + " page: " + field + " is " + describeEnd(v, ok)
		}
		return s.set(prev, []In{other, param}, []string{"", v.Str})
	}
	// offset and page: the client computes the next position.
	limit := int64(len(last.Items))
	if v, ok := s.read(prev, c.Limit); ok {
		if n, err := strconv.ParseInt(v, 10, 64); err == nil && n > 0 {
			limit = min(n, c.LimitMax)
		}
	} else {
		limit = c.LimitDefault
	}
	var off int64
	if c.Base == "page" {
		p, _ := s.read(prev, c.Page)
		page, err := strconv.ParseInt(p, 10, 64)
		if err != nil {
			page = c.FirstPage
		}
		off = (page - c.FirstPage) * limit
	} else {
		o, _ := s.read(prev, c.Offset)
		off, _ = strconv.ParseInt(o, 10, 64)
	}
	switch rel {
	case "next":
		if why := s.noNext(body, last, off, limit); why != "" {
			return nil, false, why
		}
		off += limit
	case "prev":
		if off <= 0 {
			return nil, false, "no previous page: this is the first"
		}
		off = max(0, off-limit)
	}
	if c.Base == "page" {
		return s.set(prev, []In{c.Page, c.Limit}, []string{itoa(off/limit + c.FirstPage), itoa(limit)})
	}
	return s.set(prev, []In{c.Offset, c.Limit}, []string{itoa(off), itoa(limit)})
}

// noNext is why an offset or page client sees no next page, or "".
func (s *contractServer) noNext(body json.Value, last *Response, off, limit int64) string {
	c := &s.c
	if c.Next.Flag != "" {
		if v, ok := jsonPath(body, c.Next.Flag); !ok || v.Kind != json.Bool || !v.Bool {
			return "no next page: " + c.Next.Flag + " is not true"
		}
		return ""
	}
	if c.Next.LastFlag != "" {
		if v, ok := jsonPath(body, c.Next.LastFlag); !ok || v.Kind != json.Bool || v.Bool {
			return "no next page: " + c.Next.LastFlag + " is not false"
		}
		return ""
	}
	if c.Total.Kind != "none" {
		var t int64
		var ok bool
		if c.Total.Field != "" {
			if v, found := jsonPath(body, c.Total.Field); found {
				t, ok = v.Int()
			}
		} else if h := last.HeaderValue(c.Total.Header); h != "" {
			n, err := strconv.ParseInt(h, 10, 64)
			t, ok = n, err == nil
		}
		if ok {
			if off+limit >= t {
				return "no next page: " + itoa(off) + " + " + itoa(limit) + " reaches the total " + itoa(t)
			}
			return ""
		}
	}
	if int64(len(last.Items)) < limit {
		return "no next page: the page was not full"
	}
	return ""
}

// set returns prev with the parameters set where the contract reads them
// ("" removes one).
func (s *contractServer) set(prev *Request, ins []In, vals []string) (*Request, bool, string) {
	var q []Param
	var members []edit
	req := *prev
	req.Header = append([]Header(nil), prev.Header...)
	for i, in := range ins {
		switch in.Where {
		case "body":
			var v *json.Value
			if vals[i] != "" {
				if _, err := strconv.ParseInt(vals[i], 10, 64); err == nil {
					v = jsonInt(mustInt(vals[i]))
				} else {
					v = &json.Value{Kind: json.String, Str: vals[i]}
				}
			}
			members = append(members, edit{in.Name, v})
		case "header":
			req.Header = mergeHeaders(req.Header, []Header{{Name: in.Name, Value: vals[i]}})
		default:
			q = append(q, Param{Name: in.Name, Value: vals[i]})
		}
	}
	if len(members) > 0 {
		body, err := json.Parse(prev.Body)
		if err != nil || body.Kind != json.Object {
			body = json.Value{Kind: json.Object}
		}
		req.Body = string(appendJSONValue(nil, withMembers(body, members...)))
	}
	req.Query = setParams(prev.Query, q...)
	req.Target = reqtarget.String(prev.Path, req.Query)
	return &req, true, ""
}

func mustInt(s string) int64 {
	n, _ := strconv.ParseInt(s, 10, 64)
	return n
}

func describeEnd(v json.Value, ok bool) string {
	switch {
	case !ok:
		return "absent"
	case v.Kind == json.Null:
		return "null"
	case v.Kind == json.String:
		return "empty"
	}
	return "not a string"
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// jsonPath follows a dotted path of member names ("hits.total.value").
func jsonPath(v json.Value, path string) (json.Value, bool) {
	for _, name := range strings.Split(path, ".") {
		var ok bool
		if v, ok = v.Get(name); !ok {
			return json.Value{}, false
		}
	}
	return v, true
}

// pathVal is a body value at a dotted path.
type pathVal struct {
	path string
	val  Val
}

// nestFields turns dotted paths into top-level fields, nesting the rest as
// raw JSON objects in the order the paths come.
func nestFields(pvs []pathVal) []Field {
	var out []Field
	var groups []string
	for _, pv := range pvs {
		head, _, nested := strings.Cut(pv.path, ".")
		if !nested {
			out = append(out, Field{Name: head, Value: pv.val})
			continue
		}
		if !containsString(groups, head) {
			groups = append(groups, head)
			out = append(out, Field{Name: head})
		}
	}
	for _, g := range groups {
		var inner []pathVal
		for _, pv := range pvs {
			if head, rest, ok := strings.Cut(pv.path, "."); ok && head == g {
				inner = append(inner, pathVal{rest, pv.val})
			}
		}
		w := &json.Writer{}
		w.Open('{')
		for _, f := range nestFields(inner) {
			w.Key(f.Name)
			writeVal(w, f.Value)
		}
		w.Close('}')
		for i := range out {
			if out[i].Name == g && out[i].Value.kind == 0 {
				out[i].Value = Raw(string(w.B))
			}
		}
	}
	return out
}
