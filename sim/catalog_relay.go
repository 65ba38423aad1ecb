//go:build !js

package sim

import (
	"strconv"
	"strings"

	"pagingplayground/internal/json"
)

// GraphQL Relay cursor connections as graphql-relay-js serves them
// (connectionFromArraySlice): first/after and last/before in the variables of
// a POST, edges with cursors and pageInfo out. The reference implementation's
// cursors are offsets, base64("arrayconnection:" + offset).

const (
	relayURL    = "https://relay.dev/graphql/connections.htm"
	relayFirst  = `POST /graphql {"query":"query($first:Int,$after:String){items(first:$first,after:$after){edges{cursor node{id}}pageInfo{hasNextPage endCursor}}}","variables":{"first":10}}`
	relaySource = "GraphQL Cursor Connections Specification (Relay), and graphql-relay-js's connectionFromArraySlice"
)

// The interpretations, each one sentence of why.
const (
	relayVarsInterp  = "The server reads first, after, last and before from the request's variables; the query text is not parsed (it names the items connection)."
	relayErrorInterp = "GraphQL errors come with HTTP 200: {\"errors\":[{\"message\":...}],\"data\":{\"items\":null}}."
)

func init() {
	registerCatalog(&Profile{
		Name: "relay", Vendor: "GraphQL", Source: relaySource, URL: relayURL,
		Summary: "POST /graphql with first/after or last/before: edges with cursors, pageInfo; graphql-relay-js's offset cursors (\"arrayconnection:N\") drift when items are added",
		First:   relayFirst,
		Options: rateOptions(),
		Rules: []RuleNote{
			{Text: "A connection takes first and after to page forward, last and before to page backward; the response has edges (cursor and node) and pageInfo (hasNextPage, hasPreviousPage, startCursor, endCursor).", Source: "Relay connection spec: \"first\", \"after\", \"last\", \"before\"; PageInfo"},
			{Text: "after and before cut the list first (a cursor that points outside the list cuts nothing), then first keeps the head and last the tail.", Source: "graphql-relay-js arrayConnection.ts: \"if (0 <= afterOffset && afterOffset < arrayLength) startOffset = Math.max(startOffset, afterOffset + 1)\"; \"endOffset = Math.min(endOffset, startOffset + first)\"; \"startOffset = Math.max(startOffset, endOffset - last)\""},
			{Text: "A negative first or last is an error.", Source: "graphql-relay-js: \"Argument \\\"first\\\" must be a non-negative integer\""},
			{Text: "hasNextPage is computed only when first is given and hasPreviousPage only when last is given; otherwise they are false, whatever remains.", Source: "graphql-relay-js: \"hasPreviousPage: typeof last === 'number' ? startOffset > lowerBound : false, hasNextPage: typeof first === 'number' ? endOffset < upperBound : false\""},
			{Text: "startCursor and endCursor are null on an empty page.", Source: "graphql-relay-js: \"startCursor: firstEdge ? firstEdge.cursor : null\""},
			{Text: "Cursors are offsets, base64 of \"arrayconnection:\" and the index: items added or removed between pages shift them, as offset paging does; an unreadable cursor is ignored.", Source: "graphql-relay-js: \"It uses array offsets as pagination, so pagination will only work if the array is static.\"; getOffsetWithDefault"},
			{Text: relayVarsInterp, Interpretation: true},
			{Text: relayErrorInterp, Interpretation: true},
		},
		New: func(o *Options) Server { return &relayServer{o: o, walks: offsetWalks{}} },
	})
}

type relayServer struct {
	o     *Options
	walks offsetWalks
}

const relayPrefix = "arrayconnection:"

func relayCursor(offset int64) string { return base64Encode(relayPrefix + itoa(offset)) }

// relayOffset is getOffsetWithDefault: the cursor's offset, or def when it
// is not a cursor (parseInt of what follows the prefix, NaN → def).
func relayOffset(cursor *json.Value, def int64) int64 {
	if cursor == nil || cursor.Kind != json.String {
		return def
	}
	s, ok := base64Decode(cursor.Str)
	if !ok || len(s) < len(relayPrefix) {
		return def
	}
	n, ok := readNumber("js", s[len(relayPrefix):])
	if !ok {
		return def
	}
	return n
}

func relayError(w *World, msg string) *Response {
	r := refuse(w, 200, msg)
	r.Refused = true
	r.Fields = []Field{{"errors", Raw(`[{"message":` + string(jsonString(msg)) + `}]`)}, {"data", Raw(`{"items":null}`)}}
	r.Interp = relayErrorInterp
	return r
}

// relayVars reads the variables: first and last as numbers (nil when
// absent or null), after and before as values.
type relayVars struct {
	body          json.Value
	first, last   *int64
	after, before *json.Value
}

func readRelayVars(req *Request) (v relayVars, bad string) {
	v.body = json.Value{Kind: json.Object}
	if req.Body != "" {
		var err error
		if v.body, err = json.Parse(req.Body); err != nil || v.body.Kind != json.Object {
			return v, "Must provide a JSON body with query and variables"
		}
	}
	vars, _ := v.body.Get("variables")
	num := func(name string) (*int64, string) {
		x, ok := vars.Get(name)
		if !ok || x.Kind == json.Null {
			return nil, ""
		}
		n, ok := x.Int()
		if !ok {
			return nil, "Variable \"$" + name + "\" got invalid value " + string(appendJSONValue(nil, x)) + "; Int cannot represent non-integer value"
		}
		return &n, ""
	}
	if v.first, bad = num("first"); bad != "" {
		return
	}
	if v.last, bad = num("last"); bad != "" {
		return
	}
	for _, c := range []struct {
		name string
		dst  **json.Value
	}{{"after", &v.after}, {"before", &v.before}} {
		if x, ok := vars.Get(c.name); ok && x.Kind != json.Null {
			x := x
			*c.dst = &x
		}
	}
	return v, ""
}

