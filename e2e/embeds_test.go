package e2e

import (
	"bytes"
	"compress/flate"
	"context"
	"encoding/base64"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// cspWatch records every Content-Security-Policy violation, in every frame,
// from the start of each document.
func cspWatch(t *testing.T, ctx context.Context) {
	t.Helper()
	_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber), true);`,
	})
	require.NoError(t, err)
}

// waitEmbeds starts every embed on the page (they load only when near the
// screen otherwise) and waits for their results and the iframe's.
func waitEmbeds(t *testing.T, ctx context.Context, n int) {
	t.Helper()
	elementDefined(t, ctx)
	eval[bool](t, ctx, `document.querySelectorAll('paging-playground').forEach(e => e.start()), true`)
	eval[bool](t, ctx, `(() => { const f = document.getElementById('frame'); if (f) f.loading = 'eager'; return true; })()`)
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](`(() => {
		const els = Array.from(document.querySelectorAll('paging-playground'));
		els.forEach(e => e.start());
		const f = document.getElementById('frame');
		const inner = f && f.contentDocument && f.contentDocument.querySelector('paging-playground');
		if (inner && inner.start) inner.start(); // the frame defines the element when its script has run
		return els.length === `+strconv.Itoa(n)+` && els.every(e => e.dataset.state === 'ok') && !!inner && inner.dataset.state === 'ok';
	})()`, chromedp.WithPollingTimeout(30*time.Second)))
	require.NoError(t, err, "waiting for every embed's result")
}

// inView reports whether a selector's element inside an embed's shadow root
// is wholly visible within the embed's box (no scrolling inside it needed).
func inView(t *testing.T, ctx context.Context, id, sel string) bool {
	t.Helper()
	ok, err := chromedp.Run(ctx, chromedp.Poll[bool](`(() => {
		const host = document.getElementById('`+id+`');
		const el = host.shadowRoot.querySelector(`+jsString(sel)+`);
		if (!el) return false;
		const r = el.getBoundingClientRect(), b = host.getBoundingClientRect();
		let p = el.parentElement;
		for (; p; p = p.parentElement) {
			const c = p.getBoundingClientRect();
			if (getComputedStyle(p).overflowY !== 'visible' && (r.top < c.top - 1 || r.bottom > c.bottom + 1)) return false;
		}
		return r.width > 0 && r.top >= b.top - 1 && r.bottom <= b.bottom + 1 && r.left >= b.left - 1 && r.right <= b.right + 1;
	})()`, chromedp.WithPollingTimeout(15*time.Second)))
	if err != nil || !ok {
		t.Logf("%s %s is not in view: %s", id, sel, eval[string](t, ctx, `((id, sel) => {
			const host = document.getElementById(id);
			const el = host.shadowRoot.querySelector(sel);
			if (!el) return 'none';
			const out = [JSON.stringify(host.dataset)];
			for (let p = el; p; p = p.parentElement) {
				const c = p.getBoundingClientRect();
				out.push(p.tagName + '.' + p.className + ' ' + getComputedStyle(p).overflowY + ' ' + [c.top, c.bottom, c.left, c.right].map(Math.round) + ' st=' + p.scrollTop + ' sh=' + p.scrollHeight + ' ch=' + p.clientHeight);
			}
			const b = host.getBoundingClientRect();
			out.push('host ' + [b.top, b.bottom, b.left, b.right].map(Math.round));
			return out.join('\n');
		})('`+id+`', `+jsString(sel)+`)`))
	}
	return err == nil && ok
}

func TestDocsPageEmbedsUnderCSP(t *testing.T) {
	for _, dark := range []bool{false, true} {
		ctx := tab(t)
		cspWatch(t, ctx)
		if dark {
			viewport(t, ctx, 390, 844, true, true)
		} else {
			viewport(t, ctx, 1200, 900, false, false)
		}
		require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(baseURL+"/docs.html")))
		waitEmbeds(t, ctx, 3)
		assert.Empty(t, eval[[]string](t, ctx, `window.__csp.concat(document.getElementById('frame').contentWindow.__csp || [])`), "CSP violations")
		// One simulator for the whole page: one worker, one WASM download.
		assert.Equal(t, 1, eval[int](t, ctx, `performance.getEntriesByType('resource').filter(r => /\/worker-[^/]*\.js/.test(r.name)).length`), "workers")
		assert.Equal(t, 1, eval[int](t, ctx, wasmFetches), "WASM downloads")
		// Styles neither leak in nor out: the site's buttons are round and bold.
		assert.Equal(t, "999px", eval[string](t, ctx, `getComputedStyle(document.querySelector('#api-demo button')).borderTopLeftRadius`))
		assert.NotEqual(t, "999px", eval[string](t, ctx, `getComputedStyle(document.getElementById('drift').shadowRoot.querySelector('button')).borderTopLeftRadius`), "the host's button style leaked in")
		// Each shows what its prose says without scrolling inside it: the
		// drift embed its step 3, the page that repeats record 16; the
		// compare embed both profiles side by side.
		assert.True(t, eval[bool](t, ctx, `document.getElementById('drift').shadowRoot.querySelector('textarea').readOnly`))
		assert.Equal(t, "3", eval[string](t, ctx, `document.getElementById('drift').dataset.step`))
		if !dark { // a phone shows the rows as cards, one screen each
			assert.True(t, inView(t, ctx, "drift", `tr[data-i="2"]`), "the drift embed shows step 3 (index 2)")
		}
		assert.Contains(t, eval[string](t, ctx, `document.getElementById('drift').shadowRoot.querySelector('tr[data-i="2"]').textContent`), "repeat: 16")
		assert.Equal(t, 2, eval[int](t, ctx, `document.getElementById('cursor').shadowRoot.querySelectorAll('.cmp-col').length`))
		assert.True(t, inView(t, ctx, "cursor", `.cmp-col[data-profile="offset"] h3`), "the compare embed shows the offset column")
		assert.True(t, inView(t, ctx, "cursor", `.cmp-col[data-profile="cursor"] h3`), "the compare embed shows the cursor column")
		if !dark {
			assert.Equal(t, eval[int](t, ctx, `Math.round(document.getElementById('cursor').shadowRoot.querySelector('.cmp-col[data-profile="offset"]').getBoundingClientRect().top)`),
				eval[int](t, ctx, `Math.round(document.getElementById('cursor').shadowRoot.querySelector('.cmp-col[data-profile="cursor"]').getBoundingClientRect().top)`), "side by side")
			// Autoplay steps inside its element once it is on screen, without
			// scrolling the page.
			eval[bool](t, ctx, `document.getElementById('preset').scrollIntoView({block: 'center'}), true`)
			y := eval[int](t, ctx, `Math.round(window.scrollY)`)
			_, err := chromedp.Run(ctx, chromedp.Poll[bool](`Number(document.getElementById('preset').dataset.step) >= 2`, chromedp.WithPollingTimeout(30*time.Second)))
			require.NoError(t, err, "autoplay: %s", eval[string](t, ctx, `(() => { const e = document.getElementById('preset'); return JSON.stringify({...e.dataset, userPaused: e.userPaused, visible: e.visible, finished: e.finished, steps: e.steps}); })()`))
			assert.Equal(t, y, eval[int](t, ctx, `Math.round(window.scrollY)`), "autoplay scrolled the host page")
			// The page's own buttons drive it through the API.
			eval[bool](t, ctx, `document.querySelector('#api-demo button[data-go="1"]').click(), true`)
			_, err = chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById('api-out').textContent.startsWith('The embed shows step 1 of')`, chromedp.WithPollingTimeout(30*time.Second)))
			require.NoError(t, err, "the API example")
			eval[bool](t, ctx, `window.scrollTo(0, 0), true`)
		}
		if dark {
			assert.LessOrEqual(t, eval[int](t, ctx, `document.documentElement.scrollWidth`), 390, "no sideways scrolling")
			screenshot(t, ctx, "docs-embeds-phone-dark", true)
			viewport(t, ctx, 390, 844, true, false)
			screenshot(t, ctx, "docs-embeds-phone", true)
		} else {
			screenshot(t, ctx, "docs-embeds", true)
			viewport(t, ctx, 1200, 900, false, true)
			screenshot(t, ctx, "docs-embeds-dark", true)
		}
		// Keyboard: the element steps with j.
		require.NoError(t, chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`document.getElementById('drift').shadowRoot.querySelector('.pp').focus()`)))
		before := eval[string](t, ctx, `document.getElementById('drift').dataset.step`)
		key(t, ctx, "j")
		assert.NotEqual(t, before, eval[string](t, ctx, `document.getElementById('drift').dataset.step`))
	}
}

