package json

import (
	stdjson "encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// canon writes a parsed value back as compact Value, members in order and
// duplicates kept, so that a table can state the expected tree as text.
func canon(v Value) string {
	w := &Writer{}
	canonInto(w, v)
	return string(w.B)
}

func canonInto(w *Writer, v Value) {
	switch v.Kind {
	case Null:
		w.Null()
	case Bool:
		w.Bool(v.Bool)
	case Number:
		w.Raw([]byte(v.Str))
	case String:
		w.Str(v.Str)
	case Array:
		w.Open('[')
		for _, it := range v.Items {
			canonInto(w, it)
		}
		w.Close(']')
	case Object:
		w.Open('{')
		for _, m := range v.Members {
			w.Key(m.Name)
			canonInto(w, m.Value)
		}
		w.Close('}')
	}
}

func TestParseJSON(t *testing.T) {
	deep := strings.Repeat("[", maxJSONDepth) + strings.Repeat("]", maxJSONDepth)
	tests := []struct {
		name, in, want string
	}{
		{"null", "null", "null"},
		{"white space around", " \t\r\n true \n", "true"},
		{"false", "false", "false"},
		{"zero", "0", "0"},
		{"minus zero", "-0", "-0"},
		{"number text kept", "1.50e+10", "1.50e+10"},
		{"negative fraction, capital E", "-12.5E-3", "-12.5E-3"},
		{"big integer kept as text", "123456789012345678901234567890", "123456789012345678901234567890"},
		{"string", `"a b"`, `"a b"`},
		{"short escapes", `"\"\\\/\b\f\n\r\t"`, `"\"\\/\u0008\u000c\n\r\t"`},
		{"unicode escape", `"caf\u00e9 \u00E9"`, `"café é"`},
		{"surrogate pair", `"\ud83d\ude00"`, `"😀"`},
		{"lone high surrogate", `"\ud800x"`, `"` + "\uFFFD" + `x"`},
		{"lone low surrogate", `"\udc00"`, `"` + "\uFFFD" + `"`},
		{"high surrogate then a letter escape", `"\ud800\u0041"`, `"` + "\uFFFD" + `A"`},
		{"high surrogate then a pair", `"\ud800\ud800\udc00"`, `"` + "\uFFFD\U00010000" + `"`},
		{"raw UTF-8 kept", `"né 😀"`, `"né 😀"`},
		{"bad UTF-8 becomes U+FFFD", "\"a\xffb\"", "\"a\uFFFDb\""},
		{"DEL is not a control character", "\"\x7f\"", "\"\x7f\""},
		{"empty array", "[]", "[]"},
		{"empty object", "{ }", "{}"},
		{"nested with spaces", ` [ 1 , [ ] , { } , "x" ] `, `[1,[],{},"x"]`},
		{"object in order", `{"z":1,"a":[true,null]}`, `{"z":1,"a":[true,null]}`},
		{"duplicate names kept in order", `{"a":1,"b":2,"a":3}`, `{"a":1,"b":2,"a":3}`},
		{"empty member name", `{"":""}`, `{"":""}`},
		{"nesting of 100 levels", deep, deep},
		{"request body", `{"p":1,"limit":20}`, `{"p":1,"limit":20}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := Parse(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.want, canon(v))
		})
	}
}

func TestParseJSONErrors(t *testing.T) {
	tests := []struct {
		name, in string
		offset   int
		msg      string
	}{
		{"empty", "", 0, "expected a value, found the end of the text"},
		{"only white space", "  \n", 3, "expected a value, found the end of the text"},
		{"missing colon", `{"a" 1}`, 5, "expected `:` after the member name, found `1`"},
		{"unterminated string", `"abc`, 0, "unterminated string"},
		{"unterminated string in an object", `{"a":"b}`, 5, "unterminated string"},
		{"backslash at the end", `"ab\`, 0, "unterminated string"},
		{"extra closing brace", `{"a":1}}`, 7, "unexpected `}` after the JSON value"},
		{"two values", `1 2`, 2, "unexpected `2` after the JSON value"},
		{"trailing comma in array", `[1,]`, 3, "unexpected `]` after `,` (JSON has no trailing commas)"},
		{"trailing comma in object", `{"a":1,}`, 7, "unexpected `}` after `,`"},
		{"missing comma in array", `[1 2]`, 3, "expected `,` or `]` after an array element, found `2`"},
		{"missing comma in object", `{"a":1 "b":2}`, 7, "expected `,` or `}` after an object member, found `\"`"},
		{"unquoted name", `{a:1}`, 1, "expected a member name in double quotes, found `a`"},
		{"empty element", `[1,,2]`, 3, "expected a value, found `,`"},
		{"missing member value", `{"a":}`, 5, "expected a value, found `}`"},
		{"unterminated array", `[1, [2]`, 0, "unterminated array: no `]` closes this `[`"},
		{"unterminated empty array", `[`, 0, "unterminated array"},
		{"unterminated object", `{"a":1`, 0, "unterminated object: no `}` closes this `{`"},
		{"unterminated object after a comma", `{"a":1,`, 0, "unterminated object"},
		{"value missing at the end", `{"a":`, 5, "expected a value, found the end of the text"},
		{"misspelt literal", `nul`, 0, "expected a value, found `nul` (literals are true, false and null"},
		{"capitalised literal", `[True]`, 1, "found `True`"},
		{"literal run on", `truex`, 0, "found `truex`"},
		{"single quotes", `'a'`, 0, "found `'` (strings need double quotes)"},
		{"NaN", `NaN`, 0, "found `NaN`"},
		{"minus Infinity", `-Infinity`, 0, "invalid number `-`: a digit must follow `-`"},
		{"leading zero", `01`, 0, "invalid number `01`: no leading zeros"},
		{"leading zero negative", `[-007]`, 1, "invalid number `-007`: no leading zeros"},
		{"bare minus", `-`, 0, "a digit must follow `-`"},
		{"fraction without digits", `1.`, 0, "invalid number `1.`: a digit must follow the decimal point"},
		{"leading point", `.5`, 0, "expected a value, found `.`"},
		{"plus sign", `+1`, 0, "expected a value, found `+`"},
		{"exponent without digits", `1e`, 0, "invalid number `1e`: a digit must follow the exponent"},
		{"signed exponent without digits", `1E+`, 0, "a digit must follow the exponent"},
		{"hex number", `0x10`, 1, "unexpected `x` after the JSON value"},
		{"control character", "\"a\x01\"", 2, "control character U+0001 in a string"},
		{"raw newline in a string", "\"a\nb\"", 2, "control character U+000A"},
		{"unknown escape", `"\x"`, 1, "invalid escape `\\x` in a string"},
		{"escaped space", `"\ "`, 1, "invalid escape in a string: `\\` followed by character U+0020"},
		{"short unicode escape", `"\u12g4"`, 1, "invalid escape `\\u12`: \\u takes four hex digits"},
		{"unicode escape at the end", `"\u00`, 1, "invalid escape `\\u00`"},
		{"byte order mark", "\uFEFF{}", 0, "expected a value, found character U+FEFF"},
		{"stray byte", "[\xff]", 1, "expected a value, found byte 0xff"},
		{"backtick", "`", 0, "expected a value, found a backtick"},
		{"too deep", strings.Repeat("[", maxJSONDepth+1) + strings.Repeat("]", maxJSONDepth+1), maxJSONDepth, "nesting deeper than 100 levels"},
		{"too deep objects", strings.Repeat(`{"a":`, maxJSONDepth+1), 5 * maxJSONDepth, "nesting deeper than 100 levels"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(tt.in)
			var je *Error
			require.ErrorAs(t, err, &je)
			assert.Contains(t, je.Msg, tt.msg)
			assert.Equal(t, tt.offset, je.Offset)
			assert.Equal(t, je.Msg, err.Error())
		})
	}
}

