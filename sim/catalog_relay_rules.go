//go:build !js

package sim

// The summary and rules of each profile in catalog_relay.go: native builds only
// (profileText says why).

var _ = profileText(&Profile{Name: "relay",
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
})
