// Results: the one results component. The page and the <paging-playground>
// element both show a scenario's results with it: running (cancellable, in
// the worker), the summary, the expectations, the step panel and the virtual
// step table, the drift, cost and compare views, step selection and the
// keys, copy as curl and the exports. Its host owns what it alone has (the
// page: the editor, presets, permalink, lessons; the element: attributes,
// autoplay) and listens to its events. It holds no paging logic: it shows
// what the simulator says (sim/traceview.go is the head it reads).
//
//   const r = new Results(container, { sim, views, compare, exports, stepThrough, keys, profiles });
//   r.run(text)                 -> 'ok' | 'problems' | 'failed' | 'cancelled'
//   r.stop(), r.show(view, text), r.select(i), r.showTab(name), r.copyCurl(i),
//   r.exportJSON(), r.exportCSV(), r.compareWith(names), r.setProfiles(list), r.destroy()
//   events on container: pagesim-running, pagesim-result, pagesim-step, pagesim-tab, pagesim-dead

import { h, num, plural, replace } from './dom.js';
import { StepTable, renderStepPanel, curl, has, TICK } from './steps.js';
import { renderDrift, renderCost } from './drift.js';
import { ProfilePicker, renderCompare, MAX_COMPARE } from './compare.js';

// A run that has not answered within this long shows that it is running,
// with a Stop button, and marks the results it replaces as stale.
const MOMENT_MS = 200;

const HEADS = [['#'], ['Request'], ['Result'], ['Records'], ['Total', 'reported / true'], ['Next page', 'reported / true'], ['Cost']];
const LABELS = { steps: 'Steps', drift: 'Drift', cost: 'Cost', compare: 'Compare' };

// What a reader looks for in a long trace: the flag (sim/traceview.go's
// flagBits), one, many, and the key that jumps to the next (with Shift: the
// previous).
export const FINDS = [
  ['refusal', 'refusal', 'refusals', 'r'],
  ['duplicate', 'duplicate', 'duplicates', 'd'],
  ['miss', 'miss', 'misses', 'm'],
  ['note', 'note', 'notes', 'n'],
  ['unreached', 'unreached part', 'unreached parts', 'u'],
];

export class Results {
  constructor(root, { sim, views = ['steps', 'drift', 'cost', 'compare'], compare = 'picker', compareLayout = 'tab',
    exports = true, stepThrough = true, keys = root, profiles = [], shortcuts = () => true } = {}) {
    this.shortcuts = shortcuts; // whether single-key shortcuts are on (WCAG 2.1.4: they can be turned off)
    this.root = root;
    this.sim = sim;
    this.views = views;
    this.compareMode = compare;
    this.compareLayout = compareLayout;
    this.profiles = profiles;
    this.view = null;     // the compact head on screen
    this.text = null;     // its scenario
    this.step = 0;
    this.tab = views[0] || 'steps';
    this.state = '';
    this.job = null;      // the run in flight
    this.redraw = { drift: [], cost: [], compare: [] };
    this.compareFor = null;
    this.build({ exports, stepThrough });
    this.table = new StepTable({
      scroller: this.ui.scroll, tbody: this.ui.tbody,
      rows: (from, to) => {
        const job = this.sim.request('rows', [this.text, from, to]);
        return { promise: job.promise, drop: () => this.sim.drop(job) };
      },
      loadStep: (i) => this.sim.call('step', this.text, i),
      onSelect: (i) => this.select(i),
      onRow: () => this.panel(),
    });
    this.onKey = (e) => this.key(e);
    this.keys = keys;
    keys.addEventListener('keydown', this.onKey);
    this.resize = new ResizeObserver(() => {
      cancelAnimationFrame(this.resizeFrame);
      this.resizeFrame = requestAnimationFrame(() => { this.drawVisible(); this.table.schedule(); });
    });
    this.resize.observe(root);
    this.dark = matchMedia('(prefers-color-scheme: dark)');
    this.onDark = () => this.drawVisible();
    this.dark.addEventListener('change', this.onDark);
  }

  // ---- the DOM ---------------------------------------------------------------

