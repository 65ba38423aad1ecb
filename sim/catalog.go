//go:build !js

package sim

import (
	"strings"

	"pagingplayground/internal/json"
)

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

// clampSize applies the profile's maximum page size to n: clamped with a note,
// or a refusal with over-max=refuse.
func clampSize(o *Options, name string, n int64) (size int64, note, refusal string) {
	mx := o.Int("max-limit")
	if n <= mx {
		return n, "", ""
	}
	if o.Str("over-max") == "refuse" {
		return 0, "", name + "=" + itoa(n) + " is above the maximum of " + itoa(mx)
	}
	return mx, name + "=" + itoa(n) + " is above the maximum of " + itoa(mx) + ": the server clamped it to " + itoa(mx), ""
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

const base64Std = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

// base64Encode is standard base64 with padding (RFC 4648 §4), as
// graphql-relay-js and Django REST framework encode their cursors.
func base64Encode(s string) string {
	b := make([]byte, 0, (len(s)+2)/3*4)
	for i := 0; i < len(s); i += 3 {
		var v uint32
		n := min(3, len(s)-i)
		for j := 0; j < 3; j++ {
			v <<= 8
			if j < n {
				v |= uint32(s[i+j])
			}
		}
		for j := 0; j < 4; j++ {
			if j <= n {
				b = append(b, base64Std[(v>>(18-6*j))&63])
			} else {
				b = append(b, '=')
			}
		}
	}
	return string(b)
}

// base64Decode reverses base64Encode; ok is false for anything that is not
// padded standard base64.
func base64Decode(s string) (string, bool) {
	if len(s)%4 != 0 {
		return "", false
	}
	out := make([]byte, 0, len(s)/4*3)
	for i := 0; i < len(s); i += 4 {
		var v uint32
		pad := 0
		for j := 0; j < 4; j++ {
			c := s[i+j]
			d := strings.IndexByte(base64Std, c)
			switch {
			case c == '=' && i+4 == len(s) && j >= 2:
				pad++
				d = 0
			case d < 0 || pad > 0:
				return "", false
			}
			v = v<<6 | uint32(d)
		}
		out = append(out, byte(v>>16), byte(v>>8), byte(v))
		out = out[:len(out)-pad]
	}
	return string(out), true
}

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
