package sim

import (
	"slices"
	"strconv"
	"strings"

	"pagingplayground/internal/reqtarget"
)

// A Profile is one server's paging contract: its parameters, defaults, limits,
// rules and response shape. Each profile lives in its own file and registers
// itself in init; adding one touches no other.
type Profile struct {
	Name    string       // "offset", "codefresh", "celigo-errors", ...
	Vendor  string       // "" for the generic models, else "Codefresh", "Celigo", "Flashduty"
	Summary string       // one line, for `pagesim profiles` and the picker
	Source  string       // where the contract comes from, e.g. "Flashduty: About Pagination"
	First   string       // the request a client sends for `first` when it has sent none: "GET /items"
	Options []OptionSpec // what a scenario may override, with defaults
	Rules   []RuleNote   // the rules in plain words, shown beside the results
	URL     string       // the vendor's documentation page, when there is one

	// reads says what the contract reads from a request, so that the editor
	// can flag what it ignores (a misspelt parameter, another path). nil:
	// not declared, nothing is flagged.
	reads *readSpec

	// New makes a fresh server for one run. o holds the effective options,
	// already validated against Options.
	newServer func(o *options) server
}

// readSpec is what a contract reads from a request. The server ignores the
// rest, as most APIs do; the editor warns about it.
type readSpec struct {
	Methods []string // the methods it serves; nil: GET only
	// Paths are the paths it serves; a segment written {name} stands for
	// any one segment ("/v1/flows/{flowId}/errors"). nil: any path.
	Paths   []string
	Params  []string // the query parameters it reads
	Body    []string // the members of a JSON body it reads; nil: it reads no body
	Headers []string // request headers it reads (besides the usual HTTP ones)
	// MethodStatus is the status of a request with another method: 405
	// when 0 (Flashduty answers 400 MethodNotAllowed).
	MethodStatus int
	// Unread, when set, says what the server does with a query parameter it
	// does not read, instead of "the server ignores it".
	Unread string
	// Own are paths served with one method of their own, and the body
	// members read there (a snapshot's open and close paths).
	Own []ownPath
}

// ownPath is a path served with Methods of its own, reading Body (nil: no body).
type ownPath struct {
	Path          string
	Methods, Body []string
}

// methods are the methods rd serves.
func (rd *readSpec) methods() []string {
	if rd.Methods == nil {
		return []string{"GET"}
	}
	return rd.Methods
}

// servesPath reports whether path is one of paths, where a segment written
// {name} matches any one non-empty segment.
func servesPath(paths []string, path string) bool {
	for _, p := range paths {
		if p == path || matchPattern(p, path) {
			return true
		}
	}
	return false
}

func matchPattern(pattern, path string) bool {
	if !strings.Contains(pattern, "{") {
		return false
	}
	ps, qs := strings.Split(pattern, "/"), strings.Split(path, "/")
	if len(ps) != len(qs) {
		return false
	}
	for i, seg := range ps {
		if strings.HasPrefix(seg, "{") && strings.HasSuffix(seg, "}") {
			if qs[i] == "" {
				return false
			}
		} else if seg != qs[i] {
			return false
		}
	}
	return true
}

// server is one run's server for a profile, with whatever state the contract
// keeps (sessions, issued cursors).
type server interface {
	// Serve answers req. It reads the world and must not change the dataset.
	Serve(w *world, req *request) *response

	// Follow is the client side of the contract: the request a client makes
	// for rel ("next", "prev" or "first") after it sent prev and received last
	// (both nil when the client has sent nothing yet). It reads only what a
	// client sees on the wire: a Link header through ParseLink, a body field, a
	// page number it sent. ok is false when the response offers no such page;
	// then why says so in plain words ("the response has no Link rel=\"next\"").
	Follow(prev *request, last *response, rel string) (next *request, ok bool, why string)
}

// OptionSpec declares one option a scenario may set on a profile line.
type OptionSpec struct {
	Name    string   // "limit"
	Default string   // "20"
	Help    string   // "records per page when the request names none"
	Min     int64    // for numeric options (Enum empty): the allowed range
	Max     int64    //
	Enum    []string // for word options: the allowed values
}

