package sim

import (
	"strings"
	"unicode/utf8"

	"pagingplayground/internal/linkheader"
)

// curlBase is the host a request written with a path only is sent to in its
// curl line.
const curlBase = "https://api.example.com"

// Curl writes the request as a curl command line for a POSIX shell, the
// "Copy as curl" of the page. It is safe to paste: every argument is quoted,
// none holds a control character (a terminal acts on those as they are
// pasted, whatever the quoting: ESC [201~ ends a bracketed paste), and
// nothing in it makes curl read a file or expand a URL pattern:
//
//   - --globoff, so `?x={a,b}&p=[1-3]` is one request, not six, and
//     `?filter[status]=open` works;
//   - the URL's spaces, controls and non-ASCII bytes percent-encoded;
//   - the body passed with --data-raw (no @file), its white space (the only
//     place valid JSON has raw controls) written as spaces, and invisible or
//     direction-changing characters in its strings as \u escapes;
//   - anything still unsafe (a header value with U+202E) in $'...' quotes
//     with \x escapes, which bash, zsh, ksh and POSIX.1-2024 shells read.
//
// Header values with C0 controls or DEL never get here: the parser and
// Validate refuse them (RFC 9110 forbids them).
func (r *TraceRequest) Curl() string {
	var b strings.Builder
	b.WriteString("curl --globoff")
	if r.Method != "" && r.Method != "GET" {
		b.WriteString(" -X ")
		if linkheader.IsToken(r.Method) && strings.Trim(r.Method, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == "" {
			b.WriteString(r.Method)
		} else {
			b.WriteString(shellQuote(r.Method))
		}
	}
	url := r.URL
	if !hasScheme(url) {
		if !strings.HasPrefix(url, "/") {
			url = "/" + url
		}
		url = curlBase + url
	}
	b.WriteByte(' ')
	b.WriteString(shellQuote(escapeURL(url)))
	typed := false
	for _, h := range r.Header {
		b.WriteString(" -H ")
		b.WriteString(shellQuote(h.Name + ": " + h.Value))
		typed = typed || strings.EqualFold(h.Name, "Content-Type")
	}
	if r.Body != "" {
		if !typed {
			b.WriteString(" -H 'Content-Type: application/json'")
		}
		b.WriteString(" --data-raw ")
		b.WriteString(shellQuote(safeJSONText(r.Body)))
	}
	return b.String()
}

func hasScheme(u string) bool {
	i := strings.Index(u, "://")
	if i <= 0 {
		return false
	}
	for j := 0; j < i; j++ {
		c := u[j]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || j > 0 && (c >= '0' && c <= '9' || c == '+' || c == '.' || c == '-')) {
			return false
		}
	}
	return true
}

// escapeURL percent-encodes the bytes a URL cannot hold raw: controls,
// space, DEL and everything past ASCII (as browsers send them).
func escapeURL(u string) string {
	const hex = "0123456789ABCDEF"
	var b []byte
	for i := 0; i < len(u); i++ {
		c := u[i]
		if c > ' ' && c < 0x7f {
			if b != nil {
				b = append(b, c)
			}
			continue
		}
		if b == nil {
			b = append(make([]byte, 0, len(u)+16), u[:i]...)
		}
		b = append(b, '%', hex[c>>4], hex[c&15])
	}
	if b == nil {
		return u
	}
	return string(b)
}

// unsafeRune reports characters a terminal or a reader must not meet raw in
// a pasted command: C0 and C1 controls, DEL, the bidirectional controls that
// reorder what is shown (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F,
// U+061C), zero-width characters, line and paragraph separators, the BOM,
// and invalid UTF-8 (utf8.RuneError).
//
//go:noinline
func unsafeRune(r rune) bool {
	switch {
	case r < 0x20 || r >= 0x7f && r < 0xa0:
		return true
	case r >= 0x200b && r <= 0x200f, r >= 0x2028 && r <= 0x202e, r >= 0x2060 && r <= 0x2069:
		return true
	case r == 0x061c, r == 0xfeff, r == utf8.RuneError:
		return true
	}
	return false
}

// safeJSONText rewrites JSON text with the same meaning and no unsafe
// characters: white space controls become spaces, other unsafe characters
// \u escapes (valid in a string, the only place they may be in valid JSON).
func safeJSONText(s string) string {
	clean := true
	for _, r := range s {
		if unsafeRune(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	const hex = "0123456789abcdef"
	var b strings.Builder
	for i, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteByte(' ')
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
			b.WriteString(`\ufffd`)
		case unsafeRune(r):
			b.WriteString(`\u`)
			for sh := 12; sh >= 0; sh -= 4 {
				b.WriteByte(hex[(r>>sh)&15])
			}
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// shellQuote quotes s as one word for a POSIX shell: in single quotes, in
// which nothing is special but the quote itself (it is closed, written with
// a backslash and reopened), or when s holds an unsafe character, in $'...'
// with each unsafe byte as \xHH.
func shellQuote(s string) string {
	unsafe := false
	for _, r := range s {
		if unsafeRune(r) {
			unsafe = true
			break
		}
	}
	if !unsafe {
		return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
	}
	const hex = "0123456789abcdef"
	var b strings.Builder
	b.WriteString("$'")
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case unsafeRune(r):
			for _, c := range []byte(s[i : i+size]) {
				b.WriteString(`\x`)
				b.WriteByte(hex[c>>4])
				b.WriteByte(hex[c&15])
			}
		case r == '\'' || r == '\\':
			b.WriteByte('\\')
			b.WriteByte(byte(r))
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	b.WriteByte('\'')
	return b.String()
}