  build({ exports, stepThrough }) {
    const ui = this.ui = {};
    ui.status = h('div', { id: 'status', className: 'status-line', 'aria-live': 'polite' });
    ui.stop = h('button', { type: 'button', className: 'stop', onclick: () => this.stop() }, 'Stop');
    ui.running = h('div', { className: 'running-bar', role: 'status', hidden: true },
      h('span', { className: 'spinner', 'aria-hidden': 'true' }), ' Running… the results below are of the earlier text. ', ui.stop);
    ui.summary = h('div', { id: 'summary', className: 'summary' });
    ui.expect = h('ul', { id: 'expectations', className: 'expectations pp-expect', 'aria-label': 'Checks of the expect lines', hidden: true });
    ui.exportJSON = h('button', { type: 'button', id: 'export-json', title: 'Download the complete trace as JSON', onclick: () => this.exportJSON() }, 'Export JSON');
    ui.exportCSV = h('button', { type: 'button', id: 'export-csv', title: 'Download the steps as CSV', onclick: () => this.exportCSV() }, 'Export CSV');
    const exportBar = exports ? h('div', { className: 'export-bar' }, ui.exportJSON, ui.exportCSV) : null;
    ui.panel = h('div', { id: 'step-panel', className: 'step-panel', 'aria-live': 'polite' });
    ui.canvas = h('canvas', { id: 'step-window', className: 'step-window', 'aria-hidden': 'true' });
    ui.prev = h('button', { type: 'button', id: 'step-prev', 'aria-label': 'Previous step (k)', onclick: () => this.select(this.step - 1) }, '‹ prev');
    ui.next = h('button', { type: 'button', id: 'step-next', 'aria-label': 'Next step (j)', onclick: () => this.select(this.step + 1) }, 'next ›');
    ui.through = h('div', { id: 'step-through', className: 'step-through', tabIndex: 0, 'aria-label': 'Step-through: j and k move between steps', hidden: !stepThrough },
      ui.panel, h('div', { className: 'step-window-wrap' }, ui.canvas), h('div', { className: 'step-buttons' }, ui.prev, ui.next));
    ui.tabs = {};
    ui.viewEls = {};
    const tablist = h('div', { className: 'tabs', role: 'tablist', 'aria-label': 'Views', hidden: this.views.length < 2 });
    for (const name of this.views) {
      ui.tabs[name] = h('button', { type: 'button', role: 'tab', id: 'tab-' + name, 'aria-controls': 'view-' + name, onclick: () => this.showTab(name) }, LABELS[name]);
      tablist.appendChild(ui.tabs[name]);
    }
    tablist.addEventListener('keydown', (e) => {
      const i = this.views.indexOf(this.tab);
      const n = this.views.length;
      const to = { ArrowRight: (i + 1) % n, ArrowLeft: (i + n - 1) % n, Home: 0, End: n - 1 }[e.key];
      if (to === undefined) return;
      e.preventDefault();
      e.stopPropagation();
      this.showTab(this.views[to], true);
    });
    ui.filter = h('select', { id: 'step-filter', onchange: () => this.setFilter(ui.filter.value, true) });
    ui.jumps = {};
    const jumps = FINDS.map(([kind, one, many, key]) => {
      const prev = h('button', { type: 'button', className: 'jump-prev', id: 'prev-' + kind, onclick: () => this.jump(kind, -1),
        'aria-label': 'Previous ' + one + ' (' + key.toUpperCase() + ')', title: 'Previous ' + one + ' (' + key.toUpperCase() + ')' }, '‹');
      const next = h('button', { type: 'button', className: 'jump-next', id: 'next-' + kind, onclick: () => this.jump(kind, 1),
        'aria-label': 'Next ' + one + ' (' + key + ')', title: 'Next ' + one + ' (' + key + ')' }, '›');
      const count = h('span', { className: 'jump-count' }, many);
      ui.jumps[kind] = { prev, next, count };
      return h('span', { className: 'jump', role: 'group', dataset: { kind } }, prev, count, next);
    });
    ui.findStatus = h('span', { className: 'find-status visually-hidden', 'aria-live': 'polite' });
    ui.find = h('div', { className: 'find-bar', role: 'group', 'aria-label': 'Find refusals, duplicates, misses and notes' },
      h('label', { className: 'find-show' }, 'Show ', ui.filter), h('span', { className: 'jumps' }, jumps), ui.findStatus);
    ui.tbody = h('tbody', { id: 'steps' });
    ui.scroll = h('div', { className: 'table-wrap vtable', tabIndex: -1 },
      h('table', { className: 'steps' },
        h('thead', null, h('tr', null, HEADS.map(([t, sub]) => h('th', { scope: 'col' }, t, sub ? h('span', { className: 'muted' }, ' ' + sub) : null)))),
        ui.tbody));
    ui.legend = h('p', { className: 'steps-legend muted' },
      h('abbr', { title: TICK }, 'tick'), ': the simulator\'s clock, one tick per step (', h('code', null, 'wait N'), ' lets N pass). ',
      'Keys: ', FINDS.map(([, one, , key], i) => [i ? ', ' : '', h('kbd', null, key), ' / ', h('kbd', null, key.toUpperCase()), ' next / previous ' + one]), '.');
    ui.viewEls.steps = h('div', { id: 'view-steps', className: 'view', role: 'tabpanel', 'aria-labelledby': 'tab-steps' }, ui.find, ui.scroll, ui.legend);
    ui.viewEls.drift = h('div', { id: 'view-drift', className: 'view', role: 'tabpanel', 'aria-labelledby': 'tab-drift', hidden: true });
    ui.viewEls.cost = h('div', { id: 'view-cost', className: 'view', role: 'tabpanel', 'aria-labelledby': 'tab-cost', hidden: true });
    ui.picker = h('div', { id: 'compare-picker', className: 'compare-picker' });
    ui.compareOut = h('div', { id: 'compare-out', className: 'compare-out' });
    const below = this.compareLayout === 'below';
    ui.viewEls.compare = h('div', { id: 'view-compare', className: 'view' + (below ? ' compare-below' : ''), role: below ? null : 'tabpanel', 'aria-labelledby': below ? null : 'tab-compare', hidden: !below },
      this.compareMode === 'picker'
        ? h('p', null, 'The same scenario against up to three profiles, each with its own defaults (the scenario\'s profile options are dropped). Scenarios that move with ',
          h('code', null, 'next'), ', ', h('code', null, 'prev'), ', ', h('code', null, 'first'), ' and ', h('code', null, 'walk'), ' compare best.')
        : null,
      this.compareMode === 'picker' ? ui.picker : null, ui.compareOut);
    const views = ['steps', 'drift', 'cost'].filter((v) => this.views.includes(v)).map((v) => ui.viewEls[v]);
    if (this.views.includes('compare') || below) views.push(ui.viewEls.compare);
    this.root.append(...[ui.status, ui.running, ui.summary, ui.expect, exportBar, ui.through, tablist, ...views].filter(Boolean));
    this.root.classList.add('pp-results');
    this.root.results = this; // for hosts and tests that hold only the element
    this.root.addEventListener('click', (e) => {
      const b = e.target.closest && e.target.closest('button.curl');
      if (b && this.root.contains(b)) this.copyCurl(Number(b.dataset.i), b);
      const l = e.target.closest && e.target.closest('.step-link');
      if (l && this.root.contains(l)) { e.preventDefault(); this.goTo(Number(l.dataset.step)); }
    });
    this.setProfiles(this.profiles);
    this.showTab(this.tab, false, true);
  }

