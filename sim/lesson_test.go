package sim

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// checkLesson is CheckChallenge for the preset called name: nil for a
// preset that is no challenge.
func checkLesson(name, text string) ([]LessonCheck, error) {
	p, ok := LookupPreset(name)
	if !ok || p.Challenge == "" {
		return nil, nil
	}
	return CheckChallenge(p.Keep, p.Expect, text)
}

func lessonText(t *testing.T, name string) string {
	t.Helper()
	p, ok := LookupPreset(name)
	require.True(t, ok, name)
	return p.Text
}

func checksMet(cs []LessonCheck) bool {
	for _, c := range cs {
		if !c.Met {
			return false
		}
	}
	return len(cs) > 0
}

func unmet(cs []LessonCheck) []string {
	var out []string
	for _, c := range cs {
		if !c.Met {
			out = append(out, c.Text)
		}
	}
	return out
}

// Every challenge states its invariants, they parse, and its starting
// scenario keeps its premise but does not pass.
func TestChallengesStateTheirInvariants(t *testing.T) {
	n := 0
	for _, p := range Presets() {
		if p.Challenge == "" {
			assert.Empty(t, p.Keep, p.Name)
			assert.Empty(t, p.Expect, p.Name)
			continue
		}
		n++
		require.NotEmpty(t, p.Keep, "%s: a challenge keeps its premise", p.Name)
		require.NotEmpty(t, p.Expect, "%s: a challenge has checks", p.Name)
		for _, k := range p.Keep {
			_, err := Parse(k)
			assert.NoError(t, err, "%s: keep %q", p.Name, k)
		}
		assert.Len(t, p.expects(), len(p.Expect), "%s: every expect line parses", p.Name)
		assert.NotEmpty(t, p.Hint, "%s: a challenge has a hint", p.Name)
		cs, err := checkLesson(p.Name, p.Text)
		require.NoError(t, err, p.Name)
		assert.False(t, checksMet(cs), "%s: the starting scenario does not pass", p.Name)
		for _, c := range cs[:len(cs)-len(p.Expect)] {
			assert.True(t, c.Met, "%s: the starting scenario keeps its premise: %s", p.Name, c.Text)
		}
	}
	assert.GreaterOrEqual(t, n, 3)
	cs, err := checkLesson("offset-insert-drift", "next\n")
	assert.NoError(t, err)
	assert.Nil(t, cs, "a lesson that is no challenge has no checks")
}

// The goal says "Change the contract, not the stream".
func TestChallengeExportWhileArriving(t *testing.T) {
	const name = "challenge-export-while-arriving"
	start := lessonText(t, name)

	// The answer: cursor paging.
	fixed := strings.NewReplacer("profile offset", "profile cursor", "GET /items?offset=0&limit=20", "GET /items?limit=20").Replace(start)
	cs, err := checkLesson(name, fixed)
	require.NoError(t, err)
	assert.True(t, checksMet(cs), "%v", unmet(cs))

	// Cheats: each fails, and says why.
	for _, tc := range []struct {
		what, text, unmet string
	}{
		{"delete the stream", strings.Replace(start, "stream 1 every 2\n", "", 1), "keeps stream 1 every 2"},
		{"stop the stream", strings.Replace(start, "walk\n", "stream stop\nwalk\n", 1), "the list changes only as the challenge says"},
		{"delete the expect lines", strings.Replace(strings.Replace(start, "expect consistent\n", "", 1), "expect complete\n", "", 1), "expect consistent"},
		{"shrink the list", strings.Replace(start, "records 200", "records 0", 1), "keeps records 200"},
		{"walk a single page", strings.Replace(start, "walk\n", "walk max 1\n", 1), "keeps walk"},
		{"stream after the walk", strings.Replace(strings.Replace(start, "stream 1 every 2\n", "", 1), "walk\n", "walk\nstream 1 every 2\n", 1), "keeps walk"},
	} {
		cs, err := checkLesson(name, tc.text)
		require.NoError(t, err, tc.what)
		assert.False(t, checksMet(cs), tc.what)
		assert.Contains(t, unmet(cs), tc.unmet, tc.what)
	}
}

func TestChallengeTiebreaker(t *testing.T) {
	const name = "challenge-tiebreaker"
	start := lessonText(t, name)
	cs, err := checkLesson(name, strings.Replace(start, "sort created/25", "sort created/25, id", 1))
	require.NoError(t, err)
	assert.True(t, checksMet(cs), "%v", unmet(cs))
	// Changing the request is not the answer, even when it passes the expectations:
	// a page of 100 holds every record.
	cs, err = checkLesson(name, strings.Replace(start, "limit=10", "limit=100", 1))
	require.NoError(t, err)
	assert.Contains(t, unmet(cs), "keeps GET /items?offset=0&limit=10")
}

func TestChallengeTwoCIJobs(t *testing.T) {
	const name = "challenge-two-ci-jobs"
	start := lessonText(t, name)
	fixed := strings.Replace(start, "records 60\n", "records 60\n@ci1 header X-Pagination-Session-Id: wf1+step1\n@ci2 header X-Pagination-Session-Id: wf1+step2\n", 1)
	cs, err := checkLesson(name, fixed)
	require.NoError(t, err)
	assert.True(t, checksMet(cs), "%v", unmet(cs))
	// Deleting ci2's requests avoids the clash but drops the premise.
	cheat := strings.Replace(strings.Replace(start, "@ci2 GET /workflow?page=1\n", "", 1), "@ci2 next\n", "", 1)
	cs, err = checkLesson(name, cheat)
	require.NoError(t, err)
	assert.Contains(t, unmet(cs), "keeps @ci2 GET /workflow?page=1")
	// A scenario with problems is an error with its diagnostics.
	_, err = checkLesson(name, "profile codefresh\nnxt\n")
	var pe *ParseError
	assert.ErrorAs(t, err, &pe)
}
