package reqtarget

import (
	"math/rand/v2"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseTarget(t *testing.T) {
	tests := []struct {
		name, target, path string
		query              []Param
	}{
		{"path only", "/workflow", "/workflow", nil},
		{"root", "/", "/", nil},
		{"page", "/workflow?page=2", "/workflow", []Param{{"page", "2"}}},
		{"order kept, repeats kept", "/x?b=1&a=2&b=3", "/x", []Param{{"b", "1"}, {"a", "2"}, {"b", "3"}}},
		{"name without =, empty value", "/x?a&b=", "/x", []Param{{"a", ""}, {"b", ""}}},
		{"empty pieces skipped", "/x?&&a=1&&b=2&", "/x", []Param{{"a", "1"}, {"b", "2"}}},
		{"empty query", "/x?", "/x", nil},
		{"only the first = splits", "/x?a=b=c", "/x", []Param{{"a", "b=c"}}},
		{"empty name", "/x?=v", "/x", []Param{{"", "v"}}},
		{"plus is a space in the query", "/x?q=a+b&c+d=1", "/x", []Param{{"q", "a b"}, {"c d", "1"}}},
		{"plus stays in the path", "/a+b", "/a+b", nil},
		{"escapes in the query", "/x?q=%26%3D%2B%25%20%e2%82%AC", "/x", []Param{{"q", "&=+% €"}}},
		{"escaped name", "/x?%61%62=1", "/x", []Param{{"ab", "1"}}},
		{"escapes in the path", "/a%20b/%2Fc%3F", "/a b//c?", nil},
		{"escaped bytes kept even if not UTF-8", "/x?v=%ff", "/x", []Param{{"v", "\xff"}}},
		{"raw UTF-8 kept", "/café?n=é", "/café", []Param{{"n", "é"}}},
		{"second ? is part of the query", "/x?a=1?b=2", "/x", []Param{{"a", "1?b=2"}}},
		{"semicolon is not a separator", "/x?a=1;b=2", "/x", []Param{{"a", "1;b=2"}}},
		{"fragment dropped", "/x?a=1#frag", "/x", []Param{{"a", "1"}}},
		{"fragment right after the path", "/x#a=1?b", "/x", nil},
		{"fragment with a bad escape is not read", "/x#%zz", "/x", nil},
		{"double slash is a path", "//x/y", "//x/y", nil},
		{"absolute https", "https://api.integrator.io/v1/integrations?skip=100&limit=1000", "/v1/integrations", []Param{{"skip", "100"}, {"limit", "1000"}}},
		{"absolute http with port", "http://localhost:8080/workflow?page=1", "/workflow", []Param{{"page", "1"}}},
		{"scheme in upper case", "HTTPS://Example.COM/a", "/a", nil},
		{"IPv6 host", "http://[::1]:8080/a?x=1", "/a", []Param{{"x", "1"}}},
		{"host only", "https://example.com", "/", nil},
		{"host and query", "https://example.com?a=1", "/", []Param{{"a", "1"}}},
		{"host and fragment", "https://example.com#top", "/", nil},
		{"URL in a query value", "/x?next=https://a.example/b?c=1", "/x", []Param{{"next", "https://a.example/b?c=1"}}},
		{"Celigo nextPageURL", "/v1/flows/f1/errors?after=abc123&pageSize=100", "/v1/flows/f1/errors", []Param{{"after", "abc123"}, {"pageSize", "100"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path, query, err := Parse(tt.target)
			require.NoError(t, err)
			assert.Equal(t, tt.path, path)
			assert.Equal(t, tt.query, query)
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, target string
		offset       int
		msg          string
	}{
		{"empty", "", 0, "a request target starts with `/` or `http://` or `https://`"},
		{"relative", "workflow?page=2", 0, "starts with `/`"},
		{"other scheme", "ftp://host/x", 0, "starts with `/`"},
		{"scheme without slashes", "https:/x", 0, "starts with `/`"},
		{"missing host", "https:///x", 8, "missing host after `https://`"},
		{"nothing after the scheme", "HTTP://", 7, "missing host after `HTTP://`"},
		{"missing host before query", "http://?a=1", 7, "missing host after `http://`"},
		{"bad escape in the query", "/x?a=%zz", 5, "invalid escape `%zz` in the query"},
		{"short escape at the end", "/x?a=%4", 5, "invalid escape `%4` in the query"},
		{"lone percent", "/x?a=1&b=%", 9, "invalid escape `%` in the query: `%` takes two hex digits (write `%` itself as %25)"},
		{"bad escape in a name", "/x?a=1&%g1=2", 7, "invalid escape `%g1` in the query"},
		{"bad escape in the path", "/a%2", 2, "invalid escape `%2` in the path"},
		{"bad escape in an absolute URL's path", "https://h.example/a/%x1?b=1", 20, "invalid escape `%x1` in the path"},
		{"bad escape in an absolute URL's query", "https://h.example?b=%%", 20, "invalid escape `%%` in the query"},
		{"space", "/x?a=1 2", 6, "a space in a request target must be written %20"},
		{"control character", "/x\n", 2, "control character U+000A in a request target"},
		{"DEL", "/x\x7f", 2, "control character U+007F"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Parse(tt.target)
			var te *Error
			require.ErrorAs(t, err, &te)
			assert.Contains(t, te.Msg, tt.msg)
			assert.Equal(t, tt.offset, te.Offset)
			assert.Equal(t, te.Msg, err.Error())
		})
	}
}

func TestEncodeQuery(t *testing.T) {
	tests := []struct {
		name  string
		query []Param
		want  string
	}{
		{"none", nil, ""},
		{"plain", []Param{{"skip", "100"}, {"limit", "1000"}}, "skip=100&limit=1000"},
		{"unreserved kept", []Param{{"a-b.c_d~", "Z9-._~"}}, "a-b.c_d~=Z9-._~"},
		{"empty name and value", []Param{{"", ""}, {"a", ""}}, "=&a="},
		{"space is %20", []Param{{"q", "a b"}}, "q=a%20b"},
		{"separators escaped", []Param{{"a&b", "c=d+e%f#g?h;i/j"}}, "a%26b=c%3Dd%2Be%25f%23g%3Fh%3Bi%2Fj"},
		{"UTF-8 escaped bytewise, upper-case hex", []Param{{"n", "é€"}}, "n=%C3%A9%E2%82%AC"},
		{"control and invalid bytes", []Param{{"v", "\x00\n\xff"}}, "v=%00%0A%FF"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Encode(tt.query)
			assert.Equal(t, tt.want, got)
			// net/url reads it back the same way.
			vals, err := url.ParseQuery(got)
			require.NoError(t, err)
			for _, p := range tt.query {
				assert.Contains(t, vals[p.Name], p.Value)
			}
		})
	}
}

func TestTargetString(t *testing.T) {
	tests := []struct {
		name, path string
		query      []Param
		want       string
	}{
		{"path only", "/workflow", nil, "/workflow"},
		{"empty query has no ?", "/workflow", []Param{}, "/workflow"},
		{"with query", "/workflow", []Param{{"page", "2"}}, "/workflow?page=2"},
		{"path keeps its sub-delims", "/a:b@c!$&'()*+,;=/d", nil, "/a:b@c!$&'()*+,;=/d"},
		{"path escapes ? # % and space", "/a?b#c%d e", nil, "/a%3Fb%23c%25d%20e"},
		{"path escapes UTF-8", "/café", []Param{{"x", "1"}}, "/caf%C3%A9?x=1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := String(tt.path, tt.query)
			assert.Equal(t, tt.want, got)
			path, query, err := Parse(got)
			require.NoError(t, err)
			assert.Equal(t, tt.path, path)
			assert.Len(t, query, len(tt.query))
		})
	}
}

// checkTargetRoundTrip checks that what Parse gives writes back to a
// target that parses to the same.
func checkTargetRoundTrip(t *testing.T, path string, query []Param) {
	t.Helper()
	p2, q2, err := Parse(String(path, query))
	require.NoError(t, err)
	assert.Equal(t, path, p2)
	assert.Equal(t, len(query), len(q2))
	if len(query) > 0 {
		assert.Equal(t, query, q2)
	}
	_, q3, err := Parse("/p?" + Encode(query))
	require.NoError(t, err)
	assert.Equal(t, len(query), len(q3))
	if len(query) > 0 {
		assert.Equal(t, query, q3)
	}
}

// compareTargetWithNetURL checks Parse against net/url on an
// origin-form target: url.Parse for the path, url.ParseQuery for the query.
// The targets avoid what the two define differently on purpose: "//" at the
// start (an authority to net/url), ";" (refused by ParseQuery), "#" (net/url
// checks the fragment's escapes) and spaces (refused here).
func compareTargetWithNetURL(t *testing.T, target string) {
	t.Helper()
	path, query, err := Parse(target)
	u, uerr := url.Parse(target)
	var vals url.Values
	if uerr == nil {
		vals, uerr = url.ParseQuery(u.RawQuery)
	}
	require.Equal(t, uerr == nil, err == nil, "net/url error %v, Parse error %v, target %q", uerr, err, target)
	if err != nil {
		return
	}
	assert.Equal(t, u.Path, path, "target %q", target)
	// url.Values groups by name; within a name the order is the same.
	got := url.Values{}
	for _, p := range query {
		got[p.Name] = append(got[p.Name], p.Value)
	}
	assert.Equal(t, vals, got, "target %q", target)
	checkTargetRoundTrip(t, path, query)
}

func TestParseTargetAgainstNetURL(t *testing.T) {
	for _, target := range []string{
		"/", "/a", "/a%20b", "/a+b?c+d=e+f", "/x?a&b=&&c=1", "/x?%41=%42", "/x?a=%zz", "/%", "/x?=",
		"/x?a=b=c", "/v1/integrations?skip=100&limit=1000", "/caf%C3%A9?q=%E2%82%AC", "/x?a=%2",
	} {
		compareTargetWithNetURL(t, target)
	}
	const alphabet = "/?=&%+aZ09fF.-~_*!:@,'é\xff"
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		var b strings.Builder
		b.WriteByte('/')
		for range rng.IntN(16) {
			b.WriteByte(alphabet[rng.IntN(len(alphabet))])
		}
		target := b.String()
		if strings.HasPrefix(target, "//") {
			continue
		}
		compareTargetWithNetURL(t, target)
	}
}

