//go:build !js

package sim

import (
	"strconv"
	"strings"

	"pagingplayground/internal/json"
)

// Notion's API: start_cursor and page_size (at most 100) in, results,
// next_cursor and has_more out. Database queries send them in a POST body.

const (
	notionURL    = "https://developers.notion.com/reference/intro#pagination"
	notionFirst  = `POST /v1/databases/d9824bdc84454327be8b5b47500af6ce/query {"page_size":100}`
	notionSource = "Notion API reference: Pagination"
)

// The interpretations, each one sentence of why.
const (
	notionSizeInterp   = "Notion's page gives page_size's maximum (100) without saying what a larger value does: we answer 400 validation_error, as a body that fails validation does."
	notionCursorInterp = "Notion's cursors look like the id of the next page's first object: here next_cursor names the first record of the next page, and start_cursor starts there (a deleted one still divides the list); a start_cursor that is not one of ours is a 400 validation_error."
)

func init() {
	registerCatalog(&Profile{
		Name: "notion", Vendor: "Notion", Source: notionSource, URL: notionURL,
		Summary: `POST {"start_cursor":"…","page_size":100}: results, next_cursor (null at the end), has_more; page_size at most 100, larger is a 400`,
		First:   notionFirst,
		Options: append([]OptionSpec{
			{Name: "limit", Default: "100", Help: "page_size when the request names none", Min: 1, Max: 100},
		}, rateOptions()...),
		Rules: []RuleNote{
			{Text: "Endpoints that return lists take start_cursor and page_size; the response has results, next_cursor and has_more.", Source: notionSource + ": \"receiving an array of results and a next_cursor in the response\""},
			{Text: "page_size: the number of items wanted, maximum 100; left out, 100.", Source: notionSource + ": page_size \"The number of items from the full list desired in the response. Maximum: 100\""},
			{Text: "A page_size above 100 is a 400 validation_error. " + notionSizeInterp, Interpretation: true},
			{Text: "next_cursor is null on the last page, where has_more is false; the next request sends it as start_cursor.", Source: notionSource + ": next_cursor \"If null, there are no more results\""},
			{Text: notionCursorInterp, Interpretation: true},
			{Text: "Database queries send start_cursor and page_size in the JSON body (POST); GET lists send them in the query string.", Source: notionSource + ": \"Parameters for paginated requests\""},
			{Text: "Errors are {\"object\":\"error\",\"status\":400,\"code\":\"validation_error\",\"message\":...}.", Source: "Notion API reference: Status codes"},
		},
		New: func(o *Options) Server { return &notionServer{o: o} },
	})
}

type notionServer struct{ o *Options }

// notionID writes a record id as a Notion-style UUID.
func notionID(id int64) string {
	b := appendHex(nil, uint64(id), 12)
	return "00000000-0000-4000-8000-" + string(b)
}

func notionParseID(s string) (int64, bool) {
	hex, ok := strings.CutPrefix(s, "00000000-0000-4000-8000-")
	if !ok || len(hex) != 12 {
		return 0, false
	}
	var n int64
	for i := 0; i < len(hex); i++ {
		d := unhex(hex[i])
		if d < 0 {
			return 0, false
		}
		n = n<<4 | int64(d)
	}
	return n, n > 0
}

func notionError(w *World, msg, interp string) *Response {
	r := refuse(w, 400, msg)
	r.Fields = []Field{{"object", Str("error")}, {"status", Int(400)}, {"code", Str("validation_error")}, {"message", Str(msg)}}
	r.Interp = interp
	return r
}

// notionParams reads start_cursor and page_size from the body (POST) or the
// query (GET).
func notionParams(req *Request) (cursor, size string, hasCursor, hasSize bool, bad string) {
	if req.Method != "POST" {
		cursor, hasCursor = req.Param("start_cursor")
		size, hasSize = req.Param("page_size")
		return
	}
	body := json.Value{Kind: json.Object}
	if req.Body != "" {
		var err error
		if body, err = json.Parse(req.Body); err != nil || body.Kind != json.Object {
			return "", "", false, false, "body failed validation: the body must be a JSON object"
		}
	}
	if v, ok := body.Get("start_cursor"); ok && v.Kind != json.Null {
		if v.Kind != json.String {
			return "", "", false, false, "body failed validation: body.start_cursor should be a string"
		}
		cursor, hasCursor = v.Str, true
	}
	if v, ok := body.Get("page_size"); ok {
		size, hasSize = v.Str, true
		if v.Kind != json.Number {
			size = "x"
		}
	}
	return
}

func (s *notionServer) Serve(w *World, req *Request) *Response {
	cursor, sizeText, hasCursor, hasSize, bad := notionParams(req)
	if bad != "" {
		return notionError(w, bad, "")
	}
	size := s.o.Int("limit")
	if hasSize {
		n, err := strconv.ParseInt(sizeText, 10, 64)
		if err != nil || n < 1 || n > 100 {
			return notionError(w, "body failed validation: body.page_size should be a number between 1 and 100, instead was `"+sizeText+"`.", notionSizeInterp)
		}
		size = n
	}
	resp := &Response{Status: 200, ItemsKey: "results", Walk: WalkFirst, Position: -1, IDString: notionID}
	var items []Record
	var pos int64
	var more bool
	if hasCursor {
		id, ok := notionParseID(cursor)
		if !ok || !w.data.exists(id) {
			return notionError(w, "body failed validation: body.start_cursor should be a valid uuid of this list, instead was `"+cursor+"`.", notionCursorInterp)
		}
		// start_cursor is inclusive: the page starts at that record, or
		// where it was.
		r := w.data.record(id)
		p := w.Before(w.CursorOf(r))
		items = w.Slice(p, size+1)
		pos = p
		resp.Walk, resp.Cost.Seek = WalkContinue, true
	} else {
		items = w.Page(0, size+1)
	}
	if int64(len(items)) > size {
		more = true
	}
	next := Null()
	if more {
		next = Str(notionID(items[size].ID))
		items = items[:size]
	}
	n := w.Len()
	resp.Items = items
	resp.Fields = []Field{{"object", Str("list")}, {"next_cursor", next}, {"has_more", Bool(more)}, {"type", Str("page_or_database")}, {"page_or_database", Raw("{}")}}
	return endPage(resp, "cursor", more, pos, len(items), n)
}

func (s *notionServer) Follow(prev *Request, last *Response, rel string) (*Request, bool, string) {
	if prev == nil {
		return requestLine(notionFirst)
	}
	if rel == "prev" {
		return nil, false, "no previous page: Notion's cursors only go forward"
	}
	var cursor *json.Value
	if rel == "next" {
		v, _ := last.Field("next_cursor")
		if v.IsNull() {
			return nil, false, "no next page: next_cursor is null"
		}
		cursor = &json.Value{Kind: json.String, Str: v.AsString()}
	}
	if prev.Method != "POST" {
		return follow(prev, Param{Name: "start_cursor", Value: cond(cursor != nil, cursorText(cursor), "")})
	}
	body, err := json.Parse(prev.Body)
	if err != nil || body.Kind != json.Object {
		body = json.Value{Kind: json.Object}
	}
	r, ok, why := request(prev.Method, prev.Target)
	if ok {
		r.Body = string(appendJSONValue(nil, withMembers(body, edit{"start_cursor", cursor})))
	}
	return r, ok, why
}

func cursorText(v *json.Value) string {
	if v == nil {
		return ""
	}
	return v.Str
}
