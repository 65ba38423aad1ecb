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
	}, contract{
		Base: "connection", Method: "POST", Paths: []string{"/graphql"}, First: relayFirst,
		Limit: paramIn{Name: "variables.first", Where: "body"}, Last: paramIn{Name: "variables.last", Where: "body"},
		After: paramIn{Name: "variables.after", Where: "body"}, Before: paramIn{Name: "variables.before", Where: "body"},
		Params: []string{"query", "operationName"}, Prefix: relayPrefix,
		Items: "data.items.edges",
		Next: nextSignal{Cursor: "data.items.pageInfo.endCursor", PrevCursor: "data.items.pageInfo.startCursor",
			Flag: "data.items.pageInfo.hasNextPage", PrevFlag: "data.items.pageInfo.hasPreviousPage"},
		ErrorStatus: 200, ErrorBody: errBody,
		Errors: []errorRule{
			{Kind: "size", Message: "Argument \"{name}\" must be a non-negative integer"},
			{Kind: "number", Message: "Variable \"${name}\" got invalid value {value}; Int cannot represent non-integer value"},
		},
		Interp: interps{All: relayVarsInterp, Error: relayErrorInterp},
	})
}
