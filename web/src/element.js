// <paging-playground>: the playground as a custom element for documentation
// pages, on any origin. One script tag defines it; every element on the page
// shares one simulator (one worker, one WASM instance), started only when
// the first element comes near the viewport. Its shadow root keeps its style
// in and the host page's style out.
//
// Attributes (each is also a property; the README documents them):
//   preset="NAME"        a preset's scenario
//   scenario="TEXT"      the scenario itself (else the element's text content)
//   profile="NAME ..."   replaces the scenario's profile line
//   compare="a,b,c"      also runs the scenario against these profiles
//   tab="steps|compare"  the view shown first (compare when compare is set)
//   step="N"             the step selected first (numbered from 1, as shown)
//   height="auto|420"    auto (the default) fits the content up to max-height;
//                        a number or CSS length fixes it and the steps scroll
//   max-height="800"     the limit of height="auto" (800px by default)
//   readonly             the scenario shows but cannot be edited
//   autoplay, loop       steps on its own while visible; loop starts again
//   load="visible|click|eager"  when to start the simulator (default visible)
//   client="CODE"        client code (else a child <script type="text/x-pagesim-client">):
//                        run in the sandbox against the scenario once it has run, its
//                        walk judged (the client pane's, clientpane.js)
//
// Methods: run(text?), goTo(step), next(), prev(), play(), pause(), start().
// Steps are numbered as on screen, from 1 (attribute, property, events).
// Methods also: runClient() runs the client code again.
// Events (bubbling, composed): pagesim-result, pagesim-error, pagesim-step,
// pagesim-play, pagesim-pause, pagesim-client (a client's run ended).
//
// The worker, the WASM and the stylesheet are found beside this script (or
// where setBasePath says). A browser runs a worker only from the page's own
// origin, so on another origin the element starts a same-origin worker from
// a blob: URL that imports the real worker script by its absolute URL; the
// WASM is fetched with CORS (pagesim serve sends the headers).

import { h, replace, setThemeRoot } from './dom.js';
import { Sim, profileRules } from './client.js';
import { Results } from './results.js';
import { encodeState, readFragment } from './permalink.js';
import { ClientPane } from './clientpane.js';

// The build writes the hashed asset names here.
const ASSETS = { worker: '{{worker}}', wasm: '{{pagesim}}', wasmExec: '{{wasm_exec}}', size: '{{wasmSize}}', css: '{{embed}}', sandbox: '{{sandbox-worker}}', start: '{{start}}' };
// The name the results give the client's live report (as in main.js).
const LIVE = '\u0000live';
const CLIENT_TYPE = 'text/x-pagesim-client';
const browser = typeof window !== 'undefined' && typeof customElements !== 'undefined';

let base = null; // the URL of the folder holding the assets, ending in '/'
if (browser && document.currentScript && document.currentScript.src) base = new URL('.', document.currentScript.src).href;

// setBasePath tells the element where its files are served (the folder
// holding paging-playground.js, worker-*.js and pagesim-*.wasm). Needed only
// when a bundler moved the script away from them.
export function setBasePath(path) {
  base = new URL(String(path).replace(/\/?$/, '/'), location.href).href;
}

export function hasBasePath() {
  return base !== null;
}

export function basePath() {
  return base || new URL('.', location.href).href;
}

let shared = null;

// spawnWorker starts the simulator's worker: directly when the assets are
// on this page's origin, else from a blob: URL (same-origin by definition)
// whose script imports the real one; importScripts may load a script from
// any origin, and the worker is then given absolute URLs only.
function spawnWorker() {
  const url = new URL(ASSETS.worker, basePath()).href;
  if (new URL(url).origin === location.origin) return new Worker(url + '?exec=' + encodeURIComponent(ASSETS.wasmExec));
  const boot = 'importScripts(' + JSON.stringify(url) + ');';
  return new Worker(URL.createObjectURL(new Blob([boot], { type: 'text/javascript' })));
}

