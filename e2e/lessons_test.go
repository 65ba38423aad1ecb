package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"pagingplayground/sim"
)

func TestLessonProgressIsKept(t *testing.T) {
	ctx := tab(t)
	open(t, ctx, "#lesson=offset-insert-drift")
	lesson := eval[string](t, ctx, `document.getElementById('lesson').textContent`)
	assert.Contains(t, lesson, "Lesson 1 of")
	assert.Contains(t, lesson, "Question:")
	assert.Contains(t, lesson, "Show a change to try", "the change to try is there, hidden until asked")
	assert.False(t, eval[bool](t, ctx, `document.querySelector('#lesson .lesson-reveal').open`))
	assert.Contains(t, lesson, "0 of")
	require.NoError(t, chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#lesson button[aria-pressed]`))))
	assert.Contains(t, eval[string](t, ctx, `localStorage.getItem('pagesim.lessons.v1')`), `"offset-insert-drift":"done"`)
	// The next lesson, then a reload: progress stays.
	require.NoError(t, chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`Array.from(document.querySelectorAll('#lesson button')).find(b => b.textContent.includes('Next')).click()`)))
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById('lesson').textContent.includes('Lesson 2 of')`, chromedp.WithPollingTimeout(30*time.Second)))
	require.NoError(t, err)
	waitShown(t, ctx)
	assert.Contains(t, eval[string](t, ctx, `location.hash`), "lesson=offset-delete-miss")
	require.NoError(t, chromedp.Do(ctx, chromedp.Reload()))
	waitShown(t, ctx)
	assert.Contains(t, eval[string](t, ctx, `document.getElementById('lesson').textContent`), "1 of")
	screenshot(t, ctx, "lesson", false)
}

func TestChallengeFailsThenPasses(t *testing.T) {
	ctx := tab(t)
	viewport(t, ctx, 1400, 900, false, false)
	open(t, ctx, "#lesson=challenge-tiebreaker")
	p, ok := sim.LookupPreset("challenge-tiebreaker")
	require.True(t, ok)
	// The checks are asked of the simulator after the run: while they are
	// on their way the verdict says "Checking…" (and passed is false then too).
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](`(() => { const c = document.querySelector('#lesson .lesson-check'); return !!c && !c.classList.contains('pending'); })()`,
		chromedp.WithPollingTimeout(30*time.Second)))
	require.NoError(t, err, "the challenge is checked")
	assert.Equal(t, "false", eval[string](t, ctx, `document.querySelector('#lesson .lesson-check').dataset.passed`))
	assert.Contains(t, eval[string](t, ctx, `document.getElementById('lesson').textContent`), p.Challenge)
	assert.Equal(t, []string{"false", "true"}, eval[[]string](t, ctx, `Array.from(document.querySelectorAll('#expectations li'), l => l.dataset.met)`))
	screenshot(t, ctx, "challenge-failed", false)

	typeScenario(t, ctx, strings.Replace(p.Text, "sort created/25", "sort created/25, id", 1))
	_, err = chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector('#lesson .lesson-check').dataset.passed === 'true'`, chromedp.WithPollingTimeout(30*time.Second)))
	require.NoError(t, err, "the fixed scenario passes")
	assert.Equal(t, []string{"true", "true"}, eval[[]string](t, ctx, `Array.from(document.querySelectorAll('#expectations li'), l => l.dataset.met)`))
	assert.Contains(t, eval[string](t, ctx, `localStorage.getItem('pagesim.lessons.v1')`), `"challenge-tiebreaker":"passed"`)
	screenshot(t, ctx, "challenge-passed", false)
	viewport(t, ctx, 390, 844, true, true)
	_, _ = chromedp.Run(ctx, chromedp.Poll[bool](`document.documentElement.scrollWidth <= 390`, chromedp.WithPollingTimeout(3*time.Second)))
	assert.LessOrEqual(t, eval[int](t, ctx, `document.documentElement.scrollWidth`), 390, "no sideways scrolling: %s", eval[string](t, ctx, `Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > 392).slice(0, 8).map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join(' | ')`))
	screenshot(t, ctx, "challenge-phone-dark", false)
}

func TestCopyAsCurl(t *testing.T) {
	ctx := tab(t)
	open(t, ctx, "")
	typeScenario(t, ctx, "profile flashduty\nrecords 50\nPOST /incident/list {\"p\": 1, \"limit\": 20}\n  X-Team: it's ops\n")
	require.NoError(t, chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`#steps tr.step details.wire summary`)),
		chromedp.Click(chromedp.CSS(`#steps button.curl`))))
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](`!!document.querySelector('#steps button.curl').dataset.curl`, chromedp.WithPollingTimeout(30*time.Second)))
	require.NoError(t, err)
	cmd := eval[string](t, ctx, `document.querySelector('#steps button.curl').dataset.curl`)
	assert.Equal(t, `curl --globoff -X POST 'https://api.example.com/incident/list' -H 'X-Team: it'\''s ops' -H 'Content-Type: application/json' --data-raw '{"p": 1, "limit": 20}'`, cmd)
}
