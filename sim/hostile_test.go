package sim

import (
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The hostile-input suite: text anyone can type or link, built to make the
// parser, the JSON reader or a run do as much work as the language allows.
// Each case must end with a clear result (a trace, or a list of problems),
// use less than hostileCPU of CPU time (natively; each takes well under 2 s,
// and before the fixes they took from 16 s to forever, or died out of
// memory), end within hostileWall whatever the load on the machine or in
// WASM under Node, and allocate less than hostileAlloc bytes in all, which
// bounds the peak from above.
const (
	hostileCPU   = 10 * time.Second
	hostileWall  = 3 * time.Minute
	hostileAlloc = 1 << 30
)

// hostile runs fn under the bounds.
func hostile(t *testing.T, fn func()) {
	t.Helper()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	done := make(chan struct{})
	start := time.Now()
	cpu0, _ := cpuTime()
	go func() {
		defer close(done)
		fn()
	}()
	select {
	case <-done:
	case <-time.After(hostileWall):
		t.Fatalf("still running after %v", hostileWall)
	}
	cpu1, measured := cpuTime()
	runtime.ReadMemStats(&after)
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("%v wall, %v CPU, %d MB allocated", time.Since(start).Round(time.Millisecond), (cpu1 - cpu0).Round(time.Millisecond), alloc>>20)
	assert.Less(t, alloc, uint64(hostileAlloc), "allocated in all")
	if measured {
		assert.Less(t, cpu1-cpu0, hostileCPU, "CPU time")
	}
}

// problems parses text and returns its problems as the editor gets them.
func problems(t *testing.T, text string) []Diagnostic {
	t.Helper()
	var d []Diagnostic
	hostile(t, func() { d = Check(text) })
	require.NotEmpty(t, d)
	assert.LessOrEqual(t, len(d), maxDiagnostics+1)
	return d
}

// jsonProblems reads a JSON form and returns its problems.
func jsonProblems(t *testing.T, data string) []Diagnostic {
	t.Helper()
	var err error
	hostile(t, func() { _, err = ScenarioFromJSON([]byte(data)) })
	var pe *ParseError
	require.ErrorAs(t, err, &pe)
	assert.LessOrEqual(t, len(pe.Diags), maxDiagnostics+1)
	return pe.Diags
}

func TestHostileJSON(t *testing.T) {
	t.Run("nested a million deep", func(t *testing.T) {
		d := jsonProblems(t, strings.Repeat("[", 1<<20)+strings.Repeat("]", 1<<20))
		assert.Contains(t, d[0].Message, "malformed JSON")
	})
	t.Run("200k bad steps", func(t *testing.T) {
		d := jsonProblems(t, `{"steps":[`+strings.Repeat(`{"nxt":1},`, 200_000)+`{"next":true}]}`)
		assert.Contains(t, d[100].Message, "and 199900 more problems")
	})
	t.Run("100k steps too many", func(t *testing.T) {
		var err error
		hostile(t, func() {
			var s *Scenario
			if s, err = ScenarioFromJSON([]byte(`{"steps":[` + strings.Repeat(`{"next":true},`, maxSteps) + `{"next":true}]}`)); err == nil {
				err = s.Validate()
			}
		})
		require.Error(t, err)
		assert.Contains(t, err.Error(), "a scenario has at most 100_000 steps")
	})
	t.Run("controls and invalid UTF-8 in strings", func(t *testing.T) {
		d := jsonProblems(t, `{"steps":[{"request":"GET /x\u0000\u001b","headers":[["X-A","\u007f"]]},{"header":["X","`+"ÿþ"+`"]}]}`)
		for _, x := range d {
			assert.Equal(t, x.Message, displayText(x.Message), "shown escaped")
		}
	})
}

func TestHostileParser(t *testing.T) {
	t.Run("one line with 128k problems", func(t *testing.T) {
		// Each `x` is an option without a value: counting each one's column
		// from the start of the line, and sorting them by insertion, was
		// quadratic (64k of them took 16.5 s).
		d := problems(t, "profile offset"+strings.Repeat(" x", 128_000))
		assert.Equal(t, 1, d[0].Line)
		assert.Equal(t, 16, d[0].Col)
		assert.Equal(t, 16+2*99, d[99].Col)
		assert.Equal(t, "and 127900 more problems from here on, not listed: fix the first 100 to see them", d[100].Message)
	})
	t.Run("200k misspelt lines", func(t *testing.T) {
		d := problems(t, strings.Repeat("nxt\n", 200_000))
		assert.Equal(t, 100, d[99].Line)
		assert.Contains(t, d[100].Message, "and 199900 more problems")
	})
	t.Run("a contract of 200k paths and contradictions", func(t *testing.T) {
		// A contradiction is located by checking the contract after each
		// knob, and the snapshot checks read every path: quadratic without
		// a bound (20k paths took 1.3 s).
		d := problems(t, lines("contract offset\n  next.cursor x\n  snapshot pit\n  snapshot.open /p5\n", 200_000, func(i int) string { return "  path /p" + strconv.Itoa(i) }))
		assert.Len(t, d, 2)
		assert.Equal(t, 1, d[0].Line, "beyond locateKnobs, at the contract line")
	})
	t.Run("one enormous line", func(t *testing.T) {
		d := problems(t, "GET /"+strings.Repeat("a", 8<<20)+"?limit=x")
		assert.Equal(t, 1, d[0].Line)
	})
	t.Run("control characters and invalid UTF-8", func(t *testing.T) {
		var b strings.Builder
		for i := range 1 << 20 {
			b.WriteByte(byte(i*7919) ^ byte(i>>8))
		}
		problems(t, b.String())
	})
	t.Run("deeply nested body", func(t *testing.T) {
		d := problems(t, "POST /x "+strings.Repeat("[", 1<<20)+strings.Repeat("]", 1<<20))
		assert.Equal(t, 1, d[0].Line)
	})
}

// hostileRun runs text to its end or to a budget, encodes the trace as the
// page does, and checks what the trace holds against the budgets.
func hostileRun(t *testing.T, text string) *Trace {
	t.Helper()
	var tr *Trace
	var err error
	hostile(t, func() {
		tr, err = RunText(text)
		if err == nil {
			tr.JSON()
		}
	})
	require.NoError(t, err)
	ids := 0
	for _, st := range tr.Steps {
		ids += len(st.Records())
	}
	assert.LessOrEqual(t, ids, BudgetRecords)
	assert.LessOrEqual(t, len(tr.Steps), BudgetRows)
	t.Logf("%d steps, %d ids, stopped: %q at line %d", len(tr.Steps), ids, tr.Summary.Stopped, tr.Summary.StoppedLine)
	return tr
}

func lines(head string, n int, line func(i int) string) string {
	var b strings.Builder
	b.WriteString(head)
	for i := range n {
		b.WriteString(line(i))
		b.WriteByte('\n')
	}
	return b.String()
}

func TestHostileRuns(t *testing.T) {
	big := "profile offset limit=10000 max-limit=10000\n"
	for _, c := range []struct {
		name, text string
		stopped    string // the budget it stops at
		line       int
	}{
		// 59 bytes that kept 20,000 x 10,000 ids: 9 GB, then death.
		{"a billion records at 10,000 a page", big + "records 1b\nwalk\n", StoppedRecords, 3},
		{"the same with a cursor", "profile cursor limit=10000 max-limit=10000\nrecords 1b\nwalk\n", StoppedRecords, 3},
		{"a walk chasing a stream of 10,000 a tick", big + "records 1000\nstream 10000 every 1\nwalk\n", StoppedRecords, 4},
		{"10,000 clients walking a million", lines(big+"records 1m\n", 10_000, func(i int) string { return "@c" + itoa(int64(i)) + " walk" }), StoppedRecords, 4},
		{"50,000 inserts in a page, then a walk", lines(big+"records 1m\nGET /items?limit=10000\n", 50_000, func(int) string { return "insert 1 at 5000" }) + "walk\n", StoppedRecords, 50_004},
		// Copying the header list for each header was quadratic (17 s),
		// and each request carries all of them.
		{"10,000 sticky headers", lines("profile offset\nrecords 1m\n", 10_000, func(i int) string { return "header X-H" + itoa(int64(i)) + ": v" }) + "walk\n", StoppedText, 10_003},
		// Each walk open when records are deleted reads those deletions
		// when it closes: 50 s of reports at the end of the run.
		{"10,000 open walks and 50,000 deletions", lines("profile offset\nrecords 1m\n", 10_000, func(i int) string { return "@c" + itoa(int64(i)) + " GET /items?limit=1" }) +
			strings.Repeat("delete at 5\n", 50_000), StoppedWork, 10_502},
		{"a rate limit that remembers every request", "profile offset rate-limit=1000000 rate-window=1000000\nrecords 1m\nGET /items?limit=1\nwalk\n", StoppedWork, 4},
		{"100,000 updates", lines("profile offset\nrecords 1m\n", 99_999, func(i int) string { return "update id " + itoa(int64(i*7+1)) + " key " + itoa(int64(i*7919%1_000_000)) }), "", 0},
		{"99,999 inserts at scattered positions", lines("profile offset\nrecords 1m\nsort created/1000\n", 99_999, func(i int) string { return "insert 1 at " + itoa(int64(i*7919%1_000_000)) }), "", 0},
		{"a stream every tick through long waits", lines("profile offset\nrecords 10\nstream 1 every 1\n", 90_000, func(int) string { return "wait 1_000_000" }), StoppedWork, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			tr := hostileRun(t, c.text)
			assert.Equal(t, c.stopped, tr.Summary.Stopped)
			if c.line > 0 {
				assert.Equal(t, c.line, tr.Summary.StoppedLine)
			}
			if c.stopped != "" {
				require.NotEmpty(t, tr.Summary.Errors)
				assert.Contains(t, tr.Summary.Errors[len(tr.Summary.Errors)-1], "the run stopped at its")
			}
		})
	}
}

