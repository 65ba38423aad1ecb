package main

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"pagingplayground/sim"
)

// These tests run natively and under Node (GOOS=js GOARCH=wasm).

type errorObject struct {
	Error       string `json:"error"`
	Diagnostics []struct {
		Line    int    `json:"line"`
		Col     int    `json:"col"`
		EndCol  int    `json:"endCol"`
		Message string `json:"message"`
	} `json:"diagnostics"`
}

func decodeError(t *testing.T, b []byte) errorObject {
	t.Helper()
	var e errorObject
	require.NoError(t, json.Unmarshal(b, &e), string(b))
	require.NotEmpty(t, e.Error, string(b))
	require.NotNil(t, e.Diagnostics, "diagnostics is always a list: %s", b)
	return e
}

// swap replaces one of the adapter's entry points for a test.
func swap[T any](t *testing.T, p *T, v T) {
	old := *p
	*p = v
	views = nil // runs kept from before the swap
	t.Cleanup(func() { *p = old; views = nil })
}

func TestErrorJSONCarriesDiagnostics(t *testing.T) {
	err := &sim.ParseError{Diags: []sim.Diagnostic{
		{Line: 4, Col: 18, EndCol: 21, Message: `unknown option "lmit"`},
		{Line: 7, Col: 1, Message: "a walk needs a first page"},
	}}
	e := decodeError(t, errorJSON(err))
	assert.Equal(t, err.Error(), e.Error)
	require.Len(t, e.Diagnostics, 2)
	assert.Equal(t, 4, e.Diagnostics[0].Line)
	assert.Equal(t, 18, e.Diagnostics[0].Col)
	assert.Equal(t, 21, e.Diagnostics[0].EndCol)
	assert.Equal(t, `unknown option "lmit"`, e.Diagnostics[0].Message)
	assert.Equal(t, 7, e.Diagnostics[1].Line)
}

func TestErrorJSONOfAPlainError(t *testing.T) {
	e := decodeError(t, errorJSON(errors.New(`bad "quote" <tag> & more`)))
	assert.Equal(t, `bad "quote" <tag> & more`, e.Error)
	assert.Empty(t, e.Diagnostics)
}

