package sim

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

const relayPrefix = "arrayconnection:"

func init() {
	errBody := `{"errors":[{"message":{message}}],"data":{"items":null}}`
	registerContract(&Profile{
		Name: "relay", Vendor: "GraphQL", Source: relaySource, URL: relayURL,
		Summary: "POST /graphql with first/after or last/before: edges with cursors, pageInfo; graphql-relay-js's offset cursors (\"arrayconnection:N\") drift when items are added",
		Rules: []RuleNote{
			{Text: "A connection takes first and after to page forward, last and before to page backward; the response has edges (cursor and node) and pageInfo (hasNextPage, hasPreviousPage, startCursor, endCursor).", Source: "Relay connection spec: \"first\", \"after\", \"last\", \"before\"; PageInfo"},
			{Text: "after and before cut the list first (a cursor that points outside the list cuts nothing), then first keeps the head and last the tail.", Source: "graphql-relay-js arrayConnection.ts: \"if (0 <= afterOffset && afterOffset < arrayLength) startOffset = Math.max(startOffset, afterOffset + 1)\"; \"endOffset = Math.min(endOffset, startOffset + first)\"; \"startOffset = Math.max(startOffset, endOffset - last)\""},
			{Text: "A negative first or last is an error.", Source: "graphql-relay-js: \"Argument \\\"first\\\" must be a non-negative integer\""},
			{Text: "hasNextPage is computed only when first is given and hasPreviousPage only when last is given; otherwise they are false, whatever remains.", Source: "graphql-relay-js: \"hasPreviousPage: typeof last === 'number' ? startOffset > lowerBound : false, hasNextPage: typeof first === 'number' ? endOffset < upperBound : false\""},
			{Text: "startCursor and endCursor are null on an empty page.", Source: "graphql-relay-js: \"startCursor: firstEdge ? firstEdge.cursor : null\""},
			{Text: "Cursors are offsets, base64 of \"arrayconnection:\" and the index: items added or removed between pages shift them, as offset paging does. Reading one skips its first 16 characters unread and takes the digits after them; an unreadable cursor is ignored.", Source: "graphql-relay-js: \"It uses array offsets as pagination, so pagination will only work if the array is static.\"; cursorToOffset: \"parseInt(unbase64(cursor).substring(PREFIX.length), 10)\"; getOffsetWithDefault"},
			{Text: relayVarsInterp, Interpretation: true},
			{Text: relayErrorInterp, Interpretation: true},
		},
	}, Contract{
		Base: "connection", Method: "POST", Paths: []string{"/graphql"}, First: relayFirst,
		Limit: In{Name: "variables.first", Where: "body"}, Last: In{Name: "variables.last", Where: "body"},
		After: In{Name: "variables.after", Where: "body"}, Before: In{Name: "variables.before", Where: "body"},
		Params: []string{"query", "operationName"}, Prefix: relayPrefix,
		Items: "data.items.edges",
		Next: Next{Cursor: "data.items.pageInfo.endCursor", PrevCursor: "data.items.pageInfo.startCursor",
			Flag: "data.items.pageInfo.hasNextPage", PrevFlag: "data.items.pageInfo.hasPreviousPage"},
		ErrorStatus: 200, ErrorBody: errBody,
		Errors: []ErrorRule{
			{Kind: "size", Message: "Argument \"{name}\" must be a non-negative integer"},
			{Kind: "number", Message: "Variable \"${name}\" got invalid value {value}; Int cannot represent non-integer value"},
		},
		Interp: Interps{All: relayVarsInterp, Error: relayErrorInterp},
	})
}