// spawnSandbox starts the client code's sandbox worker (sandbox-worker.js):
// on the assets' origin its server sends the sandbox's own policy with it;
// from a blob: URL (an element on another origin) the worker has the host
// page's policy instead, and the sandbox's own lockdown is the boundary.
function spawnSandbox() {
  const url = new URL(ASSETS.sandbox, basePath()).href;
  if (new URL(url).origin === location.origin) return new Worker(url);
  const boot = 'importScripts(' + JSON.stringify(url) + ');';
  return new Worker(URL.createObjectURL(new Blob([boot], { type: 'text/javascript' })));
}

// ownText is an element's text content without its scripts (the client
// code's <script type="text/x-pagesim-client">).
function ownText(el) {
  let t = '';
  for (const n of el.childNodes) if (!(n.nodeType === 1 && n.localName === 'script')) t += n.textContent;
  return t;
}

// simulator starts the one shared simulator on first use. ready resolves
// to the presets and profiles (start.json: the WASM does not carry them)
// once the simulator has started too.
function simulator() {
  if (!shared) {
    shared = {};
    const b = basePath();
    const where = ' (the files are looked for in ' + b + '; see the README on hosting them)';
    const lists = fetch(b + ASSETS.start).then((r) => {
      if (!r.ok) throw new Error(ASSETS.start + ': ' + r.status);
      return r.json();
    }).catch((err) => { throw new Error('could not read ' + (err.message || err) + where); });
    const started = new Promise((resolve, reject) => {
      shared.sim = new Sim(
        { worker: spawnWorker, wasm: b + ASSETS.wasm, wasmExec: b + ASSETS.wasmExec, size: Number(ASSETS.size) || 0, rules: () => lists.then(profileRules) },
        {
          onProgress() {},
          onReady: resolve,
          onFatal: (m) => reject(new Error(m + where)),
        });
    });
    shared.ready = Promise.all([lists, started]).then(([data]) => ({ presets: (data || {}).presets, profiles: (data || {}).profiles }));
  }
  return shared;
}

// dedent drops the common indentation of inline text content.
function dedent(text) {
  const lines = text.replace(/^\s*\n/, '').replace(/\s+$/, '').split('\n');
  let min = Infinity;
  for (const l of lines) if (l.trim()) min = Math.min(min, l.match(/^[ \t]*/)[0].length);
  return lines.map((l) => l.slice(min === Infinity ? 0 : min)).join('\n') + '\n';
}

// withProfile replaces the profile line (or adds one) with the attribute's.
function withProfile(text, profile) {
  if (!profile) return text;
  const line = 'profile ' + profile.replace(/[\r\n]/g, ' ');
  const lines = text.split('\n');
  const i = lines.findIndex((l) => /^\s*profile\s/.test(l));
  if (i >= 0) lines[i] = line; else lines.unshift(line);
  return lines.join('\n');
}

function cssLength(v, fallback) {
  if (v === null || v === '') return fallback;
  return /^\d+(\.\d+)?$/.test(v) ? v + 'px' : v;
}

// One pair of observers for every element: "near" starts the simulator a
// screen before an embed scrolls in; "seen" runs autoplay while it is on
// screen.
let near = null;
let seen = null;
function observe(el) {
  if (!near) {
    near = new IntersectionObserver((entries) => {
      for (const e of entries) if (e.isIntersecting) { near.unobserve(e.target); e.target.start(); }
    }, { rootMargin: '400px 0px' });
    // Visible: half of it on screen, or (an embed taller than the screen)
    // a good part of the screen.
    seen = new IntersectionObserver((entries) => {
      for (const e of entries) {
        const h = e.intersectionRect.height;
        e.target.visibility(e.isIntersecting && (e.intersectionRatio >= 0.5 || h >= 300));
      }
    }, { threshold: [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.75, 1] });
  }
  return { near, seen };
}

const PROPS = ['preset', 'scenario', 'profile', 'compare', 'tab', 'height', 'max-height', 'load', 'client'];
const FLAGS = ['readonly', 'autoplay', 'loop'];
const STEP_MS = 1200;

