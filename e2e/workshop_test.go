package e2e

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The workshop: a person's own scenario survives presets, lessons, Back
// and a reload; the editor shows every problem with its fix; a challenge
// cannot be passed by deleting its premise; shortcuts can be turned off;
// presenter mode fits a projector.

// waitEditor waits until the editor is CodeMirror (it loads after the first
// paint).
func waitEditor(t *testing.T, ctx context.Context) {
	t.Helper()
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.body.dataset.editor === 'codemirror'`,
		chromedp.WithPollingTimeout(20*time.Second), chromedp.WithPollingInterval(20*time.Millisecond)))
	require.NoError(t, err, "the editor did not become CodeMirror")
}

func editorText(t *testing.T, ctx context.Context) string {
	return eval[string](t, ctx, `document.getElementById('scenario').value`)
}

// pickPreset chooses a preset in the picker as a person does, and waits
// for its text in the editor and then its results. The page puts the text
// in after it has written the leaving history entry (an await), so results
// that answer the editor right after the click may still be the old text's.
func pickPreset(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	before := editorText(t, ctx)
	require.NoError(t, chromedp.Do(ctx, chromedp.SetValue(chromedp.ID("preset"), name),
		chromedp.Evaluate[chromedp.Void](`document.getElementById('preset').dispatchEvent(new Event('change'))`)))
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById('scenario').value !== `+jsString(before),
		chromedp.WithPollingTimeout(30*time.Second), chromedp.WithPollingInterval(20*time.Millisecond)))
	require.NoError(t, err, "the preset %s did not replace the editor's text", name)
	waitShown(t, ctx)
}

// waitText waits until the editor holds text.
func waitText(t *testing.T, ctx context.Context, text string) {
	t.Helper()
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById('scenario').value === `+jsString(text),
		chromedp.WithPollingTimeout(30*time.Second), chromedp.WithPollingInterval(20*time.Millisecond)))
	require.NoError(t, err, "the editor does not show %q: it shows %q", text, editorText(t, ctx))
	waitShown(t, ctx)
}

func clearStorage(t *testing.T, ctx context.Context) {
	eval[bool](t, ctx, `localStorage.clear(), true`)
}

const ownScenario = "profile page\nrecords 42\nGET /items?page=1&per_page=5\nwalk\n"

func TestOwnScenarioIsNeverLost(t *testing.T) {
	ctx := tab(t)
	open(t, ctx, "")
	clearStorage(t, ctx)
	waitEditor(t, ctx)
	typeScenario(t, ctx, ownScenario)

	// A preset replaces it on screen, and it stays one click away.
	pickPreset(t, ctx, "cursor-same-mutations")
	assert.NotEqual(t, ownScenario, editorText(t, ctx))
	assert.True(t, eval[bool](t, ctx, `!document.getElementById('scratch-notice').hidden`), "the page says the scenario is saved")
	require.NoError(t, chromedp.Do(ctx, chromedp.Click(chromedp.ID("scratch-back"))))
	waitText(t, ctx, ownScenario)

	// A preset is a history entry: Back brings the scenario back.
	pickPreset(t, ctx, "offset-delete-miss")
	assert.Contains(t, eval[string](t, ctx, `location.hash`), "preset=offset-delete-miss")
	require.NoError(t, chromedp.Do(ctx, chromedp.NavigateBack()))
	waitText(t, ctx, ownScenario)

	// A lesson too, and undo in the editor works across the switch.
	require.NoError(t, chromedp.Do(ctx, chromedp.Click(chromedp.ID("lessons-btn"))))
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](`!document.getElementById('lesson').hidden && document.getElementById('scenario').value !== `+jsString(ownScenario),
		chromedp.WithPollingTimeout(30*time.Second)))
	require.NoError(t, err)
	waitShown(t, ctx)
	require.NoError(t, chromedp.Do(ctx, chromedp.Focus(chromedp.ID("scenario"))))
	require.NoError(t, chromedp.Do(ctx, chromedp.KeyEvent("z", chromedp.KeyModifiers(2))))
	waitText(t, ctx, ownScenario)

	// A reload opens it again: it was saved as it was typed.
	open(t, ctx, "")
	assert.Equal(t, ownScenario, editorText(t, ctx))
	screenshot(t, ctx, "workshop-own-scenario-back", false)
}

func TestTypoShowsEveryProblemAndItsFix(t *testing.T) {
	ctx := tab(t)
	open(t, ctx, "")
	clearStorage(t, ctx)
	waitEditor(t, ctx)
	typeScenario(t, ctx, "profile cursr\nrecords 30\nGET /items?limit=10\nnxt\n")
	// Both problems at once, each with its fix, marked in the text too.
	diags := texts(t, ctx, "#diagnostics li")
	require.Len(t, diags, 2, "%v", diags)
	assert.Contains(t, diags[0], "unknown profile `cursr`")
	assert.Contains(t, diags[1], "unknown step `nxt`")
	assert.Equal(t, []string{"Use “cursor”", "Use “next”"}, texts(t, ctx, "#diagnostics .diag-fix"))
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelectorAll('.cm-lintRange-error').length === 2`, chromedp.WithPollingTimeout(30*time.Second)))
	require.NoError(t, err, "both spans are underlined")
	screenshot(t, ctx, "workshop-diagnostics", false)

	// One click each: the scenario runs.
	require.NoError(t, chromedp.Do(ctx, chromedp.Click(`#diagnostics .diag-fix`)))
	_, err = chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelectorAll('#diagnostics li').length === 1`, chromedp.WithPollingTimeout(30*time.Second)))
	require.NoError(t, err)
	require.NoError(t, chromedp.Do(ctx, chromedp.Click(`#diagnostics .diag-fix`)))
	assert.Equal(t, "ok", waitShownText(t, ctx, "profile cursor\nrecords 30\nGET /items?limit=10\nnext\n"))
	assert.True(t, eval[bool](t, ctx, `document.getElementById('diagnostics').hidden`))
}