// options are a run's effective profile options: defaults overridden by the
// scenario. Values were validated against the specs, so the getters do not fail.
type options struct {
	specs []OptionSpec
	vals  []string
}

// Int returns a numeric option. Unknown names return 0: a profile asks only for
// options it declared.
func (o *options) Int(name string) int64 {
	n, _ := strconv.ParseInt(o.Str(name), 10, 64)
	return n
}

// Str returns an option as text.
func (o *options) Str(name string) string {
	for i, s := range o.specs {
		if s.Name == name {
			return o.vals[i]
		}
	}
	return ""
}

// request is a request as the server receives it.
type request struct {
	Client string   // "default" or the @name
	Method string   // upper case
	Target string   // as sent: path?query, or an absolute URL
	Path   string   // decoded path, without scheme and host
	Query  []Param  // decoded query parameters in order
	Header []Header // in order, client headers first
	Body   string   // raw JSON text or ""
	Line   int      // scenario line that produced it
}

// Param is one query parameter.
type Param = reqtarget.Param

// Param returns the first query parameter called name.
func (r *request) Param(name string) (string, bool) {
	for _, p := range r.Query {
		if p.Name == name {
			return p.Value, true
		}
	}
	return "", false
}

// HeaderValue returns the first header called name (case-insensitive), or "".
func (r *request) HeaderValue(name string) string { return firstHeader(r.Header, name) }

// response is the server's answer: the wire part (status, headers, body) and the
// explanation the trace shows beside it.
type response struct {
	Status int
	Header []Header

	// The body. With Bare it is the JSON array of Items (Celigo's lists);
	// otherwise an object: ItemsKey (when not "") holding Items, then Fields in
	// order. A refusal is an object with Fields {"error": "..."} and so on.
	Bare     bool
	ItemsKey string
	Items    []record
	Fields   []bodyField
	IDName   string // the id field of an item: "id" when "" ("_id" for Celigo)
	// IDString, when set, writes an item's id as a string (Stripe's
	// "cus_000123"); nil writes the number.
	IDString func(id int64) string
	// Refused marks a refusal whose status is 2xx (Slack answers
	// {"ok":false,"error":"invalid_cursor"} with HTTP 200).
	Refused bool
	// aside: the exchange does not move the client (closing a snapshot):
	// next and prev follow the response before it.
	aside bool

	// The explanation, not on the wire.
	Reason   string      // why it was refused, or what is notable, in plain words
	Interp   string      // non-empty when the rule applied is our interpretation: one sentence of why
	Total    TotalReport // reported vs true total
	HasNext  NextReport  // reported vs true next page
	Cost     Cost        // rows read; the engine fills WalkRows
	Walk     walkRel     // how this request relates to the client's walk: the engine's, from Served
	Position int64       // list position of Items[0] at the time, -1 if none

	// Served says what the request was served: a stretch of the list for
	// offset-style contracts (offset, page number, skip), a page of a
	// server-side session cursor for Codefresh, a page after a cursor. The engine then decides
	// whether it continues the client's walk (Walk is left to it): see
	// walkRole and sessionRole.
	Served *servedPage

	// Scope, set on a walk's first page, limits the walk's drift report to
	// the records whose sort keys lie in it (a time-window export selects a
	// slice of the list; records outside it are neither missed nor arrived).
	Scope *keyRange
}

// servedPage is what a request was served. Offset-style contracts set Offset,
// Limit and At; a session cursor sets Session and Page; a page read from a
// cursor sets Cursor.
type servedPage struct {
	Offset, Limit int64
	// Name, Eq, Per and First name an offset in the contract's own words
	// (at), for the note on a page that starts a new walk: "skip", Eq and
	// the offset ("skip=300"), or "page " and the page of Per records it
	// starts, counted from First ("page 7").
	Name       string
	Per, First int64
	// Valid, when set, comes before that note: the contract allowed the
	// jump ("page 7 is valid here (every page is independent), but ").
	Valid string
	// Asked and Step are the client's intent when it differs from what was
	// served: the offset it asked for (a page past the end, clamped to the
	// last page) and the page size it asked for (a size the server
	// lowered). 0 means the one served.
	Asked, Step int64

	// Session: the page is Page of a server-side cursor that page 1 resets
	// (Codefresh's pagination session), whatever stretch of the list it holds.
	Page int64

	// Cursor: the page continues after a cursor an earlier response gave
	// (Flashduty's search_after_ctx); with Start, it is a cursor contract's
	// first page (no cursor sent), which starts a walk.
	Session, Cursor, Start, Eq bool
}

