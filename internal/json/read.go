package json

import (
	"pagingplayground/internal/quote"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Value is a parsed JSON value. Objects keep their members in order.
type Value struct {
	Kind    Kind
	Str     string   // a string's value, or a number's text as written
	Bool    bool     // a boolean's value
	Items   []Value  // an array's elements
	Members []Member // an object's members, in order
	Offset  int      // byte offset in the input where the value starts
}

// Member is one name/value pair of a JSON object.
type Member struct {
	Name   string
	Value  Value
	Offset int // byte offset of the name
}

type Kind uint8

const (
	Null Kind = iota
	Bool
	Number
	String
	Array
	Object
)

// Error is malformed JSON at a byte offset.
type Error struct {
	Offset int
	Msg    string
}

func (e *Error) Error() string { return e.Msg }

// maxJSONDepth bounds the nesting of arrays and objects. Request bodies are
// flat; the bound keeps a pasted or fuzzed text from using the stack as a
// resource.
const maxJSONDepth = 100

// Parse parses one JSON value (RFC 8259) with nothing but white space
// around it. Numbers keep their text in Str. Duplicate member names are kept,
// in order. In strings, a lone surrogate escape and bytes that are not UTF-8
// become U+FFFD, as with encoding/json. Errors are a *Error.
func Parse(text string) (Value, error) {
	p := jsonParser{s: text}
	p.space()
	v, err := p.value()
	if err != nil {
		return Value{}, err
	}
	p.space()
	if p.i < len(p.s) {
		return Value{}, p.fail(p.i, "unexpected "+p.found(p.i)+" after the JSON value")
	}
	return v, nil
}

// Int returns an integer number's value. It is false for anything else,
// including numbers with a fraction or an exponent (even "1.0" and "1e2") and
// integers outside int64: a page number or a limit is written as an integer.
func (v Value) Int() (int64, bool) {
	if v.Kind != Number || strings.ContainsAny(v.Str, ".eE") {
		return 0, false
	}
	n, err := strconv.ParseInt(v.Str, 10, 64)
	if err != nil {
		return 0, false
	}
	return n, true
}

// Get returns an object's member called name.
func (v Value) Get(name string) (Value, bool) {
	for _, m := range v.Members {
		if m.Name == name {
			return m.Value, true
		}
	}
	return Value{}, false
}

// LineCol converts a byte offset in text to a 1-based line and column. Lines
// end at "\n"; the column counts characters (runes), not bytes, so that it
// matches what an editor shows. An offset inside a character gives that
// character's column; offsets outside text are clamped.
func LineCol(text string, offset int) (line, col int) {
	offset = max(0, min(offset, len(text)))
	line = 1 + strings.Count(text[:offset], "\n")
	col = 1
	for i := strings.LastIndexByte(text[:offset], '\n') + 1; i < offset; col++ {
		_, size := utf8.DecodeRuneInString(text[i:])
		if i+size > offset {
			break
		}
		i += size
	}
	return line, col
}

type jsonParser struct {
	s     string
	i     int
	depth int
	buf   []byte // scratch space for strings that differ from their text
}

func (p *jsonParser) fail(offset int, msg string) error {
	return &Error{Offset: offset, Msg: msg}
}

// space skips the four white space characters of RFC 8259.
func (p *jsonParser) space() {
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

// found describes what is at offset i, for "expected X, found Y" messages.
func (p *jsonParser) found(i int) string {
	if i >= len(p.s) {
		return "the end of the text"
	}
	if isLetter(p.s[i]) {
		// A whole word reads better than its first letter: `nul`, `True`.
		j := i
		for j < len(p.s) && j-i < 20 && isLetter(p.s[j]) {
			j++
		}
		return "`" + p.s[i:j] + "`"
	}
	return quote.Char(p.s[i:])
}

func isLetter(c byte) bool { return 'A' <= c&^0x20 && c&^0x20 <= 'Z' }

func (p *jsonParser) value() (Value, error) {
	start := p.i
	if p.i >= len(p.s) {
		return Value{}, p.fail(p.i, "expected a value, found the end of the text")
	}
	switch c := p.s[p.i]; {
	case c == '{':
		return p.object()
	case c == '[':
		return p.array()
	case c == '"':
		s, err := p.string()
		return Value{Kind: String, Str: s, Offset: start}, err
	case c == '-' || '0' <= c && c <= '9':
		return p.number()
	case isLetter(c):
		j := p.i
		for j < len(p.s) && isLetter(p.s[j]) {
			j++
		}
		v := Value{Offset: start}
		switch p.s[p.i:j] {
		case "null":
		case "true":
			v.Kind, v.Bool = Bool, true
		case "false":
			v.Kind = Bool
		default:
			return Value{}, p.fail(start, "expected a value, found "+p.found(start)+
				" (literals are true, false and null; strings need double quotes)")
		}
		p.i = j
		return v, nil
	case c == '\'':
		return Value{}, p.fail(start, "expected a value, found `'` (strings need double quotes)")
	}
	return Value{}, p.fail(start, "expected a value, found "+p.found(start))
}

func (p *jsonParser) enter(start int) error {
	p.depth++
	if p.depth > maxJSONDepth {
		return p.fail(start, "nesting deeper than "+strconv.Itoa(maxJSONDepth)+" levels")
	}
	return nil
}

func (p *jsonParser) object() (Value, error) {
	start := p.i
	if err := p.enter(start); err != nil {
		return Value{}, err
	}
	v := Value{Kind: Object, Offset: start}
	p.i++
	p.space()
	if p.i < len(p.s) && p.s[p.i] == '}' {
		p.i++
		p.depth--
		return v, nil
	}
	for {
		if p.i >= len(p.s) {
			return Value{}, p.fail(start, "unterminated object: no `}` closes this `{`")
		}
		if c := p.s[p.i]; c != '"' {
			if c == '}' {
				return Value{}, p.fail(p.i, "unexpected `}` after `,` (JSON has no trailing commas)")
			}
			return Value{}, p.fail(p.i, "expected a member name in double quotes, found "+p.found(p.i))
		}
		nameAt := p.i
		name, err := p.string()
		if err != nil {
			return Value{}, err
		}
		p.space()
		if p.i >= len(p.s) || p.s[p.i] != ':' {
			return Value{}, p.fail(p.i, "expected `:` after the member name, found "+p.found(p.i))
		}
		p.i++
		p.space()
		val, err := p.value()
		if err != nil {
			return Value{}, err
		}
		v.Members = append(v.Members, Member{Name: name, Value: val, Offset: nameAt})
		p.space()
		if p.i >= len(p.s) {
			return Value{}, p.fail(start, "unterminated object: no `}` closes this `{`")
		}
		switch p.s[p.i] {
		case ',':
			p.i++
			p.space()
		case '}':
			p.i++
			p.depth--
			return v, nil
		default:
			return Value{}, p.fail(p.i, "expected `,` or `}` after an object member, found "+p.found(p.i))
		}
	}
}

func (p *jsonParser) array() (Value, error) {
	start := p.i
	if err := p.enter(start); err != nil {
		return Value{}, err
	}
	v := Value{Kind: Array, Offset: start}
	p.i++
	p.space()
	if p.i < len(p.s) && p.s[p.i] == ']' {
		p.i++
		p.depth--
		return v, nil
	}
	for {
		if p.i >= len(p.s) {
			return Value{}, p.fail(start, "unterminated array: no `]` closes this `[`")
		}
		if p.s[p.i] == ']' {
			return Value{}, p.fail(p.i, "unexpected `]` after `,` (JSON has no trailing commas)")
		}
		item, err := p.value()
		if err != nil {
			return Value{}, err
		}
		v.Items = append(v.Items, item)
		p.space()
		if p.i >= len(p.s) {
			return Value{}, p.fail(start, "unterminated array: no `]` closes this `[`")
		}
		switch p.s[p.i] {
		case ',':
			p.i++
			p.space()
		case ']':
			p.i++
			p.depth--
			return v, nil
		default:
			return Value{}, p.fail(p.i, "expected `,` or `]` after an array element, found "+p.found(p.i))
		}
	}
}

// string reads a string starting at its opening quote. Most strings have
// neither escapes nor bad UTF-8; they are returned as a slice of the text.
func (p *jsonParser) string() (string, error) {
	start := p.i
	p.i++
	b := p.buf[:0]
	copied := false // b holds the value up to lit: it differs from the text
	lit := p.i      // start of the text not yet in b
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == '"':
			s := p.s[lit:p.i]
			p.i++
			if !copied {
				return s, nil
			}
			b = append(b, s...)
			p.buf = b
			return string(b), nil
		case c == '\\':
			if p.i+1 >= len(p.s) {
				return "", p.fail(start, "unterminated string")
			}
			b = append(b, p.s[lit:p.i]...)
			copied = true
			var err error
			if b, err = p.escape(b); err != nil {
				return "", err
			}
			lit = p.i
		case c < 0x20:
			return "", p.fail(p.i, "control character "+quote.CodePoint(rune(c))+" in a string (write it as an escape such as \\n)")
		case c < utf8.RuneSelf:
			p.i++
		default:
			r, size := utf8.DecodeRuneInString(p.s[p.i:])
			if r == utf8.RuneError && size == 1 {
				b = append(b, p.s[lit:p.i]...)
				b = utf8.AppendRune(b, utf8.RuneError)
				copied = true
				lit = p.i + 1
			}
			p.i += size
		}
	}
	return "", p.fail(start, "unterminated string")
}

