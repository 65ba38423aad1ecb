package e2e

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// hostSite serves pages on another origin than the playground's (another
// port is another origin), the way a documentation site would embed it.
// PLAYGROUND in a page is replaced by the playground's base URL. Each page
// is served with the Content-Security-Policy the README tells such a site
// to allow the element with.
func hostSite(t *testing.T, pages map[string]string) string {
	t.Helper()
	return hostSiteWith(t, pages, "")
}

// hostSiteWith is hostSite with more sources in the policy's script-src.
func hostSiteWith(t *testing.T, pages map[string]string, scriptSrc string) string {
	t.Helper()
	pages["/host.css"] = hostCSS
	csp := "default-src 'self'; script-src 'self' PLAYGROUND 'wasm-unsafe-eval'" + scriptSrc + "; worker-src blob:; connect-src PLAYGROUND; " +
		"style-src 'self' PLAYGROUND; img-src 'self' data:; frame-src PLAYGROUND"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		page, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		if strings.HasSuffix(r.URL.Path, ".css") {
			w.Header().Set("Content-Type", "text/css")
		}
		w.Header().Set("Content-Security-Policy", strings.ReplaceAll(csp, "PLAYGROUND", baseURL))
		w.Write([]byte(strings.ReplaceAll(page, "PLAYGROUND", baseURL)))
	}))
	t.Cleanup(srv.Close)
	require.NotEqual(t, baseURL, srv.URL)
	return srv.URL
}

const hostHead = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Another site's docs</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/host.css">
<script src="PLAYGROUND/paging-playground.js"></script>
</head>`

const hostCSS = `body { font: 16px/1.5 system-ui, sans-serif; max-width: 820px; margin: 0 auto; padding: 0 16px; }
.long { height: 4000px; }
@media (prefers-color-scheme: dark) { body { background: #15171a; color: #ddd; } }
`

// The host page of the cross-origin tests: an embed at the top, then one
// far down the page that autoplays.
const hostPage = hostHead + `
<body>
<h1>Paging, on docs.example</h1>
<p>This page is on another origin than the playground; it loads the element with one script tag.</p>
<paging-playground id="top" preset="offset-insert-drift" readonly></paging-playground>
<div class="long"><p>(a long page)</p></div>
<paging-playground id="far" autoplay readonly>
  profile cursor limit=5
  records 20
  GET /items?limit=5
  insert 1
  walk
</paging-playground>
</body></html>`

func waitState(t *testing.T, ctx context.Context, id, want string) {
	t.Helper()
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById('`+id+`').dataset.state === '`+want+`'`,
		chromedp.WithPollingTimeout(30*time.Second), chromedp.WithPollingInterval(25*time.Millisecond)))
	require.NoError(t, err, "waiting for %s to be %s (it is %s: %s)", id, want,
		eval[string](t, ctx, `document.getElementById('`+id+`').dataset.state || ''`),
		eval[string](t, ctx, `document.getElementById('`+id+`').shadowRoot.textContent.slice(0, 300)`))
}

// wasmFetches counts the page's downloads of the simulator's WASM.
const wasmFetches = `performance.getEntriesByType('resource').filter(r => /\/pagesim-[^/]*\.wasm/.test(r.name)).length`

