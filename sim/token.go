package sim

import "errors"

// Opaque cursor tokens. A token is hex of: two bytes naming the list that
// issued it (a hash of its tag), the values as zig-zag varints, and a
// four-byte check over all of that. The check tells a garbled token from a
// good one; the list bytes tell a good token from one issued for another list.
// Tokens encode a sort position, never a row reference, so they keep working
// when the record they were cut at is deleted.

var (
	errGarbled = errors.New("garbled")
	errForeign = errors.New("foreign")
)

const hexDigits = "0123456789abcdef"

func fnv32(b []byte) uint32 {
	h := uint32(2166136261)
	for _, c := range b {
		h ^= uint32(c)
		h *= 16777619
	}
	return h
}

func makeToken(tag string, vals ...int64) string {
	t := fnv32([]byte(tag))
	var buf [40]byte // a token's bytes on the stack: string(out) is its one allocation
	b := append(buf[:0], byte(t>>8), byte(t))
	for _, v := range vals {
		u := uint64(v<<1) ^ uint64(v>>63)
		for u >= 0x80 {
			b = append(b, byte(u)|0x80)
			u >>= 7
		}
		b = append(b, byte(u))
	}
	c := fnv32(b)
	b = append(b, byte(c>>24), byte(c>>16), byte(c>>8), byte(c))
	out := make([]byte, 0, 2*len(b))
	for _, x := range b {
		out = append(out, hexDigits[x>>4], hexDigits[x&0xf])
	}
	return string(out)
}

// readToken decodes a token made by makeToken(tag, ...) with n values.
func readToken(tag, tok string, n int) ([]int64, error) {
	if len(tok)%2 != 0 || len(tok) < 12 || len(tok) > 80 {
		return nil, errGarbled
	}
	b := make([]byte, len(tok)/2)
	for i := range b {
		hi, lo := unhex(tok[2*i]), unhex(tok[2*i+1])
		if hi < 0 || lo < 0 {
			return nil, errGarbled
		}
		b[i] = byte(hi<<4 | lo)
	}
	body, check := b[:len(b)-4], b[len(b)-4:]
	c := fnv32(body)
	if check[0] != byte(c>>24) || check[1] != byte(c>>16) || check[2] != byte(c>>8) || check[3] != byte(c) {
		return nil, errGarbled
	}
	if t := fnv32([]byte(tag)); body[0] != byte(t>>8) || body[1] != byte(t) {
		return nil, errForeign
	}
	var vals []int64
	var u uint64
	var shift uint
	for _, x := range body[2:] {
		if shift > 63 {
			return nil, errGarbled
		}
		u |= uint64(x&0x7f) << shift
		shift += 7
		if x < 0x80 {
			vals = append(vals, int64(u>>1)^-int64(u&1))
			u, shift = 0, 0
		}
	}
	if shift != 0 || len(vals) != n {
		return nil, errGarbled
	}
	return vals, nil
}

func unhex(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	}
	return -1
}

// cursorToken encodes a sort position for the list tag names.
func cursorToken(tag string, c cursor) string {
	if c.KeyOnly {
		return makeToken(tag, 0, c.Key)
	}
	return makeToken(tag, 1, c.Key, c.ID)
}

// readCursor decodes cursorToken's output. why is a plain-words refusal.
func readCursor(tag, tok string) (c cursor, why string) {
	vals, err := readToken(tag, tok, 3)
	if err == errGarbled {
		if v2, err2 := readToken(tag, tok, 2); err2 == nil && v2[0] == 0 {
			return cursor{Key: v2[1], KeyOnly: true}, ""
		}
	}
	switch {
	case err == errForeign:
		return c, "the cursor " + quote(tok) + " was issued for another list: a cursor only works on the list that issued it"
	case err != nil || vals[0] != 1:
		return c, "the cursor " + quote(tok) + " is not one this server issued (changed or cut short?): cursors are opaque, send back exactly what the server returned"
	}
	return cursor{Key: vals[1], ID: vals[2]}, ""
}

// quote puts s in backquotes for a message, shortened when long.
func quote(s string) string {
	if len(s) > 40 {
		s = s[:37] + "…"
	}
	return "`" + s + "`"
}
