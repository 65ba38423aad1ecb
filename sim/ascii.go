package sim

// ASCII case folding for what the language and HTTP define in ASCII
// (methods, header names, profile and step words). strings.ToUpper,
// ToLower and EqualFold fold all of Unicode, which brings the unicode
// package's case tables into the WASM.

// asciiUpper upper-cases the ASCII letters of s.
func asciiUpper(s string) string { return asciiMap(s, 'a', 'z', 'A'-'a') }

// asciiLower lower-cases the ASCII letters of s.
func asciiLower(s string) string { return asciiMap(s, 'A', 'Z', 'a'-'A') }

func asciiMap(s string, lo, hi byte, d int) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= lo && s[i] <= hi {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= lo && b[j] <= hi {
					b[j] = byte(int(b[j]) + d)
				}
			}
			return string(b)
		}
	}
	return s
}

// equalFoldASCII reports whether a and b are equal ignoring the case of
// ASCII letters.
func equalFoldASCII(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if x >= 'A' && x <= 'Z' {
			x += 'a' - 'A'
		}
		if y >= 'A' && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}
