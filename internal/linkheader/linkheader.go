// Package linkheader reads and writes the HTTP Link header (RFC 8288), as
// GitHub and other APIs use it to point at the next, previous, first and last
// pages.
package linkheader

import (
	"strconv"
	"strings"

	"pagingplayground/internal/quote"
	"pagingplayground/internal/reqtarget"
)

// Link is one link-value of an RFC 8288 Link header.
type Link struct {
	URL    string            // the target between < and >, as written
	Rel    []string          // the rel values (space-separated in the header), lower-cased; nil if none
	Params []reqtarget.Param // the other parameters in order, names lower-cased, values unquoted
}

// Error is a malformed Link header. Offset is the byte of the header where
// the problem is.
type Error struct {
	Offset int
	Msg    string
}

func (e *Error) Error() string {
	return e.Msg + " (at byte " + strconv.Itoa(e.Offset) + ")"
}

// Parse parses a Link header field value (RFC 8288 §3): a comma-separated
// list of `<URL>; name=value; ...`, where a value is a token or a quoted
// string. It reads what servers send:
//
//   - white space around "," ";" and "=", and lines folded with a line break
//     followed by white space (as a long header is shown over two lines);
//   - empty list elements (", ,"), which RFC 9110 §5.6.1 says to skip;
//   - commas and semicolons inside the URL or inside a quoted string;
//   - parameters without a value ("; crossorigin"), with Value "".
//
// Parameter names and relation types compare case-insensitively, so they are
// lower-cased; rel is split at spaces into Rel. Only the first rel parameter
// counts (later ones "MUST be ignored", §3.3) and rel is never in Params.
// A header without any link is an error, and so is anything else outside the
// grammar; errors are a *Error.
func Parse(header string) ([]Link, error) {
	p := linkParser{s: header}
	var links []Link
	for {
		if err := p.space(); err != nil {
			return nil, err
		}
		if p.i == len(p.s) {
			break
		}
		if p.s[p.i] == ',' {
			p.i++
			continue
		}
		l, err := p.link()
		if err != nil {
			return nil, err
		}
		links = append(links, l)
	}
	if len(links) == 0 {
		return nil, &Error{p.i, "no link in the header: expected `<URL>; rel=...`"}
	}
	return links, nil
}

type linkParser struct {
	s string
	i int
}

func (p *linkParser) fail(offset int, msg string) error {
	return &Error{Offset: offset, Msg: msg}
}

// space skips optional white space: spaces, tabs and folded lines.
func (p *linkParser) space() error {
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case ' ', '\t':
			p.i++
		case '\r', '\n':
			// A folded line (obs-fold, RFC 9112 §5.2): CRLF, or a bare LF
			// as text areas have it, then at least one space or tab.
			j := p.i
			if p.s[j] == '\r' {
				j++
			}
			if j+1 >= len(p.s) || p.s[j] != '\n' || p.s[j+1] != ' ' && p.s[j+1] != '\t' {
				return p.fail(p.i, "a line break in a header must be followed by white space (a folded line)")
			}
			p.i = j + 2
		default:
			return nil
		}
	}
	return nil
}

// found describes what is at offset i, for "expected X, found Y" messages:
// a short quote of the text, up to the next separator.
func (p *linkParser) found(i int) string {
	if i >= len(p.s) {
		return "the end of the header"
	}
	const separators = " \t\r\n,;=<>\""
	j := i
	for j < len(p.s) && strings.IndexByte(separators, p.s[j]) < 0 {
		j++
	}
	if q := runePrefix(p.s[i:j], 24); len(q) > 1 {
		return "`" + q + "`"
	}
	return quote.Char(p.s[i:])
}

// link reads one link-value: the URL in angle brackets and its parameters. It
// stops before the "," that ends it, or at the end.
func (p *linkParser) link() (Link, error) {
	start := p.i
	if p.s[p.i] != '<' {
		return Link{}, p.fail(p.i, "expected `<` to start a link, found "+p.found(p.i))
	}
	end := start + 1
	for ; end < len(p.s) && p.s[end] != '>'; end++ {
		switch c := p.s[end]; {
		case c == ' ' || c == '\t':
			return Link{}, p.fail(end, "white space inside `<...>`: the `>` closing the URL is missing, or a space in it should be %20")
		case c < ' ' || c == 0x7f:
			return Link{}, p.fail(end, "control character "+quote.CodePoint(rune(c))+" inside `<...>`")
		case c == '<':
			return Link{}, p.fail(end, "`<` inside `<...>`: the `>` closing the URL at byte "+strconv.Itoa(start)+" is missing")
		}
	}
	if end == len(p.s) {
		return Link{}, p.fail(start, "unterminated `<`: no `>` closes the URL")
	}
	l := Link{URL: p.s[start+1 : end]}
	p.i = end + 1
	param := "" // the parameter last read, as written, for messages
	relSeen := false
	for {
		if err := p.space(); err != nil {
			return Link{}, err
		}
		if p.i == len(p.s) || p.s[p.i] == ',' {
			return l, nil
		}
		if p.s[p.i] != ';' {
			after := "after the link `<" + shorten(l.URL) + ">`"
			if param != "" {
				after = "after the parameter `" + param + "`"
			}
			return Link{}, p.fail(p.i, "expected `;` or `,` "+after+", found "+p.found(p.i))
		}
		p.i++
		if err := p.space(); err != nil {
			return Link{}, err
		}
		param = p.token()
		name := asciiLower(param)
		if name == "" {
			return Link{}, p.fail(p.i, "empty parameter name: expected a name after `;`, found "+p.found(p.i))
		}
		if err := p.space(); err != nil {
			return Link{}, err
		}
		var value string
		if p.i < len(p.s) && p.s[p.i] == '=' {
			p.i++
			if err := p.space(); err != nil {
				return Link{}, err
			}
			var err error
			if value, err = p.value(name); err != nil {
				return Link{}, err
			}
		}
		if name != "rel" {
			l.Params = append(l.Params, reqtarget.Param{Name: name, Value: value})
		} else if !relSeen {
			relSeen = true
			l.Rel = splitRel(asciiLower(value))
		}
	}
}

