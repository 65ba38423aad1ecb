package e2e

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// setClient puts code in the client pane as a paste does.
func setClient(t *testing.T, ctx context.Context, code string) {
	t.Helper()
	require.NoError(t, chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`(() => {
		const ta = document.getElementById('client-code');
		ta.value = `+jsString(code)+`;
		ta.dispatchEvent(new Event('input'));
	})()`)))
}

// runClient clicks Run and waits for the pane's verdict or error. The
// click is the button's own (a click at the button's position could land
// on whatever moved there: the results above it settle their row heights
// after they show), and it must start a run: the state it waits for,
// done, is also the last run's (TestClientBugPresets once read the
// previous preset's verdict so).
//
// The button is disabled while a run is going: one the page started itself
// (a client picked before the simulator had started is written into the
// page's link, which the page then opens, client and all), which ends first.
func runClient(t *testing.T, ctx context.Context) string {
	t.Helper()
	started, err := chromedp.Run(ctx, chromedp.Poll[string](`(() => {
		const b = document.getElementById('client-run');
		if (b.disabled) return false;
		b.scrollIntoView({ block: 'center' });
		b.click();
		return document.getElementById('client-pane').dataset.state;
	})()`, chromedp.WithPollingTimeout(40*time.Second), chromedp.WithPollingInterval(50*time.Millisecond)))
	require.NoError(t, err, "the Run button stays disabled")
	require.Contains(t, []string{"queued", "running"}, started, "Run starts the client")
	status, err := chromedp.Run(ctx, chromedp.Poll[string](`(() => {
		const s = document.getElementById('client-status');
		return document.getElementById('client-pane').dataset.state === 'done' ? s.className + ': ' + s.textContent : false;
	})()`, chromedp.WithPollingTimeout(40*time.Second), chromedp.WithPollingInterval(50*time.Millisecond)))
	require.NoError(t, err, "waiting for the client's verdict")
	return status
}

func clientLog(t *testing.T, ctx context.Context) []string {
	t.Helper()
	return strings.Split(strings.TrimSpace(eval[string](t, ctx, `document.getElementById('client-log').textContent`)), "\n")
}

// Celigo's listAll, pasted unchanged (the very file the Node test runs),
// walks the celigo contract while three integrations are created after its
// first page: skip is an offset, so the last three of page 1 come again on
// page 2 (3 duplicates), and the page shows the client's trace.
func TestClientPaneJudgesCeligosSnippetAsWritten(t *testing.T) {
	snippet, err := os.ReadFile(filepath.Join("..", "cmd", "pagesim", "testdata", "clients", "celigo", "listall.mjs"))
	require.NoError(t, err)
	ctx := tab(t)
	open(t, ctx, "")
	typeScenario(t, ctx, "profile celigo\nrecords 250\nwait 1\ninsert 3\n")
	setClient(t, ctx, string(snippet))
	status := runClient(t, ctx)
	assert.Contains(t, status, "ok: The client finished after 3 requests.")
	verdicts := texts(t, ctx, "#client-verdicts li[data-walk]")
	require.Len(t, verdicts, 1)
	assert.Contains(t, verdicts[0], "3 records returned twice")
	assert.Equal(t, "false", eval[string](t, ctx, `document.querySelector('#client-verdicts li[data-walk]').dataset.consistent`))
	log := clientLog(t, ctx)
	assert.Len(t, log, 253, "one console.log line per integration: 100 + 100 + 53")
	assert.Equal(t, "250 undefined", log[0])
	// The results pane shows the client's trace: its three requests.
	assert.Equal(t, "client", eval[string](t, ctx, `document.getElementById('results').dataset.state`))
	assert.Contains(t, eval[string](t, ctx, `document.getElementById('summary').textContent`), "3 requests")
	screenshot(t, ctx, "client-pane", false)
}

