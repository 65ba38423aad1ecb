//go:build js && wasm

package main

import (
	"encoding/json"
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
	for _, name := range []string{"run", "check", "compare", "profiles", "presets", "liveStart", "liveRequest", "liveReport"} {
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

func TestJSProfilesAndPresetsAreJSON(t *testing.T) {
	assert.True(t, json.Valid([]byte(call(t, "profiles"))))
	assert.True(t, json.Valid([]byte(call(t, "presets"))))
}
