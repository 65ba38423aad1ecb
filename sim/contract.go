package sim

import (
	"strconv"
	"strings"

	"pagingplayground/internal/json"
	"pagingplayground/internal/linkheader"
	"pagingplayground/internal/reqtarget"
)

// contract is a paging contract declared as data: a base positioning style
// and the knobs where the API differs from it. The simulator serves it and
// plays its client (contractServer), so a contract needs no Serve or Follow
// of its own. A scenario declares one in a `contract` block (or "contract"
// in the JSON form, ContractFromKnobs); a catalogue contract is a Contract
// literal registered with registerContract. Zero values mean the base's
// default; knobs.go lists every knob with its text name.
type contract struct {
	Base   string   // "offset", "page", "cursor" (an opaque keyset cursor), "id" (a record's id, as Stripe's starting_after) or "session" (a server-side cursor per session, as Codefresh's) or "connection" (GraphQL Relay's first/after, last/before over offset cursors)
	Method string   // the method it serves: "GET" when ""
	Query  string   // another method it serves, whose requests carry the body's parameters in the query (Notion's GET lists beside its POST queries)
	Also   string   // another method it serves as Method: the same parameters, in the query or the body (Elasticsearch's GET /_search)
	Paths  []string // the paths it serves; another path is 404. ["/items"] when nil

	// Where each parameter is read and its name. The defaults per base:
	// offset, limit; page, per_page; after, before, limit; session: page,
	// limit and the header X-Pagination-Session-Id naming the session.
	Offset, Page, Limit, After, Before, Session paramIn
	End                                         paramIn // page base, unpaged limit: the parameter ending the slice a request without a page gets (json-server 0.17's _end); Offset names the slice's start (_start)
	PageEcho                                    string  // the body path where the response tells the page number it served
	OffsetEcho                                  string  // the body path where the response tells the offset it served

	LimitDefault, LimitMax int64  // 20 and 100 when 0
	OverMax                string // a page size above the maximum: "clamp" (default), "refuse" or "default"
	Invalid                string // zero, negative or not a number: "400" (default), "default", "404", "min" or "slice" (page base: a negative size kept, JavaScript's Array.slice((page-1)*size, page*size), json-server 0.17's getPage; otherwise as "min")
	FirstPage              int64  // page: the first page's number, 1 or 0 (FirstPageSet says 0 was meant)
	FirstPageSet           bool
	PastEnd                string // a page past the end: "empty" (default), "silent" (empty, and the trace says nothing of it), "last" or "404"
	Independent            bool   // offset and page: every page is independent, so a page that starts a new walk is said to be valid here (Codefresh before 2021)
	PositionFirst          bool   // offset and page: the position is checked before the page size (a request with both wrong is refused for the position)
	InvalidPos             string // a position (offset, page) that is negative or not a number: as Invalid when ""
	PageLast               string // page base: a value of the page parameter that names the last page (DRF's "last")
	Repeated               string // a query parameter sent twice: "" or "first" (its first value is read) or "last" (Django's QueryDict)
	Numbers                string // how numbers are read: "" or "strict" (digits, a sign), "python" (int(): spaces, underscores; empty is absent), "js" (parseInt: the leading digits) or "unsigned" (strict, and a negative one is no number: OData's $top)
	Unpaged                string // page base: without a page the whole list as a bare array: "all" (also for a page that is not a number, json-server v1) or "limit" (a slice, Offset to End or Offset plus Limit records, when End or Limit is sent, json-server 0.17)
	CursorKind             string // cursor base: "" (an opaque token of the simulator's) or "position" (DRF's CursorPagination: base64 of o=OFFSET&r=1&p=POSITION, the sort key a page is cut at)
	LimitOption            bool   // catalogue: the page size parameter is read only when the profile option page-size-param names it, and max-limit caps only the size it sends (DRF's page_size_query_param, max_page_size); a scenario declares limit none or names it

	Items    string // the body's path to the records: "items" when ""; dotted paths nest ("hits.hits")
	Bare     bool   // the body is the bare array of records (a Link header or nothing says the rest)
	IDPrefix string // ids written as strings with this prefix ("cus_"); numbers when ""
	IDWidth  int    // digits an id is written with at least, zeros in front (Stripe-like cus_000042)
	IDHex    bool   // ids written in hexadecimal (Notion's UUID-like ids)
	FirstID  bool   // cursor base: the next cursor is the id of the next page's first record, and a page starts at it (Notion's start_cursor)
	Deleted  string // id base: a cursor whose record was deleted: "error" (default, resource_missing) or "continue"; the option deleted-cursor
	IDName   string // the record's id member ("_id"); "id" when ""

	// A sort parameter and a created-time window (offset and page bases,
	// Celigo's sort=_id, createdAfter and createdBefore): Sort=SortValue
	// lists oldest first by id, another value is refused (kind sort); the
	// window keeps the records created strictly between the two ticks (kind
	// created when not a number) and scopes the walk to them.
	Sort, SortValue             string
	CreatedAfter, CreatedBefore string
	PrevAlways                  bool     // offset and page: rel="prev" on every page, the first page's pointing at itself (Celigo's example)
	Quiet                       []string // the simulator's notes left out: "tiebreak" (a cursor without a tiebreaker)
	EmptyCursor                 bool     // cursor base: an empty cursor is read as a cursor (and refused), not as none (Celigo's)

	Next  nextSignal
	Total totalRule

	Window        int64  // offset + limit at most Window (0: no limit)
	WindowStatus  int    // the status beyond it: 400 when 0
	WindowMessage string // what the refusal says

	ErrorStatus int    // the status of a refused parameter: 400 when 0 (200 for APIs that answer errors with 200, as Slack)
	ErrorField  string // the body path of a refusal's message: "error" when ""
	ErrorBody   string // a refusal's body as a JSON template ({status}, {message}, {code}, {param}); ErrorField's when ""
	Errors      []errorRule

	LimitZero string        // "default": a page size of 0 is the default (AIP-158); "empty": no records, the total only (Elasticsearch); otherwise Invalid applies
	LimitEcho string        // the body path where the response tells the page size it used
	Const     []fixedMember // body members with fixed values, written after the records ({"ok": true})
	Order     []string      // the body's top-level members in this order (page, limit, total, pages); the others follow as they come

	Short shortPages
	Token tokenLife
	Snap  snapshot

	// Values makes a keyset of public sort values (Elasticsearch's
	// search_after) beside the offset base: each record shows its sort values
	// at this member ("sort"), the After parameter takes a page's last values
	// as a JSON array, and a request names its sort in a parameter of the
	// same name.
	Values string
	Last   paramIn // connection: the parameter that keeps the last records of the cut ("last")
	Prefix string  // connection: a cursor is base64 of this and the record's offset ("arrayconnection:")
	Record string  // a record as a JSON template ({id}, {created}, {sort}); {"id", "created"} when ""
	Client trapClient

	Params  []string // other query parameters the API reads (filters, sort): they change no paging, and the editor does not flag them
	Filter  bool     // a query parameter it does not read filters the records by a field of its name, which they lack: no records (json-server v1)
	Only    []string // cursor base: the only other query parameters a request with a cursor may carry (Shopify's limit, fields); another is refused (kind refused)
	Refuse  []string // query parameters the API refuses (Graph's $skip on /users): 400, the kind of refusal "refused"
	Bounded string   // a query parameter that must restrict the search (Jira's jql): absent, empty or only ORDER BY is the kind of refusal unbounded
	Unread  []string // body members the API refuses (Flashduty's search_after_ctx where it pages by number only): the kind of refusal "member"
	First   string   // catalogue: the profile's first request line; Method and Paths[0] when ""
	Tag     string   // catalogue: what its cursor tokens are tagged with, so that another list's are refused ("contract" when "")
	Interp  interps  // catalogue: the interpretation notes responses carry
	PageAt  string   // catalogue: how a note names a page, the words before its number ("page " when "", "p=")

	// Alt is another style served on the same paths (Zendesk: cursor with
	// page[size], offset without): a request that sends none of When gets it.
	When []string
	Alt  *contract
}

// paramIn says where a parameter is read and its name.
type paramIn struct {
	Name  string // "none": the contract has no such parameter (a cursor that only goes forward)
	Where string // "query" (default), "body" (a JSON body member), "header" or "both" (the query string, else the body: Elasticsearch's from and size)
	Alias string // another name read as well (page_size beside pageSize)
}

// fixedMember is a body member with a fixed JSON value.
type fixedMember struct {
	Path, JSON string    // in JSON, {path} is the request's path and {url} its URL (nextSignal.LinkBase first), as JSON strings
	_          [0]func() // not comparable: no equality code for it in the WASM
}

// errorRule is, for one kind of refusal (errorKinds), the API's code for it
// ({code} in ErrorBody), its message ({name}, {value}, {max}, and for a
// method {uri} and {allow} are replaced), its body template (ErrorBody's
// when ""), and the interpretation note it carries (catalogue); "" keeps
// the simulator's.
type errorRule struct {
	Kind, Code, Message, Body, Interp string
	Status                            int       // its status, the simulator's when 0 (a method refused with 400, not 405)
	_                                 [0]func() // not comparable: no equality code for it in the WASM
}

// errorKinds are the refusals (and the clamp note) a contract names.
var errorKinds = []string{"path", "method", "body", "size", "number", "position", "over-max", "clamp", "cursor", "both", "changed", "expired", "reused", "deleted", "window", "refused", "member", "format", "jump", "session", "snapshot", "foreign", "sort", "created", "keep-alive", "close", "unbounded"}

// shortPages says whether pages may come back shorter than asked while more
// remain (Slack, AIP-158, DynamoDB), seeded, so that a client that stops on
// a short page can be shown wrong. Cursor base only.
type shortPages struct {
	Pages   string    // "" (never), "short" (1 to limit-1 records), "empty" (0 to limit-1) or "zero" (a page is whole or empty: Graph)
	Off     bool      // the option (short-pages, or empty-pages for "zero") is off by default
	Follows string    // the client option's value for a client that follows the next cursor: "cursor" when ""
	Client  string    // the client option's default: Follows when "", or "page-size"
	Advice  string    // what the vendor tells a client that stops on a short page
	_       [0]func() // not comparable: no equality code for it in the WASM
}

// tokenLife is the lifecycle of a cursor (cursor base): with any of it set the
// server keeps its tokens and refuses an expired, reused or rebound one.
type tokenLife struct {
	TTL   int64  // ticks a token stays valid (0: the whole run); the option token-ttl
	Use   string // "" (any token, any number of times), "once" or "newest" (only the latest issued)
	Bound bool   // a token works only with the same other parameters (the page size may change)
	// BoundTo, when set, names the only parameters a token is bound to (Jira's jql); Bound is set too.
	BoundTo []string
}

// names are the profile option that turns short pages on and the option
// client's value for a client that stops on one.
func (s shortPages) names() (option, stop string) {
	if s.Pages == "zero" {
		return "empty-pages", "empty-page"
	}
	return "short-pages", "page-size"
}

func (t tokenLife) kept() bool { return t.TTL > 0 || t.Use != "" || t.Bound }

// snapshot is a frozen view of the list taken when a client opens it
// (Elasticsearch's point in time, Salesforce's query locator): pages read
// through it show the records as they were then. Any base can use one.
type snapshot struct {
	Param paramIn // the request parameter naming it ("pit.id" in the body); no snapshots when ""
	Field string  // the body path where a response names it, the id to send next ("pit_id")
	Open  string  // a path that opens one and answers {"id": ...} ("/my-index/_pit"); "" when a request naming none opens one
	Path  string  // the path a request naming one is sent to ("/_search"); any of Paths when ""
	// Close, when set, is a path where DELETE with a body {"id": ...} closes
	// one (Elasticsearch's DELETE /_pit): {"succeeded":true,"num_freed":1},
	// or 404 {"succeeded":false,"num_freed":0} for one closed, expired or
	// never opened; a request naming a closed one is refused as expired.
	Close string
	TTL   int64 // ticks it stays open after its last use (keep_alive); 0: the whole run; the option snapshot-ttl
	// Keep, when set, names the request parameter that says how long it stays
	// open (Elasticsearch's keep_alive, a time value as 30s, 1m, 2h; one tick
	// is a second): in the query of the request that opens it, where it is
	// required, and beside Param in a request that names it (pit.keep_alive),
	// where it may lengthen the time, never shorten it. It replaces TTL.
	Keep string
	// Tiebreak: a request naming a snapshot and a sort gets one more sort
	// value per record, a tiebreaker unique in the snapshot (Elasticsearch's
	// implicit _shard_doc), unless its search_after leaves it out.
	Tiebreak bool
	Status   int64     // an expired or unknown one's status: 404 when 0
	_        [0]func() // not comparable: no equality code for it in the WASM
}

// trapClient is a client the profile option client plays beside the one that
// follows the contract: the trap a catalogue preset shows going wrong.
type trapClient struct {
	Trap    string    // "requested" (offset, page: the next position from the page size the client asked for, not the one it was served), "total" (page: it computes the page count from the total and stops there, whatever next.flag says) or "null-check" (cursor: it stops only on a null next cursor, and sends a missing one as none: the walk starts over)
	Follows string    // the option's value for the client that follows the contract: "follows" when ""
	Play    bool      // the trap is the option's default (a declared contract's client.trap)
	Advice  string    // catalogue: what the vendor tells the trap client, after its note
	NoNext  string    // catalogue: the note of the client that follows next.flag when it stops ("no next page: FLAG is not true" when "")
	NoPrev  string    // catalogue: the note of a page client on the first page ("no previous page: this is the first" when "")
	_       [0]func() // not comparable: no equality code for it in the WASM
}

// interps are interpretation notes (catalogue): what a response carries.
type interps struct {
	All     string    // every response
	Page    string    // every page served (not a refusal)
	Default string    // the default page size was used (absent or replaced)
	Limit   string    // a page size the server clamped
	Invalid string    // a bad page size or position the server replaced by the default
	PastEnd string    // a page past the end
	Short   string    // a short page
	Error   string    // every refusal
	Expired string    // an expired token
	Deleted string    // a cursor whose record was deleted, read on (deleted-cursor continue)
	Reread  string    // session: the page the cursor is on, asked for again
	Reset   string    // session: the first page, which moves an existing cursor back to the head
	Sort    string    // a request naming the sort (contract.Sort)
	Created string    // a request with a created-time window (contract.CreatedAfter, CreatedBefore)
	First   string    // PrevAlways: the first page, whose rel="prev" points at itself
	_       [0]func() // not comparable: no equality code for it in the WASM
}

// nextSignal says how a response signals the next page. With none of Link, URL and
// Cursor set, the base's own signal is used: the cursor field next_cursor for
// cursor, and for offset and page the client computes the next page from the
// flag, the total or a full page.
type nextSignal struct {
	Link        []string // rels of a Link header: "next", "prev", "first", "last"
	LinkBase    string   // an absolute URL prefix ("https://api.github.com"); relative URLs when ""
	LastOmitted bool     // rel="last" is left out (lists that cannot compute it); the option last
	LinkEdges   string   // "always" (default): first and last on every page; "away": first only away from the first page, last only before the last (GitHub); "partial": no links on a page that is empty or holds the whole list (json-server 0.17)
	LinkLimit   string   // the page size in the links: "served" (default) or "sent", as the request wrote it or left it out (GitHub); "sent" on the page base: the client's next and previous pages too
	URL         string   // body path of the next page's URL ("links.next", "@odata.nextLink")
	PrevURL     string   // body path of the previous page's URL ("previous")
	PageNum     string   // page base: body path of the next page's number, null at the end ("next")
	PrevPage    string   // page base: body path of the previous page's number
	Pages       []string // page base: body paths of the page count ("last", "pages")
	LinkText    bool     // page base: links are the request's full URL with its first text "PAGE=N" replaced (json-server 0.17)
	FirstPos    string   // offset and page: "omitted": a URL to the first page leaves the position parameter out (DRF); "set" when ""
	Query       string   // "sorted": the URLs' query sorted by name (DRF's replace_query_param); "kept" (the request's order) when ""
	Cursor      string   // body path of the next cursor ("next_cursor", "response_metadata.next_cursor")
	PrevCursor  string   // body path of the previous cursor
	PrevFlag    string   // body path of a flag that is true while pages remain before this one ("hasPrevPage")
	Flag        string   // body path of a flag that is true while more pages remain ("has_more")
	LastFlag    string   // body path of a flag that is true on the last page ("isLast", "done")
	End         string   // how a missing next URL or cursor is written: "null" (default), "absent" or "empty"
	By          string   // page base: "pages": the client stops when the page it sent reaches the page count (Pages[0]), and sends the size the response echoes (LimitEcho)
	EndOption   bool     // the profile option last-page-url chooses End (End its default)
}