// escape reads the escape sequence at p.i, whose backslash is not the last
// byte of the text, and appends its character to b.
func (p *jsonParser) escape(b []byte) ([]byte, error) {
	at := p.i
	c := p.s[at+1]
	p.i += 2
	switch c {
	case '"', '\\', '/':
		return append(b, c), nil
	case 'b':
		return append(b, '\b'), nil
	case 'f':
		return append(b, '\f'), nil
	case 'n':
		return append(b, '\n'), nil
	case 'r':
		return append(b, '\r'), nil
	case 't':
		return append(b, '\t'), nil
	case 'u':
		r, ok := hexRune(p.s[at+2:])
		if !ok {
			end := at + 2
			for end < len(p.s) && end < at+6 && isHex(p.s[end]) {
				end++
			}
			return b, p.fail(at, "invalid escape `"+p.s[at:end]+"`: \\u takes four hex digits")
		}
		p.i += 4
		if 0xD800 <= r && r < 0xDC00 {
			// A high surrogate pairs with a low one in the next escape.
			if strings.HasPrefix(p.s[p.i:], "\\u") {
				if r2, ok := hexRune(p.s[p.i+2:]); ok && 0xDC00 <= r2 && r2 < 0xE000 {
					p.i += 6
					return utf8.AppendRune(b, 0x10000+(r-0xD800)<<10+(r2-0xDC00)), nil
				}
			}
			r = utf8.RuneError
		} else if 0xDC00 <= r && r < 0xE000 {
			r = utf8.RuneError
		}
		return utf8.AppendRune(b, r), nil
	}
	if ' ' < c && c < 0x7f && c != '`' {
		return b, p.fail(at, "invalid escape `\\"+string(c)+"` in a string")
	}
	return b, p.fail(at, "invalid escape in a string: `\\` followed by "+quote.Char(p.s[at+1:]))
}

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

