package sim

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every interpretation a vendor profile marks on a response is also one of
// its rules, marked as an interpretation, so the playground can show it
// beside the rules as well as beside the answer.
func TestResponseInterpretationsAreListedRules(t *testing.T) {
	if !withTexts {
		t.Skip("the WASM has no rules (profiletext.go)")
	}
	for _, c := range []struct {
		profile string
		interps []string
	}{
		{"codefresh-legacy", []string{cfLegacyPageInterp, codefreshSizeInterp}},
		{"codefresh", []string{cfRefusalInterp, cfFirstInterp, cfRereadInterp, cfResetInterp, codefreshSizeInterp}},
		{"celigo", []string{celigoLimitInterp, celigoPrevInterp, celigoWindowInterp, celigoSortInterp}},
		{"celigo-errors", []string{celigoLimitInterp}},
		{"celigo-migrated", []string{celigoLimitInterp}},
		{"flashduty", []string{fdLimitInterp, fdHasNextInterp, fdTraditionalInterp}},
		{"flashduty-cursor", []string{fdLimitInterp, fdHasNextInterp, fdCtxInterp, fdMixInterp}},
	} {
		p, ok := LookupProfile(c.profile)
		require.True(t, ok, c.profile)
		for _, in := range c.interps {
			found := false
			for _, r := range p.Rules {
				if r.Interpretation && strings.Contains(r.Text, in) {
					found = true
				}
			}
			assert.True(t, found, "%s: no interpretation rule says %q", c.profile, in)
		}
	}
}

func TestVendorProfilesAreRegistered(t *testing.T) {
	var names []string
	for _, p := range Profiles() {
		if p.Vendor != "" {
			names = append(names, p.Name)
			assert.NotEmpty(t, p.Source, p.Name)
			if withTexts { // the WASM has no summaries (profiletext.go)
				assert.NotEmpty(t, p.Summary, p.Name)
			}
			assert.NotEmpty(t, p.First, p.Name)
		}
	}
	// The seven profiles of the vendors we were given come first; the public
	// catalogue's follow them.
	seed := []string{"codefresh-legacy", "codefresh", "celigo", "celigo-errors", "celigo-migrated", "flashduty", "flashduty-cursor"}
	require.GreaterOrEqual(t, len(names), len(seed))
	assert.Equal(t, seed, names[:len(seed)])
}
