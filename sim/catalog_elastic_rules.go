//go:build !js

package sim

// The summary and rules of each profile in catalog_elastic.go: native builds only
// (profileText says why).

var _ = profileText(&Profile{Name: "elasticsearch",
	Summary: `GET or POST /_search {"from","size"} (10 by default, from + size at most 10,000) or {"search_after":[…]}, in a point in time; hits.total {value, relation:"gte"} above 10,000`,
	Rules: []RuleNote{
		{Text: "Searches return the top 10 hits; from is the number of hits to skip (0 by default), size the most to return.", Source: esSource + ": \"By default, searches return the top 10 matching hits.\"; \"The from parameter defines the number of hits to skip, defaulting to 0. The size parameter is the maximum number of hits to return.\""},
		{Text: "from + size may not exceed index.max_result_window (10,000): deeper pages are a 400 \"Result window is too large\".", Source: esSource + ": \"By default, you cannot use from and size to page through more than 10,000 hits. This limit is a safeguard set by the index.max_result_window index setting.\""},
		{Text: "search_after continues after the sort values of the previous page's last hit; from must be 0 with it, and it needs a sort.", Source: esSource + ": \"You can use the search_after parameter to retrieve the next page of hits using a set of sort values from the previous page.\""},
		{Text: "hits.total is exact up to track_total_hits (10,000 by default), then {\"value\": 10000, \"relation\": \"gte\"}: a lower bound, not the count.", Source: "Elasticsearch: Search API, track_total_hits (\"Defaults to 10,000\"); hits.total.relation \"gte\""},
		{Text: "Pages by from are offsets: documents indexed or deleted between pages shift them.", Source: esSource + ": \"Avoid using from and size to page too deeply\""},
		{Text: "POST /my-index/_pit opens a point in time, a view of the index as it was then, and answers its id; searches naming it in pit.id go to /_search without the index, and each response's pit_id is the id to send next. An expired one is a 404 search_context_missing_exception.", Source: esPIT + ": \"a lightweight view into the state of the data as it existed when initiated\"; \"A subsequent search request with the pit parameter must not specify index\"; \"Always use the most recently received ID for the next search request.\""},
		{Text: "GET serves /_search and /my-index/_search as POST does, with a body or without one; another method is a 405 naming the two. A point in time is opened with POST only.", Source: "Elasticsearch: Run a search (GET /_search, POST /_search, GET /{index}/_search, POST /{index}/_search: \"You can provide search queries using the q query string parameter or the request body\"); Open a point in time (POST /{index}/_pit)"},
		{Text: "from and size may be query parameters too; a query parameter wins over the body's.", Source: "Elasticsearch: Search API (query parameters from, size); RestSearchAction: \"preserving values that are not overridden by the rest request\""},
		{Text: "keep_alive is required when a point in time is opened; a search's pit.keep_alive lengthens it; unused for longer, it is gone. A sorted search through it ends each hit's sort values with the implicit _shard_doc tiebreaker.", Source: esSource + ": \"The keep_alive parameter, which is passed to a open point in time request and search request, extends the time to live\"; \"All search requests that include a PIT automatically add an implicit tiebreaker called _shard_doc\""},
		{Text: esSortInterp, Interpretation: true},
		{Text: esClientInterp, Interpretation: true},
		{Text: esErrorInterp, Interpretation: true},
		{Text: esPITInterp, Interpretation: true},
		{Text: "DELETE /_pit with {\"id\": ...} closes a point in time: {\"succeeded\":true,\"num_freed\":1}, or 404 {\"succeeded\":false,\"num_freed\":0} when it is already closed or gone; a search naming it is then a 404 search_context_missing_exception. Another method on /_pit is a 405 naming DELETE.", Source: esClose + " (DELETE /_pit; \"succeeded: If true, all search contexts associated with the point-in-time ID were successfully closed\"; \"num_freed: The number of search contexts that were successfully closed\"); ClosePointInTimeResponse: NOT_FOUND unless succeeded or num_freed > 0; PointInTimeIT.testPointInTimeNotFound"},
		{Text: "Not simulated: scroll."},
	},
})
