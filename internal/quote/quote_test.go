package quote

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestChar(t *testing.T) {
	tests := []struct{ in, want string }{
		{"x", "`x`"},
		{"é and more", "`é`"},
		{"`", "a backtick"},
		{" ", "character U+0020"},
		{"\u200b", "character U+200B"},
		{"\x00", "character U+0000"},
		{"\xff", "byte 0xff"},
		{"\U0001F600", "`\U0001F600`"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Char(tt.in), "%q", tt.in)
	}
}

func TestCodePoint(t *testing.T) {
	assert.Equal(t, "U+000A", CodePoint('\n'))
	assert.Equal(t, "U+1F600", CodePoint('\U0001F600'))
}
