package e2e

import (
	"context"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Finding what matters in a long trace: a filter and jumps to refusals,
// duplicates, misses and notes; a note repeated on every row shown once;
// a drift strip that names its records by id, whole counts, from the
// keyboard, and links a duplicate to the requests that returned it.

// currentStep is the 1-based step the step panel shows.
func currentStep(t *testing.T, ctx context.Context) int {
	t.Helper()
	head := eval[string](t, ctx, `document.querySelector('#step-panel .sp-head strong').textContent`)
	m := regexp.MustCompile(`^Step (\d+) of`).FindStringSubmatch(head)
	require.NotNil(t, m, head)
	n, _ := strconv.Atoi(m[1])
	return n
}

// rowInView says whether step i's row is rendered, current, inside the
// table's scroll box and on screen.
func rowInView(t *testing.T, ctx context.Context, i int) bool {
	t.Helper()
	ok, err := chromedp.Run(ctx, chromedp.Poll[bool](`(() => {
		const tr = document.querySelector('#steps tr[data-i="`+strconv.Itoa(i)+`"]');
		if (!tr || !tr.classList.contains('current') || tr.classList.contains('placeholder')) return false;
		const box = document.querySelector('#view-steps .vtable').getBoundingClientRect();
		const r = tr.getBoundingClientRect();
		return r.top >= box.top - 1 && r.top < box.bottom && r.top >= 0 && r.top < innerHeight;
	})()`, chromedp.WithPollingTimeout(30*time.Second), chromedp.WithPollingInterval(20*time.Millisecond)))
	return err == nil && ok
}

func TestJumpToTheRefusalOfAHundredRowTrace(t *testing.T) {
	ctx := tab(t)
	open(t, ctx, "#preset=flashduty-window-10000")
	// By the preset's own notice: 100 pages of 100 are accepted, page 101
	// (101 × 100 = 10,100 > 10,000) is refused, and so is p=501 with limit
	// 20: 102 steps, refusals at steps 101 and 102. The 2,000 incidents
	// after page 100 (12,000 - 10,000) are not reached from step 101 on.
	counts := texts(t, ctx, ".find-bar .jump-count")
	require.Len(t, counts, 5)
	assert.Equal(t, []string{"2 refusals", "0 duplicates", "0 misses", "100 notes", "1 unreached part"}, counts)

	// The "next refusal" control: step 101 selected and in view.
	require.NoError(t, chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#next-refusal"))))
	assert.Equal(t, 101, currentStep(t, ctx))
	assert.True(t, rowInView(t, ctx, 100), "step 101's row is selected and in the table's box")
	assert.Contains(t, texts(t, ctx, "#steps tr[data-i=\"100\"] .reason")[0], "PAGE * LIMIT must be <= 10000")
	screenshot(t, ctx, "find-next-refusal", false)

	// Its key: r to the next, R back; from the top again.
	require.NoError(t, chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`document.activeElement.blur()`)))
	key(t, ctx, "g")
	assert.Equal(t, 1, currentStep(t, ctx))
	key(t, ctx, "r")
	assert.Equal(t, 101, currentStep(t, ctx))
	key(t, ctx, "r")
	assert.Equal(t, 102, currentStep(t, ctx))
	key(t, ctx, "R")
	assert.Equal(t, 101, currentStep(t, ctx))
	assert.True(t, rowInView(t, ctx, 100))

	// The two paragraphs every page repeats are shown once, on step 1; the
	// others say "same notes as step 1" and link to it.
	key(t, ctx, "g")
	require.True(t, rowInView(t, ctx, 0))
	full := texts(t, ctx, "#steps tr.step .reason:not(.same)")
	capped := 0
	for _, r := range full {
		if strings.Contains(r, "it is capped") {
			capped++
		}
	}
	assert.Equal(t, 1, capped, "the capped-total note in full once among the rows on screen: %q", full)
	assert.Len(t, texts(t, ctx, "#steps tr.step .interp-note"), 1, "the interpretation in full once")
	same := texts(t, ctx, "#steps tr[data-i=\"2\"] .reason.same")
	require.Len(t, same, 1)
	assert.Equal(t, "same notes as step 1", same[0])
	// The link goes to step 1 (from step 40, after scrolling there).
	key(t, ctx, "G")
	scrollToRow(t, ctx, "document", 60)
	require.NoError(t, chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#steps tr[data-i="60"] .reason.same .step-link`))))
	assert.Equal(t, 1, currentStep(t, ctx))
	assert.True(t, rowInView(t, ctx, 0))

	// The filter: refusals only, then notes only.
	require.NoError(t, chromedp.Do(ctx, chromedp.SetValue(chromedp.CSS("#step-filter"), "refusal"),
		chromedp.Evaluate[chromedp.Void](`document.getElementById('step-filter').dispatchEvent(new Event('change'))`)))
	rows := eval[[]string](t, ctx, `Array.from(document.querySelectorAll('#steps tr.step'), tr => tr.dataset.i)`)
	assert.Equal(t, []string{"100", "101"}, rows, "only the refused steps")
	assert.Equal(t, 101, currentStep(t, ctx), "the selection moves to the first step shown")
	require.NoError(t, chromedp.Do(ctx, chromedp.SetValue(chromedp.CSS("#step-filter"), "note"),
		chromedp.Evaluate[chromedp.Void](`document.getElementById('step-filter').dispatchEvent(new Event('change'))`)))
	rows = eval[[]string](t, ctx, `Array.from(document.querySelectorAll('#steps tr.step'), tr => tr.dataset.i)`)
	require.NotEmpty(t, rows)
	for _, r := range rows {
		i, _ := strconv.Atoi(r)
		assert.Less(t, i, 100, "a refusal carries no note")
	}
	// Jumping to a refusal the filter hides shows every step again.
	key(t, ctx, "r")
	assert.Equal(t, "all", eval[string](t, ctx, `document.getElementById('step-filter').value`))
	assert.True(t, rowInView(t, ctx, currentStep(t, ctx)-1))

	// Keyboard: Tab from the filter reaches the jump controls, with a
	// visible focus ring.
	require.NoError(t, chromedp.Do(ctx, chromedp.Focus(chromedp.CSS("#step-filter"))))
	key(t, ctx, kb.Tab)
	assert.Equal(t, "prev-refusal", eval[string](t, ctx, `document.activeElement.id`))
	assert.NotEqual(t, "none", eval[string](t, ctx, `getComputedStyle(document.activeElement).outlineStyle`))
	key(t, ctx, kb.Tab)
	assert.Equal(t, "next-refusal", eval[string](t, ctx, `document.activeElement.id`))
	key(t, ctx, kb.Enter)
	assert.Contains(t, []int{101, 102}, currentStep(t, ctx))
}

// duplicateDrift: offset paging newest first, ids 50..1, pages of 10. Page
// 2 returns 40–31; id 51 arrives at the head, so page 3 (offset 20) returns
// 31–22: id 31 a second time. Step 2 and step 4 returned it.
const duplicateDrift = "profile offset\nrecords 50\n\nGET /items?offset=0&limit=10\nnext\ninsert 1\nnext\nwalk\n"

func TestDriftReadoutNamesRecordsFromTheKeyboard(t *testing.T) {
	ctx := tab(t)
	open(t, ctx, "")
	typeScenario(t, ctx, duplicateDrift)
	counts := texts(t, ctx, ".find-bar .jump-count")
	assert.Equal(t, "1 duplicate", counts[1])
	key(t, ctx, "d")
	assert.Equal(t, 4, currentStep(t, ctx), "the page that returned id 31 again")
	assert.Contains(t, texts(t, ctx, `#steps tr[data-i="3"] .repeats`)[0], "31")

	key(t, ctx, "2")
	dups := texts(t, ctx, "#view-drift article.walk .counts li.dups")
	require.Len(t, dups, 1)
	assert.Equal(t, "duplicates 1: id 31 (step 2, step 4)", dups[0])

	// The strip is a slider: focus it, Home, then 20 steps right: list
	// position 20 is id 31 (51 at the head, then 50 down to 32 at 1..19).
	require.NoError(t, chromedp.Do(ctx, chromedp.Focus(chromedp.CSS("#view-drift canvas.strip"))))
	key(t, ctx, kb.Home)
	read := texts(t, ctx, "#view-drift .strip-readout")[0]
	assert.Equal(t, "position 0 of 51: arrived, unseen 1 (id 51)", read, "51 arrived at the head after page 1, behind the walk")
	for k := 0; k < 20; k++ {
		key(t, ctx, kb.ArrowRight)
	}
	read = texts(t, ctx, "#view-drift .strip-readout")[0]
	assert.Equal(t, "position 20 of 51: seen twice 1 (id 31, returned by step 2 and step 4)", read)
	assert.Equal(t, "20", eval[string](t, ctx, `document.querySelector('#view-drift canvas.strip').getAttribute('aria-valuenow')`))
	assert.Contains(t, eval[string](t, ctx, `document.querySelector('#view-drift canvas.strip').getAttribute('aria-valuetext')`), "id 31")
	// Its link goes to the request.
	require.NoError(t, chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#view-drift .strip-readout .step-link:last-of-type`))))
	assert.Equal(t, "true", eval[string](t, ctx, `document.getElementById('tab-steps').getAttribute('aria-selected')`))
	assert.Equal(t, 4, currentStep(t, ctx))
}

func TestDriftReadoutOfAMillionRecordsInWholeCounts(t *testing.T) {
	ctx := tab(t)
	open(t, ctx, "")
	// A million records, newest first: 21 pages of 1,000 after 5 arrive at
	// the head; the rest of the list is not reached.
	typeScenario(t, ctx, "profile offset max-limit=1000\nrecords 1m\nGET /items?offset=0&limit=1000\ninsert 5\nwalk max 20\n")
	key(t, ctx, "2")
	require.NoError(t, chromedp.Do(ctx, chromedp.Focus(chromedp.CSS("#view-drift canvas.strip"))))
	key(t, ctx, kb.Home)
	read := texts(t, ctx, "#view-drift .strip-readout")[0]
	t.Log(read)
	assert.Regexp(t, `^positions 0–[\d,]+ of 1,000,005: `, read)
	assert.Contains(t, read, "ids 1,000,005–", "names the records by id")
	assert.NotRegexp(t, `\d\.\d`, read, "whole counts, no fractions")
	key(t, ctx, kb.End)
	read = texts(t, ctx, "#view-drift .strip-readout")[0]
	t.Log(read)
	assert.Regexp(t, `^positions [\d,]+–1,000,004 of 1,000,005: not reached [\d,]+$`, read)
	screenshot(t, ctx, "find-drift-million", false)
}

// Words people know and workshop screens: ticks explained where they
// appear; the step table whole on a 1024×768 projector in presenter mode;
// long preset titles whole; no stale page window when there are no steps;
// the caret moved to a line selects its step; the compare picker says why
// a fourth profile cannot be checked.
func TestWordsAndWorkshopScreens(t *testing.T) {
	ctx := tab(t)
	open(t, ctx, "#preset=flashduty-window-10000")

	// "tick N" in the step panel explains itself, and the legend says it.
	tip := eval[string](t, ctx, `document.querySelector('#step-panel abbr.tick').title`)
	assert.Contains(t, tip, "the simulator's clock")
	assert.Contains(t, tip, "one tick")
	assert.Contains(t, texts(t, ctx, "#view-steps .steps-legend")[0], "tick: the simulator's clock, one tick per step")

	// The caret moved with the keyboard selects the step of its line: line
	// 5 (p=501) is the last step, 102; line 4 (walk) its first page, step 2.
	require.NoError(t, chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".cm-content .cm-line"))))
	assert.Equal(t, 1, currentStep(t, ctx), "line 1 made no step: the selection stays")
	for k := 0; k < 4; k++ {
		key(t, ctx, kb.ArrowDown)
	}
	assert.Equal(t, 102, currentStep(t, ctx))
	key(t, ctx, kb.ArrowUp)
	assert.Equal(t, 2, currentStep(t, ctx))
	key(t, ctx, kb.End) // along the line: the step stays
	assert.Equal(t, 2, currentStep(t, ctx))

	// The compare picker: with three profiles checked the others are off,
	// and the page says why (beside the boxes and on each).
	key(t, ctx, kb.Escape)
	key(t, ctx, "4")
	boxes := `#compare-picker input[type=checkbox]`
	for eval[int](t, ctx, `document.querySelectorAll('`+boxes+`:checked').length`) < 3 {
		eval[bool](t, ctx, `(() => { const b = Array.from(document.querySelectorAll('`+boxes+`')).find(b => !b.checked && !b.disabled); b.click(); return true; })()`)
	}
	off := eval[[]string](t, ctx, `Array.from(document.querySelectorAll('`+boxes+`:disabled'), b => b.parentElement.title)`)
	require.NotEmpty(t, off)
	for _, title := range off {
		assert.Equal(t, "Up to 3 profiles side by side: uncheck one to pick another.", title)
	}
	assert.Equal(t, "Up to 3 profiles side by side: uncheck one to pick another.", texts(t, ctx, "#compare-picker .compare-limit")[0])
	// Each card lists the requests its profile was sent: Flashduty's, the
	// POST bodies of the preset, p=1 first. (Each click above started a
	// compare: wait for the three profiles' cards, not an earlier pair's.)
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelectorAll('.cmp-col').length === 3 &&
		document.querySelectorAll('.cmp-col[data-profile="flashduty"] .cmp-requests li').length > 0`,
		chromedp.WithPollingTimeout(30*time.Second), chromedp.WithPollingInterval(50*time.Millisecond)))
	require.NoError(t, err, "the compare cards list requests")
	first := texts(t, ctx, `.cmp-col[data-profile="flashduty"] .cmp-requests li`)[0]
	assert.Equal(t, `POST /incident/list {"p":1,"limit":100} 200`, first)
	assert.Equal(t, []int{3, 3}, eval[[]int](t, ctx, `[document.querySelectorAll('.cmp-col').length, document.querySelectorAll('.cmp-col .cmp-requests').length]`), "every card")
	screenshot(t, ctx, "find-compare", false)
	key(t, ctx, "1")

	for _, dark := range []bool{false, true} {
		suffix := ""
		if dark {
			suffix = "-dark"
		}
		// A projector: the table whole, Next page and Cost in view.
		viewport(t, ctx, 1024, 768, false, dark)
		if !eval[bool](t, ctx, `document.body.classList.contains('presenter')`) {
			require.NoError(t, chromedp.Do(ctx, chromedp.Click(chromedp.ID("presenter-btn"))))
		}
		settle(t, ctx)
		fit := eval[[]int](t, ctx, `(() => {
			const w = document.querySelector('#view-steps .vtable');
			const ths = document.querySelectorAll('table.steps thead th');
			return [w.scrollWidth, w.clientWidth, Math.round(ths[ths.length - 1].getBoundingClientRect().right), Math.round(w.getBoundingClientRect().right), innerWidth];
		})()`)
		assert.LessOrEqual(t, fit[0], fit[1], "presenter 1024: the table fits its box (no sideways scrolling)")
		assert.LessOrEqual(t, fit[2], fit[3], "presenter 1024: the Cost column is in the box")
		assert.LessOrEqual(t, fit[2], fit[4], "presenter 1024: the Cost column is on screen")
		// The picker shows the long title whole: wrapped where the browser
		// styles selects, else in its tooltip.
		assert.Equal(t, "PAGE * LIMIT must be <= 10000", eval[string](t, ctx, `document.getElementById('preset').title`))
		if eval[bool](t, ctx, `CSS.supports('appearance', 'base-select')`) {
			assert.LessOrEqual(t, eval[int](t, ctx, `document.getElementById('preset').scrollWidth`), eval[int](t, ctx, `document.getElementById('preset').clientWidth`), "the title wraps")
		}
		screenshot(t, ctx, "find-presenter-1024"+suffix, false)
		eval[bool](t, ctx, `document.getElementById('view-steps').scrollIntoView(), true`)
		screenshot(t, ctx, "find-presenter-1024-table"+suffix, false)
		require.NoError(t, chromedp.Do(ctx, chromedp.Click(chromedp.ID("presenter-btn"))))
		eval[bool](t, ctx, `window.scrollTo(0, 0), true`)

		viewport(t, ctx, 390, 844, true, dark)
		assert.LessOrEqual(t, eval[int](t, ctx, `document.documentElement.scrollWidth`), 390, "phone: no sideways scrolling")
		eval[bool](t, ctx, `document.querySelector('.find-bar').scrollIntoView(), true`)
		screenshot(t, ctx, "find-phone"+suffix, false)
		viewport(t, ctx, 1400, 900, false, dark)
		eval[bool](t, ctx, `document.querySelector('.find-bar').scrollIntoView(), true`)
		screenshot(t, ctx, "find-desktop"+suffix, false)
		eval[bool](t, ctx, `window.scrollTo(0, 0), true`)
	}
	viewport(t, ctx, 1400, 900, false, false)

	// No steps: the panel says so, without the page-window bar of the
	// step shown before.
	typeScenario(t, ctx, "profile offset\nrecords 10\n")
	assert.Equal(t, "No steps.", texts(t, ctx, "#step-panel")[0])
	assert.Equal(t, 0, eval[int](t, ctx, `document.querySelector('.step-window-wrap').offsetHeight`), "no page-window bar")
	assert.Empty(t, texts(t, ctx, "#step-panel .sp-window"))
}

// Records a walk never got to are not misses, and the find bar reaches
// them: Zendesk's preset (12,000 tickets, 100 a page, offset pages limited
// to the first 10,000 records by Zendesk's announcement) reads pages 1..100
// and page 101 is refused, so 12,000 - 100 × 100 = 2,000 tickets are never
// read and none was skipped between pages read. The summary, the find bar,
// the refused row and the walk's card say 2,000 alike.
func TestFindUnreachedRecordsOfAWalkAStopRefused(t *testing.T) {
	ctx := tab(t)
	viewport(t, ctx, 1024, 768, false, false)
	open(t, ctx, "#preset=zendesk-offset-limit")
	assert.Equal(t, []string{"1 refusal", "0 duplicates", "0 misses", "1 note", "1 unreached part"}, texts(t, ctx, ".find-bar .jump-count"))
	assert.Contains(t, texts(t, ctx, "#summary .pill.walks")[0], "1 stopped by a refusal, 2,000 records not reached")
	assert.Contains(t, eval[string](t, ctx, `document.querySelector('.jump[data-kind="unreached"] .jump-count').title`), "Walk 1: 2,000 records not reached.")

	require.NoError(t, chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`document.activeElement.blur()`)))
	key(t, ctx, "u")
	assert.Equal(t, 101, currentStep(t, ctx), "the refused page 101, where the walk stopped")
	assert.True(t, rowInView(t, ctx, 100))
	assert.Equal(t, []string{"⤓ the walk stopped here: 2,000 records after it not reached"}, texts(t, ctx, `#steps tr[data-i="100"] .unreached`))
	assert.Empty(t, texts(t, ctx, "#steps .skipped"), "no row says it went past a missed record")
	assert.Equal(t, "Step 101: unreached part 1 of 1", texts(t, ctx, ".find-bar .find-status")[0])
	screenshot(t, ctx, "find-unreached-1024", false)
	viewport(t, ctx, 1024, 768, false, true)
	screenshot(t, ctx, "find-unreached-1024-dark", false)

	key(t, ctx, "2")
	card := texts(t, ctx, "#view-drift article.walk .verdict")
	require.Len(t, card, 1)
	assert.Contains(t, card[0], "2,000 records after its last page were not reached.")
	counts := texts(t, ctx, "#view-drift article.walk .counts li")
	assert.Contains(t, counts, "missed 0")
	assert.Contains(t, counts, "not reached 2,000")
	eval[bool](t, ctx, `document.querySelector('#view-drift article.walk').scrollIntoView(), true`)
	screenshot(t, ctx, "find-unreached-drift-1024-dark", false)
}
