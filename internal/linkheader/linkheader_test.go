package linkheader

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"pagingplayground/internal/reqtarget"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// celigoLink is the header of Celigo's example in seeds/002, over its two
// lines as the document shows it.
const celigoLink = `<https://api.integrator.io/v1/integrations?skip=100&limit=1000>; rel="next",
      <https://api.integrator.io/v1/integrations?skip=0&limit=1000>;   rel="prev"`

func TestParseLink(t *testing.T) {
	const gh = "https://api.github.com/repositories/1300192/issues"
	celigo := []Link{
		{URL: "https://api.integrator.io/v1/integrations?skip=100&limit=1000", Rel: []string{"next"}},
		{URL: "https://api.integrator.io/v1/integrations?skip=0&limit=1000", Rel: []string{"prev"}},
	}
	tests := []struct {
		name, header string
		want         []Link
	}{
		{"Celigo's two-line example", celigoLink, celigo},
		{"Celigo's example folded with CRLF", strings.ReplaceAll(celigoLink, "\n", "\r\n"), celigo},
		{"Celigo's example folded with a tab", strings.ReplaceAll(celigoLink, "\n      ", "\r\n\t"), celigo},
		{
			"GitHub",
			"<" + gh + "?page=2>; rel=\"prev\", <" + gh + "?page=4>; rel=\"next\", <" + gh + "?page=515>; rel=\"last\", <" + gh + "?page=1>; rel=\"first\"",
			[]Link{
				{URL: gh + "?page=2", Rel: []string{"prev"}},
				{URL: gh + "?page=4", Rel: []string{"next"}},
				{URL: gh + "?page=515", Rel: []string{"last"}},
				{URL: gh + "?page=1", Rel: []string{"first"}},
			},
		},
		{"link without parameters", "<https://a.example/>", []Link{{URL: "https://a.example/"}}},
		{"empty URL", `<>; rel=self`, []Link{{URL: "", Rel: []string{"self"}}}},
		{"relative URL", `</v1/flows/f/errors?after=abc123&pageSize=100>; rel="next"`, []Link{{URL: "/v1/flows/f/errors?after=abc123&pageSize=100", Rel: []string{"next"}}}},
		{"commas and semicolons in the URL", `<https://x.example/a,b;c?q=1,2;3>; rel="next", <https://x.example/?a=,>; rel=prev`, []Link{
			{URL: "https://x.example/a,b;c?q=1,2;3", Rel: []string{"next"}},
			{URL: "https://x.example/?a=,", Rel: []string{"prev"}},
		}},
		{"semicolons and commas in a quoted title", `<https://x.example/>; rel="next"; title="a; b, c=d", <y>`, []Link{
			{URL: "https://x.example/", Rel: []string{"next"}, Params: []reqtarget.Param{{Name: "title", Value: "a; b, c=d"}}},
			{URL: "y"},
		}},
		{"unquoted rel", `<a>; rel=next`, []Link{{URL: "a", Rel: []string{"next"}}}},
		{"several rels", `<a>; rel="next last"`, []Link{{URL: "a", Rel: []string{"next", "last"}}}},
		{"rels in upper case and odd spacing", "<a>; rel=\" Next\tLAST  \"", []Link{{URL: "a", Rel: []string{"next", "last"}}}},
		{"rel as an extension URI", `<a>; rel="HTTP://Example.NET/Rel/Foo"`, []Link{{URL: "a", Rel: []string{"http://example.net/rel/foo"}}}},
		{"parameter names in upper case", `<a>; REL="next"; Title="Next Page"`, []Link{{URL: "a", Rel: []string{"next"}, Params: []reqtarget.Param{{Name: "title", Value: "Next Page"}}}}},
		{"only the first rel counts", `<a>; rel=next; title=t; Rel="prev"; rel=last`, []Link{{URL: "a", Rel: []string{"next"}, Params: []reqtarget.Param{{Name: "title", Value: "t"}}}}},
		{"a first rel without a value still counts", `<a>; rel; rel=next`, []Link{{URL: "a"}}},
		{"an empty first rel still counts", `<a>; rel=""; rel=next`, []Link{{URL: "a"}}},
		{"parameter without a value", `<a>; crossorigin; rel=preload; as=font`, []Link{{URL: "a", Rel: []string{"preload"}, Params: []reqtarget.Param{{Name: "crossorigin", Value: ""}, {Name: "as", Value: "font"}}}}},
		{"quoted pairs", `<a>; title="say \"hi\" \\ \o/"`, []Link{{URL: "a", Params: []reqtarget.Param{{Name: "title", Value: `say "hi" \ o/`}}}}},
		{"empty quoted value", `<a>; title=""`, []Link{{URL: "a", Params: []reqtarget.Param{{Name: "title", Value: ""}}}}},
		{"non-ASCII in a quoted value", `<a>; title="né"`, []Link{{URL: "a", Params: []reqtarget.Param{{Name: "title", Value: "né"}}}}},
		{"white space everywhere it may be", " \t<a>\t;\trel = \"next\" \t;  title\t=\tx ,\t<b> ", []Link{
			{URL: "a", Rel: []string{"next"}, Params: []reqtarget.Param{{Name: "title", Value: "x"}}},
			{URL: "b"},
		}},
		{"folded line around =", "<a>; rel\r\n =\n\t next", []Link{{URL: "a", Rel: []string{"next"}}}},
		{"empty list elements", `, <a>; rel=next, , ,<b>; rel=prev,`, []Link{
			{URL: "a", Rel: []string{"next"}},
			{URL: "b", Rel: []string{"prev"}},
		}},
		{"no white space at all", `<a>;rel=next,<b>;rel=prev`, []Link{
			{URL: "a", Rel: []string{"next"}},
			{URL: "b", Rel: []string{"prev"}},
		}},
		{"RFC 8288 example with title", `<http://example.com/TheBook/chapter2>; rel="previous"; title="previous chapter"`, []Link{
			{URL: "http://example.com/TheBook/chapter2", Rel: []string{"previous"}, Params: []reqtarget.Param{{Name: "title", Value: "previous chapter"}}},
		}},
		{"RFC 8288 example with title*", `</TheBook/chapter2>; rel="previous"; title*=UTF-8'de'letztes%20Kapitel, </TheBook/chapter4>; rel="next"; title*=UTF-8'de'n%c3%a4chstes%20Kapitel`, []Link{
			{URL: "/TheBook/chapter2", Rel: []string{"previous"}, Params: []reqtarget.Param{{Name: "title*", Value: "UTF-8'de'letztes%20Kapitel"}}},
			{URL: "/TheBook/chapter4", Rel: []string{"next"}, Params: []reqtarget.Param{{Name: "title*", Value: "UTF-8'de'n%c3%a4chstes%20Kapitel"}}},
		}},
		{"RFC 8288 example with anchor", `</terms>; rel="copyright"; anchor="#foo"`, []Link{{URL: "/terms", Rel: []string{"copyright"}, Params: []reqtarget.Param{{Name: "anchor", Value: "#foo"}}}}},
		{"RFC 8288 example with two relation types", `<http://example.org/>; rel="start http://example.net/relation/other"`, []Link{
			{URL: "http://example.org/", Rel: []string{"start", "http://example.net/relation/other"}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse(tt.header)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, header string
		offset       int
		msg          string
	}{
		{"empty", "", 0, "no link in the header: expected `<URL>; rel=...`"},
		{"only commas and spaces", " , ,\t", 5, "no link in the header"},
		{"missing <", `https://a.example/x; rel=next`, 0, "expected `<` to start a link, found `https://a.example/x`"},
		{"missing < in the second link", `<a>; rel=next, b>; rel=prev`, 15, "expected `<` to start a link, found `b`"},
		{"unterminated <", `<https://a.example/x;rel=next`, 0, "unterminated `<`: no `>` closes the URL"},
		{"missing > before the parameters", `<https://a.example/x; rel=next`, 21, "white space inside `<...>`: the `>` closing the URL is missing"},
		{"missing > before the next link", `<a, <b>; rel=next`, 3, "white space inside `<...>`"},
		{"< inside a URL", `<a<b>`, 2, "`<` inside `<...>`: the `>` closing the URL at byte 0 is missing"},
		{"control character in a URL", "<a\x01>", 2, "control character U+0001 inside `<...>`"},
		{"unterminated quoted string", `<a>; rel="next, <b>; rel=prev`, 9, "unterminated quoted string: no `\"` closes it"},
		{"line break in a quoted string", "<a>; title=\"a\r\n b\"", 11, "unterminated quoted string: a line break before the closing `\"`"},
		{"control character in a quoted string", "<a>; title=\"a\x00\"", 13, "control character U+0000 in a quoted string"},
		{"control character in a quoted pair", "<a>; title=\"a\\\x07\"", 14, "control character U+0007 in a quoted string"},
		{"backslash at the end", `<a>; title="a\`, 11, "unterminated quoted string"},
		{"parameter without ;", `<a> rel=next`, 4, "expected `;` or `,` after the link `<a>`, found `rel`"},
		{"two links without a comma", `<a>; rel=next <b>; rel=prev`, 14, "expected `;` or `,` after the parameter `rel`, found `<`"},
		{"unquoted value with a space", `<a>; rel=next last`, 14, "expected `;` or `,` after the parameter `rel`, found `last`"},
		{"garbage after a quoted value", `<a>; title="x"y`, 14, "after the parameter `title`, found `y`"},
		{"space in a name", `<a>; na me=1`, 8, "after the parameter `na`, found `me`"},
		{"long URL shortened in the message", `<https://api.integrator.io/v1/integrations?skip=100&limit=1000> x`, 64, "after the link `<https://api.integrator.io/v1/integrat...>`, found `x`"},
		{"quote cut at a character boundary", "<a> x" + strings.Repeat("é", 15), 4, "after the link `<a>`, found `x" + strings.Repeat("é", 11) + "`"},
		{"empty parameter name", `<a>; =next`, 5, "empty parameter name: expected a name after `;`, found `=`"},
		{"two semicolons", `<a>; ; rel=next`, 5, "empty parameter name: expected a name after `;`, found `;`"},
		{"semicolon at the end", `<a>; rel=next;`, 14, "empty parameter name: expected a name after `;`, found the end of the header"},
		{"quoted name", `<a>; "rel"=next`, 5, "empty parameter name"},
		{"= without a value at the end", `<a>; rel=`, 9, "expected a value after `rel=` (a token or a quoted string), found the end of the header"},
		{"= without a value before a comma", `<a>; rel= , <b>`, 10, "expected a value after `rel=`"},
		{"= without a value before a semicolon", `<a>; title=; rel=next`, 11, "expected a value after `title=`"},
		{"URL as a value", `<a>; anchor=<b>`, 12, "expected a value after `anchor=` (a token or a quoted string), found `<`"},
		{"line break not folded", "<a>; rel=next,\n<b>", 14, "a line break in a header must be followed by white space"},
		{"line break at the end", "<a>; rel=next\r\n", 13, "a line break in a header must be followed by white space"},
		{"bare CR", "<a>;\r rel=next", 4, "a line break in a header must be followed by white space"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			links, err := Parse(tt.header)
			assert.Nil(t, links)
			var le *Error
			require.ErrorAs(t, err, &le)
			assert.Contains(t, le.Msg, tt.msg)
			assert.Equal(t, tt.offset, le.Offset)
			assert.Equal(t, le.Msg+fmt.Sprintf(" (at byte %d)", tt.offset), err.Error())
		})
	}
}

func TestFormatLink(t *testing.T) {
	tests := []struct {
		name  string
		links []Link
		want  string
	}{
		{"none", nil, ""},
		{"next and prev", []Link{
			{URL: "https://api.integrator.io/v1/integrations?skip=100&limit=1000", Rel: []string{"next"}},
			{URL: "https://api.integrator.io/v1/integrations?skip=0&limit=1000", Rel: []string{"prev"}},
		}, `<https://api.integrator.io/v1/integrations?skip=100&limit=1000>; rel="next", <https://api.integrator.io/v1/integrations?skip=0&limit=1000>; rel="prev"`},
		{"several rels", []Link{{URL: "/a", Rel: []string{"next", "last"}}}, `</a>; rel="next last"`},
		{"no rel", []Link{{URL: "/a"}}, `</a>`},
		{"token value unquoted", []Link{{URL: "/a", Rel: []string{"next"}, Params: []reqtarget.Param{{Name: "title*", Value: "UTF-8'de'n%c3%a4chstes"}}}}, `</a>; rel="next"; title*=UTF-8'de'n%c3%a4chstes`},
		{"other values quoted, quote and backslash escaped", []Link{{URL: "/a", Params: []reqtarget.Param{{Name: "title", Value: `a "b" \ c; d, é`}}}}, `</a>; title="a \"b\" \\ c; d, é"`},
		{"empty value as the name alone", []Link{{URL: "/a", Params: []reqtarget.Param{{Name: "crossorigin", Value: ""}}}}, `</a>; crossorigin`},
		{"rel escaped too", []Link{{URL: "/a", Rel: []string{`x"y`}}}, `</a>; rel="x\"y"`},
		{"URL characters that cannot stand inside <...>", []Link{{URL: "/a b<c>\n\x7f,;é"}}, "</a%20b%3Cc%3E%0A%7F,;é>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Format(tt.links)
			assert.Equal(t, tt.want, got)
			if len(tt.links) > 0 {
				_, err := Parse(got)
				assert.NoError(t, err)
			}
		})
	}
}

func TestFindLink(t *testing.T) {
	links, err := Parse(`<a>; rel="prev first", <b>; rel="NEXT", <c>; rel=next`)
	require.NoError(t, err)
	tests := []struct {
		rel, url string
		ok       bool
	}{
		{"next", "b", true},
		{"first", "a", true},
		{"prev", "a", true},
		{"last", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.rel, func(t *testing.T) {
			l, ok := Find(links, tt.rel)
			assert.Equal(t, tt.ok, ok)
			assert.Equal(t, tt.url, l.URL)
		})
	}
}

// randLinks makes links with awkward URLs and parameters: separators of the
// header inside URLs and values, quotes, backslashes, tabs, non-ASCII text,
// empty values and several rels.
func randLinks(rng *rand.Rand) []Link {
	pick := func(s ...string) string { return s[rng.IntN(len(s))] }
	text := func(alphabet []string, n int) string {
		var b strings.Builder
		for range rng.IntN(n) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		return b.String()
	}
	urlChars := []string{"a", "Z", "/", "?", "&", "=", ",", ";", `"`, "'", "%20", "#", "é", "\\", "(", ")", "{", "|"}
	valueChars := []string{"a", "Z", " ", "\t", ",", ";", "=", `"`, "\\", "<", ">", "é", "'", "%", "*", "!"}
	tokenChars := []string{"a", "z", "0", "-", ".", "_", "~", "!", "#", "$", "%", "&", "'", "*", "+", "^", "`", "|"}
	var links []Link
	for range 1 + rng.IntN(4) {
		l := Link{URL: pick("https://api.example/v1/x", "/p", "") + text(urlChars, 12)}
		for range rng.IntN(3) {
			l.Rel = append(l.Rel, pick("next", "prev", "first", "last", "https://rel.example/a,b;c", `odd"rel\`)+text(tokenChars, 3))
		}
		for range rng.IntN(4) {
			name := pick("title", "anchor", "type", "title*", "x") + text(tokenChars, 3)
			value := pick("", "token", "UTF-8'de'x%20y") + text(valueChars, 8)
			l.Params = append(l.Params, reqtarget.Param{Name: name, Value: value})
		}
		links = append(links, l)
	}
	return links
}

func TestLinkRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for range 5000 {
		links := randLinks(rng)
		header := Format(links)
		got, err := Parse(header)
		require.NoError(t, err, "header %q", header)
		require.Equal(t, links, got, "header %q", header)
	}
}

func FuzzParseLink(f *testing.F) {
	for _, s := range []string{
		celigoLink,
		`<https://api.github.com/repositories/1300192/issues?page=2>; rel="prev", <https://api.github.com/repositories/1300192/issues?page=4>; rel="next"`,
		`<a,b;c>; rel=next; title="x; y, \"z\""`, `<a>; rel="Next LAST"; REL=prev`, `, <a>;crossorigin, ,`,
		"<a>;\r\n\trel=next", `<a>; rel=`, `<a`, `a>`, `<a>;`, `<a>; title="x`, "", "<a>; t=\"\\\xff\"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, header string) {
		links, err := Parse(header)
		if err != nil {
			var le *Error
			require.ErrorAs(t, err, &le)
			assert.True(t, 0 <= le.Offset && le.Offset <= len(header), "offset %d, header %q", le.Offset, header)
			if utf8.ValidString(header) {
				assert.True(t, utf8.ValidString(le.Msg), "message %q", le.Msg)
			}
			return
		}
		require.NotEmpty(t, links)
		again, err := Parse(Format(links))
		require.NoError(t, err, "formatted %q", Format(links))
		assert.Equal(t, links, again)
	})
}

// A client reads a Link header and follows rel="next" until there is none.
func ExampleParse() {
	header := `<https://api.integrator.io/v1/integrations?skip=100&limit=100>; rel="next",
      <https://api.integrator.io/v1/integrations?skip=0&limit=100>;   rel="prev"`
	links, err := Parse(header)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, l := range links {
		fmt.Println(l.Rel, l.URL)
	}
	if next, ok := Find(links, "next"); ok {
		path, query, _ := reqtarget.Parse(next.URL)
		fmt.Println("next:", path, query)
	}

	_, err = Parse(`<https://api.integrator.io/v1/integrations?skip=100; rel="next"`)
	fmt.Println(err)
	// Output:
	// [next] https://api.integrator.io/v1/integrations?skip=100&limit=100
	// [prev] https://api.integrator.io/v1/integrations?skip=0&limit=100
	// next: /v1/integrations [{skip 100} {limit 100}]
	// white space inside `<...>`: the `>` closing the URL is missing, or a space in it should be %20 (at byte 52)
}