function define() {
  class PagingPlayground extends HTMLElement {
    static get observedAttributes() { return [...PROPS, ...FLAGS, 'step']; }

    constructor() {
      super();
      this._step = 0;
      this.started = false;
      this.visible = false;
      this.userPaused = false;
    }

    // ---- properties ----
    get scenario() { return this.ui && this.loaded ? this.ui.editor.value : withProfile(this.initialText(), this.getAttribute('profile')); }
    set scenario(v) { this.setAttribute('scenario', String(v)); }
    get step() { return this._step + 1; }
    set step(v) { this.goTo(v); }
    // trace: the last result's view (summary, walks, expectations and the
    // steps' columns), as the results component shows it.
    get trace() { return this.results ? this.results.view : null; }
    get steps() { return this.trace ? this.trace.n : 0; }
    get playing() { return !!this.timer; }
    // client: the client code (as edited in the element once it runs).
    get client() { return this.clientPane ? this.clientPane.value : this.clientText(); }
    set client(v) { this.setAttribute('client', String(v)); }

    // clientText is the client code as written on the element.
    clientText() {
      const a = this.getAttribute('client');
      if (a !== null) return a;
      const s = Array.from(this.children).find((c) => c.localName === 'script' && c.type === CLIENT_TYPE);
      return s ? dedent(s.textContent) : '';
    }

    connectedCallback() {
      if (!this.ui) this.build();
      this.layout();
      this.showIdle();
      // A script in the head upgrades the element before the parser has
      // read its text content: show it once the document is parsed.
      if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => this.showIdle(), { once: true });
      const load = this.getAttribute('load') || 'visible';
      const { near: n, seen: s } = observe(this);
      s.observe(this);
      if (load === 'eager' || this.started) this.start();
      else if (load !== 'click') n.observe(this);
    }

    disconnectedCallback() {
      this.halt();
      if (near) { near.unobserve(this); seen.unobserve(this); }
    }

    attributeChangedCallback(name, old, value) {
      if (!this.ui || !this.isConnected || old === value) return;
      if (name === 'height' || name === 'max-height' || name === 'readonly') return this.layout();
      if (name === 'autoplay' || name === 'loop') return this.autoplay();
      if (name === 'step') return this.goTo(Number(value) || 1);
      if (name === 'tab') return this.results && this.results.showTab(value);
      if (name === 'load') return;
      if (name === 'client') {
        if (this.loaded && this.trace) this.runClient();
        return;
      }
      if (name === 'compare' && this.results) this.makeResults();
      if (this.loaded) this.load(); else this.showIdle();
    }

    build() {
      const root = this.attachShadow({ mode: 'open' });
      const css = this.css = h('link', { rel: 'stylesheet', href: basePath() + ASSETS.css });
      const ui = this.ui = {};
      ui.title = h('span', { className: 'pp-title' }, 'Paging Playground');
      ui.play = h('button', { type: 'button', className: 'pp-play', onclick: () => (this.timer ? this.user(() => this.pause()) : this.play()) }, '▶ play');
      ui.open = h('a', { className: 'pp-open', href: basePath(), target: '_blank', rel: 'noopener' }, 'Open in the playground ↗');
      ui.notice = h('details', { className: 'notice', hidden: true });
      ui.editor = h('textarea', { spellcheck: 'false', rows: 6, 'aria-label': 'Scenario', wrap: 'off' });
      ui.editor.addEventListener('input', () => {
        clearTimeout(this.debounce);
        this.debounce = setTimeout(() => this.run(ui.editor.value), 200);
      });
      ui.diag = h('ul', { className: 'diagnostics', hidden: true, 'aria-live': 'polite' });
      ui.idle = h('div', { className: 'pp-idle', hidden: true },
        ui.idleText = h('span', null, ''),
        ui.startBtn = h('button', { type: 'button', onclick: () => this.start() }, '▶ Run the simulator'));
      ui.status = h('div', { className: 'pp-err', role: 'status' });
      ui.results = h('div', { className: 'pp-out' });
      ui.client = h('section', { className: 'client-pane pp-client', hidden: true, 'aria-label': 'Client code' });
      ui.box = h('div', { className: 'pp', tabIndex: 0, 'aria-label': 'Paging Playground: j and k step' },
        h('div', { className: 'pp-bar' }, ui.title, ui.play, ui.open),
        ui.notice, ui.editor, ui.diag, ui.idle, ui.status, ui.client, ui.results);
      // The results component's events become the element's, in the
      // element's own words (and only once: the inner ones stop here).
      ui.results.addEventListener('pagesim-step', (e) => {
        e.stopPropagation();
        this._step = e.detail.i;
        this.dataset.step = String(e.detail.i + 1);
        if (!this.stepping) this.user(() => {});
        this.emit('pagesim-step', { step: e.detail.i + 1, steps: e.detail.n, line: e.detail.line });
      });
      ui.results.addEventListener('pagesim-result', (e) => { e.stopPropagation(); this.lastResult = e.detail; });
      ui.results.addEventListener('pagesim-running', (e) => e.stopPropagation());
      ui.results.addEventListener('pagesim-compared', (e) => e.stopPropagation());
      ui.results.addEventListener('pagesim-tab', (e) => { e.stopPropagation(); this.emit('pagesim-tab', e.detail); });
      root.append(css, ui.box);
      setThemeRoot(ui.box);
      this._step = Math.max(0, (Number(this.getAttribute('step')) || 1) - 1);
    }

    compareSet() {
      return (this.getAttribute('compare') || '').split(/[\s,]+/).filter(Boolean).slice(0, 3);
    }

    // makeResults (re)builds the results component: its views depend on
    // the compare attribute.
    makeResults() {
      if (this.results) this.results.destroy();
      replace(this.ui.results);
      const cmp = this.compareSet();
      this.results = new Results(this.ui.results, {
        sim: simulator().sim,
        views: cmp.length ? ['steps', 'drift', 'cost', 'compare'] : ['steps', 'drift', 'cost'],
        compare: cmp,
        compareLayout: 'tab',
        exports: !this.hasAttribute('readonly'),
        stepThrough: true,
        keys: this.ui.box,
        profiles: this.profiles || [],
      });
    }

    layout() {
      const height = this.getAttribute('height');
      const auto = height === null || height === '' || height === 'auto';
      this.style.height = auto ? '' : cssLength(height, '');
      this.style.maxHeight = auto ? cssLength(this.getAttribute('max-height'), '') : '';
      this.toggleAttribute('data-auto', auto);
      this.ui.editor.readOnly = this.hasAttribute('readonly');
    }

    // initialText is the scenario as written on the element, before any
    // preset is known: the attribute, else the text content.
    initialText() {
      const s = this.getAttribute('scenario');
      if (s !== null) return s;
      return this.getAttribute('preset') ? '' : dedent(ownText(this));
    }

    // showIdle shows what the element will run before the simulator starts:
    // the scenario text (when it is on the page) and how it starts.
    showIdle() {
      if (this.loaded) return;
      const ui = this.ui;
      const text = withProfile(this.initialText(), this.getAttribute('profile'));
      const preset = this.getAttribute('preset');
      ui.title.textContent = preset ? 'Preset: ' + preset : 'Paging Playground';
      ui.editor.value = text;
      ui.editor.hidden = !text;
      this.fitEditor(text);
      ui.idle.hidden = false;
      const click = this.getAttribute('load') === 'click';
      ui.idleText.textContent = this.started ? 'Loading the simulator…' : click ? '' : 'The simulator starts when this comes into view.';
      ui.startBtn.hidden = this.started;
      ui.startBtn.textContent = click ? '▶ Run this scenario' : 'Start now';
      ui.play.disabled = true;
      if (!this.dataset.state) this.dataset.state = 'idle';
    }

    fitEditor(text) {
      const lines = text.replace(/\n$/, '').split('\n').length;
      this.ui.editor.rows = Math.min(this.hasAttribute('readonly') ? 16 : 12, Math.max(2, lines));
    }

    // start loads the simulator (shared by every element) and runs.
    start() {
      if (this.started) return this.loading;
      this.started = true;
      if (near) near.unobserve(this);
      const css = basePath() + ASSETS.css; // setBasePath may have come after the element
      if (this.css.href !== css) this.css.href = css;
      this.ui.open.href = basePath();
      this.dataset.state = 'loading';
      this.showIdle();
      this.loading = this.load();
      return this.loading;
    }

    async load() {
      const ui = this.ui;
      if (document.readyState === 'loading') await new Promise((r) => document.addEventListener('DOMContentLoaded', r, { once: true }));
      let env;
      try {
        env = await simulator().ready;
      } catch (err) {
        ui.idle.hidden = true;
        ui.status.textContent = 'The simulator failed: ' + (err.message || err);
        this.dataset.state = 'failed';
        this.emit('pagesim-error', { message: String(err.message || err), diagnostics: [] });
        return null;
      }
      this.presets = env.presets || [];
      this.profiles = env.profiles || [];
      if (!this.results) this.makeResults();
      let text = this.getAttribute('scenario');
      const presetName = this.getAttribute('preset');
      const preset = presetName ? this.presets.find((p) => p.name === presetName) : null;
      if (text === null && preset) text = preset.text;
      else if (text === null) text = dedent(ownText(this));
      ui.status.textContent = '';
      if (presetName && !preset && this.getAttribute('scenario') === null) {
        ui.status.textContent = 'There is no preset named “' + presetName + '”.';
        text = '';
      }
      text = withProfile(text, this.getAttribute('profile'));
      ui.title.textContent = preset ? preset.title || preset.name : 'Paging Playground';
      ui.notice.hidden = !(preset && preset.notice);
      if (preset && preset.notice) replace(ui.notice, h('summary', null, h('strong', null, 'What to notice')), preset.notice);
      ui.idle.hidden = true;
      ui.editor.hidden = false;
      ui.editor.value = text;
      this.fitEditor(text);
      this.loaded = true;
      ui.play.disabled = false;
      const res = await this.run(text);
      this.autoplay();
      if (res && this.clientText()) await this.runClient();
      return res;
    }

    // runClient runs the client code in the sandbox against the scenario
    // shown; the results then show the client's trace, its walks judged.
    async runClient() {
      const code = this.clientPane ? this.clientPane.value : this.clientText();
      if (!code.trim() || !this.loaded) return null;
      const ui = this.ui;
      if (!this.clientPane) {
        this.clientPane = new ClientPane(ui.client, {
          sim: simulator().sim,
          sandboxURL: spawnSandbox,
          scenario: () => ui.editor.value,
          setScenario: () => {},
          presets: null,
          readonly: this.hasAttribute('readonly'),
          onChange: () => this.link(ui.editor.value),
          onReport: (view) => {
            this.results.show(view, LIVE);
            this.dataset.state = 'client';
            this.lastClient = { summary: view.summary, walks: view.walks };
          },
        });
      }
      if (this.getAttribute('client') !== null || !this.clientPane.value) this.clientPane.value = this.clientText();
      this.clientPane.code.rows = Math.min(12, Math.max(3, this.clientPane.value.replace(/\n$/, '').split('\n').length));
      ui.client.hidden = false;
      this.lastClient = null;
      await this.clientPane.run();
      const c = this.lastClient;
      this.emit('pagesim-client', { status: this.clientPane.status.textContent, summary: c ? c.summary : null, walks: c ? c.walks : [] });
      return c;
    }

    // run runs a scenario (by default the one shown) and resolves to its
    // result view, or to null when it has problems.
    async run(text) {
      const ui = this.ui;
      if (!this.loaded) {
        if (text !== undefined) this.setAttribute('scenario', text);
        await this.start();
        return this.trace;
      }
      if (text === undefined) text = ui.editor.value;
      else if (ui.editor.value !== text) { ui.editor.value = text; this.fitEditor(text); }
      const first = !this.results.view;
      this.results.step = this._step;
      this.stepping = true; // the run selects the step: not a reader's doing
      let state;
      try {
        state = await this.results.run(text);
      } finally {
        this.stepping = false;
      }
      if (state === 'cancelled' || ui.editor.value !== text) return null; // typed on meanwhile
      this.dataset.state = state;
      const last = this.lastResult || {};
      // Problems stop the run; warnings (what the contract ignores) come with its results.
      const diags = state === 'problems' ? (last.diagnostics || []) : ((state === 'ok' && this.results.view.warnings) || []);
      ui.diag.hidden = !diags.length;
      replace(ui.diag, diags.map((d) => h('li', { className: d.severity === 'warning' ? 'warning' : null },
        d.line + ':' + d.col + ': ' + (d.severity === 'warning' ? 'warning: ' : '') + d.message)));
      if (state !== 'ok') {
        this.emit('pagesim-error', { message: last.error || state, diagnostics: diags });
        return null;
      }
      this.link(text);
      const tab = this.getAttribute('tab') || (this.compareSet().length ? 'compare' : 'steps');
      if (first) this.results.showTab(tab, false, true);
      // The step the author chose, scrolled to inside the element's own list.
      this.goToIndex(this._step, this._step > 0);
      this.emit('pagesim-result', { trace: this.results.view, text });
      return this.results.view;
    }

    async link(text) {
      const client = this.client || undefined;
      const hash = await encodeState({ text, tab: 'steps', compare: this.compareSet(), step: this._step, client });
      this.ui.open.href = basePath() + 'index.html#' + hash;
    }

    emit(type, detail) {
      this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
    }

    // user runs an action a reader took: it stops autoplay for good.
    user(f) {
      if (this.timer) this.pause();
      this.userPaused = true;
      f();
    }

    // goTo selects step n (numbered from 1, as on screen).
    goTo(n) { return this.goToIndex((Number(n) || 1) - 1) + 1; }

    // goToIndex selects the step at index i (from 0); only the element's
    // own list scrolls, never the host page (autoplay would drag a reader
    // back to the embed).
    goToIndex(i, scroll = true) {
      const n = this.steps;
      const to = Math.max(0, Math.min(Math.max(0, n - 1), Number(i) || 0));
      if (!this.results || !this.results.view) { this._step = Math.max(0, Number(i) || 0); return this._step; }
      this.stepping = true;
      try {
        this.results.select(to, scroll);
      } finally {
        this.stepping = false;
      }
      this._step = to;
      this.dataset.step = String(to + 1);
      return to;
    }

    next() { return this.goToIndex(this._step + 1) + 1; }
    prev() { return this.goToIndex(this._step - 1) + 1; }

    // visibility is told by the observer: autoplay runs while visible.
    visibility(on) {
      this.visible = on;
      this.autoplay();
    }

    autoplay() {
      const want = this.hasAttribute('autoplay') && !this.userPaused && this.visible && !!this.trace;
      if (want && !this.timer && !this.finished) this.play(true);
      else if (!want && this.timer && !this.userPaused) this.halt();
    }

    play(auto) {
      if (!this.trace) { this.start(); return; }
      this.halt();
      if (!auto) { this.userPaused = false; this.finished = false; }
      if (this._step >= this.steps - 1) this.goToIndex(0);
      this.ui.play.textContent = '❚❚ pause';
      this.dataset.playing = '';
      this.emit('pagesim-play', { step: this._step + 1 });
      this.timer = setInterval(() => {
        if (this._step < this.steps - 1) { this.goToIndex(this._step + 1); return; }
        if (!this.hasAttribute('loop')) { this.finished = !!auto; this.pause(); return; }
        this.goToIndex(0);
      }, STEP_MS);
    }

    // pause stops playing and says so; halt stops without an event (the
    // element left the screen or the page).
    pause() {
      const was = !!this.timer;
      this.halt();
      if (was) this.emit('pagesim-pause', { step: this._step + 1 });
    }

    halt() {
      clearInterval(this.timer);
      this.timer = 0;
      if (this.ui) this.ui.play.textContent = '▶ play';
      delete this.dataset.playing;
    }
  }
  if (!customElements.get('paging-playground')) customElements.define('paging-playground', PagingPlayground);
}

