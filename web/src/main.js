import { h, num, plural, clear, replace } from './dom.js';
import { Sim } from './client.js';
import { Editor } from './editor.js';
import { StepTable, renderStepPanel, interpMark, curl, traceCSV } from './steps.js';
import { Lessons } from './lessons.js';
import { renderDrift, renderCost } from './drift.js';
import { ProfilePicker, renderCompare, MAX_COMPARE } from './compare.js';
import { readFragment, encodeState } from './permalink.js';
import { ClientPane } from './clientpane.js';
import { scratch, prefs, presenter, splitter, guardShortcuts } from './workshop.js';

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
  clientPane.fillPresets(state.profiles);
  lessons.setPresets(state.presets);
  picker = new ProfilePicker($('compare-picker'), state.profiles, () => { state.compareFor = null; maybeCompare(); writeHash(); });
  // A link's state, else what the user typed while the simulator loaded,
  // else the first preset.
  const link = await loadFragment();
  // (Text the user typed, even none, is theirs: the first preset fills only
  // an editor nobody touched, and an unchanged text is not set again, which
  // would move the caret of someone typing.)
  const own = scratch.get();
  const text = link ? link.text : editor.value || state.touched ? editor.value
    : own && own.active ? own.text : (state.presets[0] ? state.presets[0].text : EXAMPLE);
  if (editor.value !== text) editor.value = text;
  if (link && link.client) clientPane.value = link.client;
  syncPresetSelect(text);
  $('preset').disabled = false;
  state.started = true;
  await pump(text); // over a prerendered first result, the same trace again
  $('loading').hidden = true;
  if (link) applyView(link);
}

// loadFragment reads the link's state; a link it cannot read shows why and
// leaves an empty playground.
async function loadFragment() {
  let got;
  try {
    got = await readFragment(location.hash, state.presets);
  } catch (err) {
    showLinkError(String(err.message || err));
    return { text: '', tab: 'steps', compare: [], step: 0 };
  }
  showLinkError('');
  if (!got) return null;
  if (got.lesson !== undefined) {
    const p = state.presets.find((p) => p.name === got.lesson);
    if (!p) {
      showLinkError('there is no lesson named “' + got.lesson.slice(0, 80) + '”');
      return { text: '', tab: 'steps', compare: [], step: 0 };
    }
    lessons.open(p.name);
    return { text: p.text, tab: 'steps', compare: [], step: 0 };
  }
  if (got.state.lesson && state.presets.some((p) => p.name === got.state.lesson)) lessons.open(got.state.lesson);
  return got.state;
}

function showLinkError(msg) {
  const el = $('link-error');
  el.hidden = !msg;
  el.textContent = msg ? 'This link cannot be opened: ' + msg + '.' : '';
}

