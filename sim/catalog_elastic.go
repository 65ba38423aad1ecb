//go:build !js

package sim

import (
	"strconv"

	"pagingplayground/internal/json"
)

// Elasticsearch's search API: from and size up to index.max_result_window,
// search_after with the last hit's sort values, and hits.total with a
// relation ("gte" above track_total_hits).

const (
	esURL    = "https://www.elastic.co/docs/reference/elasticsearch/rest-apis/paginate-search-results"
	esFirst  = `POST /my-index/_search {"size":10,"sort":[{"created":"desc"},{"_id":"asc"}]}`
	esSource = "Elasticsearch: Paginate search results"
)

// The interpretations, each one sentence of why.
const (
	esErrorInterp  = "Errors take Elasticsearch's shape, {\"error\":{\"root_cause\":[{\"type\",\"reason\"}],\"type\",\"reason\"},\"status\":400}, with the reasons its users quote."
	esClientInterp = "Elasticsearch sends no next-page signal: the client here pages from/size while from + size < hits.total.value, and search_after while a page comes back full."
	esSortInterp   = "The index is sorted by the scenario's sort line: with its id tiebreaker the sort values are [created, id]; without it [created] only, and search_after skips the hits that share the last value."
)

func init() {
	registerCatalog(&Profile{
		Name: "elasticsearch", Vendor: "Elasticsearch", Source: esSource, URL: esURL,
		Summary: `POST /_search {"from","size"} (10 by default, from + size at most 10,000) or {"search_after":[…]}; hits.total {value, relation:"gte"} above 10,000`,
		First:   esFirst,
		Options: append([]OptionSpec{
			{Name: "window", Default: "10000", Help: "index.max_result_window: the largest from + size", Min: 1, Max: 1_000_000_000},
			{Name: "track-total-hits", Default: "10000", Help: "track_total_hits: totals are exact up to this many hits, then a lower bound (relation gte); 0 counts exactly", Min: 0, Max: 1_000_000_000},
			{Name: "client", Default: "from-size", Help: "how the client's next/walk pages: from-size (from += size while from + size < hits.total.value) or search-after (the last hit's sort values while pages come back full)", Enum: []string{"from-size", "search-after"}},
		}, rateOptions()...),
		Rules: []RuleNote{
			{Text: "Searches return the top 10 hits; from is the number of hits to skip (0 by default), size the most to return.", Source: esSource + ": \"By default, searches return the top 10 matching hits.\"; \"The from parameter defines the number of hits to skip, defaulting to 0. The size parameter is the maximum number of hits to return.\""},
			{Text: "from + size may not exceed index.max_result_window (10,000): deeper pages are a 400 \"Result window is too large\".", Source: esSource + ": \"By default, you cannot use from and size to page through more than 10,000 hits. This limit is a safeguard set by the index.max_result_window index setting.\""},
			{Text: "search_after continues after the sort values of the previous page's last hit; from must be 0 with it, and it needs a sort.", Source: esSource + ": \"You can use the search_after parameter to retrieve the next page of hits using a set of sort values from the previous page.\""},
			{Text: "hits.total is exact up to track_total_hits (10,000 by default), then {\"value\": 10000, \"relation\": \"gte\"}: a lower bound, not the count.", Source: "Elasticsearch: Search API, track_total_hits (\"Defaults to 10,000\"); hits.total.relation \"gte\""},
			{Text: "Pages by from are offsets: documents indexed or deleted between pages shift them.", Source: esSource + ": \"Avoid using from and size to page too deeply\""},
			{Text: esSortInterp, Interpretation: true},
			{Text: esClientInterp, Interpretation: true},
			{Text: esErrorInterp, Interpretation: true},
			{Text: "Not simulated: point in time (a frozen view with keep_alive) and scroll."},
		},
		New: func(o *Options) Server { return &esServer{o: o, walks: offsetWalks{}} },
	})
}

type esServer struct {
	o     *Options
	walks offsetWalks
}