// at names an offset in the contract's own words.
func (s *servedPage) at(o int64) string {
	if s.Per != 0 {
		o = o/s.Per + s.First
	}
	return s.Name + cond(s.Eq, "=", "") + itoa(o)
}

// served is r with what it served, p, in one allocation.
func served(r response, p servedPage) *response {
	x := &struct {
		r response
		p servedPage
	}{r, p}
	x.r.Served = &x.p
	return &x.r
}

// keyRange is the sort keys From..To, inclusive.
type keyRange struct {
	From, To int64
}

// bodyField is one top-level body field beside the items.
type bodyField struct {
	Name  string
	Value val
}

// val is a JSON value for body fields: a scalar, or (Raw) JSON written as is.
type val struct {
	kind byte // 'n' null, 'i' int, 's' string, 'b' bool, 'r' raw JSON
	i    int64
	s    string
}

func intVal(n int64) val  { return val{kind: 'i', i: n} }
func strVal(s string) val { return val{kind: 's', s: s} }
func boolVal(b bool) val {
	if b {
		return val{kind: 'b', i: 1}
	}
	return val{kind: 'b'}
}
func nullVal() val { return val{kind: 'n'} }

// rawVal is a nested value (an object such as Slack's response_metadata, or
// Stripe's error object), already encoded as JSON, which the response body
// holds verbatim. It must be valid JSON: build it with internal/json's Writer.
func rawVal(json string) val { return val{kind: 'r', s: json} }

// Field returns the body field called name.
func (r *response) Field(name string) (val, bool) {
	for _, f := range r.Fields {
		if f.Name == name {
			return f.Value, true
		}
	}
	return val{}, false
}

// Header returns the first response header called name (case-insensitive), or "".
func (r *response) HeaderValue(name string) string { return firstHeader(r.Header, name) }

// AsString returns the value as text: a string as is, an int in decimal,
// raw JSON as written.
func (v val) AsString() string {
	switch v.kind {
	case 's', 'r':
		return v.s
	case 'i':
		return strconv.FormatInt(v.i, 10)
	case 'b':
		if v.i != 0 {
			return "true"
		}
		return "false"
	}
	return ""
}

// IsNull reports whether the value is JSON null (or absent).
func (v val) IsNull() bool { return v.kind == 'n' || v.kind == 0 }

// walkRel says how a request relates to its client's walk.
type walkRel uint8

const (
	walkNone     walkRel = iota // not part of a walk (a refusal, a random jump)
	walkFirst                   // a first page: starts a new walk, ending the client's previous one
	walkContinue                // a further page of the client's walk (starting one if none is open)
)

// record is one record of the dataset.
type record struct {
	ID      int64 // unique, increasing in creation order
	Created int64 // tick it was created
	Key     int64 // sort key: Created/Bucket, or set by an update
}

var profiles []*Profile

// register adds a profile; each profile file calls it from init.
func register(p *Profile) {
	withText(p)
	profiles = append(profiles, p)
}

// vendorOrder is the order of the profile list's groups.
var vendorOrder = []string{"", "Codefresh", "Celigo", "Flashduty"}

// Profiles lists the profiles: generic models first, then by vendor, each
// group in registration order.
func Profiles() []*Profile {
	out := make([]*Profile, 0, len(profiles))
	for _, v := range vendorOrder {
		for _, p := range profiles {
			if p.Vendor == v {
				out = append(out, p)
			}
		}
	}
	for _, p := range profiles { // vendors not in the list above, if any
		if !slices.Contains(vendorOrder, p.Vendor) {
			out = append(out, p)
		}
	}
	return out
}

// LookupProfile returns the profile called name.
func LookupProfile(name string) (*Profile, bool) {
	for _, p := range profiles {
		if p.Name == name {
			return p, true
		}
	}
	return nil, false
}