// Terminal and invisible characters from a scenario reach the trace's texts
// and the diagnostics escaped: an OSC title change, a screen clear, NUL, a
// BOM, U+202E and a lone CR came through raw to the terminal and the page.
func TestTextsFromAScenarioAreShownEscaped(t *testing.T) {
	assert.Equal(t, `a\x1b]0;PWN\x07\x1b[2J\0\ufeff\u202eb\rc\x7f\u009b\xff\t\n`, displayText("a\x1b]0;PWN\x07\x1b[2J\x00\ufeff\u202eb\rc\x7f\u009b\xff\t\n"))
	assert.Equal(t, "plain, é and \ufffd stay", displayText("plain, é and \ufffd stay"))
	assert.Equal(t, `\x1b`, displayText(displayText("\x1b")), "escaping twice changes nothing more")

	d := diags(t, "profile offset\n\x1b]0;PWN\x07 next\n")
	assert.Contains(t, d[0].Message, "`\\x1b]0;PWN\\x07`")

	tr, err := RunText("profile offset\nrecords 5\nGET /items?q=\u202eabc&limit=2\nheader X-B: a\u009bb\ufeff\nnext\n")
	require.NoError(t, err)
	assert.Equal(t, `GET /items?q=\u202eabc&limit=2`, tr.Steps[0].Source)
	assert.Equal(t, `default sends X-B: a\u009bb\ufeff from now on`, tr.Steps[1].Text)
	assert.Equal(t, "/items?q=\u202eabc&limit=2", tr.Steps[0].Request.URL, "what is sent stays as sent")
	for _, st := range tr.Steps {
		for _, s := range []string{st.Source, st.Text, st.Reason} {
			assert.Equal(t, s, displayText(s))
		}
	}
}
