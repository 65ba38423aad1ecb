package sim

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fenced returns the bodies of the ```lang blocks of a Markdown text.
func fenced(md, lang string) []string {
	var out []string
	for _, part := range strings.Split(md, "```"+lang+"\n")[1:] {
		body, _, _ := strings.Cut(part, "```")
		out = append(out, body)
	}
	return out
}

// Every scenario in the README runs, so a newcomer can paste any of them.
func TestREADMEScenariosRun(t *testing.T) {
	md, err := os.ReadFile("../README.md")
	require.NoError(t, err)
	blocks := fenced(string(md), "scenario")
	require.NotEmpty(t, blocks)
	for _, b := range blocks {
		tr, err := RunText(b)
		if assert.NoError(t, err, b) {
			assert.NotEmpty(t, tr.Steps, b)
		}
	}
}

// The README lists every profile with its summary line.
func TestREADMEListsEveryProfile(t *testing.T) {
	md, err := os.ReadFile("../README.md")
	require.NoError(t, err)
	for _, p := range Profiles() {
		assert.True(t, strings.Contains(string(md), "| `"+p.Name+"` |"), "README does not list profile %s", p.Name)
	}
}
