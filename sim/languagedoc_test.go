package sim

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fencedBlocks returns the fenced code blocks of a Markdown text written
// with the given info string, and the line each starts on.
func fencedBlocks(md, info string) (blocks []string, lines []int) {
	var cur *strings.Builder
	for i, l := range strings.Split(md, "\n") {
		switch {
		case cur == nil && l == "```"+info:
			cur = &strings.Builder{}
			lines = append(lines, i+1)
		case cur != nil && l == "```":
			blocks = append(blocks, cur.String())
			cur = nil
		case cur != nil:
			cur.WriteString(l + "\n")
		}
	}
	return blocks, lines
}

// TestLanguageDocExamples: every scenario in docs/language.md parses, and
// runs when its profile exists; the JSON form example reads back.
func TestLanguageDocExamples(t *testing.T) {
	md, err := os.ReadFile("../docs/language.md")
	require.NoError(t, err)
	blocks, lines := fencedBlocks(string(md), "scenario")
	require.GreaterOrEqual(t, len(blocks), 10)
	for i, text := range blocks {
		where := "docs/language.md:" + strconv.Itoa(lines[i])
		s, err := Parse(text)
		require.NoError(t, err, where)
		if _, ok := LookupProfile(s.Setup.Profile); !ok {
			continue // a profile still to come
		}
		_, err = Run(s)
		assert.NoError(t, err, where)
	}

	blocks, _ = fencedBlocks(string(md), "json")
	require.Len(t, blocks, 1)
	s, err := ScenarioFromJSON([]byte(blocks[0]))
	require.NoError(t, err)
	assert.NoError(t, s.Validate())
	assert.Len(t, s.Steps, 18)
}
