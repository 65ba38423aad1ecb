package e2e

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Issue 8's typo scenarios, typed as a new user types them: each runs (the
// server ignores what it does not read, or answers 404 or 405 as the real
// API would) and the editor lists a warning at its line and column, with a
// did-you-mean where a name is close. The messages are those the CLI prints
// (sim's TestTyposAreWarnings, cmd/pagesim's TestRunPrintsWarnings).
func TestTyposWarnInTheEditor(t *testing.T) {
	ctx := tab(t)
	open(t, ctx, "")
	for i, c := range []struct {
		text string
		want []string // each warning, "line:col message"
	}{
		{"profile offset\nrecords 50\nGET /items?ofset=20&limt=10\n", []string{
			"3:12 offset does not read `ofset`: the server ignores it; did you mean `offset`?",
			"3:21 offset does not read `limt`: the server ignores it; did you mean `limit`?",
		}},
		{"profile offset\nrecords 50\nGET /itms?page=2\n", []string{
			"3:5 offset serves /items, not `/itms`; did you mean `/items`? (the server answers 404)",
			"3:11 offset does not read `page`: the server ignores it (it reads offset, limit)",
		}},
		{"profile offset\nrecords 50\nPOST /items {\"offset\": 10}\n", []string{
			"3:1 offset lists with GET, not POST (the server answers 405)",
			"3:13 offset reads no request body: the server ignores it (it reads the query string: offset, limit)",
		}},
		{"profile cursor\nrecords 50\nGET /items?page=tok_abc\n", []string{
			"3:12 cursor does not read `page`: the server ignores it (it reads limit, after, before)",
		}},
	} {
		typeScenario(t, ctx, c.text)
		assert.Equal(t, "ok", waitShown(t, ctx), "warnings do not stop the run: %q", c.text)
		shown := texts(t, ctx, "#diagnostics li.warning")
		require.Len(t, shown, len(c.want), "%q: %v", c.text, shown)
		for j, w := range c.want {
			at, msg, _ := strings.Cut(w, " ")
			assert.Equal(t, "warning "+at+" "+msg+fixLabel(msg), shown[j])
		}
		assert.Len(t, texts(t, ctx, ".cm-lintRange-warning"), len(c.want), "each warning underlined: %q", c.text)
		assert.Len(t, texts(t, ctx, "#steps tr.step"), 1, "the request ran: %q", c.text)
		if i == 0 {
			screenshot(t, ctx, "typo-warnings", false)
		}
	}

	// The did-you-mean is a one-click fix: using it reads the parameter.
	typeScenario(t, ctx, "profile offset\nrecords 50\nGET /items?ofset=20\n")
	require.NoError(t, chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#diagnostics .diag-fix"))))
	waitShown(t, ctx)
	assert.Empty(t, texts(t, ctx, "#diagnostics li"))
	assert.Contains(t, texts(t, ctx, "#steps tr.step")[0], "GET /items?offset=20")

	// An embed lists them under its editor too.
	runEmbed(t, ctx, "typos", "profile cursor\nrecords 50\nGET /items?page=tok_abc\n")
	assert.Equal(t, []string{"3:12: warning: cursor does not read `page`: the server ignores it (it reads limit, after, before)"},
		eval[[]string](t, ctx, `Array.from(document.getElementById('typos').shadowRoot.querySelectorAll('.diagnostics li'), li => li.textContent)`))
}

// fixLabel is the text of the one-click fix's button the editor shows
// after a warning that suggests a name.
func fixLabel(msg string) string {
	if m := didYouMean.FindStringSubmatch(msg); m != nil {
		return " Use “" + m[1] + "”"
	}
	return ""
}

var didYouMean = regexp.MustCompile("did you mean `([^`]*)`")

// A declaration's mistakes are listed like every other scenario problem, at
// their line and column with a one-click did-you-mean, and contradictory
// knobs are refused with the reason (sim's TestDeclaredContractDiagnostics
// has the messages).
func TestDeclaredContractProblemsInTheEditor(t *testing.T) {
	ctx := tab(t)
	open(t, ctx, "")
	// The knobs come last: the editor keeps their indent on the next line.
	typeScenario(t, ctx, "records 25\ncontract cursor\n  pth /v1/customers\n  limit.over-max clmp")
	assert.Equal(t, "problems", waitShown(t, ctx))
	shown := texts(t, ctx, "#diagnostics li")
	require.Len(t, shown, 2, "%v", shown)
	assert.Equal(t, "error 3:3 unknown contract knob `pth`; did you mean `path`? Use “path”", shown[0])
	// (the column depends on the indent the editor added as it was typed)
	assert.Regexp(t, "^error 4:[0-9]+ limit.over-max: expected `clamp`, `refuse` or `default`, got `clmp`; did you mean `clamp`\\? Use “clamp”$", shown[1])
	require.NoError(t, chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#diagnostics .diag-fix"))))
	waitShown(t, ctx)
	require.NoError(t, chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#diagnostics .diag-fix"))))
	assert.Equal(t, "ok", waitShown(t, ctx), "both fixed: %v", texts(t, ctx, "#diagnostics li"))

	// A contradiction is at the knob that makes it (after, line 3, typed
	// right under the unindented contract line: column 3), and the editor
	// underlines that knob, not the base.
	typeScenario(t, ctx, "records 25\ncontract offset\n  after starting_after")
	assert.Equal(t, "problems", waitShown(t, ctx))
	assert.Equal(t, []string{"error 3:3 contradictory contract: cursor knobs (after, before, next.cursor, prev.cursor) need the base `cursor` or `id`, not `offset`"},
		texts(t, ctx, "#diagnostics li"))
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](`[...document.querySelectorAll('.cm-lintRange-error')].map(e => e.textContent).join('') === 'after'`,
		chromedp.WithPollingTimeout(15*time.Second), chromedp.WithPollingInterval(20*time.Millisecond)))
	require.NoError(t, err, "underlined: %q", texts(t, ctx, ".cm-lintRange-error"))
}