func TestEmbedPageAutoplay(t *testing.T) {
	ctx := tab(t)
	cspWatch(t, ctx)
	viewport(t, ctx, 600, 420, false, false)
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(baseURL+"/embed.html#preset=offset-insert-drift&readonly&autoplay")))
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](`(() => { const e = document.querySelector('paging-playground'); return !!e && Number(e.dataset.step) >= 2; })()`,
		chromedp.WithPollingTimeout(20*time.Second)))
	require.NoError(t, err, "autoplay steps on its own")
	assert.Empty(t, eval[[]string](t, ctx, `window.__csp`))
	assert.Equal(t, 0, eval[int](t, ctx, `document.querySelectorAll('header, h1').length`), "no page chrome")
	screenshot(t, ctx, "embed-page", false)
}

func deflate64(t *testing.T, s string) string {
	var b bytes.Buffer
	w, err := flate.NewWriter(&b, 9)
	require.NoError(t, err)
	_, err = w.Write([]byte(s))
	require.NoError(t, err)
	require.NoError(t, w.Close())
	return base64.RawURLEncoding.EncodeToString(b.Bytes())
}

func TestPermalinkRoundTrip(t *testing.T) {
	ctx := tab(t)
	open(t, ctx, "")
	typeScenario(t, ctx, offsetDrift)
	key(t, ctx, "g")
	key(t, ctx, "j")
	key(t, ctx, "j")
	key(t, ctx, "2") // the drift view
	require.NoError(t, chromedp.Do(ctx, chromedp.Click(chromedp.ID("copy-link"))))
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](`location.hash.startsWith('#z=') && /Link copied|address bar/.test(document.getElementById('status').textContent)`, chromedp.WithPollingTimeout(30*time.Second)))
	require.NoError(t, err)
	link := eval[string](t, ctx, `location.href`)

	ctx2 := tab(t)
	require.NoError(t, chromedp.Do(ctx2, chromedp.Navigate(link)))
	waitShown(t, ctx2)
	_, err = chromedp.Run(ctx2, chromedp.Poll[bool](`document.getElementById('tab-drift').getAttribute('aria-selected') === 'true'`, chromedp.WithPollingTimeout(30*time.Second)))
	require.NoError(t, err, "the view comes back: %s %s", link, eval[string](t, ctx2, `location.hash + ' ' + document.getElementById('link-error').textContent + document.getElementById('status').textContent`))
	assert.Equal(t, offsetDrift, eval[string](t, ctx2, `document.getElementById('scenario').value`))
	assert.Contains(t, eval[string](t, ctx2, `document.getElementById('step-panel').textContent`), "Step 3 of")
	assert.True(t, eval[bool](t, ctx2, `document.getElementById('link-error').hidden`))

	// The Embed button offers both snippets for this state.
	require.NoError(t, chromedp.Do(ctx2, chromedp.Click(chromedp.ID("embed"))))
	_, err = chromedp.Run(ctx2, chromedp.Poll[bool](`document.getElementById('embed-dialog').open && document.getElementById('embed-iframe').value !== ''`, chromedp.WithPollingTimeout(30*time.Second)))
	require.NoError(t, err)
	el := eval[string](t, ctx2, `document.getElementById('embed-element').value`)
	assert.Contains(t, el, `paging-playground.js"></script>`)
	assert.Contains(t, el, "GET /items?offset=0&amp;limit=10")
	// The options start from the playground's view and step, read-only.
	assert.Contains(t, el, `tab="drift" step="3" readonly>`)
	iframe := eval[string](t, ctx2, `document.getElementById('embed-iframe').value`)
	assert.Contains(t, iframe, "embed.html#scenario=")
	assert.Contains(t, iframe, "&amp;tab=drift&amp;step=3&amp;readonly")
	assert.Contains(t, eval[string](t, ctx2, `document.getElementById('embed-host').textContent`), "Access-Control-Allow-Origin")
	// Changing them changes the snippets and the live preview.
	eval[bool](t, ctx2, `(() => {
		const set = (id, f) => { const e = document.getElementById(id); f(e); e.dispatchEvent(new Event(e.type === 'checkbox' ? 'change' : 'input')); };
		set('embed-readonly', e => e.checked = false);
		set('embed-autoplay', e => e.checked = true);
		set('embed-height', e => e.value = '420');
		set('embed-tab', e => e.value = 'steps');
		set('embed-step', e => e.value = '2');
		return true;
	})()`)
	el = eval[string](t, ctx2, `document.getElementById('embed-element').value`)
	assert.Contains(t, el, `<paging-playground step="2" height="420" autoplay>`)
	assert.Contains(t, eval[string](t, ctx2, `document.getElementById('embed-iframe').value`), `height="420"`)
	_, err = chromedp.Run(ctx2, chromedp.Poll[bool](`(() => {
		const f = document.getElementById('embed-preview');
		const e = f.contentDocument && f.contentDocument.querySelector('paging-playground');
		return !!e && e.dataset.state === 'ok' && e.hasAttribute('autoplay') && !e.hasAttribute('readonly') && Math.abs(f.getBoundingClientRect().height - 420) <= 2;
	})()`, chromedp.WithPollingTimeout(20*time.Second)))
	require.NoError(t, err, "the preview: %s", eval[string](t, ctx2, `(() => { const f = document.getElementById('embed-preview'); const e = f.contentDocument && f.contentDocument.querySelector('paging-playground'); return f.src + ' ' + f.getBoundingClientRect().height + ' ' + (e ? e.outerHTML.slice(0, 200) + ' ' + e.dataset.state : 'no element'); })()`))
	screenshot(t, ctx2, "embed-dialog", false)
	key(t, ctx2, kb.Escape)
	assert.False(t, eval[bool](t, ctx2, `document.getElementById('embed-dialog').open`))
}

