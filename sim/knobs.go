package sim

import (
	"strconv"
	"strings"

	"pagingplayground/internal/json"
)

// knob is one contract knob: its name in the text, what it means, and how
// it sets a Contract (a non-empty result says why the value is refused).
type knob struct {
	name, help string
	set        func(c *contract, v string) string
}

// knobEnumOr is knobEnum for a field whose zero value "" stands for the
// first of values, the default: that value is stored as "".
func knobEnumOr(f func(c *contract) *string, values ...string) func(*contract, string) string {
	set := knobEnum(f, values...)
	return func(c *contract, v string) string {
		msg := set(c, v)
		if msg == "" && v == values[0] {
			*f(c) = ""
		}
		return msg
	}
}

// Not inlined: one closure body serves every knob, not a copy per knob in the WASM.
//
//go:noinline
func knobInt(f func(c *contract) *int64, lo int64) func(*contract, string) string {
	return func(c *contract, v string) string {
		n, err := strconv.ParseInt(strings.ReplaceAll(v, "_", ""), 10, 64)
		if err != nil || n < lo {
			return "expected a whole number from " + itoa(lo) + ", got `" + v + "`"
		}
		*f(c) = n
		return ""
	}
}

// Not inlined: one closure body serves every knob, not a copy per knob in the WASM.
//
//go:noinline
func knobEnum(f func(c *contract) *string, values ...string) func(*contract, string) string {
	return func(c *contract, v string) string {
		if !containsString(values, v) {
			msg := "expected " + orList(values) + ", got `" + v + "`"
			if s := suggest(v, values); s != "" {
				msg += "; did you mean `" + s + "`?"
			}
			return msg
		}
		*f(c) = v
		return ""
	}
}

// Not inlined: one closure body serves every knob, not a copy per knob in the WASM.
//
//go:noinline
func knobText(f func(c *contract) *string) func(*contract, string) string {
	return func(c *contract, v string) string { *f(c) = v; return "" }
}

// Not inlined: one closure body serves every knob, not a copy per knob in the WASM.
//
//go:noinline
func knobBool(f func(c *contract) *bool) func(*contract, string) string {
	return func(c *contract, v string) string {
		switch v {
		case "true", "yes":
			*f(c) = true
		case "false", "no":
			*f(c) = false
		default:
			return "expected `true` or `false`, got `" + v + "`"
		}
		return ""
	}
}

// knobList adds the comma-separated values to a list.
// Not inlined: one closure body serves every knob, not a copy per knob in the WASM.
//
//go:noinline
func knobList(f func(c *contract) *[]string) func(*contract, string) string {
	return func(c *contract, v string) string {
		for _, p := range strings.Split(v, ",") {
			*f(c) = append(*f(c), strings.TrimSpace(p))
		}
		return ""
	}
}

// knobParam sets a parameter's name; knobWhere where it is read.
// Not inlined: one closure body serves every knob, not a copy per knob in the WASM.
//
//go:noinline
func knobParam(f func(c *contract) *paramIn) func(*contract, string) string {
	return func(c *contract, v string) string { f(c).Name = v; return "" }
}

// Not inlined: one closure body serves every knob, not a copy per knob in the WASM.
//
//go:noinline
func knobWhere(f func(c *contract) *paramIn) func(*contract, string) string {
	return func(c *contract, v string) string {
		return knobEnum(func(c *contract) *string { return &f(c).Where }, "query", "body", "header", "both")(c, v)
	}
}

