package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"pagingplayground/sim"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to create it")
	assert.Equal(t, string(want), got)
}

// handTrace is a trace built by hand with a row of every kind the table
// prints: accepted and refused requests, totals exact, capped and absent, a
// has-next that lied, a keyset seek, mutations, a stream insert with no line,
// a client note, complete and stopped walks, and a client-side error.
func handTrace() *sim.Trace {
	t := &sim.Trace{
		Profile: "codefresh",
		Vendor:  "Codefresh",
		Setup: sim.TraceSetup{
			Records: 1000, Order: "newest-first", Sort: "created, id", Seed: 7,
			Options: []sim.Option{{Name: "limit", Value: "20"}, {Name: "over-max", Value: "refuse"}},
			Rules: []sim.RuleNote{
				{Text: "Allowed moves from page c: c+1, c-1, and 1.", Source: "Codefresh doc"},
				{Text: "A session's first request may only be page=1.", Interpretation: true},
				{Text: "A refused request answers 400.", Source: "Codefresh doc", Interpretation: true},
				{Text: "Cost: limit rows after an index seek."},
			},
		},
		Steps: []sim.TraceStep{
			{Index: 0, Line: 3, Kind: "request", Client: "default", Source: "GET /workflow?page=1",
				Response: &sim.TraceResponse{Status: 200}, Accepted: true,
				Total:   sim.TotalReport{Kind: "exact", Reported: 1000, True: 1000},
				HasNext: sim.NextReport{Kind: "flag", Reported: true, True: true},
				Cost:    sim.Cost{Rows: 20, Seek: true, WalkRows: 20}, Walk: 0, Page: 1},
			{Index: 1, Line: 4, Kind: "request", Client: "bob", Source: "@bob GET /workflow?page=4",
				Response: &sim.TraceResponse{Status: 400}, Reason: "page 4 is a jump from page 1: the cursor can only go to page 2, page 0, or back to page 1",
				Interp: "the doc says only \"invalid\"; the simulator answers 400",
				Total:  sim.TotalReport{Kind: "absent", True: 1000}, HasNext: sim.NextReport{Kind: "none"}, Walk: -1},
			{Index: 2, Line: 5, Kind: "insert", Source: "insert 3", Size: 1003, Text: "inserted 3 records at the head: ids 1001–1003", At: 0, Count: 3, Walk: -1},
			{Index: 3, Line: 0, Kind: "insert", Source: "stream 1 every 3", Size: 1004, Text: "the stream inserted 1 record at the head: id 1004", At: 0, Count: 1, Walk: -1},
			{Index: 4, Line: 6, Kind: "request", Client: "default", Source: "POST /incident/list {\"p\": 51, \"limit\": 20, \"query\": \"a very long body indeed\"}",
				Response: &sim.TraceResponse{Status: 200}, Accepted: true,
				Total:   sim.TotalReport{Kind: "capped", Reported: 1000, True: 1437},
				HasNext: sim.NextReport{Kind: "flag", Reported: false, True: true},
				Cost:    sim.Cost{Rows: 1020, WalkRows: 1040}, Walk: 0, Page: 2},
			{Index: 5, Line: 7, Kind: "client", Client: "default", Source: "walk cap 2", Size: 1004,
				Text: "the walk needed more than 2 pages: a client with this cap errors out here", Walk: -1},
		},
		Walks: []sim.WalkReport{
			{Client: "default", Steps: []int{0, 4}, Complete: false, Stopped: "the cap of 2 pages was reached",
				Seen: 4, Distinct: 4, Duplicates: sim.IDSet{}, Missed: sim.IDSet{Count: 40, IDs: []int64{980, 979, 978, 977}},
				Inserted: sim.IDSet{Count: 4, IDs: []int64{1001, 1002, 1003, 1004}}, InsertedSeen: 0,
				Rows: 1040, Requests: 2, Verdict: "Inconsistent: 40 records skipped."},
			{Client: "bob", Steps: nil, Complete: true, Duplicates: sim.IDSet{Count: 1, IDs: []int64{5}},
				Deleted: sim.IDSet{Count: 2, IDs: []int64{8, 9}}, DeletedSeen: 1, Rows: 0, Requests: 0,
				Verdict: "Inconsistent: 1 record returned twice."},
		},
		Summary: sim.Summary{Requests: 3, Accepted: 2, Refused: 1, Walks: 2, Consistent: 0, Rows: 1040, FinalSize: 1004,
			Errors: []string{"line 7: the walk needed more than 2 pages"}},
	}
	t.Steps[0].SetRecords([]int64{1000, 999, 981})
	t.Steps[4].SetRecords([]int64{7})
	return t
}

