package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// stepTableOverflow lists what of the step table lies outside its scroll
// box or the window: header cells (by their text) and the cells of the rows
// drawn (step:column), with their right edges; and the sideways scrolling of
// the box and of the page. Geometry, read once the results are shown.
const stepTableOverflow = `(() => {
	const box = document.querySelector('#view-steps .vtable');
	const right = Math.min(box.getBoundingClientRect().right, innerWidth) + 0.5;
	const out = [];
	const cells = [...box.querySelectorAll('thead th'), ...box.querySelectorAll('tbody tr.step > *')];
	for (const c of cells) {
		const r = c.getBoundingClientRect();
		if (r.width === 0 && r.height === 0) continue; // not drawn (the phone's cards have no header row)
		if (r.right > right) {
			const tr = c.closest('tr');
			const what = tr.dataset.i === undefined ? c.textContent.trim() : 'step ' + (Number(tr.dataset.i) + 1) + ':' + c.className;
			out.push(what + ' ends at ' + Math.round(r.right) + ' > ' + Math.round(right));
		}
	}
	if (box.scrollWidth > box.clientWidth) out.push('the box scrolls sideways: ' + box.scrollWidth + ' > ' + box.clientWidth);
	if (document.documentElement.scrollWidth > innerWidth) out.push('the page scrolls sideways: ' + document.documentElement.scrollWidth + ' > ' + innerWidth);
	return out;
})()`

// assertStepTableFits fails the test if any of the step table is out of
// its box or the window. It waits (up to 5 s) for the layout to settle
// first: a canvas above the table takes its new width on the next frame.
func assertStepTableFits(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	_, _ = chromedp.Run(ctx, chromedp.Poll[bool](stepTableOverflow+`.length === 0`,
		chromedp.WithPollingTimeout(5*time.Second), chromedp.WithPollingInterval(50*time.Millisecond)))
	assert.Empty(t, eval[[]string](t, ctx, stepTableOverflow), "%s: parts of the step table out of view", name)
}

// Every column of the step table is readable without sideways scrolling at
// 1024×768 (the house rule: the page works at 1024×768 and on a phone), at
// 1280×800, in dark mode and on a phone at 390×844: the table narrows its
// cells and wraps them, and on a phone its rows become cards. Zendesk's
// preset has every column filled: a Link header, totals, next page, cost,
// and a refused last page with a long reason and the unreached records.
func TestStepTableColumnsFitTheWindow(t *testing.T) {
	ctx := tab(t)
	for _, s := range []struct {
		w, h         int64
		mobile, dark bool
	}{{1024, 768, false, false}, {1024, 768, false, true}, {1280, 800, false, false}, {390, 844, true, false}, {390, 844, true, true}} {
		name := fmt.Sprintf("%dx%d", s.w, s.h)
		if s.dark {
			name += "-dark"
		}
		viewport(t, ctx, s.w, s.h, s.mobile, s.dark)
		open(t, ctx, "#preset=zendesk-offset-limit")
		require.Greater(t, eval[int](t, ctx, `document.querySelectorAll('#steps tr.step:not(.placeholder)').length`), 0, name)
		assertStepTableFits(t, ctx, name)
		screenshot(t, ctx, "steps-fit-"+name, false)
		// The refused last row: its Records cell says why the walk stopped.
		key(t, ctx, "G")
		assert.Equal(t, 101, currentStep(t, ctx), name)
		_, err := chromedp.Run(ctx, chromedp.Poll[bool](`!!document.querySelector('#steps tr[data-i="100"]:not(.placeholder)')`,
			chromedp.WithPollingTimeout(20*time.Second), chromedp.WithPollingInterval(20*time.Millisecond)))
		require.NoError(t, err, "%s: the last row is drawn", name)
		assertStepTableFits(t, ctx, name+", the last rows")
		if !s.mobile {
			eval[bool](t, ctx, `document.getElementById('view-steps').scrollIntoView(), true`)
		} else {
			eval[bool](t, ctx, `document.querySelector('#steps tr[data-i="100"]').scrollIntoView(), true`)
		}
		screenshot(t, ctx, "steps-fit-"+name+"-last", false)
	}

	// The table sizes itself to its box, not to the window: the editor
	// dragged wide (the splitter's End key: 70% of the width) leaves the
	// results a phone's width, and the rows become cards; Home (22%) gives
	// the results room for the whole table.
	viewport(t, ctx, 1280, 800, false, false)
	key(t, ctx, "g")
	for _, k := range []struct{ key, name, cards string }{{kb.End, "editor 70%", "none"}, {kb.Home, "editor 22%", "table-header-group"}} {
		require.NoError(t, chromedp.Do(ctx, chromedp.Focus(chromedp.ID("splitter"))))
		key(t, ctx, k.key)
		assert.Equal(t, k.cards, eval[string](t, ctx, `getComputedStyle(document.querySelector('table.steps thead')).display`), k.name)
		assertStepTableFits(t, ctx, "1280x800, "+k.name)
		screenshot(t, ctx, "steps-fit-1280x800-"+strings.ReplaceAll(k.name, " ", "-"), false)
	}
}
