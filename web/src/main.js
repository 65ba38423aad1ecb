import { h, num, plural, clear, replace } from './dom.js';
import { Sim } from './client.js';
import { Editor } from './editor.js';
import { StepTable, renderStepPanel, interpMark, setBodyLoader } from './steps.js';
import { renderDrift, renderCost } from './drift.js';
import { ProfilePicker, renderCompare, MAX_COMPARE } from './compare.js';

performance.mark('pagesim:main');
const $ = (id) => document.getElementById(id);
const cfg = document.body.dataset;

const state = {
  presets: [],
  profiles: [],
  trace: null,     // the last trace that ran
  text: null,      // its scenario
  step: 0,
  tab: 'steps',
  compareFor: null, // the text the compare view shows
  firstResult: 0,
};
const redraw = { drift: [], cost: [], compare: [] };

// The scenario shown when there is no link and no preset.
const EXAMPLE = `profile offset
records 50

GET /items?offset=0&limit=10
next
insert 1          # a new record arrives at the head
next              # page 3 starts with the record page 2 ended on
walk              # follow next until there is none
`;

// ---- the simulator -------------------------------------------------------

const sim = new Sim(
  { worker: cfg.worker, wasm: cfg.wasm, wasmExec: cfg.wasmExec, size: Number(cfg.wasmSize) || 0 },
  {
    onProgress(loaded, total) {
      const p = $('load-progress');
      if (total) { p.max = total; p.value = Math.min(loaded, total); }
      $('load-text').textContent = 'Loading the simulator… ' + (total ? Math.round(100 * Math.min(loaded, total) / total) + '%' : num(loaded) + ' bytes');
    },
    onReady(m) {
      $('load-text').textContent = 'Starting…';
      state.readyAt = performance.now();
      start(m);
    },
    onFatal(message) {
      $('loading').hidden = false;
      $('loading').classList.add('failed');
      $('load-progress').hidden = true;
      $('load-text').textContent = 'The simulator failed: ' + message;
    },
  });

async function start({ presets, profiles }) {
  performance.mark('pagesim:start');
  state.presets = Array.isArray(presets) ? presets : [];
  state.profiles = Array.isArray(profiles) ? profiles : [];
  fillPresets();
  picker = new ProfilePicker($('compare-picker'), state.profiles, () => { state.compareFor = null; maybeCompare(); });
  const fromHash = readHash();
  // A link's scenario, else what the user typed while the simulator loaded,
  // else the first preset.
  const text = fromHash !== null ? fromHash : editor.value || (state.presets[0] ? state.presets[0].text : EXAMPLE);
  editor.value = text;
  syncPresetSelect(text);
  $('preset').disabled = false;
  state.started = true;
  await pump(text);
  $('loading').hidden = true;
}

// Runs go one at a time; while one runs, only the latest text waits.
let running = false;
let queued = null;

function schedule(text) {
  queued = text;
  if (!running && state.started) pump();
}

async function pump(first) {
  if (first !== undefined) queued = first;
  running = true;
  try {
    while (queued !== null) {
      const text = queued;
      queued = null;
      await runOnce(text);
    }
  } finally {
    running = false;
  }
}

async function runOnce(text) {
  const t0 = performance.now();
  let res;
  try {
    res = await sim.call('run', text);
  } catch (err) {
    shown(text, 'failed');
    return showStatus('error', String(err.message || err));
  }
  if (res && res.error) {
    editor.setDiagnostics(res.diagnostics && res.diagnostics.length ? res.diagnostics : [{ line: 1, col: 1, endCol: 0, message: res.error }]);
    markStale(true, res.error);
    shown(text, 'problems');
    return;
  }
  const ms = performance.now() - t0;
  performance.mark('pagesim:ran');
  editor.setDiagnostics([]);
  showTrace(res, text);
  const drawn = performance.now() - t0 - ms;
  const last = sim.last || {};
  markStale(false, '');
  shown(text, 'ok');
  if (!state.firstResult) {
    performance.mark('pagesim:first-result');
    state.firstResult = performance.now();
    document.body.dataset.firstResultMs = String(Math.round(state.firstResult));
  }
  $('timing').textContent = 'Simulator ready ' + Math.round(state.readyAt || 0) + ' ms after navigation · first result at ' +
    Math.round(state.firstResult) + ' ms · last run ' + Math.round(ms + drawn) + ' ms: simulator ' + Math.round(last.goMs || 0) +
    ' ms, transfer ' + Math.round(Math.max(0, last.transferMs || 0)) + ' ms, decoding ' + Math.round(last.parseMs || 0) +
    ' ms, drawing ' + Math.round(drawn) + ' ms.';
  writeHash(text);
}

// shown records which text the results pane answers (tests wait on it).
function shown(text, how) {
  const r = $('results');
  r.shownText = text;
  r.dataset.state = how;
}

function showStatus(kind, msg) {
  const el = $('status');
  el.className = 'status-line ' + kind;
  el.textContent = msg;
}

function markStale(stale, msg) {
  $('results').classList.toggle('stale', stale && !!state.trace);
  showStatus(stale ? 'error' : '', msg);
}