func TestTableGolden(t *testing.T) {
	var b bytes.Buffer
	writeTrace(&b, handTrace(), tableOpts{width: 130})
	golden(t, "table.golden", b.String())

	// Narrower than the table needs: a block a step.
	b.Reset()
	writeTrace(&b, handTrace(), tableOpts{width: 80, quiet: true})
	golden(t, "blocks.golden", b.String())
}

// The table fits the width it is given: no line is longer, except where one
// word cannot be split. The step column gives way first; a refusal's long
// reason goes to a note that the row refers to; narrower than the table
// needs, each step is a block.
func TestTableFitsWidth(t *testing.T) {
	for _, width := range []int{60, 80, 100, 160} {
		var b bytes.Buffer
		writeTrace(&b, handTrace(), tableOpts{width: width})
		for _, l := range strings.Split(b.String(), "\n") {
			if n := utf8.RuneCountInString(l); n > width {
				assert.NotContains(t, strings.TrimSpace(l), " ", "width %d: a line of %d characters that could wrap: %q", width, n, l)
			}
		}
	}
}

// Steps are numbered from 1, as the page numbers them.
func TestStepsNumberedFromOne(t *testing.T) {
	code, out, _ := runArgs("profile offset limit=3\nrecords 10\nGET /items?limit=3\nnext\n", "run", "-q", "-")
	require.Equal(t, 0, code)
	assert.Regexp(t, `(?m)^1 +3 +GET /items\?limit=3 `, out)
	assert.Regexp(t, `(?m)^2 +4 +next `, out)
	assert.NotRegexp(t, `(?m)^0 `, out)
}

// A note that many rows share is printed once, with the steps it belongs
// to; the rows refer to it by number.
func TestRepeatedNotesPrintedOnce(t *testing.T) {
	code, out, _ := runArgs("", "run", "-q", "-width", "1000", "--preset", "flashduty-capped-total")
	require.Equal(t, 0, code)
	assert.Equal(t, 1, strings.Count(out, "has_next_page, not total, says whether a next page exists"), out)
	assert.Contains(t, out, "[1] steps 1–10: total says 1000")
	assert.Equal(t, 10, strings.Count(out, "accepted [1]"), out)
}

// -q leaves out the profile's rules, and only them.
func TestQuiet(t *testing.T) {
	_, loud, _ := runArgs("", "run", "--preset", "flashduty-capped-total")
	_, quiet, _ := runArgs("", "run", "-q", "--preset", "flashduty-capped-total")
	assert.Contains(t, loud, "  - PAGE * LIMIT must be <= 10000")
	assert.NotContains(t, quiet, "  - ")
	assert.Contains(t, quiet, "profile flashduty (Flashduty); records 1,500")
	assert.Contains(t, quiet, "10 requests: 10 accepted")
}

// The JSON is for people and programs, not for inlining into HTML: an &
// in a URL stays an &.
func TestJSONKeepsAmpersands(t *testing.T) {
	code, out, _ := runArgs(offsetScenario, "run", "-json", "-")
	require.Equal(t, 0, code)
	assert.Contains(t, out, `"GET /items?offset=0&limit=3"`)
	assert.NotContains(t, out, `\u0026`)
}

func TestGroup(t *testing.T) {
	for n, want := range map[int64]string{0: "0", 999: "999", 1000: "1,000", 10101: "10,101", 1000000: "1,000,000", -1234: "-1,234"} {
		assert.Equal(t, want, group(n))
	}
}

