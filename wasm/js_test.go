//go:build js && wasm

package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/hack-pad/safejs"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"pagingplayground/sim"
)

// These tests call the adapter the way the page does: through
// globalThis.pagesim, from JavaScript values.

func pagesim(t *testing.T) safejs.Value {
	t.Helper()
	require.NoError(t, register())
	v, err := safejs.Global().Get("pagesim")
	require.NoError(t, err)
	require.Equal(t, safejs.TypeObject, v.Type())
	return v
}

// call invokes pagesim[name](args...) and returns its string result.
func call(t *testing.T, name string, args ...any) string {
	t.Helper()
	out, err := pagesim(t).Call(name, args...)
	require.NoError(t, err, "pagesim.%s must not throw", name)
	require.Equal(t, safejs.TypeString, out.Type(), "pagesim.%s returns a string", name)
	s, err := out.String()
	require.NoError(t, err)
	return s
}

func TestGlobalHasTheFunctions(t *testing.T) {
	g := pagesim(t)
	for _, name := range []string{"run", "rows", "step", "export", "check", "compare", "lesson", "liveStart", "liveRequest", "liveReport", "setRules"} {
		f, err := g.Get(name)
		require.NoError(t, err)
		assert.Equal(t, safejs.TypeFunction, f.Type(), name)
	}
	v, err := g.Get("version")
	require.NoError(t, err)
	assert.Equal(t, safejs.TypeString, v.Type())
}

func TestJSRunRecoversAForcedPanic(t *testing.T) {
	swap(t, &runText, func(string) (*sim.Trace, error) { panic("forced panic in the simulator") })
	out := call(t, "run", "GET /x")
	var e errorObject
	require.NoError(t, json.Unmarshal([]byte(out), &e), out)
	assert.Contains(t, e.Error, "forced panic in the simulator")
	// The runtime survived: the next call works.
	swap(t, &check, func(string) []sim.Diagnostic { return nil })
	assert.Equal(t, "[]", call(t, "check", "x"))
}

func TestJSCompareRecoversAForcedPanic(t *testing.T) {
	swap(t, &parse, func(string) (*sim.Scenario, error) { return &sim.Scenario{}, nil })
	swap(t, &compare, func(*sim.Scenario, []string) ([]*sim.Trace, error) {
		var a []int
		_ = a[3] // index out of range
		return nil, nil
	})
	out := call(t, "compare", "x", "offset,cursor")
	assert.Contains(t, decodeError(t, []byte(out)).Error, "index out of range")
}

func TestJSBadArgumentsAreErrorValues(t *testing.T) {
	for _, args := range [][]any{nil, {42}, {nil}} {
		out := call(t, "run", args...)
		assert.Contains(t, decodeError(t, []byte(out)).Error, "argument 1 must be a string")
	}
	out := call(t, "compare", "x", 7)
	decodeError(t, []byte(out))
}

func TestJSCompareTakesAnArrayOrAString(t *testing.T) {
	swap(t, &parse, func(string) (*sim.Scenario, error) { return &sim.Scenario{}, nil })
	var asked []string
	swap(t, &compare, func(_ *sim.Scenario, names []string) ([]*sim.Trace, error) {
		asked = names
		return make([]*sim.Trace, 0), nil
	})
	array, err := safejs.Global().Get("Array")
	require.NoError(t, err)
	names, err := array.New()
	require.NoError(t, err)
	_, err = names.Call("push", "offset", "celigo")
	require.NoError(t, err)
	assert.Equal(t, "[]", call(t, "compare", "x", names))
	assert.Equal(t, []string{"offset", "celigo"}, asked)
	call(t, "compare", "x", "cursor, page")
	assert.Equal(t, []string{"cursor", "page"}, asked)
}

func TestJSRunPassesTextThrough(t *testing.T) {
	var got string
	swap(t, &runText, func(s string) (*sim.Trace, error) { got = s; return &sim.Trace{}, nil })
	call(t, "run", "GET /workflow?page=1\n✓ ünïcode")
	assert.Equal(t, "GET /workflow?page=1\n✓ ünïcode", got)
}

// lesson takes the scenario, then the challenge's kept lines and its
// expectations, one a line, as start.json's presets have them.
func TestJSLessonTakesTheChallengesLines(t *testing.T) {
	var got struct{ keep, expect []string }
	swap(t, &lesson, func(keep, expect []string, text string) ([]sim.LessonCheck, error) {
		got.keep, got.expect = keep, expect
		return []sim.LessonCheck{{Text: "expect consistent", Met: true, Why: "x"}}, nil
	})
	out := call(t, "lesson", "profile offset\n", "profile offset\nrecords 100\n", "consistent")
	assert.Equal(t, []string{"profile offset", "records 100"}, got.keep)
	assert.Equal(t, []string{"consistent"}, got.expect)
	assert.Contains(t, out, `"met":true`)
	decodeError(t, []byte(call(t, "lesson", "profile offset\n")))
}