// embed.html: the element made from the page's own URL (fragment or query:
// preset=NAME or z=STATE, profile, compare, tab, step, readonly, autoplay,
// loop, origin), speaking the element's API to its parent through
// postMessage.
async function mountFrame() {
  const q = new URLSearchParams(location.search);
  const f = new URLSearchParams(location.hash.slice(1));
  const get = (k) => (f.has(k) ? f.get(k) : q.get(k));
  const el = document.createElement('paging-playground');
  for (const k of ['preset', 'scenario', 'profile', 'compare', 'tab', 'step', 'load', 'client']) if (get(k) !== null) el.setAttribute(k, get(k));
  for (const k of FLAGS) if (get(k) !== null && get(k) !== '0' && get(k) !== 'false') el.setAttribute(k, '');
  if (f.has('z') || f.has('s')) {
    try {
      const got = await readFragment('#' + (f.has('z') ? 'z=' + f.get('z') : 's=' + f.get('s')), []);
      el.setAttribute('scenario', got.state.text);
      el.setAttribute('step', String(got.state.step + 1));
      if (got.state.compare.length) el.setAttribute('compare', got.state.compare.join(','));
      if (got.state.tab === 'compare') el.setAttribute('tab', 'compare');
      if (got.state.client) el.setAttribute('client', got.state.client);
    } catch (err) {
      el.setAttribute('scenario', '');
      const msg = document.createElement('p');
      msg.className = 'embed-error';
      msg.setAttribute('role', 'alert');
      msg.textContent = 'This link cannot be opened: ' + err.message + '.';
      document.body.append(msg);
    }
  }
  bridge(el, get('origin'));
  document.body.append(el);
}