// totalRule says what the response reports as the total.
type totalRule struct {
	Kind          string   // "none" (default for cursor), "exact" (default otherwise), "capped", "gte" or "estimate" (2 significant digits)
	Choices       []string // the kinds the option total offers (Kind is its default); no option when nil
	Cap           int64    // capped and gte: the largest number reported
	Field         string   // body path ("total", "hits.total.value"); "total" when "" and Header is ""
	Relation      string   // gte: body path of "eq" or "gte" ("hits.total.relation")
	Header        string   // a header that carries it ("X-Total-Count")
	Track         paramIn  // a request parameter that moves Cap: true counts exactly, false reports none, a number is the cap (track_total_hits); read where the page size is
	FirstPageOnly bool     // reported on the first page only
	Note          string   // catalogue: what a response whose total is capped says, {cap} and {n} (the true count) replaced
	Lead          bool     // written before the next-page members (DRF's count, next, previous)
}

// withDefaults fills the base's defaults in.
func (c contract) withDefaults() contract {
	if c.Method == "" {
		c.Method = "GET"
	}
	if len(c.Paths) == 0 {
		c.Paths = []string{"/items"}
	}
	def := func(in *paramIn, name string) {
		if in.Name == "" {
			in.Name = name
		}
		if in.Where == "" {
			in.Where = "query"
		}
	}
	switch c.Base {
	case "offset":
		def(&c.Offset, "offset")
		def(&c.Limit, "limit")
		if c.Values != "" {
			c.Record = cond(c.Record == "", `{"id":{id},"created":{created},"`+c.Values+`":{sort}}`, c.Record)
			c.After.Where = cond(c.After.Where == "", c.Offset.Where, c.After.Where)
			def(&c.After, "search_after")
		}
	case "page":
		def(&c.Page, "page")
		def(&c.Limit, "per_page")
		if !c.FirstPageSet && c.FirstPage == 0 {
			c.FirstPage = 1
		}
	case "id":
		def(&c.After, "starting_after")
		def(&c.Before, "ending_before")
		def(&c.Limit, "limit")
		if c.Next.Flag == "" && c.Next.URL == "" && len(c.Next.Link) == 0 {
			c.Next.Flag = "has_more"
		}
		if c.Deleted == "" {
			c.Deleted = "error"
		}
	case "session":
		def(&c.Page, "page")
		def(&c.Limit, "limit")
		if c.Session.Where == "" {
			c.Session.Where = "header"
		}
		def(&c.Session, "X-Pagination-Session-Id")
		c.FirstPage = 1
		if c.Next.Flag == "" {
			c.Next.Flag = "has_next"
		}
		if c.Next.PrevFlag == "" {
			c.Next.PrevFlag = "has_prev"
		}
	case "connection":
		def(&c.After, "after")
		def(&c.Before, "before")
		def(&c.Limit, "first")
		def(&c.Last, "last")
		c.Items = cond(c.Items == "", "edges", c.Items)
		c.Prefix = cond(c.Prefix == "", "arrayconnection:", c.Prefix)
		c.Record = cond(c.Record == "", `{"cursor":{cursor},"node":{"id":"{id}","created":{created}}}`, c.Record)
		c.Next.Cursor = cond(c.Next.Cursor == "", "pageInfo.endCursor", c.Next.Cursor)
		c.Next.PrevCursor = cond(c.Next.PrevCursor == "", "pageInfo.startCursor", c.Next.PrevCursor)
		c.Next.Flag = cond(c.Next.Flag == "", "pageInfo.hasNextPage", c.Next.Flag)
		c.Next.PrevFlag = cond(c.Next.PrevFlag == "", "pageInfo.hasPreviousPage", c.Next.PrevFlag)
		c.LimitDefault, c.LimitMax, c.LimitZero = max(c.LimitDefault, maxPageSize), max(c.LimitMax, maxPageSize), "empty"
	case "cursor":
		def(&c.After, "after")
		def(&c.Before, "before")
		def(&c.Limit, "limit")
		if c.Next.Cursor == "" && c.Next.URL == "" && len(c.Next.Link) == 0 {
			c.Next.Cursor = "next_cursor"
			if c.Before.Name != "none" {
				c.Next.PrevCursor = "prev_cursor"
			}
		}
	}
	for _, in := range []*paramIn{&c.Total.Track, &c.Snap.Param} {
		if in.Name != "" && in.Where == "" {
			in.Where = c.Limit.Where
		}
	}
	if c.Snap.Status == 0 {
		c.Snap.Status = 404
	}
	if c.LimitDefault == 0 {
		c.LimitDefault = 20
	}
	if c.LimitMax == 0 {
		c.LimitMax = max(100, c.LimitDefault)
	}
	if c.Items == "" && !c.Bare {
		c.Items = "items"
	}
	if c.Total.Kind == "" {
		c.Total.Kind = "exact"
		if c.Base != "offset" && c.Base != "page" {
			c.Total.Kind = "none"
		}
	}
	if c.Total.Kind != "none" && c.Total.Field == "" && c.Total.Header == "" && !c.Bare {
		c.Total.Field = "total"
	}
	if c.Total.Kind != "none" && c.Total.Field == "" && c.Total.Header == "" && c.Bare {
		c.Total.Header = "X-Total-Count"
	}
	if c.ErrorStatus == 0 {
		c.ErrorStatus = 400
	}
	if c.ErrorField == "" {
		c.ErrorField = "error"
	}
	if c.WindowStatus == 0 {
		c.WindowStatus = 400
	}
	if c.Next.End == "" {
		c.Next.End = "null"
	}
	if c.Short.Pages != "" && c.Short.Follows == "" {
		c.Short.Follows = "cursor"
	}
	if c.Alt != nil {
		a := *c.Alt
		if a.Method == "" {
			a.Method = c.Method
		}
		if a.Paths == nil {
			a.Paths = c.Paths
		}
		a = a.withDefaults()
		c.Alt = &a
	}
	return c
}

// problems are the contradictions of a contract, in plain words.
func (c *contract) problems() []string {
	var out []string
	add := func(s string) { addProblem(&out, s) }
	if !containsString(contractBases, c.Base) {
		add("the base style is " + orList(contractBases) + ", got `" + c.Base + "`")
		return out
	}
	keyed := c.Base == "cursor" || c.Base == "id" || c.Base == "connection"
	if c.Base != "connection" && (c.Last.Name != "" || c.Prefix != "") {
		add("last and cursor.prefix need the base `connection`")
	}
	beside := c.Base == "page" && c.CursorKind == "objectid" // an opaque cursor beside the page number
	if !keyed && (c.Next.Cursor != "" && !beside || c.Next.PrevCursor != "" || c.After.Name != "" && c.Values == "" && !beside || c.Before.Name != "") {
		add("cursor knobs (after, before, next.cursor, prev.cursor) need the base `cursor` or `id`, not `" + c.Base + "`")
	}
	if c.Base == "id" && (c.Next.Cursor != "" || c.Next.PrevCursor != "" || c.Next.URL != "" || len(c.Next.Link) > 0) {
		add("an `id` contract's client continues from the page's first or last id: it takes no next.cursor, prev.cursor, next.url or next.link")
	}
	if c.CursorKind == "position" && (c.Base != "cursor" || c.Next.URL == "") {
		add("cursor.kind position needs the base `cursor` and next.url: its pages link to each other by URL")
	}
	if c.CursorKind == "objectid" && (c.Base != "page" || c.After.Name == "" || c.Next.Cursor == "") {
		add("cursor.kind objectid is a cursor beside the page number: it needs the base `page`, after and next.cursor")
	}
	if c.Base != "id" && c.Deleted != "" {
		add("deleted-cursor is about a record id named as a cursor: it needs the base `id`")
	}
	if keyed && (c.Offset.Name != "" || c.Page.Name != "" || c.Window > 0 || c.PastEnd == "last" || c.FirstPageSet || c.InvalidPos != "" || c.Next.FirstPos == "omitted") {
		add("a cursor contract has no offset, page number, window, page past the end or first-page URL to set")
	}
	if c.Values != "" && c.Base != "offset" {
		add("values (a keyset of public sort values) sits beside the offset: it needs the base `offset`, not `" + c.Base + "`")
	}
	if (c.Sort != "" || c.SortValue != "" || c.CreatedAfter != "" || c.CreatedBefore != "" || c.PrevAlways) && c.Base != "offset" && c.Base != "page" {
		add("sort, created.after, created.before and prev.link need the base `offset` or `page`")
	}
	if (c.Sort == "") != (c.SortValue == "") {
		add("sort and sort.value go together: the parameter, and the one value of it the simulator knows")
	}
	if c.PrevAlways && !containsString(c.Next.Link, "prev") {
		add("prev.link always is about rel=prev: it needs next.link with prev")
	}
	if c.Token.Use == "chain" && c.Before.Name != "none" {
		add("token.use chain links a forward walk's pages: it needs before `none`")
	}
	if c.Next.EndOption && c.Next.URL == "" && c.Next.Cursor == "" {
		add("next.end.option chooses how next.url or next.cursor ends: set one of them")
	}
	if c.Total.Track.Name != "" && c.Total.Kind != "capped" && c.Total.Kind != "gte" {
		add("total.track moves total.cap: it needs total `capped` or `gte`")
	}
	sn := c.Snap
	if sn.Param.Name == "" && (sn.Field != "" || sn.Open != "" || sn.Close != "" || sn.Path != "" || sn.TTL > 0 || sn.Keep != "" || sn.Tiebreak) {
		add("snapshot.* knobs need snapshot, the parameter that names a snapshot")
	}
	if sn.Param.Name != "" && sn.Open == "" && sn.Field == "" {
		add("a snapshot opened by a page needs snapshot.field: where the client learns its id (or snapshot.open, a path that opens one)")
	}
	if sn.Tiebreak && c.Values == "" || sn.Keep != "" && sn.TTL > 0 {
		add("snapshot.tiebreak adds a sort value: it needs values; snapshot.keep-alive reads the time snapshot.ttl would set: keep one")
	}
	for i, p := range []string{sn.Open, sn.Close} {
		if p != "" && (servesPath(c.Paths, p) || i == 1 && p == sn.Open) {
			add("snapshot." + cond(i == 0, "open ", "close ") + p + " is a path of the list" + cond(i == 0, "", " or snapshot.open") + ": give it a path of its own")
		}
	}
	if sn.Path != "" && !servesPath(c.Paths, sn.Path) {
		add("snapshot.path " + sn.Path + " is not among the paths the list is served at: add it with path")
	}
	if c.Base != "page" && (c.FirstPageSet || c.PageLast != "" || c.Unpaged != "" || c.Next.PageNum != "" || c.Next.PrevPage != "" || len(c.Next.Pages) > 0 || c.Next.LinkText) {
		add("page.first, page.last, unpaged, next.page, prev.page, pages and next.link.style need the base `page`")
	}
	if c.Base != "offset" && c.Offset.Name != "" && c.Unpaged != "limit" || c.Base != "page" && c.Base != "session" && c.Page.Name != "" {
		add("offset is the `offset` base's parameter (and the slice's start under unpaged limit) and page the `page` and `session` bases'")
	}
	if c.End.Name != "" && c.Unpaged != "limit" {
		add("end is the end of the slice a request without a page gets: it needs unpaged limit")
	}
	if c.Base == "session" && (c.Window > 0 || c.PastEnd != "" || c.FirstPageSet || len(c.Next.Link) > 0 || c.Next.URL != "" || c.Next.PrevURL != "" || c.Next.LastFlag != "") {
		add("a `session` contract's client moves by page number, from page 1, and reads the flags next.flag and prev.flag: it has no window, page past the end, page.first, Link header, next URL or last flag")
	}
	if c.PageEcho != "" && c.Base != "page" && c.Base != "session" || c.OffsetEcho != "" && c.Base != "offset" {
		add("page.echo needs the base `page` or `session`, offset.echo the base `offset`")
	}
	if c.Base != "session" && c.Session.Name != "" {
		add("session names a server-side cursor's session: it needs the base `session`")
	}
	if c.LimitDefault > 0 && c.LimitMax > 0 && c.LimitDefault > c.LimitMax {
		add("limit.default " + itoa(c.LimitDefault) + " is above limit.max " + itoa(c.LimitMax) + ": the default page size could never be served")
	}
	if c.Bare && c.Items != "" {
		add("a bare array has no items path: drop `items` or `bare`")
	}
	if c.Bare && (c.Next.URL != "" || c.Next.PrevURL != "" || c.Next.PageNum != "" || len(c.Next.Pages) > 0 || c.Next.Cursor != "" || c.Next.Flag != "" || c.Next.LastFlag != "" || c.Total.Field != "" || c.Total.Relation != "") {
		add("a bare array has no body fields: signal the next page with a Link header (next.link) and the total in a header (total.header)")
	}
	if c.Next.Flag != "" && c.Next.LastFlag != "" {
		add("next.flag (true while more remain) and next.last-flag (true at the end) say the same thing twice: keep one")
	}
	if (c.Total.Kind == "capped" || c.Total.Kind == "gte") && c.Total.Cap <= 0 {
		add("a " + c.Total.Kind + " total needs total.cap, the largest number reported")
	}
	if (c.Total.Kind == "none" || c.Total.Kind == "exact") && c.Total.Cap > 0 {
		add("total.cap needs total `capped` or `gte`, not `" + c.Total.Kind + "`")
	}
	if c.Total.Relation != "" && c.Total.Kind != "gte" {
		add("total.relation needs total `gte`")
	}
	if len(c.Total.Choices) > 0 && !containsString(c.Total.Choices, c.Total.Kind) {
		add("total.choices offers " + orList(c.Total.Choices) + " but not the total `" + c.Total.Kind + "` itself")
	}
	if len(c.Total.Choices) > 0 && c.Total.Field == "" && c.Total.Header == "" {
		add("total.choices needs total.field or total.header: where a chosen total is written")
	}
	if c.Total.Kind == "none" && len(c.Total.Choices) == 0 && (c.Total.Field != "" || c.Total.Header != "" || c.Total.FirstPageOnly) {
		add("total `none` reports no total: drop total.field, total.header and total.first-page-only")
	}
	if c.Method == "GET" || c.Method == "" {
		for _, in := range []paramIn{c.Offset, c.Page, c.Limit, c.After, c.Before, c.Snap.Param} {
			if in.Where == "body" {
				add("`" + in.Name + "` is read from the body, which a GET request has none of: set method POST")
				break
			}
		}
	}
	if c.Base != "cursor" && c.EmptyCursor {
		add("after.empty cursor is about the cursor base's after and before: it needs the base `cursor`")
	}
	if c.Base != "cursor" && (c.Short.Pages != "" || c.Token.kept()) {
		add("short-pages and token.* knobs need the base `cursor`, not `" + c.Base + "`")
	}
	if t := c.Client.Trap; t == "requested" && keyed || t == "null-check" && c.Next.Cursor == "" || t == "total" && (c.Base != "page" || c.Total.Kind == "none") {
		add("client.trap " + t + " needs " + cond(t == "requested", "the base `offset` or `page`", cond(t == "total", "the base `page` and a total", "next.cursor")))
	}
	if c.Client.Trap != "" && c.Short.Pages != "" || c.Client.Trap == "" && c.Client.Follows != "" {
		add("client.follows names the client beside client.trap, and a contract has one trap: short-pages or client.trap")
	}
	if a := c.Alt; (a == nil) != (c.When == nil) || a != nil && (a.Method != c.Method || strings.Join(a.Paths, " ") != strings.Join(c.Paths, " ")) {
		add("when and or go together, and the style after or shares the paths and method set before it")
	}
	if a := c.Alt; a != nil {
		for _, p := range a.problems() {
			add("after or: " + p)
		}
	}
	if c.Short.Pages == "" && (c.Short.Follows != "" || c.Short.Client != "") {
		add("short-pages.follows and short-pages.client are about a client of short pages: set short-pages too")
	}
	if c.Short.Pages == "" && c.Short.Off {
		add("short-pages.default sets the option short-pages: set short-pages too")
	}
	if (len(c.Only) > 0 || c.Next.Query == "cursor" || c.Before.Name == c.After.Name && c.After.Name != "") && (c.Base != "cursor" || c.Token.kept()) {
		add("after.only, url.query cursor and a before named as after (one parameter both ways) need the base `cursor` without token.* knobs")
	}
	if c.Query != "" && c.Query == c.Method {
		add("method.query names another method than method, got " + c.Query + " twice")
	}
	if c.Also != "" && (c.Also == c.Method || c.Also == c.Query) {
		add("method.also names another method than method and method.query, got " + c.Also + " twice")
	}
	if c.FirstID && (c.Base != "cursor" || c.Before.Name != "none" || c.Token.kept()) {
		add("first-id is a forward cursor base's: it needs the base `cursor` and before `none`, and takes no token.* knobs")
	}
	if c.Before.Name == "none" && c.Next.PrevCursor != "" {
		add("prev.cursor needs a parameter to send it back in: before is `none`")
	}
	if c.Short.Pages != "" && c.Next.Cursor == "" && c.Next.URL == "" {
		add("short-pages need next.cursor or next.url: a client can only tell a short page from the last by what says the next page")
	}
	if c.Next.By != "" && (c.Base != "page" || len(c.Next.Pages) == 0 || c.LimitEcho == "" || c.Page.Where != "query" || c.Limit.Where != "query") {
		add("next.by pages needs the base `page`, pages and limit.echo (the count and the size the client reads), and page and limit in the query")
	}
	if (c.Independent || c.PositionFirst) && c.Base != "offset" && c.Base != "page" {
		add("pages.independent and position.first need the base `offset` or `page`")
	}
	if c.PositionFirst && (c.PageLast != "" || c.Unpaged != "") {
		add("position.first checks the page as a number: it does not go with page.last or unpaged")
	}
	if c.Invalid == "slice" && c.Base != "page" {
		add("invalid slice reads a negative size as Array.slice((page-1)*size, page*size): it needs the base `page`")
	}
	if c.LimitZero == "default" && c.Invalid == "default" {
		add("limit.zero default says no more than invalid default already does: drop limit.zero")
	}
	for _, p := range c.Paths {
		if !strings.HasPrefix(p, "/") {
			add("a path starts with `/`, got `" + p + "`")
		}
	}
	return out
}

