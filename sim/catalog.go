//go:build !js

package sim

import "pagingplayground/internal/json"

// The helpers of the catalogue's contracts still written as Go servers
// (native only; see catalog_data.go).

// nativeCatalogPresets are the presets of the catalogue's contracts still
// written as Go servers (catalog_native_presets.txt), marked NativeOnly.
func nativeCatalogPresets() []Preset {
	cat := loadPresets(catalogNativePresetsFile)
	for i := range cat {
		cat[i].NativeOnly = true
	}
	return cat
}

// registerCatalog registers a catalogue profile, marked NativeOnly (see
// Profile.NativeOnly).
func registerCatalog(p *Profile) {
	p.NativeOnly = true
	register(p)
}

// paramInt reads an integer query parameter leniently, as many APIs do: absent,
// not a number or below min gives def and says so in why.
func paramInt(req *Request, name string, def, min int64) (n int64, set bool, why string) {
	v, ok := req.Param(name)
	if !ok {
		return def, false, ""
	}
	n, bad := intParam(req, name, def)
	if bad != "" || n < min {
		return def, true, name + "=" + quote(v) + " is not a number of at least " + itoa(min) + ": the server used " + itoa(def)
	}
	return n, true, ""
}

// offsetWalks is walkRole kept by a server, for the hand-written catalogue
// servers that do not report Response.Served yet: the engine keeps these
// books for every other contract (client.role).
type offsetWalks map[string]offsetPage

// role classifies an accepted request for offset with page size limit; at
// says where an offset points in the contract's own words.
func (m offsetWalks) role(req *Request, offset, limit int64, at func(offset int64) string) (role WalkRole, why string) {
	prev, ok := m[req.Client]
	cur := offsetPage{req.Path, offset, limit, offset, limit}
	m[req.Client] = cur
	return walkRole(prev, ok, cur, "", at)
}

// itemsAfter is a keyset page after position c (or from the head when c is
// nil): up to limit records, whether more follow, and the position of the
// first.
func itemsAfter(w *World, c *Cursor, limit int64) (items []Record, pos int64, more bool) {
	if c == nil {
		items, pos = w.Page(0, limit+1), 0
	} else {
		items, pos = w.After(*c, limit+1)
	}
	more = int64(len(items)) > limit
	return items[:min(int64(len(items)), limit)], pos, more
}

// itemsBefore is the backward keyset page: the limit records just before c in
// list order, in list order, whether more precede them, and the position of
// the first.
func itemsBefore(w *World, c Cursor, limit int64) (items []Record, pos int64, earlier bool) {
	items, pos = w.BeforeCursor(c, limit+1)
	if earlier = int64(len(items)) > limit; earlier {
		items, pos = items[1:], pos+1
	}
	return items, pos, earlier
}

// jsonString is s as a JSON string, for building Raw fields.
func jsonString(s string) []byte { return json.AppendString(nil, s) }

// endPage finishes a hand-written catalogue server's page of got records
// at pos in a list of n: no total, the next page signalled as kind
// ("link", "cursor", "flag"), and the page's position when it has records.
func endPage(resp *Response, kind string, more bool, pos int64, got int, n int64) *Response {
	resp.Total = TotalReport{Kind: "absent", True: n}
	resp.HasNext = NextReport{Kind: kind, Reported: more, True: pos+int64(got) < n}
	resp.Cost.Rows = int64(got)
	if got > 0 {
		resp.Position = pos
	}
	return resp
}
