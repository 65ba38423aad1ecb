// Package quote names pieces of untrusted text in messages: a character by
// its code point when it is invisible or not UTF-8, so a diagnostic never
// shows something the reader cannot see.
package quote

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Char quotes the first character of s for a message; invisible characters
// and stray bytes are named by their code instead.
func Char(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	switch {
	case r == utf8.RuneError && size == 1:
		return "byte 0x" + strconv.FormatUint(uint64(s[0]), 16)
	case r == '`':
		return "a backtick"
	case r == ' ' || !strconv.IsPrint(r):
		return "character " + CodePoint(r)
	}
	return "`" + s[:size] + "`"
}

// CodePoint writes a code point in the U+XXXX form: upper case, at least four
// digits.
func CodePoint(r rune) string {
	b := strconv.AppendUint(nil, uint64(r), 16)
	for i, c := range b { // upper case by hand: strings.ToUpper brings Unicode's case tables into the WASM
		if c >= 'a' {
			b[i] = c - 'a' + 'A'
		}
	}
	h := string(b)
	return "U+" + strings.Repeat("0", max(0, 4-len(h))) + h
}