// value reads a parameter's value after the "=": a token or a quoted string.
func (p *linkParser) value(name string) (string, error) {
	if p.i < len(p.s) && p.s[p.i] == '"' {
		return p.quoted()
	}
	if v := p.token(); v != "" {
		return v, nil
	}
	return "", p.fail(p.i, "expected a value after `"+name+"=` (a token or a quoted string), found "+p.found(p.i))
}

// token reads a token (RFC 9110 §5.6.2), maybe empty.
func (p *linkParser) token() string {
	start := p.i
	for p.i < len(p.s) && IsTokenChar(p.s[p.i]) {
		p.i++
	}
	return p.s[start:p.i]
}

// quoted reads a quoted string (RFC 9110 §5.6.4) and returns its content
// with the quoted pairs (\x) undone.
func (p *linkParser) quoted() (string, error) {
	start := p.i
	p.i++
	var b []byte
	lit := p.i // start of the text not yet in b
	for p.i < len(p.s) {
		switch c := p.s[p.i]; {
		case c == '"':
			v := p.s[lit:p.i]
			p.i++
			if b == nil {
				return v, nil
			}
			return string(append(b, v...)), nil
		case c == '\\' && p.i+1 < len(p.s):
			if d := p.s[p.i+1]; d < ' ' && d != '\t' || d == 0x7f {
				return "", p.fail(p.i+1, "control character "+quote.CodePoint(rune(d))+" in a quoted string")
			}
			b = append(b, p.s[lit:p.i]...)
			b = append(b, p.s[p.i+1])
			p.i += 2
			lit = p.i
		case c < ' ' && c != '\t' || c == 0x7f:
			if c == '\r' || c == '\n' {
				return "", p.fail(start, "unterminated quoted string: a line break before the closing `\"`")
			}
			return "", p.fail(p.i, "control character "+quote.CodePoint(rune(c))+" in a quoted string")
		default:
			p.i++
		}
	}
	return "", p.fail(start, "unterminated quoted string: no `\"` closes it")
}

// shorten cuts a URL for a message.
func shorten(s string) string {
	if len(s) <= 40 {
		return s
	}
	return runePrefix(s, 37) + "..."
}

// runePrefix is the longest prefix of s of at most n bytes that does not end
// inside a UTF-8 character.
func runePrefix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n]
}

// splitRel splits a rel value into relation types at spaces and tabs.
func splitRel(v string) []string {
	rels := strings.FieldsFunc(v, func(r rune) bool { return r == ' ' || r == '\t' })
	if len(rels) == 0 {
		return nil
	}
	return rels
}

// asciiLower lower-cases ASCII letters only. strings.ToLower would also
// rewrite non-ASCII text and bytes that are not UTF-8.
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// IsTokenChar says whether c is a tchar of RFC 9110 §5.6.2.
func IsTokenChar(c byte) bool {
	return reqtarget.IsUnreserved(c) || strings.IndexByte("!#$%&'*+^`|", c) >= 0
}

// Format writes links as a Link header field value:
// `<url>; rel="next", <url>; rel="prev"`. Rel is always quoted, as vendors'
// documentation shows it; other values are quoted only when they are not a
// token, and a parameter with an empty value is written as its name alone.
// Characters a URL cannot hold inside <...> (white space, controls, < and >)
// are percent-encoded, so the result always parses. Param names are written
// as they are and should be tokens other than "rel".
func Format(links []Link) string {
	var b []byte
	for i, l := range links {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = append(b, '<')
		b = reqtarget.AppendEscaped(b, l.URL, func(c byte) bool { return c > ' ' && c != 0x7f && c != '<' && c != '>' })
		b = append(b, '>')
		if len(l.Rel) > 0 {
			b = append(b, "; rel="...)
			b = appendQuoted(b, strings.Join(l.Rel, " "))
		}
		for _, p := range l.Params {
			b = append(b, "; "...)
			b = append(b, p.Name...)
			switch {
			case p.Value == "":
			case IsToken(p.Value):
				b = append(b, '=')
				b = append(b, p.Value...)
			default:
				b = append(b, '=')
				b = appendQuoted(b, p.Value)
			}
		}
	}
	return string(b)
}

// IsToken says whether s is a token of RFC 9110 §5.6.2 (a header name is one).
func IsToken(s string) bool {
	for i := 0; i < len(s); i++ {
		if !IsTokenChar(s[i]) {
			return false
		}
	}
	return s != ""
}

// appendQuoted appends s as a quoted string, escaping " and \.
func appendQuoted(b []byte, s string) []byte {
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		if s[i] == '"' || s[i] == '\\' {
			b = append(b, '\\')
		}
		b = append(b, s[i])
	}
	return append(b, '"')
}

// Find returns the first link whose rel includes rel.
func Find(links []Link, rel string) (Link, bool) {
	for _, l := range links {
		for _, r := range l.Rel {
			if r == rel {
				return l, true
			}
		}
	}
	return Link{}, false
}
