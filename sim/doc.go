// Package sim is the paging simulator: it parses a scenario (a dataset, a server
// profile and a sequence of list requests interleaved with mutations), runs it,
// and returns a trace that says for every request what the server answered and
// why, and for every walk which records were seen twice or never.
//
// All behaviour lives here. The WASM adapter (../wasm) and the front end (../web)
// only move text in and JSON out.
//
// The package is compiled into the browser's WASM, whose size budget is tight
// (650 KB brotli, of which a bare Go program takes 575 KB), so it imports only
// small standard packages: errors, strings, strconv, slices, sort, math,
// math/bits, unicode/utf8 and embed. In particular it does not import fmt,
// encoding/json, net/url, reflect, regexp or time. The general-purpose codecs
// it needs are plain packages under ../internal, just as lean: json (reader
// and writer), reqtarget (request targets and query strings), linkheader
// (RFC 8288 Link headers) and quote (naming characters in messages).
// TestLeanImports enforces this for all of them.
//
// Everything is deterministic: the same scenario gives byte-identical JSON
// natively and in WASM. There is no map iteration in output paths and no
// floating point in the simulation.
package sim
