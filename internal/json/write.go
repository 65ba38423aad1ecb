package json

import (
	"strconv"
	"unicode/utf8"
)

const hexDigits = "0123456789abcdef"

// AppendString appends s as a JSON string. Besides what RFC 8259 requires it
// escapes U+2028/U+2029, so the output is a valid JavaScript literal too;
// invalid UTF-8 becomes U+FFFD. It does not escape <, > and & as
// encoding/json does: nothing we write is inlined into HTML (the page loads
// start.json as a file and parses what the worker posts), and people read
// this JSON in terminals, where "\u0026" for "&" in a URL is noise.
func AppendString(dst []byte, s string) []byte {
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
			case c < 0x20:
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

// Writer writes JSON by appending: objects and arrays insert their own commas.
// It is the only JSON encoder of the simulator, so natively and in WASM the
// bytes are the same.
type Writer struct {
	B     []byte // the JSON written so far
	comma bool   // a value was written at this level: the next needs a comma
}

func (w *Writer) sep() {
	if w.comma {
		w.B = append(w.B, ',')
	}
	w.comma = true
}

// Key writes a member name; the value follows with one of the value methods.
func (w *Writer) Key(k string) {
	w.sep()
	w.B = AppendString(w.B, k)
	w.B = append(w.B, ':')
	w.comma = false
}

func (w *Writer) Open(c byte)  { w.sep(); w.B = append(w.B, c); w.comma = false }
func (w *Writer) Close(c byte) { w.B = append(w.B, c); w.comma = true }

func (w *Writer) Str(s string) { w.sep(); w.B = AppendString(w.B, s) }
func (w *Writer) Int(n int64)  { w.sep(); w.B = strconv.AppendInt(w.B, n, 10) }
func (w *Writer) Uint(n uint64) {
	w.sep()
	w.B = strconv.AppendUint(w.B, n, 10)
}
func (w *Writer) Bool(v bool) { w.sep(); w.B = strconv.AppendBool(w.B, v) }
func (w *Writer) Null()       { w.sep(); w.B = append(w.B, "null"...) }

// Raw writes already-encoded JSON.
func (w *Writer) Raw(b []byte) { w.sep(); w.B = append(w.B, b...) }