// hexRune reads the four hex digits at the start of s.
func hexRune(s string) (rune, bool) {
	if len(s) < 4 {
		return 0, false
	}
	var r rune
	for i := range 4 {
		c := s[i]
		if !isHex(c) {
			return 0, false
		}
		r = r<<4 | rune(hexValue(c))
	}
	return r, true
}

// number reads a number per the grammar of RFC 8259 and keeps its text.
func (p *jsonParser) number() (Value, error) {
	start := p.i
	i := p.i
	digits := func() {
		for i < len(p.s) && '0' <= p.s[i] && p.s[i] <= '9' {
			i++
		}
	}
	isDigit := func() bool { return i < len(p.s) && '0' <= p.s[i] && p.s[i] <= '9' }
	bad := func(msg string) (Value, error) {
		return Value{}, p.fail(start, "invalid number `"+p.s[start:i]+"`: "+msg)
	}
	if p.s[i] == '-' {
		i++
		if !isDigit() {
			return bad("a digit must follow `-`")
		}
	}
	if p.s[i] == '0' {
		i++
		if isDigit() {
			digits()
			return bad("no leading zeros")
		}
	} else {
		digits()
	}
	if i < len(p.s) && p.s[i] == '.' {
		i++
		if !isDigit() {
			return bad("a digit must follow the decimal point")
		}
		digits()
	}
	if i < len(p.s) && p.s[i]|0x20 == 'e' {
		i++
		if i < len(p.s) && (p.s[i] == '+' || p.s[i] == '-') {
			i++
		}
		if !isDigit() {
			return bad("a digit must follow the exponent")
		}
		digits()
	}
	p.i = i
	return Value{Kind: Number, Str: p.s[start:i], Offset: start}, nil
}