// addProblem appends a problem. Not inlined: one call per problem, not a
// copy of append each, in the WASM.
//
//go:noinline
func addProblem(out *[]string, s string) { *out = append(*out, s) }

// reads is what the contract reads, for the editor's warnings.
func (c contract) reads() *readSpec {
	r := &readSpec{Methods: []string{c.Method}, Paths: c.Paths}
	for _, e := range c.Errors {
		if e.Kind == "method" {
			r.MethodStatus = e.Status
		}
	}
	for _, q := range c.Refuse { // read to be refused; the editor says where one read from the body goes
		if !(q == c.Page.Name && c.Page.Where == "body" || q == c.Limit.Name && c.Limit.Where == "body") {
			r.Params = append(r.Params, q)
		}
	}
	r.Params = append(r.Params, c.Params...)
	if c.Query != "" {
		r.Methods = append(r.Methods, c.Query)
	}
	if c.Also != "" {
		r.Methods = append(r.Methods, c.Also)
	}
	defer func() {
		if r.Body != nil {
			r.Body = append(r.Body, c.Params...)
		}
		r.Body = append(r.Body, c.Unread...)
	}()
	if c.Snap.Open != "" {
		r.Paths = append(r.Paths[:len(r.Paths):len(r.Paths)], c.Snap.Open)
		r.Own = append(r.Own, ownPath{c.Snap.Open, r.Methods[:1:1], nil})
	}
	if c.Snap.Close != "" {
		r.Paths = append(r.Paths[:len(r.Paths):len(r.Paths)], c.Snap.Close)
		r.Own = append(r.Own, ownPath{c.Snap.Close, []string{"DELETE"}, []string{"id"}})
	}
	for _, in := range []paramIn{c.Offset, c.Page, c.Limit, c.After, c.Before, c.Session, c.End, c.Total.Track, c.Snap.Param, {Name: c.Values, Where: c.After.Where}, {Name: c.Sort}, {Name: c.CreatedAfter}, {Name: c.CreatedBefore}} {
		for _, name := range []string{in.Name, in.Alias} {
			switch {
			case name == "" || name == "none":
			case in.Where == "body" || in.Where == "both":
				r.Body = append(r.Body, strings.Split(name, ".")[0])
				if c.Query != "" || in.Where == "both" {
					r.Params = append(r.Params, name)
				}
			case in.Where == "header":
				r.Headers = append(r.Headers, name)
			default:
				r.Params = append(r.Params, name)
			}
		}
	}
	if c.Alt != nil {
		a := c.Alt.reads()
		r.Params, r.Body, r.Headers = append(r.Params, a.Params...), append(r.Body, a.Body...), append(r.Headers, a.Headers...)
	}
	return r
}

// options are the profile options a contract offers: the rate limit, and
// those its knobs call for.
func (c contract) options() []OptionSpec {
	// The page size options every profile had before the catalogue became
	// data (`profile github limit=50`); their defaults are the contract's.
	// A connection has none: graphql-relay-js slices exactly first or last
	// records, with no default and no maximum.
	opts := rateOptions()
	if c.Base != "connection" {
		opts = append(sizeOptions(c.LimitDefault, c.LimitMax, cond(c.OverMax == "", "clamp", c.OverMax),
			"clamp it, refuse the request, or use the default", "clamp", "refuse", "default"), opts...)
	}
	if c.Short.Pages != "" {
		option, stop := c.Short.names()
		opts = append(opts,
			OptionSpec{Name: option, Default: cond(c.Short.Off, "off", "on"), Help: "whether pages may come back " + cond(c.Short.Pages == "zero", "empty", "shorter than the page size") + " while more remain (on) or never (off)", Enum: []string{"on", "off"}},
			OptionSpec{Name: "client", Default: cond(c.Short.Client == "", c.Short.Follows, stop), Help: "what the client's next/walk trusts: " + c.Short.Follows + " (the next " + c.Short.Follows + ", to the end) or " + stop + " (it stops on a page " + cond(c.Short.Pages == "zero", "with no records", "shorter than the page size") + ")", Enum: []string{c.Short.Follows, stop}})
	}
	if c.LimitOption {
		opts = append(opts, OptionSpec{Name: "page-size-param", Default: "none", Help: "the page size parameter the client may send: none (the default size only) or " + c.Limit.Name, Enum: []string{"none", c.Limit.Name}})
	}
	if t := c.Client.Trap; t != "" {
		f := cond(c.Client.Follows == "", "follows", c.Client.Follows)
		opts = append(opts, OptionSpec{Name: "client", Default: cond(c.Client.Play, t, f), Help: "what the client's next/walk does: " + f + " (what the contract says) or " + t + " (" +
			cond(t == "requested", "the next position from the page size it asked for, not the one it was served", cond(t == "total", "it computes the page count from the total and stops there", "it stops only on a null next cursor, and sends a missing one as none: the walk starts over")) + ")", Enum: []string{f, t}})
	}
	if c.Next.EndOption {
		opts = append(opts, OptionSpec{Name: "last-page-url", Default: c.Next.End, Help: "what the last page says where the next URL or cursor would be: null, absent or an empty string", Enum: []string{"null", "absent", "empty"}})
	}
	if c.Base == "id" {
		opts = append(opts, OptionSpec{Name: "deleted-cursor", Default: c.Deleted, Help: "a cursor whose record was deleted: error (400, resource_missing) or continue (the list goes on from where the record was)", Enum: []string{"error", "continue"}})
	}
	if c.Base != "cursor" && containsString(c.Next.Link, "last") {
		opts = append(opts, OptionSpec{Name: "last", Default: cond(c.Next.LastOmitted, "omitted", "computed"), Help: "whether the Link header carries rel=\"last\": computed, or omitted (lists where the server cannot calculate it)", Enum: []string{"computed", "omitted"}})
	}
	if c.Values != "" {
		a, b := c.Offset.Name+"-"+c.Limit.Name, strings.ReplaceAll(c.After.Name, "_", "-")
		opts = append(opts, OptionSpec{Name: "client", Default: a, Help: "how the client's next/walk pages: by the offset while the total says more remain, or after the last record's sort values while pages come back full", Enum: []string{a, b}})
	}
	if c.Window > 0 {
		opts = append(opts, OptionSpec{Name: "window", Default: itoa(c.Window), Help: "the largest offset + limit served", Min: 1, Max: 1_000_000_000})
	}
	if c.Snap.Param.Name != "" && c.Snap.Keep == "" {
		opts = append(opts, OptionSpec{Name: "snapshot-ttl", Default: itoa(c.Snap.TTL), Help: "ticks a snapshot stays open after its last use (0: for the whole run)", Min: 0, Max: 1_000_000_000})
	}
	if c.Token.kept() {
		opts = append(opts, OptionSpec{Name: "token-ttl", Default: itoa(c.Token.TTL), Help: "ticks a page token stays valid (0: for the whole run)", Min: 0, Max: 1_000_000_000})
	}
	if len(c.Total.Choices) > 0 {
		opts = append(opts, OptionSpec{Name: "total", Default: c.Total.Kind, Help: "the total the response reports: " + orList(c.Total.Choices), Enum: c.Total.Choices})
	}
	return opts
}

// registerContract registers a catalogue contract: p's Name, Vendor,
// Summary, Source, URL and Rules, served by the contract.
func registerContract(p *Profile, c contract) {
	c = c.withDefaults()
	if bad := c.problems(); len(bad) > 0 {
		panic(p.Name + ": " + strings.Join(bad, "; ")) // a programming error, caught by every test run
	}
	contractProfile(p, c)
	register(p)
}

// contractProfile makes p serve c (already with its defaults).
func contractProfile(p *Profile, c contract) *Profile {
	if c.First == "" {
		c.First = c.Method + " " + c.Paths[0]
	}
	p.First = fill(c.First, "{limit}", itoa(c.LimitDefault))
	p.reads = c.reads()
	if p.Options == nil {
		p.Options = c.options()
	}
	p.newServer = func(o *options) server {
		cc := c
		if n := o.Int("max-limit"); n > 0 {
			cc.LimitMax = n
		}
		if n := o.Int("limit"); n > 0 {
			cc.LimitDefault = n
			if !cc.LimitOption { // DRF's max_page_size caps only the client's size
				cc.LimitDefault = min(n, cc.LimitMax)
			}
		}
		if v := o.Str("over-max"); v != "" {
			cc.OverMax = v
		}
		if cc.LimitOption && o.Str("page-size-param") == "none" {
			cc.Limit.Name = "none"
		}
		if n := o.Int("window"); n > 0 {
			cc.Window = n
		}
		if n := o.Int("total-cap"); n > 0 {
			cc.Total.Cap = n
		}
		s := &contractServer{c: cc, o: o, body: len(p.reads.Body) > 0, n: -1}
		if cc.Alt != nil {
			s.alt = &contractServer{c: *cc.Alt, o: o, body: s.body, n: -1}
		}
		return s
	}
	return p
}

type contractServer struct {
	c      contract
	o      *options
	interp string      // the interpretation the request's parameters called for
	dflt   bool        // the page size is the default, not the client's
	note   string      // what the server did about them
	req    *request    // the request served: {path} and {url} in a const member
	allow  string      // the methods allowed, when a request's is not: {allow} in a message
	over   int64       // the page size asked for, when the server used another
	tokens []keptToken // the tokens issued, when their lifecycle is kept (Token)
	// sessions are the session base's cursors, by session name ("" is the
	// default session of requests that name none).
	sessions map[string]*cfSession
	earlier  bool   // records lie before the page served (nextSignal.PrevFlag)
	body     bool   // it reads parameters from a JSON body
	back     bool   // the request's cursor goes back (Before named as After)
	snaps    []snap // the snapshots opened (Snap)
	snap     string // the snapshot the request read, named at Snap.Field
	shard    bool   // the records' sort values end with the snapshot's tiebreaker (Snap.Tiebreak)
	total    string // the total the request gets: the contract's, the option's or totalRule.Track's
	cap      int64  // and its cap
	// chains are, per walk a first page started (tokenLife.Use "chain"), the
	// page whose next link is the valid one (0 once the walk ended);
	// chain and page are the request's walk and the page it serves.
	chains      []int64
	chain, page int64
	pageSize    int64           // the page size of the request (chainPosition)
	n           int64           // the length of the request's view of the list, for finish; -1: the whole list
	alt         *contractServer // contract.Alt's
}

// snap is an open snapshot: the records as they were when it was opened.
type snap struct {
	id   string
	data *listData
	used int64
	ms   int64     // how long it stays open after its last use, in milliseconds (a tick is a second); forever: the whole run
	_    [0]func() // not comparable: no equality code for it in the WASM
}

// keptToken is an issued token whose lifecycle the server keeps.
type keptToken struct {
	tok  string
	at   cursor
	key  string // the request's other parameters (tokenLife.Bound)
	made int64
	used bool
}

// read reads a parameter where the contract reads it, by its name or alias.
// A parameter with no name (a knob left unset, as total.track often is) is
// never sent: `?=false` is not it.
func (s *contractServer) read(req *request, in paramIn) (string, bool) {
	if in.Name == "none" || in.Name == "" {
		return "", false
	}
	if v, ok := s.readName(req, in, in.Name); ok || in.Alias == "" {
		return v, ok
	}
	return s.readName(req, in, in.Alias)
}

func (s *contractServer) readName(req *request, in paramIn, name string) (string, bool) {
	switch s.where(req, in) {
	case "header":
		v := req.HeaderValue(name)
		return v, v != ""
	case "body":
		if req.Body == "" {
			return "", false
		}
		b, err := json.Parse(req.Body)
		if err != nil {
			return "", false
		}
		v, ok := jsonPath(b, name)
		if !ok || v.Kind == json.Null {
			return "", false
		}
		if v.Kind != json.String && v.Kind != json.Number {
			return string(appendJSONValue(nil, v)), true
		}
		return cond(v.Kind == json.String && in != s.c.After && in != s.c.Before && in != s.c.Snap.Param, `"`+v.Str+`"`, v.Str), true // a number written as a string is no number
	}
	v, ok := req.Param(name)
	for _, p := range req.Query {
		if p.Name == name && s.c.Repeated == "last" {
			v = p.Value // Django's QueryDict: the last value
		}
	}
	return v, ok
}

// where is where req carries in: a body parameter is in the query on the
// contract's Query method.
func (s *contractServer) where(req *request, in paramIn) string {
	if in.Where == "body" && req.Method != s.c.Method && req.Method != s.c.Also {
		return "query"
	}
	if in.Where == "both" {
		_, q := req.Param(in.Name)
		return cond(q, "query", "body") // a query parameter overrides the body's member
	}
	return in.Where
}

// rule is the contract's code and message for a kind of refusal: msg with
// its variables replaced, or the simulator's msg.
func (s *contractServer) rule(kind, msg, name, value string) (code, text string) {
	for _, e := range s.c.Errors {
		if e.Kind == kind {
			code = e.Code
			if e.Message != "" {
				uri := ""
				if s.req != nil {
					uri = s.req.Target
				}
				msg = fill(e.Message, "{name}", name[strings.LastIndexByte(name, '.')+1:], "{value}", value, "{max}", itoa(s.c.LimitMax), "{message}", msg, "{uri}", uri, "{allow}", s.allow)
			}
		}
	}
	return code, msg
}