func TestParseJSONOffsets(t *testing.T) {
	text := `{"a": [1, "x"], "b" :null}`
	v, err := Parse(text)
	require.NoError(t, err)
	require.Len(t, v.Members, 2)
	assert.Equal(t, 0, v.Offset)
	assert.Equal(t, 1, v.Members[0].Offset)
	assert.Equal(t, 6, v.Members[0].Value.Offset)
	require.Len(t, v.Members[0].Value.Items, 2)
	assert.Equal(t, 7, v.Members[0].Value.Items[0].Offset)
	assert.Equal(t, 10, v.Members[0].Value.Items[1].Offset)
	assert.Equal(t, 16, v.Members[1].Offset)
	assert.Equal(t, 21, v.Members[1].Value.Offset)

	b, ok := v.Get("b")
	assert.True(t, ok)
	assert.Equal(t, Null, b.Kind)
	_, ok = v.Get("c")
	assert.False(t, ok)
}

func TestJSONInt(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"0", 0, true},
		{"-0", 0, true},
		{"42", 42, true},
		{"-9223372036854775808", -9223372036854775808, true},
		{"9223372036854775807", 9223372036854775807, true},
		{"9223372036854775808", 0, false},
		{"-9223372036854775809", 0, false},
		{"1.0", 0, false},
		{"1e2", 0, false},
		{"1E2", 0, false},
		{`"1"`, 0, false},
		{"true", 0, false},
		{"null", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			v, err := Parse(tt.in)
			require.NoError(t, err)
			n, ok := v.Int()
			assert.Equal(t, tt.ok, ok)
			assert.Equal(t, tt.want, n)
		})
	}
}

func TestLineCol(t *testing.T) {
	text := "ab\ncdé😀f\n\nxy"
	tests := []struct {
		name            string
		offset          int
		wantLine, wantC int
	}{
		{"start", 0, 1, 1},
		{"second byte", 1, 1, 2},
		{"at the newline", 2, 1, 3},
		{"start of line 2", 3, 2, 1},
		{"the é", 5, 2, 3},
		{"inside the é", 6, 2, 3},
		{"the emoji counts as one character", 7, 2, 4},
		{"inside the emoji", 9, 2, 4},
		{"after the emoji", 11, 2, 5},
		{"empty line", 13, 3, 1},
		{"last line", 15, 4, 2},
		{"end of the text", 16, 4, 3},
		{"past the end is clamped", 99, 4, 3},
		{"negative is clamped", -5, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			line, col := LineCol(text, tt.offset)
			assert.Equal(t, tt.wantLine, line, "line")
			assert.Equal(t, tt.wantC, col, "col")
		})
	}
}