func TestElementOnAnotherOriginLoadsWhenSeen(t *testing.T) {
	host := hostSite(t, map[string]string{"/": hostPage})
	ctx := tab(t)
	cspWatch(t, ctx)
	viewport(t, ctx, 1100, 800, false, false)
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(host+"/")))
	waitState(t, ctx, "top", "ok")
	assert.Greater(t, eval[int](t, ctx, `document.getElementById('top').shadowRoot.querySelectorAll('tr.step').length`), 3)
	assert.Contains(t, eval[string](t, ctx, `document.getElementById('top').shadowRoot.querySelector('.summary').textContent`), "profile offset")
	assert.Empty(t, eval[[]string](t, ctx, `window.__csp`), "CSP violations on the host page")
	screenshot(t, ctx, "cross-origin-host", false)

	// The embed four screens down has not started, nor autoplayed; it shows
	// its scenario and says when it starts.
	assert.Equal(t, "idle", eval[string](t, ctx, `document.getElementById('far').dataset.state`))
	assert.Contains(t, eval[string](t, ctx, `document.getElementById('far').shadowRoot.querySelector('textarea').value`), "profile cursor limit=5")
	assert.Equal(t, 1, eval[int](t, ctx, wasmFetches), "one simulator download")

	// Scrolled to, it runs on the simulator already loaded, and autoplay
	// starts once it is on screen.
	eval[bool](t, ctx, `document.getElementById('far').scrollIntoView({block: 'center'}), true`)
	waitState(t, ctx, "far", "ok")
	// Loaded, it is taller: the reader scrolls on to see it whole.
	eval[bool](t, ctx, `document.getElementById('far').scrollIntoView({block: 'start'}), true`)
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](`Number(document.getElementById('far').dataset.step) >= 2`, chromedp.WithPollingTimeout(30*time.Second)))
	require.NoError(t, err, "autoplay starts when visible: %s", eval[string](t, ctx, `(() => { const e = document.getElementById('far'); return JSON.stringify({...e.dataset, userPaused: e.userPaused, visible: e.visible, finished: e.finished, steps: e.steps, y: scrollY, r: e.getBoundingClientRect(), ih: innerHeight, sh: document.documentElement.scrollHeight}); })()`))
	assert.Equal(t, 1, eval[int](t, ctx, wasmFetches), "still one simulator download")
	screenshot(t, ctx, "cross-origin-host-far", false)
}

// The element started before any embed comes near the viewport, with
// load="click": a button starts it.
func TestLoadOnClick(t *testing.T) {
	host := hostSite(t, map[string]string{"/": hostHead + `<body>
<paging-playground id="c" load="click" scenario="profile offset
records 10
GET /items?limit=5
walk"></paging-playground></body></html>`})
	ctx := tab(t)
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(host+"/")))
	elementDefined(t, ctx)
	time.Sleep(700 * time.Millisecond) // time in which an element that loads by itself would start
	assert.Equal(t, "idle", eval[string](t, ctx, `document.getElementById('c').dataset.state`))
	assert.Equal(t, 0, eval[int](t, ctx, wasmFetches), "nothing downloaded before the click")
	eval[bool](t, ctx, `Array.from(document.getElementById('c').shadowRoot.querySelectorAll('button')).find(b => /Run this scenario/.test(b.textContent)).click(), true`)
	waitState(t, ctx, "c", "ok")
}

// The API: properties, methods and events on the element, on a page of
// another origin.
func TestElementAPI(t *testing.T) {
	host := hostSite(t, map[string]string{"/": hostHead + `<body>
<paging-playground id="e" scenario="profile offset limit=5
records 20
GET /items?offset=0&amp;limit=5
insert 1
next
walk"></paging-playground></body></html>`})
	ctx := tab(t)
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(host+"/")))
	waitState(t, ctx, "e", "ok")
	got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(async () => {
		const el = document.getElementById('e');
		const log = [];
		for (const type of ['pagesim-step', 'pagesim-result', 'pagesim-play', 'pagesim-pause']) {
			document.addEventListener(type, (ev) => log.push(type + ' ' + JSON.stringify(type === 'pagesim-result' ? ev.detail.trace.profile : ev.detail)));
		}
		log.push('steps ' + el.steps + ', step ' + el.step);
		el.goTo(3);
		log.push('step ' + el.step + ' ' + el.dataset.step);
		el.step = 99; // past the end: the last step
		log.push('step ' + el.step);
		const t = await el.run('profile cursor limit=5\nrecords 20\nGET /items?limit=5\nwalk\n');
		log.push('ran ' + t.profile + ' ' + el.scenario.split('\n')[0]);
		el.play();
		el.pause();
		return log.join('\n');
	})()`, chromedp.EvalAwaitPromise))
	require.NoError(t, err)
	lines := strings.Split(got, "\n")
	t.Log(got)
	require.GreaterOrEqual(t, len(lines), 7)
	assert.True(t, strings.HasPrefix(lines[1], "pagesim-step {\"step\":3,\"steps\":"+strings.TrimPrefix(strings.Split(lines[0], ",")[0], "steps ")+","), lines[1])
	assert.Equal(t, "step 3 3", lines[2])
	assert.Contains(t, got, "pagesim-result \"cursor\"")
	assert.Contains(t, got, "ran cursor profile cursor limit=5")
	assert.Contains(t, got, "pagesim-play")
	assert.Contains(t, got, "pagesim-pause")
}

// The iframe speaks the element's API through postMessage to the page that
// framed it, and to nobody else.
func TestIframeAPIChecksOrigins(t *testing.T) {
	frames := hostHead + `<body>