// fail answers a refusal of this kind in the contract's error shape.
func (s *contractServer) fail(w *world, kind string, status int, msg, name, value string) *response {
	c := &s.c
	code, msg := s.rule(kind, msg, name, value)
	body, interp := c.ErrorBody, c.Interp.Error
	for _, e := range c.Errors {
		if e.Kind == kind {
			body = cond(e.Body != "", e.Body, body)
			interp = cond(e.Interp != "", e.Interp, interp)
			if e.Status > 0 {
				status = e.Status
			}
		}
	}
	r := refuse(w, status, msg)
	r.Refused = status < 400 // an API that answers errors with 200 (Slack)
	r.Fields = nestFields([]pathVal{{c.ErrorField, strVal(msg)}})
	if body != "" {
		r.Fields = templateFields(body, status, msg, code, name)
	}
	r.Interp = join(cond(kind == "expired", c.Interp.Expired, ""), interp)
	return r
}

// fill replaces each placeholder of kv (placeholder, value, ...) in one pass:
// a value that holds a placeholder is not replaced again.
func fill(tpl string, kv ...string) string {
	var b []byte
	for i := 0; i < len(tpl); i++ {
		j := 0
		for j < len(kv) && !strings.HasPrefix(tpl[i:], kv[j]) {
			j += 2
		}
		if j < len(kv) {
			b = append(b, kv[j+1]...)
			i += len(kv[j]) - 1
			continue
		}
		b = append(b, tpl[i])
	}
	return string(b)
}

// templateFields fills an error body template in; nil when it is not a
// JSON object (knobs.go refuses such a template).
func templateFields(tpl string, status int, msg, code, param string) []bodyField {
	str := func(s string) string { return string(json.AppendString(nil, s)) }
	text := fill(tpl, "{status}", itoa(int64(status)), "{message}", str(msg), "{code}", str(code), "{param}", str(param))
	v, err := json.Parse(text)
	if err != nil || v.Kind != json.Object {
		return nil
	}
	out := make([]bodyField, len(v.Members))
	for i, m := range v.Members {
		out[i] = bodyField{Name: m.Name, Value: rawVal(string(appendJSONValue(nil, m.Value)))}
	}
	return out
}

// number reads a whole-number parameter: def when absent. note says that a
// bad value fell back to def; a refusal comes back as a response.
func (s *contractServer) number(w *world, req *request, in paramIn, def, min int64, size bool) (int64, string, *response) {
	v, ok := s.read(req, in)
	if !ok || v == "" && s.c.Numbers == "python" {
		if size {
			s.interp = s.c.Interp.Default
		}
		return def, "", nil
	}
	n, good := readNumber(s.c.Numbers, v)
	if size && s.c.LimitZero == "default" {
		if n == 0 && good {
			return def, "", nil
		}
		min = 0 // what a refusal says
	}
	if size && s.c.LimitZero == "empty" {
		min = 0
	}
	if good && n >= min {
		s.dflt = false
		return n, "", nil
	}
	kind := cond(size, "size", "position")
	invalid := s.c.Invalid
	if !size && s.c.InvalidPos != "" {
		invalid = s.c.InvalidPos
	}
	switch invalid {
	case "default":
		s.interp = cond(size && s.c.Interp.Default != "", s.c.Interp.Default, s.c.Interp.Invalid)
		return def, in.Name + "=" + quote(v) + " is not a number of at least " + itoa(min) + ": the server used " + itoa(def), nil
	case "404":
		return 0, "", s.fail(w, kind, 404, in.Name+"="+v+" names no page", in.Name, v)
	case "min", "slice":
		if good && n < 0 && size && invalid == "slice" {
			s.dflt = false
			return n, in.Name + "=" + itoa(n) + " is negative: the page is Array.slice((page-1)*" + itoa(n) + ", page*" + itoa(n) + ")", nil
		}
		if good { // below the minimum: the minimum; not a number: as if absent
			lo := cond(size, "1", itoa(min))
			return mustInt(lo), in.Name + "=" + quote(v) + " is below " + lo + ": the server used " + lo, nil
		}
		return def, "", nil
	}
	if !good {
		return 0, "", s.fail(w, "number", s.c.ErrorStatus, in.Name+" must be a whole number, got "+quote(v), in.Name, v)
	}
	return 0, "", s.fail(w, kind, s.c.ErrorStatus, in.Name+" must be at least "+itoa(min)+", got "+itoa(n), in.Name, v)
}

// readNumber reads a whole number as the contract's language does:
// strict (digits after an optional sign), python (int(): spaces around,
// underscores between digits) or js (parseInt: the leading digits, the
// rest ignored).
func readNumber(how, s string) (int64, bool) {
	if how == "python" {
		s = strings.TrimSpace(s)
		if strings.HasPrefix(s, "_") || strings.HasSuffix(s, "_") || strings.Contains(s, "__") || strings.Contains(s, "-_") || strings.Contains(s, "+_") {
			return 0, false
		}
		s = strings.ReplaceAll(s, "_", "")
	}
	if how == "js" {
		s = strings.TrimLeft(s, " \t\n")
		i := 0
		if s != "" && (s[0] == '-' || s[0] == '+') {
			i++
		}
		for i < len(s) && i < 16 && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		s = s[:i]
	}
	n, err := strconv.ParseInt(s, 10, 64)
	return n, err == nil && (n >= 0 || how != "unsigned")
}

// size is the page size a request asks for, after the contract's rules:
// the size, a note when the server changed it, or a refusal.
func (s *contractServer) size(w *world, req *request) (int64, string, *response) {
	c := &s.c
	s.dflt = true // number clears it when it reads the client's size
	limit, note, bad := s.number(w, req, c.Limit, c.LimitDefault, 1, true)
	if bad != nil || limit <= c.LimitMax || s.dflt && c.LimitOption {
		return limit, note, bad
	}
	v := itoa(limit)
	s.over = limit
	over := c.Limit.Name + "=" + v + " is above the maximum of " + itoa(c.LimitMax)
	switch c.OverMax {
	case "refuse":
		return 0, "", s.fail(w, "over-max", c.ErrorStatus, over, c.Limit.Name, v)
	case "default":
		return c.LimitDefault, over + ": the server used the default, " + itoa(c.LimitDefault), nil
	}
	_, note = s.rule("clamp", over+": the server clamped it to "+itoa(c.LimitMax), c.Limit.Name, v)
	s.interp = c.Interp.Limit
	return c.LimitMax, note, nil
}

// refuseMethod refuses req's method: what is done with the methods allow.
// A contract's message for it has {uri}, {value} (the method) and {allow}.
func (s *contractServer) refuseMethod(w *world, req *request, what, allow string) *response {
	s.req, s.allow = req, allow
	r := s.fail(w, "method", 405, req.Method+" is not allowed here: "+what+" with "+allow, "", req.Method)
	if r.Status == 405 {
		r.Header = []Header{{"Allow", allow}}
	}
	return r
}

// other says whether req gets the contract's other style (contract.Alt).
func (s *contractServer) other(req *request) bool {
	for _, p := range s.c.When {
		if _, ok := req.Param(p); ok {
			return false
		}
	}
	return s.alt != nil
}

func (s *contractServer) Serve(w *world, req *request) *response {
	if s.other(req) {
		return s.alt.Serve(w, req)
	}
	c := &s.c
	if c.Snap.Open != "" && req.Path == c.Snap.Open && req.Method != c.Method {
		return s.refuseMethod(w, req, "a snapshot is opened", c.Method) // Elasticsearch's open point in time is POST only
	}
	if c.Snap.Close != "" && req.Path == c.Snap.Close {
		if req.Method != "DELETE" {
			return s.refuseMethod(w, req, "a snapshot is closed", "DELETE")
		}
		return s.closeSnap(w, req)
	}
	if c.Snap.Open != "" && req.Path == c.Snap.Open {
		ms, bad := s.keepAlive(w, req, paramIn{Name: c.Snap.Keep}, true)
		if bad != nil {
			return bad
		}
		return &response{Status: 200, Position: -1, Fields: []bodyField{{"id", strVal(s.open(w, ms))}}, Reason: "a snapshot of the " + plural(w.Len(), "record") + " listed now"}
	}
	if !servesPath(c.Paths, req.Path) {
		return s.fail(w, "path", 404, "no list at "+req.Path+": this API serves "+strings.Join(c.Paths, ", "), "", "")
	}
	if req.Method != c.Method && req.Method != c.Query && req.Method != c.Also {
		allow := c.Method
		for _, m := range []string{c.Query, c.Also} {
			if m != "" {
				allow += ", " + m
			}
		}
		return s.refuseMethod(w, req, "the list is read", allow)
	}
	s.interp, s.note, s.req, s.over, s.shard = "", "", req, 0, false
	if req.Body != "" && s.body {
		if v, err := json.Parse(req.Body); err != nil || v.Kind != json.Object {
			return s.fail(w, "body", c.ErrorStatus, "the body must be a JSON object", "", "")
		}
	}
	for _, p := range req.Query {
		if containsString(c.Refuse, p.Name) {
			return s.fail(w, "refused", c.ErrorStatus, p.Name+" is not supported here", p.Name, p.Value)
		}
	}
	if c.PositionFirst {
		in := c.Offset
		if c.Base == "page" {
			in = c.Page
		}
		if _, _, bad := s.number(w, req, in, c.FirstPage, c.FirstPage, false); bad != nil {
			return bad
		}
	}
	limit, note, bad := s.size(w, req)
	if bad != nil {
		return bad
	}
	if c.Bounded != "" {
		if v, _ := s.read(req, paramIn{Name: c.Bounded}); strings.TrimSpace(v) == "" || strings.HasPrefix(asciiUpper(strings.TrimSpace(v)), "ORDER BY") {
			return s.fail(w, "unbounded", c.ErrorStatus, c.Bounded+" has no search restriction (only an order, or nothing)", c.Bounded, v)
		}
	}
	s.total, s.cap = c.Total.Kind, c.Total.Cap
	if len(c.Total.Choices) > 0 {
		s.total = s.o.Str("total")
	}
	if v, _ := s.read(req, c.Total.Track); v == "true" || v == "false" {
		s.total = cond(v == "true", "exact", "none")
	} else if s.cap, _, bad = s.number(w, req, c.Total.Track, s.cap, 0, false); bad != nil {
		return bad
	}
	for _, name := range c.Unread { // checked after the paging parameters
		if v, ok := s.read(req, paramIn{Name: name, Where: "body"}); ok {
			return s.fail(w, "member", c.ErrorStatus, name+" is not supported here", name, v)
		}
	}
	interp := s.interp
	sw := w
	if c.Snap.Param.Name != "" {
		if sw, bad = s.snapshot(w, req); bad != nil {
			return bad
		}
	}
	var filtered string
	if c.Filter { // json-server v1's parseWhere: every other parameter is a filter
		rd := append([]string{c.Page.Name, c.Limit.Name, c.Offset.Name, c.End.Name, c.After.Name, c.Before.Name}, c.Params...)
		for _, p := range req.Query {
			if !containsString(rd, p.Name) {
				none := *sw
				none.data = &listData{}
				sw = &none
				filtered = p.Name + "=" + p.Value + " filters the records by a field " + p.Name + ", which none has: no records"
				break
			}
		}
	}
	var resp *response
	switch c.Base {
	case "session":
		resp = s.serveSession(sw, req, limit, note)
	case "cursor", "id":
		if c.CursorKind == "position" {
			resp = s.servePosition(sw, req, limit, note)
		} else {
			resp = s.serveCursor(sw, req, limit, note)
		}
	case "connection":
		resp = s.serveConnection(sw, req, limit, note)
	default:
		resp = s.serveOffset(sw, req, limit, note)
	}
	w.query = sw.query
	resp.Reason = join(filtered, resp.Reason)
	if resp.Interp == "" && resp.Status < 400 && !resp.Refused { // a refusal's note is its own, not the page size's
		resp.Interp = cond(s.interp != "", s.interp, cond(interp != "", interp, c.Interp.Page))
	}
	if resp.Interp == "" {
		resp.Interp = c.Interp.All
	}
	return resp
}

// connOffset is the offset a connection cursor names, or def when it names
// none (graphql-relay-js's getOffsetWithDefault and cursorToOffset:
// "parseInt(unbase64(cursor).substring(PREFIX.length), 10)", which skips
// the prefix's length without reading it).
func (s *contractServer) connOffset(v string, ok bool, def int64) int64 {
	d, good := base64Decode(v)
	if ok && good && len(d) >= len(s.c.Prefix) {
		if n, num := readNumber("js", d[len(s.c.Prefix):]); num {
			return n
		}
	}
	return def
}

// serveConnection serves a Relay connection as graphql-relay-js's
// connectionFromArraySlice: after and before cut the list (a cursor outside
// it cuts nothing), then first keeps the head and last the tail;
// hasNextPage is computed only with first, hasPreviousPage only with last.
func (s *contractServer) serveConnection(w *world, req *request, first int64, note string) *response {
	c := &s.c
	n := w.Len()
	last, _, bad := s.number(w, req, c.Last, -1, 0, true)
	if bad != nil {
		return bad
	}
	av, hasAfter := s.read(req, c.After)
	bv, hasBefore := s.read(req, c.Before)
	after, before := s.connOffset(av, hasAfter, -1), s.connOffset(bv, hasBefore, n)
	start, end := int64(0), n
	if after >= 0 && after < n {
		start = after + 1
	}
	if before >= 0 && before < n {
		end = before
	}
	_, hasFirst := s.read(req, c.Limit)
	if hasFirst {
		end = min(end, addSat(start, first))
	}
	if last >= 0 {
		start = max(start, end-last)
	}
	var items []record
	if end > start {
		items = w.Page(start, min(end-start, maxPageSize))
	}
	lower, upper := int64(0), n
	if hasAfter {
		lower = after + 1
	}
	if hasBefore {
		upper = before
	}
	more := hasFirst && end < upper
	s.earlier = last >= 0 && start > lower
	size := first
	if last >= 0 && !hasFirst {
		size = last
	}
	size = max(size, 1)
	resp := served(response{Status: 200, Items: items, Reason: note, Position: -1, Cost: offsetCost(start, int64(len(items)), n)},
		servedPage{Offset: start, Limit: size, Name: "offset "})
	var fields []pathVal
	for i, path := range []string{c.Next.PrevCursor, c.Next.Cursor} {
		v := nullVal()
		if len(items) > 0 {
			v = strVal(base64Encode(c.Prefix + itoa(start+int64(i*(len(items)-1)))))
		}
		fields = append(fields, pathVal{path, v})
	}
	if len(items) > 0 {
		resp.Position = start
	}
	s.finish(w, resp, fields, size, more, start == 0)
	resp.HasNext = NextReport{Kind: "flag", Reported: more, True: start+int64(len(items)) < n}
	if last >= 0 && !hasFirst {
		resp.HasNext.Reported, resp.HasNext.True = s.earlier, start > 0 // paging backward
	}
	return resp
}

// open opens a snapshot of the list as it is now, open for ms (or for
// snapshot-ttl ticks when ms is forever), and names it.
func (s *contractServer) open(w *world, ms int64) string {
	id := makeToken("snapshot", int64(len(s.snaps)), w.Now())
	if ttl := s.o.Int("snapshot-ttl"); ms == forever && ttl > 0 {
		ms = mulSat(ttl, 1000)
	}
	s.snaps = append(s.snaps, snap{id: id, data: w.data.clone(), used: w.Now(), ms: ms})
	return id
}

// forever is how long a snapshot without a time stays open.
const forever = 1<<63 - 1

// timeUnits are Elasticsearch's time units, and their length in
// milliseconds (a negative number divides).
var (
	timeUnits  = [...]string{"d", "h", "m", "s", "ms", "micros", "nanos"}
	timeMillis = [...]int64{86_400_000, 3_600_000, 60_000, 1000, 1, -1000, -1_000_000}
)

