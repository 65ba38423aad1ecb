package sim

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pagingplayground/internal/json"
)

// runPreset runs a preset's text through the parser, the validator and the
// engine, as the playground does.
func runPreset(t *testing.T, p Preset) *Trace {
	t.Helper()
	assert.Empty(t, Check(p.Text), "the editor shows no problem in the preset")
	tr, err := RunText(p.Text)
	require.NoError(t, err, p.Name)
	return tr
}

func repeat(v bool, n int) []bool {
	out := make([]bool, n)
	for i := range out {
		out[i] = v
	}
	return out
}

func concat(parts ...[]bool) []bool {
	var out []bool
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// acc and ref spell an accepted and a refused request in the tables below.
const (
	acc = true
	ref = false
)

// presetWant is what a preset's run must show: which requests are accepted
// and the facts its note promises.
type presetWant struct {
	accepted []bool
	check    func(t *testing.T, tr *Trace)
}

// presetWants is, per preset, which requests the seed's rules accept (in
// order, walks expanded) and the facts its note promises. Both are written
// from the seeds and the profile rules, not from the simulator's output.
var presetWants = map[string]presetWant{
	// 103 records after the insert: offsets 0..100, 11 pages.
	"offset-insert-drift": {repeat(acc, 11), func(t *testing.T, tr *Trace) {
		w := tr.Walks[0]
		assert.True(t, w.Complete)
		assert.Equal(t, int64(3), w.Duplicates.Count)
		assert.Equal(t, int64(0), w.Missed.Count)
	}},
	// 99 records after the delete: 10 pages; page 3 starts at 79, so 80 is skipped.
	"offset-delete-miss": {repeat(acc, 10), func(t *testing.T, tr *Trace) {
		w := tr.Walks[0]
		assert.Equal(t, []int64{80}, w.Missed.IDs)
		assert.Equal(t, int64(0), w.Duplicates.Count)
	}},
	// Pages 100-91 and 90-81, then 80..1 in 8 pages.
	"cursor-same-mutations": {repeat(acc, 10), func(t *testing.T, tr *Trace) {
		w := tr.Walks[0]
		assert.True(t, w.Complete)
		assert.True(t, w.Consistent, w.Verdict)
	}},
	"missing-tiebreaker": {repeat(acc, 10), func(t *testing.T, tr *Trace) {
		w := tr.Walks[0]
		assert.Positive(t, w.Duplicates.Count)
		assert.Positive(t, w.Missed.Count)
	}},

	// Seed 000: any page, any order, before 2021.
	"codefresh-legacy-any-order": {repeat(acc, 6), nil},
	// Seed 000: "both of the examples shown above will become invalid".
	"codefresh-jumps-refused": {[]bool{ref, ref, ref, acc, ref, acc}, func(t *testing.T, tr *Trace) {
		assert.Equal(t, "page 4 is a jump from page 1: the cursor can only go to page 2, page 0, or back to page 1", requests(tr)[4].Reason)
		assert.Equal(t, 400, requests(tr)[4].Response.Status)
	}},
	"codefresh-pages-in-order": {repeat(acc, 4), func(t *testing.T, tr *Trace) {
		require.Len(t, tr.Walks, 1)
		assert.True(t, tr.Walks[0].Complete)
		assert.True(t, tr.Walks[0].Consistent)
		assert.Equal(t, int64(5), tr.Walks[0].Inserted.Count)
	}},
	"codefresh-next-and-previous": {repeat(acc, 5), nil},
	// Listed as valid by the seed, but 4 after 1 is a jump.
	"codefresh-back-to-page-1": {[]bool{acc, acc, acc, ref, acc}, func(t *testing.T, tr *Trace) {
		assert.Equal(t, "page 4 is a jump from page 1: the cursor can only go to page 2, page 0, or back to page 1", requests(tr)[3].Reason)
	}},
	"codefresh-shared-cursor": {[]bool{acc, acc, acc, acc, acc, acc, ref}, func(t *testing.T, tr *Trace) {
		assert.Equal(t, "alice", tr.Walks[0].Client)
		assert.Equal(t, int64(5), tr.Walks[0].Duplicates.Count, "alice's page 2 came after bob's page 1")
		assert.Contains(t, requests(tr)[6].Reason, "bob had moved the cursor of the default session")
	}},
	"codefresh-session-ids": {repeat(acc, 7), func(t *testing.T, tr *Trace) {
		assert.Equal(t, "alice", tr.Walks[0].Client)
		assert.True(t, tr.Walks[0].Consistent)
		assert.Equal(t, "64f0c2a1e5+step-build", requests(tr)[1].Request.Header[0].Value)
	}},
	// Page 0: the 25 builds just newer than page 1; page -1: the 5 newest.
	"codefresh-new-builds": {repeat(acc, 5), func(t *testing.T, tr *Trace) {
		reqs := requests(tr)
		assert.Equal(t, idsDown(125, 25), reqs[3].Records())
		assert.Equal(t, idsDown(130, 5), reqs[4].Records())
	}},
	// 105 builds, 25 a page: 5 pages; page 2 starts 5 builds early.
	"codefresh-legacy-drift": {repeat(acc, 5), func(t *testing.T, tr *Trace) {
		assert.Equal(t, int64(5), tr.Walks[0].Duplicates.Count)
	}},

	// 301 records at the end: skip 0, 100, 200, 300.
	"celigo-link-walk-drift": {repeat(acc, 4), func(t *testing.T, tr *Trace) {
		w := tr.Walks[0]
		assert.ElementsMatch(t, []int64{202, 201}, w.Duplicates.IDs)
		assert.Equal(t, []int64{102}, w.Missed.IDs)
		assert.Contains(t, firstHeader(requests(tr)[0].Response.Header, "Link"), `<https://api.integrator.io/v1/integrations?skip=0&limit=100>; rel="prev"`)
	}},
	"celigo-cli-cap": {repeat(acc, 50), func(t *testing.T, tr *Trace) {
		require.Len(t, tr.Summary.Errors, 1)
		assert.False(t, tr.Walks[0].Complete)
	}},
	// 437 errors, then 3 more above the walk: 100, 100, 100, 100, 37.
	"celigo-errors-walk": {repeat(acc, 5), func(t *testing.T, tr *Trace) {
		total, _ := fieldOf(requests(tr)[0], "totalErrors")
		assert.Equal(t, "437", total)
		assert.True(t, tr.Walks[0].Consistent)
		assert.Equal(t, int64(437), tr.Walks[0].Distinct)
	}},
	"celigo-parallel-workers": {repeat(acc, 6), func(t *testing.T, tr *Trace) {
		twice, never := twiceAndNever(tr, 60)
		assert.Equal(t, []int64{41, 23, 22, 21}, twice)
		assert.Equal(t, []int64{35, 3, 2, 1}, never)
		assert.Equal(t, []int64{35}, tr.Walks[0].Missed.IDs, "35 moved into the part of the list w1 had read")
	}},
	// The export: 10 pages of the window. The naive walk: page j is read at
	// tick 1011+j with 1050+5j records, so it has a next page while
	// 100j < 1050+5j: 12 pages, each after the first repeating 5 records.
	"celigo-time-window-export": {repeat(acc, 22), func(t *testing.T, tr *Trace) {
		require.Len(t, tr.Walks, 2)
		export, naive := tr.Walks[0], tr.Walks[1]
		assert.True(t, export.Complete)
		assert.True(t, export.Consistent, export.Verdict)
		assert.Equal(t, int64(1000), export.Distinct)
		assert.Equal(t, int64(0), export.Inserted.Count)
		assert.True(t, naive.Complete)
		assert.Equal(t, int64(55), naive.Duplicates.Count)
	}},
	"celigo-migrated-links": {[]bool{acc, acc, ref, ref, acc}, func(t *testing.T, tr *Trace) {
		reqs := requests(tr)
		assert.Equal(t, reqs[1].Request.URL, reqs[2].Request.URL, "the replayed link is page 1's")
		assert.Contains(t, reqs[2].Reason, "never cache the full Link URL across a page")
		assert.Contains(t, reqs[3].Reason, "never hand-craft skip/limit")
		assert.Equal(t, idsDown(50, 50), reqs[4].Records())
	}},
	// 5 requests per 10 ticks, one request a tick: every sixth is a 429.
	"celigo-rate-limit": {concat(repeat(acc, 5), []bool{ref}, repeat(acc, 5), []bool{ref}, repeat(acc, 5), []bool{ref}, repeat(acc, 5)), func(t *testing.T, tr *Trace) {
		assert.Equal(t, 429, requests(tr)[5].Response.Status)
		assert.True(t, tr.Walks[0].Complete)
	}},

	// Pages 1-100 pass, p=101 (10,100) and p=501 with limit 20 (10,020) do not.
	"flashduty-window-10000": {concat(repeat(acc, 100), []bool{ref, ref}), func(t *testing.T, tr *Trace) {
		reqs := requests(tr)
		assert.Contains(t, reqs[100].Reason, "switch to cursor pagination")
		assert.Equal(t, int64(10000), reqs[99].Cost.Rows)
		assert.Equal(t, TotalReport{"capped", 1000, 12000}, reqs[0].Total)
	}},
	// 100 pages by number, p=101 refused, then 20 pages by cursor.
	"flashduty-switch-to-cursor": {concat(repeat(acc, 100), []bool{ref}, repeat(acc, 20)), func(t *testing.T, tr *Trace) {
		require.Len(t, tr.Walks, 1)
		assert.True(t, tr.Walks[0].Complete)
		assert.True(t, tr.Walks[0].Consistent)
		assert.Equal(t, int64(12000), tr.Walks[0].Distinct)
	}},
	// total says 1000 of 1,500: the client stops after 10 pages.
	"flashduty-capped-total": {repeat(acc, 10), func(t *testing.T, tr *Trace) {
		assert.Equal(t, TotalReport{"capped", 1000, 1500}, requests(tr)[0].Total)
		assert.True(t, requests(tr)[9].HasNext.Reported)
		assert.True(t, tr.Walks[0].Complete, "the client believes it is done")
		assert.Equal(t, int64(1000), tr.Walks[0].Distinct)
		assert.Equal(t, int64(500), tr.Walks[0].Missed.Count, "and never read 500")
	}},
	// 12,000 incidents, 100 a page, no window.
	"flashduty-cursor-walk": {repeat(acc, 120), func(t *testing.T, tr *Trace) {
		assert.True(t, tr.Walks[0].Consistent)
		ctx, _ := fieldOf(requests(tr)[0], "search_after_ctx")
		assert.True(t, isLowerHex24(ctx), ctx)
		_, ok := fieldOf(requests(tr)[119], "search_after_ctx")
		assert.False(t, ok)
	}},
}

func init() {
	// Challenges start failing their expect lines; the goal edits make them pass.
	for _, name := range []string{"challenge-export-while-arriving", "challenge-tiebreaker", "challenge-two-ci-jobs"} {
		presetWants[name] = presetWant{nil, func(t *testing.T, tr *Trace) {
			assert.Len(t, tr.Expectations, 2)
			assert.False(t, allMet(tr), "a challenge starts unsolved")
		}}
	}
}

func allMet(tr *Trace) bool {
	for _, x := range tr.Expectations {
		if !x.Met {
			return false
		}
	}
	return len(tr.Expectations) > 0
}

func TestChallengesCanBeSolved(t *testing.T) {
	edits := map[string][][2]string{
		"challenge-export-while-arriving": {{"profile offset", "profile cursor"}, {"GET /items?offset=0&limit=20", "GET /items?limit=20"}},
		"challenge-tiebreaker":            {{"sort created/25", "sort created/25, id"}},
		"challenge-two-ci-jobs":           {{"records 60\n", "records 60\n@ci1 header X-Pagination-Session-Id: a\n@ci2 header X-Pagination-Session-Id: b\n"}},
	}
	for name, es := range edits {
		p, ok := LookupPreset(name)
		require.True(t, ok, name)
		assert.NotEmpty(t, p.Challenge, name)
		text := p.Text
		for _, e := range es {
			require.Contains(t, text, e[0], name)
			text = strings.Replace(text, e[0], e[1], 1)
		}
		tr, err := RunText(text)
		require.NoError(t, err, name)
		assert.True(t, allMet(tr), "%s: %+v", name, tr.Expectations)
	}
}

func TestPresetsRunAsTheSeedsSay(t *testing.T) {
	for _, p := range Presets() {
		t.Run(p.Name, func(t *testing.T) {
			want, ok := presetWants[p.Name]
			require.True(t, ok, "no expectations for preset %s", p.Name)
			tr := runPreset(t, p)
			if want.accepted != nil {
				assert.Equal(t, want.accepted, accepted(tr))
			}
			if want.check != nil {
				want.check(t, tr)
			}
		})
	}
}

func TestEveryPresetFileIsListedWithItsHeader(t *testing.T) {
	// The text files, as read from disk (the js build compiles none in).
	files := ""
	for _, name := range []string{"presets.txt", "catalog_presets.txt"} {
		b, err := os.ReadFile(name)
		require.NoError(t, err)
		files += string(b)
	}
	assert.Len(t, Presets(), strings.Count(files, "\n=== "))
	assert.Len(t, presetWants, len(Presets()))
	names := map[string]bool{}
	for _, p := range Presets() {
		assert.False(t, names[p.Name], "preset %s twice", p.Name)
		names[p.Name] = true
	}
	for _, p := range Presets() {
		assert.NotEmpty(t, p.Title, p.Name)
		assert.NotEmpty(t, p.Notice, p.Name)
		assert.True(t, strings.HasPrefix(p.Text, "profile "), "%s: the scenario follows the header: %q", p.Name, p.Text[:min(40, len(p.Text))])
		for _, v := range []string{"Codefresh", "Celigo", "Flashduty"} {
			if strings.HasPrefix(p.Name, strings.ToLower(v)) {
				assert.Equal(t, v, p.Vendor, p.Name)
			}
		}
	}
}

func TestParsePresetHeader(t *testing.T) {
	p := parsePreset("x", "# title: A title\n# vendor: Celigo\n# notice: First line:\n#   second line.\n# question: Why?\n# try: This\n#   and that.\n# challenge: Pass.\n\nprofile celigo\n# a comment\nrecords 1\n")
	assert.Equal(t, Preset{Name: "x", Title: "A title", Vendor: "Celigo", Notice: "First line: second line.", Question: "Why?", Try: "This and that.", Challenge: "Pass.", Text: "profile celigo\n# a comment\nrecords 1\n"}, p)
}

// The page's list holds every preset and every profile: the build
// prerenders it natively, and the WASM runs them all.
func TestPresetsJSONListsEveryPreset(t *testing.T) {
	v, err := json.Parse(string(PresetsJSON()))
	require.NoError(t, err)
	require.Len(t, v.Items, len(Presets()))
	for i, it := range v.Items {
		name, _ := it.Get("name")
		assert.Equal(t, Presets()[i].Name, name.Str)
	}
	name, _ := v.Items[0].Get("name")
	assert.Equal(t, "offset-insert-drift", name.Str, "the generic lessons come first")

	profiles, err := json.Parse(string(ProfilesJSON()))
	require.NoError(t, err)
	require.Len(t, profiles.Items, len(Profiles()))
	for i, it := range profiles.Items {
		name, _ := it.Get("name")
		assert.Equal(t, Profiles()[i].Name, name.Str)
	}
}

// A preset shared as formatted text or as JSON runs the same way.
func TestPresetsRoundTripThroughFormatAndJSON(t *testing.T) {
	for _, p := range Presets() {
		s, err := Parse(p.Text)
		require.NoError(t, err, p.Name)
		want, err := Run(s)
		require.NoError(t, err, p.Name)
		again, err := Parse(formatScenario(s))
		require.NoError(t, err, p.Name)
		fromJSON, err := ScenarioFromJSON(s.JSON())
		require.NoError(t, err, p.Name)
		for _, other := range []*Scenario{again, fromJSON} {
			got, err := Run(other)
			require.NoError(t, err, p.Name)
			assert.Equal(t, accepted(want), accepted(got), p.Name)
			assert.Equal(t, want.Walks, got.Walks, p.Name)
		}
	}
}

// Every lesson carries a question for the room and a change to try.
func TestEveryPresetHasAQuestionAndATry(t *testing.T) {
	for _, p := range Presets() {
		assert.NotEmpty(t, strings.TrimSpace(p.Question), "%s: no # question:", p.Name)
		assert.NotEmpty(t, strings.TrimSpace(p.Try), "%s: no # try:", p.Name)
		for _, s := range []string{p.Question, p.Try} {
			for _, key := range []string{"title:", "vendor:", "notice:", "question:", "try:", "challenge:"} {
				assert.NotContains(t, s, "# "+key, "%s: a header line was folded into another field", p.Name)
			}
		}
	}
}

// Each preset's `# try:` is an edit of its scenario with a claimed outcome:
// the edit is applied here (old → new, in order) and the claim checked, so a
// lesson cannot promise what the simulator does not do.
func TestEveryTryDoesWhatItSays(t *testing.T) {
	type edit = [2]string
	w := func(tr *Trace, i int) WalkReport { return tr.Walks[i] }
	tries := map[string]struct {
		edits []edit
		check func(t *testing.T, tr *Trace)
	}{
		"offset-insert-drift": {[]edit{{"insert 3 ", "delete at 0 "}}, func(t *testing.T, tr *Trace) {
			assert.Equal(t, int64(0), w(tr, 0).Duplicates.Count)
			assert.Equal(t, []int64{80}, w(tr, 0).Missed.IDs)
		}},
		"offset-delete-miss": {[]edit{{"profile offset", "profile cursor"}, {"GET /items?offset=0&limit=10", "GET /items?limit=10"}}, func(t *testing.T, tr *Trace) {
			assert.True(t, w(tr, 0).Consistent)
			assert.Equal(t, int64(100), tr.Summary.Rows)
		}},
		"cursor-same-mutations": {[]edit{{"\nwalk", "\ndelete at 0..30\nwalk"}}, func(t *testing.T, tr *Trace) {
			assert.Contains(t, w(tr, 0).Deleted.IDs, int64(81))
			assert.Equal(t, int64(71), requests(tr)[2].Records()[0])
			assert.True(t, w(tr, 0).Consistent)
			assert.True(t, w(tr, 0).Complete)
		}},
		"missing-tiebreaker": {[]edit{{"sort created/25", "sort created/25, id"}}, func(t *testing.T, tr *Trace) {
			assert.True(t, w(tr, 0).Consistent)
			assert.Equal(t, int64(550), tr.Summary.Rows)
		}},
		"challenge-export-while-arriving": {[]edit{{"profile offset", "profile cursor"}, {"GET /items?offset=0&limit=20", "GET /items?limit=20"}}, func(t *testing.T, tr *Trace) {
			assert.True(t, allMet(tr))
			assert.Equal(t, int64(200), tr.Summary.Rows)
		}},
		"challenge-tiebreaker": {[]edit{{"sort created/25", "sort created/5"}}, func(t *testing.T, tr *Trace) {
			assert.Equal(t, int64(8), w(tr, 0).Duplicates.Count)
			assert.Equal(t, int64(8), w(tr, 0).Missed.Count)
			assert.False(t, allMet(tr))
		}},
		"challenge-two-ci-jobs": {[]edit{{"records 60\n", "records 60\n@ci1 header X-Pagination-Session-Id: wf1+step1\n@ci2 header X-Pagination-Session-Id: wf1+step2\n"}}, func(t *testing.T, tr *Trace) {
			assert.True(t, allMet(tr))
		}},
		"codefresh-legacy-any-order": {[]edit{{"profile codefresh-legacy", "profile codefresh"}}, func(t *testing.T, tr *Trace) {
			assert.Equal(t, []bool{ref, ref, ref, acc, ref, acc}, accepted(tr))
		}},
		"codefresh-jumps-refused": {[]edit{{"GET /workflow?page=5", "GET /workflow?page=1\nGET /workflow?page=5"}}, func(t *testing.T, tr *Trace) {
			assert.Equal(t, []bool{acc, ref, acc, ref, acc, ref, acc}, accepted(tr))
			assert.Contains(t, requests(tr)[1].Reason, "page 5 is a jump from page 1")
			assert.Contains(t, requests(tr)[3].Reason, "page 8 is a jump from page 2")
		}},
		"codefresh-pages-in-order": {[]edit{{"profile codefresh", "profile codefresh-legacy"}}, func(t *testing.T, tr *Trace) {
			assert.Equal(t, idsDown(55, 25), requests(tr)[2].Records())
			assert.Equal(t, []int64{51, 52, 53, 54, 55}, w(tr, 0).Duplicates.IDs)
			assert.True(t, requests(tr)[3].HasNext.Reported)
			assert.Equal(t, int64(250), tr.Summary.Rows)
		}},
		"codefresh-next-and-previous": {[]edit{{"GET /workflow?page=1\n", "GET /workflow?page=1\ninsert 5\n"}}, func(t *testing.T, tr *Trace) {
			reqs := requests(tr)
			assert.Equal(t, repeat(acc, 5), accepted(tr))
			assert.Equal(t, idsDown(105, 25), reqs[2].Records())
			assert.Equal(t, idsDown(80, 25), reqs[3].Records())
		}},
		"codefresh-back-to-page-1": {[]edit{{"GET /workflow?page=4", "GET /workflow?page=0"}}, func(t *testing.T, tr *Trace) {
			assert.Equal(t, repeat(acc, 5), accepted(tr))
			assert.Empty(t, requests(tr)[3].Records())
		}},
		"codefresh-shared-cursor": {[]edit{{"records 200\n", "records 200\n@alice header X-Pagination-Session-Id: alice\n@bob header X-Pagination-Session-Id: bob\n"}}, func(t *testing.T, tr *Trace) {
			assert.Equal(t, repeat(acc, 7), accepted(tr))
			assert.Equal(t, int64(0), w(tr, 0).Duplicates.Count)
		}},
		"codefresh-session-ids": {[]edit{{"64f0c2a1e5+step-build", "alice-report"}}, func(t *testing.T, tr *Trace) {
			assert.Equal(t, []bool{acc, acc, acc, acc, acc, acc, ref}, accepted(tr))
			assert.Equal(t, int64(5), w(tr, 0).Duplicates.Count)
		}},
		"codefresh-new-builds": {[]edit{{"insert 30 ", "insert 60 "}, {"GET /workflow?page=-1", "GET /workflow?page=-1\nGET /workflow?page=-2"}}, func(t *testing.T, tr *Trace) {
			reqs := requests(tr)
			assert.Equal(t, idsDown(125, 25), reqs[3].Records())
			assert.Equal(t, idsDown(150, 25), reqs[4].Records())
			assert.Equal(t, idsDown(160, 10), reqs[5].Records())
			assert.Equal(t, int64(60), w(tr, 1).InsertedSeen)
		}},
		"codefresh-legacy-drift": {[]edit{{"profile codefresh-legacy", "profile codefresh"}}, func(t *testing.T, tr *Trace) {
			assert.Equal(t, 4, w(tr, 0).Requests)
			assert.True(t, w(tr, 0).Consistent)
			assert.Equal(t, int64(100), w(tr, 0).Rows)
		}},
		"celigo-link-walk-drift": {[]edit{{"profile celigo", "profile celigo-migrated"}}, func(t *testing.T, tr *Trace) {
			assert.Equal(t, 3, w(tr, 0).Requests)
			assert.True(t, w(tr, 0).Consistent)
			assert.Equal(t, int64(300), w(tr, 0).Rows)
		}},
		"celigo-cli-cap": {[]edit{{"walk cap 50", "GET /v1/integrations?limit=1000\nwalk cap 50"}}, func(t *testing.T, tr *Trace) {
			assert.Empty(t, tr.Summary.Errors)
			assert.True(t, w(tr, 0).Complete)
			assert.Equal(t, 6, w(tr, 0).Requests)
			assert.Equal(t, int64(20100), w(tr, 0).Rows)
		}},
		"celigo-errors-walk": {[]edit{{"insert 3 ", "insert 3 at 250 "}}, func(t *testing.T, tr *Trace) {
			assert.Equal(t, int64(3), w(tr, 0).InsertedSeen)
			assert.True(t, w(tr, 0).Consistent)
			assert.Len(t, requests(tr)[4].Records(), 40)
		}},
		"celigo-parallel-workers": {[]edit{
			{"@w1 GET /v1/integrations?skip=0&limit=10", "@w1 GET /v1/integrations?limit=10"},
			{"@w2 GET /v1/integrations?skip=10&limit=10", "@w1 next"},
			{"@w1 GET /v1/integrations?skip=20&limit=10", "@w1 next"},
			{"@w2 GET /v1/integrations?skip=30&limit=10", "@w1 next"},
			{"@w1 GET /v1/integrations?skip=40&limit=10", "@w1 next"},
			{"@w2 GET /v1/integrations?skip=50&limit=10", "@w1 next\n@w1 walk"},
		}, func(t *testing.T, tr *Trace) {
			require.Len(t, tr.Walks, 1)
			assert.True(t, w(tr, 0).Complete)
			assert.Equal(t, []int64{21, 22, 23, 41}, w(tr, 0).Duplicates.IDs)
			assert.Equal(t, []int64{35}, w(tr, 0).Missed.IDs)
		}},
		"celigo-time-window-export": {[]edit{{"createdBefore=1001", "createdBefore=1050"}}, func(t *testing.T, tr *Trace) {
			assert.True(t, w(tr, 0).Consistent)
			assert.Equal(t, int64(50), w(tr, 0).InsertedSeen)
		}},
		"celigo-migrated-links": {[]edit{{"next\n# page 1's next link", "# page 1's next link"}, {"&limit=100\n# skip", "&limit=100\nnext\n# skip"}}, func(t *testing.T, tr *Trace) {
			assert.True(t, accepted(tr)[1])
			assert.Equal(t, idsDown(150, 100), requests(tr)[1].Records())
		}},
		"celigo-rate-limit": {[]edit{{"limit=100", "limit=1000"}}, func(t *testing.T, tr *Trace) {
			assert.Equal(t, repeat(acc, 2), accepted(tr))
			assert.Equal(t, int64(3000), tr.Summary.Rows)
		}},
		"flashduty-window-10000": {[]edit{{`{"p":1,"limit":100}`, `{"p":1,"limit":50}`}}, func(t *testing.T, tr *Trace) {
			assert.Equal(t, concat(repeat(acc, 200), []bool{ref, ref}), accepted(tr))
			assert.Contains(t, requests(tr)[200].Reason, "201 × 50 = 10050")
			assert.Equal(t, int64(10000), w(tr, 0).Distinct)
			assert.Equal(t, int64(1005000), tr.Summary.Rows)
		}},
		"flashduty-switch-to-cursor": {[]edit{{`0293","limit":100}`, `0293","limit":50}`}}, func(t *testing.T, tr *Trace) {
			reqs := requests(tr)
			assert.Len(t, reqs, 141)
			assert.Equal(t, idsDown(2000, 50), reqs[101].Records())
			assert.Equal(t, int64(50), reqs[140].Cost.Rows)
			assert.True(t, w(tr, 0).Consistent)
			assert.Equal(t, int64(12000), w(tr, 0).Distinct)
		}},
		"flashduty-capped-total": {[]edit{{"records 1_500", "records 1_001"}}, func(t *testing.T, tr *Trace) {
			assert.Equal(t, TotalReport{"capped", 1000, 1001}, requests(tr)[9].Total)
			assert.True(t, w(tr, 0).Complete)
			assert.Equal(t, int64(1000), w(tr, 0).Distinct)
			assert.Equal(t, int64(1), w(tr, 0).Missed.Count, "one record past the cap is never read")
		}},
		"flashduty-cursor-walk": {[]edit{{"profile flashduty-cursor", "profile flashduty"}, {`{"limit":100}`, `{"p":1,"limit":100}`}}, func(t *testing.T, tr *Trace) {
			assert.Equal(t, int64(10), w(tr, 0).Duplicates.Count)
			assert.False(t, accepted(tr)[100])
			assert.Equal(t, int64(505000), tr.Summary.Rows)
		}},
	}
	for name, try := range catalogTries { // the catalogue's, from catalog_test.go
		tries[name] = struct {
			edits []edit
			check func(t *testing.T, tr *Trace)
		}{try.edits, try.check}
	}
	assert.Len(t, tries, len(Presets()), "a checked try per preset")
	for _, p := range Presets() {
		t.Run(p.Name, func(t *testing.T) {
			try, ok := tries[p.Name]
			require.True(t, ok, "no check of the try of %s", p.Name)
			text := p.Text
			for _, e := range try.edits {
				require.Contains(t, text, e[0])
				text = strings.Replace(text, e[0], e[1], 1)
			}
			assert.Empty(t, Check(text))
			tr, err := RunText(text)
			require.NoError(t, err)
			try.check(t, tr)
		})
	}
}
