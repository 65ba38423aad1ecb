package sim

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// One look shows every problem: a misspelt profile (found by the validator)
// and a misspelt step (found by the parser) come together, each with the fix
// its message suggests, for the spans a reader counts by hand.
func TestCheckEveryProblemAtOnce(t *testing.T) {
	text := "profile cursr limit=10\nrecords 30\nGET /items?limit=10\nnxt\n"
	diags := Check(text)
	require.Len(t, diags, 2, "%v", diags)
	// `profile ` is 8 characters: the name is columns 9..13, EndCol 14.
	assert.Equal(t, 1, diags[0].Line)
	assert.Equal(t, 9, diags[0].Col)
	assert.Equal(t, 14, diags[0].EndCol)
	assert.Contains(t, diags[0].Message, "unknown profile `cursr`")
	assert.Equal(t, "cursor", diags[0].Fix())
	// `nxt` is line 4, columns 1..3.
	assert.Equal(t, Diagnostic{Line: 4, Col: 1, EndCol: 4, Message: diags[1].Message}, diags[1])
	assert.Equal(t, "next", diags[1].Fix())

	// A run says the same.
	_, err := RunText(text)
	var pe *ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, diags, pe.Diags)
}

// The option's name and value are checked while a step has a syntax error.
func TestCheckOptionsBesideSyntaxErrors(t *testing.T) {
	diags := Check("profile offset limt=10 over-max=clamb\nGET /items\nwalk max\n")
	var fixes []string
	for _, d := range diags {
		fixes = append(fixes, d.Fix())
	}
	require.Len(t, diags, 3, "%v", diags)
	assert.Equal(t, []string{"limit", "clamp", ""}, fixes)
	assert.Equal(t, []int{1, 1, 3}, []int{diags[0].Line, diags[1].Line, diags[2].Line})
}

func TestDiagnosticFix(t *testing.T) {
	for _, tc := range []struct {
		d   Diagnostic
		fix string
	}{
		{Diagnostic{Line: 1, Col: 1, EndCol: 4, Message: "unknown step `nxt`" + didYouMean("next")}, "next"},
		{Diagnostic{Line: 1, Col: 1, EndCol: 0, Message: "unknown step `nxt`" + didYouMean("next")}, ""}, // no span to replace
		{Diagnostic{Line: 1, Col: 1, EndCol: 4, Message: "unknown step `xyz`: expected a request"}, ""},
		{Diagnostic{Line: 1, Col: 1, EndCol: 4, Message: "x; did you mean `unterminated"}, ""},
	} {
		assert.Equal(t, tc.fix, tc.d.Fix(), tc.d.Message)
	}
	var got []map[string]any
	require.NoError(t, json.Unmarshal(DiagnosticsJSON([]Diagnostic{
		{Line: 4, Col: 1, EndCol: 4, Message: "unknown step `nxt`" + didYouMean("next")},
		{Line: 5, Col: 1, Message: "no fix"},
	}), &got))
	assert.Equal(t, "next", got[0]["fix"])
	assert.NotContains(t, got[1], "fix")
}

// Counts in messages are grouped as people read them (the issue quotes
// "10101 records returned twice"); the scenario language's own numerals
// (fmtNumber, 10_101) are another matter.
func TestCountsAreGrouped(t *testing.T) {
	for n, want := range map[int64]string{0: "0", 999: "999", 1000: "1,000", 10101: "10,101", -1234567: "-1,234,567", 1e12: "1,000,000,000,000"} {
		assert.Equal(t, want, count(n))
	}
	assert.Equal(t, "10,101 records", plural(10101, "record"))
	assert.Equal(t, "1 record", plural(1, "record"))
}
