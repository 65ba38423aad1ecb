//go:build !js

package sim

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every text registered with profileText reaches a profile: a misspelt name
// would leave the profile without its summary and rules, silently.
func TestEveryProfileTextHasItsProfile(t *testing.T) {
	require.NotEmpty(t, profileTexts)
	for name, text := range profileTexts {
		p, ok := LookupProfile(name)
		if assert.True(t, ok, "profileText(%q): no such profile", name) {
			assert.Equal(t, text.Summary, p.Summary, name)
			assert.Equal(t, text.Rules, p.Rules, name)
		}
	}
	for _, p := range Profiles() {
		assert.NotEmpty(t, p.Summary, p.Name)
		assert.NotEmpty(t, p.Rules, p.Name)
	}
}
