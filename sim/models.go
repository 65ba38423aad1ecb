package sim

import (
	"strconv"

	"pagingplayground/internal/linkheader"
	"pagingplayground/internal/reqtarget"
)

// The four generic models: offset, page, cursor and link. They are the
// textbook contracts the vendor profiles are variations of.

// commonOptions are the options every generic model takes: the page size
// default and maximum, what happens above it, and the optional rate limit
// (which the engine applies before the server sees the request).
func commonOptions(limit, maxLimit int64, overMax string) []OptionSpec {
	return append(sizeOptions(limit, maxLimit, overMax, "clamp it or refuse the request (400)", "clamp", "refuse"), rateOptions()...)
}

// sizeOptions are the page size options: the default page size, the
// largest served, and what a larger request gets (overHelp, one of overEnum).
func sizeOptions(limit, maxLimit int64, overMax, overHelp string, overEnum ...string) []OptionSpec {
	return []OptionSpec{
		{Name: "limit", Default: itoa(limit), Help: "records per page when the request names none", Min: 1, Max: maxPageSize},
		{Name: "max-limit", Default: itoa(maxLimit), Help: "the largest page size the server serves", Min: 1, Max: maxPageSize},
		{Name: "over-max", Default: overMax, Help: "a page size above the maximum: " + overHelp, Enum: overEnum},
	}
}

func rateOptions() []OptionSpec {
	return []OptionSpec{
		{Name: "rate-limit", Default: "0", Help: "requests allowed per window; more get 429 with Retry-After (0: no limit)", Min: 0, Max: 1_000_000},
		{Name: "rate-window", Default: "60", Help: "the rate limit's window in ticks", Min: 1, Max: 1_000_000},
	}
}

//go:noinline
func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// refuse is a 4xx answer that says why in the body and in the trace.
//
//go:noinline
func refuse(w *world, status int, msg string) *response {
	return &response{
		Status: status, Fields: []bodyField{{"error", strVal(msg)}}, Reason: msg, Position: -1,
		Total: TotalReport{Kind: "absent", True: w.Len()}, HasNext: NextReport{Kind: "none"},
	}
}

// setParams returns q with the named parameters set (in place when present,
// appended otherwise) and those set to "" removed.
func setParams(q []Param, set ...Param) []Param {
	out := make([]Param, 0, len(q)+len(set))
	out = append(out, q...)
	for _, s := range set {
		found := false
		for i := range out {
			if out[i].Name == s.Name {
				out[i].Value, found = s.Value, true
			}
		}
		if !found {
			out = append(out, s)
		}
	}
	kept := out[:0]
	for _, p := range out {
		if p.Value != "" || !isSet(set, p.Name) {
			kept = append(kept, p)
		}
	}
	return kept
}

// withParams returns path?query with the named parameters set as setParams does.
func withParams(path string, q []Param, set ...Param) string {
	return reqtarget.String(path, setParams(q, set...))
}

// follow is the client's next request when it builds the URL itself: prev
// with the named parameters set. Its target is written by TargetString and
// its query kept as built, which is what ParseTarget would read back from it
// (the two round-trip), without parsing it again on every page.
func follow(prev *request, set ...Param) (*request, bool, string) {
	q := setParams(prev.Query, set...)
	return &request{Method: prev.Method, Target: reqtarget.String(prev.Path, q), Path: prev.Path, Query: q}, true, ""
}

func isSet(set []Param, name string) bool {
	for _, s := range set {
		if s.Name == name {
			return true
		}
	}
	return false
}

// clientRequest builds a client request for target, or reports why it cannot.
func clientRequest(method, target string) (*request, bool, string) {
	path, q, err := reqtarget.Parse(target)
	if err != nil {
		return nil, false, "the server sent a link the client cannot read: " + err.Error()
	}
	return &request{Method: method, Target: target, Path: path, Query: q}, true, ""
}

// firstRequest is the `first` request: the previous request's path without
// paging parameters, or the profile's default first request.
func firstRequest(prev *request, def string, drop ...string) (*request, bool, string) {
	if prev == nil {
		method, target, _ := cutSpace(def)
		return clientRequest(method, target)
	}
	set := make([]Param, len(drop))
	for i, d := range drop {
		set[i] = Param{Name: d}
	}
	return follow(prev, set...)
}

func cutSpace(s string) (string, string, bool) {
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' {
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}

