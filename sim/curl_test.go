package sim

import (
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// shellWords splits a command line as a POSIX shell does for the quoting
// Curl uses: '...', $'...' with \xHH, \\ and \', and bare words. It fails on
// anything else a shell would act on ($, `, ;, |, &, <, >, (, ), unquoted
// backslashes, controls): a curl line must have none outside quotes.
func shellWords(t *testing.T, line string) []string {
	t.Helper()
	var words []string
	var cur strings.Builder
	in := false
	for i := 0; i < len(line); {
		c := line[i]
		switch {
		case c == ' ':
			if in {
				words = append(words, cur.String())
				cur.Reset()
				in = false
			}
			i++
		case c == '\'':
			j := strings.IndexByte(line[i+1:], '\'')
			require.GreaterOrEqual(t, j, 0, "unclosed quote in %q", line)
			cur.WriteString(line[i+1 : i+1+j])
			i += j + 2
			in = true
		case c == '$' && i+1 < len(line) && line[i+1] == '\'':
			i += 2
			for ; line[i] != '\''; i++ {
				if line[i] != '\\' {
					cur.WriteByte(line[i])
					continue
				}
				i++
				switch line[i] {
				case 'x':
					v, err := strconv.ParseUint(line[i+1:i+3], 16, 8)
					require.NoError(t, err)
					cur.WriteByte(byte(v))
					i += 2
				case '\\', '\'':
					cur.WriteByte(line[i])
				default:
					t.Fatalf("unexpected escape \\%c in %q", line[i], line)
				}
			}
			i++
			in = true
		case c == '\\' && strings.HasPrefix(line[i:], `\'`):
			cur.WriteByte('\'')
			i += 2
			in = true
		case strings.IndexByte("$`;|&<>()\\\"*?[]{}~#!", c) >= 0 || c < 0x20 || c == 0x7f:
			t.Fatalf("unquoted %q at %d in %q", c, i, line)
		default:
			cur.WriteByte(c)
			i++
			in = true
		}
	}
	if in {
		words = append(words, cur.String())
	}
	return words
}

func TestCurlQuotesForAShell(t *testing.T) {
	r := &TraceRequest{Method: "POST", URL: "/items?x={a,b,c}&p=[1-3]&filter[status]=open&q=it's a\x1b[201~ test&é",
		Header: []Header{{"X-A", "it's $(touch /tmp/PWNED) `id` \\ \"q\""}, {"X-B", "\u202Eevil"}},
		Body:   "{\"p\":\t1,\n \"s\": \"\u202E\u200B\u2028 ok\"}"}
	line := r.Curl()
	for i := 0; i < len(line); i++ {
		assert.False(t, line[i] < 0x20 || line[i] == 0x7f, "a control character at %d: %q", i, line)
	}
	for _, bad := range []string{"\u202E", "\u200B", "\u2028"} {
		assert.NotContains(t, line, bad)
	}
	assert.Equal(t, []string{"curl", "--globoff", "-X", "POST",
		"https://api.example.com/items?x={a,b,c}&p=[1-3]&filter[status]=open&q=it's%20a%1B[201~%20test&%C3%A9",
		"-H", "X-A: it's $(touch /tmp/PWNED) `id` \\ \"q\"",
		"-H", "X-B: \u202Eevil",
		"-H", "Content-Type: application/json",
		"--data-raw", `{"p": 1,  "s": "\u202e\u200b\u2028 ok"}`,
	}, shellWords(t, line))

	// The same line read by a real shell: every argument arrives as
	// written, and nothing runs.
	bash, err := exec.LookPath("bash")
	if err != nil || runtime.GOOS == "js" {
		t.Skip("no bash here")
	}
	out, err := exec.Command(bash, "-c", `curl() { printf '%s\n' "$@"; }; `+line).Output()
	require.NoError(t, err)
	assert.Equal(t, strings.Join(shellWords(t, line)[1:], "\n")+"\n", string(out))
}

func TestCurlOfAGetWithAnAbsoluteURL(t *testing.T) {
	r := &TraceRequest{Method: "GET", URL: "https://x.example/v1/items?limit=2", Header: []Header{{"Authorization", "Bearer t"}}}
	assert.Equal(t, "curl --globoff 'https://x.example/v1/items?limit=2' -H 'Authorization: Bearer t'", r.Curl())
}

// RFC 9110 forbids C0 controls (but tab) and DEL in a field value: the
// parser refuses them at their column, and Validate in scenarios from JSON.
func TestHeaderValuesRefuseControlCharacters(t *testing.T) {
	d := diags(t, "profile offset\nGET /items\n  X-A: \x1b[201~ \x01 \x0b touch /tmp/PWNED \x0f\n")
	require.Len(t, d, 1)
	assert.Equal(t, Diagnostic{Line: 3, Col: 8, EndCol: 9, Message: "a header value cannot hold control characters (RFC 9110), found U+001B"}, d[0])
	d = diags(t, "profile offset\nheader X-A: ok\x7f\nheader X-B: a\rb\n")
	require.Len(t, d, 2)
	assert.Equal(t, Diagnostic{Line: 2, Col: 15, EndCol: 16, Message: "a header value cannot hold control characters (RFC 9110), found U+007F"}, d[0])
	assert.Equal(t, Diagnostic{Line: 3, Col: 14, EndCol: 15, Message: "a header value cannot hold control characters (RFC 9110), found U+000D"}, d[1], "a lone CR points at its header line")
	_ = mustParse(t, "profile offset\nGET /items\n  X-A: a\tb\n") // a tab is allowed

	s := &Scenario{Setup: Setup{Profile: "offset", Sort: defaultSort}, Steps: []Step{{Kind: StepRequest, Method: "GET", Target: "/items", Headers: []Header{{"X-A", "a\x1bb"}}}}}
	err := s.Validate()
	require.Error(t, err)
	assert.Contains(t, err.Error(), "steps[0]: header `X-A`: a header value cannot hold control characters (RFC 9110), found U+001B")
}
