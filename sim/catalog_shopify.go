//go:build !js

package sim

import "pagingplayground/internal/linkheader"

// Shopify's REST Admin API: limit and an opaque page_info, handed out only in
// the Link header (rel="next" and rel="previous"); a request with page_info
// takes no other filter.

const (
	shopifyURL    = "https://shopify.dev/docs/api/admin-rest/usage/pagination"
	shopifyHost   = "https://shop.myshopify.com"
	shopifyFirst  = "GET /admin/api/2024-01/orders.json?limit=50"
	shopifySource = "Shopify: Make paginated requests to the REST Admin API"
)

// The interpretations, each one sentence of why.
const (
	shopifyLimitInterp = "Shopify's page gives limit's default (50) and maximum (250) without saying what a larger value does: we clamp it."
	shopifyErrorInterp = "Shopify's page says page_info can't be modified and other parameters can't be sent with it, without the error's wording: we answer 400 {\"errors\": ...}."
)

func init() {
	registerCatalog(&Profile{
		Name: "shopify", Vendor: "Shopify", Source: shopifySource, URL: shopifyURL,
		Summary: "?limit= then page_info from the Link header (rel=\"next\", rel=\"previous\"); 50 a page, at most 250; with page_info no other filter; no header on a single page",
		First:   shopifyFirst,
		Options: commonOptions(50, 250, "clamp"),
		Rules: []RuleNote{
			{Text: "The first request sends limit (and any filters); if more records exist, the Link header carries the next page's URL, and from page 2 the previous page's.", Source: shopifySource + ": \"a response header returns links to the next page and the previous page of results\""},
			{Text: "The rel is previous or next; no Link header when everything fits on one page.", Source: shopifySource + ": \"The value can either be previous or next. If your initial request doesn't return enough records to generate an additional page of results, then the response won't have a link header.\""},
			{Text: "page_info is opaque and must be sent exactly as the link has it; a changed one is refused.", Source: shopifySource + ": \"The page_info parameter can't be modified and must be used exactly as it appears in the link header URL.\""},
			{Text: "A request with page_info takes only limit (and fields): the filters of the first request are carried inside page_info, and adding any other parameter is refused.", Source: shopifySource + ": \"A request that includes the page_info parameter can't include any other parameters except for limit and fields.\""},
			{Text: "Errors are 400 {\"errors\": ...}. " + shopifyErrorInterp, Interpretation: true},
			{Text: "limit defaults to 50 and goes up to 250; larger is clamped. " + shopifyLimitInterp, Interpretation: true},
			{Text: "page_info is a cursor on the sort position: records created or deleted during a walk shift nothing. There is no total (counts are separate /count endpoints)."},
		},
		New: func(o *Options) Server { return &shopifyServer{o: o} },
	})
}

type shopifyServer struct{ o *Options }

func shopifyError(w *World, msg string) *Response {
	r := refuse(w, 400, msg)
	r.Fields = []Field{{"errors", Str(msg)}}
	r.Interp = shopifyErrorInterp
	return r
}

func (s *shopifyServer) Serve(w *World, req *Request) *Response {
	size, _, why := paramInt(req, "limit", s.o.Int("limit"), 1)
	size, note, bad := clampSize(s.o, "limit", size)
	if bad != "" {
		return shopifyError(w, bad)
	}
	resp := &Response{Status: 200, ItemsKey: "orders", Walk: WalkFirst, Position: -1, Reason: join(why, note)}
	if note != "" || why != "" {
		resp.Interp = shopifyLimitInterp
	}
	tag := "shopify:" + req.Path
	var at *Cursor
	backward := false
	if v, ok := req.Param("page_info"); ok {
		for _, p := range req.Query {
			if p.Name != "page_info" && p.Name != "limit" && p.Name != "fields" {
				return shopifyError(w, p.Name+" cannot be passed when page_info is present: a request with page_info can include only limit and fields")
			}
		}
		vals, err := readToken(tag, v, 3)
		if err != nil {
			return shopifyError(w, "Invalid value for page_info: "+quote(v)+" is not one this list issued (it must be used exactly as the link header has it)")
		}
		c := Cursor{Key: vals[0], ID: vals[1], KeyOnly: !w.Tiebreak()}
		at, backward, resp.Walk, resp.Cost.Seek = &c, vals[2] == 1, WalkContinue, true
	}
	var items []Record
	var pos int64
	var more, earlier bool
	if backward {
		items, pos, earlier = itemsBefore(w, *at, size)
		more = pos+int64(len(items)) < w.Len()
	} else {
		items, pos, more = itemsAfter(w, at, size)
		earlier = at != nil && pos > 0
	}
	n := w.Len()
	resp.Items = items
	link := func(c Cursor, back int64) string {
		tok := makeToken(tag, c.Key, c.ID, back)
		return shopifyHost + withParams(req.Path, nil, Param{Name: "limit", Value: itoa(size)}, Param{Name: "page_info", Value: tok})
	}
	var links []linkheader.Link
	if earlier && len(items) > 0 {
		links = append(links, linkheader.Link{URL: link(w.CursorOf(items[0]), 1), Rel: []string{"previous"}})
	}
	if more && len(items) > 0 {
		links = append(links, linkheader.Link{URL: link(w.CursorOf(items[len(items)-1]), 0), Rel: []string{"next"}})
	}
	if len(links) > 0 {
		resp.Header = []Header{{"Link", linkheader.Format(links)}}
	}
	return endPage(resp, "link", more, pos, len(items), n)
}

func (s *shopifyServer) Follow(prev *Request, last *Response, rel string) (*Request, bool, string) {
	if prev == nil || rel == "first" {
		return firstRequest(prev, shopifyFirst, "page_info")
	}
	if rel == "prev" {
		rel = "previous"
	}
	return followLink(prev, last, rel)
}
