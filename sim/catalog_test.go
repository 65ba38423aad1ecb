//go:build !js

package sim

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The tries and wants of the catalogue presets whose contracts are still Go
// servers; catalog_data_test.go has those declared as data.
func init() {
	for name, try := range map[string]catalogTry{
		"zendesk-offset-limit": {[][2]string{{"GET /api/v2/tickets.json?per_page=100", "GET /api/v2/tickets.json?page[size]=100"}}, func(t *testing.T, tr *Trace) {
			assert.Len(t, requests(tr), 120)
			assert.Equal(t, int64(12000), tr.Walks[0].Distinct)
			assert.True(t, tr.Walks[0].Complete)
		}},
		"elasticsearch-total-gte": {[][2]string{{"profile elasticsearch", "profile elasticsearch client=search-after"}}, func(t *testing.T, tr *Trace) {
			assert.Equal(t, int64(25000), tr.Walks[0].Distinct)
			assert.True(t, tr.Walks[0].Consistent)
		}},
		// Without the point in time, from/size reads the index as it is now:
		// the 5 new documents push 5 of page 1 onto page 2.
		"elasticsearch-point-in-time": {[][2]string{{"POST /my-index/_pit?keep_alive=1m\nnext", `POST /my-index/_search {"size":10,"sort":[{"created":"desc"},{"_id":"asc"}]}`}}, func(t *testing.T, tr *Trace) {
			assert.Equal(t, int64(5), tr.Walks[0].Duplicates.Count)
			assert.False(t, tr.Walks[0].Consistent)
		}},
		// Deleting 3 at the head: page 2 after offset 9 starts 3 items late.
		"relay-offset-cursors": {[][2]string{{"insert 3", "delete at 0..2"}}, func(t *testing.T, tr *Trace) {
			assert.Equal(t, int64(0), tr.Walks[0].Duplicates.Count)
			assert.Equal(t, int64(3), tr.Walks[0].Missed.Count)
		}},
	} {
		catalogTries[name] = try
	}
	// 100 pages of 100 are served; page 101 starts at record 10,001.
	presetWants["zendesk-offset-limit"] = presetWant{concat(repeat(acc, 100), []bool{ref}), func(t *testing.T, tr *Trace) {
		assert.Equal(t, int64(10000), tr.Walks[0].Distinct)
		assert.Equal(t, 400, requests(tr)[100].Response.Status)
	}}
	// 10 pages of 1,000: from + size reaches 10,000 = hits.total.value (gte).
	presetWants["elasticsearch-total-gte"] = presetWant{repeat(acc, 10), func(t *testing.T, tr *Trace) {
		assert.Equal(t, TotalReport{"capped", 10000, 25000}, requests(tr)[0].Total)
		assert.True(t, tr.Walks[0].Complete, "as far as the client knows")
		assert.Equal(t, int64(15000), tr.Walks[0].Missed.Count)
	}}
	// The PIT opened, then 10 pages of 10 through it: the 5 documents indexed
	// after it was opened are not in it, and nothing shifts.
	presetWants["elasticsearch-point-in-time"] = presetWant{repeat(acc, 11), func(t *testing.T, tr *Trace) {
		assert.Equal(t, int64(100), tr.Walks[0].Distinct)
		assert.True(t, tr.Walks[0].Consistent)
		assert.Equal(t, int64(100), requests(tr)[10].Total.Reported, "hits.total of the point in time")
	}}
	// 33 items after the insert: offsets 0, 10, 20, 30: 4 pages, 3 repeated.
	presetWants["relay-offset-cursors"] = presetWant{repeat(acc, 4), func(t *testing.T, tr *Trace) {
		assert.Equal(t, []int64{23, 22, 21}, requests(tr)[1].Records()[:3])
		assert.Equal(t, int64(3), tr.Walks[0].Duplicates.Count)
	}}
}

// Every catalogue preset names its vendor and the vendor's page, never a file
// of this repository, and has a checked try.
func TestCatalogPresetsNameTheVendorPage(t *testing.T) {
	for _, p := range append(loadPresets(catalogPresetsFile), loadPresets(catalogNativePresetsFile)...) {
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
		{"github", []string{ghClampInterp, ghNumberInterp, ghRelsInterp, ghPastInterp, ghHostInterp}},
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