// offsetPage is the stretch of the list a client was last served at path,
// and the stretch it asked for: from asked, step records (what its own
// arithmetic works from, when the server served another).
type offsetPage struct {
	path                       string
	offset, limit, asked, step int64
}

// walkRole is the simulator's bookkeeping, not part of any contract. Whether
// a request continues the client's walk is the client's intent: it followed
// its last response (rel "next" or "prev"), or the position it asked for
// follows its last page by its own arithmetic (offset + the limit it sent,
// page N+1 after page N) or by what it was served (offset + the size the
// server used), forward or back. What the server actually served decides
// the walk's duplicates and misses: a client that adds the size it asked for
// to an offset the server served fewer records from skips the records
// between, and one that asks for the page after the last and is served the
// last again holds its records twice. A page asked for out of the blue
// (page 7 after page 1, a parallel worker's share) starts a new walk there:
// it sees the list as it is now, not as the previous page saw it, and
// counting it into the old walk would report every record it jumped over as
// missed. A walk that starts mid-list covers the list from its first page
// on. rel is "" for a request written out; one for offset 0 starts a walk,
// a `prev` back to offset 0 continues it.
func walkRole(prev offsetPage, ok bool, cur offsetPage, rel string, at func(int64) string) (walkRel, string) {
	back := cur.asked < prev.asked && (cur.asked == max(0, prev.asked-cur.step) || cur.asked == max(0, prev.offset-cur.limit))
	switch {
	case !ok || prev.path != cur.path || rel == "first" || cur.asked == 0 && rel == "":
		return walkFirst, ""
	case rel != "" || cur.asked == prev.asked+prev.step || cur.asked == prev.offset+prev.limit || back:
		return walkContinue, ""
	}
	return walkFirst, at(cur.asked) + " does not follow this client's last page (" + at(prev.asked) + "): it starts a new walk there, since a page computed by hand sees the list as it is now, not as the previous page saw it"
}

// offsetCost is an offset query's work: it reads and discards offset rows,
// then reads the page.
func offsetCost(offset, returned, total int64) Cost {
	return Cost{Rows: min(offset, total) + returned}
}

// The generic models are contracts on the shared skeleton: they serve GET
// /items and nothing else (another path is 404, another method 405).

// ---- offset ----

func init() {
	registerContract(&Profile{
		Name:    "offset",
		Options: commonOptions(20, 100, "clamp"),
	}, contract{Base: "offset", OffsetEcho: "offset", LimitEcho: "limit",
		Errors: []errorRule{{Kind: "position", Message: "{name} must be 0 or more, got {value}"}}})
}

// ---- page ----

func init() {
	registerContract(&Profile{
		Name:    "page",
		Options: commonOptions(20, 100, "clamp"),
	}, contract{Base: "page", PageEcho: "page", LimitEcho: "per_page",
		Errors: []errorRule{{Kind: "position", Message: "page numbers start at 1, got {value}"}}})
}

// ---- cursor ----

func init() {
	registerContract(&Profile{
		Name:    "cursor",
		Options: commonOptions(20, 100, "clamp"),
	}, contract{Base: "cursor", Next: nextSignal{Flag: "has_more"}, Tag: "cursor"})
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	if b == "" {
		return a
	}
	return a + "; " + b
}

// ---- link ----

func init() {
	registerContract(&Profile{
		Name:    "link",
		Options: commonOptions(20, 100, "clamp"),
	}, contract{Base: "page", Bare: true, Next: nextSignal{Link: []string{"first", "prev", "next", "last"}},
		Errors: []errorRule{{Kind: "position", Message: "page numbers start at 1, got {value}"}}})
}

// followLink is the client side of Link-header paging: it parses the header
// with the RFC 8288 parser and requests the rel's URL, nothing else.
func followLink(prev *request, last *response, rel string) (*request, bool, string) {
	h := last.HeaderValue("Link")
	if h == "" {
		return nil, false, "no " + rel + " page: the response has no Link header"
	}
	links, err := linkheader.Parse(h)
	if err != nil {
		return nil, false, "the Link header could not be parsed: " + err.Error()
	}
	l, ok := linkheader.Find(links, rel)
	if !ok {
		return nil, false, "no " + rel + " page: the Link header has no rel=\"" + rel + "\""
	}
	method := "GET"
	if prev != nil {
		method = prev.Method
	}
	return clientRequest(method, l.URL)
}
