// Package e2e drives the playground in headless Chromium the way a person
// does: it opens the page served by the real `pagesim serve` handler, picks
// presets, types, reads the rows, the drift view and the totals, and steps
// with the keyboard. Screenshots of the main views go to test-artifacts/.
//
// The tests need a built site and a Chromium, so they run only when
// PAGESIM_E2E=1; ./build.sh test sets it (with PAGESIM_DIST and CHROME_BIN).
package e2e

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/storage"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/require"

	"pagingplayground/web"
)

var (
	baseURL string
	browser context.Context // nil when the browser tests are off
)

const skipMsg = "browser tests run only with PAGESIM_E2E=1 and a built site (./build.sh test sets both)"

func TestMain(m *testing.M) {
	if os.Getenv("PAGESIM_E2E") == "" {
		os.Exit(m.Run()) // every test skips itself, saying why
	}
	os.Exit(runWithBrowser(m))
}

func runWithBrowser(m *testing.M) int {
	dist := os.Getenv("PAGESIM_DIST")
	if dist == "" {
		dist = filepath.Join("..", "dist")
	}
	h, err := web.Handler(os.DirFS(dist))
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", dist+":", err)
		return 1
	}
	srv := httptest.NewServer(h) // 127.0.0.1, a free port
	defer srv.Close()
	baseURL = srv.URL

	chrome := os.Getenv("CHROME_BIN")
	if chrome == "" {
		chrome, _ = exec.LookPath("chromium")
	}
	profile, err := os.MkdirTemp("", "pagesim-e2e-chromium-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	defer os.RemoveAll(profile)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chrome),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1400, 900),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(allocCtx)
	defer cancel()
	if err := chromedp.Do(ctx); err != nil { // start the browser
		fmt.Fprintln(os.Stderr, "e2e: starting", chrome+":", err)
		return 1
	}
	browser = ctx
	return m.Run()
}

// allowed holds, per test, what the page may report as an error because
// the test provokes it (allowConsole).
var allowed sync.Map

// allowConsole lets the page report errors containing any of parts in this
// test (a test that provokes them, e.g. the sandbox's policy refusing a
// script).
func allowConsole(t *testing.T, parts ...string) {
	allowed.Store(t, parts) // (kept: the tab's check runs in a cleanup after any of this test's)
}

// tab opens a new tab for one test. It fails the test on any uncaught
// exception or console error the page reports. The time limit for the
// whole test is 3 minutes: most take seconds, but a loaded 2-core machine
// has stretched some past a minute.
func tab(t *testing.T) context.Context {
	t.Helper()
	return tabFor(t, 3*time.Minute)
}

// tabFor is tab with a time limit of d for the whole test.
func tabFor(t *testing.T, d time.Duration) context.Context {
	t.Helper()
	if browser == nil {
		t.Skip(skipMsg)
	}
	ctx, cancel := chromedp.NewContext(browser)
	t.Cleanup(cancel)
	require.NoError(t, chromedp.Do(ctx)) // open the tab without a timeout
	// Headless tabs are not focused windows; emulate focus so that keyboard
	// focus and :focus-visible behave as in a window a person looks at.
	_, err := chromedp.Call(ctx, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true})
	require.NoError(t, err)
	// Each test starts as a first visit: what an earlier test saved (its own
	// scenario, lesson progress, preferences) stays with that test.
	_, err = chromedp.Call(ctx, storage.ClearDataForOrigin, storage.ClearDataForOriginParams{Origin: baseURL, StorageTypes: "local_storage"})
	require.NoError(t, err)
	msgs := chromedp.Console(ctx)
	var mu sync.Mutex
	var problems []string
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			if m.IsException() || m.Type == "error" {
				mu.Lock()
				problems = append(problems, m.String())
				mu.Unlock()
			}
		}
	}()
	t.Cleanup(func() {
		mu.Lock()
		defer mu.Unlock()
		ok, _ := allowed.Load(t)
		allow, _ := ok.([]string)
	next:
		for _, p := range problems {
			if strings.Contains(p, "favicon") {
				continue
			}
			for _, a := range allow {
				if strings.Contains(p, a) {
					continue next
				}
			}
			t.Errorf("the page reported: %s", p)
		}
	})
	tctx, tcancel := context.WithTimeout(ctx, d)
	t.Cleanup(tcancel)
	return tctx
}

// open loads the page (with a hash, e.g. "#preset=x") and waits for the
// first result. It is always a new document: from the page itself, a
// navigation that only sets the hash would stay in the document, which
// reads the hash asynchronously, so the wait would pass on the results of
// the text still shown.
func open(t *testing.T, ctx context.Context, hash string) {
	t.Helper()
	if strings.HasPrefix(eval[string](t, ctx, `location.href`), baseURL) {
		require.NoError(t, chromedp.Do(ctx, chromedp.Navigate("about:blank")))
	}
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(baseURL+"/"+hash)))
	waitShown(t, ctx)
	waitEditor(t, ctx)
}