// waitShownText waits until the results answer text.
func waitShownText(t *testing.T, ctx context.Context, text string) string {
	t.Helper()
	state, err := chromedp.Run(ctx, chromedp.Poll[string](`(() => {
		const r = document.getElementById('results');
		return r.shownText === `+jsString(text)+` && r.dataset.state ? r.dataset.state : false;
	})()`, chromedp.WithPollingTimeout(15*time.Second), chromedp.WithPollingInterval(20*time.Millisecond)))
	require.NoError(t, err, "the results do not answer %q; the editor shows %q", text, editorText(t, ctx))
	return state
}

func TestCompletionAndHoverHelp(t *testing.T) {
	ctx := tab(t)
	open(t, ctx, "")
	clearStorage(t, ctx)
	waitEditor(t, ctx)
	typeScenario(t, ctx, "profile flashduty\nrecords 100\n")
	require.NoError(t, chromedp.Do(ctx, chromedp.Focus(chromedp.ID("scenario"))))
	// The keywords, then the contract's own body fields.
	require.NoError(t, chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("scenario"), "wa")))
	labels := waitCompletions(t, ctx)
	assert.Contains(t, labels, "walk")
	assert.Contains(t, labels, "wait")
	require.NoError(t, chromedp.Do(ctx, chromedp.KeyEvent(kb.Escape)))
	typeKeys(t, ctx, "lk\nPOST /incident/list {\"")
	require.NoError(t, chromedp.Do(ctx, chromedp.KeyEvent(" ", chromedp.KeyModifiers(2)))) // Ctrl+Space
	labels = waitCompletions(t, ctx)
	assert.ElementsMatch(t, []string{"p", "limit"}, labels, "Flashduty's body fields, from the simulator")

	// Hover help on a keyword.
	require.NoError(t, chromedp.Do(ctx, chromedp.KeyEvent(kb.Escape)))
	box := eval[[]float64](t, ctx, `(() => {
		const line = [...document.querySelectorAll('.cm-line')].find(l => l.textContent.startsWith('records'));
		const r = line.getBoundingClientRect();
		return [r.left + 12, r.top + r.height / 2];
	})()`)
	require.NoError(t, chromedp.Do(ctx, chromedp.MouseEvent("mouseMoved", box[0], box[1])))
	help, err := chromedp.Run(ctx, chromedp.Poll[string](`(() => { const e = document.querySelector('.cm-help'); return e ? e.textContent : false; })()`,
		chromedp.WithPollingTimeout(15*time.Second)))
	require.NoError(t, err, "hovering `records` explains it")
	assert.Contains(t, help, "records N")
}

func waitCompletions(t *testing.T, ctx context.Context) []string {
	t.Helper()
	labels, err := chromedp.Run(ctx, chromedp.Poll[[]string](`(() => {
		const l = [...document.querySelectorAll('.cm-tooltip-autocomplete .cm-completionLabel')].map(e => e.textContent);
		return l.length ? l : false;
	})()`, chromedp.WithPollingTimeout(15*time.Second)))
	require.NoError(t, err, "no completions")
	return labels
}