func orList(vs []string) string {
	q := make([]string, len(vs))
	for i, v := range vs {
		q[i] = "`" + v + "`"
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}

// knobs are every knob of a declared contract, in the order docs/language.md
// lists them.
var knobs = []knob{
	{"method", "the method the list is read with: GET (default) or POST", knobEnum(func(c *contract) *string { return &c.Method }, "GET", "POST")},
	{"method.query", "another method the list is served with, whose requests carry the body's parameters in the query string (GET, as Notion's GET lists beside its POST queries)", knobEnum(func(c *contract) *string { return &c.Query }, "GET", "POST")},
	{"method.also", "another method the list is served with as with method: the same parameters, in the query or the body (GET, as Elasticsearch's GET /_search beside POST)", knobEnum(func(c *contract) *string { return &c.Also }, "GET", "POST")},
	{"path", "a path the list is served at (repeat the knob for more); another path answers 404. Default /items", func(c *contract, v string) string {
		c.Paths = append(c.Paths, v)
		return ""
	}},
	{"params", "other parameters the API reads, in the query or the body when it reads one, separated by commas (sort, filter): they change no paging, and the editor does not flag them as typos", knobList(func(c *contract) *[]string { return &c.Params })},
	{"filter", "true: a query parameter the contract does not read (nor params lists) filters the records by a field of its name, which the simulated records lack, so none come back (json-server v1); false (default): it is ignored", knobBool(func(c *contract) *bool { return &c.Filter })},
	{"refuse", "a query parameter the API refuses (Graph's $skip on /users, or a parameter it reads from the body only), with the kind of refusal refused; repeat the knob for more", func(c *contract, v string) string {
		c.Refuse = append(c.Refuse, v)
		return ""
	}},
	{"bounded", "a query parameter that must restrict the search (Jira's jql): absent, empty or only ORDER BY ... is refused, the kind of refusal unbounded", knobText(func(c *contract) *string { return &c.Bounded })},
	{"refuse.body", "a JSON body member the API refuses (Flashduty's search_after_ctx where it pages by number only), with the kind of refusal member; repeat the knob for more", func(c *contract, v string) string {
		c.Unread = append(c.Unread, v)
		return ""
	}},
	{"offset", "offset base: the offset parameter's name (offset, skip, startAt, from); page base with unpaged limit: the start of the slice a request without a page gets (_start)", knobParam(func(c *contract) *paramIn { return &c.Offset })},
	{"offset.in", "where offset is read: query, body, header or both (the query, else the body)", knobWhere(func(c *contract) *paramIn { return &c.Offset })},
	{"offset.echo", "offset base: the body path where the response tells the offset it served (offset)", knobText(func(c *contract) *string { return &c.OffsetEcho })},
	{"page", "page and session bases: the page number parameter's name (page, p, _page)", knobParam(func(c *contract) *paramIn { return &c.Page })},
	{"page.in", "where page is read: query, body or header", knobWhere(func(c *contract) *paramIn { return &c.Page })},
	{"page.echo", "page and session bases: the body path where the response tells the page number it served (page)", knobText(func(c *contract) *string { return &c.PageEcho })},
	{"page.first", "page base: the first page's number, 1 (default) or 0", func(c *contract, v string) string {
		if v != "0" && v != "1" {
			return "expected `0` or `1`, got `" + v + "`"
		}
		c.FirstPage, c.FirstPageSet = int64(v[0]-'0'), true
		return ""
	}},
	{"unpaged", "page base: never (default), all (a request without a page, or with an empty page or one that is not a number, gets the whole list as a bare array, as json-server v1) or limit (without a page: the whole list, or when end or the page size is sent a slice from offset (0 when absent) to end, or of the page size's records, as Array.slice reads them, with the total header, as json-server 0.17's _start, _end and _limit)", knobEnumOr(func(c *contract) *string { return &c.Unpaged }, "never", "all", "limit")},
	{"end", "page base with unpaged limit: the parameter ending the slice a request without a page gets, exclusive (_end); it wins over the page size", knobParam(func(c *contract) *paramIn { return &c.End })},
	{"page.last", "page base: a value of page that names the last page (last, as Django REST framework)", knobText(func(c *contract) *string { return &c.PageLast })},
	{"limit", "the page size parameter's name (limit, per_page, size, maxResults), or none when the client cannot choose it", knobParam(func(c *contract) *paramIn { return &c.Limit })},
	{"limit.in", "where the page size is read: query, body, header or both (the query string, else the body)", knobWhere(func(c *contract) *paramIn { return &c.Limit })},
	{"limit.alias", "another name the page size is read by as well (page_size beside pageSize)", knobText(func(c *contract) *string { return &c.Limit.Alias })},
	{"limit.zero", "a page size of 0: invalid (as the invalid knob says, default), default (limit.default, as Google's AIP-158 asks) or empty (no records, the total only, as Elasticsearch's size 0)", knobEnumOr(func(c *contract) *string { return &c.LimitZero }, "invalid", "default", "empty")},
	{"limit.echo", "the body path where the response tells the page size it used (page_size, meta.limit)", knobText(func(c *contract) *string { return &c.LimitEcho })},
	{"limit.default", "the page size when the request names none (20)", knobInt(func(c *contract) *int64 { return &c.LimitDefault }, 1)},
	{"limit.max", "the largest page size served (100)", knobInt(func(c *contract) *int64 { return &c.LimitMax }, 1)},
	{"limit.over-max", "a page size above the maximum: clamp (default), refuse (400) or default (use limit.default)", knobEnum(func(c *contract) *string { return &c.OverMax }, "clamp", "refuse", "default")},
	{"invalid", "a page size or position that is zero, negative or not a number: 400 (default), default (as if absent), 404, min (a number below the minimum is the minimum, 1 for a page size; not a number is as if absent) or slice (page base: a negative page size is kept, the page being JavaScript's Array.slice((page-1)*size, page*size), as json-server 0.17's getPage; otherwise as min)", knobEnum(func(c *contract) *string { return &c.Invalid }, "400", "default", "404", "min", "slice")},
	{"invalid.position", "offset and page bases: an offset or page that is negative or not a number, if not as invalid says: 400, default, 404 or min", knobEnum(func(c *contract) *string { return &c.InvalidPos }, "400", "default", "404", "min")},
	{"repeated", "a query parameter sent twice: first (default: its first value is read) or last (its last value, as Django's QueryDict reads them)", knobEnum(func(c *contract) *string { return &c.Repeated }, "first", "last")},
	{"numbers", "how number parameters are read: strict (default: digits after an optional sign), python (Python's int(): spaces around and underscores between digits; an empty value is as if absent, as Django REST framework reads them), js (JavaScript's parseInt: the leading digits, the rest ignored) or unsigned (strict, but a negative value is no number, as OData's $top: \"a non-negative integer value\")", knobEnum(func(c *contract) *string { return &c.Numbers }, "strict", "python", "js", "unsigned")},
	{"past-end", "offset and page bases: a page past the end: empty (default), silent (empty, and the trace says nothing of it), last (the last page again) or 404", knobEnum(func(c *contract) *string { return &c.PastEnd }, "empty", "silent", "last", "404")},
	{"position.first", "offset and page bases: true: the offset or page is checked before the page size, so a request with both wrong is refused for the position (Flashduty's p before limit)", knobBool(func(c *contract) *bool { return &c.PositionFirst })},
	{"pages.independent", "offset and page bases: true: every page is independent of the one before (any page, in any order, is valid), and a page that starts a new walk says so", knobBool(func(c *contract) *bool { return &c.Independent })},
	{"sort", "offset and page bases: the parameter naming the sort (sort); only sort.value is known, and lists oldest first by id; another value is refused, the kind of refusal sort", knobText(func(c *contract) *string { return &c.Sort })},
	{"sort.value", "the one value of sort the simulator knows (_id, as Celigo's sort=_id)", knobText(func(c *contract) *string { return &c.SortValue })},
	{"created.after", "offset and page bases: a parameter that keeps the records created after this tick (createdAfter, exclusive); with created.before a window the walk is scoped to; not a number is refused, the kind of refusal created", knobText(func(c *contract) *string { return &c.CreatedAfter })},
	{"created.before", "offset and page bases: a parameter that keeps the records created before this tick (createdBefore, exclusive)", knobText(func(c *contract) *string { return &c.CreatedBefore })},
	{"quiet", "the simulator's notes left out, separated by commas: tiebreak (a cursor over a sort without a tiebreaker says nothing of the records it skips; past-end silent does the same for a page past the end)", func(c *contract, v string) string {
		for _, q := range strings.Split(v, ",") {
			q = strings.TrimSpace(q)
			if msg := knobEnum(func(*contract) *string { return &q }, "tiebreak")(c, q); msg != "" {
				return msg
			}
			c.Quiet = append(c.Quiet, q)
		}
		return ""
	}},
	{"after", "cursor base: the parameter carrying the cursor to continue after (after, starting_after, page_token)", knobParam(func(c *contract) *paramIn { return &c.After })},
	{"cursor.kind", "cursor base: opaque (default: the simulator's own token) or position (Django REST framework's CursorPagination: base64 of o=OFFSET&r=1&p=POSITION, the sort key a page is cut at and how many records sharing it to skip; needs next.url); page base: objectid, a cursor beside the page number (Flashduty's search_after_ctx: 24 hex digits, issued at next.cursor while a next page exists, read at after without a page, for the path it was issued for; needs after and next.cursor)", knobEnumOr(func(c *contract) *string { return &c.CursorKind }, "opaque", "position", "objectid")},
	{"after.empty", "cursor base: absent (default: an empty cursor, after= or before=, is as if none was sent) or cursor (it is read as a cursor, and refused as one the server never issued, as Celigo's lists do)", func(c *contract, v string) string {
		var s string
		msg := knobEnum(func(*contract) *string { return &s }, "absent", "cursor")(c, v)
		c.EmptyCursor = s == "cursor"
		return msg
	}},
	{"after.alias", "another name the after cursor is read by as well (page_token beside pageToken)", knobText(func(c *contract) *string { return &c.After.Alias })},
	{"after.only", "cursor base: the only other query parameters a request with a cursor may carry, separated by commas (Shopify's page_info: limit, fields); another is refused, the kind of refusal refused", knobList(func(c *contract) *[]string { return &c.Only })},
	{"after.in", "where the after cursor is read: query, body or header", knobWhere(func(c *contract) *paramIn { return &c.After })},
	{"before", "cursor base: the parameter carrying the cursor to go back before (before, ending_before), none when cursors only go forward, or after's own name when one parameter goes both ways and its token says which (Shopify's page_info)", knobParam(func(c *contract) *paramIn { return &c.Before })},
	{"last", "connection base: the parameter that keeps the last records of the cut (last; first is the limit knob)", knobParam(func(c *contract) *paramIn { return &c.Last })},
	{"last.in", "where last is read: query, body or header", knobWhere(func(c *contract) *paramIn { return &c.Last })},
	{"cursor.prefix", "connection base: a cursor is base64 of this and the record's offset (arrayconnection:, graphql-relay-js's)", knobText(func(c *contract) *string { return &c.Prefix })},
	{"before.in", "where the before cursor is read: query, body or header", knobWhere(func(c *contract) *paramIn { return &c.Before })},
	{"session", "session base: the parameter naming the client's session, whose cursor the server keeps (X-Pagination-Session-Id, the default); requests that name none share one default session", knobParam(func(c *contract) *paramIn { return &c.Session })},
	{"session.in", "where the session is named: header (default) or query", knobEnum(func(c *contract) *string { return &c.Session.Where }, "header", "query")},
	{"items", "the body path of the records (items); dotted paths nest: hits.hits", knobText(func(c *contract) *string { return &c.Items })},
	{"record", "a record as a JSON template, {id}, {created} and {sort} (its sort values as an array) replaced ({\"_id\":\"{id}\",\"sort\":{sort}})", func(c *contract, v string) string {
		if x, err := json.Parse(fill(v, "{id}", "1", "{created}", "1", "{sort}", "[1]")); err != nil || x.Kind != json.Object {
			return "expected a JSON object ({id}, {created} and {sort} stand for values), got `" + v + "`"
		}
		c.Record = v
		return ""
	}},
	{"values", "offset base: a keyset of public sort values beside the offset: the record member that shows them (sort); after (search_after) takes a page's last values as a JSON array, and a request names its sort in a parameter of this name", knobText(func(c *contract) *string { return &c.Values })},
	{"bare", "true: the body is the bare array of records", knobBool(func(c *contract) *bool { return &c.Bare })},
	{"id.name", "the record's id member (_id); id when absent", knobText(func(c *contract) *string { return &c.IDName })},
	{"id-prefix", "ids written as strings with this prefix (cus_)", knobText(func(c *contract) *string { return &c.IDPrefix })},
	{"const", "a body member with a fixed value, PATH JSON (ok true), where {path} stands for the request's path and {url} for its URL, next.link.base first (self {url}); repeat the knob for more", func(c *contract, v string) string {
		path, val, _ := cutSpace(v)
		if _, err := json.Parse(fill(val, "{path}", `"/"`, "{url}", `"/"`)); err != nil || val == "" {
			return "expected a body path and a JSON value (ok true), got `" + v + "`"
		}
		c.Const = append(c.Const, fixedMember{Path: path, JSON: val})
		return ""
	}},
	{"order", "the body's top-level members beside the records in this order, separated by commas (page, limit, total, pages); the others follow", knobList(func(c *contract) *[]string { return &c.Order })},
	{"id-width", "the digits an id is written with at least, zeros in front (6: cus_000042)", func(c *contract, v string) string {
		var n int64
		if msg := knobInt(func(*contract) *int64 { return &n }, 1)(c, v); msg != "" || n > 18 {
			return "expected a whole number from 1 to 18, got `" + v + "`"
		}
		c.IDWidth = int(n)
		return ""
	}},
	{"id-hex", "true: ids written in hexadecimal digits (with id-prefix and id-width, Notion's UUID-like 00000000-0000-4000-8000-000000000096)", knobBool(func(c *contract) *bool { return &c.IDHex })},
	{"first-id", "cursor base, before none: true: the next cursor is the id of the next page's first record (written as ids are), and a page starts at the record it names, or where it was if it was deleted (Notion's start_cursor)", knobBool(func(c *contract) *bool { return &c.FirstID })},
	{"deleted-cursor", "id base: a cursor whose record was deleted: error (default: 400, the kind of refusal deleted, Stripe's resource_missing) or continue (the list goes on from where the record was); the profile option deleted-cursor", knobEnum(func(c *contract) *string { return &c.Deleted }, "error", "continue")},
	{"next.link", "rels of a Link header, separated by commas: next, prev (or previous, as Shopify names it), first, last", func(c *contract, v string) string {
		for _, r := range strings.Split(v, ",") {
			r = strings.TrimSpace(r)
			if !containsString([]string{"next", "prev", "previous", "first", "last"}, r) {
				return "expected rels among `next`, `prev`, `previous`, `first` and `last`, got `" + r + "`"
			}
			c.Next.Link = append(c.Next.Link, r)
		}
		return ""
	}},
	{"prev.link", "offset and page bases: away (default: rel=prev from the second page on) or always (on every page, the first page's pointing at itself, as the example on Celigo's page)", func(c *contract, v string) string {
		var s string
		msg := knobEnum(func(*contract) *string { return &s }, "away", "always")(c, v)
		c.PrevAlways = s == "always"
		return msg
	}},
	{"next.link.base", "an absolute URL the Link header's URLs and next.url start with (https://api.github.com); relative URLs when absent", knobText(func(c *contract) *string { return &c.Next.LinkBase })},
	{"next.link.last", "computed (default) or omitted: whether rel=last is sent", func(c *contract, v string) string {
		var s string
		if msg := knobEnum(func(*contract) *string { return &s }, "computed", "omitted")(c, v); msg != "" {
			return msg
		}
		c.Next.LastOmitted = s == "omitted"
		return ""
	}},
	{"next.link.style", "page base: built (default: the request's path and query with the page set) or replace (the request's full URL with its first text PAGE=N replaced by the other page's number, as json-server 0.17)", func(c *contract, v string) string {
		var s string
		msg := knobEnum(func(*contract) *string { return &s }, "built", "replace")(c, v)
		c.Next.LinkText = s == "replace"
		return msg
	}},
	{"next.link.edges", "always (default: rel=first and rel=last on every page), away (first only away from the first page, last only before the last page; past the end prev and last name the last page, as GitHub) or partial (no links on a page that is empty or holds the whole list, as json-server 0.17)", knobEnum(func(c *contract) *string { return &c.Next.LinkEdges }, "always", "away", "partial")},
	{"next.link.limit", "the page size in the Link URLs: served (default: the size the server used) or sent (as the request wrote it, or left out, as GitHub; on the page base the client's next and previous requests too, as Flashduty's)", knobEnum(func(c *contract) *string { return &c.Next.LinkLimit }, "served", "sent")},
	{"next.url", "the body path of the next page's URL (links.next, @odata.nextLink)", knobText(func(c *contract) *string { return &c.Next.URL })},
	{"next.page", "page base: the body path of the next page's number, null on the last page (next)", knobText(func(c *contract) *string { return &c.Next.PageNum })},
	{"prev.page", "page base: the body path of the previous page's number, null on the first page (prev)", knobText(func(c *contract) *string { return &c.Next.PrevPage })},
	{"pages", "page base: body paths of the page count, separated by commas (last, pages)", func(c *contract, v string) string {
		for _, p := range strings.Split(v, ",") {
			c.Next.Pages = append(c.Next.Pages, strings.TrimSpace(p))
		}
		return ""
	}},
	{"next.by", "page base: pages: the client stops when the page it sent reaches the page count at the first pages path (exact, 0 for an empty list), and sends the page size the response echoes at limit.echo; page and limit in the query", knobEnum(func(c *contract) *string { return &c.Next.By }, "pages")},
	{"prev.url", "the body path of the previous page's URL (previous, links.prev)", knobText(func(c *contract) *string { return &c.Next.PrevURL })},
	{"url.first-page", "offset and page bases: set (default: offset=0 or page=1) or omitted: a link or URL to the first page leaves the position parameter out (Django REST framework)", knobEnum(func(c *contract) *string { return &c.Next.FirstPos }, "set", "omitted")},
	{"url.query", "kept (default: the request's parameters in its order), sorted: links and URLs rebuild the query sorted by name (Django REST framework's replace_query_param), or cursor (cursor base): only the page size served and the cursor (Shopify's page_info links), or front: the position (offset, page or cursor) and the page size served first, then the request's other parameters in its order (Celigo's links)", knobEnum(func(c *contract) *string { return &c.Next.Query }, "kept", "sorted", "cursor", "front")},
	{"next.cursor", "cursor base: the body path of the next cursor (next_cursor, response_metadata.next_cursor)", knobText(func(c *contract) *string { return &c.Next.Cursor })},
	{"prev.cursor", "cursor base: the body path of the previous cursor", knobText(func(c *contract) *string { return &c.Next.PrevCursor })},
	{"next.flag", "the body path of a flag true while more pages remain (has_more)", knobText(func(c *contract) *string { return &c.Next.Flag })},
	{"prev.flag", "the body path of a flag true while pages remain before this one (hasPrevPage); the session base's client goes back while it is true (has_prev by default there)", knobText(func(c *contract) *string { return &c.Next.PrevFlag })},
	{"next.last-flag", "the body path of a flag true on the last page (isLast, done)", knobText(func(c *contract) *string { return &c.Next.LastFlag })},
	{"next.end", "how a next URL or cursor says there is none: null (default), absent or empty", knobEnum(func(c *contract) *string { return &c.Next.End }, "null", "absent", "empty")},
	{"next.end.option", "true: the profile option last-page-url chooses how the last page ends (null, absent or empty), next.end its default", knobBool(func(c *contract) *bool { return &c.Next.EndOption })},
	{"total", "none, exact, capped (at total.cap), gte (a lower bound at total.cap, with a relation) or estimate (rounded to 2 significant digits)", knobEnum(func(c *contract) *string { return &c.Total.Kind }, totalKinds...)},
	{"total.choices", "the totals the profile option total offers, separated by commas (none, exact, estimate); the total knob is its default", func(c *contract, v string) string {
		for _, k := range strings.Split(v, ",") {
			k = strings.TrimSpace(k)
			if msg := knobEnum(func(*contract) *string { return &k }, totalKinds...)(c, k); msg != "" {
				return msg
			}
			c.Total.Choices = append(c.Total.Choices, k)
		}
		return ""
	}},
	{"total.cap", "capped and gte: the largest total reported (10000)", knobInt(func(c *contract) *int64 { return &c.Total.Cap }, 1)},
	{"total.field", "the body path of the total (total, hits.total.value)", knobText(func(c *contract) *string { return &c.Total.Field })},
	{"total.relation", "gte: the body path of eq or gte (hits.total.relation)", knobText(func(c *contract) *string { return &c.Total.Relation })},
	{"total.header", "a header that carries the total (X-Total-Count)", knobText(func(c *contract) *string { return &c.Total.Header })},
	{"total.track", "capped and gte: a request parameter, read where the page size is, that moves total.cap: true counts exactly, false reports no total, a number is the cap (track_total_hits)", knobParam(func(c *contract) *paramIn { return &c.Total.Track })},
	{"total.first-page-only", "true: the total is on the first page only", knobBool(func(c *contract) *bool { return &c.Total.FirstPageOnly })},
	{"total.leads", "true: the total comes before the next-page members in the body (count, next, previous, as Django REST framework)", knobBool(func(c *contract) *bool { return &c.Total.Lead })},
	{"short-pages", "cursor base: never (default), short (1 to limit-1 records), empty (0 to limit-1) or zero (a page is whole or empty, as Graph's): pages may come back short while more remain, seeded; the profile options short-pages (empty-pages for zero) and client show a client that stops on one", knobEnumOr(func(c *contract) *string { return &c.Short.Pages }, "never", "short", "empty", "zero")},
	{"short-pages.default", "on (default) or off: the profile option short-pages (empty-pages) as the scenario starts", func(c *contract, v string) string {
		var s string
		if msg := knobEnum(func(*contract) *string { return &s }, "on", "off")(c, v); msg != "" {
			return msg
		}
		c.Short.Off = s == "off"
		return ""
	}},
	{"short-pages.follows", "the option client's value for a client that follows the next cursor to the end (cursor, token)", knobText(func(c *contract) *string { return &c.Short.Follows })},
	{"short-pages.client", "the client that next and walk play: follows (default: it follows the next cursor to the end) or page-size (it stops on a page shorter than the page size); the profile option client", func(c *contract, v string) string {
		var s string
		if msg := knobEnum(func(*contract) *string { return &s }, "follows", "page-size")(c, v); msg != "" {
			return msg
		}
		c.Short.Client = cond(s == "page-size", s, "")
		return ""
	}},
	{"client.trap", "the client next and walk play instead of one that follows the contract: requested (offset and page bases: it computes the next position from the page size it asked for, not the one it was served), total (page base: it computes the page count from the total and stops there, whatever next.flag says) or null-check (cursor base: it stops only on a null next cursor, and sends a missing one as none, so the walk starts over); the profile option client", func(c *contract, v string) string {
		c.Client.Play = true
		return knobEnum(func(c *contract) *string { return &c.Client.Trap }, "requested", "total", "null-check")(c, v)
	}},
	{"client.follows", "the option client's value for the client that follows the contract, beside client.trap (returned, token)", knobText(func(c *contract) *string { return &c.Client.Follows })},
	{"token.ttl", "cursor base: ticks a cursor stays valid, then it is refused as expired (the profile option token-ttl)", knobInt(func(c *contract) *int64 { return &c.Token.TTL }, 1)},
	{"token.use", "cursor base: any (default: any cursor, any number of times), once (each cursor works once), newest (only the latest issued works) or chain (before none: each first page starts a walk whose newest next cursor alone works, with the page size it was issued for, as Celigo's links after the move to cursors)", knobEnumOr(func(c *contract) *string { return &c.Token.Use }, "any", "once", "newest", "chain")},
	{"token.bound", "cursor base: true: a cursor works only with the other parameters of the request that got it (the page size may change); another filter is refused", knobBool(func(c *contract) *bool { return &c.Token.Bound })},
	{"token.bound-to", "cursor base: the only parameters a cursor is bound to, separated by commas (jql): another value of one of them is refused, the others may change", func(c *contract, v string) string {
		for _, p := range strings.Split(v, ",") {
			c.Token.BoundTo = append(c.Token.BoundTo, strings.TrimSpace(p))
		}
		c.Token.Bound = true
		return ""
	}},
	{"window", "offset and page bases: offset + limit at most this many records; beyond it the request is refused", knobInt(func(c *contract) *int64 { return &c.Window }, 1)},
	{"snapshot", "any base: the request parameter that names a snapshot, a frozen view of the list taken when it was opened (pit.id; dotted body paths nest); pages read through it do not see records added or deleted since", knobParam(func(c *contract) *paramIn { return &c.Snap.Param })},
	{"snapshot.in", "where the snapshot is read: query, body or header (default: where the page size is)", knobWhere(func(c *contract) *paramIn { return &c.Snap.Param })},
	{"snapshot.field", "the body path where a response names the snapshot to send next (pit_id)", knobText(func(c *contract) *string { return &c.Snap.Field })},
	{"snapshot.open", "a path that opens a snapshot and answers {\"id\": ...} (/my-index/_pit); without it a request naming no snapshot opens one", knobText(func(c *contract) *string { return &c.Snap.Open })},
	{"snapshot.path", "the path a request naming a snapshot must be sent to (/_search); another path is refused", knobText(func(c *contract) *string { return &c.Snap.Path })},
	{"snapshot.close", "a path where DELETE {\"id\": ...} closes a snapshot (/_pit), answering {\"succeeded\", \"num_freed\"} (404 when none was open); a request naming it is then refused", knobText(func(c *contract) *string { return &c.Snap.Close })},
	{"snapshot.ttl", "ticks a snapshot stays open after its last use, then it is refused as expired (the profile option snapshot-ttl); open for the whole run when absent", knobInt(func(c *contract) *int64 { return &c.Snap.TTL }, 1)},
	{"snapshot.keep-alive", "instead of snapshot.ttl: the parameter saying how long a snapshot stays open after its last use (1m; a tick is a second), required where it opens; beside snapshot (pit.keep_alive) it lengthens it", knobText(func(c *contract) *string { return &c.Snap.Keep })},
	{"snapshot.tiebreak", "true: sorted requests through a snapshot get a last sort value, the record's position (_shard_doc)", knobBool(func(c *contract) *bool { return &c.Snap.Tiebreak })},
	{"snapshot.status", "the status of an expired or unknown snapshot (404)", knobInt(func(c *contract) *int64 { return &c.Snap.Status }, 400)},
	{"window.status", "the status of a request beyond the window (400)", func(c *contract, v string) string {
		var n int64
		if msg := knobInt(func(*contract) *int64 { return &n }, 400)(c, v); msg != "" || n > 599 {
			return "expected a status from 400 to 599, got `" + v + "`"
		}
		c.WindowStatus = int(n)
		return ""
	}},
	{"window.message", "what a request beyond the window is told, {window}, {value} (offset + limit), {page} and {limit} replaced", knobText(func(c *contract) *string { return &c.WindowMessage })},
	{"error.status", "[KIND] STATUS: the status of a refused parameter, 400 (default) to 599, or 200 for APIs that answer errors with 200 (Slack); with a kind of refusal first, for that kind only (method 400: no Allow header then)", func(c *contract, v string) string {
		kind, num, one := cutSpace(v)
		if !one {
			kind, num = "", v
		}
		n, err := strconv.ParseInt(num, 10, 64)
		if err != nil || n > 599 || n < 200 || n > 200 && n < 400 {
			return "expected 200 or a status from 400 to 599, got `" + num + "`"
		}
		if kind == "" {
			c.ErrorStatus = int(n)
			return ""
		}
		return knobRule(3)(c, kind+" "+num)
	}},
	{"error.field", "the body path of a refusal's message (error, error.message)", knobText(func(c *contract) *string { return &c.ErrorField })},
	{"error.body", "[KIND] JSON: a refusal's whole body, a JSON object in which {status}, {message}, {code} and {param} are replaced; with a kind of refusal first, for that kind only", func(c *contract, v string) string {
		kind, tpl := "", v
		if !strings.HasPrefix(v, "{") {
			kind, tpl, _ = cutSpace(v)
		}
		if templateFields(tpl, 400, "m", "c", "p") == nil {
			return "expected a JSON object (placeholders {status}, {message}, {code}, {param} stand for values), got `" + tpl + "`"
		}
		if kind == "" {
			c.ErrorBody = tpl
			return ""
		}
		return knobRule(2)(c, kind+" "+tpl)
	}},
	{"error.code", "KIND CODE: the API's code for a kind of refusal, written where error.body says {code} (cursor invalid_cursor); repeat the knob per kind", knobRule(0)},
	{"error.message", "KIND TEXT: the API's message for a kind of refusal, {name}, {value}, {max} and {message} (the simulator's own) replaced, and for method {uri} and {allow} (the methods served) (expired The page token has expired.); repeat the knob per kind", knobRule(1)},
	{"when", "parameters, separated by commas, that select the style declared first (page[size]); other requests get the style after or", knobList(func(c *contract) *[]string { return &c.When })},
	{"or", "another base style for the requests without the when parameters; the knobs after it are that style's", nil},
}

// totalKinds are the totals a contract reports.
var totalKinds = []string{"none", "exact", "capped", "gte", "estimate"}

// knobRule sets a kind of refusal's code (0), message (1), body (2) or status (3) (ErrorRule).
// Not inlined: one closure body serves every knob, not a copy per knob in the WASM.
//
//go:noinline
func knobRule(field int) func(*contract, string) string {
	return func(c *contract, v string) string {
		kind, text, _ := cutSpace(v)
		if msg := knobEnum(func(*contract) *string { return &kind }, errorKinds...)(c, kind); msg != "" {
			return "the kind of refusal: " + msg
		}
		if text == "" {
			return "expected a kind of refusal and then its " + []string{"code", "message", "body", "status"}[field] + ", got `" + v + "`"
		}
		i := 0
		for i < len(c.Errors) && c.Errors[i].Kind != kind {
			i++
		}
		if i == len(c.Errors) {
			c.Errors = append(c.Errors, errorRule{Kind: kind})
		}
		if field == 3 {
			c.Errors[i].Status = int(mustInt(text))
			return ""
		}
		*[]*string{&c.Errors[i].Code, &c.Errors[i].Message, &c.Errors[i].Body}[field] = text
		return ""
	}
}

// repeatable are the knobs that may be set more than once.
var repeatable = []string{"path", "refuse", "refuse.body", "const", "error.code", "error.message", "error.body", "error.status"}

// knobNames lists the knobs' names, for did-you-mean.
func knobNames() []string {
	out := make([]string, len(knobs))
	for i, k := range knobs {
		out[i] = k.name
	}
	return out
}

// contractBases are the base styles a contract builds on.
var contractBases = []string{"offset", "page", "cursor", "id", "session", "connection"}

// build reads a declaration into a contract, with its defaults; problems
// say what is refused, each at its knob. A contradiction is located at the
// knob that completes it, the last one without which it would not hold (the
// later of two that contradict; the `contract` line when the base alone
// does). It is reported beside other knobs' problems when they are all bad
// values of knobs it does not name: a misspelt knob, or one it names, may
// be what it says is missing.
func (d *contractDecl) build() (contract, []knobProblem) {
	c, out := d.read(nil)
	all := c.problems()
	at := make([]int, len(all))
	for j := range at {
		at[j] = -1
	}
	if len(all) > 0 && len(d.Knobs) <= locateKnobs {
		d.read(func(i int, c *contract) {
			was := c.withDefaults()
			ps := was.problems()
			for j, msg := range all {
				if !containsString(ps, msg) {
					at[j] = i
				}
			}
		})
	}
	n := len(out)
	for j, msg := range all {
		ok := true
		for _, pr := range out[:n] {
			ok = ok && pr.value && !strings.Contains(msg, d.Knobs[pr.knob].Name)
		}
		if ok {
			out = append(out, knobProblem{at[j], false, "contradictory contract: " + msg})
		}
	}
	return *c, out
}

// locateKnobs bounds the declarations whose contradictions build locates:
// it checks the contract after each knob, and a check may read every path,
// so a declaration of 200,000 paths would take minutes. People write tens
// of knobs; beyond this many, contradictions are at the `contract` line.
const locateKnobs = 1000

// read sets the knobs on the base, with the defaults of those not set;
// problems say which are refused. before, when set, sees the contract
// before each knob is set.
func (d *contractDecl) read(before func(i int, c *contract)) (*contract, []knobProblem) {
	c := &contract{Base: d.Base}
	var out []knobProblem
	if !containsString(contractBases, d.Base) {
		msg := "expected a base style after `contract`: " + orList(contractBases) + ", got `" + d.Base + "`"
		if s := suggest(d.Base, contractBases); s != "" {
			msg += "; did you mean `" + s + "`?"
		}
		// Knob names and values do not depend on the base: check them too.
		out = append(out, knobProblem{-1, false, msg})
	}
	seen := map[string]int{}
	cur := c // the style the knobs set: c, or c.Alt after `or`
	for i, o := range d.Knobs {
		if before != nil {
			before(i, c)
		}
		k := findKnob(o.Name)
		if k == nil {
			msg := "unknown contract knob `" + o.Name + "`"
			if s := suggest(o.Name, knobNames()); s != "" {
				msg += "; did you mean `" + s + "`?"
			} else {
				msg += " (docs/language.md lists them)"
			}
			out = append(out, knobProblem{i, false, msg})
			continue
		}
		if j, dup := seen[o.Name]; dup && !containsString(repeatable, o.Name) {
			out = append(out, knobProblem{i, false, "`" + o.Name + "` is already set on line " + strconv.Itoa(d.Knobs[j].Line)})
			continue
		}
		seen[o.Name] = i
		if o.Value == "" {
			out = append(out, knobProblem{i, false, "expected a value after `" + o.Name + "`: " + k.help})
			continue
		}
		if k.set == nil { // or
			if !containsString(contractBases, o.Value) || c.Alt != nil {
				out = append(out, knobProblem{i, true, "or: expected a base style, " + orList(contractBases) + ", once a contract; got `" + o.Value + "`"})
				continue
			}
			c.Alt = &contract{Base: o.Value}
			cur, seen = c.Alt, map[string]int{}
			continue
		}
		if msg := k.set(cur, o.Value); msg != "" {
			out = append(out, knobProblem{i, true, o.Name + ": " + msg})
		}
	}
	*c = c.withDefaults()
	return c, out
}

func findKnob(name string) *knob {
	for i := range knobs {
		if knobs[i].name == name {
			return &knobs[i]
		}
	}
	return nil
}

// declaredProblems are what is refused in a declaration.
func declaredProblems(d *contractDecl) []knobProblem {
	_, problems := d.build()
	return problems
}

// declaredProfile is the profile serving a declaration, when it is sound.
func declaredProfile(d *contractDecl) (*Profile, bool) {
	c, problems := d.build()
	if len(problems) > 0 {
		return nil, false
	}
	p := &Profile{Name: "contract", Summary: "the contract declared in the scenario (" + d.Base + " base)"}
	p.Rules = []RuleNote{{Text: "A contract declared in the scenario on the " + d.Base + " base; its knobs: " + knobSummary(d) + "."}}
	return contractProfile(p, c), true
}