// waitShown waits until the results pane answers the text in the editor.
func waitShown(t *testing.T, ctx context.Context) string {
	t.Helper()
	var state string
	var err error
	// A page that is still navigating can drop the poll's JavaScript
	// context ("Cannot find context with specified id"): poll again, a few
	// times, in the new one.
	for try := 0; try < 5; try++ {
		state, err = chromedp.Run(ctx, chromedp.Poll[string](`(() => {
			const r = document.getElementById('results');
			const ta = document.getElementById('scenario');
			return r && ta && r.shownText === ta.value && r.dataset.state ? r.dataset.state : false;
		})()`, chromedp.WithPollingTimeout(30*time.Second), chromedp.WithPollingInterval(20*time.Millisecond)))
		if err == nil || !strings.Contains(err.Error(), "Cannot find context") {
			break
		}
	}
	require.NoError(t, err, "waiting for the results")
	return state
}

// eval runs JavaScript in the page and decodes its value.
func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	require.NoError(t, err, js)
	return v
}

// texts returns the textContent of every element matching a CSS selector.
func texts(t *testing.T, ctx context.Context, sel string) []string {
	t.Helper()
	return eval[[]string](t, ctx, `Array.from(document.querySelectorAll(`+jsString(sel)+`), e => e.textContent.replace(/\s+/g, ' ').trim())`)
}

// runEmbed opens the docs page, adds a <paging-playground> element with id
// and scenario text to it, starts it, and waits until it has run the
// scenario without problems.
func runEmbed(t *testing.T, ctx context.Context, id, text string) {
	t.Helper()
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(baseURL+"/docs.html")))
	elementDefined(t, ctx)
	eval[bool](t, ctx, `(() => {
		const el = document.createElement('paging-playground');
		el.id = `+jsString(id)+`;
		el.setAttribute('scenario', `+jsString(text)+`);
		document.body.append(el);
		el.scrollIntoView();
		el.start();
		return true;
	})()`)
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](`(() => { const e = document.getElementById(`+jsString(id)+`); return !!e && e.dataset.state === 'ok'; })()`,
		chromedp.WithPollingTimeout(30*time.Second)))
	require.NoError(t, err, "the embed %s runs its scenario", id)
}

// elementDefined waits until the page has defined <paging-playground>.
// Navigate can return before the page's deferred script has run (a fresh
// clone's CI run once called start() on an element not yet upgraded:
// "el.start is not a function").
func elementDefined(t *testing.T, ctx context.Context) {
	t.Helper()
	_, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`customElements.whenDefined('paging-playground').then(() => true)`, chromedp.EvalAwaitPromise))
	require.NoError(t, err, "the page defines <paging-playground>")
}

func jsString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, "`", "\\`", "$", `\$`)
	return "`" + r.Replace(s) + "`"
}

// typeScenario replaces the editor's text the way a person would: select
// all, then type. Long texts are pasted (set and an input event) except for
// their last line, which is typed.
func typeScenario(t *testing.T, ctx context.Context, text string) {
	t.Helper()
	head, last := "", text
	if i := strings.LastIndex(strings.TrimSuffix(text, "\n"), "\n"); i >= 0 && len(text) > 120 {
		head, last = text[:i+1], text[i+1:]
	}
	require.NoError(t, chromedp.Do(ctx,
		chromedp.Focus(chromedp.ID("scenario")),
		chromedp.Evaluate[chromedp.Void](`(() => {
			const ta = document.getElementById('scenario');
			ta.value = `+jsString(head)+`;
			ta.setSelectionRange(ta.value.length, ta.value.length);
			ta.dispatchEvent(new Event('input'));
		})()`),
	))
	typeKeys(t, ctx, last)
	waitShown(t, ctx)
	// Done typing: Escape leaves the editor (as the page documents), so the
	// keyboard shortcuts work.
	key(t, ctx, kb.Escape)
}

// typeKeys types text into the focused editor, key by key; a line break is
// the Enter key alone (chromedp's "\n" sends the key and its character,
// which a contenteditable editor takes as two line breaks).
func typeKeys(t *testing.T, ctx context.Context, text string) {
	t.Helper()
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			for _, typ := range []input.DispatchKeyEventType{input.DispatchKeyEventTypeRawKeyDown, input.DispatchKeyEventTypeKeyUp} {
				_, err := chromedp.Call(ctx, input.DispatchKeyEvent, input.DispatchKeyEventParams{
					Type: typ, Key: "Enter", Code: "Enter", WindowsVirtualKeyCode: 13, NativeVirtualKeyCode: 13})
				require.NoError(t, err)
			}
		}
		if line != "" {
			require.NoError(t, chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("scenario"), line)))
		}
	}
}

// key presses a key with the focus outside the editor.
func key(t *testing.T, ctx context.Context, keys string) {
	t.Helper()
	require.NoError(t, chromedp.Do(ctx, chromedp.KeyEvent(keys)))
}