// TestQueryRoundTrip builds random parameters with every byte value in them
// and checks Encode against Parse and net/url.
func TestQueryRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	randString := func() string {
		b := make([]byte, rng.IntN(6))
		for i := range b {
			if rng.IntN(2) == 0 {
				b[i] = "&=+% #?;/aZ"[rng.IntN(11)]
			} else {
				b[i] = byte(rng.IntN(256))
			}
		}
		return string(b)
	}
	for range 5000 {
		var query []Param
		for range rng.IntN(4) {
			query = append(query, Param{randString(), randString()})
		}
		path := "/" + randString()
		checkTargetRoundTrip(t, path, query)
		enc := Encode(query)
		vals, err := url.ParseQuery(enc)
		require.NoError(t, err)
		for _, p := range query {
			assert.Contains(t, vals[p.Name], p.Value)
		}
		if !strings.HasPrefix(path, "//") { // an authority to net/url
			u, err := url.Parse(String(path, query))
			require.NoError(t, err)
			assert.Equal(t, path, u.Path)
		}
	}
}

func FuzzParseTarget(f *testing.F) {
	for _, s := range []string{
		"/", "/workflow?page=2", "/x?a&b=&&c", "/a%20b?q=a+b%2B", "/x?a=%zz", "/x?a=%4", "https://h.example",
		"https://h.example:443/v1/x?skip=0&limit=100#f", "http://?x", "ftp://x/", "//x", "/é?é=é",
		"/x#%zz", "/x?%00=%ff", "HTTP://H/x", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, target string) {
		path, query, err := Parse(target)
		if err != nil {
			var te *Error
			require.ErrorAs(t, err, &te)
			assert.True(t, 0 <= te.Offset && te.Offset <= len(target), "offset %d, target %q", te.Offset, target)
			return
		}
		assert.True(t, strings.HasPrefix(path, "/"))
		checkTargetRoundTrip(t, path, query)
	})
}