// The client-bug presets show their bug: each preset's scenario and code,
// and what the vendor's documentation says should go wrong.
func TestClientBugPresets(t *testing.T) {
	ctx := tab(t)
	open(t, ctx, "")
	offered, err := chromedp.Run(ctx, chromedp.Poll[[]string](`(() => {
		const o = Array.from(document.querySelectorAll('#client-preset option'), o => o.value).filter(Boolean);
		return o.length ? o : false;
	})()`, chromedp.WithPollingTimeout(30*time.Second)))
	require.NoError(t, err)
	for _, c := range []struct{ preset, want string }{
		// Flashduty: total is 1000 for 1500 records; 10 pages of 100 read.
		{"flashduty-capped-total", "500 records never returned"},
		// Celigo after the move to cursors: a replayed link is refused.
		{"celigo-cached-next", "1 refused"},
		// Codefresh: when the second job resets the shared cursor to page 1,
		// the first job's next page is a jump, refused.
		{"codefresh-shared-cursor", "1 refused"},
		// Slack and AIP-158 send short pages before the end: a loop that
		// stops on one never reads the rest.
		{"slack-short-page", "never returned"},
		{"google-short-page", "never returned"},
	} {
		require.Contains(t, offered, c.preset)
		require.NoError(t, chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`(() => {
			const s = document.getElementById('client-preset');
			s.value = `+jsString(c.preset)+`;
			s.dispatchEvent(new Event('change'));
		})()`)))
		waitShown(t, ctx)
		runClient(t, ctx)
		got := strings.Join(texts(t, ctx, "#client-verdicts li"), " | ")
		t.Logf("%s: %s", c.preset, got)
		assert.Contains(t, got, c.want, c.preset)
	}
}