// viewport sets the window size; dark turns prefers-color-scheme: dark on.
func viewport(t *testing.T, ctx context.Context, w, h int64, mobile, dark bool) {
	t.Helper()
	opts := []chromedp.EmulateViewportOption{}
	if mobile {
		opts = append(opts, chromedp.EmulateScale(2), chromedp.EmulateMobile)
	}
	require.NoError(t, chromedp.Do(ctx, chromedp.EmulateViewport(w, h, opts...)))
	scheme := "light"
	if dark {
		scheme = "dark"
	}
	_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
	})
	require.NoError(t, err)
	// The page redraws its canvases and its step table for the new size
	// and colours from events and animation frames: measure and take
	// screenshots once it has.
	settle(t, ctx)
}

// settle waits until the page has drawn what the last action changed: two
// animation frames (a resize observer's or a media query's redraw is
// scheduled in the first), then any redraw the step table has pending. A
// fixed sleep instead is too short on a loaded machine. (A page that
// paints no frame within 2 s, a tab in the background, has nothing to
// settle: it stops waiting.)
func settle(t *testing.T, ctx context.Context) {
	t.Helper()
	_, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(async () => {
		const frame = () => new Promise((r) => { requestAnimationFrame(() => setTimeout(() => r(true), 0)); setTimeout(() => r(false), 2000); });
		if (!(await frame()) || !(await frame())) return false;
		const r = document.getElementById('results');
		const table = r && r.results && r.results.table;
		for (let i = 0; i < 60 && table && table.frame; i++) if (!(await frame())) return false;
		return true;
	})()`, chromedp.EvalAwaitPromise))
	require.NoError(t, err)
}

// screenshot saves the viewport (full: the whole page) as
// test-artifacts/<name>.png.
func screenshot(t *testing.T, ctx context.Context, name string, full bool) string {
	t.Helper()
	var buf []byte
	var err error
	if full {
		buf, err = chromedp.Run(ctx, chromedp.FullScreenshot(100))
	} else {
		buf, err = chromedp.Run(ctx, chromedp.CaptureScreenshot())
	}
	require.NoError(t, err)
	dir := filepath.Join("..", "test-artifacts")
	require.NoError(t, os.MkdirAll(dir, 0o755))
	p := filepath.Join(dir, name+".png")
	require.NoError(t, os.WriteFile(p, buf, 0o644))
	return p
}

// openedBody opens the wire details of step i in the step table under root
// (a JS expression for a document or shadow root) and returns the response
// body once it is there: a long run's later bodies are fetched on demand.
func openedBody(t *testing.T, ctx context.Context, root string, i int) string {
	t.Helper()
	body, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(async () => {
		const d = (`+root+`).querySelector('tr[data-i="`+strconv.Itoa(i)+`"] details.wire');
		if (!d) return 'no row `+strconv.Itoa(i)+`';
		d.open = true;
		// Up to 60 s: the body is fetched from the worker, which a loaded
		// machine may keep busy (a 4 s wait failed now and then). The
		// fetch starts on the toggle event, after this script, and takes
		// the pending mark off as it starts: "loading…" is still on its way.
		for (const end = performance.now() + 60000; performance.now() < end;) {
			const pre = d.querySelectorAll('pre');
			const last = pre[pre.length - 1];
			if (!last.dataset.pending && !/^(loading|not carried)/.test(last.textContent)) return last.textContent;
			await new Promise(r => setTimeout(r, 20));
		}
		return 'timed out';
	})()`, chromedp.EvalAwaitPromise))
	require.NoError(t, err)
	return body
}

// scrollToRow scrolls the virtual step table under root (a JS expression
// for a document or shadow root) until row i is rendered with its data, the
// way a person scrolls: the rows come from the simulator as they show, and
// a wheel event says the reader took over (the table stops keeping the
// selected row in view while row heights settle).
func scrollToRow(t *testing.T, ctx context.Context, root string, i int) {
	t.Helper()
	ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(async () => {
		const root = `+root+`;
		const box = root.querySelector('.vtable');
		box.dispatchEvent(new WheelEvent('wheel'));
		for (let k = 0; k < 3000; k++) {
			const tr = root.querySelector('#steps tr[data-i="`+strconv.Itoa(i)+`"]');
			if (tr && !tr.classList.contains('placeholder')) {
				const r = tr.getBoundingClientRect(), b = box.getBoundingClientRect();
				if (r.top >= b.top && r.top < b.bottom) return true;
				box.scrollTop += r.top - b.top - 60;
			} else {
				const rows = root.querySelectorAll('#steps tr.step');
				const last = rows.length ? Number(rows[rows.length - 1].dataset.i) : 0;
				const first = rows.length ? Number(rows[0].dataset.i) : 0;
				if (`+strconv.Itoa(i)+` > last) box.scrollTop += box.clientHeight * 0.8;
				else if (`+strconv.Itoa(i)+` < first) box.scrollTop -= box.clientHeight * 0.8;
			}
			await new Promise(r => requestAnimationFrame(() => setTimeout(r, 10)));
		}
		return false;
	})()`, chromedp.EvalAwaitPromise))
	require.NoError(t, err)
	require.True(t, ok, "row %d scrolled into view", i)
}