<iframe id="ok" src="PLAYGROUND/embed.html#preset=offset-insert-drift&readonly" width="700" height="500"></iframe>
<iframe id="other" src="PLAYGROUND/embed.html#preset=offset-insert-drift&origin=https://elsewhere.example" width="700" height="300"></iframe>
</body></html>`
	host := hostSite(t, map[string]string{"/": frames})
	ctx := tab(t)
	// The host listens from the start of its document: a frame that runs
	// its scenario before the test's script gets in must not go unheard.
	_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `window.__log = []; window.__replies = new Map();
		window.addEventListener('message', (e) => {
			if (e.origin !== '` + baseURL + `' || !e.data || !e.data.pagesim) return;
			const ok = document.getElementById('ok');
			const from = ok && e.source === ok.contentWindow ? 'ok' : 'other';
			if (e.data.pagesim === 'event') window.__log.push(from + ' event ' + e.data.type + (e.data.type === 'pagesim-step' ? ' ' + e.data.detail.step : ''));
			if (e.data.pagesim === 'reply') window.__replies.set(from + e.data.id, e.data);
		});`,
	})
	require.NoError(t, err)
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(host+"/")))
	got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(async () => {
		const log = window.__log, replies = window.__replies;
		const frame = (id) => document.getElementById(id).contentWindow;
		const call = async (id, n, method, ...args) => {
			frame(id).postMessage({ pagesim: 'call', id: n, method, args }, '*');
			for (let i = 0; i < 150; i++) {
				if (replies.has(id + n)) return replies.get(id + n);
				await new Promise(r => setTimeout(r, 40));
			}
			return 'no reply';
		};
		// Wait for the result, then drive it.
		for (const end = performance.now() + 60000; performance.now() < end && !log.some(l => l === 'ok event pagesim-result');) await new Promise(r => setTimeout(r, 40));
		log.push('goTo ' + JSON.stringify((await call('ok', 1, 'goTo', 2)).result));
		log.push('get ' + JSON.stringify((await call('ok', 2, 'get', 'step')).result));
		log.push('bad ' + JSON.stringify((await call('ok', 3, 'eval', 'alert(1)')).error));
		log.push('other ' + JSON.stringify(await call('other', 4, 'goTo', 2)));
		return log.join('\n');
	})()`, chromedp.EvalAwaitPromise))
	require.NoError(t, err)
	t.Log(got)
	assert.Contains(t, got, "ok event pagesim-result")
	assert.Contains(t, got, "ok event pagesim-step 2")
	assert.Contains(t, got, "goTo 2")
	assert.Contains(t, got, "get 2")
	assert.Contains(t, got, `bad "unknown method eval"`)
	assert.Contains(t, got, `other "no reply"`, "a frame told to serve another origin ignores this page")
	assert.NotContains(t, got, "other event", "and tells it nothing")
}

// Client code in an element on another origin runs as the README says: the
// host's policy allows blob: workers and 'unsafe-eval' (the sandbox starts
// from a blob: URL and compiles the code), and the client's walk is judged.
func TestElementOnAnotherOriginRunsItsClient(t *testing.T) {
	host := hostSiteWith(t, map[string]string{"/": hostHead + `<body>
<paging-playground id="c" load="eager">
  profile offset
  records 30
  wait 1
  insert 1
  <script type="text/x-pagesim-client">
let total = 1;
for (let offset = 0; offset < total; offset += 10) {
  const body = await (await fetch("/items?offset=" + offset + "&limit=10")).json();
  total = body.total;
}
  </script>
</paging-playground></body></html>`}, " 'unsafe-eval'")
	ctx := tab(t)
	cspWatch(t, ctx)
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(host+"/")))
	waitState(t, ctx, "c", "client")
	// An offset walk under one insert at the head reads one record twice.
	assert.Contains(t, eval[string](t, ctx, `document.getElementById('c').shadowRoot.querySelector('.client-verdicts li[data-walk]').textContent`), "1 record returned twice")
	assert.Empty(t, eval[[]string](t, ctx, `window.__csp`), "CSP violations on the host page")
}