// The sandbox is a boundary. A canary server on another loopback port
// counts every request it gets; the user's code tries every way out of the
// sandbox there is (fetch to the real URL, XMLHttpRequest, WebSocket,
// EventSource, sendBeacon, importScripts, dynamic import of an http:, data:
// or blob: URL, a font, workers, recovering fetch from a prototype or
// another global) and every way to the page (document, window, cookies,
// localStorage, indexedDB, caches, BroadcastChannel, markup in its
// console output). The canary must hear nothing; the fetch is answered by
// the simulator under the scenario's contract; the page shows the markup
// as text.
func TestSandboxCannotReachTheNetworkOrThePage(t *testing.T) {
	var hits atomic.Int64
	canary := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Access-Control-Allow-Origin", "*")
		w.Header().Set("Content-Type", "text/javascript")
		w.Write([]byte(`export default "CANARY"; self.canary = "CANARY";`))
	}))
	defer canary.Close()

	ctx := tab(t)
	// The sandbox's own policy refuses the scripts and the font, and says so.
	allowConsole(t, "violates the following Content Security Policy directive")
	open(t, ctx, "")
	typeScenario(t, ctx, "profile offset\nrecords 5\n")
	setClient(t, ctx, `const CANARY = `+jsString(canary.URL)+`;
const out = {};
const attempt = async (name, f) => {
  try { const v = await f(); out[name] = v === undefined ? 'undefined' : typeof v === 'string' ? v : typeof v; }
  catch (e) { out[name] = 'blocked'; }
};
for (const n of ['XMLHttpRequest', 'WebSocket', 'EventSource', 'importScripts', 'indexedDB', 'caches',
  'BroadcastChannel', 'Worker', 'SharedWorker', 'localStorage', 'sessionStorage', 'document', 'window',
  'cookieStore', 'WebTransport', 'RTCPeerConnection', 'fetchLater', 'FontFace', 'fonts']) {
  out['typeof ' + n] = typeof self[n];
}
const inherited = [];
for (let o = Object.getPrototypeOf(self); o; o = Object.getPrototypeOf(o)) {
  for (const n of ['fetch', 'importScripts', 'indexedDB', 'caches', 'XMLHttpRequest', 'WebSocket']) if (Object.getOwnPropertyDescriptor(o, n) && o[n]) inherited.push(n);
}
out.inherited = inherited.join(',');
out.storage = typeof navigator.storage;
out['typeof sendBeacon'] = typeof navigator.sendBeacon;
// The real URL: answered by the simulator (the offset contract serves /items).
const res = await fetch(CANARY + '/items?limit=2');
out.fetch = res.status + ' ' + (await res.text()).slice(0, 12);
await attempt('xhr', () => { const x = new XMLHttpRequest(); x.open('GET', CANARY + '/xhr'); x.send(); });
await attempt('websocket', () => new WebSocket(CANARY.replace('http', 'ws') + '/ws'));
await attempt('eventsource', () => new EventSource(CANARY + '/sse'));
await attempt('beacon', () => navigator.sendBeacon(CANARY + '/beacon', 'x'));
await attempt('importScripts', () => importScripts(CANARY + '/script.js'));
await attempt('import http', async () => (await import(CANARY + '/import.js')).default);
await attempt('import data', async () => (await import('data:text/javascript,export default "DATA"')).default);
await attempt('import blob', async () => (await import(URL.createObjectURL(new Blob(['export default "BLOB"'], { type: 'text/javascript' })))).default);
await attempt('font', async () => { await new FontFace('canary', 'url(' + CANARY + '/font.woff2)').load(); return 'loaded'; });
await attempt('worker', () => new Worker(CANARY + '/worker.js'));
await attempt('recovered fetch', () => (Function('return this')().fetch === fetch ? 'the simulated one' : 'another'));
await attempt('global fetch', () => (globalThis.fetch === fetch ? 'the simulated one' : 'another'));
await attempt('cookie', () => document.cookie);
await attempt('localStorage', () => localStorage.getItem('x'));
await attempt('indexedDB', () => indexedDB.open('x'));
await attempt('caches', () => caches.open('x'));
await attempt('channel', () => new BroadcastChannel('pagesim'));
out.eval = eval('1 + 1');
console.log(JSON.stringify(out));
console.log('<img src=x onerror="document.body.dataset.pwned=1"><b>bold</b>');
await new Promise((r) => setTimeout(r, 300)); // anything in flight would reach the canary by now
`)
	status := runClient(t, ctx)
	assert.Contains(t, status, "ok:")
	log := clientLog(t, ctx)
	require.GreaterOrEqual(t, len(log), 2, "%v", log)
	var out map[string]any
	require.NoError(t, json.Unmarshal([]byte(log[0]), &out), log[0])
	for _, n := range []string{"XMLHttpRequest", "WebSocket", "EventSource", "importScripts", "indexedDB", "caches",
		"BroadcastChannel", "Worker", "SharedWorker", "localStorage", "sessionStorage", "document", "window",
		"cookieStore", "WebTransport", "RTCPeerConnection", "fetchLater", "FontFace", "fonts"} {
		assert.Equal(t, "undefined", out["typeof "+n], n)
	}
	assert.Equal(t, "", out["inherited"], "nothing left on the prototypes")
	assert.Equal(t, "undefined", out["storage"])
	assert.Equal(t, "undefined", out["typeof sendBeacon"])
	assert.Equal(t, `200 {"items":[{"`, out["fetch"], "the simulator answered, not the canary")
	for _, n := range []string{"xhr", "websocket", "eventsource", "beacon", "importScripts", "import http", "import data", "import blob",
		"font", "worker", "cookie", "localStorage", "indexedDB", "caches", "channel"} {
		assert.Equal(t, "blocked", out[n], n)
	}
	assert.Equal(t, "the simulated one", out["recovered fetch"])
	assert.Equal(t, "the simulated one", out["global fetch"])
	assert.Equal(t, float64(2), out["eval"], "eval works only because the sandbox's own policy allows it")
	assert.Equal(t, int64(0), hits.Load(), "the canary heard nothing")
	// Markup the code logs is text on the page.
	assert.Equal(t, `<img src=x onerror="document.body.dataset.pwned=1"><b>bold</b>`, log[1])
	assert.Equal(t, 0, eval[int](t, ctx, `document.querySelectorAll('#client-log img, #client-log b').length`))
	assert.False(t, eval[bool](t, ctx, `'pwned' in document.body.dataset`))
	// The client's requests are in its trace: one, to the canary's URL.
	assert.Contains(t, eval[string](t, ctx, `document.getElementById('summary').textContent`), "1 request")
	// And the canary hears the browser outside the sandbox: the silence
	// above is the sandbox's doing.
	require.NoError(t, chromedp.Do(tab(t), chromedp.Navigate(canary.URL+"/control")))
	assert.Equal(t, int64(1), hits.Load(), "the canary hears a request that is not sandboxed")
}

