import { h, num, plural, clear, replace } from './dom.js';
import { Sim, profileRules } from './client.js';
import { Editor } from './editor.js';
import { interpMark } from './steps.js';
import { Results } from './results.js';
import { Lessons } from './lessons.js';
import { readFragment, encodeState } from './permalink.js';
import { ClientPane } from './clientpane.js';
import { scratch, prefs, presenter, splitter, guardShortcuts } from './workshop.js';
import { EmbedDialog } from './embeddialog.js';

performance.mark('pagesim:main');
const $ = (id) => document.getElementById(id);
const cfg = document.body.dataset;

// The page controller: the editor, the presets, the permalink and the
// lessons. The results (running, summary, steps, views, keys, curl, exports)
// are the Results component's, the same the <paging-playground> element uses.
const state = {
  presets: [],
  profiles: [],
  firstResult: 0,
};

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

// With a first result to prerender (no scenario of the user's own to open),
// the simulator starts loading once that result is on screen: its worker,
// download and compilation would otherwise compete with it for the main
// thread and the CPU (see prerender below, which starts it at once for a
// link to another scenario). A permalink (#z=, #s=) starts it at once: its
// text is rarely a preset's, and its view, step or client code need it.
let startFetch = null; // startData's
const willPrerender = !!cfg.start && !/^#[zs]=/.test(location.hash) && (!!location.hash || !scratch.get()?.active);
const sim = new Sim(
  { worker: cfg.worker, wasm: cfg.wasm, wasmExec: cfg.wasmExec, size: Number(cfg.wasmSize) || 0, lazy: willPrerender,
    rules: () => startData().then(profileRules) },
  {
    onProgress(loaded, total) {
      const p = $('load-progress');
      if (total) { p.max = total; p.value = Math.min(loaded, total); }
      $('load-text').textContent = 'Loading the simulator… ' + (total ? Math.round(100 * Math.min(loaded, total) / total) + '%' : num(loaded) + ' bytes');
    },
    onReady() {
      $('load-text').textContent = 'Starting…';
      state.readyAt = performance.now();
      start();
    },
    onFatal(message) {
      $('loading').hidden = false;
      $('loading').classList.add('failed');
      $('load-progress').hidden = true;
      $('load-text').textContent = 'The simulator failed: ' + message;
    },
    onDead(message, restarting) {
      // The run that died says so in the results; this is for a death
      // between runs, and for when it stopped too often to restart.
      $('loading').hidden = restarting;
      $('loading').classList.toggle('failed', !restarting);
      $('load-progress').hidden = true;
      replace($('load-text'), 'The simulator stopped: ' + message + '. ',
        h('button', { type: 'button', onclick: () => { sim.restart(); $('loading').hidden = true; schedule(editor.value); } }, 'Restart it'));
    },
  });

// startData is the build's start.json, fetched once (the page preloads
// it): the first preset's scenario and result, and the preset and profile
// lists, which the WASM does not carry. null when it cannot be read.
function startData() {
  if (!startFetch) startFetch = cfg.start ? fetch(cfg.start).then((r) => r.json()).catch(() => null) : Promise.resolve(null);
  return startFetch;
}
// Asked for at once: its fetch (from the preload) and its JSON are read
// while the page sets up, not after (the first screen waits for them).
startData();

// presetView is the first screen of the preset called name (a run's
// compact head), which the build ran natively into view.NAME.json; null
// when there is none. Fetched once.
const views = new Map();
function presetView(name) {
  if (!cfg.start || !/^[a-z0-9-]+$/.test(name)) return Promise.resolve(null);
  // Only a name start.json lists is fetched: a link naming no preset must
  // not cost a 404 (the page reports it as an error).
  if (!views.has(name)) {
    const listed = (d) => !!d && (d.presets || []).some((p) => p.name === name);
    views.set(name, startData().then((d) => (listed(d) ? fetch('view.' + name + '.json').then((r) => (r.ok ? r.json() : null)) : null)).catch(() => null));
  }
  return views.get(name);
}
// A link that names a preset or a lesson asks for its first screen as soon
// as start.json says the preset exists.
const named = /^#(?:preset|lesson)=([a-z0-9-]+)$/.exec(location.hash);
if (named) presetView(named[1]);

