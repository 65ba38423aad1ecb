package sim

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every keyword the parser knows has its help, and the help names no word
// the parser does not know.
func TestKeywordHelpCoversTheParser(t *testing.T) {
	for _, k := range append(append(slices.Clone(setupWords), stepWords...), "expect") {
		syntax, help := keywordHelp(k)
		assert.True(t, strings.HasPrefix(strings.TrimPrefix(syntax, "[@client] "), k), "%s: %q", k, syntax)
		assert.NotEmpty(t, help, k)
	}
	syntax, help := keywordHelp("nxt")
	assert.Empty(t, syntax+help, "no help for what is no keyword")
	for _, k := range append(slices.Clone(expectWords), expectCounts...) {
		assert.NotEmpty(t, expectHelp(k), k)
	}
	assert.Empty(t, expectHelp("fast"))
}

// The parameters come from the requests each contract's client sends. The
// expectations are the contracts' own spellings (README's profile table and
// the vendors' pages): offset sends ?offset=&limit=, page ?page=&per_page=,
// cursor ?after= with a limit, Flashduty a JSON body {"p","limit"}, Codefresh
// ?page= with its session header only when the scenario sets one.
func TestContractParams(t *testing.T) {
	get := func(name string) contractParams {
		p, ok := LookupProfile(name)
		require.True(t, ok, name)
		return p.params()
	}
	assert.ElementsMatch(t, []string{"offset", "limit"}, get("offset").Query)
	assert.ElementsMatch(t, []string{"page", "per_page"}, get("page").Query)
	assert.Contains(t, get("cursor").Query, "after")
	assert.Contains(t, get("cursor").Query, "limit")
	assert.Contains(t, get("celigo").Query, "skip")
	fd := get("flashduty")
	assert.Empty(t, fd.Query)
	assert.ElementsMatch(t, []string{"p", "limit"}, fd.Body)
	assert.Contains(t, get("flashduty-cursor").Body, "search_after_ctx")
	assert.Contains(t, get("codefresh").Query, "page")
}

func TestLanguageJSON(t *testing.T) {
	var got struct {
		Setup, Steps []struct{ Word, Syntax, Help string }
		Methods      []string
		Expectations []struct {
			Word  string
			Count bool
		}
		Profiles []struct {
			Name    string
			Options []struct{ Name string }
			Query   []string
			Body    []string
		}
	}
	require.NoError(t, json.Unmarshal(LanguageJSON(), &got))
	require.Len(t, got.Steps, len(stepWords))
	assert.Equal(t, "walk", got.Steps[3].Word)
	assert.Contains(t, got.Steps[3].Syntax, "max N")
	assert.Equal(t, methods, got.Methods)
	// The page's profiles: those ProfilesJSON lists, native-only ones left out.
	var page []struct{ Name string }
	require.NoError(t, json.Unmarshal(ProfilesJSON(), &page))
	require.Len(t, got.Profiles, len(page))
	for i := range page {
		assert.Equal(t, page[i].Name, got.Profiles[i].Name)
	}
	for _, p := range got.Profiles {
		assert.NotEmpty(t, p.Options, p.Name)
		assert.NotEmpty(t, append(p.Query, p.Body...), "%s: a contract has parameters", p.Name)
	}
}

// The hover help for `contract` lists every base the parser accepts (the
// record-id base `id` came after the help was written).
func TestContractHelpListsEveryBase(t *testing.T) {
	syntax, _ := keywordHelp("contract")
	for _, b := range contractBases {
		assert.Contains(t, syntax, b)
	}
}