// Errors in user code are shown with their line: a syntax error (found by
// acorn: the engine does not say where) and a runtime error (from the
// stack), and a loop that never ends is stopped by the request budget.
func TestSandboxErrorsAndBudget(t *testing.T) {
	ctx := tab(t)
	open(t, ctx, "")
	typeScenario(t, ctx, "profile offset\nrecords 5\n")

	setClient(t, ctx, "const a = 1;\nconst = 2;\n")
	status := runClient(t, ctx)
	assert.Contains(t, status, "error: Line 2, column 7: SyntaxError: Unexpected token")

	setClient(t, ctx, "const a = 1;\nconst b = null;\nconsole.log(b.x);\n")
	status = runClient(t, ctx)
	assert.Contains(t, status, "error: Line 3")
	assert.Contains(t, status, "TypeError")

	setClient(t, ctx, "import x from 'left-pad';\n")
	status = runClient(t, ctx)
	assert.Contains(t, status, "Line 1, column 1: only parse-link-header can be imported")

	setClient(t, ctx, "for (;;) await fetch('/items?offset=0&limit=1');\n")
	status = runClient(t, ctx)
	// Whichever budget runs out first on a loaded machine: 2,000 requests
	// or 10 seconds.
	assert.Regexp(t, `error: .*(sent more than 2000 requests, the sandbox’s budget|more than 10 s, the sandbox’s time budget).*does its loop ever end\?`, status)
	assert.Contains(t, texts(t, ctx, "#client-verdicts li")[0], "accepted")
}

// celigoScenario is the README's: Celigo's listAll sees three integrations
// twice when they are created after its first page (skip is an offset).
const celigoScenario = "profile celigo\nrecords 250\nwait 1\ninsert 3\n"

func celigoListAll(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "cmd", "pagesim", "testdata", "clients", "celigo", "listall.mjs"))
	require.NoError(t, err)
	return string(b)
}