async function start() {
  performance.mark('pagesim:start');
  const data = (await startData()) || {};
  state.presets = Array.isArray(data.presets) ? data.presets : [];
  state.profiles = Array.isArray(data.profiles) ? data.profiles : [];
  fillPresets();
  clientPane.fillPresets(state.profiles);
  lessons.setPresets(state.presets);
  results.setProfiles(state.profiles);
  // A link's state, else what the user typed while the simulator loaded,
  // else the first preset.
  const link = await loadFragment();
  // (Text the user typed, even none, is theirs: the first preset fills only
  // an editor nobody touched, and an unchanged text is not set again, which
  // would move the caret of someone typing.)
  const own = scratch.get();
  const text = state.touched ? editor.value : link ? link.text : editor.value ? editor.value
    : own && own.active ? own.text : (state.presets[0] ? state.presets[0].text : EXAMPLE);
  if (editor.value !== text) editor.value = text;
  if (link && link.client) clientPane.value = link.client;
  syncPresetSelect(text);
  $('preset').disabled = false;
  state.started = true;
  await pump(text); // over a prerendered first result, the same trace again
  $('loading').hidden = true;
  if (link) applyView(link);
  if (link && link.client) runLinkedClient(link);
}

// A link's client code runs as the link opens (in the sandbox, within its
// budget), so the link shows the client's walk judged, as it was shared.
async function runLinkedClient(link) {
  await clientPane.run();
  if (editor.value === link.text) applyView(link);
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
// The step is scrolled to inside the step table only: a link opens with the
// page at its top (on a phone the table is far below the editor).
function applyView(st) {
  const y = window.scrollY;
  if (st.compare && st.compare.length) results.compareWith(st.compare);
  results.showTab(st.tab || 'steps');
  results.select(st.step || 0);
  if (window.scrollY !== y) window.scrollTo(0, y);
  writeHash();
}

// ---- running: the Results component runs; the page reacts ------------------

const results = new Results($('results'), { sim, keys: document, shortcuts: () => !!prefs.get('shortcuts') });

// schedule runs the editor's text once the simulator has started (a newer
// text cancels a run still in flight: see Results.run).
function schedule(text) {
  if (state.started) return results.run(text);
}

async function pump(text) {
  return results.run(text);
}

$('results').addEventListener('pagesim-result', (e) => {
  const { text, state: how, diagnostics, view } = e.detail;
  if (how === 'cancelled') return;
  if (how === 'problems') {
    editor.setDiagnostics(diagnostics);
    lessons.showResult(null, text);
    return;
  }
  if (how !== 'ok') return;
  performance.mark('pagesim:ran');
  editor.setDiagnostics(view.warnings || []); // what the contract ignores: the run went on
  lessons.showResult(view, text);
  renderRules(view);
  firstResultDrawn();
  const t = results.timing || {};
  $('timing').textContent = 'Simulator ready ' + Math.round(state.readyAt || 0) + ' ms after navigation · first result at ' +
    Math.round(state.firstResult) + ' ms · last run ' + Math.round((t.ms || 0) + (t.drawMs || 0)) + ' ms: simulator ' + Math.round(t.goMs || 0) +
    ' ms, transfer ' + Math.round(Math.max(0, t.transferMs || 0)) + ' ms, decoding ' + Math.round(t.parseMs || 0) +
    ' ms, drawing ' + Math.round(t.drawMs || 0) + ' ms.';
  void text;
  writeHashSoon();
});
// Stepping writes the link once the keys rest: the link compresses the
// whole scenario, too much work for every press of j on a long one.
let hashTimer = 0;
$('results').addEventListener('pagesim-step', (e) => {
  editor.highlightLine(e.detail.line);
  clearTimeout(hashTimer);
  // (Not before the simulator has started: a link written over the
  // prerendered result would be read back as the user's choice.)
  hashTimer = setTimeout(() => { if (state.started) writeHash(); }, 250);
});
$('results').addEventListener('pagesim-tab', () => writeHash());
$('results').addEventListener('pagesim-compare', () => writeHash());

function showStatus(kind, msg) {
  results.status(kind, msg);
}

// ---- the profile's rules (beside the editor) ---------------------------------

function renderRules(t) {
  const setup = t.setup || {};
  const prof = state.profiles.find((p) => p.name === t.profile);
  replace($('setup'),
    prof?.url ? h('p', { className: 'rules-source' }, 'From the vendor: ',
      h('a', { href: prof.url, target: '_blank', rel: 'noopener noreferrer' }, prof.source || prof.url)) : null,
    (setup.options || []).length
      ? h('p', null, 'Options: ', (setup.options || []).map((o, i) => [i ? ', ' : '', h('code', null, o.name + '=' + o.value)]))
      : null);
  replace($('rule-list'), (setup.rules || []).map((r) => h('li', null, r.text,
    r.source ? h('span', { className: 'muted' }, ' — ' + r.source) : null,
    r.interpretation ? [' ', interpMark('This rule is our reading: the source is silent or contradicts itself.')] : null)));
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
  return { text: editor.value, tab: results.tab, compare: results.compared, step: results.step, lesson: lessons.current || undefined, client: clientPane.value || undefined };
}

function isPlain(st) {
  return st.tab === 'steps' && st.step === 0 && !st.compare.length && !st.client;
}

async function hashFor(st) {
  const p = state.presets.find((p) => p.text === st.text);
  if (p && isPlain(st)) return (st.lesson === p.name ? '#lesson=' : '#preset=') + encodeURIComponent(p.name);
  return '#' + await encodeState(st);
}

// writeHashSoon writes the link when the page is idle: for a long scenario
// it compresses the whole text, which must not hold up the results.
let hashIdle = 0;
function writeHashSoon() {
  if (hashIdle) return;
  const go = () => { hashIdle = 0; writeHash(); };
  hashIdle = self.requestIdleCallback ? requestIdleCallback(go, { timeout: 1000 }) : setTimeout(go, 50);
}

// hashSeen is the link the page last wrote or read. Any other in the
// address bar is one being followed (typed, Back), whose hashchange is on
// its way: the page's own writes leave it be, or the page would read its
// old link back and stay.
let hashSeq = 0;
let hashSeen = location.hash;
function setHash(how, hash) {
  history[how](null, '', hash);
  hashSeen = location.hash;
}

async function writeHash() {
  if (!state.started && !state.prerendered) return; // the presets are not known yet
  const seq = ++hashSeq;
  const hash = await hashFor(currentState());
  if (seq === hashSeq && location.hash !== hash && location.hash === hashSeen) setHash('replaceState', hash);
}

// switchTo shows another scenario (a preset, a lesson, the user's own) as a
// new history entry: the entry it leaves keeps the state shown until now,
// so Back returns to it; in the editor the change is one undoable edit.
async function switchTo(text, how) {
  const before = currentState();
  const seq = ++hashSeq;
  const leaving = await hashFor(before);
  if (seq === hashSeq && location.hash !== leaving && location.hash === hashSeen) setHash('replaceState', leaving);
  if (before.text !== text && !state.presets.some((p) => p.text === before.text) && before.text.trim()) scratch.save(before.text, false);
  else scratch.setActive(false);
  how();
  editor.value = text;
  results.step = 0;
  syncPresetSelect(text);
  schedule(text);
  const hash = await hashFor(currentState());
  ++hashSeq;
  if (location.hash !== hash) setHash('pushState', hash);
}

// ---- wiring ----------------------------------------------------------------------

let debounce = 0;
const editor = new Editor({
  textarea: $('scenario'), gutter: $('gutter'), backdrop: $('backdrop'), list: $('diagnostics'),
  // Clicking a line selects its step (the first step that line made).
  onLine(n) {
    const v = results.view;
    const i = v && results.text === editor.value ? v.cols.line.indexOf(n) : -1;
    if (i >= 0) results.select(i);
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
  afterPaint(() => editor.upgrade(cfg.cm, cfg.language));
}
setTimeout(upgradeEditor, 3000);

// The client pane: user code run in a sandbox against the scenario; its
// report shows in the results like any trace (LIVE: the simulator's
// rows(LIVE, …) and step(LIVE, i) then read the live session's report).
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
  onReport(view) {
    results.show(view, LIVE);
    $('results').shownText = LIVE;
    $('results').dataset.state = 'client';
  },
  onChange: () => writeHash(),
});

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
  setHash('replaceState', url);
  try {
    await navigator.clipboard.writeText(url);
    showStatus('', 'Link copied: it opens this scenario, view and step.');
  } catch (e) {
    showStatus('', 'The link is in the address bar.');
  }
});