// keepAlive reads Snap.Keep at in, in milliseconds (forever when the
// contract has none, or the request leaves it out and need is false): a
// whole number and an Elasticsearch time unit, one tick a second.
func (s *contractServer) keepAlive(w *world, req *request, in paramIn, need bool) (int64, *response) {
	if s.c.Snap.Keep == "" {
		return forever, nil
	}
	v, ok := s.read(req, in)
	v = strings.Trim(v, `"`)
	if !ok && !need {
		return forever, nil
	}
	if !ok {
		return 0, s.fail(w, "keep-alive", s.c.ErrorStatus, "Validation Failed: 1: ["+in.Name+"] is not specified;", in.Name, "")
	}
	if v == "0" || v == "-1" { // Elasticsearch's two values without a unit
		return mustInt(v), nil
	}
	i := len(v)
	for i > 0 && (v[i-1] < '0' || v[i-1] > '9') {
		i--
	}
	n, good := readNumber("", v[:i])
	u := 0
	for u < len(timeUnits) && timeUnits[u] != v[i:] {
		u++
	}
	if !good || n < 0 || u == len(timeUnits) || i == 0 {
		return 0, s.fail(w, "keep-alive", s.c.ErrorStatus, "failed to parse setting ["+in.Name+"] with value ["+v+"] as a time value: unit is missing or unrecognized", in.Name, v)
	}
	ms := n / max(-timeMillis[u], 1)
	if timeMillis[u] > 0 {
		ms = mulSat(n, timeMillis[u])
	}
	if ms <= 86_400_000 {
		return ms, nil
	}
	return 0, s.fail(w, "keep-alive", s.c.ErrorStatus, "Keep alive for request ("+v+") is too large. It must be less than (1d). This limit can be set by changing the [search.max_keep_alive] cluster level setting.", in.Name, v)
}

// snapshot is the world a request reads: the snapshot it names, a new one
// when it names none and pages open them (Snap.Open ""), or the list now.
func (s *contractServer) snapshot(w *world, req *request) (*world, *response) {
	c := &s.c
	s.snap = ""
	id, ok := s.read(req, c.Snap.Param)
	if !ok && c.Snap.Open != "" {
		return w, nil
	}
	keep := c.Snap.Param
	keep.Name = keep.Name[:strings.LastIndexByte(keep.Name, '.')+1] + c.Snap.Keep // pit.keep_alive beside pit.id
	ms, bad := s.keepAlive(w, req, keep, !ok)
	if bad != nil {
		return nil, bad
	}
	if !ok {
		id = s.open(w, ms)
	}
	if c.Snap.Path != "" && req.Path != c.Snap.Path {
		return nil, s.fail(w, "path", c.ErrorStatus, "a request naming a snapshot is sent to "+c.Snap.Path, "", "")
	}
	i := s.live(w, id)
	if i < 0 {
		return nil, s.fail(w, "snapshot", int(c.Snap.Status), "no open snapshot has the id "+quote(id)+": it expired (unused for more than "+cond(c.Snap.Keep != "", "its "+c.Snap.Keep, "snapshot-ttl ticks")+")"+cond(c.Snap.Close != "", ", was closed", "")+" or never was", c.Snap.Param.Name, id)
	}
	s.snaps[i].used, s.snap = w.Now(), id
	if ms != forever {
		s.snaps[i].ms = max(s.snaps[i].ms, ms) // a keep-alive lengthens, never shortens
	}
	sw := *w
	sw.data = s.snaps[i].data
	return &sw, nil
}

// live is the index of the open snapshot named id, -1 when none is: it
// expired, was closed (ms -1) or never was.
func (s *contractServer) live(w *world, id string) int {
	i := len(s.snaps) - 1
	for i >= 0 && s.snaps[i].id != id {
		i--
	}
	if i >= 0 && mulSat(w.Now()-s.snaps[i].used, 1000) > s.snaps[i].ms {
		return -1
	}
	return i
}

// closeFields are the bodies of a close that freed nothing and of one that
// freed the snapshot (one shard: esPITInterp).
var closeFields = [2][]bodyField{
	{{"succeeded", val{kind: 'b'}}, {"num_freed", val{kind: 'i'}}},
	{{"succeeded", val{kind: 'b', i: 1}}, {"num_freed", val{kind: 'i', i: 1}}},
}

// closeSnap closes the snapshot a DELETE to Snap.Close names in its body,
// in Elasticsearch's words (ClosePointInTimeRequest.fromXContent; the
// response's status is 404 when nothing was freed). The exchange leaves the
// client's walk where it was: next follows the page before it.
func (s *contractServer) closeSnap(w *world, req *request) *response {
	b, _ := json.Parse(req.Body)
	msg, id := cond(b.Kind != json.Object, "Malformed content, must start with an object", ""), ""
	for _, m := range b.Members {
		if m.Name != "id" {
			msg = "Unknown parameter [" + m.Name + "] in request body or parameter is of the wrong type[FIELD_NAME] "
		}
		id = m.Value.Str
	}
	if id == "" && msg == "" {
		msg = "search context id is is not provided"
	}
	if msg != "" {
		return s.fail(w, "close", s.c.ErrorStatus, msg, "id", id)
	}
	i := s.live(w, id)
	r := refuse(w, 404, "no open snapshot has the id "+quote(id)+": nothing to close")
	if i >= 0 {
		s.snaps[i].ms = -1
		r.Status, r.Reason = 200, "the snapshot "+quote(id)+" is closed: a request naming it is refused from now on"
	}
	r.Fields, r.aside = closeFields[min(i+1, 1)], true
	return r
}

// afterValues serves the page after a record's public sort values (Values).
func (s *contractServer) afterValues(w *world, req *request, limit int64, note, v string) *response {
	c := &s.c
	name := c.After.Name
	if o, ok := s.read(req, c.Offset); ok && o != "0" {
		return s.fail(w, "both", c.ErrorStatus, "`"+c.Offset.Name+"` parameter must be set to 0 when `"+name+"` is used.", c.Offset.Name, o)
	}
	if _, ok := s.read(req, paramIn{Name: c.Values, Where: c.After.Where}); !ok {
		return s.fail(w, "cursor", c.ErrorStatus, "["+name+"] needs a "+c.Values+": its values are the sort's", name, v)
	}
	want := 1 + len(cond(w.Tiebreak(), "1", ""))
	vals, _ := json.Parse(v)
	n := len(vals.Items)
	// search_after with the snapshot's tiebreaker: one value more, the last
	// (Elasticsearch adds _shard_doc only when search_after has its value).
	s.shard = s.shard && n == want+1
	want += len(cond(s.shard, "1", ""))
	var k [3]int64
	ok := n == want
	for i, it := range vals.Items {
		if ok {
			k[i], ok = it.Int()
		}
	}
	if !ok {
		return s.fail(w, "cursor", c.ErrorStatus, name+" has "+itoa(int64(n))+" value(s) but sort has "+itoa(int64(want))+cond(n == want, ": whole numbers, a record's sort values", "."), name, v)
	}
	var items []record
	var pos int64
	if s.shard { // the tiebreaker is a position in the snapshot: after it, within the tie
		key := cursor{Key: k[0], KeyOnly: true}
		pos = clamp(addSat(k[want-1], 1), w.Before(key), w.Split(key))
		items = w.Slice(pos, limit)
	} else {
		items, pos = w.After(cursor{Key: k[0], ID: k[1], KeyOnly: want == 1}, limit)
	}
	resp := served(response{Status: 200, Items: items, Reason: note, Position: -1, Cost: Cost{Seek: true, Rows: int64(len(items))}}, servedPage{Cursor: true})
	if len(items) > 0 {
		resp.Position = pos
	}
	more := pos+int64(len(items)) < w.Len()
	s.finish(w, resp, nil, limit, more, false)
	resp.HasNext = NextReport{Kind: "total", Reported: int64(len(items)) == limit && limit > 0, True: more}
	return resp
}

func (s *contractServer) serveOffset(w *world, req *request, limit int64, note string) *response {
	c := &s.c
	_, sorted := s.read(req, paramIn{Name: c.Values, Where: c.After.Where})
	s.shard = c.Snap.Tiebreak && s.snap != "" && sorted
	if v, ok := s.read(req, c.After); ok && c.Base == "page" {
		return s.afterToken(w, req, limit, note, v)
	} else if ok && c.Values != "" {
		return s.afterValues(w, req, limit, note, v)
	}
	n := w.Len()
	var off, page, asked int64
	var bad *response
	var why string
	sp := servedPage{Name: c.Offset.Name, Eq: true}
	if c.Base == "page" {
		v, _ := s.read(req, c.Page)
		if _, good := readNumber(c.Numbers, v); c.Unpaged != "" && (v == "" || c.Unpaged == "all" && !good) {
			return s.serveAll(w, req)
		}
		if v == c.PageLast && v != "" {
			page = c.FirstPage + max(0, n-1)/limit
		} else if page, why, bad = s.number(w, req, c.Page, c.FirstPage, c.FirstPage, false); bad != nil {
			return bad
		}
		note = join(why, note)
		if off = mulSat(page-c.FirstPage, max(limit, -limit)); limit < 0 {
			off = -off
		}
		sp = servedPage{Name: cond(c.PageAt == "", "page ", c.PageAt), Per: limit, First: c.FirstPage}
	} else if off, why, bad = s.number(w, req, c.Offset, 0, 0, false); bad != nil {
		return bad
	}
	note = join(why, note)
	v, vInterp, bad := s.view(w, req)
	if bad != nil {
		return bad
	}
	n = v.n
	if c.Window > 0 && addSat(off, limit) > c.Window {
		msg := fill(c.WindowMessage, "{window}", itoa(c.Window), "{value}", itoa(addSat(off, limit)), "{page}", itoa(page), "{limit}", itoa(limit))
		if msg == "" {
			msg = "offset + limit = " + itoa(addSat(off, limit)) + " is above the window of " + itoa(c.Window) + " records"
		}
		return s.fail(w, "window", c.WindowStatus, msg, "", "")
	}
	if off >= n && off > 0 {
		switch c.PastEnd {
		case "404":
			return s.fail(w, "position", 404, sp.at(off)+" is past the end of the list ("+plural(n, "record")+")", "", "")
		case "last":
			last := max(0, (n-1)/limit*limit)
			note = join(note, sp.at(off)+" is past the end: the server answered with the last page, "+sp.at(last))
			asked, off, page = off, last, last/limit+c.FirstPage
		case "silent":
		default:
			note = join(note, sp.at(off)+" is past the end of the list ("+plural(n, "record")+")")
			s.interp = c.Interp.PastEnd
		}
	}
	items, pos := w.Page(off, limit), off
	if limit < 0 { // invalid slice: Array.slice(off, off+limit), a negative index counting from the end
		if off < 0 {
			pos = max(0, n+off)
		}
		items = w.Page(pos, max(0, n+off+limit-pos))
	} else if v.ascending || v.window != nil {
		items, pos = v.page(w, off, limit)
	} else if s.shard { // sorted by the snapshot's tiebreaker: ties in one order
		items = w.Slice(off, limit)
	}
	more := addSat(off, int64(len(items))) < n
	sp.Offset, sp.Limit, sp.Asked = off, limit, asked
	got, costAt := sp, off
	if limit < 0 { // getPage links the next page while any record came back
		more, costAt = len(items) > 0, pos
		got = servedPage{Offset: pos, Limit: max(1, int64(len(items))), Name: "record ", Per: 1, First: 1}
	}
	resp := served(response{
		Status: 200, Items: items, Reason: join(note, v.note()), Position: -1, Scope: v.window,
		Cost: offsetCost(costAt, int64(len(items)), n),
	}, got)
	if c.Independent {
		resp.Served.Valid = sp.at(off) + " is valid here (every page is independent), but "
	}
	if c.Base != "page" { // a page number's next is N+1, whatever the size
		resp.Served.Step = s.over
	}
	if s.over > 0 && s.trap() == "requested" {
		resp.Served.Valid = sp.at(off) + " was computed from the " + c.Limit.Name + " the client asked for, not the " + itoa(limit) + " the server used: "
	}
	if len(items) > 0 {
		resp.Position = pos
	}
	target := func(o int64) string {
		set := []Param{{Name: c.Limit.Name, Value: itoa(limit)}}
		if c.Next.LinkLimit == "sent" {
			set = nil
		}
		pos := Param{Name: c.Offset.Name, Value: itoa(o)}
		if c.Base == "page" {
			pos = Param{Name: c.Page.Name, Value: itoa(o/limit + c.FirstPage)}
		}
		if o <= 0 && c.Next.FirstPos == "omitted" {
			pos.Value = ""
		}
		if c.Next.Query == "front" {
			return c.Next.LinkBase + reqtarget.String(req.Path, frontParams(req.Query, pos, Param{Name: c.Limit.Name, Value: itoa(limit)}))
		}
		return c.Next.LinkBase + s.query(req, append(set, pos)...)
	}
	if c.Next.LinkText {
		full := req.Target
		if !strings.HasPrefix(full, "http") {
			full = c.Next.LinkBase + full
		}
		target = func(o int64) string {
			return strings.Replace(full, c.Page.Name+"="+itoa(page), c.Page.Name+"="+itoa(o/limit+c.FirstPage), 1)
		}
	}
	fields := make([]pathVal, 0, 8) // finish copies them: on the stack
	var links []linkheader.Link
	rels := c.Next.Link
	if c.Next.LinkEdges == "partial" && (len(items) == 0 || int64(len(items)) == n) {
		rels = nil
	}
	away := c.Next.LinkEdges == "away"
	lastOmitted := c.Next.LastOmitted
	if containsString(c.Next.Link, "last") {
		lastOmitted = s.o.Str("last") == "omitted"
	}
	lastOff := func() int64 {
		if limit < 0 { // Math.ceil(n / limit), a page below 1
			return (n/limit - c.FirstPage) * limit
		}
		return max(0, (n-1)/limit*limit)
	}
	prevOff, past := max(0, off-limit), away && n > 0 && off >= n && limit > 0
	if past { // GitHub: prev and last name the last page
		prevOff = lastOff()
	}
	for _, rel := range rels {
		switch {
		case rel == "next" && more:
			links = append(links, linkheader.Link{URL: target(off + limit), Rel: []string{"next"}})
		case (rel == "prev" || rel == "previous") && (off > 0 || c.PrevAlways):
			links = append(links, linkheader.Link{URL: target(prevOff), Rel: []string{rel}})
		case rel == "first" && (!away || off > 0):
			links = append(links, linkheader.Link{URL: target(0), Rel: []string{"first"}})
		case rel == "last" && !lastOmitted && (!away || more || past):
			links = append(links, linkheader.Link{URL: target(lastOff()), Rel: []string{"last"}})
		}
	}
	if len(links) > 0 {
		resp.Header = append(resp.Header, Header{Name: "Link", Value: linkheader.Format(links)})
	}
	if c.Next.URL != "" {
		fields = s.end(fields, c.Next.URL, more, func() val { return strVal(target(off + limit)) })
	}
	if c.Next.PrevURL != "" {
		fields = s.end(fields, c.Next.PrevURL, off > 0, func() val { return strVal(target(max(0, off-limit))) })
	}
	pageVal := func(ok bool, p int64) val {
		if ok {
			return intVal(p)
		}
		return nullVal()
	}
	if c.Next.PrevPage != "" {
		fields = append(fields, pathVal{c.Next.PrevPage, pageVal(off > 0, page-1)})
	}
	if c.Next.PageNum != "" {
		fields = append(fields, pathVal{c.Next.PageNum, pageVal(more, page+1)})
	}
	least := int64(1) // a page count, 1 for an empty list; exact with next.by pages
	if c.Next.By != "" {
		least = 0
	}
	for _, path := range c.Next.Pages {
		fields = append(fields, pathVal{path, intVal(max(least, (n+limit-1)/limit))})
	}
	if c.PageEcho != "" {
		fields = append([]pathVal{{c.PageEcho, intVal(page)}}, fields...)
	}
	if c.OffsetEcho != "" {
		fields = append([]pathVal{{c.OffsetEcho, intVal(off)}}, fields...)
	}
	if c.CursorKind == "objectid" && more && len(items) > 0 {
		fields = append(fields, pathVal{c.Next.Cursor, strVal(s.objectID(w, req, items[len(items)-1]))})
	}
	s.earlier = off > 0
	s.n = n
	s.finish(w, resp, fields, limit, more, off == 0)
	if c.Sort != "" || c.CreatedAfter != "" || c.CreatedBefore != "" || c.PrevAlways {
		if x := sentences(sentences(vInterp, cond(s.over > 0 && c.OverMax != "default", c.Interp.Limit, "")), cond(off == 0 && c.PrevAlways, c.Interp.First, "")); x != "" {
			resp.Interp = x
		}
	}
	return resp
}