// The client's code is part of the permalink, and the link runs it as it
// opens: the new tab shows the client's walk judged, as it was shared.
func TestPermalinkRunsItsClient(t *testing.T) {
	ctx := tab(t)
	open(t, ctx, "")
	typeScenario(t, ctx, celigoScenario)
	code := celigoListAll(t)
	setClient(t, ctx, code)
	// Copy link writes the state as it is now (the hash follows edits a
	// moment later).
	require.NoError(t, chromedp.Do(ctx, chromedp.Click(chromedp.ID("copy-link"))))
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](`location.hash.startsWith('#z=') && /Link copied|address bar/.test(document.getElementById('status').textContent)`, chromedp.WithPollingTimeout(30*time.Second)))
	require.NoError(t, err)
	link := eval[string](t, ctx, `location.href`)

	ctx2 := tab(t)
	require.NoError(t, chromedp.Do(ctx2, chromedp.Navigate(link)))
	_, err = chromedp.Run(ctx2, chromedp.Poll[bool](`document.getElementById('client-pane').dataset.state === 'done'`,
		chromedp.WithPollingTimeout(40*time.Second), chromedp.WithPollingInterval(50*time.Millisecond)))
	require.NoError(t, err, "the link's client runs: %s", eval[string](t, ctx2, `JSON.stringify({state: document.getElementById('client-pane').dataset.state, status: document.getElementById('client-status').textContent, code: document.getElementById('client-code').value.slice(0, 50), hash: location.hash.slice(0, 40), results: document.getElementById('results').dataset.state})`))
	assert.Equal(t, code, eval[string](t, ctx2, `document.getElementById('client-code').value`))
	assert.Equal(t, celigoScenario, eval[string](t, ctx2, `document.getElementById('scenario').value`))
	assert.Contains(t, eval[string](t, ctx2, `document.getElementById('client-status').textContent`), "The client finished after 3 requests.")
	verdicts := texts(t, ctx2, "#client-verdicts li[data-walk]")
	require.Len(t, verdicts, 1)
	assert.Contains(t, verdicts[0], "3 records returned twice")
	assert.Equal(t, "client", eval[string](t, ctx2, `document.getElementById('results').dataset.state`))
	assert.Contains(t, eval[string](t, ctx2, `document.getElementById('summary').textContent`), "3 requests")

	// The Embed dialog's snippets carry the client too.
	require.NoError(t, chromedp.Do(ctx2, chromedp.Click(chromedp.ID("embed"))))
	_, err = chromedp.Run(ctx2, chromedp.Poll[bool](`document.getElementById('embed-dialog').open && document.getElementById('embed-iframe').value !== ''`, chromedp.WithPollingTimeout(30*time.Second)))
	require.NoError(t, err)
	el := eval[string](t, ctx2, `document.getElementById('embed-element').value`)
	assert.Contains(t, el, "<script type=\"text/x-pagesim-client\">\nimport parseLinkHeader from \"parse-link-header\";")
	assert.Contains(t, el, "</script>\n</paging-playground>")
	assert.Contains(t, eval[string](t, ctx2, `document.getElementById('embed-iframe').value`), "&amp;client=import+parseLinkHeader")
}