func TestClickALineSelectsItsStep(t *testing.T) {
	ctx := tab(t)
	open(t, ctx, "#preset=offset-insert-drift")
	waitEditor(t, ctx)
	text := editorText(t, ctx)
	lines := strings.Split(text, "\n")
	want := -1
	for i, l := range lines {
		if strings.HasPrefix(l, "insert") {
			want = i + 1
			break
		}
	}
	require.Positive(t, want, "the preset inserts")
	box := eval[[]float64](t, ctx, `(() => {
		const line = [...document.querySelectorAll('.cm-line')].find(l => l.textContent.startsWith('insert'));
		const r = line.getBoundingClientRect();
		return [r.left + 30, r.top + r.height / 2];
	})()`)
	require.NoError(t, chromedp.Do(ctx, chromedp.MouseClickXY(box[0], box[1])))
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](`/insert/.test(document.getElementById('step-panel').textContent)`, chromedp.WithPollingTimeout(30*time.Second)))
	require.NoError(t, err, "the step panel shows the insert: %s", eval[string](t, ctx, `document.getElementById('step-panel').textContent`))
	// And back: the selected step's line is marked in the editor.
	assert.True(t, eval[bool](t, ctx, `document.querySelector('.cm-step-line').textContent.startsWith('insert')`))
}

