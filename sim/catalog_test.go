//go:build !js

package sim

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every catalogue preset names its vendor and the vendor's page, never a file
// of this repository, and has a checked try.
func TestCatalogPresetsNameTheVendorPage(t *testing.T) {
	for _, p := range loadPresets(catalogPresetsFile) {
		require.NotEmpty(t, p.Vendor, p.Name)
		_, ok := catalogTries[p.Name]
		assert.True(t, ok, "%s: no check of its try", p.Name)
		assert.Contains(t, p.Notice, "page", p.Name)
		for _, s := range []string{p.Notice, p.Question, p.Try} {
			assert.NotContains(t, strings.ToLower(s), "seed 0", p.Name)
		}
		prof, ok := LookupProfile(strings.Fields(p.Text)[1])
		require.True(t, ok, p.Name)
		assert.Equal(t, prof.Vendor, p.Vendor, p.Name)
	}
}

// Every catalogue profile links its vendor's page and marks at least one
// interpretation, and every interpretation a response carries is one of its
// rules.
func TestCatalogProfilesLinkTheirPage(t *testing.T) {
	for _, name := range []string{"github", "stripe", "slack", "json-server", "drf-page", "drf-limit-offset", "aws", "shopify", "notion", "msgraph", "jira", "jira-jql", "google-aip158", "zendesk", "elasticsearch", "relay", "drf-cursor"} {
		p, ok := LookupProfile(name)
		require.True(t, ok, name)
		assert.True(t, strings.HasPrefix(p.URL, "https://"), "%s: %q", name, p.URL)
		assert.NotEmpty(t, p.Source, name)
		interp := 0
		for _, r := range p.Rules {
			if r.Interpretation {
				interp++
			}
		}
		assert.Positive(t, interp, name)
	}
	for _, c := range []struct {
		profile string
		interps []string
	}{
		{"github", []string{ghNumberInterp, ghRelsInterp, ghPastInterp, ghHostInterp}},
		{"stripe", []string{stripeLimitInterp, stripeBothInterp, stripeDeletedInterp, stripeIDInterp}},
		{"slack", []string{slackLimitInterp, slackShortInterp, slackCursorInterp, slackItemsInterp}},
	} {
		p, _ := LookupProfile(c.profile)
		for _, in := range c.interps {
			found := false
			for _, r := range p.Rules {
				found = found || (r.Interpretation && strings.Contains(r.Text, in))
			}
			assert.True(t, found, "%s: no interpretation rule says %q", c.profile, in)
		}
	}
}

// Every vendor's profile, the catalogue's and the seed vendors', has a
// preset showing its characteristic trap (issue 8: "every catalogue
// contract has ... a preset"): a preset whose profile line names it.
func TestEveryVendorProfileHasAPreset(t *testing.T) {
	shown := map[string]bool{}
	for _, p := range Presets() {
		for _, l := range strings.Split(p.Text, "\n") {
			if f := strings.Fields(l); len(f) > 1 && f[0] == "profile" {
				shown[f[1]] = true
			}
		}
	}
	n := 0
	for _, p := range Profiles() {
		if p.Vendor == "" {
			continue
		}
		n++
		assert.True(t, shown[p.Name], "profile %s (%s) has no preset", p.Name, p.Vendor)
	}
	assert.GreaterOrEqual(t, n, 17+7, "the 17 catalogue contracts and the 7 seed vendors' profiles")
}