func TestHostileLinks(t *testing.T) {
	huge := deflate64(t, `{"v":1,"text":"`+strings.Repeat("x", 3<<20)+`"}`)
	cases := map[string]string{
		"garbage":       "#z=%%%<script>alert(1)</script>",
		"not deflate":   "#z=" + base64.RawURLEncoding.EncodeToString([]byte("hello world, not compressed")),
		"truncated":     "#z=" + deflate64(t, `{"v":1,"text":"profile offset\nrecords 10\nwalk\n","tab":"drift"}`)[:20],
		"huge":          "#z=" + huge,
		"wrong version": "#z=" + deflate64(t, `{"v":99,"text":"records 5\nwalk\n"}`),
		"not an object": "#z=" + deflate64(t, `[1,2,3]`),
		"bad s":         "#s=***",
		"no preset":     "#preset=nope",
		"too long":      "#z=" + strings.Repeat("A", 300_000),
	}
	ctx := tabFor(t, 4*time.Minute) // nine page loads
	for name, hash := range cases {
		require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(baseURL+"/?"+strings.ReplaceAll(name, " ", "-")+hash)), name)
		_, err := chromedp.Run(ctx, chromedp.Poll[bool](`!document.getElementById('link-error').hidden && !!document.getElementById('results').dataset.state`,
			chromedp.WithPollingTimeout(20*time.Second)))
		require.NoError(t, err, name)
		msg := eval[string](t, ctx, `document.getElementById('link-error').textContent`)
		assert.Contains(t, msg, "This link cannot be opened", name)
		t.Logf("%s: %s", name, msg)
		assert.Equal(t, "", eval[string](t, ctx, `document.getElementById('scenario').value`), name)
		assert.Equal(t, 0, eval[int](t, ctx, `document.querySelectorAll('script:not([src])').length`), name)
		if name == "wrong version" {
			assert.Contains(t, msg, "version 99")
			screenshot(t, ctx, "link-error", false)
		}
	}
}