// An error's offset converts to the place an editor shows.
func TestJSONErrorLineCol(t *testing.T) {
	text := "{\n  \"note\": \"née\", \"limit\": 2x\n}"
	_, err := Parse(text)
	var je *Error
	require.ErrorAs(t, err, &je)
	line, col := LineCol(text, je.Offset)
	assert.Equal(t, 2, line)
	assert.Equal(t, 28, col)
	assert.Equal(t, "expected `,` or `}` after an object member, found `x`", je.Msg)
}

// depth is the deepest nesting of arrays and objects outside strings. On
// invalid text it is only an estimate, which is all compareWithStdlib needs.
func depth(text string) int {
	d, deepest, inString := 0, 0, false
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case inString && c == '\\':
			i++
		case c == '"':
			inString = !inString
		case inString:
		case c == '[' || c == '{':
			d++
			deepest = max(deepest, d)
		case c == ']' || c == '}':
			d--
		}
	}
	return deepest
}

// stdValue converts a parsed value to what encoding/json decodes (with
// UseNumber): later duplicate members win, as in a map.
func stdValue(v Value) any {
	switch v.Kind {
	case Bool:
		return v.Bool
	case Number:
		return stdjson.Number(v.Str)
	case String:
		return v.Str
	case Array:
		a := []any{}
		for _, it := range v.Items {
			a = append(a, stdValue(it))
		}
		return a
	case Object:
		m := map[string]any{}
		for _, mb := range v.Members {
			m[mb.Name] = stdValue(mb.Value)
		}
		return m
	}
	return nil
}

// compareWithStdlib checks ParseJSON against encoding/json: the same texts are
// valid (within our depth limit) and they decode to the same values.
func compareWithStdlib(t *testing.T, text string) {
	t.Helper()
	v, err := Parse(text)
	if err != nil {
		var je *Error
		require.ErrorAs(t, err, &je)
		assert.True(t, 0 <= je.Offset && je.Offset <= len(text), "offset %d outside the text", je.Offset)
		assert.NotEmpty(t, je.Msg)
	}
	if depth(text) > maxJSONDepth {
		return
	}
	valid := stdjson.Valid([]byte(text))
	require.Equal(t, valid, err == nil, "stdjson.Valid is %v, ParseJSON error %v, text %q", valid, err, text)
	if !valid {
		return
	}
	dec := stdjson.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	var want any
	require.NoError(t, dec.Decode(&want))
	assert.Equal(t, want, stdValue(v), "text %q", text)
}

var jsonSeeds = []string{
	``, ` `, `null`, `true`, `false`, `0`, `-0`, `-`, `01`, `1.`, `.5`, `1e5`, `1E-5`, `1e+`,
	`-1.25e-3`, `"`, `""`, `"a`, `"\"`, `"\\"`, `"\u00e9"`, `"\ud83d\ude00"`, `"\ud800"`,
	`"\udc00\ud800"`, `"\u12"`, `"\x"`, "\"\x01\"", "\"\xff\"", "\"\xed\xa0\x80\"", `[]`, `[1,]`,
	`[1 2]`, `[,1]`, `{}`, `{"a":1}`, `{"a":1,}`, `{"a" 1}`, `{a:1}`, `{"a":1,"a":2}`,
	`{"p":1,"limit":20}`, `{"search_after_ctx":"658bcbae6ab5a67b3b800230","limit":20}`,
	` [ { "x" : [ null , true ] } ] `, `nul`, `tru`, `True`, `NaN`, `1 2`, "\uFEFF1",
	"\t\r\n{}\n", `[[[[[]]]]]`, `{"a":{"b":{"c":[]}}}`, `"\/"`, `"<&>"`,
}

// TestParseJSONAgainstStdlib runs the seeds and random texts built from Value's
// own characters through compareWithStdlib.
func TestParseJSONAgainstStdlib(t *testing.T) {
	for _, s := range jsonSeeds {
		compareWithStdlib(t, s)
	}
	pieces := []string{
		"{", "}", "[", "]", ",", ":", `"`, `"a"`, `\`, `\"`, `\u`, `\ud83d`, `\ude00`, "0", "1",
		"-", ".", "e", "+", "00", "true", "null", "fals", " ", "\n", "\x00", "\xff", "é", `"k":`,
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		compareWithStdlib(t, b.String())
	}
}

func FuzzParseJSON(f *testing.F) {
	for _, s := range jsonSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		compareWithStdlib(t, text)
		if v, err := Parse(text); err == nil {
			// What parses is valid UTF-8 inside, and re-parses to itself.
			out := canon(v)
			assert.True(t, utf8.ValidString(out))
			v2, err := Parse(out)
			require.NoError(t, err)
			assert.Equal(t, out, canon(v2))
		}
		_, _ = LineCol(text, len(text)/2)
	})
}
