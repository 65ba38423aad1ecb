package sim

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestExpectParseErrors(t *testing.T) {
	cases := map[string]string{
		"expect":                    "1:7: expected what to expect after `expect`",
		"expect bogus":              "1:8: unknown expectation `bogus`",
		"expect consistant":         "1:8: unknown expectation `consistant`; did you mean `consistent`?",
		"expect consistent extra":   "1:19: unexpected `extra` after `expect consistent`",
		"expect rows":               "1:12: expected a comparison after `expect rows`",
		"expect rows ~ 5":           "1:13: expected one of `<`, `<=`, `=`, `>=`, `>` after `rows`, got `~`",
		"expect rows <":             "1:14: expected a number after `rows <`",
		"expect rows < x":           "1:15: expected a whole number after `rows <`, got `x`",
		"expect rows < 5 6":         "1:17: unexpected `6` after `expect rows < 5`",
		"@bob expect consistent":    "1:1: `expect` is about the whole run: it takes no `@bob`",
		"  expect   walks >= 1k 2 ": "1:24: unexpected `2` after `expect walks >= 1000`",
	}
	for text, want := range cases {
		_, err := Parse(text + "\n")
		require.Error(t, err, text)
		var pe *ParseError
		require.ErrorAs(t, err, &pe)
		d := pe.Diags[0]
		got := itoa(int64(d.Line)) + ":" + itoa(int64(d.Col)) + ": " + d.Message
		assert.Contains(t, got, want, text)
	}
}

func TestExpectEvaluation(t *testing.T) {
	text := `profile offset limit=10
records 100
expect consistent      # may come first
GET /items?offset=0&limit=10
insert 3
walk
GET /items?limit=500000
expect complete
expect no-refusals
expect rows < 5k
expect rows > 5k
expect requests = 12
expect duplicates >= 3
expect missed = 0
expect walks <= 0
`
	tr, err := RunText(text)
	require.NoError(t, err)
	got := map[string]bool{}
	for _, x := range tr.Expectations {
		got[x.Text] = x.Met
		assert.NotEmpty(t, x.Why, x.Text)
	}
	assert.Equal(t, map[string]bool{
		"expect consistent":      false,
		"expect complete":        false,
		"expect no-refusals":     true, // over-max clamps by default
		"expect rows < 5000":     true,
		"expect rows > 5000":     false,
		"expect requests = 12":   true,
		"expect duplicates >= 3": true,
		"expect missed = 0":      true,
		"expect walks <= 0":      false,
	}, got)
	assert.Equal(t, "walk 1: 3 records seen twice", tr.Expectations[0].Why)
	assert.Contains(t, string(tr.JSON()), `"expectations":[{"text":"expect consistent","met":false,"why":"walk 1: 3 records seen twice"}`)

	refused, err := RunText("profile offset over-max=refuse\nrecords 10\nGET /items?limit=50000\nexpect no-refusals\nexpect consistent\n")
	require.NoError(t, err)
	assert.False(t, refused.Expectations[0].Met)
	assert.Contains(t, refused.Expectations[0].Why, "line 3: GET /items?limit=50000 was refused")
	assert.Equal(t, "the scenario has no walk: add `walk` (or follow pages with `next`)", refused.Expectations[1].Why)
}

func TestExpectRoundTrips(t *testing.T) {
	text := "profile offset\nrecords 10\nexpect consistent\nwalk\nexpect rows < 5_000\nexpect no-refusals\n"
	s, err := Parse(text)
	require.NoError(t, err)
	require.Len(t, s.Expects, 3)
	assert.Equal(t, "profile offset\nrecords 10\n\nwalk\n\nexpect consistent\nexpect rows < 5000\nexpect no-refusals\n", formatScenario(s))
	assert.Contains(t, string(s.JSON()), `"expect":["consistent","rows < 5000","no-refusals"]`)
	back, err := ScenarioFromJSON(s.JSON())
	require.NoError(t, err)
	assert.Equal(t, formatScenario(s), formatScenario(back))
	assert.Equal(t, string(s.JSON()), string(back.JSON()))
	_, err = ScenarioFromJSON([]byte(`{"expect":["rows <"]}`))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "expect[0]: expected a number after `rows <`")
	_, err = ScenarioFromJSON([]byte(`{"expect":"consistent"}`))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "expect: expected an array")
}