func (s *relayServer) Serve(w *World, req *Request) *Response {
	v, bad := readRelayVars(req)
	if bad != "" {
		return relayError(w, bad)
	}
	n := w.Len()
	// connectionFromArraySlice over the whole list (sliceStart 0).
	start, end := int64(0), n
	afterOffset := relayOffset(v.after, -1)
	if 0 <= afterOffset && afterOffset < n {
		start = max(start, afterOffset+1)
	}
	beforeOffset := relayOffset(v.before, end)
	if 0 <= beforeOffset && beforeOffset < n {
		end = min(end, beforeOffset)
	}
	if v.first != nil {
		if *v.first < 0 {
			return relayError(w, `Argument "first" must be a non-negative integer`)
		}
		end = min(end, addSat(start, *v.first))
	}
	if v.last != nil {
		if *v.last < 0 {
			return relayError(w, `Argument "last" must be a non-negative integer`)
		}
		start = max(start, end-*v.last)
	}
	var items []Record
	if end > start {
		items = w.Page(start, min(end-start, MaxPageSize))
	}
	lower, upper := int64(0), n
	if v.after != nil {
		lower = afterOffset + 1
	}
	if v.before != nil {
		upper = beforeOffset
	}
	hasPrev := v.last != nil && start > lower
	hasNext := v.first != nil && end < upper
	b := &json.Writer{}
	b.Open('{')
	b.Key("items")
	b.Open('{')
	b.Key("edges")
	b.Open('[')
	for i, r := range items {
		b.Open('{')
		b.Key("cursor")
		b.Str(relayCursor(start + int64(i)))
		b.Key("node")
		b.Open('{')
		b.Key("id")
		b.Str(itoa(r.ID))
		b.Key("created")
		b.Int(r.Created)
		b.Close('}')
		b.Close('}')
	}
	b.Close(']')
	b.Key("pageInfo")
	b.Open('{')
	cursorOrNull := func(i int) {
		if len(items) == 0 {
			b.Null()
		} else {
			b.Str(relayCursor(start + int64(i)))
		}
	}
	b.Key("startCursor")
	cursorOrNull(0)
	b.Key("endCursor")
	cursorOrNull(len(items) - 1)
	b.Key("hasPreviousPage")
	b.Bool(hasPrev)
	b.Key("hasNextPage")
	b.Bool(hasNext)
	b.Close('}')
	b.Close('}')
	b.Close('}')
	resp := &Response{Status: 200, Items: items, Position: -1, Interp: relayVarsInterp,
		Fields: []Field{{"data", Raw(string(b.B))}}}
	resp.Total = TotalReport{Kind: "absent", True: n}
	truth := start+int64(len(items)) < n
	reported := hasNext
	if v.last != nil && v.first == nil {
		truth, reported = start > 0, hasPrev // paging backward
	}
	resp.HasNext = NextReport{Kind: "flag", Reported: reported, True: truth}
	resp.Cost = offsetCost(start, int64(len(items)), n)
	size := int64(len(items))
	if v.first != nil {
		size = max(*v.first, 1)
	} else if v.last != nil {
		size = max(*v.last, 1)
	}
	var why string
	resp.Walk, why = s.walks.role(req, start, size, func(o int64) string { return "offset " + itoa(o) })
	resp.Reason = why
	if len(items) > 0 {
		resp.Position = start
	}
	return resp
}

func (s *relayServer) Follow(prev *Request, last *Response, rel string) (*Request, bool, string) {
	if prev == nil {
		return requestLine(relayFirst)
	}
	v, _ := readRelayVars(prev)
	data, _ := last.Field("data")
	d, _ := json.Parse(data.AsString())
	conn, _ := d.Get("items")
	info, _ := conn.Get("pageInfo")
	get := func(name string) json.Value { x, _ := info.Get(name); return x }
	vars, _ := v.body.Get("variables")
	backward := v.last != nil && v.first == nil
	var set []edit
	switch {
	case rel == "first":
		set = []edit{{"after", nil}, {"before", nil}}
	case (rel == "next") != backward: // forward
		if !get("hasNextPage").Bool {
			return nil, false, "no " + rel + " page: pageInfo.hasNextPage is false" + cond(backward, " (it is only computed when paging with first)", "")
		}
		c := get("endCursor")
		set = []edit{{"before", nil}, {"after", &c}}
	default: // backward
		if !get("hasPreviousPage").Bool {
			return nil, false, "no " + rel + " page: pageInfo.hasPreviousPage is false" + cond(!backward, " (it is only computed when paging with last)", "")
		}
		c := get("startCursor")
		set = []edit{{"after", nil}, {"before", &c}}
	}
	newVars := withMembers(vars, set...)
	if vars.Kind != json.Object {
		newVars = withMembers(json.Value{Kind: json.Object}, set...)
	}
	r, ok, why := request(prev.Method, prev.Target)
	if ok {
		r.Body = string(appendJSONValue(nil, withMembers(v.body, edit{"variables", &newVars})))
	}
	return r, ok, why
}

// relayOffsetOf is the offset a cursor names, for tests and notes.
func relayOffsetOf(cursor string) (int64, bool) {
	s, ok := base64Decode(cursor)
	if !ok || !strings.HasPrefix(s, relayPrefix) {
		return 0, false
	}
	n, err := strconv.ParseInt(s[len(relayPrefix):], 10, 64)
	return n, err == nil
}