func esError(w *World, typ, reason string) *Response {
	r := refuse(w, 400, reason)
	b := &json.Writer{}
	b.Open('{')
	b.Key("root_cause")
	b.Open('[')
	b.Open('{')
	b.Key("type")
	b.Str(typ)
	b.Key("reason")
	b.Str(reason)
	b.Close('}')
	b.Close(']')
	b.Key("type")
	b.Str("search_phase_execution_exception")
	b.Key("reason")
	b.Str("all shards failed")
	b.Close('}')
	r.Fields = []Field{{"error", Raw(string(b.B))}, {"status", Int(400)}}
	r.Interp = esErrorInterp
	return r
}

// esBody reads the search body: from, size, search_after.
type esQuery struct {
	body         json.Value
	from, size   int64
	searchAfter  []int64
	hasAfter     bool
	hasSort      bool
	trackExactly bool
}

func (s *esServer) read(req *Request) (q esQuery, typ, bad string) {
	q.body, q.size = json.Value{Kind: json.Object}, 10
	if req.Body != "" {
		var err error
		if q.body, err = json.Parse(req.Body); err != nil || q.body.Kind != json.Object {
			return q, "parsing_exception", "request body must be a JSON object"
		}
	}
	num := func(name string, def int64) (int64, string) {
		if v, ok := q.body.Get(name); ok {
			n, ok := v.Int()
			if !ok {
				return 0, "[" + name + "] must be a whole number"
			}
			return n, ""
		}
		if v, ok := req.Param(name); ok {
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil {
				return 0, "[" + name + "] must be a whole number"
			}
			return n, ""
		}
		return def, ""
	}
	if q.from, bad = num("from", 0); bad != "" {
		return q, "illegal_argument_exception", bad
	}
	if q.size, bad = num("size", 10); bad != "" {
		return q, "illegal_argument_exception", bad
	}
	if q.from < 0 {
		return q, "illegal_argument_exception", "[from] parameter cannot be negative"
	}
	if q.size < 0 {
		return q, "illegal_argument_exception", "[size] parameter cannot be negative, found [" + itoa(q.size) + "]"
	}
	_, q.hasSort = q.body.Get("sort")
	if v, ok := q.body.Get("track_total_hits"); ok && v.Kind == json.Bool && v.Bool {
		q.trackExactly = true
	}
	if v, ok := q.body.Get("search_after"); ok {
		if v.Kind != json.Array {
			return q, "parsing_exception", "[search_after] must be an array of sort values"
		}
		for _, it := range v.Items {
			n, ok := it.Int()
			if !ok {
				return q, "illegal_argument_exception", "search_after values must be the sort values of a hit"
			}
			q.searchAfter = append(q.searchAfter, n)
		}
		q.hasAfter = true
	}
	return q, "", ""
}

