// <paging-playground>: the playground as a custom element for documentation
// pages. One script tag defines it; every element on the page shares one
// simulator (one worker, one WASM instance). Its shadow root keeps its
// style in and the host page's style out. Attributes:
//
//   preset="NAME"        a preset's scenario
//   scenario="TEXT"      the scenario itself (else the element's text content)
//   profile="NAME ..."   replaces the scenario's profile line
//   compare="a,b,c"      also runs the scenario against these profiles
//   height="420px"       the element's height (its steps scroll inside)
//   readonly             the scenario shows but cannot be edited
//   autoplay             steps through the trace on its own
//
// On embed.html (the iframe page) the same element is made from the page's
// fragment or query: ?preset=…, #z=… (a permalink's state), readonly, autoplay.

import { h, replace, num, plural, setThemeRoot } from './dom.js';
import { Sim } from './client.js';
import { StepTable, renderStepPanel } from './steps.js';
import { renderCompare } from './compare.js';
import { readFragment, encodeState } from './permalink.js';

// The build writes the hashed asset names here.
const ASSETS = { worker: '{{worker}}', wasm: '{{pagesim}}', wasmExec: '{{wasm_exec}}', size: '{{wasmSize}}', css: '{{embed}}' };
const script = document.currentScript;
const base = new URL('.', script && script.src ? script.src : location.href).href;

let shared = null;