// afterToken serves the page after a cursor beside the page number
// (CursorKind objectid, Flashduty's search_after_ctx): one the server
// issued for this path, sent without a page.
func (s *contractServer) afterToken(w *world, req *request, limit int64, note, tok string) *response {
	c := &s.c
	name := c.After.Name
	if p, ok := s.read(req, c.Page); ok {
		return s.fail(w, "both", c.ErrorStatus, "send "+c.Page.Name+" or "+name+", not both: they are two pagination techniques", c.Page.Name, p)
	}
	i := len(s.tokens) - 1
	for i >= 0 && s.tokens[i].tok != tok {
		i--
	}
	switch {
	case len(tok) != 24 || strings.Trim(tok, hexDigits) != "":
		return s.fail(w, "format", c.ErrorStatus, name+" "+quote(tok)+" is not a cursor: it is the 24-hex-digit value a previous response returned", name, tok)
	case i < 0:
		return s.fail(w, "cursor", c.ErrorStatus, name+" "+quote(tok)+" was never issued by this server: send back the value the previous response returned", name, tok)
	case s.tokens[i].key != req.Path:
		return s.fail(w, "changed", c.ErrorStatus, name+" "+quote(tok)+" was issued for "+s.tokens[i].key+", not "+req.Path, name, tok)
	}
	items, pos := w.After(s.tokens[i].at, limit)
	resp := served(response{Status: 200, Items: items, Reason: note, Position: -1, Cost: Cost{Seek: true, Rows: int64(len(items))}}, servedPage{Cursor: true})
	more := pos+int64(len(items)) < w.Len()
	var fields []pathVal
	if len(items) > 0 {
		resp.Position = pos
		if more {
			fields = []pathVal{{c.Next.Cursor, strVal(s.objectID(w, req, items[len(items)-1]))}}
		}
	}
	s.finish(w, resp, fields, limit, more, false)
	return resp
}

// objectID issues the cursor for the place after r: 24 hex digits, as a
// MongoDB ObjectId (a timestamp, a random part and a counter), like the
// 658bcbae6ab5a67b3b800230 on Flashduty's pagination page, kept with the
// path it was issued for.
func (s *contractServer) objectID(w *world, req *request, r record) string {
	n := uint64(len(s.tokens))
	b := appendHex(nil, uint64(0x658bcbae)+uint64(w.Now()), 8)
	b = appendHex(b, mix(n^0x5eed)>>24, 10)
	tok := string(appendHex(b, 0x800230+n, 6))
	s.tokens = append(s.tokens, keptToken{tok: tok, at: w.CursorOf(r), key: req.Path})
	return tok
}

// appendHex appends the low digits hex digits of v.
func appendHex(b []byte, v uint64, digits int) []byte {
	for i := digits - 1; i >= 0; i-- {
		b = append(b, hexDigits[(v>>(4*uint(i)))&0xf])
	}
	return b
}

// serveAll answers a request without a page (Unpaged): the whole list as a
// bare array, or with "limit" a slice when the end or the page size is sent
// (plural.js: "else if (_end) chain.slice(_start, _end)", "else if (_limit)
// chain.slice(_start, _start + _limit)": Array.slice, whose negative
// indexes count from the end and NaN is 0), with the total header then.
func (s *contractServer) serveAll(w *world, req *request) *response {
	c := &s.c
	n := w.Len()
	resp := &response{Status: 200, Bare: true, Position: -1, Reason: "no " + c.Page.Name + ": the whole list, not a page",
		Total: TotalReport{Kind: "absent", True: n}}
	from, to := int64(0), n
	end, _ := s.read(req, c.End)
	lim, _ := s.read(req, c.Limit)
	if c.Unpaged == "limit" && end+lim != "" {
		v, _ := s.read(req, c.Offset)
		a, _ := readNumber(c.Numbers, v)
		b, good := readNumber(c.Numbers, end)
		if end == "" {
			b, good = readNumber(c.Numbers, lim)
			b = addSat(a, b)
		}
		if !good {
			b = 0
		}
		from, to = jsIndex(a, n), jsIndex(b, n)
		resp.Header = []Header{{Name: c.Total.Header, Value: itoa(n)}}
		resp.Total = TotalReport{Kind: "exact", Reported: n, True: n}
		resp.Reason = "no " + c.Page.Name + ": records " + itoa(from) + " to " + itoa(max(from, to)) + " of the list (Array.slice), not a page"
	}
	to = max(from, min(to, from+maxPageSize))
	resp.Served = &servedPage{Offset: from, Limit: to - from, Name: c.Offset.Name, Eq: true}
	resp.Items = w.Page(from, to-from)
	resp.HasNext = NextReport{Kind: "none", True: to < n}
	resp.Cost.Rows = int64(len(resp.Items))
	if len(resp.Items) > 0 {
		resp.Position = from
	}
	return resp
}

// jsIndex is an index as Array.slice reads it: a negative one counts from
// the end; both are kept within the array.
func jsIndex(i, n int64) int64 {
	if i < 0 {
		i = max(0, n+i)
	}
	return min(i, n)
}

// query is the request's path and query with the parameters set ("" removes
// one), sorted by name when the contract says so (nextSignal.Query).
func (s *contractServer) query(req *request, set ...Param) string {
	q := setParams(req.Query, set...)
	if s.c.Next.Query == "sorted" { // parse_qs then query_dict[key] = [val]: a parameter set is sent once
		kept := q[:0:0]
		for _, p := range q {
			if !isSet(set, p.Name) || !isSet(kept, p.Name) {
				kept = append(kept, p)
			}
		}
		q = kept
	}
	for i := 1; s.c.Next.Query == "sorted" && i < len(q); i++ {
		for j := i; j > 0 && q[j].Name < q[j-1].Name; j-- {
			q[j], q[j-1] = q[j-1], q[j]
		}
	}
	return reqtarget.String(req.Path, q)
}

// end writes a next URL or cursor, or the contract's way of saying there is none.
func (s *contractServer) end(fields []pathVal, path string, present bool, v func() val) []pathVal {
	end := s.c.Next.End
	if o := s.o.Str("last-page-url"); o != "" {
		end = o
	}
	switch {
	case present:
		return append(fields, pathVal{path, v()})
	case end == "empty":
		return append(fields, pathVal{path, strVal("")})
	case end == "null":
		return append(fields, pathVal{path, nullVal()})
	}
	return fields
}

// finish writes the flags, the total and the body, and says what the
// response reported.
func (s *contractServer) finish(w *world, resp *response, fields []pathVal, limit int64, more, first bool) {
	c := &s.c
	n := w.Len()
	if s.n >= 0 { // the records a window selects (serveOffset)
		n, s.n = s.n, -1
	}
	tot := make([]pathVal, 0, 2)
	fields = append(make([]pathVal, 0, 16), fields...) // on the stack, as tot: nestFields makes the body's one allocation
	if c.LimitEcho != "" {
		fields = append(fields, pathVal{c.LimitEcho, intVal(limit)})
	}
	if c.Next.Flag != "" {
		fields = append(fields, pathVal{c.Next.Flag, boolVal(more)})
	}
	if c.Next.PrevFlag != "" {
		fields = append(fields, pathVal{c.Next.PrevFlag, boolVal(s.earlier)})
	}
	if c.Next.LastFlag != "" {
		fields = append(fields, pathVal{c.Next.LastFlag, boolVal(!more)})
	}
	if s.snap != "" && c.Snap.Field != "" {
		fields = append(fields, pathVal{c.Snap.Field, strVal(s.snap)})
	}
	resp.Total = TotalReport{Kind: "absent", True: n}
	total := s.total
	if total != "none" && (first || !c.Total.FirstPageOnly) {
		reported, kind := n, "exact"
		switch {
		case total == "estimate":
			reported, kind = estimate(n), "estimated"
		case total == "capped" && n >= s.cap || total == "gte" && n > s.cap: // gte: "at least", exact up to the cap
			reported, kind = s.cap, "capped"
			if c.Total.Note != "" {
				resp.Reason = join(resp.Reason, fill(c.Total.Note, "{cap}", itoa(s.cap), "{n}", itoa(n)))
			}
		}
		resp.Total = TotalReport{Kind: kind, Reported: reported, True: n}
		if c.Total.Field != "" {
			tot = append(tot, pathVal{c.Total.Field, intVal(reported)})
		}
		if c.Total.Relation != "" {
			rel := "eq"
			if kind == "capped" {
				rel = "gte"
			}
			tot = append(tot, pathVal{c.Total.Relation, strVal(rel)})
		}
		if c.Total.Header != "" {
			resp.Header = append(resp.Header, Header{Name: c.Total.Header, Value: itoa(reported)})
		}
	}
	if c.Total.Lead {
		fields = append(tot, fields...)
	} else {
		fields = append(fields, tot...)
	}
	if len(c.Const) > 0 {
		consts := make([]pathVal, len(c.Const))
		for i, m := range c.Const {
			consts[i] = pathVal{m.Path, rawVal(fill(m.JSON, "{path}", string(json.AppendString(nil, s.req.Path)),
				"{url}", string(json.AppendString(nil, c.Next.LinkBase+withParams(s.req.Path, s.req.Query)))))}
		}
		fields = append(consts, fields...)
	}
	switch {
	case len(c.Next.Link) > 0 || c.Next.URL != "":
		resp.HasNext = NextReport{Kind: "link", Reported: more, True: more}
	case c.Next.PageNum != "":
		resp.HasNext = NextReport{Kind: "flag", Reported: more, True: more}
	case c.Next.Cursor != "" && c.Next.Flag == "" || c.Next.Cursor != "" && c.Base != "page":
		resp.HasNext = NextReport{Kind: "cursor", Reported: more, True: more}
	case c.Next.Flag != "" || c.Next.LastFlag != "":
		resp.HasNext = NextReport{Kind: "flag", Reported: more, True: more}
	case resp.Total.Kind == "exact":
		resp.HasNext = NextReport{Kind: "total", Reported: more, True: more}
	case resp.Total.Kind == "capped" && resp.Served != nil:
		resp.HasNext = NextReport{Kind: "total", Reported: resp.Served.Offset+limit < resp.Total.Reported, True: more}
	default:
		resp.HasNext = NextReport{Kind: "none", Reported: more, True: more}
	}
	if c.IDPrefix != "" || c.IDWidth > 0 {
		resp.IDString = s.idText
	}
	resp.IDName = c.IDName
	if c.Bare {
		resp.Bare = true
		return
	}
	if !strings.Contains(c.Items, ".") && c.Record == "" {
		resp.ItemsKey = c.Items
		resp.Fields = ordered(nestFields(fields), c.Order)
		return
	}
	// Records under a nested path or in the contract's shape: written into the body.
	resp.IDName = cond(c.IDName == "", "id", c.IDName)
	items := &json.Writer{}
	if c.Record == "" {
		writeItems(items, resp)
	} else {
		b := []byte{'['}
		for i, r := range resp.Items {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, fill(c.Record, "{id}", s.idText(r.ID), "{created}", itoa(r.Created), "{sort}", "["+itoa(r.Key)+cond(w.Tiebreak(), ","+itoa(r.ID), "")+cond(s.shard, ","+itoa(resp.Position+int64(i)), "")+"]",
				"{cursor}", `"`+base64Encode(c.Prefix+itoa(resp.Position+int64(i)))+`"`)...)
		}
		items.B = append(b, ']')
	}
	resp.Fields = ordered(nestFields(append([]pathVal{{c.Items, rawVal(string(items.B))}}, fields...)), c.Order)
}

// ordered is fs with the members order names first, in that order.
func ordered(fs []bodyField, order []string) []bodyField {
	if len(order) == 0 {
		return fs
	}
	out := make([]bodyField, 0, len(fs))
	for _, name := range order {
		for _, f := range fs {
			if f.Name == name {
				out = append(out, f)
			}
		}
	}
	for _, f := range fs {
		if !containsString(order, f.Name) {
			out = append(out, f)
		}
	}
	return out
}

// idText writes a record's id as the contract does: its prefix, and zeros
// in front up to IDWidth digits.
func (s *contractServer) idText(id int64) string {
	d := strconv.FormatInt(id, s.idBase())
	if len(d) < s.c.IDWidth {
		d = strings.Repeat("0", s.c.IDWidth-len(d)) + d
	}
	return s.c.IDPrefix + d
}

func (s *contractServer) idBase() int {
	if s.c.IDHex {
		return 16
	}
	return 10
}

// parseID reads an id written by idText; ok is false for anything else.
func (s *contractServer) parseID(v string) (int64, bool) {
	digits, ok := strings.CutPrefix(v, s.c.IDPrefix)
	base := int64(s.idBase())
	if !ok || digits == "" || len(digits) > 15 && s.c.IDHex || len(digits) > 18 {
		return 0, false
	}
	var n int64
	for i := 0; i < len(digits); i++ {
		d := int64(unhex(digits[i]))
		if d < 0 || d >= base {
			return 0, false
		}
		n = n*base + d
	}
	return n, n > 0
}

// estimate rounds n to two significant digits.
func estimate(n int64) int64 {
	p := int64(1)
	for n/p >= 100 {
		p *= 10
	}
	return (n + p/2) / p * p
}

// requestKey is the request without its cursor and page size, to which a
// bound token belongs.
func (s *contractServer) requestKey(req *request) string {
	c := &s.c
	skip := []string{c.After.Name, c.After.Alias, c.Before.Name, c.Before.Alias, c.Limit.Name, c.Limit.Alias}
	bound := func(name string) bool {
		return !containsString(skip, name) && (c.Token.BoundTo == nil || containsString(c.Token.BoundTo, name))
	}
	var b strings.Builder
	b.WriteString(req.Method + " " + req.Path)
	for _, p := range req.Query {
		if bound(p.Name) {
			b.WriteString("\x00" + p.Name + "=" + p.Value)
		}
	}
	body, _ := json.Parse(req.Body) // and the body's other members (AWS's Filters)
	for _, m := range body.Members {
		if bound(m.Name) {
			b.WriteString("\x00" + m.Name + "=" + string(appendJSONValue(nil, m.Value)))
		}
	}
	return b.String()
}

// position reads a cursor: the place it names, or a refusal.
func (s *contractServer) position(w *world, req *request, in paramIn, tok string) (cursor, *response) {
	c := &s.c
	if c.Base == "id" || c.FirstID {
		id, ok := s.parseID(tok)
		if !ok || !w.data.exists(id) {
			return cursor{}, s.fail(w, "cursor", c.ErrorStatus, "no record has the id "+quote(tok), in.Name, tok)
		}
		if !w.data.live(id) && c.Base == "id" {
			if s.o.Str("deleted-cursor") != "continue" {
				return cursor{}, s.fail(w, "deleted", c.ErrorStatus, "the record "+quote(tok)+" named by "+in.Name+" was deleted", in.Name, tok)
			}
			s.note = "the record " + quote(tok) + " named by " + in.Name + " was deleted: the list goes on from where it was (deleted-cursor=continue)"
			s.interp = c.Interp.Deleted
		}
		return w.CursorOf(w.data.record(id)), nil
	}
	if c.Token.Use == "chain" {
		return s.chainPosition(w, req, in, tok, s.pageSize)
	}
	if !c.Token.kept() {
		cur, why := readCursor(s.tag(req, s.back), tok)
		if why != "" {
			return cur, s.fail(w, "cursor", c.ErrorStatus, why, in.Name, tok)
		}
		return cur, nil
	}
	i := len(s.tokens) - 1
	for i >= 0 && s.tokens[i].tok != tok {
		i--
	}
	if i < 0 {
		return cursor{}, s.fail(w, "cursor", c.ErrorStatus, "the page token "+quote(tok)+" is not one this server issued", in.Name, tok)
	}
	t := &s.tokens[i]
	ttl := s.o.Int("token-ttl")
	switch {
	case c.Token.Bound && t.key != s.requestKey(req):
		return t.at, s.fail(w, "changed", c.ErrorStatus, "the page token was issued for a request with other "+cond(c.Token.BoundTo == nil, "parameters: only the page size may change between pages", strings.Join(c.Token.BoundTo, ", ")), in.Name, tok)
	case ttl > 0 && w.Now()-t.made > ttl:
		return t.at, s.fail(w, "expired", c.ErrorStatus, "the page token has expired: it was issued at tick "+itoa(t.made)+" and lives "+plural(ttl, "tick")+"; it expired at tick "+itoa(t.made+ttl), in.Name, tok)
	case c.Token.Use == "once" && t.used:
		return t.at, s.fail(w, "reused", c.ErrorStatus, "the page token was used already: each token works once", in.Name, tok)
	case c.Token.Use == "newest" && i != len(s.tokens)-1:
		return t.at, s.fail(w, "reused", c.ErrorStatus, "a newer page token has been issued since: only the newest works", in.Name, tok)
	}
	t.used = true
	return t.at, nil
}