// An embed carries client code and runs it: the element (its client
// attribute, or a child script of type text/x-pagesim-client) and the
// iframe (a permalink's state, z=) run the client once the scenario has
// run, and show its walk judged.
func TestEmbedsRunTheirClient(t *testing.T) {
	code := celigoListAll(t)
	ctx := tab(t)
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(baseURL+"/docs.html")))
	waitFor := func(id string) {
		t.Helper()
		_, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById('`+id+`').dataset.state === 'client'`,
			chromedp.WithPollingTimeout(40*time.Second), chromedp.WithPollingInterval(50*time.Millisecond)))
		require.NoError(t, err, "%s runs its client: %s", id, eval[string](t, ctx, `(() => { const e = document.getElementById('`+id+`'); return (e.dataset.state || '') + ' ' + e.shadowRoot.textContent.slice(0, 400); })()`))
	}
	verdict := func(id string) string {
		return eval[string](t, ctx, `Array.from(document.getElementById('`+id+`').shadowRoot.querySelectorAll('.client-verdicts li[data-walk]'), l => l.textContent).join(' | ')`)
	}
	// The attribute.
	eval[bool](t, ctx, `(() => {
		const el = document.createElement('paging-playground');
		el.id = 'with-client';
		el.setAttribute('scenario', `+jsString(celigoScenario)+`);
		el.setAttribute('client', `+jsString(code)+`);
		el.setAttribute('load', 'eager');
		document.body.prepend(el);
		return true;
	})()`)
	waitFor("with-client")
	assert.Contains(t, verdict("with-client"), "3 records returned twice")
	assert.Equal(t, 3, eval[int](t, ctx, `document.getElementById('with-client').trace.summary.requests`), "the element's trace is the client's")
	assert.Equal(t, code, eval[string](t, ctx, `document.getElementById('with-client').client`))

	// The child script, as the Embed dialog writes it ("</" written "<\/").
	withScript := "\n  profile offset\n  records 30\n  wait 1\n  insert 1\n  <script type=\"text/x-pagesim-client\">\n" +
		"const tag = \"<\\/b>\";\nlet total = 1;\nfor (let offset = 0; offset < total; offset += 10) {\n" +
		"  const body = await (await fetch(\"/items?offset=\" + offset + \"&limit=10\")).json();\n  total = body.total;\n}\n  </script>\n"
	eval[bool](t, ctx, `(() => {
		const el = document.createElement('paging-playground');
		el.id = 'with-script';
		el.setAttribute('load', 'eager');
		el.innerHTML = `+jsString(withScript)+`;
		document.body.prepend(el);
		return true;
	})()`)
	waitFor("with-script")
	assert.Equal(t, "profile offset\nrecords 30\nwait 1\ninsert 1\n", eval[string](t, ctx, `document.getElementById('with-script').shadowRoot.querySelector('textarea').value`), "the script is not part of the scenario")
	// An offset client under one insert at the head reads one record twice.
	assert.Contains(t, verdict("with-script"), "1 record returned twice")

	// The iframe, from a permalink's state.
	state, err := json.Marshal(map[string]any{"v": 1, "text": celigoScenario, "tab": "steps", "compare": []string{}, "step": 0, "client": code})
	require.NoError(t, err)
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(baseURL+"/embed.html#z="+deflate64(t, string(state)))))
	_, err = chromedp.Run(ctx, chromedp.Poll[bool](`(() => { const e = document.querySelector('paging-playground'); return !!e && e.dataset.state === 'client'; })()`,
		chromedp.WithPollingTimeout(40*time.Second), chromedp.WithPollingInterval(50*time.Millisecond)))
	require.NoError(t, err, "the iframe runs its client")
	got := eval[string](t, ctx, `Array.from(document.querySelector('paging-playground').shadowRoot.querySelectorAll('.client-verdicts li[data-walk]'), l => l.textContent).join(' | ')`)
	assert.Contains(t, got, "3 records returned twice")
	// Its "Open in the playground" link carries the client too.
	open := eval[string](t, ctx, `document.querySelector('paging-playground').shadowRoot.querySelector('.pp-open').href`)
	assert.Contains(t, open, "#z=")
	screenshot(t, ctx, "embed-client", false)
}

// A request the client's code sent has no line in the scenario: its row and
// the step panel say which of the client's requests it was and which line
// of its code called fetch (from the stack in the sandbox), not "line 0".
func TestClientRequestStepsSayWhichLineSentThem(t *testing.T) {
	ctx := tab(t)
	open(t, ctx, "")
	typeScenario(t, ctx, "profile offset\nrecords 30\n")
	setClient(t, ctx, "// two pages, the second from a helper\nawait fetch('/items?offset=0&limit=10');\nasync function more() {\n  return fetch('/items?offset=10&limit=10');\n}\nawait more();\n")
	assert.Contains(t, runClient(t, ctx), "ok: The client finished after 2 requests.")
	origins, err := chromedp.Run(ctx, chromedp.Poll[[]string](`(() => {
		const rows = Array.from(document.querySelectorAll('#steps tr.step'));
		if (rows.length !== 2 || rows.some(r => r.classList.contains('placeholder'))) return false;
		return rows.map(r => r.querySelector('.c-i .muted').textContent);
	})()`, chromedp.WithPollingTimeout(30*time.Second)))
	require.NoError(t, err)
	assert.Equal(t, []string{"client request 1, code line 2", "client request 2, code line 4"}, origins)
	require.NoError(t, chromedp.Do(ctx, chromedp.Click(`#steps tr.step[data-i="1"]`)))
	head, err := chromedp.Run(ctx, chromedp.Poll[string](`(() => {
		const h = document.querySelector('#step-panel .sp-head');
		return h && h.textContent.includes('Step 2 of 2') && h.textContent.includes('tick') ? h.textContent : false;
	})()`, chromedp.WithPollingTimeout(30*time.Second)))
	require.NoError(t, err)
	assert.Contains(t, head, "client request 2, code line 4")
	assert.NotContains(t, head, "line 0")
}