func TestJSRowsStepAndExport(t *testing.T) {
	text := "profile offset\nrecords 300\nGET /items?limit=10\nwalk\n"
	var rows []map[string]any
	require.NoError(t, json.Unmarshal([]byte(call(t, "rows", text, 25, 27)), &rows))
	require.Len(t, rows, 2)
	assert.EqualValues(t, 25, rows[0]["i"])
	var step map[string]any
	require.NoError(t, json.Unmarshal([]byte(call(t, "step", text, 29)), &step))
	assert.NotNil(t, step["response"].(map[string]any)["body"])

	// export hands its chunks to a JavaScript function.
	var got []string
	f, err := safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) any {
		s, err := args[0].String()
		require.NoError(t, err)
		got = append(got, s)
		return nil
	})
	require.NoError(t, err)
	defer f.Release()
	assert.Equal(t, `{"ok":true}`, call(t, "export", text, "json", f.Value()))
	tr, err := sim.RunText(text)
	require.NoError(t, err)
	assert.Equal(t, string(tr.JSON()), strings.Join(got, ""))
	// Without a function: an error object, not a throw.
	decodeError(t, []byte(call(t, "export", text, "json", "nope")))
}

// The WASM carries no catalogue rule text: the worker hands it start.json's
// profile list with setRules once as it starts. Before that a trace has no
// rules (and nothing fails); after it every trace the WASM makes (run,
// compare, export) carries its profile's rules, as `pagesim run -json` does,
// and a contract declared in the scenario keeps its own.
func TestJSSetRulesGivesEveryTraceItsProfilesRules(t *testing.T) {
	text := "profile github\nrecords 40\nGET /items?per_page=10\nnext\n"
	type head struct {
		Setup struct {
			Rules []sim.RuleNote `json:"rules"`
		} `json:"setup"`
	}
	rulesOf := func(out string) []sim.RuleNote {
		var h head
		require.NoError(t, json.Unmarshal([]byte(out), &h), out)
		return h.Setup.Rules
	}
	assert.Empty(t, rulesOf(call(t, "run", text)), "before setRules")

	// start.json's profiles, as ProfilesJSON writes them; names the WASM
	// does not know and text that is not a list change nothing.
	want := []sim.RuleNote{{Text: "Follow the Link header.", Source: "GitHub's page", Interpretation: false}, {Text: "Our reading.", Interpretation: true}}
	list := `[{"name":"github","vendor":"","summary":"s","rules":[{"text":"Follow the Link header.","source":"GitHub's page","interpretation":false},{"text":"Our reading.","source":"","interpretation":true}]},{"name":"no-such","rules":[{"text":"x"}]}]`
	assert.Equal(t, `{"ok":true}`, call(t, "setRules", "not json"))
	assert.Equal(t, `{"ok":true}`, call(t, "setRules", list))
	t.Cleanup(func() { call(t, "setRules", `[{"name":"github","rules":[]}]`) })

	assert.Equal(t, want, rulesOf(call(t, "run", text)), "run (the trace kept from before is run again)")
	var heads []json.RawMessage
	require.NoError(t, json.Unmarshal([]byte(call(t, "compare", text, "github,offset")), &heads))
	require.Len(t, heads, 2)
	assert.Equal(t, want, rulesOf(string(heads[0])), "compare")
	assert.Empty(t, rulesOf(string(heads[1])), "compare: offset was not in the list")

	var got []string
	f, err := safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) any {
		s, _ := args[0].String()
		got = append(got, s)
		return nil
	})
	require.NoError(t, err)
	defer f.Release()
	assert.Equal(t, `{"ok":true}`, call(t, "export", text, "json", f.Value()))
	var exported head
	require.NoError(t, json.Unmarshal([]byte(strings.Join(got, "")), &exported))
	assert.Equal(t, want, exported.Setup.Rules, "export")

	declared := "contract offset\n  limit.default 2\nrecords 5\nGET /items\n"
	rs := rulesOf(call(t, "run", declared))
	if assert.Len(t, rs, 1) {
		assert.Contains(t, rs[0].Text, "A contract declared in the scenario")
	}
}