// Embeds share one worker, whose simulator keeps only its last run: opening
// a long run's later step in one embed, after another embed ran, still shows
// that embed's own body (the worker runs its scenario again first).
func TestEmbedLoadsTheBodyOfItsOwnRun(t *testing.T) {
	ctx := tab(t)
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(baseURL+"/docs.html")))
	waitEmbeds(t, ctx, 3)
	eval[bool](t, ctx, `(() => {
		const add = (id, text) => { const el = document.createElement('paging-playground'); el.id = id; el.setAttribute('scenario', text); document.body.append(el); };
		add('long', 'profile offset\nrecords 3000\nGET /items?limit=10\nwalk\n');
		add('other', 'profile cursor\nrecords 50\nGET /items?limit=5\nwalk\n');
		return true;
	})()`)
	waitEmbeds(t, ctx, 5)
	// Another embed runs last, so the worker's last run is not the long one.
	eval[bool](t, ctx, `document.getElementById('other').setAttribute('scenario', 'profile cursor\nrecords 60\nGET /items?limit=5\nwalk\n'), true`)
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById('other').shadowRoot.textContent.includes('60 records')`, chromedp.WithPollingTimeout(30*time.Second)))
	require.NoError(t, err)
	eval[bool](t, ctx, `document.getElementById('long').scrollIntoView(), true`)
	scrollToRow(t, ctx, "document.getElementById('long').shadowRoot", 250)
	body := openedBody(t, ctx, "document.getElementById('long').shadowRoot", 250)
	for k := 0; k < 100 && strings.HasPrefix(body, "loading"); k++ { // fetched when opened
		time.Sleep(50 * time.Millisecond)
		body = eval[string](t, ctx, `(() => { const pre = document.getElementById('long').shadowRoot.querySelectorAll('tr[data-i="250"] details.wire pre'); return pre[pre.length - 1].textContent; })()`)
	}
	assert.Contains(t, body, `"offset": 2500`)
}

// Copy as curl works inside an embed (the element and the page share the
// results component): the button copies the step's request as a curl
// command (or shows it where the clipboard is refused).
func TestCopyAsCurlInAnEmbed(t *testing.T) {
	host := hostSite(t, map[string]string{"/": hostHead + `<body>
<paging-playground id="e" scenario="profile offset
records 20
GET /items?offset=0&amp;limit=5
  X-Team: blue"></paging-playground></body></html>`})
	ctx := tab(t)
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(host+"/")))
	waitState(t, ctx, "e", "ok")
	eval[bool](t, ctx, `(() => { const d = document.getElementById('e').shadowRoot.querySelector('tr[data-i="0"] details.wire'); d.open = true; return true; })()`)
	eval[bool](t, ctx, `document.getElementById('e').shadowRoot.querySelector('tr[data-i="0"] button.curl').click(), true`)
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](`!!document.getElementById('e').shadowRoot.querySelector('tr[data-i="0"] button.curl').dataset.curl`, chromedp.WithPollingTimeout(30*time.Second)))
	require.NoError(t, err, "the curl command")
	cmd := eval[string](t, ctx, `document.getElementById('e').shadowRoot.querySelector('tr[data-i="0"] button.curl').dataset.curl`)
	assert.Contains(t, cmd, "curl")
	assert.Contains(t, cmd, "/items?offset=0&limit=5")
	assert.Contains(t, cmd, "X-Team: blue")
}
