// Package reqtarget reads and writes HTTP request targets (RFC 9110 §7.1,
// RFC 3986): a path and its query parameters, in order, as API docs write
// them ("/items?offset=20&limit=10" or "https://api.example.com/items?...").
package reqtarget

import (
	"strings"

	"pagingplayground/internal/quote"
)

// Param is one query parameter (or, in a Link header, one link parameter).
type Param struct {
	Name, Value string
}

// Error is a malformed request target. Offset is the byte in the target
// where the problem is, so a scenario diagnostic can point at it.
type Error struct {
	Offset int
	Msg    string
}

func (e *Error) Error() string { return e.Msg }

// Parse splits a request target into its decoded path and query
// parameters. The target is origin-form, /path?query, or an absolute URL,
// http(s)://host[:port]/path?query, whose host is dropped (a bare host means
// the path "/"). A fragment (#...) is dropped too. Percent escapes are decoded
// (RFC 3986) in the path and the query, and in the query "+" is a space, as in
// HTML forms and Go's url.ParseQuery. Parameters keep their order; "?a&b="
// gives a="" and b=""; empty pieces ("&&") are skipped. Errors are a
// *Error.
func Parse(target string) (path string, query []Param, err error) {
	for i := 0; i < len(target); i++ {
		if c := target[i]; c == ' ' {
			return "", nil, &Error{i, "a space in a request target must be written %20"}
		} else if c < ' ' || c == 0x7f {
			return "", nil, &Error{i, "control character " + quote.CodePoint(rune(c)) + " in a request target"}
		}
	}
	rest, at := target, 0 // rest is target[at:]
	if !strings.HasPrefix(rest, "/") {
		n := schemeLen(rest)
		if n == 0 {
			return "", nil, &Error{0, "a request target starts with `/` or `http://` or `https://`"}
		}
		host := rest[n:]
		if i := strings.IndexAny(host, "/?#"); i >= 0 {
			host = host[:i]
		}
		if host == "" {
			return "", nil, &Error{n, "missing host after `" + rest[:n] + "`"}
		}
		at = n + len(host)
		rest = rest[at:]
	}
	if i := strings.IndexByte(rest, '#'); i >= 0 {
		rest = rest[:i]
	}
	rawPath, rawQuery, _ := strings.Cut(rest, "?")
	path = "/"
	if rawPath != "" {
		if path, err = unescape(rawPath, at, false); err != nil {
			return "", nil, err
		}
	}
	at += len(rawPath) + 1
	for rawQuery != "" {
		piece := rawQuery
		if i := strings.IndexByte(rawQuery, '&'); i >= 0 {
			piece, rawQuery = rawQuery[:i], rawQuery[i+1:]
		} else {
			rawQuery = ""
		}
		if piece != "" {
			rawName, rawValue, _ := strings.Cut(piece, "=")
			name, err := unescape(rawName, at, true)
			if err != nil {
				return "", nil, err
			}
			value, err := unescape(rawValue, at+len(rawName)+1, true)
			if err != nil {
				return "", nil, err
			}
			query = append(query, Param{name, value})
		}
		at += len(piece) + 1
	}
	return path, query, nil
}

// schemeLen is the length of a leading "http://" or "https://", in any case,
// or 0.
func schemeLen(s string) int {
	for _, scheme := range [...]string{"http://", "https://"} {
		if len(s) >= len(scheme) && strings.EqualFold(s[:len(scheme)], scheme) {
			return len(scheme)
		}
	}
	return 0
}

// unescape decodes the percent escapes of s, which starts at byte at of the
// target, and with plus (in a query) "+" as a space.
func unescape(s string, at int, plus bool) (string, error) {
	if !strings.Contains(s, "%") && (!plus || !strings.Contains(s, "+")) {
		return s, nil
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '%':
			if i+2 >= len(s) || !isHex(s[i+1]) || !isHex(s[i+2]) {
				where := "path"
				if plus {
					where = "query"
				}
				return "", &Error{at + i, "invalid escape `" + s[i:min(i+3, len(s))] + "` in the " + where + ": `%` takes two hex digits (write `%` itself as %25)"}
			}
			b = append(b, hexValue(s[i+1])<<4|hexValue(s[i+2]))
			i += 2
		case c == '+' && plus:
			b = append(b, ' ')
		default:
			b = append(b, c)
		}
	}
	return string(b), nil
}

// Encode writes parameters as a query string without the leading "?",
// every parameter as name=value (so Parse gives back even an empty
// name or value). Only the unreserved characters of RFC 3986 (A-Z a-z 0-9
// - . _ ~) stay as they are; everything else is percent-encoded, a space
// as %20, which every decoder reads alike.
func Encode(q []Param) string { return string(appendQuery(nil, q)) }

func appendQuery(b []byte, q []Param) []byte {
	for i, p := range q {
		if i > 0 {
			b = append(b, '&')
		}
		b = AppendEscaped(b, p.Name, IsUnreserved)
		b = append(b, '=')
		b = AppendEscaped(b, p.Value, IsUnreserved)
	}
	return b
}

// String writes a path, which starts with "/", and parameters as a
// request target: path?query, or just the path when there are none.
// Parse gives them back.
func String(path string, q []Param) string {
	n := len(path) + 1
	for _, p := range q {
		n += len(p.Name) + len(p.Value) + 2
	}
	var buf [160]byte // on the stack: string(b) is then the one allocation of most targets
	b := buf[:0]
	if n+8 > len(buf) {
		b = make([]byte, 0, n+8)
	}
	b = AppendEscaped(b, path, isPathChar)
	if len(q) > 0 {
		b = append(b, '?')
		b = appendQuery(b, q)
	}
	return string(b)
}

func IsUnreserved(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		c == '-' || c == '.' || c == '_' || c == '~'
}

// isPathChar says which bytes a path keeps as they are: the pchars of RFC
// 3986 and "/".
func isPathChar(c byte) bool {
	return IsUnreserved(c) || strings.IndexByte("/:@!$&'()*+,;=", c) >= 0
}

// AppendEscaped appends s with every byte that keep refuses percent-encoded.
func AppendEscaped(b []byte, s string, keep func(byte) bool) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; keep(c) {
			b = append(b, c)
		} else {
			b = append(b, '%', upperHex[c>>4], upperHex[c&0xf])
		}
	}
	return b
}

// upperHex is for percent escapes, which RFC 3986 §2.1 recommends in upper case.
const upperHex = "0123456789ABCDEF"

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c|0x20 && c|0x20 <= 'f'
}

// hexValue is the value of a hex digit, upper or lower case.
func hexValue(c byte) byte {
	if c <= '9' {
		return c - '0'
	}
	return (c | 0x20) - 'a' + 10
}