func TestCellTexts(t *testing.T) {
	step := func(ids ...int64) *sim.TraceStep {
		s := &sim.TraceStep{}
		s.SetRecords(ids)
		return s
	}
	assert.Equal(t, "none", recordsText(step()))
	assert.Equal(t, "7 (1)", recordsText(step(7)))
	assert.Equal(t, "9..7 (3)", recordsText(step(9, 8, 7)))
	assert.Equal(t, "9..1 (4)", recordsText(step(9, 8, 7, 1)))
	assert.Equal(t, "10/10", totalText(sim.TotalReport{Kind: "exact", Reported: 10, True: 10}))
	assert.Equal(t, "1,000/1,437 capped", totalText(sim.TotalReport{Kind: "capped", Reported: 1000, True: 1437}))
	assert.Equal(t, "-/437", totalText(sim.TotalReport{Kind: "absent", True: 437}))
	assert.Equal(t, "yes", nextText(sim.NextReport{Kind: "flag", Reported: true, True: true}))
	assert.Equal(t, "no (wrong)", nextText(sim.NextReport{Kind: "link", Reported: false, True: true}))
	assert.Equal(t, "-", nextText(sim.NextReport{Kind: "none"}))
	assert.Equal(t, "0", idSetText(sim.IDSet{}))
	assert.Equal(t, "2: 8 9", idSetText(sim.IDSet{Count: 2, IDs: []int64{8, 9}}))
	assert.Equal(t, "5: 1 2 3 …", idSetText(sim.IDSet{Count: 5, IDs: []int64{1, 2, 3, 4, 5}}))
	assert.Equal(t, "abcd…", cut("abcdefgh", 5))
	assert.Equal(t, "éé", cut("éé", 2), "cut counts characters")
}

// runArgs runs the command and returns its exit status and outputs.
func runArgs(stdin string, args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := pagesim(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

func writeScenario(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "lesson.scenario")
	require.NoError(t, os.WriteFile(path, []byte(text), 0o644))
	return path
}

const offsetScenario = "profile offset limit=3\nrecords 10\nGET /items?offset=0&limit=3\ninsert 2\nwalk\n"

func TestRun(t *testing.T) {
	path := writeScenario(t, offsetScenario)
	code, out, errOut := runArgs("", "run", path)
	assert.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "profile offset (generic model); records 10; order newest-first")
	assert.Contains(t, out, "WALK  CLIENT")

	// Standard input, and flags after the file.
	code, out, errOut = runArgs(offsetScenario, "run", "-", "-json")
	assert.Equal(t, 0, code, errOut)
	assert.True(t, json.Valid([]byte(out)), out)
	want, err := sim.RunText(offsetScenario)
	require.NoError(t, err)
	assert.Equal(t, string(want.JSON())+"\n", out)

	code, out, _ = runArgs("", "run", "--json", path)
	assert.Equal(t, 0, code)
	assert.Equal(t, string(want.JSON())+"\n", out)
}

func TestRunShowsExpectations(t *testing.T) {
	code, out, errOut := runArgs("profile offset\nrecords 30\nGET /items?limit=10\ninsert 1\nwalk\nexpect consistent\nexpect requests <= 4\n", "run", "-")
	assert.Equal(t, 0, code, errOut, "an unmet expectation is a result, not a failure")
	assert.Regexp(t, `(?m)^NOT MET  expect consistent: `, out)
	assert.Regexp(t, `(?m)^met      expect requests <= 4: `, out)
}

func TestRunRefusedIsAResult(t *testing.T) {
	// A request the server refuses is a result to show, not a failure.
	code, out, errOut := runArgs("profile offset max-limit=5 over-max=refuse\nrecords 10\nGET /items?limit=50\n", "run", "-")
	assert.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "refused")
}

func TestRunMalformed(t *testing.T) {
	path := writeScenario(t, "records 10\nnxt\nwalk max x\n")
	code, out, errOut := runArgs("", "run", path)
	assert.Equal(t, 1, code)
	assert.Empty(t, out)
	assert.Equal(t, path+":2:1: unknown step `nxt`; did you mean `next`?\n"+
		path+":3:10: expected a number of pages, got `x`\n", errOut)

	// Validation problems too: an unknown profile, at its name (after `profile `).
	code, _, errOut = runArgs("profile ofset\n", "run", "-")
	assert.Equal(t, 1, code)
	assert.True(t, strings.HasPrefix(errOut, "<stdin>:1:9: unknown profile `ofset`; did you mean `offset`?"), errOut)
}

