package sim

// Elasticsearch's search API: from and size up to index.max_result_window,
// search_after with the last hit's sort values, a point in time (a frozen
// view with keep_alive), and hits.total with a relation ("gte" above
// track_total_hits).

const (
	esClose  = "Elasticsearch: Close a point in time"
	esURL    = "https://www.elastic.co/docs/reference/elasticsearch/rest-apis/paginate-search-results"
	esFirst  = `POST /my-index/_search {"size":10,"sort":[{"created":"desc"},{"_id":"asc"}]}`
	esSource = "Elasticsearch: Paginate search results"
	esPIT    = "Elasticsearch: Open a point in time"
)

// The interpretations, each one sentence of why.
const (
	esErrorInterp  = "Errors take Elasticsearch's shape, {\"error\":{\"root_cause\":[{\"type\",\"reason\"}],\"type\",\"reason\"},\"status\":400}, with the reasons its users quote."
	esClientInterp = "Elasticsearch sends no next-page signal: the client here pages from/size while from + size < hits.total.value, and search_after while a page comes back full."
	esSortInterp   = "The index is sorted by the scenario's sort line: with its id tiebreaker the sort values are [created, id]; without it [created] only, and search_after skips the hits that share the last value."
	esPITInterp    = "One tick is a second of keep_alive; a search naming a point in time on an index's path is refused with our words; the _shard_doc value is the hit's position in the point in time (one shard), so ties keep the order they have there; an id it never issued is taken for a closed one, and DELETE /_pit without a body is refused as one without an id (Elasticsearch says \"request body or source parameter is required\")."
)

func init() {
	illegal := func(kind, msg string) errorRule {
		return errorRule{Kind: kind, Code: "illegal_argument_exception", Message: msg}
	}
	// A request refused before it reaches a shard: the error is the cause itself.
	rest := func(code, kind, msg string) errorRule {
		return errorRule{Kind: kind, Code: code, Message: msg, Body: `{"error":{"root_cause":[{"type":{code},"reason":{message}}],"type":{code},"reason":{message}},"status":{status}}`}
	}
	registerContract(&Profile{
		Name: "elasticsearch", Vendor: "Elasticsearch", Source: esSource, URL: esURL,
	}, contract{
		Base: "offset", Method: "POST", Also: "GET", Paths: []string{"/my-index/_search", "/_search"}, First: esFirst,
		Offset: paramIn{Name: "from", Where: "both"}, Limit: paramIn{Name: "size", Where: "both"},
		After:        paramIn{Name: "search_after", Where: "body"},
		Params:       []string{"query", "_source", "pit", "keep_alive"},
		LimitDefault: 10, LimitMax: 10000, OverMax: "refuse", LimitZero: "empty",
		Items: "hits.hits", Values: "sort",
		Record: `{"_index":"my-index","_id":"{id}","_score":null,"_source":{"created":{created}},"sort":{sort}}`,
		Const:  []fixedMember{{Path: "took", JSON: "1"}, {Path: "timed_out", JSON: "false"}, {Path: "hits.max_score", JSON: "null"}},
		Total:  totalRule{Kind: "gte", Cap: 10000, Field: "hits.total.value", Relation: "hits.total.relation", Track: paramIn{Name: "track_total_hits"}},
		Window: 10000,
		WindowMessage: "Result window is too large, from + size must be less than or equal to: [{window}] but was [{value}]. See the scroll api for a more efficient way to request large data sets. " +
			"This limit can be set by changing the [index.max_result_window] index level setting.",
		Snap:      snapshot{Param: paramIn{Name: "pit.id", Where: "body"}, Field: "pit_id", Open: "/my-index/_pit", Close: "/_pit", Path: "/_search", Keep: "keep_alive", Tiebreak: true},
		ErrorBody: `{"error":{"root_cause":[{"type":{code},"reason":{message}}],"type":"search_phase_execution_exception","reason":"all shards failed"},"status":{status}}`,
		Errors: []errorRule{
			illegal("window", ""), illegal("both", ""), illegal("cursor", ""),
			rest("illegal_argument_exception", "number", "[{name}] must be a whole number, got [{value}]"),
			rest("illegal_argument_exception", "position", "[{name}] parameter cannot be negative but was [{value}]"),
			rest("illegal_argument_exception", "size", "[{name}] parameter cannot be negative, found [{value}]"),
			rest("action_request_validation_exception", "keep-alive", ""),
			rest("illegal_argument_exception", "close", ""),
			illegal("over-max", "Result window is too large, from + size must be less than or equal to: [{max}] but was [{value}]."),
			{Kind: "snapshot", Code: "search_context_missing_exception", Message: "No search context found for id [{value}]"},
			// RestController.handleUnsupportedHttpMethod: a bare string error.
			{Kind: "method", Message: "Incorrect HTTP method for uri [{uri}] and method [{value}], allowed: [{allow}]", Body: `{"error":{message},"status":{status}}`},
		},
		Interp: interps{Error: esErrorInterp},
	})
}