window.addEventListener('hashchange', async () => {
  hashSeen = location.hash;
  const link = await loadFragment();
  if (!link) return;
  const newClient = link.client !== undefined && link.client !== clientPane.value;
  if (link.client !== undefined) clientPane.value = link.client;
  if (!link.lesson && !/^#lesson=/.test(location.hash) && lessons.current) { lessons.current = null; $('lesson').hidden = true; }
  if (link.text !== editor.value) {
    editor.value = link.text;
    syncPresetSelect(link.text);
    await pump(link.text);
  }
  applyView(link);
  if (newClient && link.client) runLinkedClient(link);
});

// The keys the results do not handle: / edits, Escape leaves the editor.
document.addEventListener('keydown', (e) => {
  if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
  const el = e.target;
  if (el.closest && el.closest('dialog')) return;
  const typing = el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el.isContentEditable;
  if (typing) {
    if (e.key === 'Escape' && el.closest && el.closest('#scenario, .editor')) { el.blur(); $('step-through').focus(); }
    return;
  }
  // Single-key shortcuts can be turned off (WCAG 2.1.4); the Results
  // component asks the same switch for its own.
  if (e.key === '/' && prefs.get('shortcuts')) { e.preventDefault(); editor.focus(); }
});

// ---- the Embed dialog (embeddialog.js) ------------------------------------------

new EmbedDialog($('embed-dialog'), {
  button: $('embed'),
  getState() {
    const st = currentState();
    const p = state.presets.find((p) => p.text === st.text);
    return { ...st, preset: p ? p.name : null, steps: results.view ? results.view.n : 1 };
  },
});

// ---- lessons -------------------------------------------------------------------

const lessons = new Lessons($('lesson'), {
  onOpen(name) {
    const p = state.presets.find((p) => p.name === name);
    if (!p) return;
    switchTo(p.text, () => { lessons.open(name); $('preset-notice').hidden = true; });
    $('lesson').focus();
  },
  onClose() { syncPresetSelect(editor.value); writeHash(); },
  check: (p, text) => sim.call('lesson', text, (p.keep || []).join('\n'), (p.expect || []).join('\n')),
  download: (name, type, text) => download(name, type, text),
});
$('lesson').tabIndex = -1;

$('lessons-btn').addEventListener('click', () => {
  const next = state.presets.find((p) => !lessons.progress[p.name]) || state.presets[0];
  if (next) lessons.onOpen(lessons.current || next.name);
});

// ---- workshop: presenter mode, the splitter, the shortcuts switch ---------------

$('presenter-btn').addEventListener('click', () => { presenter(!document.body.classList.contains('presenter'), $('presenter-btn')); results.drawVisible(); });
if (prefs.get('presenter')) presenter(true, $('presenter-btn'));
let splitFrame = 0;
splitter($('splitter'), document.querySelector('.layout'), () => { cancelAnimationFrame(splitFrame); splitFrame = requestAnimationFrame(() => results.drawVisible()); });
// Single-key shortcuts can be turned off (WCAG 2.1.4); the arrow keys stay.
guardShortcuts(() => !!prefs.get('shortcuts'));
$('shortcuts-on').checked = !!prefs.get('shortcuts');
$('keys-list').classList.toggle('off', !prefs.get('shortcuts'));
$('shortcuts-on').addEventListener('change', (e) => {
  prefs.set('shortcuts', e.target.checked);
  $('keys-list').classList.toggle('off', !e.target.checked);
});

// ---- the first result, before the simulator has started -----------------

// With no link to open, the page shows the first preset at once from
// start.json, which the build made by running the same simulator natively
// (runs are deterministic: it is what the WASM will compute). The simulator
// starts loading once that result is painted; the editor is live meanwhile
// and anything typed runs as soon as the simulator is ready.
//
// A shared link (#z=, #preset=, #lesson=) shows its scenario text at once:
// the permalink is decoded here and the preset texts come with start.json.
// When its text is a preset's, its result shows at once too, from the
// preset's view.NAME.json (run natively by the build, as start.json's);
// another text's result follows as soon as the simulator is ready.
async function prerender() {
  if (!cfg.start || editor.value) return;
  const data = await startData(); // null: the simulator will show the first result instead
  if (state.started || state.touched || editor.value || !data || !data.view) return;
  state.presets = Array.isArray(data.presets) ? data.presets : [];
  state.profiles = Array.isArray(data.profiles) ? data.profiles : [];
  if (location.hash) {
    lessons.setPresets(state.presets);
    const link = await loadFragment();
    if (!link || state.started || state.touched || editor.value) return;
    fillPresets();
    editor.value = link.text;
    syncPresetSelect(link.text);
    // A preset's text (the first preset, or any other: a #preset= or
    // #lesson= link, or a permalink to it) shows its result too.
    const p = state.presets.find((p) => p.text === link.text);
    const view = link.text === data.text ? data.view : p ? await presetView(p.name) : null;
    if (state.started || state.touched || editor.value !== link.text) return;
    if (view) {
      results.show(view, link.text);
      renderRules(view);
      firstResultDrawn('prerender');
    } else {
      sim.load(); // this link's result needs the simulator
      results.status('', 'The simulator is loading: this link\'s results show as soon as it is ready.');
    }
    window.scrollTo(0, 0);
    return;
  }
  fillPresets();
  clientPane.fillPresets(state.profiles);
  $('preset').disabled = false; // a choice made now runs as soon as the simulator is ready
  editor.value = data.text;
  syncPresetSelect(data.text);
  results.show(data.view, data.text);
  renderRules(data.view);
  state.prerendered = data.text;
  $('results').shownText = data.text;
  $('results').dataset.state = 'ok';
  firstResultDrawn('prerender');
}

// firstResultDrawn records when the first result was drawn (from says by
// what, when it was the prerender). The mark and the attribute read one
// clock reading; upgradeEditor comes after, so its time is in neither.
function firstResultDrawn(from) {
  if (state.firstResult) return;
  state.firstResult = performance.mark('pagesim:first-result').startTime;
  document.body.dataset.firstResultMs = String(Math.round(state.firstResult));
  if (from) document.body.dataset.firstResultFrom = from;
  upgradeEditor();
}
// afterPaint calls fn once the next frame has been painted (or after 250 ms,
// for a tab that paints no frames: one in the background).
function afterPaint(fn) {
  let done = false;
  const go = () => { if (!done) { done = true; fn(); } };
  requestAnimationFrame(() => setTimeout(go, 0));
  setTimeout(go, 250);
}

prerender().finally(() => afterPaint(() => sim.load()));
