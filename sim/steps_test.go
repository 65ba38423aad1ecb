package sim

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every step kind has one entry in the table, which the parser, the
// validator, the formatter and the editor read: each entry's text parses
// back to the same step, which the validator accepts, and a keyword the
// table does not have is no step.
func TestStepTable(t *testing.T) {
	samples := map[StepKind]Step{
		StepRequest: {Method: "POST", Target: "/incident/list", Body: `{"p":1}`, Client: "bob"},
		StepNext:    {Client: "bob"},
		StepPrev:    {},
		StepFirst:   {},
		StepWalk:    {MaxPages: 50, Cap: true},
		StepHeader:  {Name: "X-Session", Value: "abc", Client: "ci"},
		StepInsert:  {Count: 3, At: 5},
		StepDelete:  {From: 2, To: 4},
		StepUpdate:  {ID: 3, Key: -7},
		StepStream:  {Count: 2, Every: 9},
		StepWait:    {Ticks: 10},
	}
	for k := range stepSpecs {
		kind := StepKind(k)
		spec := specOf(kind)
		if kind == 0 {
			assert.Nil(t, spec, "kind 0 is no step")
			continue
		}
		require.NotNil(t, spec)
		st, ok := samples[kind]
		require.True(t, ok, "a sample of %s", spec.word)
		st.Kind, st.Line = kind, 1
		text := stepText(&st)
		s, err := Parse(text)
		require.NoError(t, err, text)
		require.Len(t, s.Steps, 1, text)
		assert.Equal(t, st, s.Steps[0], text)
		if spec.check != nil {
			assert.Empty(t, spec.check(&st), text)
		}
		if kind != StepRequest {
			assert.Equal(t, kind, stepKindOf(spec.word))
			assert.NotNil(t, spec.parse, spec.word)
			syntax, help := keywordHelp(spec.word)
			assert.NotEmpty(t, syntax, spec.word)
			assert.NotEmpty(t, help, spec.word)
		}
	}
	assert.Equal(t, StepKind(0), stepKindOf("request"), "a request starts with its method, not a keyword")
	assert.Nil(t, specOf(StepKind(len(stepSpecs))))
	assert.Equal(t, []string{"next", "prev", "first", "walk", "header"}, clientStepWords)
}
