package sim

import (
	"strconv"
	"unicode/utf8"
)

const hexDigits = "0123456789abcdef"

// appendJSONString appends s as a JSON string. Besides what RFC 8259 requires it
// escapes <, >, & and U+2028/U+2029, as encoding/json does, so the output is
// safe to embed in HTML and JavaScript; invalid UTF-8 becomes U+FFFD.
func appendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				dst = append(dst, '\\', c)
			case c == '\n':
				dst = append(dst, '\\', 'n')
			case c == '\r':
				dst = append(dst, '\\', 'r')
			case c == '\t':
				dst = append(dst, '\\', 't')
			case c < 0x20 || c == '<' || c == '>' || c == '&':
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			default:
				dst = append(dst, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			dst = append(dst, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
		default:
			dst = append(dst, s[i:i+size]...)
		}
		i += size
	}
	return append(dst, '"')
}

// jw writes JSON by appending: objects and arrays insert their own commas.
// It is the only JSON encoder of the package, so natively and in WASM the bytes
// are the same.
type jw struct {
	b     []byte
	comma bool // a value was written at this level: the next needs a comma
}

func (w *jw) sep() {
	if w.comma {
		w.b = append(w.b, ',')
	}
	w.comma = true
}

// key writes a member name; the value follows with one of the value methods.
func (w *jw) key(k string) {
	w.sep()
	w.b = appendJSONString(w.b, k)
	w.b = append(w.b, ':')
	w.comma = false
}

func (w *jw) open(c byte)  { w.sep(); w.b = append(w.b, c); w.comma = false }
func (w *jw) close(c byte) { w.b = append(w.b, c); w.comma = true }

func (w *jw) str(s string) { w.sep(); w.b = appendJSONString(w.b, s) }
func (w *jw) int(n int64)  { w.sep(); w.b = strconv.AppendInt(w.b, n, 10) }
func (w *jw) uint(n uint64) {
	w.sep()
	w.b = strconv.AppendUint(w.b, n, 10)
}
func (w *jw) bool(v bool) { w.sep(); w.b = strconv.AppendBool(w.b, v) }
func (w *jw) null()       { w.sep(); w.b = append(w.b, "null"...) }

// raw writes already-encoded JSON.
func (w *jw) raw(b []byte) { w.sep(); w.b = append(w.b, b...) }

func (w *jw) val(v Val) {
	switch v.kind {
	case 'i':
		w.int(v.i)
	case 's':
		w.str(v.s)
	case 'b':
		w.bool(v.i != 0)
	default:
		w.null()
	}
}