// tag is what a token is issued for: the list, and the way back when one
// parameter goes both ways (Shopify's page_info).
func (s *contractServer) tag(req *request, back bool) string {
	return cond(s.c.Tag == "", "contract", s.c.Tag) + cond(back && s.c.Before.Name == s.c.After.Name, "<", "") + ":" + req.Path
}

// issue is the token for a place in the list.
func (s *contractServer) issue(w *world, req *request, at cursor, back bool) string {
	if !s.c.Token.kept() {
		return cursorToken(s.tag(req, back), at)
	}
	tok := makeToken("contract:"+req.Path, int64(len(s.tokens)), w.Now())
	s.tokens = append(s.tokens, keptToken{tok: tok, at: at, key: s.requestKey(req), made: w.Now()})
	return tok
}

func (s *contractServer) serveCursor(w *world, req *request, limit int64, note string) *response {
	c := &s.c
	after, hasAfter := s.read(req, c.After)
	before, hasBefore := s.read(req, c.Before)
	hasAfter, hasBefore = hasAfter && (after != "" || c.EmptyCursor), hasBefore && (before != "" || c.EmptyCursor)
	if s.back = false; c.Before.Name == c.After.Name { // one parameter both ways: its token says which
		_, why := readCursor(s.tag(req, true), after)
		s.back = hasAfter && why == ""
		hasAfter, hasBefore = hasAfter && !s.back, s.back
	}
	if hasAfter && hasBefore {
		return s.fail(w, "both", c.ErrorStatus, c.After.Name+" and "+c.Before.Name+" exclude each other: send one", "", "")
	}
	for _, p := range req.Query {
		if (hasAfter || hasBefore) && len(c.Only) > 0 && !containsString(c.Only, p.Name) && p.Name != c.After.Name && p.Name != c.Before.Name {
			return s.fail(w, "refused", c.ErrorStatus, p.Name+" cannot be sent with "+c.After.Name+": only "+strings.Join(c.Only, ", "), p.Name, p.Value)
		}
	}
	resp := served(response{Status: 200, Reason: note, Position: -1}, servedPage{Cursor: true, Start: !hasAfter && !hasBefore})
	s.pageSize = limit
	var items []record
	var pos int64
	var more, earlier bool
	var cur cursor
	var bad *response
	switch {
	case hasAfter:
		if cur, bad = s.position(w, req, c.After, after); bad != nil {
			return bad
		}
		resp.Cost.Seek = true
	case hasBefore:
		if cur, bad = s.position(w, req, c.Before, before); bad != nil {
			return bad
		}
		resp.Cost.Seek = true
	}
	want := limit
	short := false
	if option, _ := c.Short.names(); c.Short.Pages != "" && !hasBefore && s.o.Str(option) == "on" {
		at := int64(0)
		if hasAfter {
			at = w.Split(cur)
		}
		switch c.Short.Pages {
		case "empty":
			want, short = shortPage(w, at, limit+1)
			want--
		case "zero":
			if _, short = shortPage(w, at, limit); short {
				want = 0
			}
		default:
			want, short = shortPage(w, at, limit)
		}
	}
	var extra record // the record after the page (FirstID's next cursor)
	switch {
	case hasBefore:
		items, pos = w.BeforeCursor(cur, limit+1)
		earlier = int64(len(items)) > limit
		if earlier {
			items, pos = items[1:], pos+1
		}
		more = pos+int64(len(items)) < w.Len()
	default:
		switch {
		case hasAfter && c.FirstID: // the page starts at the record, or where it was
			pos = w.Before(cur)
			items = w.Slice(pos, want+1)
		case hasAfter:
			items, pos = w.After(cur, want+1)
		default:
			items = w.Page(0, want+1)
		}
		if more = int64(len(items)) > want; more {
			extra = items[want]
		}
		items = items[:min(int64(len(items)), want)]
		earlier = pos > 0
	}
	resp.Items = items
	resp.Cost.Rows = int64(len(items))
	resp.Reason = join(resp.Reason, s.note)
	if !w.Tiebreak() && !containsString(c.Quiet, "tiebreak") {
		resp.Reason = join(resp.Reason, "the sort has no tiebreaker, so the cursor carries the key only: records sharing the last key of a page are skipped")
	}
	if len(items) > 0 {
		resp.Position = pos
	}
	if c.Base == "id" && hasBefore {
		more = earlier // has_more looks on the way the request went: towards the newest
	}
	if short && more {
		resp.Reason = join(resp.Reason, "a short page: "+plural(int64(len(items)), "result")+" of "+c.Limit.Name+" "+itoa(limit)+" while more remain")
		resp.Interp = c.Interp.Short
	}
	if c.Token.Use == "chain" { // a first page starts a walk; its newest link is the page just served
		if !hasAfter {
			s.chains = append(s.chains, 1)
			s.chain, s.page = int64(len(s.chains)), 0
		}
		s.page++
		s.chains[s.chain-1] = cond64(more, s.page, 0)
	}
	next := func() val {
		switch {
		case c.Token.Use == "chain":
			return strVal(s.chainToken(req, w.CursorOf(items[len(items)-1]), limit))
		case c.FirstID:
			return strVal(s.idText(extra.ID))
		case len(items) > 0:
			return strVal(s.issue(w, req, w.CursorOf(items[len(items)-1]), false))
		case hasBefore:
			return strVal(s.issue(w, req, w.Adjacent(cur, true), false))
		case hasAfter:
			return strVal(s.issue(w, req, cur, false))
		}
		// An empty first page (a short page of none): before the first record.
		head := cursor{Key: 1 << 62, ID: 1 << 62}
		if !w.NewestFirst() {
			head = cursor{Key: -1 << 62, ID: -1 << 62}
		}
		return strVal(s.issue(w, req, head, false))
	}
	prev := func() val {
		if len(items) > 0 {
			return strVal(s.issue(w, req, w.CursorOf(items[0]), true))
		}
		return strVal(s.issue(w, req, w.Adjacent(cur, false), true))
	}
	fields := make([]pathVal, 0, 8) // finish copies them: on the stack
	hasPrev := earlier && (len(items) > 0 || hasAfter)
	nextTok := ""
	if more {
		nextTok = next().AsString()
	}
	nextVal := func() val { return strVal(nextTok) }
	if c.Next.Cursor != "" {
		fields = s.end(fields, c.Next.Cursor, more, nextVal)
	}
	if c.Next.PrevCursor != "" {
		fields = s.end(fields, c.Next.PrevCursor, hasPrev, prev)
	}
	at := func(v val, param string) string {
		u := s.query(req, Param{Name: c.After.Name}, Param{Name: c.Before.Name}, Param{Name: param, Value: v.AsString()})
		if c.Next.Query == "cursor" {
			u = reqtarget.String(req.Path, []Param{{Name: c.Limit.Name, Value: itoa(limit)}, {Name: param, Value: v.AsString()}})
		}
		if c.Next.Query == "front" {
			u = reqtarget.String(req.Path, frontParams(req.Query, Param{Name: param, Value: v.AsString()}, Param{Name: c.Limit.Name, Value: itoa(limit)}))
		}
		// $ is a sub-delim (RFC 3986) that OData's system query options keep
		// as is; Zendesk writes page[after] with its brackets.
		return c.Next.LinkBase + keptChars(u)
	}
	if c.Next.URL != "" {
		fields = s.end(fields, c.Next.URL, more, func() val { return strVal(at(nextVal(), c.After.Name)) })
	}
	if c.Next.PrevURL != "" {
		fields = s.end(fields, c.Next.PrevURL, hasPrev, func() val { return strVal(at(prev(), c.Before.Name)) })
	}
	var links []linkheader.Link
	for _, rel := range c.Next.Link {
		switch {
		case rel == "next" && more:
			links = append(links, linkheader.Link{URL: at(nextVal(), c.After.Name), Rel: []string{"next"}})
		case (rel == "prev" || rel == "previous") && hasPrev:
			links = append(links, linkheader.Link{URL: at(prev(), c.Before.Name), Rel: []string{rel}})
		case rel == "first":
			links = append(links, linkheader.Link{URL: c.Next.LinkBase + s.query(req, Param{Name: c.After.Name}, Param{Name: c.Before.Name}), Rel: []string{"first"}})
		}
	}
	if len(links) > 0 {
		resp.Header = append(resp.Header, Header{Name: "Link", Value: linkheader.Format(links)})
	}
	s.earlier = hasPrev
	s.finish(w, resp, fields, limit, more, !hasAfter && !hasBefore)
	return resp
}

// trap is the trap client (Client) the option client plays, or "".
func (s *contractServer) trap() string {
	if t := s.c.Client.Trap; t != "" && s.o.Str("client") == t {
		return t
	}
	return ""
}

// keptChars writes $, [ and ] back as they are in a URL the server built
// (not strings.Replacer: its machinery is KBs in the WASM).
func keptChars(u string) string {
	for _, e := range [...]string{"%24$", "%5B[", "%5D]"} {
		u = strings.ReplaceAll(u, e[:3], e[3:])
	}
	return u
}

// named is in as the request used it: by its alias when prev did.
func named(prev *request, in paramIn) paramIn {
	if in.Alias != "" {
		if _, ok := prev.Param(in.Alias); ok {
			in.Name = in.Alias
		}
	}
	return in
}

// Follow plays the contract's client: it reads only what the response says
// on the wire (the body as JSON, the Link header). With snapshots it sends
// the one the last response named.
func (s *contractServer) Follow(prev *request, last *response, rel string) (*request, bool, string) {
	if prev != nil && s.other(prev) {
		return s.alt.Follow(prev, last, rel)
	}
	c := &s.c
	id := ""
	if last != nil && prev != nil && c.Snap.Param.Name != "" {
		body := wireBody(last.Fields)
		if v, ok := body.path(c.Snap.Field); ok && v.Kind == json.String && c.Snap.Field != "" {
			id = v.Str
		}
		if v, ok := body.path("id"); ok && prev.Path == c.Snap.Open && c.Snap.Open != "" {
			id, prev, rel = v.Str, nil, "first" // the snapshot just opened: the first page through it
		}
	}
	r, ok, why := s.follow(prev, last, rel)
	if ok && id != "" {
		if c.Snap.Path != "" {
			r.Path, r.Target = c.Snap.Path, reqtarget.String(c.Snap.Path, r.Query)
		}
		return s.set(r, []paramIn{c.Snap.Param}, []string{id})
	}
	return r, ok, why
}

