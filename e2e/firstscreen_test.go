package e2e

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"pagingplayground/sim"
)

// holdWasm makes the browser hold every download of the simulator's WASM
// until release is called: what a slow network does, made certain.
func holdWasm(t *testing.T, ctx context.Context) (release func()) {
	t.Helper()
	held := make(chan fetch.RequestID, 4)
	events := chromedp.Events(ctx, fetch.RequestPaused)
	go func() {
		for e, err := range events {
			if err != nil {
				return
			}
			held <- e.RequestID
		}
	}()
	_, err := chromedp.Call(ctx, fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{{URLPattern: "*.wasm"}}})
	require.NoError(t, err)
	return func() {
		select {
		case id := <-held:
			_, err := chromedp.Call(ctx, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: id})
			require.NoError(t, err)
		case <-time.After(20 * time.Second):
			t.Fatal("the page never asked for the WASM")
		}
	}
}

func presetText(t *testing.T, name string) string {
	t.Helper()
	for _, p := range sim.Presets() {
		if p.Name == name {
			return p.Text
		}
	}
	t.Fatalf("no preset %s", name)
	return ""
}

// A shared link shows its scenario before the simulator has loaded (the
// WASM is held back here); when the text is a preset's, its result too,
// from the preset's view.NAME.json, which the build ran natively, else once
// the simulator has loaded. On a phone it opens at the top of the page,
// even when the link names a step far down.
func TestSharedLinkFirstScreen(t *testing.T) {
	zstate, err := json.Marshal(map[string]any{"v": 1, "text": presetText(t, "celigo-link-walk-drift"), "tab": "steps", "step": 3})
	require.NoError(t, err)
	own := "profile offset\nrecords 30\nGET /items?limit=7\nwalk\n" // no preset's text
	ownState, err := json.Marshal(map[string]any{"v": 1, "text": own, "tab": "steps", "step": 2})
	require.NoError(t, err)
	cases := []struct {
		name, hash, text string
		before           bool // the result shows before the simulator has loaded
	}{
		{"preset", "#preset=offset-delete-miss", presetText(t, "offset-delete-miss"), true},
		{"lesson", "#lesson=cursor-same-mutations", presetText(t, "cursor-same-mutations"), true},
		{"permalink", "#z=" + deflate64(t, string(zstate)), presetText(t, "celigo-link-walk-drift"), true},
		{"own", "#z=" + deflate64(t, string(ownState)), own, false},
	}
	for _, c := range cases {
		for _, phone := range []bool{false, true} {
			ctx := tab(t)
			if phone {
				viewport(t, ctx, 390, 844, true, false)
			} else {
				viewport(t, ctx, 1280, 800, false, false)
			}
			release := holdWasm(t, ctx)
			require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(baseURL+"/?"+c.name+c.hash)))
			_, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById('scenario').value === `+jsString(c.text),
				chromedp.WithPollingTimeout(30*time.Second)))
			require.NoError(t, err, "%s: the scenario shows before the simulator has loaded", c.name)
			if c.before {
				_, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.body.dataset.firstResultFrom === 'prerender'`, chromedp.WithPollingTimeout(30*time.Second)))
				require.NoError(t, err, "%s: the preset's result shows before the simulator has loaded", c.name)
				want := native(t, c.text)
				assert.Equal(t, len(want.Steps), eval[int](t, ctx, `document.getElementById('results').results.view.n`), "%s: the preset's run", c.name)
				assert.NotEmpty(t, texts(t, ctx, "#rule-list li"), "%s: the profile's rules", c.name)
			} else {
				assert.Empty(t, eval[string](t, ctx, `document.body.dataset.firstResultFrom || ''`), c.name)
			}
			assert.NotEqual(t, "ok", eval[string](t, ctx, `document.getElementById('results').dataset.state || ''`), c.name)
			if c.name == "lesson" {
				assert.False(t, eval[bool](t, ctx, `document.getElementById('lesson').hidden`), "the lesson opens at once")
			}
			if phone {
				screenshot(t, ctx, "first-screen-phone-"+c.name, false)
			}
			release()
			state := waitShown(t, ctx)
			assert.Equal(t, "ok", state, c.name)
			assert.Equal(t, c.text, eval[string](t, ctx, `document.getElementById('results').shownText`), c.name)
			if c.name == "permalink" {
				_, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById('results').results.step === 3`, chromedp.WithPollingTimeout(30*time.Second)))
				require.NoError(t, err, "the link's step")
			}
			if phone {
				time.Sleep(300 * time.Millisecond)
				assert.Equal(t, 0, eval[int](t, ctx, `Math.round(window.scrollY)`), "%s opens at the top on a phone", c.name)
			}
		}
	}
}
