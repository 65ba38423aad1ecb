package sim

import (
	"strings"
	"unicode/utf8"
)

// displayText returns s safe to show in a terminal or on a page: the
// characters a terminal acts on or that hide or reorder text are written as
// visible escapes, everything else as it is. That is C0 controls (tab and
// line feed included: a table cell is one line) as \t, \n, \r, \0 or \x1b,
// DEL and C1 controls (\x7f, \u009b), the bidirectional controls
// (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C), zero-width
// characters, line and paragraph separators and the BOM (\u202e, \ufeff),
// and bytes that are not UTF-8 (\xff). A backslash stays a backslash, so
// displayText(displayText(s)) is displayText(s).
//
// Texts from a scenario reach the trace (sources, notes, reasons, walk
// verdicts, errors, expectations) and diagnostics through it, so the CLI and
// the page show them escaped; what a request sends (its URL, headers and
// body) stays as sent in the trace, its curl line is quoted
// (TraceRequest.Curl), and the page shows it through the same escapes
// (web/src/dom.js visible).
func displayText(s string) string {
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if displayUnsafe(r, size) {
			break
		}
		i += size
	}
	if i == len(s) {
		return s
	}
	const hex = "0123456789abcdef"
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case !displayUnsafe(r, size):
			b.WriteString(s[i : i+size])
		case r == utf8.RuneError: // a byte that is not UTF-8
			b.WriteString(`\x`)
			b.WriteByte(hex[s[i]>>4])
			b.WriteByte(hex[s[i]&15])
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == 0:
			b.WriteString(`\0`)
		case r < 0x80:
			b.WriteString(`\x`)
			b.WriteByte(hex[r>>4])
			b.WriteByte(hex[r&15])
		default:
			b.WriteString(`\u`)
			for sh := 12; sh >= 0; sh -= 4 {
				b.WriteByte(hex[(r>>sh)&15])
			}
		}
		i += size
	}
	return b.String()
}

// displayUnsafe: see DisplayText. A U+FFFD written as such (size 3) is a
// character like any other.
func displayUnsafe(r rune, size int) bool {
	if r == utf8.RuneError {
		return size == 1
	}
	return unsafeRune(r)
}

// displayTrace escapes the texts of t a scenario can put words in (above).
func displayTrace(t *Trace) {
	for i := range t.Steps {
		st := &t.Steps[i]
		st.Source, st.Text, st.Reason, st.Interp = displayText(st.Source), displayText(st.Text), displayText(st.Reason), displayText(st.Interp)
	}
	for i := range t.Walks {
		w := &t.Walks[i]
		w.Stopped, w.Verdict = displayText(w.Stopped), displayText(w.Verdict)
	}
	for i, e := range t.Summary.Errors {
		t.Summary.Errors[i] = displayText(e)
	}
	for i := range t.Expectations {
		x := &t.Expectations[i]
		x.Text, x.Why = displayText(x.Text), displayText(x.Why)
	}
}