// simulator starts the one shared simulator on first use.
function simulator() {
  if (!shared) {
    shared = {};
    shared.ready = new Promise((resolve, reject) => {
      shared.sim = new Sim(
        { worker: base + ASSETS.worker, wasm: base + ASSETS.wasm, wasmExec: ASSETS.wasmExec, size: Number(ASSETS.size) || 0 },
        { onProgress() {}, onReady: resolve, onFatal: (m) => reject(new Error(m)) });
    });
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

class PagingPlayground extends HTMLElement {
  static get observedAttributes() { return ['preset', 'scenario', 'profile', 'compare', 'height', 'readonly', 'autoplay']; }

  connectedCallback() {
    if (!this.ui) this.build();
    this.load();
  }

  disconnectedCallback() { this.stop(); }

  attributeChangedCallback() {
    if (this.ui && this.isConnected) this.load();
  }

  build() {
    const root = this.attachShadow({ mode: 'open' });
    const css = h('link', { rel: 'stylesheet', href: base + ASSETS.css });
    const ui = this.ui = {};
    ui.title = h('span', { className: 'pp-title' }, 'Paging Playground');
    ui.prev = h('button', { type: 'button', onclick: () => this.select(this.step - 1), 'aria-label': 'Previous step (k)' }, '‹ prev');
    ui.next = h('button', { type: 'button', onclick: () => this.select(this.step + 1), 'aria-label': 'Next step (j)' }, 'next ›');
    ui.play = h('button', { type: 'button', onclick: () => (this.timer ? this.stop() : this.play()) }, '▶ play');
    ui.open = h('a', { href: base, target: '_blank', rel: 'noopener' }, 'Open in the playground ↗');
    ui.notice = h('details', { className: 'notice', hidden: true });
    ui.editor = h('textarea', { spellcheck: 'false', rows: 6, 'aria-label': 'Scenario', wrap: 'off' });
    ui.editor.addEventListener('input', () => {
      clearTimeout(this.debounce);
      this.debounce = setTimeout(() => this.run(ui.editor.value), 200);
    });
    ui.diag = h('ul', { className: 'diagnostics', hidden: true, 'aria-live': 'polite' });
    ui.summary = h('div', { className: 'summary' });
    ui.expect = h('ul', { className: 'pp-expect', 'aria-label': 'Challenge checks' });
    ui.panel = h('div', { className: 'step-panel', 'aria-live': 'polite' });
    ui.canvas = h('canvas', { className: 'step-window', 'aria-hidden': 'true' });
    ui.tbody = h('tbody');
    ui.more = h('button', { type: 'button', className: 'more', hidden: true });
    ui.compare = h('div', { className: 'compare-out', hidden: true });
    ui.status = h('div', { className: 'pp-err', role: 'status' }, 'Loading the simulator…');
    ui.box = h('div', { className: 'pp', tabIndex: 0, 'aria-label': 'Paging Playground: j and k step' },
      h('div', { className: 'pp-bar' }, ui.title, ui.prev, ui.next, ui.play, ui.open),
      ui.notice, ui.editor, ui.diag, ui.status, ui.summary, ui.expect,
      h('div', { className: 'step-panel-wrap' }, ui.panel, h('div', { className: 'step-window-wrap' }, ui.canvas)),
      ui.scroll = h('div', { className: 'pp-scroll' },
        h('div', { className: 'table-wrap' }, h('table', { className: 'steps' },
          h('thead', null, h('tr', null, ['#', 'Request', 'Result', 'Records', 'Total', 'Next page', 'Cost'].map((c) => h('th', { scope: 'col' }, c)))),
          ui.tbody)),
        ui.more, ui.compare));
    ui.box.addEventListener('keydown', (e) => {
      if (e.target === ui.editor || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'j' || e.key === 'ArrowDown') this.select(this.step + 1);
      else if (e.key === 'k' || e.key === 'ArrowUp') this.select(this.step - 1);
      else if (e.key === 'g') this.select(0);
      else if (e.key === 'G') this.select(Infinity);
      else return;
      e.preventDefault();
    });
    root.append(css, ui.box);
    setThemeRoot(ui.box);
    this.table = new StepTable({ tbody: ui.tbody, more: ui.more, onSelect: (i) => this.select(i),
      loadStep: (i) => simulator().sim.call('step', this.shownText, i) });
    this.step = 0;
  }

  async load() {
    const ui = this.ui;
    const height = this.getAttribute('height');
    this.style.height = height ? (/^\d+$/.test(height) ? height + 'px' : height) : '';
    const readonly = this.hasAttribute('readonly');
    ui.editor.readOnly = readonly;
    let env;
    try {
      env = await simulator().ready;
    } catch (err) {
      ui.status.textContent = 'The simulator failed: ' + (err.message || err);
      return;
    }
    this.presets = env.presets || [];
    let text = this.getAttribute('scenario');
    const presetName = this.getAttribute('preset');
    const preset = presetName ? this.presets.find((p) => p.name === presetName) : null;
    if (this.state) text = this.state.text;
    else if (text === null && preset) text = preset.text;
    else if (text === null) text = dedent(this.textContent || '');
    if (presetName && !preset && !this.state) {
      ui.status.textContent = 'There is no preset named “' + presetName + '”.';
      text = '';
    }
    text = withProfile(text, this.getAttribute('profile'));
    ui.title.textContent = preset ? preset.title || preset.name : 'Paging Playground';
    ui.notice.hidden = !(preset && preset.notice);
    if (preset && preset.notice) replace(ui.notice, h('summary', null, h('strong', null, 'What to notice')), preset.notice);
    ui.editor.value = text;
    const framed = document.documentElement.dataset.embedPage !== undefined;
    ui.editor.rows = Math.min(height || framed ? 5 : 12, Math.max(3, text.split('\n').length));
    await this.run(text);
    if (this.state) this.select(this.state.step || 0);
    if (this.hasAttribute('autoplay') && !this.played) { this.played = true; this.select(0); this.play(); }
  }

  async run(text) {
    const ui = this.ui;
    const { sim } = simulator();
    let res;
    try {
      res = await sim.call('run', text);
      if (res && !res.error) this.shownText = text;
    } catch (err) {
      res = { error: String(err.message || err) };
    }
    if (ui.editor.value !== text) return; // typed on meanwhile
    const diags = res && res.error ? (res.diagnostics || []) : [];
    ui.diag.hidden = !diags.length;
    replace(ui.diag, diags.map((d) => h('li', null, d.line + ':' + d.col + ': ' + d.message)));
    if (res && res.error) {
      ui.status.textContent = diags.length ? '' : res.error;
      this.dataset.state = 'problems';
      return;
    }
    ui.status.textContent = '';
    this.trace = res;
    const s = res.summary || {};
    replace(ui.summary,
      h('span', { className: 'pill' }, 'profile ', h('strong', null, res.profile)),
      h('span', { className: 'pill' }, plural(s.requests || 0, 'request'), ', ', num(s.refused || 0), ' refused'),
      h('span', { className: 'pill' }, plural(s.walks || 0, 'walk'), ', ', num(s.consistent || 0), ' consistent'),
      h('span', { className: 'pill' }, num(s.rows || 0), ' rows read'));
    replace(ui.expect, (res.expectations || []).map((x) =>
      h('li', { className: x.met ? 'met' : 'unmet' }, (x.met ? '✓ ' : '✗ ') + x.text + (x.why ? ' — ' + x.why : ''))));
    this.step = Math.min(this.step, Math.max(0, (res.steps || []).length - 1));
    this.table.show(res);
    this.select(this.step, false);
    this.link(text);
    const cmp = (this.getAttribute('compare') || '').split(/[\s,]+/).filter(Boolean).slice(0, 3);
    ui.compare.hidden = !cmp.length;
    if (cmp.length) {
      let traces;
      try {
        traces = await sim.call('compare', text, cmp);
      } catch (err) {
        traces = { error: String(err.message || err) };
      }
      replace(ui.compare);
      if (Array.isArray(traces)) renderCompare(ui.compare, traces, []);
      else ui.compare.append(h('p', { className: 'bad' }, 'Compare failed: ' + (traces && traces.error)));
    }
    this.dataset.state = 'ok';
    this.dispatchEvent(new CustomEvent('pagesim-result', { bubbles: true, composed: true }));
  }

  async link(text) {
    const hash = await encodeState({ text, tab: 'steps', compare: [], step: this.step });
    this.ui.open.href = base + 'index.html#' + hash;
  }

  select(i, scroll = true) {
    const t = this.trace;
    if (!t) return;
    const n = (t.steps || []).length;
    this.step = Math.max(0, Math.min(n - 1, i));
    renderStepPanel(this.ui.panel, this.ui.canvas, t, this.step);
    // Only the element's own list scrolls: never the host page (autoplay
    // would drag a reader back to the embed).
    const table = this.table;
    table.current = this.step;
    if (this.step >= table.rendered) table.renderUpTo(this.step + 1);
    table.mark();
    const tr = scroll && this.ui.tbody.querySelector('tr[data-i="' + this.step + '"]');
    if (tr) {
      const c = this.ui.scroll;
      const top = tr.getBoundingClientRect().top - c.getBoundingClientRect().top + c.scrollTop;
      const head = this.ui.tbody.previousElementSibling ? this.ui.tbody.previousElementSibling.getBoundingClientRect().height : 0;
      if (top - head < c.scrollTop || top + tr.offsetHeight > c.scrollTop + c.clientHeight) c.scrollTop = Math.max(0, top - head);
    }
    this.ui.prev.disabled = this.step <= 0;
    this.ui.next.disabled = this.step >= n - 1;
    this.dataset.step = String(this.step);
  }

  play() {
    this.stop();
    this.ui.play.textContent = '❚❚ pause';
    this.timer = setInterval(() => {
      const n = this.trace ? (this.trace.steps || []).length : 0;
      if (this.step >= n - 1) return this.stop();
      this.select(this.step + 1);
    }, 1200);
  }

  stop() {
    clearInterval(this.timer);
    this.timer = 0;
    if (this.ui) this.ui.play.textContent = '▶ play';
  }
}

if (!customElements.get('paging-playground')) customElements.define('paging-playground', PagingPlayground);

// embed.html: the element from the page's own URL.
if (document.documentElement.dataset.embedPage !== undefined) {
  const mount = async () => {
    const q = new URLSearchParams(location.search);
    const f = new URLSearchParams(location.hash.slice(1));
    const get = (k) => (f.has(k) ? f.get(k) : q.get(k));
    const el = document.createElement('paging-playground');
    for (const k of ['preset', 'profile', 'compare', 'scenario']) if (get(k) !== null) el.setAttribute(k, get(k));
    for (const k of ['readonly', 'autoplay']) if (get(k) !== null && get(k) !== '0' && get(k) !== 'false') el.setAttribute(k, '');
    if (f.has('z') || f.has('s')) {
      try {
        const got = await readFragment('#' + (f.has('z') ? 'z=' + f.get('z') : 's=' + f.get('s')), []);
        el.state = got.state;
      } catch (err) {
        el.state = { text: '', step: 0 };
        const msg = document.createElement('p');
        msg.className = 'embed-error';
        msg.setAttribute('role', 'alert');
        msg.textContent = 'This link cannot be opened: ' + err.message + '.';
        document.body.append(msg);
      }
    }
    document.body.append(el);
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount); else mount();
}
