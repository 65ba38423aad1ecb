package main

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The generated sim/presets_text.go holds what sim/presets.txt says: an
// edit of presets.txt without `go generate ./sim` fails here.
func TestPresetsTextIsCurrent(t *testing.T) {
	text, err := os.ReadFile("../../presets.txt")
	require.NoError(t, err)
	got, err := os.ReadFile("../../presets_text.go")
	require.NoError(t, err)
	assert.True(t, string(got) == string(goSource(string(text))),
		"sim/presets_text.go is not sim/presets.txt's current text: run `go generate ./sim`")
}

// The same for the catalogue's presets.
func TestCatalogPresetsTextIsCurrent(t *testing.T) {
	for _, f := range files[1:] {
		text, err := os.ReadFile("../../" + f.text)
		require.NoError(t, err)
		got, err := os.ReadFile("../../" + f.gofile)
		require.NoError(t, err)
		assert.True(t, string(got) == string(goSourceFor(f.text, f.name, f.build, string(text))),
			"sim/%s is not sim/%s's current text: run `go generate ./sim`", f.gofile, f.text)
	}
}

// A backquote, which a raw string cannot hold, survives the round trip.
func TestGoSourceSplicesBackquotes(t *testing.T) {
	src := string(goSource("a `b` c\n"))
	assert.Contains(t, src, "const presetsFile = `a ` + \"`\" + `b` + \"`\" + ` c\n`\n")
}