func (s *contractServer) follow(prev *request, last *response, rel string) (*request, bool, string) {
	c := &s.c
	if prev == nil || rel == "first" {
		drop := []string{c.Offset.Name, c.Page.Name, c.After.Name, c.After.Alias, c.Before.Name, c.Before.Alias}
		if prev != nil && prev.Body != "" && (c.Base == "cursor" || c.Base == "connection") { // the same request without its cursor (AWS, Notion)
			return s.set(prev, []paramIn{c.After, c.Before}, []string{"", ""})
		}
		if prev != nil && c.Base == "page" && c.Page.Where == "body" { // the same request from the first page
			if c.After.Name != "" { // without page or cursor
				return s.set(prev, []paramIn{c.After, c.Page}, []string{"", ""})
			}
			return s.set(prev, []paramIn{c.Page}, []string{itoa(c.FirstPage)})
		}
		if prev == nil || prev.Body != "" || c.Method != "GET" {
			return requestLine(fill(c.First, "{limit}", itoa(c.LimitDefault)))
		}
		if c.Unpaged != "" { // without a page there is no paging
			return s.set(prev, []paramIn{c.Page}, []string{itoa(c.FirstPage)})
		}
		return firstRequest(prev, c.First, drop...)
	}
	if rel == "prev" && containsString(c.Next.Link, "previous") {
		rel = "previous"
	}
	if containsString(c.Next.Link, rel) {
		return followLink(prev, last, rel)
	}
	// The client reads the body's fields, never its records (their count
	// and ids come from last.Items): the records are left out of what it
	// parses, which would otherwise cost a tree of every record per page.
	body := wireBody(last.Fields)
	if _, stop := c.Short.names(); rel == "next" && c.Short.Pages != "" && s.o.Str("client") == stop {
		size := c.LimitDefault
		if v, ok := s.read(prev, c.Limit); ok {
			if n, err := strconv.ParseInt(v, 10, 64); err == nil && n > 0 {
				size = min(n, c.LimitMax)
			}
		}
		if n := int64(len(last.Items)); n < size && (n == 0 || c.Short.Pages != "zero") {
			path := cond(c.Next.Cursor != "", c.Next.Cursor, c.Next.URL)
			field := path[strings.LastIndexByte(path, '.')+1:]
			if strings.HasPrefix(path, "@") {
				field = path
			}
			v, ok := body.path(path)
			return nil, false, "the client stops: the page had " + plural(n, "result") + ", fewer than " + c.Limit.Name + " " + itoa(size) +
				cond(ok && v.Str != "", ", though "+field+" is not empty"+c.Short.Advice, "")
		}
	}
	trap := s.trap()
	if p := cond(rel == "next", c.Next.PageNum, cond(rel == "prev", c.Next.PrevPage, "")); p != "" {
		v, ok := body.path(p)
		n, isInt := v.Int()
		if !isInt {
			return nil, false, "no " + rel + " page: " + p + " is " + describeEnd(v, ok)
		}
		return s.set(prev, []paramIn{c.Page}, []string{itoa(n)})
	}
	if url := cond(rel == "next", c.Next.URL, cond(rel == "prev", c.Next.PrevURL, "")); url != "" && trap == "" {
		v, ok := body.path(url)
		if !ok || v.Kind != json.String || v.Str == "" {
			return nil, false, "no " + rel + " page: " + url + " is " + describeEnd(v, ok)
		}
		return clientRequest(prev.Method, v.Str)
	}
	if c.Next.By == "pages" { // the page it sent against the page count, with the size the response echoes
		page := c.FirstPage
		if p, ok := s.read(prev, c.Page); ok {
			page, _ = strconv.ParseInt(p, 10, 64)
		}
		lv, _ := body.path(c.LimitEcho)
		pv, _ := body.path(c.Next.Pages[0])
		limit, _ := lv.Int()
		pages, _ := pv.Int()
		switch {
		case rel == "next" && page >= pages:
			return nil, false, "no next page: this is page " + itoa(page) + " of " + itoa(pages)
		case rel == "next":
			page++
		case page <= c.FirstPage:
			return nil, false, "no previous page: this is page " + itoa(c.FirstPage)
		default:
			page--
		}
		return follow(prev, Param{Name: c.Page.Name, Value: itoa(page)}, Param{Name: c.Limit.Name, Value: itoa(limit)})
	}
	if c.Base == "session" { // the next or previous page of the session's cursor, while its flag says there is one
		flag := cond(rel == "next", c.Next.Flag, c.Next.PrevFlag)
		if v, ok := body.path(flag); !ok || v.Kind != json.Bool || !v.Bool {
			return nil, false, "no " + rel + " page: " + flag + " is " + cond(ok, "false", "absent")
		}
		p, _ := s.read(prev, c.Page)
		page, err := strconv.ParseInt(p, 10, 64)
		if err != nil {
			page = 1
		}
		if rel == "next" {
			page++
		} else {
			page--
		}
		return s.set(prev, []paramIn{c.Page}, []string{itoa(page)})
	}
	if c.Base == "id" {
		after, before := named(prev, c.After), named(prev, c.Before)
		_, reverse := s.read(prev, c.Before)
		if len(last.Items) == 0 {
			return nil, false, "no " + rel + " page: the page is empty, so there is no id to continue from"
		}
		firstID, lastID := s.idText(last.Items[0].ID), s.idText(last.Items[len(last.Items)-1].ID)
		if rel == "next" {
			if why := s.noNext(body, last, 0, 0); why != "" {
				return nil, false, why
			}
			if reverse { // clients keep going the way the walk started (stripe-node)
				return s.set(prev, []paramIn{before}, []string{firstID})
			}
			return s.set(prev, []paramIn{after}, []string{lastID})
		}
		if reverse {
			return s.set(prev, []paramIn{before, after}, []string{"", lastID})
		}
		return s.set(prev, []paramIn{after, before}, []string{"", firstID})
	}
	if c.Base == "connection" {
		_, first := s.read(prev, c.Limit)
		_, back := s.read(prev, c.Last)
		back = back && !first
		flag, field, ins := c.Next.Flag, c.Next.Cursor, []paramIn{c.Before, c.After}
		if (rel == "next") == back {
			flag, field, ins = c.Next.PrevFlag, c.Next.PrevCursor, []paramIn{c.After, c.Before}
		}
		if v, _ := body.path(flag); !v.Bool {
			return nil, false, "no " + rel + " page: " + flag + " is false" + cond(back != (flag == c.Next.PrevFlag), " (it is only computed in the direction of paging)", "")
		}
		v, _ := body.path(field)
		return s.set(prev, ins, []string{"", v.Str})
	}
	if c.Base == "cursor" {
		field, param, other := c.Next.Cursor, named(prev, c.After), named(prev, c.Before)
		if rel == "prev" {
			field, param, other = c.Next.PrevCursor, other, param
		}
		if field == "" {
			if len(c.Next.Link) > 0 && c.Next.URL == "" { // the Link header is the only signal: it has no such rel
				return followLink(prev, last, rel)
			}
			return nil, false, "no " + rel + " page: " + cond(c.Next.URL != "", "the body offers only "+c.Next.URL, "this API's cursors only go forward")
		}
		v, ok := body.path(field)
		if trap != "" && !ok && rel == "next" {
			// JavaScript: params[param] = body[field] is undefined, which the
			// HTTP client leaves out: page 1 again.
			return s.set(prev, []paramIn{param}, []string{""})
		}
		if !ok || v.Kind != json.String || v.Str == "" {
			return nil, false, "no " + rel + " page: " + field + " is " + describeEnd(v, ok)
		}
		if other.Name == "none" {
			return s.set(prev, []paramIn{param}, []string{v.Str})
		}
		return s.set(prev, []paramIn{other, param}, []string{"", v.Str})
	}
	_, sentAfter := s.read(prev, c.After)
	if _, sentPage := s.read(prev, c.Page); c.Base == "page" && c.After.Name != "" && rel == "next" && !sentPage {
		// a client goes on with the technique it started with: the cursor
		// beside the page number unless it sent a page
		if v, ok := body.path(c.Next.Cursor); ok && v.Kind == json.String {
			return s.set(prev, []paramIn{c.Page, c.After}, []string{"", v.Str})
		}
	}
	// offset and page: the client computes the next position.
	limit := int64(len(last.Items))
	if v, ok := s.read(prev, c.Limit); ok {
		if n, err := strconv.ParseInt(v, 10, 64); err == nil && n > 0 {
			if limit = n; trap == "" {
				limit = min(n, c.LimitMax)
			}
		}
	} else {
		limit = c.LimitDefault
	}
	if limit == 0 {
		return nil, false, "no " + rel + " page: " + c.Limit.Name + " 0 asks for no records"
	}
	if c.Values != "" && rel == "next" && (sentAfter || s.o.Str("client") != c.Offset.Name+"-"+c.Limit.Name) {
		// a keyset of public sort values: the page's last record's, while pages come back full
		items, _ := body.path(c.Items)
		if n := len(items.Items); n == 0 || int64(n) < limit {
			return nil, false, "no next page: the page came back with fewer than " + c.Limit.Name + " " + itoa(limit) + " records"
		}
		v, _ := jsonPath(items.Items[len(items.Items)-1], c.Values)
		return s.set(prev, []paramIn{c.Offset, c.After}, []string{"", string(appendJSONValue(nil, v))})
	}
	var off int64
	if c.Base == "page" {
		p, _ := s.read(prev, c.Page)
		page, err := strconv.ParseInt(p, 10, 64)
		if err != nil {
			page = c.FirstPage
		}
		off = (page - c.FirstPage) * limit
	} else {
		o, _ := s.read(prev, c.Offset)
		off, _ = strconv.ParseInt(o, 10, 64)
	}
	switch rel {
	case "next":
		if why := s.noNext(body, last, off, limit); why != "" {
			return nil, false, why
		}
		off += limit
	case "prev":
		if off <= 0 {
			return nil, false, cond(c.Client.NoPrev != "", c.Client.NoPrev, "no previous page: this is the first")
		}
		if sentAfter && c.Base == "page" {
			return nil, false, "no previous page: " + c.After.Name + " only goes forward"
		}
		off = max(0, off-limit)
	}
	if c.Base == "page" && c.Next.LinkLimit == "sent" { // the page size as the request wrote it, or left out
		return s.set(prev, []paramIn{c.Page}, []string{itoa(off/limit + c.FirstPage)})
	}
	if c.Base == "page" {
		return s.set(prev, []paramIn{c.Page, c.Limit}, []string{itoa(off/limit + c.FirstPage), itoa(limit)})
	}
	return s.set(prev, []paramIn{c.Offset, c.Limit}, []string{itoa(off), itoa(limit)})
}

// noNext is why an offset or page client sees no next page, or "".
func (s *contractServer) noNext(body wireBody, last *response, off, limit int64) string {
	c := &s.c
	if s.trap() == "total" { // the page count from the total, whatever the flag says
		v, _ := body.path(c.Total.Field)
		t, _ := v.Int()
		if off+limit < t {
			return ""
		}
		msg := "the client computed ⌈" + c.Total.Field + "/" + c.Limit.Name + "⌉ = ⌈" + itoa(t) + "/" + itoa(limit) + "⌉ = " + plural((t+limit-1)/limit, "page") + " and stops after page " + itoa(off/limit+c.FirstPage)
		if c.Next.Flag != "" {
			f, ok := body.path(c.Next.Flag)
			msg += ", though " + c.Next.Flag + " is " + cond(ok, string(appendJSONValue(nil, f)), "")
		}
		return msg + c.Client.Advice
	}
	if c.Next.Flag != "" {
		if v, ok := body.path(c.Next.Flag); !ok || v.Kind != json.Bool || !v.Bool {
			return cond(c.Client.NoNext != "", c.Client.NoNext, "no next page: "+c.Next.Flag+" is not true")
		}
		return ""
	}
	if c.Next.LastFlag != "" {
		if v, ok := body.path(c.Next.LastFlag); !ok || v.Kind != json.Bool || v.Bool {
			return "no next page: " + c.Next.LastFlag + " is not false"
		}
		return ""
	}
	if c.Total.Kind != "none" {
		var t int64
		var ok bool
		if c.Total.Field != "" {
			if v, found := body.path(c.Total.Field); found {
				t, ok = v.Int()
			}
		} else if h := last.HeaderValue(c.Total.Header); h != "" {
			n, err := strconv.ParseInt(h, 10, 64)
			t, ok = n, err == nil
		}
		if ok {
			if off+limit >= t {
				rel, _ := body.path(c.Total.Relation)
				return "no next page: " + itoa(off) + " + " + itoa(limit) + " reaches the total " + itoa(t) + cond(rel.Str == "gte" && c.Total.Relation != "", " ("+c.Total.Relation+" gte: a lower bound, not the count)", "")
			}
			return ""
		}
	}
	if int64(len(last.Items)) < limit {
		return "no next page: the page was not full"
	}
	return ""
}

// set returns prev with the parameters set where the contract reads them
// ("" removes one).
func (s *contractServer) set(prev *request, ins []paramIn, vals []string) (*request, bool, string) {
	var qs [4]Param // setParams copies them: on the stack
	q := qs[:0]
	var members []edit
	req := *prev
	req.Header = append([]Header(nil), prev.Header...)
	for i, in := range ins {
		switch where := s.where(prev, in); {
		case in.Name == "none": // the contract has no such parameter
		case where == "body":
			var v *json.Value
			if vals[i] != "" {
				if _, err := strconv.ParseInt(vals[i], 10, 64); err == nil {
					v = jsonInt(mustInt(vals[i]))
				} else if x, err := json.Parse(vals[i]); err == nil && x.Kind == json.Array {
					v = &x
				} else {
					v = &json.Value{Kind: json.String, Str: vals[i]}
				}
			}
			members = append(members, edit{in.Name, v})
		case where == "header":
			req.Header = mergeHeaders(req.Header, []Header{{Name: in.Name, Value: vals[i]}})
		default:
			q = append(q, Param{Name: in.Name, Value: vals[i]})
		}
	}
	if len(members) > 0 {
		body, err := json.Parse(prev.Body)
		if err != nil || body.Kind != json.Object {
			body = json.Value{Kind: json.Object}
		}
		for _, m := range members {
			body = withPath(body, m.name, m.val)
		}
		req.Body = string(appendJSONValue(nil, body))
	}
	req.Query = setParams(prev.Query, q...)
	req.Target = reqtarget.String(prev.Path, req.Query)
	return &req, true, ""
}

// withPath is v with the member at a dotted path set (nil removes it).
func withPath(v json.Value, path string, x *json.Value) json.Value {
	head, rest, nested := strings.Cut(path, ".")
	if nested {
		in, _ := v.Get(head)
		if in.Kind != json.Object {
			in = json.Value{Kind: json.Object}
		}
		in = withPath(in, rest, x)
		x = &in
	}
	return withMembers(v, edit{head, x})
}

// shortPage says whether a server that may return fewer records than asked
// (Slack, Google AIP-158, Notion; Short) cuts this page short, and to how many: about
// one page in three, chosen from the run's seed, the clock and the position,
// so the same scenario cuts the same pages everywhere.
func shortPage(w *world, pos, limit int64) (int64, bool) {
	if limit < 2 {
		return limit, false
	}
	h := mix(w.seed ^ uint64(w.now)*0x9e3779b97f4a7c15 ^ uint64(pos)<<17)
	if h%3 != 0 {
		return limit, false
	}
	return 1 + int64((h>>8)%uint64(limit-1)), true
}

// requestLine is a profile's First request, which may carry a JSON body after
// the target (`POST / {"MaxResults":100}`), as a client request.
func requestLine(line string) (*request, bool, string) {
	method, rest, _ := cutSpace(line)
	target, body, _ := cutSpace(rest)
	r, ok, why := clientRequest(method, target)
	if ok {
		r.Body = body
	}
	return r, ok, why
}

func mustInt(s string) int64 {
	n, _ := strconv.ParseInt(s, 10, 64)
	return n
}

func describeEnd(v json.Value, ok bool) string {
	switch {
	case !ok:
		return "absent"
	case v.Kind == json.Null:
		return "null"
	case v.Kind == json.String:
		return "empty"
	}
	return "not a string"
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// cutPath cuts a dotted path of member names at its first dot; a path that
// starts with @ is one member name (OData's @odata.nextLink).
func cutPath(path string) (head, rest string, nested bool) {
	if strings.HasPrefix(path, "@") {
		return path, "", false
	}
	return strings.Cut(path, ".")
}

// jsonPath follows a dotted path of member names ("hits.total.value").
// Not inlined: one copy in the WASM.
//
//go:noinline
func jsonPath(v json.Value, path string) (json.Value, bool) {
	if strings.HasPrefix(path, "@") {
		return v.Get(path)
	}
	for _, name := range strings.Split(path, ".") {
		var ok bool
		if v, ok = v.Get(name); !ok {
			return json.Value{}, false
		}
	}
	return v, true
}

// wireBody is a response's members beside its records, as the client reads
// them from the body: path finds a member as jsonPath does in the parsed
// body, converting (or parsing, for raw JSON) only the member it reads,
// without writing the body out and reading it back on every page.
type wireBody []bodyField

func (b wireBody) path(p string) (json.Value, bool) {
	head, rest, nested := p, "", false
	if !strings.HasPrefix(p, "@") {
		head, rest, nested = strings.Cut(p, ".")
	}
	for _, f := range b {
		if f.Name != head {
			continue
		}
		var v json.Value
		switch x := f.Value; x.kind {
		case 'i':
			v = json.Value{Kind: json.Number, Str: itoa(x.i)}
		case 's':
			v = json.Value{Kind: json.String, Str: x.s}
		case 'b':
			v = json.Value{Kind: json.Bool, Bool: x.i != 0}
		case 'r':
			v, _ = json.Parse(x.s)
		}
		for nested {
			var name string
			name, rest, nested = strings.Cut(rest, ".")
			var ok bool
			if v, ok = v.Get(name); !ok {
				return json.Value{}, false
			}
		}
		return v, true
	}
	return json.Value{}, false
}

// pathVal is a body value at a dotted path.
type pathVal struct {
	path string
	val  val
}

// nestFields turns dotted paths into top-level fields, nesting the rest as
// raw JSON objects in the order the paths come.
func nestFields(pvs []pathVal) []bodyField {
	var out []bodyField
	if len(pvs) > 0 {
		out = make([]bodyField, 0, len(pvs))
	}
	var groups []string
	for _, pv := range pvs {
		head, _, nested := cutPath(pv.path)
		if !nested {
			out = append(out, bodyField{Name: head, Value: pv.val})
			continue
		}
		if !containsString(groups, head) {
			groups = append(groups, head)
			out = append(out, bodyField{Name: head})
		}
	}
	for _, g := range groups {
		var inner []pathVal
		for _, pv := range pvs {
			if head, rest, ok := cutPath(pv.path); ok && head == g {
				inner = append(inner, pathVal{rest, pv.val})
			}
		}
		w := &json.Writer{}
		w.Open('{')
		for _, f := range nestFields(inner) {
			w.Key(f.Name)
			writeVal(w, f.Value)
		}
		w.Close('}')
		for i := range out {
			if out[i].Name == g && out[i].Value.kind == 0 {
				out[i].Value = rawVal(string(w.B))
			}
		}
	}
	return out
}

//go:noinline
func jsonInt(n int64) *json.Value { return &json.Value{Kind: json.Number, Str: itoa(n)} }

// edit sets a body member to val, or removes it when val is nil.
type edit struct {
	name string
	val  *json.Value
}

// withMembers returns object v edited: a member is replaced in place or
// removed; a new one goes first, as p does in the seed's {"p":1,"limit":20}.
func withMembers(v json.Value, edits ...edit) json.Value {
	out := json.Value{Kind: json.Object}
	for _, m := range v.Members {
		keep := true
		for _, e := range edits {
			if e.name == m.Name {
				keep = false
				if e.val != nil {
					out.Members = append(out.Members, json.Member{Name: m.Name, Value: *e.val})
				}
			}
		}
		if keep {
			out.Members = append(out.Members, m)
		}
	}
	for _, e := range edits {
		if _, ok := v.Get(e.name); !ok && e.val != nil {
			out.Members = append([]json.Member{{Name: e.name, Value: *e.val}}, out.Members...)
		}
	}
	return out
}

// appendJSONValue writes v as compact JSON.
func appendJSONValue(b []byte, v json.Value) []byte {
	switch v.Kind {
	case json.Null:
		return append(b, "null"...)
	case json.Bool:
		if v.Bool {
			return append(b, "true"...)
		}
		return append(b, "false"...)
	case json.Number:
		return append(b, v.Str...)
	case json.String:
		return json.AppendString(b, v.Str)
	case json.Array:
		b = append(b, '[')
		for i, it := range v.Items {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONValue(b, it)
		}
		return append(b, ']')
	}
	b = append(b, '{')
	for i, m := range v.Members {
		if i > 0 {
			b = append(b, ',')
		}
		b = json.AppendString(b, m.Name)
		b = append(b, ':')
		b = appendJSONValue(b, m.Value)
	}
	return append(b, '}')
}