// Warnings do not stop a run: they go to standard error as
// FILE:LINE:COL: warning: ..., and the trace is printed.
func TestRunPrintsWarnings(t *testing.T) {
	path := writeScenario(t, "records 10\nGET /items?ofset=5\n")
	code, out, errOut := runArgs("", "run", path)
	assert.Equal(t, 0, code)
	assert.NotEmpty(t, out)
	assert.Equal(t, path+":2:12: warning: offset does not read `ofset`: the server ignores it; did you mean `offset`?\n", errOut)
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		nil,
		{"fly"},
		{"run"},
		{"run", "a", "b"},
		{"run", "-nope", "a"},
		{"run", "--preset", "no-such-preset"},
		{"run", "--preset", "x", "file"},
		{"run", filepath.Join(t.TempDir(), "missing.scenario")},
		{"profiles", "extra"},
	} {
		code, out, errOut := runArgs("", args...)
		assert.Equal(t, 2, code, "%q", args)
		assert.Empty(t, out, "%q", args)
		assert.NotEmpty(t, errOut, "%q", args)
	}
	code, out, _ := runArgs("", "help")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "pagesim run")
}

func TestPreset(t *testing.T) {
	presets := sim.Presets()
	if len(presets) == 0 {
		t.Skip("no presets yet")
	}
	for _, p := range presets {
		code, out, errOut := runArgs("", "run", "--preset", p.Name)
		assert.Equal(t, 0, code, "preset %s: %s", p.Name, errOut)
		assert.NotEmpty(t, out)
	}
	code, out, _ := runArgs("", "presets")
	assert.Equal(t, 0, code)
	assert.Equal(t, len(presets), strings.Count(out, "\n"))
	assert.Contains(t, out, presets[0].Name)
}

// profiles lists every profile with its summary and every option it takes,
// with its default and its values, as the README says.
func TestProfiles(t *testing.T) {
	code, out, _ := runArgs("", "profiles", "-width", "1000")
	assert.Equal(t, 0, code)
	blocks := strings.Split(strings.TrimSuffix(out, "\n"), "\n\n")
	require.Len(t, blocks, len(sim.Profiles()))
	for i, p := range sim.Profiles() {
		lines := strings.Split(blocks[i], "\n")
		assert.True(t, strings.HasPrefix(lines[0], p.Name+" ("), lines[0])
		assert.Contains(t, lines[0], p.Summary)
		require.Len(t, lines, 1+len(p.Options), blocks[i])
		for j, o := range p.Options {
			assert.True(t, strings.HasPrefix(lines[1+j], "    "+o.Name+"="+o.Default+" "), lines[1+j])
			assert.Contains(t, lines[1+j], o.Help)
		}
	}
	assert.Contains(t, out, "    over-max=clamp  a page size above the maximum: clamp it or refuse the request (400) (clamp or refuse)")
	assert.Contains(t, out, "(1 to 10,000)")
}

func TestWalkTextNamesPagesOnlyForPages(t *testing.T) {
	assert.Equal(t, "-", walkText(-1, 0))
	assert.Equal(t, "w2 p3", walkText(1, 3))
	assert.Equal(t, "w2", walkText(1, 0), "a refusal inside walk 2 is on no page of it")
}

// The JSON form is read by `pagesim run` (a file whose first character is
// `{`): the same run as the text, problems and warnings pointing into the
// JSON with the member they are about.
func TestRunReadsTheJSONForm(t *testing.T) {
	text := "profile offset\nrecords 30\n\nGET /items?ofset=3\nwalk\n"
	js := `{"profile":"offset","records":30,"steps":[{"request":"GET /items?ofset=3"},{"walk":true}]}`
	codeT, outT, _ := runArgs(text, "run", "-json", "-")
	codeJ, outJ, errJ := runArgs("\n  "+js, "run", "-json", "-")
	require.Equal(t, 0, codeT)
	require.Equal(t, 0, codeJ, errJ)
	var a, b map[string]any
	require.NoError(t, json.Unmarshal([]byte(outT), &a))
	require.NoError(t, json.Unmarshal([]byte(outJ), &b))
	for _, m := range []map[string]any{a, b} {
		delete(m, "warnings")
		for _, st := range m["steps"].([]any) {
			delete(st.(map[string]any), "line") // the JSON form has no lines
		}
	}
	assert.Equal(t, a, b, "the JSON form runs as its text does")
	assert.Equal(t, "<stdin>:2:45: warning: steps[0]: offset does not read `ofset`: the server ignores it; did you mean `offset`?\n", errJ)

	code, _, errOut := runArgs(`{"profile":"offset","steps":[{"walk":{"max":"x"}}]}`, "run", "-")
	assert.Equal(t, 1, code)
	assert.Equal(t, "<stdin>:1:45: steps[0].walk.max: expected a whole number, got \"x\"\n", errOut)
}