// ---- rendering -------------------------------------------------------------

let table;
let picker;

function showTrace(trace, text) {
  const sameText = state.text === text;
  state.trace = trace;
  state.text = text;
  const steps = trace.steps || [];
  if (!sameText) state.step = Math.min(state.step, Math.max(0, steps.length - 1));
  renderSummary(trace);
  renderRules(trace);
  table.show(trace);
  for (const k of Object.keys(redraw)) redraw[k] = [];
  replace($('view-drift'));
  renderDrift($('view-drift'), trace, redraw.drift);
  replace($('view-cost'));
  renderCost($('view-cost'), trace, redraw.cost);
  selectStep(state.step, false);
  drawVisible();
  state.compareFor = null;
  maybeCompare();
}

function renderSummary(t) {
  const s = t.summary || {};
  const setup = t.setup || {};
  const el = $('summary');
  replace(el,
    h('span', { className: 'pill' }, h('span', { className: 'k' }, 'profile '), h('strong', null, t.profile), t.vendor ? ' · ' + t.vendor : ''),
    h('span', { className: 'pill' }, num(setup.records || 0), ' records, ', setup.order || '', setup.sort ? ', sort ' + setup.sort : ''),
    h('span', { className: 'pill' }, plural(s.requests || 0, 'request'), ': ', num(s.accepted || 0), ' accepted, ',
      h('span', { className: s.refused ? 'bad' : '', dataset: { refused: String(s.refused || 0) } }, num(s.refused || 0), ' refused')),
    h('span', { className: 'pill' }, plural(s.walks || 0, 'walk'), ', ', num(s.consistent || 0), ' consistent'),
    h('span', { className: 'pill' }, num(s.rows || 0), ' rows read'),
    h('span', { className: 'pill' }, 'final size ', num(s.finalSize || 0)),
    (s.errors || []).map((e) => h('div', { className: 'run-error' }, e)));
}

function renderRules(t) {
  const setup = t.setup || {};
  replace($('setup'),
    (setup.options || []).length
      ? h('p', null, 'Options: ', (setup.options || []).map((o, i) => [i ? ', ' : '', h('code', null, o.name + '=' + o.value)]))
      : null);
  replace($('rule-list'), (setup.rules || []).map((r) => h('li', null, r.text,
    r.source ? h('span', { className: 'muted' }, ' — ' + r.source) : null,
    r.interpretation ? [' ', interpMark('This rule is our reading: the source is silent or contradicts itself.')] : null)));
}

function selectStep(i, scroll = true) {
  const t = state.trace;
  if (!t) return;
  const n = (t.steps || []).length;
  state.step = Math.max(0, Math.min(n - 1, i));
  renderStepPanel($('step-panel'), $('step-window'), t, state.step);
  if (n) {
    table.current = state.step;
    if (scroll) table.select(state.step); else table.mark();
    editor.highlightLine(t.steps[state.step].line);
  }
  $('step-prev').disabled = state.step <= 0;
  $('step-next').disabled = state.step >= n - 1;
}

function drawVisible() {
  const list = redraw[state.tab];
  if (list) for (const f of list) f();
  if (state.trace) renderStepPanel($('step-panel'), $('step-window'), state.trace, state.step);
}

// ---- compare -----------------------------------------------------------------

function defaultCompare() {
  const names = state.profiles.map((p) => p.name);
  const want = [state.trace && state.trace.profile, 'offset', 'cursor'];
  const out = [];
  for (const n of want) if (n && names.includes(n) && !out.includes(n)) out.push(n);
  return out.slice(0, MAX_COMPARE);
}

async function maybeCompare() {
  if (state.tab !== 'compare' || !state.trace || !picker) return;
  if (state.compareFor === state.text) return;
  if (!picker.selected.length) picker.selected = defaultCompare();
  const names = picker.selected;
  const text = state.text;
  state.compareFor = text;
  const out = $('compare-out');
  if (!names.length) { replace(out, h('p', null, 'Pick profiles to compare.')); return; }
  out.classList.add('busy');
  let res;
  try {
    res = await sim.call('compare', text, names);
  } catch (err) {
    res = { error: String(err.message || err) };
  }
  out.classList.remove('busy');
  if (state.compareFor !== text) return;
  redraw.compare = [];
  if (!Array.isArray(res)) {
    replace(out, h('p', { className: 'bad' }, 'Compare failed: ' + (res && res.error || 'no result')));
    return;
  }
  replace(out);
  renderCompare(out, res, redraw.compare);
  if (state.tab === 'compare') drawVisible();
}

// ---- presets and the link --------------------------------------------------

function fillPresets() {
  const sel = $('preset');
  clear(sel);
  sel.appendChild(h('option', { value: '' }, '— your own scenario —'));
  const groups = new Map();
  for (const p of state.presets) {
    const v = p.vendor || 'Generic lessons';
    if (!groups.has(v)) groups.set(v, []);
    groups.get(v).push(p);
  }
  for (const [vendor, ps] of groups) {
    sel.appendChild(h('optgroup', { label: vendor }, ps.map((p) => h('option', { value: p.name }, p.title || p.name))));
  }
}