  setProfiles(list) {
    this.profiles = Array.isArray(list) ? list : [];
    if (this.compareMode === 'picker' && this.profiles.length && !this.picker) {
      this.picker = new ProfilePicker(this.ui.picker, this.profiles, () => {
        this.compareFor = null;
        this.maybeCompare();
        this.emit('pagesim-compare', { names: this.picker.selected });
      });
    }
  }

  emit(name, detail) {
    this.root.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, detail }));
  }

  status(kind, msg, ...extra) {
    this.ui.status.className = 'status-line ' + (kind || '');
    replace(this.ui.status, msg, ...extra);
  }

  // ---- running ----------------------------------------------------------------

  // run runs text in the worker, cancelling a run of this component still
  // waiting or in flight: typing never waits for an answer nobody wants.
  async run(text) {
    if (this.job) this.job.cancel();
    const job = this.job = this.sim.request('run', [text]);
    this.emit('pagesim-running', { text });
    const slow = setTimeout(() => { if (this.job === job) this.running(true); }, MOMENT_MS);
    const t0 = performance.now();
    let res, err;
    try {
      res = await job.promise;
    } catch (e) {
      err = e;
    }
    clearTimeout(slow);
    if (this.job !== job) return 'cancelled'; // a newer run took over
    this.job = null;
    this.running(false);
    if (err && err.cancelled) {
      this.stale(this.text !== text);
      this.status('', 'Stopped. ' + (this.view ? 'The results are of an earlier text.' : ''));
      return this.finish(text, 'cancelled', {});
    }
    if (err) {
      const dead = !!err.dead;
      this.stale(!!this.view);
      if (dead) {
        const again = h('button', { type: 'button', className: 'run-again', onclick: () => { if (this.sim.stopped) this.sim.restart(); this.run(text); } }, 'Run again');
        this.status('error', 'The simulator stopped while running this scenario: ' + err.message + '. ' +
          (this.sim.stopped ? 'It stopped too often to restart by itself. ' : 'It restarted by itself. '), again);
        this.emit('pagesim-dead', { message: err.message });
      } else {
        this.status('error', 'The simulator failed: ' + (err.message || err));
      }
      return this.finish(text, dead ? 'dead' : 'failed', { error: String(err.message || err) });
    }
    if (res && res.error) {
      const diagnostics = res.diagnostics && res.diagnostics.length ? res.diagnostics : [{ line: 1, col: 1, endCol: 0, message: res.error }];
      this.stale(!!this.view);
      this.status('error', res.error);
      return this.finish(text, 'problems', { diagnostics, error: res.error });
    }
    const ms = performance.now() - t0;
    this.show(res, text);
    this.timing = { ms, drawMs: performance.now() - t0 - ms, ...(this.sim.last || {}) };
    return this.finish(text, 'ok', { view: res });
  }

  finish(text, state, detail) {
    this.state = state;
    if (state !== 'cancelled') {
      this.root.shownText = text;
      this.root.dataset.state = state;
    }
    this.emit('pagesim-result', { text, state, diagnostics: [], ...detail });
    return state;
  }

  running(on) {
    this.ui.running.hidden = !on;
    this.root.classList.toggle('running', on);
    if (on) this.stale(!!this.view);
  }

  stale(on) { this.root.classList.toggle('stale', on); }

  // stop cancels the run in flight; the results shown stay, marked stale.
  stop() {
    if (this.job) this.job.cancel();
  }

  // ---- showing a view ---------------------------------------------------------

  // show puts a view on screen (a run's, or one computed before the
  // simulator started: the page's prerendered first result).
  show(view, text) {
    const sameText = this.text === text;
    this.view = view;
    this.text = text;
    if (!sameText) this.step = Math.min(this.step, Math.max(0, view.n - 1));
    this.stale(false);
    this.status('', '');
    this.renderSummary();
    this.renderExpectations();
    this.findIndex(view);
    this.table.show(view, this.filterKind === 'all' ? null : this.found[this.filterKind]);
    for (const k of Object.keys(this.redraw)) this.redraw[k] = [];
    replace(this.ui.viewEls.drift);
    renderDrift(this.ui.viewEls.drift, view, this.redraw.drift);
    replace(this.ui.viewEls.cost);
    renderCost(this.ui.viewEls.cost, view, this.redraw.cost);
    this.select(this.step, false);
    this.drawVisible();
    this.compareFor = null;
    this.maybeCompare();
  }

  renderSummary() {
    const t = this.view;
    const s = t.summary;
    const setup = t.setup;
    const unreachedBy = s.unreached ? t.walks.filter((w) => w.unreached).length : 0; // walks that left records unreached
    replace(this.ui.summary,
      h('span', { className: 'pill' }, h('span', { className: 'k' }, 'profile '), h('strong', null, t.profile), t.vendor ? ' · ' + t.vendor : ''),
      h('span', { className: 'pill' }, num(setup.records), ' records, ', setup.order, setup.sort ? ', sort ' + setup.sort : ''),
      h('span', { className: 'pill' }, plural(s.requests, 'request'), ': ', num(s.accepted), ' accepted, ',
        h('span', { className: s.refused ? 'bad' : '', dataset: { refused: String(s.refused) } }, num(s.refused), ' refused')),
      h('span', { className: 'pill walks' }, plural(s.walks, 'walk'), ', ', num(s.consistent), ' consistent',
        s.refusedWalks ? ', ' + num(s.refusedWalks) + ' stopped by a refusal' : '',
        s.unreached ? h('span', { className: 'unreached', title: unreachedNotes(t) }, ', ', plural(s.unreached, 'record'), ' not reached',
          unreachedBy > 1 ? ' by ' + num(unreachedBy) + ' walks' : '') : null),
      h('span', { className: 'pill' }, num(s.rows), ' rows read'),
      h('span', { className: 'pill' }, 'final size ', num(s.finalSize)),
      s.errors.map((e) => h('div', { className: 'run-error' }, e)));
  }

  renderExpectations() {
    const xs = this.view.expectations;
    this.ui.expect.hidden = !xs.length;
    replace(this.ui.expect, xs.map((x) => h('li', { className: x.met ? 'met' : 'unmet', dataset: { met: String(x.met) } },
      (x.met ? '✓ ' : '✗ '), h('code', null, x.text), x.why ? ' — ' + x.why : '')));
  }

  // ---- steps ------------------------------------------------------------------

  // select makes step i current: the panel, the table's row (scrolled into
  // the table's own box, never the page) and a pagesim-step event.
  select(i, scroll = true) {
    const v = this.view;
    if (!v) return;
    const n = v.n;
    this.step = Math.max(0, Math.min(n - 1, i));
    if (n) this.table.select(this.step, scroll);
    this.panel();
    this.ui.prev.disabled = this.step <= 0;
    this.ui.next.disabled = this.step >= n - 1;
    if (n) this.emit('pagesim-step', { i: this.step, line: v.cols.line[this.step], n });
  }

  // panel draws the step panel from the columns and, when it is here, the
  // row (it is fetched, and the panel drawn again when it comes).
  panel() {
    const v = this.view;
    if (!v || !this.table || this.ui.through.hidden) return;
    const row = v.n ? this.table.row(this.step) : undefined;
    renderStepPanel(this.ui.panel, this.ui.canvas, v, this.step, row);
  }

  key(e) {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    const el = (e.composedPath && e.composedPath()[0]) || e.target;
    if (!(el instanceof Element)) return;
    if (el.closest('dialog, textarea, input, select, [contenteditable=""], [contenteditable="true"], .cm-editor')) return;
    const inTabs = el.closest('[role=tablist]');
    if (e.key.length === 1 && !this.shortcuts()) return; // the arrow keys stay
    switch (e.key) {
      case 'j': this.select(this.step + 1); break;
      case 'k': this.select(this.step - 1); break;
      case 'ArrowDown': if (inTabs) return; this.select(this.step + 1); break;
      case 'ArrowUp': if (inTabs) return; this.select(this.step - 1); break;
      case 'g': this.select(0); break;
      case 'G': this.select(Infinity); break;
      case 'r': case 'd': case 'm': case 'n': case 'u': case 'R': case 'D': case 'M': case 'N': case 'U': {
        const f = FINDS.find(([, , , k]) => k === e.key.toLowerCase());
        if (!this.views.includes('steps')) return;
        this.jump(f[0], e.key === f[3] ? 1 : -1);
        break;
      }
      case '1': case '2': case '3': case '4': {
        const name = this.views[Number(e.key) - 1];
        if (!name || this.views.length < 2) return;
        this.showTab(name);
        break;
      }
      default: return;
    }
    e.preventDefault();
  }

  // ---- finding: filter and jump ------------------------------------------------

  // findIndex lists, per kind, the steps the simulator flagged (ascending):
  // what the filter shows and the jumps move between.
  findIndex(v) {
    this.found = {};
    const bits = FINDS.map(([kind]) => v.flagBits[kind] || 0);
    const lists = FINDS.map(() => []);
    const flags = v.cols.flags;
    for (let i = 0; i < v.n; i++) {
      const f = flags[i];
      if (!f) continue;
      for (let k = 0; k < bits.length; k++) if (f & bits[k]) lists[k].push(i);
    }
    FINDS.forEach(([kind], k) => { this.found[kind] = Int32Array.from(lists[k]); });
    if (!this.filterKind || (this.filterKind !== 'all' && !this.found[this.filterKind].length)) this.filterKind = 'all';
    const opts = [h('option', { value: 'all' }, 'all steps (' + num(v.n) + ')')];
    for (const [kind, one, many] of FINDS) {
      const c = this.found[kind].length;
      opts.push(h('option', { value: kind, disabled: !c }, (c === 1 ? one : many) + ' (' + num(c) + ')'));
      const j = this.ui.jumps[kind];
      j.count.textContent = plural(c, one, kind === 'miss' ? 'misses' : undefined);
      j.prev.disabled = j.next.disabled = !c;
      j.count.parentElement.classList.toggle('none', !c);
      // A walk's misses that no step went past: the count's tooltip says so;
      // the unreached parts' says how many records each walk did not reach.
      j.count.title = kind === 'miss' ? missNotes(v) : kind === 'unreached' ? unreachedNotes(v) : '';
    }
    replace(this.ui.filter, opts);
    this.ui.filter.value = this.filterKind;
  }

  // setFilter shows only the steps of one kind ('all': every step).
  setFilter(kind, fromUser) {
    if (!this.view || !(kind === 'all' || (this.found[kind] && this.found[kind].length))) kind = 'all';
    this.filterKind = kind;
    this.ui.filter.value = kind;
    this.table.filter(kind === 'all' ? null : this.found[kind]);
    const list = this.found[kind];
    if (list && this.table.indexOf(this.step) < 0) {
      const k = lowerBound(list, this.step);
      this.select(list[Math.min(k, list.length - 1)]);
    } else {
      this.select(this.step);
    }
    if (fromUser) this.emit('pagesim-filter', { kind });
  }

  // jump selects the next (dir 1) or previous (-1) step of a kind, showing
  // every step again when the filter hides it.
  jump(kind, dir) {
    const list = this.found && this.found[kind];
    const [, one, many] = FINDS.find(([k]) => k === kind);
    if (!list || !list.length) {
      // Misses no request went past are the walk's: say so, in sim's words.
      const notes = kind === 'miss' && this.view ? missNotes(this.view) : '';
      this.ui.findStatus.textContent = notes ? 'No step went past a missed record. ' + notes : 'No ' + many + ' in this run.';
      return;
    }
    let k = lowerBound(list, this.step + (dir > 0 ? 1 : 0)) - (dir > 0 ? 0 : 1);
    let wrapped = false;
    if (k >= list.length) { k = 0; wrapped = true; }
    if (k < 0) { k = list.length - 1; wrapped = true; }
    this.goTo(list[k]);
    this.ui.findStatus.textContent = 'Step ' + num(list[k] + 1) + ': ' + one + ' ' + num(k + 1) + ' of ' + num(list.length) + (wrapped ? ' (from the ' + (dir > 0 ? 'start' : 'end') + ')' : '');
  }

  // goTo selects step i on the steps tab, showing every step again when the
  // filter hides it.
  goTo(i) {
    if (!this.view) return;
    if (this.tab !== 'steps' && this.views.includes('steps')) this.showTab('steps');
    if (this.table.indexOf(i) < 0 && this.filterKind !== 'all') {
      this.filterKind = 'all';
      this.ui.filter.value = 'all';
      this.table.filter(null);
    }
    this.select(i);
    // The row is in the table's box; bring the box's part with the row on
    // screen too (a jump is asked for: the page may move, just enough).
    requestAnimationFrame(() => {
      const tr = this.ui.tbody.querySelector('tr[data-i="' + this.step + '"]');
      if (!tr) return;
      const r = tr.getBoundingClientRect();
      if (r.top < 0 || r.bottom > innerHeight) tr.scrollIntoView({ block: 'nearest' });
    });
  }

  // ---- tabs and the views drawn on canvases --------------------------------

  showTab(name, focus, quiet) {
    if (!this.views.includes(name)) return;
    this.tab = name;
    for (const t of this.views) {
      const tab = this.ui.tabs[t];
      const on = t === name;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
      if (!(t === 'compare' && this.compareLayout === 'below')) this.ui.viewEls[t].hidden = !on;
      if (on && focus) tab.focus();
    }
    this.drawVisible();
    if (name === 'steps' && this.table) this.table.schedule();
    this.maybeCompare();
    if (!quiet) this.emit('pagesim-tab', { tab: name });
  }

  drawVisible() {
    const list = this.redraw[this.tab];
    if (list) for (const f of list) f();
    if (this.compareLayout === 'below' && this.tab !== 'compare') for (const f of this.redraw.compare) f();
    this.panel();
  }

  // ---- compare -----------------------------------------------------------------

  compareNames() {
    if (Array.isArray(this.compareMode)) return this.compareMode.slice(0, MAX_COMPARE);
    if (!this.picker) return [];
    if (!this.picker.selected.length) {
      const names = this.profiles.map((p) => p.name);
      const out = [];
      for (const n of [this.view && this.view.profile, 'offset', 'cursor']) if (n && names.includes(n) && !out.includes(n)) out.push(n);
      this.picker.selected = out.slice(0, MAX_COMPARE);
    }
    return this.picker.selected;
  }

  // compareWith sets the profiles compared (the element's attribute, or a link's).
  compareWith(names) {
    if (Array.isArray(this.compareMode)) this.compareMode = names.slice(0, MAX_COMPARE);
    else if (this.picker) this.picker.selected = names;
    this.compareFor = null;
    this.maybeCompare();
  }

  get compared() { return Array.isArray(this.compareMode) ? this.compareMode.slice() : this.picker ? this.picker.selected : []; }

  async maybeCompare() {
    const below = this.compareLayout === 'below';
    if ((!below && this.tab !== 'compare') || !this.view) return;
    if (this.compareFor === this.text) return;
    const names = this.compareNames();
    const text = this.text;
    this.compareFor = text;
    const out = this.ui.compareOut;
    this.ui.viewEls.compare.hidden = below && !names.length;
    if (!names.length) { replace(out, below ? null : h('p', null, 'Pick profiles to compare.')); return; }
    out.classList.add('busy');
    let res;
    try {
      res = await this.sim.call('compare', text, names);
    } catch (err) {
      res = { error: String(err.message || err) };
    }
    out.classList.remove('busy');
    if (this.compareFor !== text) return;
    this.redraw.compare = [];
    if (!Array.isArray(res)) {
      replace(out, h('p', { className: 'bad' }, 'Compare failed: ' + (res && res.error || 'no result')));
      return;
    }
    replace(out);
    renderCompare(out, res, this.redraw.compare);
    this.drawVisible();
    this.emit('pagesim-compared', { names });
  }

  // ---- copy as curl and exports --------------------------------------------

  async copyCurl(i, button) {
    const st = await this.table.rowAsync(i);
    if (!st || !st.request) return;
    const cmd = st.curl || curl(st.request);
    const b = button || this.ui.tbody.querySelector('button.curl[data-i="' + i + '"]');
    if (b) b.dataset.curl = cmd;
    try {
      await navigator.clipboard.writeText(cmd);
      if (b) b.textContent = 'Copied';
    } catch (err) {
      this.status('', cmd);
    }
    return cmd;
  }

  exportJSON() { return this.export('json', 'trace.json', 'application/json'); }
  exportCSV() { return this.export('csv', 'trace.csv', 'text/csv'); }

  // export streams the complete trace out of the worker into a file: every
  // step and every body, however long the run.
  async export(format, name, type) {
    if (!this.view) return;
    const b = format === 'json' ? this.ui.exportJSON : this.ui.exportCSV;
    const label = b.textContent;
    b.disabled = true;
    b.textContent = 'Exporting…';
    const parts = [];
    try {
      const res = await this.sim.request('export', [this.text, format], (chunk) => parts.push(chunk)).promise;
      if (res && res.error) throw new Error(res.error);
      const blob = new Blob(format === 'json' ? parts.concat('\n') : parts, { type });
      this.lastExport = blob;
      download(this.root, name, blob);
    } catch (err) {
      this.status('error', 'Export failed: ' + (err.message || err));
    } finally {
      b.disabled = false;
      b.textContent = label;
    }
  }

  destroy() {
    this.stop();
    this.keys.removeEventListener('keydown', this.onKey);
    this.resize.disconnect();
    this.dark.removeEventListener('change', this.onDark);
  }

  // has(i, flag) says whether step i has a flag (see sim/traceview.go):
  // the row model a filter reads.
  has(i, flag) { return !!this.view && has(this.view, i, flag); }
}

// missNotes is what the simulator says of each walk's misses that no step
// went past (walkDetail's missNote), "Walk N: ..." each, or ''.
function missNotes(v) {
  return (v.walkDetail || []).flatMap((d, i) => d.missNote ? ['Walk ' + (i + 1) + ': ' + d.missNote] : []).join(' ');
}

// unreachedNotes says how many records each walk did not reach (before its
// first page, after where it stopped: the walk's verdict says which), or ''.
function unreachedNotes(v) {
  const parts = (v.walks || []).flatMap((w, i) => w.unreached ? ['Walk ' + (i + 1) + ': ' + plural(w.unreached, 'record') + ' not reached.'] : []);
  return parts.length ? parts.join(' ') + ' Not misses: the walk never got there.' : '';
}

// lowerBound is the first index of the sorted list a with a[k] >= x.
function lowerBound(a, x) {
  let lo = 0, hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < x) lo = mid + 1; else hi = mid;
  }
  return lo;
}

function download(root, name, blob) {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name, hidden: true });
  root.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