// applyView restores a link's view, compare set and step once its trace ran.
function applyView(st) {
  if (st.compare && st.compare.length && picker) {
    picker.selected = st.compare;
    state.compareFor = null;
  }
  showTab(st.tab || 'steps');
  selectStep(st.step || 0);
  writeHash();
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

let shownText = ''; // the scenario of the trace on screen, for step(i)

async function runOnce(text) {
  const t0 = performance.now();
  let res;
  try {
    res = await sim.call('run', text);
    if (res && !res.error) shownText = text;
  } catch (err) {
    shown(text, 'failed');
    return showStatus('error', String(err.message || err));
  }
  if (res && res.error) {
    editor.setDiagnostics(res.diagnostics && res.diagnostics.length ? res.diagnostics : [{ line: 1, col: 1, endCol: 0, message: res.error }]);
    markStale(true, res.error);
    lessons.showResult(null, text);
    shown(text, 'problems');
    return;
  }
  const ms = performance.now() - t0;
  performance.mark('pagesim:ran');
  editor.setDiagnostics([]);
  showTrace(res, text);
  lessons.showResult(res, text);
  const drawn = performance.now() - t0 - ms;
  const last = sim.last || {};
  markStale(false, '');
  shown(text, 'ok');
  if (!state.firstResult) {
    performance.mark('pagesim:first-result');
    upgradeEditor();
    state.firstResult = performance.now();
    document.body.dataset.firstResultMs = String(Math.round(state.firstResult));
  }
  $('timing').textContent = 'Simulator ready ' + Math.round(state.readyAt || 0) + ' ms after navigation · first result at ' +
    Math.round(state.firstResult) + ' ms · last run ' + Math.round(ms + drawn) + ' ms: simulator ' + Math.round(last.goMs || 0) +
    ' ms, transfer ' + Math.round(Math.max(0, last.transferMs || 0)) + ' ms, decoding ' + Math.round(last.parseMs || 0) +
    ' ms, drawing ' + Math.round(drawn) + ' ms.';
  writeHash();
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
  renderExpectations(trace);
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

function renderExpectations(t) {
  const xs = t.expectations || [];
  const el = $('expectations');
  el.hidden = !xs.length;
  replace(el, xs.map((x) => h('li', { className: x.met ? 'met' : 'unmet', dataset: { met: String(x.met) } },
    (x.met ? '✓ ' : '✗ ') , h('code', null, x.text), x.why ? ' — ' + x.why : '')));
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
  writeHash();
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
  $('preset').title = p ? p.title || p.name : 'Your own scenario';
  const own = scratch.get();
  $('scratch-notice').hidden = !own || own.text === text || !own.text.trim();
  const notice = $('preset-notice');
  if (p && p.notice) {
    replace(notice, h('strong', null, 'What to notice: '), p.notice);
    notice.hidden = !!lessons.current; // the lesson panel says it
  } else if (!p) {
    notice.hidden = true;
  }
}

// The link: #preset=NAME for a preset as it loads, else the whole state
// compressed (#z=...).
function currentState() {
  return { text: editor.value, tab: state.tab, compare: picker ? picker.selected : [], step: state.step, lesson: lessons.current || undefined, client: clientPane.value || undefined };
}

function isPlain(st) {
  return st.tab === 'steps' && st.step === 0 && !st.compare.length && !st.client;
}

async function hashFor(st) {
  const p = state.presets.find((p) => p.text === st.text);
  if (p && isPlain(st)) return (st.lesson === p.name ? '#lesson=' : '#preset=') + encodeURIComponent(p.name);
  return '#' + await encodeState(st);
}

let hashSeq = 0;
async function writeHash() {
  if (!state.started && !state.prerendered) return; // the presets are not known yet
  const seq = ++hashSeq;
  const hash = await hashFor(currentState());
  if (seq === hashSeq && location.hash !== hash) history.replaceState(null, '', hash);
}

// switchTo shows another scenario (a preset, a lesson, the user's own) as a
// new history entry: the entry it leaves keeps the state shown until now,
// so Back returns to it; in the editor the change is one undoable edit.
async function switchTo(text, how) {
  const before = currentState();
  const seq = ++hashSeq;
  const leaving = await hashFor(before);
  if (seq === hashSeq && location.hash !== leaving) history.replaceState(null, '', leaving);
  if (before.text !== text && !state.presets.some((p) => p.text === before.text) && before.text.trim()) scratch.save(before.text, false);
  else scratch.setActive(false);
  how();
  editor.value = text;
  state.step = 0;
  syncPresetSelect(text);
  schedule(text);
  const hash = await hashFor(currentState());
  ++hashSeq;
  if (location.hash !== hash) history.pushState(null, '', hash);
}

// ---- wiring ----------------------------------------------------------------------

let debounce = 0;
const editor = new Editor({
  textarea: $('scenario'), gutter: $('gutter'), backdrop: $('backdrop'), list: $('diagnostics'),
  // Clicking a line selects its step (the first step that line made).
  onLine(n) {
    const i = state.trace && state.text === editor.value ? (state.trace.steps || []).findIndex((st) => st.line === n) : -1;
    if (i >= 0) selectStep(i);
  },
  onChange(text) {
    state.touched = true;
    // The user's own scenario is saved as they type (a preset as it ships
    // is not theirs; a preset they changed is).
    if (!state.presets.some((p) => p.text === text)) scratch.save(text, true);
    syncPresetSelect(text);
    showLinkError('');
    clearTimeout(debounce);
    debounce = setTimeout(() => schedule(text), 120);
  },
});
editor.value = '';
// The user's own scenario, when it was what they saw last, is there at once.
if (!location.hash && scratch.get()?.active) {
  editor.value = scratch.get().text;
}
// The editor becomes CodeMirror once the first result is on screen (its
// bundle must not hold up the first paint), or after 3 s at the latest.
let upgraded = false;
function upgradeEditor() {
  if (upgraded) return;
  upgraded = true;
  requestAnimationFrame(() => setTimeout(() => editor.upgrade(cfg.cm, cfg.language), 0));
}
setTimeout(upgradeEditor, 3000);

// The client pane: user code run in a sandbox against the scenario; its
// report shows in the results like any trace (LIVE: the worker's step(i)
// then reads the live session's report instead of running a scenario).
const LIVE = '\u0000live';
const clientPane = new ClientPane($('client-pane'), {
  sim, sandboxURL: cfg.sandbox,
  scenario: () => editor.value,
  setScenario(text) {
    if (editor.value !== text) editor.value = text;
    state.touched = true;
    syncPresetSelect(text);
    schedule(text);
  },
  onReport(trace) {
    shownText = LIVE;
    showTrace(trace, LIVE);
    shown(LIVE, 'client');
  },
  onChange: () => writeHash(),
});

table = new StepTable({ tbody: $('steps'), more: $('more-steps'), onSelect: (i) => selectStep(i), loadStep: (i) => sim.call('step', shownText, i) });

$('preset').addEventListener('change', (e) => {
  const p = state.presets.find((p) => p.name === e.target.value);
  if (p) {
    switchTo(p.text, () => {});
    return;
  }
  const own = scratch.get();
  if (!e.target.value && own) backToOwn();
});

function backToOwn() {
  const own = scratch.get();
  if (!own) return;
  switchTo(own.text, () => { if (lessons.current) { lessons.current = null; $('lesson').hidden = true; } });
  scratch.setActive(true);
}
$('scratch-back').addEventListener('click', backToOwn);

$('copy-link').addEventListener('click', async () => {
  const url = location.href.split('#')[0] + await hashFor(currentState());
  history.replaceState(null, '', url);
  try {
    await navigator.clipboard.writeText(url);
    showStatus('', 'Link copied: it opens this scenario, view and step.');
  } catch (e) {
    showStatus('', 'The link is in the address bar.');
  }
});

window.addEventListener('hashchange', async () => {
  const link = await loadFragment();
  if (!link) return;
  if (link.client !== undefined) clientPane.value = link.client;
  if (!link.lesson && !/^#lesson=/.test(location.hash) && lessons.current) { lessons.current = null; $('lesson').hidden = true; }
  if (link.text !== editor.value) {
    editor.value = link.text;
    syncPresetSelect(link.text);
    await pump(link.text);
  }
  applyView(link);
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
  writeHash();
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
  if (el.closest && el.closest('dialog')) return;
  const typing = el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el.isContentEditable;
  if (typing) {
    if (e.key === 'Escape' && !e.defaultPrevented && el.closest && el.closest('#scenario, .editor')) { el.blur(); $('step-through').focus(); }
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
    case '/': editor.focus(); break;
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

// ---- embed snippets ----------------------------------------------------------

function attr(s) {
  return String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

async function embedSnippets() {
  const base = location.href.split('#')[0].replace(/[^/]*$/, '');
  const st = currentState();
  const p = state.presets.find((p) => p.text === st.text);
  const compare = st.compare.length ? ' compare="' + attr(st.compare.join(',')) + '"' : '';
  const el = '<script src="' + base + 'paging-playground.js"></script>\n' +
    (p ? '<paging-playground preset="' + attr(p.name) + '"' + compare + '></paging-playground>'
      : '<paging-playground' + compare + '>\n' + attr(st.text.replace(/\n+$/, '')) + '\n</paging-playground>');
  const hash = await hashFor(st);
  const iframe = '<iframe src="' + attr(base + 'embed.html' + hash) + '" title="Paging Playground" width="100%" height="480" loading="lazy"></iframe>';
  return { el, iframe };
}

$('embed').addEventListener('click', async () => {
  const { el, iframe } = await embedSnippets();
  $('embed-element').value = el;
  $('embed-iframe').value = iframe;
  $('embed-dialog').showModal();
  $('embed-element').focus();
  $('embed-element').select();
  $('embed-element').scrollTop = 0;
});

for (const [btn, ta] of [['copy-element', 'embed-element'], ['copy-iframe', 'embed-iframe']]) {
  $(btn).addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText($(ta).value);
      $(btn).textContent = 'Copied';
    } catch (e) {
      $(ta).select();
      $(btn).textContent = 'Selected: press Ctrl+C';
    }
  });
}

// ---- lessons -------------------------------------------------------------------

const lessons = new Lessons($('lesson'), {
  onOpen(name) {
    const p = state.presets.find((p) => p.name === name);
    if (!p) return;
    switchTo(p.text, () => { lessons.open(name); $('preset-notice').hidden = true; });
    $('lesson').focus();
  },
  onClose() { syncPresetSelect(editor.value); writeHash(); },
  check: (name, text) => sim.call('lesson', name, text),
  download: (name, type, text) => download(name, type, text),
});
$('lesson').tabIndex = -1;

$('lessons-btn').addEventListener('click', () => {
  const next = state.presets.find((p) => !lessons.progress[p.name]) || state.presets[0];
  if (next) lessons.onOpen(lessons.current || next.name);
});

// ---- workshop: presenter mode, the splitter, the shortcuts switch ---------------

$('presenter-btn').addEventListener('click', () => { presenter(!document.body.classList.contains('presenter'), $('presenter-btn')); drawVisible(); });
if (prefs.get('presenter')) presenter(true, $('presenter-btn'));
splitter($('splitter'), document.querySelector('.layout'), () => { cancelAnimationFrame(resizeFrame); resizeFrame = requestAnimationFrame(drawVisible); });
// Single-key shortcuts can be turned off (WCAG 2.1.4); the arrow keys stay.
guardShortcuts(() => !!prefs.get('shortcuts'));
$('shortcuts-on').checked = !!prefs.get('shortcuts');
$('keys-list').classList.toggle('off', !prefs.get('shortcuts'));
$('shortcuts-on').addEventListener('change', (e) => {
  prefs.set('shortcuts', e.target.checked);
  $('keys-list').classList.toggle('off', !e.target.checked);
});

// ---- export --------------------------------------------------------------------

function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: name });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

$('export-json').addEventListener('click', () => {
  if (state.trace) download('trace.json', 'application/json', JSON.stringify(state.trace, null, 2) + '\n');
});
$('export-csv').addEventListener('click', () => {
  if (state.trace) download('trace.csv', 'text/csv', traceCSV(state.trace));
});

$('steps').addEventListener('click', async (e) => {
  const b = e.target.closest('button.curl');
  if (!b || !state.trace) return;
  const st = state.trace.steps[Number(b.dataset.i)];
  if (!st || !st.request) return;
  const cmd = curl(st.request);
  b.dataset.curl = cmd;
  try {
    await navigator.clipboard.writeText(cmd);
    b.textContent = 'Copied';
  } catch (err) {
    showStatus('', cmd);
  }
});

// ---- the first result, before the simulator has started -----------------

// With no link to open, the page shows the first preset at once from
// start.json, which the build made by running the same simulator natively
// (runs are deterministic: it is what the WASM will compute). The WASM keeps
// loading; the editor is live and anything typed runs as soon as it is ready.
async function prerender() {
  if (location.hash || !cfg.start || editor.value) return;
  let data;
  try {
    data = await (await fetch(cfg.start)).json();
  } catch (err) {
    return; // the simulator will show the first result instead
  }
  if (state.started || state.touched || editor.value || !data || !data.trace) return;
  state.presets = Array.isArray(data.presets) ? data.presets : [];
  state.profiles = Array.isArray(data.profiles) ? data.profiles : [];
  fillPresets();
  clientPane.fillPresets(state.profiles);
  $('preset').disabled = false; // a choice made now runs as soon as the simulator is ready
  editor.value = data.text;
  syncPresetSelect(data.text);
  showTrace(data.trace, data.text);
  shownText = data.text;
  state.prerendered = data.text;
  shown(data.text, 'ok');
  if (!state.firstResult) {
    performance.mark('pagesim:first-result');
    upgradeEditor();
    state.firstResult = performance.now();
    document.body.dataset.firstResultMs = String(Math.round(state.firstResult));
    document.body.dataset.firstResultFrom = 'prerender';
  }
}
prerender();