function syncPresetSelect(text) {
  const p = state.presets.find((p) => p.text === text);
  $('preset').value = p ? p.name : '';
  const notice = $('preset-notice');
  if (p && p.notice) {
    replace(notice, h('strong', null, 'What to notice: '), p.notice);
    notice.hidden = false;
  } else if (!p) {
    notice.hidden = true;
  }
}

function b64encode(text) {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function b64decode(s) {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new TextDecoder().decode(bytes);
}

// The link names a preset (#preset=name) or carries the text (#s=base64url).
function readHash() {
  const params = new URLSearchParams(location.hash.slice(1));
  try {
    if (params.has('s')) return b64decode(params.get('s'));
  } catch (e) { /* a broken link: fall back to the first preset */ }
  if (params.has('preset')) {
    const p = state.presets.find((p) => p.name === params.get('preset'));
    if (p) return p.text;
  }
  return null;
}

function hashFor(text) {
  const p = state.presets.find((p) => p.text === text);
  return p ? '#preset=' + encodeURIComponent(p.name) : '#s=' + b64encode(text);
}

function writeHash(text) {
  const hash = hashFor(text);
  if (location.hash !== hash) history.replaceState(null, '', hash);
}

// ---- wiring ----------------------------------------------------------------------

let debounce = 0;
const editor = new Editor({
  textarea: $('scenario'), gutter: $('gutter'), backdrop: $('backdrop'), list: $('diagnostics'),
  onChange(text) {
    syncPresetSelect(text);
    clearTimeout(debounce);
    debounce = setTimeout(() => schedule(text), 120);
  },
});
editor.value = '';

setBodyLoader((i) => sim.call('step', i));
table = new StepTable({ tbody: $('steps'), more: $('more-steps'), onSelect: (i) => selectStep(i) });

$('preset').addEventListener('change', (e) => {
  const p = state.presets.find((p) => p.name === e.target.value);
  if (!p) return;
  editor.value = p.text;
  state.step = 0;
  syncPresetSelect(p.text);
  schedule(p.text);
});

$('copy-link').addEventListener('click', async () => {
  const url = location.href.split('#')[0] + hashFor(editor.value);
  try {
    await navigator.clipboard.writeText(url);
    showStatus('', 'Link copied.');
  } catch (e) {
    history.replaceState(null, '', hashFor(editor.value));
    showStatus('', 'The link is in the address bar.');
  }
});

window.addEventListener('hashchange', () => {
  const text = readHash();
  if (text !== null && text !== editor.value) {
    editor.value = text;
    syncPresetSelect(text);
    schedule(text);
  }
});

$('step-prev').addEventListener('click', () => selectStep(state.step - 1));
$('step-next').addEventListener('click', () => selectStep(state.step + 1));

const TABS = ['steps', 'drift', 'cost', 'compare'];

function showTab(name, focus) {
  state.tab = name;
  for (const t of TABS) {
    const tab = $('tab-' + t);
    const on = t === name;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
    $('view-' + t).hidden = !on;
    if (on && focus) tab.focus();
  }
  drawVisible();
  maybeCompare();
}

for (const t of TABS) $('tab-' + t).addEventListener('click', () => showTab(t));
document.querySelector('[role=tablist]').addEventListener('keydown', (e) => {
  const i = TABS.indexOf(state.tab);
  if (e.key === 'ArrowRight') { e.preventDefault(); showTab(TABS[(i + 1) % TABS.length], true); }
  if (e.key === 'ArrowLeft') { e.preventDefault(); showTab(TABS[(i + TABS.length - 1) % TABS.length], true); }
  if (e.key === 'Home') { e.preventDefault(); showTab(TABS[0], true); }
  if (e.key === 'End') { e.preventDefault(); showTab(TABS[TABS.length - 1], true); }
});

document.addEventListener('keydown', (e) => {
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  const el = e.target;
  const typing = el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement || el instanceof HTMLSelectElement;
  if (typing) {
    if (e.key === 'Escape' && el === $('scenario')) { el.blur(); $('step-through').focus(); }
    return;
  }
  const inTabs = el.closest && el.closest('[role=tablist]');
  switch (e.key) {
    case 'j': selectStep(state.step + 1); break;
    case 'k': selectStep(state.step - 1); break;
    case 'ArrowDown': if (inTabs) return; selectStep(state.step + 1); break;
    case 'ArrowUp': if (inTabs) return; selectStep(state.step - 1); break;
    case 'g': selectStep(0); break;
    case 'G': selectStep(Infinity); break;
    case '1': case '2': case '3': case '4': showTab(TABS[Number(e.key) - 1]); break;
    case '/': $('scenario').focus(); break;
    default: return;
  }
  e.preventDefault();
});

let resizeFrame = 0;
new ResizeObserver(() => {
  cancelAnimationFrame(resizeFrame);
  resizeFrame = requestAnimationFrame(drawVisible);
}).observe($('results'));
matchMedia('(prefers-color-scheme: dark)').addEventListener('change', drawVisible);