func TestChallengeResistsCheating(t *testing.T) {
	ctx := tab(t)
	open(t, ctx, "")
	clearStorage(t, ctx)
	open(t, ctx, "#lesson=challenge-export-while-arriving")
	waitEditor(t, ctx)
	start := editorText(t, ctx)
	verdict := func() (bool, string) {
		_, err := chromedp.Run(ctx, chromedp.Poll[bool](`(() => { const c = document.querySelector('.lesson-check'); return c && !c.classList.contains('pending'); })()`,
			chromedp.WithPollingTimeout(30*time.Second)))
		require.NoError(t, err)
		return eval[bool](t, ctx, `document.querySelector('.lesson-check').dataset.passed === 'true'`),
			eval[string](t, ctx, `document.querySelector('.lesson-check').textContent`)
	}
	passed, text := verdict()
	assert.False(t, passed, text)
	// The hint and the answer stay hidden until asked.
	assert.Equal(t, []bool{false, false}, eval[[]bool](t, ctx, `[...document.querySelectorAll('.lesson-reveal')].map(d => d.open)`))
	assert.False(t, eval[bool](t, ctx, `[...document.querySelectorAll('.lesson-reveal p')].some(p => p.checkVisibility())`))

	for _, cheat := range []struct{ what, text, says string }{
		{"delete the stream", strings.Replace(start, "stream 1 every 2\n", "", 1), "keeps stream 1 every 2"},
		{"delete the expect lines", strings.Replace(strings.Replace(start, "expect consistent\n", "", 1), "expect complete\n", "", 1), "expect consistent"},
		{"stop the stream", strings.Replace(start, "walk\n", "stream stop\nwalk\n", 1), "the list changes only as the challenge says"},
	} {
		typeScenario(t, ctx, cheat.text)
		waitShownText(t, ctx, cheat.text)
		_, err := chromedp.Run(ctx, chromedp.Poll[bool](`[...document.querySelectorAll('.lesson-checks li[data-met=false]')].some(li => li.textContent.includes(`+jsString(cheat.says)+`))`,
			chromedp.WithPollingTimeout(30*time.Second)))
		require.NoError(t, err, "%s: %v", cheat.what, texts(t, ctx, ".lesson-checks li"))
		passed, text := verdict()
		assert.False(t, passed, cheat.what)
		assert.NotContains(t, text, "0 of 0", cheat.what)
	}

	// The answer passes.
	answer := strings.NewReplacer("profile offset", "profile cursor", "GET /items?offset=0&limit=20", "GET /items?limit=20").Replace(start)
	typeScenario(t, ctx, answer)
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector('.lesson-check').dataset.passed === 'true'`, chromedp.WithPollingTimeout(30*time.Second)))
	require.NoError(t, err, "the answer passes: %v", texts(t, ctx, ".lesson-checks li"))

	// Progress: exported as a file, and reset.
	assert.Contains(t, eval[string](t, ctx, `localStorage.getItem('pagesim.lessons.v1')`), `"challenge-export-while-arriving":"passed"`)
}

func TestShortcutsCanBeTurnedOff(t *testing.T) {
	ctx := tab(t)
	open(t, ctx, "#preset=offset-insert-drift")
	clearStorage(t, ctx)
	waitEditor(t, ctx)
	step := func() int {
		return eval[int](t, ctx, `Number(document.querySelector('tr.step.current, tr.step[aria-selected=true]')?.dataset.i ?? -1)`)
	}
	panel := func() string { return eval[string](t, ctx, `document.getElementById('step-panel').textContent`) }
	require.NoError(t, chromedp.Do(ctx, chromedp.Focus(chromedp.ID("step-through"))))
	before := panel()
	key(t, ctx, "j")
	assert.NotEqual(t, before, panel(), "j steps")
	_ = step

	// Typing j in the editor types it and does not step.
	p := panel()
	require.NoError(t, chromedp.Do(ctx, chromedp.Focus(chromedp.ID("scenario")), chromedp.KeyEvent(kb.End), chromedp.SendKeys(chromedp.ID("scenario"), "j")))
	assert.Equal(t, p, panel())
	assert.Contains(t, editorText(t, ctx), "j")

	// Off: single keys do nothing, and the choice is kept.
	require.NoError(t, chromedp.Do(ctx, chromedp.Click(chromedp.ID("shortcuts-on"))))
	require.NoError(t, chromedp.Do(ctx, chromedp.Focus(chromedp.ID("step-through"))))
	p = panel()
	key(t, ctx, "j")
	key(t, ctx, "G")
	assert.Equal(t, p, panel(), "shortcuts are off")
	assert.Contains(t, eval[string](t, ctx, `localStorage.getItem('pagesim.prefs.v1')`), `"shortcuts":false`)
}

// The layouts a workshop uses, light and dark: a laptop, a projector in
// presenter mode with a lesson open, a phone. Each holds: nothing wider than
// the window, the toolbar with no button alone on a row, the preset's name
// whole.
func TestWorkshopScreens(t *testing.T) {
	ctx := tab(t)
	open(t, ctx, "")
	clearStorage(t, ctx)
	for _, sc := range []struct {
		name      string
		w, h      int64
		mobile    bool
		presenter bool
	}{
		{"desktop-1400", 1400, 900, false, false},
		{"projector-1024-presenter", 1024, 768, false, true},
		{"phone-390", 390, 844, true, false},
	} {
		for _, dark := range []bool{false, true} {
			name := "workshop-" + sc.name
			if dark {
				name += "-dark"
			}
			viewport(t, ctx, sc.w, sc.h, sc.mobile, dark)
			open(t, ctx, "#lesson=challenge-export-while-arriving")
			waitEditor(t, ctx)
			on := eval[bool](t, ctx, `document.body.classList.contains('presenter')`)
			if on != sc.presenter {
				require.NoError(t, chromedp.Do(ctx, chromedp.Click(chromedp.ID("presenter-btn"))))
			}
			settle(t, ctx)
			assert.LessOrEqual(t, eval[int](t, ctx, `document.documentElement.scrollWidth`), eval[int](t, ctx, `document.documentElement.clientWidth`), "%s: nothing wider than the window", name)
			// The toolbar's buttons: no row holds one button alone.
			rows := eval[[]int](t, ctx, `(() => {
				const tops = {};
				for (const b of document.querySelectorAll('.toolbar-buttons button')) { const t = Math.round(b.getBoundingClientRect().top); tops[t] = (tops[t] || 0) + 1; }
				return Object.values(tops);
			})()`)
			for _, n := range rows {
				assert.Greater(t, n, 1, "%s: a toolbar row with one button alone: %v", name, rows)
			}
			if sc.presenter {
				// The editor is on the first screen beside the lesson.
				assert.Less(t, eval[float64](t, ctx, `document.querySelector('.editor').getBoundingClientRect().top`), float64(sc.h-120), name)
				assert.GreaterOrEqual(t, eval[float64](t, ctx, `parseFloat(getComputedStyle(document.body).fontSize)`), 17.0, name)
			}
			screenshot(t, ctx, name, false)
		}
	}
	// Presenter mode off again for the other tests' sake (it is kept).
	if eval[bool](t, ctx, `document.body.classList.contains('presenter')`) {
		require.NoError(t, chromedp.Do(ctx, chromedp.Click(chromedp.ID("presenter-btn"))))
	}
	viewport(t, ctx, 1400, 900, false, false)
}