func TestAppendStringIsValidJSON(t *testing.T) {
	for _, s := range []string{"", "plain", "tab\tnew\nline\r\x00\x1f", `"\`, "<script>&</script>", "é – ✓ 😀", "\u2028\u2029", "bad \xff utf8"} {
		b := appendString(nil, s)
		var got string
		require.NoError(t, json.Unmarshal(b, &got), "%q -> %s", s, b)
		if s == "bad \xff utf8" {
			assert.Equal(t, "bad \ufffd utf8", got)
		} else {
			assert.Equal(t, s, got)
		}
		assert.NotContains(t, string(b), "<", "safe to embed in a page")
	}
}

func TestGuardRecoversAPanic(t *testing.T) {
	for _, v := range []any{"boom", errors.New("index out of range"), 42, struct{}{}} {
		out := guard(func() []byte { panic(v) })
		e := decodeError(t, out)
		assert.Contains(t, e.Error, "internal error")
	}
	e := decodeError(t, guard(func() []byte { panic("boom") }))
	assert.Contains(t, e.Error, "boom")
}

func TestGuardRecoversARuntimeError(t *testing.T) {
	out := guard(func() []byte {
		var m map[string]int
		m["x"] = 1 // assignment to entry in nil map
		return nil
	})
	assert.Contains(t, decodeError(t, out).Error, "nil map")
}

func TestGuardPassesResultsThrough(t *testing.T) {
	assert.Equal(t, []byte(`[1]`), guard(func() []byte { return []byte(`[1]`) }))
}

func TestRunJSONReportsParseErrors(t *testing.T) {
	swap(t, &runText, func(string) (*sim.Trace, error) {
		return nil, &sim.ParseError{Diags: []sim.Diagnostic{{Line: 2, Col: 5, EndCol: 9, Message: "no such profile"}}}
	})
	e := decodeError(t, runJSON("profile nope"))
	require.Len(t, e.Diagnostics, 1)
	assert.Equal(t, 2, e.Diagnostics[0].Line)
	assert.Equal(t, 5, e.Diagnostics[0].Col)
}

func TestRunJSONReturnsTheCompactHead(t *testing.T) {
	tr := &sim.Trace{Profile: "offset"}
	swap(t, &runText, func(string) (*sim.Trace, error) { return tr, nil })
	assert.Equal(t, string(sim.NewView(tr).HeadJSON(headRows)), string(runJSON("anything")))
}

// A run hands the page its first rows only; rows(text, from, to) gives
// others, step(text, i) any step with its body, each for the scenario named,
// which runs again when it is no longer among the last few.
func TestLongRunsAreReadLazily(t *testing.T) {
	text := "profile offset\nrecords 5000\nGET /items?limit=10\nwalk\n"
	var head struct {
		N    int               `json:"n"`
		Rows []json.RawMessage `json:"rows"`
	}
	require.NoError(t, json.Unmarshal(runJSON(text), &head))
	assert.Equal(t, 500, head.N)
	assert.Len(t, head.Rows, headRows)

	var rows []struct {
		I        int `json:"i"`
		Response struct {
			Body json.RawMessage `json:"body"`
		} `json:"response"`
	}
	require.NoError(t, json.Unmarshal(rowsJSON(text, 490, 600), &rows))
	require.Len(t, rows, 10, "clamped to the trace")
	assert.Equal(t, 490, rows[0].I)
	assert.Equal(t, "null", string(rows[0].Response.Body))
	require.NoError(t, json.Unmarshal(rowsJSON(text, 0, 5000), &rows))
	assert.Len(t, rows, maxRowsPerCall/2, "at most maxRowsPerCall, here the whole trace")

	var step struct {
		Response struct {
			Body struct {
				Items []struct{ ID int64 } `json:"items"`
			} `json:"body"`
		} `json:"response"`
	}
	require.NoError(t, json.Unmarshal(stepJSON(text, 499), &step))
	// Newest first, 10 a page: page 500 is the ids 10 down to 1.
	require.Len(t, step.Response.Body.Items, 10)
	assert.Equal(t, int64(1), step.Response.Body.Items[9].ID)
	assert.Contains(t, decodeError(t, stepJSON(text, 500)).Error, "no step 500")

	// Other scenarios push it out of the cache; asking again runs it again.
	for i := range keepViews {
		runJSON("profile offset\nrecords " + strconv.Itoa(i+1) + "\nGET /items\n")
	}
	for _, c := range views {
		require.NotEqual(t, text, c.text)
	}
	require.NoError(t, json.Unmarshal(stepJSON(text, 499), &step))
	assert.Len(t, step.Response.Body.Items, 10)
	assert.Contains(t, decodeError(t, rowsJSON("profile nope\n", 0, 1)).Error, "nope")
}

func TestExportStreamsTheWholeTrace(t *testing.T) {
	text := "profile offset limit=100 max-limit=100\nrecords 100k\nGET /items\nwalk\n"
	tr, err := sim.RunText(text)
	require.NoError(t, err)
	var chunks []string
	assert.Equal(t, `{"ok":true}`, string(exportTrace(text, "json", func(b []byte) { chunks = append(chunks, string(b)) })))
	assert.Greater(t, len(chunks), 1)
	assert.Equal(t, string(tr.JSON()), strings.Join(chunks, ""), "every body, beyond the first 2,000 records too")
	chunks = nil
	exportTrace(text, "csv", func(b []byte) { chunks = append(chunks, string(b)) })
	assert.Equal(t, len(tr.Steps)+1, strings.Count(strings.Join(chunks, ""), "\r\n"))
	decodeError(t, exportTrace(text, "xml", func([]byte) {}))
}

func TestCompareJSONIsAnArrayInProfileOrder(t *testing.T) {
	swap(t, &parse, func(string) (*sim.Scenario, error) { return &sim.Scenario{}, nil })
	var asked []string
	swap(t, &compare, func(_ *sim.Scenario, names []string) ([]*sim.Trace, error) {
		asked = names
		out := make([]*sim.Trace, len(names))
		for i, n := range names {
			out[i] = &sim.Trace{Profile: n}
		}
		return out, nil
	})
	b := compareJSON("x", []string{"offset", "cursor", "codefresh"})
	var traces []json.RawMessage
	require.NoError(t, json.Unmarshal(b, &traces), string(b))
	assert.Len(t, traces, 3)
	assert.Equal(t, []string{"offset", "cursor", "codefresh"}, asked)
}

func TestCompareJSONErrors(t *testing.T) {
	decodeError(t, compareJSON("x", nil))
	swap(t, &parse, func(string) (*sim.Scenario, error) {
		return nil, &sim.ParseError{Diags: []sim.Diagnostic{{Line: 1, Col: 1, Message: "empty"}}}
	})
	e := decodeError(t, compareJSON("x", []string{"offset"}))
	assert.Len(t, e.Diagnostics, 1)
	swap(t, &parse, func(string) (*sim.Scenario, error) { return &sim.Scenario{}, nil })
	swap(t, &compare, func(*sim.Scenario, []string) ([]*sim.Trace, error) { return nil, errors.New("no profile nope") })
	assert.Equal(t, "no profile nope", decodeError(t, compareJSON("x", []string{"nope"})).Error)
}

func TestCheckJSONIsAList(t *testing.T) {
	swap(t, &check, func(string) []sim.Diagnostic { return nil })
	assert.Equal(t, "[]", string(checkJSON("")))
	swap(t, &check, func(string) []sim.Diagnostic { return []sim.Diagnostic{{Line: 3, Col: 2, Message: "m"}} })
	var ds []map[string]any
	require.NoError(t, json.Unmarshal(checkJSON("x"), &ds))
	require.Len(t, ds, 1)
	assert.EqualValues(t, 3, ds[0]["line"])
}

func TestRealSimulatorAnswersJSON(t *testing.T) {
	// Whatever the simulator says about these, the adapter hands back JSON.
	for _, text := range []string{"", "profile offset\n", "garbage ☃ \x00"} {
		for _, out := range [][]byte{guard(func() []byte { return runJSON(text) }), guard(func() []byte { return checkJSON(text) })} {
			assert.True(t, json.Valid(out), "%q -> %s", text, out)
		}
	}
}

func TestSplitNames(t *testing.T) {
	assert.Equal(t, []string{"offset", "cursor", "celigo"}, splitNames(" offset, cursor celigo,"))
	assert.Empty(t, splitNames(" , "))
}

// BenchmarkRunJSON is what the page pays per keystroke for a large scenario:
// parse, run and encode the trace.
func BenchmarkRunJSON(b *testing.B) {
	text := "profile offset limit=100\nrecords 1m\nGET /items\nwalk max 200\ninsert 5\nwalk max 200\n"
	for b.Loop() {
		out := runJSON(text)
		if len(out) == 0 {
			b.Fatal("no output")
		}
	}
}

// A challenge's checks come back as a list; a scenario with problems as an
// error object with every problem and its fix. The challenge's lines are
// challenge-tiebreaker's (sim/presets.txt): the offset walk over ties is not
// consistent, so its expectation is not met, and its kept lines are.
func TestLessonJSON(t *testing.T) {
	keep := "profile offset\nrecords 100\nGET /items?offset=0&limit=10\nwalk\n"
	expect := "consistent\nno-refusals\n"
	text := "profile offset\nrecords 100\nsort created/25\nGET /items?offset=0&limit=10\nwalk\n"
	var checks []struct {
		Text string `json:"text"`
		Met  bool   `json:"met"`
		Why  string `json:"why"`
	}
	require.NoError(t, json.Unmarshal(lessonJSON(text, keep, expect), &checks))
	require.Len(t, checks, 7) // four kept lines, no mutation added, two expectations
	assert.Equal(t, "keeps profile offset", checks[0].Text)
	assert.True(t, checks[0].Met)
	assert.Equal(t, "expect consistent", checks[5].Text)
	assert.False(t, checks[5].Met)

	var e struct {
		Diagnostics []struct {
			Line int    `json:"line"`
			Fix  string `json:"fix"`
		} `json:"diagnostics"`
	}
	require.NoError(t, json.Unmarshal(lessonJSON("profile ofset\nnxt\n", keep, expect), &e))
	require.Len(t, e.Diagnostics, 2)
	assert.Equal(t, "offset", e.Diagnostics[0].Fix)
	assert.Equal(t, "next", e.Diagnostics[1].Fix)
	assert.Equal(t, "[]", string(lessonJSON("next\n", "", "")), "no challenge: no checks")
}