// The iframe's API: the parent page posts {pagesim: 'call', id, method,
// args} and gets {pagesim: 'reply', id, result} or {..., error}; the
// element's events arrive as {pagesim: 'event', type, detail}. Only the
// parent window of the allowed origin is heard, and messages go only to it:
// the origin= parameter, else the origin of the page that framed this one.
const CALLS = ['run', 'goTo', 'next', 'prev', 'play', 'pause', 'start', 'runClient'];
const GETS = ['scenario', 'step', 'steps', 'playing', 'trace', 'preset', 'profile', 'compare', 'tab', 'client'];
const SETS = ['scenario', 'preset', 'profile', 'compare', 'tab', 'step', 'readonly', 'autoplay', 'loop', 'client'];

export function frameOrigin(param) {
  if (param) return param === '*' ? null : param;
  if (window.parent === window) return null;
  if (location.ancestorOrigins && location.ancestorOrigins.length) return location.ancestorOrigins[0];
  try {
    return document.referrer ? new URL(document.referrer).origin : null;
  } catch (e) {
    return null;
  }
}

function bridge(el, param) {
  const origin = frameOrigin(param);
  if (!origin) return;
  const send = (m) => window.parent.postMessage(Object.assign({ pagesim: '' }, m), origin);
  for (const type of ['pagesim-result', 'pagesim-error', 'pagesim-step', 'pagesim-play', 'pagesim-pause', 'pagesim-tab', 'pagesim-client']) {
    el.addEventListener(type, (e) => {
      const d = e.detail || {};
      // A result travels without its trace (get('trace') fetches it).
      const detail = type === 'pagesim-result'
        ? { text: d.text, profile: d.trace.profile, summary: d.trace.summary, steps: d.trace.n }
        : d;
      send({ pagesim: 'event', type, detail });
    });
  }
  window.addEventListener('message', async (e) => {
    if (e.source !== window.parent || e.origin !== origin) return;
    const m = e.data;
    if (!m || typeof m !== 'object' || m.pagesim !== 'call') return;
    const args = Array.isArray(m.args) ? m.args : [];
    try {
      let result;
      if (m.method === 'get' && GETS.includes(args[0])) {
        result = ['scenario', 'step', 'steps', 'playing', 'trace', 'client'].includes(args[0]) ? el[args[0]] : el.getAttribute(args[0]);
      } else if (m.method === 'set' && SETS.includes(args[0])) {
        const [name, value] = args;
        if (FLAGS.includes(name)) el.toggleAttribute(name, !!value);
        else if (name === 'step') el.goTo(Number(value));
        else if (name === 'scenario') await el.run(String(value));
        else if (value === null) el.removeAttribute(name);
        else el.setAttribute(name, String(value));
      } else if (CALLS.includes(m.method)) {
        result = await el[m.method](...args);
      } else {
        throw new Error('unknown method ' + String(m.method).slice(0, 40));
      }
      send({ pagesim: 'reply', id: m.id, result: result === undefined ? null : result });
    } catch (err) {
      send({ pagesim: 'reply', id: m.id, error: String(err && err.message || err) });
    }
  });
  send({ pagesim: 'event', type: 'pagesim-ready', detail: {} });
}

if (browser) {
  // Defined after this script's (or module's) own code has run: a module
  // importer calls setBasePath first, and the element's first render then
  // links the stylesheet from the right place.
  queueMicrotask(define);
  window.PagingPlayground = { setBasePath, basePath };
  if (document.documentElement.dataset.embedPage !== undefined) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mountFrame); else mountFrame();
  }
}
