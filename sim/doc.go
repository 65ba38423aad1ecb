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
// Adding a contract. A paging contract is data: a contract (contract.go)
// names a base style (offset, page, cursor, session or connection) and sets
// the knobs where the API differs (parameter names and where they are read,
// page size limits, how the next page is signalled, totals, windows,
// snapshots, error shape; `when` and `or` for two styles on one path). Add
// one file, catalog_VENDOR.go, whose init calls registerContract with the
// profile's name, vendor, source and URL; its summary and rules go in the
// native-only catalog_VENDOR_rules.go beside it (profileText: the WASM
// leaves them out, the page hands them to it from start.json); and a test file
// checks the vendor's documented behaviour. The profile is then in
// `pagesim profiles`, the page (start.json) and the WASM. Its preset, the
// contract's characteristic trap, is a section of catalog_presets.txt (go
// generate ./sim), with what its trace shows in presetWants and its `try`
// checked in catalogTries (catalog_data_test.go); README's profile table
// lists it and docs/catalogue.md quotes the vendor beside each rule (tests
// fail until all but the last are there). The simulator serves the
// contract and plays its client, so there is no Serve or Follow to write. A
// scenario declares the same knobs in a `contract` block (knobs.go,
// docs/language.md): short pages, token lifecycles and errors in the API's
// own shape are knobs too (catalog_slack.go, catalog_google.go), and
// server-side session cursors are the `session` base (codefresh.go). A
// contract reports what it served (response.Served: a stretch of the list,
// a session page, a page after a cursor) so that the engine keeps the
// walk's books (client.role).
//
// Adding a kind of step is one entry in stepSpecs (steps.go): its keyword,
// its arguments' shape and help, and how it is parsed, checked and written;
// the parser, the validator, the formatter and the editor's tables read it.
// The engine's step says what it does.
//
// Everything is deterministic: the same scenario gives byte-identical JSON
// natively and in WASM. There is no map iteration in output paths and no
// floating point in the simulation.
package sim