func (s *esServer) Serve(w *World, req *Request) *Response {
	q, typ, bad := s.read(req)
	if bad != "" {
		return esError(w, typ, bad)
	}
	n := w.Len()
	sortLen := 2
	if !w.Tiebreak() {
		sortLen = 1
	}
	resp := &Response{Status: 200, Position: -1, Walk: WalkFirst}
	var items []Record
	var pos int64
	if q.hasAfter {
		switch {
		case !q.hasSort:
			return esError(w, "illegal_argument_exception", "[search_after] needs a sort")
		case q.from != 0:
			return esError(w, "illegal_argument_exception", "`from` parameter must be set to 0 when `search_after` is used.")
		case len(q.searchAfter) != sortLen:
			return esError(w, "illegal_argument_exception", "search_after has "+itoa(int64(len(q.searchAfter)))+" value(s) but sort has "+itoa(int64(sortLen))+".")
		}
		c := Cursor{Key: q.searchAfter[0], KeyOnly: sortLen == 1}
		if sortLen == 2 {
			c.ID = q.searchAfter[1]
		}
		items, pos = w.After(c, q.size)
		resp.Walk, resp.Cost.Seek, resp.Cost.Rows = WalkContinue, true, int64(len(items))
	} else {
		if window := s.o.Int("window"); addSat(q.from, q.size) > window {
			return esError(w, "illegal_argument_exception", "Result window is too large, from + size must be less than or equal to: ["+itoa(window)+"] but was ["+itoa(addSat(q.from, q.size))+"]. See the scroll api for a more efficient way to request large data sets. This limit can be set by changing the [index.max_result_window] index level setting.")
		}
		pos = q.from
		items = w.Page(q.from, q.size)
		resp.Cost = offsetCost(q.from, int64(len(items)), n)
		var why string
		resp.Walk, why = s.walks.role(req, q.from, max(q.size, 1), func(o int64) string { return "from=" + itoa(o) })
		resp.Reason = why
	}
	resp.Items = items
	value, relation := n, "eq"
	if track := s.o.Int("track-total-hits"); !q.trackExactly && track > 0 && n > track {
		value, relation = track, "gte"
		resp.Reason = join(resp.Reason, "hits.total is {value: "+itoa(track)+", relation: gte}: at least "+itoa(track)+" ("+itoa(n)+" now)")
	}
	hits := &json.Writer{}
	hits.Open('{')
	hits.Key("total")
	hits.Open('{')
	hits.Key("value")
	hits.Int(value)
	hits.Key("relation")
	hits.Str(relation)
	hits.Close('}')
	hits.Key("max_score")
	hits.Null()
	hits.Key("hits")
	hits.Open('[')
	for _, r := range items {
		hits.Open('{')
		hits.Key("_index")
		hits.Str("my-index")
		hits.Key("_id")
		hits.Str(itoa(r.ID))
		hits.Key("_score")
		hits.Null()
		hits.Key("_source")
		hits.Open('{')
		hits.Key("created")
		hits.Int(r.Created)
		hits.Close('}')
		hits.Key("sort")
		hits.Open('[')
		hits.Int(r.Key)
		if sortLen == 2 {
			hits.Int(r.ID)
		}
		hits.Close(']')
		hits.Close('}')
	}
	hits.Close(']')
	hits.Close('}')
	resp.Fields = []Field{{"took", Int(1)}, {"timed_out", Bool(false)}, {"hits", Raw(string(hits.B))}}
	kind := "exact"
	if relation == "gte" {
		kind = "capped"
	}
	resp.Total = TotalReport{Kind: kind, Reported: value, True: n}
	more := pos+int64(len(items)) < n
	reported := more
	if !q.hasAfter {
		reported = q.from+q.size < value
	} else {
		reported = int64(len(items)) == q.size && q.size > 0
	}
	resp.HasNext = NextReport{Kind: "total", Reported: reported, True: more}
	if len(items) > 0 {
		resp.Position = pos
	}
	return resp
}

func (s *esServer) Follow(prev *Request, last *Response, rel string) (*Request, bool, string) {
	if prev == nil {
		return requestLine(esFirst)
	}
	q, _, _ := s.read(prev)
	var set []edit
	switch rel {
	case "first":
		set = []edit{{"search_after", nil}, {"from", nil}}
	case "prev":
		if q.hasAfter || q.from == 0 {
			return nil, false, "no previous page: " + cond(q.hasAfter, "search_after only goes forward", "from is 0")
		}
		set = []edit{{"from", &json.Value{Kind: json.Number, Str: itoa(max(0, q.from-q.size))}}}
	case "next":
		hits, _ := last.Field("hits")
		h, _ := json.Parse(hits.AsString())
		list, _ := h.Get("hits")
		if q.hasAfter || s.o.Str("client") == "search-after" {
			if int64(len(list.Items)) < q.size || len(list.Items) == 0 {
				return nil, false, "no next page: the page came back with fewer than size hits"
			}
			sortVals, _ := list.Items[len(list.Items)-1].Get("sort")
			set = []edit{{"from", nil}, {"search_after", &sortVals}}
			break
		}
		total, _ := h.Get("total")
		value, _ := total.Get("value")
		relation, _ := total.Get("relation")
		v, _ := value.Int()
		if q.from+q.size >= v {
			return nil, false, "the client stops: from + size = " + itoa(q.from+q.size) + " reaches hits.total.value " + itoa(v) +
				cond(relation.Str == "gte", " (relation gte: a lower bound, not the count)", "")
		}
		set = []edit{{"from", &json.Value{Kind: json.Number, Str: itoa(q.from + q.size)}}}
	}
	r, ok, why := request(prev.Method, prev.Target)
	if ok {
		r.Body = string(appendJSONValue(nil, withMembers(q.body, set...)))
	}
	return r, ok, why
}
