import { h, num, plural, idRuns, cssVar, setupCanvas, clear, visible } from './dom.js';

// The step table and the step panel. A run hands the page a compact head
// (sim/traceview.go): one number per step in columns, and the first rows.
// The table is virtual: it renders the rows in and near its scroll box,
// fetches the others from the simulator a chunk at a time as they scroll
// into view, and a response body when its details are opened. A 100,000-step
// run costs what a screenful costs.
//
// The head, as the page reads it (the field names are the contract in
// sim/trace.go and sim/traceview.go):
/**
 * @typedef {Object} View
 * @property {string} profile
 * @property {string} vendor
 * @property {{records:number, order:string, sort:string, options:Array, rules:Array}} setup
 * @property {number} n                       steps
 * @property {Object<string, number>} flagBits bits of cols.flags by name
 * @property {string[]} kinds                 names of cols.kind
 * @property {{kind:number[], line:number[], size:number[], status:number[], flags:number[],
 *             rows:number[], walkRows:number[], count:number[]}} cols
 * @property {Object[]} rows                  the first steps in full, without bodies
 * @property {?{i:number, reason:string}} firstRefusal
 * @property {?{i:number, text:string}} firstInterpretation
 * @property {Object[]} walks
 * @property {Object} summary
 * @property {Object[]} expectations
 */

// TICK explains the word where it appears.
export const TICK = 'tick: the simulator\'s clock. Each step takes one tick (each page of a walk is a step), wait N lets N ticks pass, and a record keeps the tick it was created at.';

const CHUNK = 50;         // rows fetched at a time
const OVERSCAN = 400;     // px rendered beyond the scroll box, above and below
const KEEP_ROWS = 2000;   // rows kept in memory
const EST_REQUEST = 74;   // px, until a row is measured
const EST_MUTATION = 38;

// has says whether step i of view v has the named flag.
export function has(v, i, flag) {
  return (v.cols.flags[i] & (v.flagBits[flag] || 0)) !== 0;
}

export function kindOf(v, i) { return v.kinds[v.cols.kind[i]]; }

function header(name, value) {
  return h('div', { className: 'hdr' }, h('span', { className: 'hname' }, visible(name) + ':'), ' ', h('code', null, visible(value)));
}

// interpMark is the "interpretation" badge with its sentence, as a tooltip
// and as a note (tooltips are unreachable on touch screens).
export function interpMark(sentence) {
  return h('span', { className: 'interp-wrap' },
    h('span', { className: 'interp', tabIndex: 0, title: sentence, 'aria-label': 'Interpretation: ' + sentence }, 'interpretation'),
    h('span', { className: 'interp-note' }, sentence));
}

// stepLink is a link to step i (0-based): the results component selects
// the step when it is clicked (or pressed: it is a button).
export function stepLink(i, label) {
  return h('button', { type: 'button', className: 'step-link', dataset: { step: String(i) } }, label || 'step ' + num(i + 1));
}

// noteCell is a request's reason and interpretation. A note an earlier step
// carries word for word (the simulator says which: reasonAs, interpAs) is
// referred to, not repeated: a 100-page walk with the same two paragraphs on
// every page shows them once.
function noteCell(st) {
  const out = [];
  const word = st.accepted ? 'note' : 'reason';
  const both = st.reason && st.interpretation && st.reasonAs !== undefined && st.reasonAs === st.interpAs;
  if (st.reason) {
    out.push(st.reasonAs === undefined
      ? h('div', { className: 'reason' }, st.reason)
      : h('div', { className: 'reason same', title: st.reason }, both ? 'same notes as ' : 'same ' + word + ' as ', stepLink(st.reasonAs)));
  }
  if (st.interpretation) {
    if (st.interpAs === undefined) out.push(interpMark(st.interpretation));
    else {
      out.push(h('span', { className: 'interp-wrap same' },
        h('span', { className: 'interp', tabIndex: 0, title: st.interpretation, 'aria-label': 'Interpretation: ' + st.interpretation }, 'interpretation'),
        both ? null : [' same as ', stepLink(st.interpAs)]));
    }
  }
  return out;
}

// linkParts splits a Link header into [rel, url] pairs for display (the
// simulator parses links itself; this only lays them out).
export function linkParts(value) {
  const out = [];
  const re = /<([^>]*)>((?:[^,<"]|"[^"]*")*)/g;
  let m;
  while ((m = re.exec(value))) {
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^;,\s]+))/i.exec(m[2]);
    out.push([rel ? (rel[1] || rel[2]) : '', m[1]]);
  }
  return out;
}

function shortURL(u) {
  return u.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
}

function linkHeader(value) {
  const parts = linkParts(value);
  if (!parts.length) return header('Link', value);
  return h('div', { className: 'hdr link-hdr', title: 'Link: ' + value },
    h('span', { className: 'hname' }, 'Link:'),
    parts.map(([rel, url]) => h('span', { className: 'link' }, ' ', h('span', { className: 'rel' }, rel || '?'), ' ', h('code', null, shortURL(url)))));
}

function yesNo(b) { return b ? 'yes' : 'no'; }

function totalCell(t, differs) {
  if (!t || !t.kind) return h('td', { className: 'c-total' });
  if (t.kind === 'absent') {
    return h('td', { className: 'c-total' }, h('span', { className: 'muted' }, 'not reported'), h('div', null, 'true ', num(t.true)));
  }
  return h('td', { className: 'c-total' + (differs ? ' differs' : ''), dataset: { differs: String(differs) } },
    h('div', null, num(t.reported), ' ', h('span', { className: 'kind' }, t.kind)),
    h('div', null, 'true ', num(t.true), differs ? h('span', { className: 'flag', title: 'the reported total differs from the true count' }, ' ≠') : null));
}

function nextCell(n, differs) {
  if (!n || !n.kind) return h('td', { className: 'c-next' });
  if (n.kind === 'none') {
    return h('td', { className: 'c-next' }, h('span', { className: 'muted' }, 'not said'), h('div', null, 'true ', yesNo(n.true)));
  }
  return h('td', { className: 'c-next' + (differs ? ' differs' : ''), dataset: { differs: String(differs) } },
    h('div', null, yesNo(n.reported), ' ', h('span', { className: 'kind' }, n.kind)),
    h('div', null, 'true ', yesNo(n.true), differs ? h('span', { className: 'flag', title: 'the response is wrong about a next page' }, ' ≠') : null));
}

function bodyText(body) {
  if (body === undefined || body === null || body === '') return '';
  const s = typeof body === 'string' ? body : JSON.stringify(body, null, 1);
  return s.length > 4000 ? s.slice(0, 4000) + '\n…' : s;
}

// Rows carry no response bodies: opening the details fetches the step's.
async function loadBody(pre, i, loadStep) {
  if (!pre.dataset.pending) return;
  delete pre.dataset.pending;
  try {
    const full = await loadStep(i);
    if (full && full.error) throw new Error(full.error);
    pre.className = '';
    pre.textContent = bodyText(full.response ? full.response.body : null);
  } catch (err) {
    pre.dataset.pending = String(i); // opening again tries again
    pre.textContent = 'could not load the body: ' + (err && err.message || err);
  }
}

function wireDetails(st, loadStep) {
  const req = st.request;
  const res = st.response;
  const pre = h('pre', { className: 'muted', dataset: { pending: String(st.i) } }, 'loading…');
  const d = h('details', { className: 'wire' },
    h('summary', null, 'headers & body'),
    h('div', { className: 'wire-part' }, h('strong', null, 'Request'),
      ' ', h('button', { type: 'button', className: 'curl', dataset: { i: String(st.i) } }, 'Copy as curl'),
      (req.headers || []).map(([n, v]) => header(n, v)),
      req.body ? h('pre', null, visible(req.body)) : null),
    h('div', { className: 'wire-part' }, h('strong', null, 'Response ' + res.status),
      (res.headers || []).map(([n, v]) => header(n, v)), pre));
  d.addEventListener('toggle', () => { if (d.open) loadBody(pre, st.i, loadStep); });
  return d;
}

function requestRow(v, st, loadStep) {
  const req = st.request;
  const res = st.response;
  const link = (res.headers || []).filter(([n]) => n.toLowerCase() === 'link');
  // A refused request of a walk is none of its pages (sim's page is 0).
  const walkLabel = st.walk >= 0 ? 'walk ' + (st.walk + 1) + (st.page ? ' · page ' + st.page : '') : null;
  // "from" names the scenario text a request came from when it is not the
  // request itself (next, walk, a hand-written URL the client completed).
  const sent = req.method + ' ' + req.url;
  const reqCell = h('td', { className: 'c-req' },
    st.client && st.client !== 'default' ? h('span', { className: 'client' }, '@' + st.client) : null,
    h('code', { className: 'url' }, sent),
    st.source && st.source !== sent && st.source !== sent + ' ' + req.body ? h('div', { className: 'src muted' }, 'from ', h('code', null, st.source)) : null,
    req.body ? header('body', req.body) : null,
    link.map(([, val]) => linkHeader(val)),
    wireDetails(st, loadStep));
  const resCell = h('td', { className: 'c-res' },
    h('span', { className: 'status ' + (st.accepted ? 'ok' : 'refused') }, res.status + ' ' + (st.accepted ? 'accepted' : 'refused')),
    noteCell(st));
  const recs = st.records || [];
  const repeats = st.repeats;
  const recCell = h('td', { className: 'c-rec' },
    h('div', null, plural(recs.length, 'record')),
    recs.length ? h('div', { className: 'ids' }, idRuns(recs)) : null,
    repeats ? h('div', { className: 'repeats', title: 'returned earlier in this walk' }, '↻ ', plural(repeats.length, 'repeat'), ': ', idRuns(repeats, 3)) : null,
    st.skippedCount ? h('div', { className: 'skipped', title: 'records there all along that this walk never returned: this page went past them' },
      '⤼ went past ', plural(st.skippedCount, 'missed record'), ': ', idRuns(st.skipped, 3), st.skippedCount > st.skipped.length ? ' …' : '') : null,
    st.missedAfterCount ? h('div', { className: 'skipped', title: 'records there all along that this walk never returned: it ended after this page' },
      '⤓ the walk ended here, before ', plural(st.missedAfterCount, 'missed record'), ': ', idRuns(st.missedAfter, 3), st.missedAfterCount > st.missedAfter.length ? ' …' : '') : null,
    st.unreachedBefore ? h('div', { className: 'unreached', title: 'records this walk never got to: it began here, after the head of the list (not misses)' },
      '⤒ the walk began here: ', plural(st.unreachedBefore, 'record'), ' before it not reached') : null,
    st.unreachedAfter ? h('div', { className: 'unreached', title: 'records this walk never got to: it stopped here, before the end of the list (not misses)' },
      '⤓ the walk stopped here: ', plural(st.unreachedAfter, 'record'), ' after it not reached') : null,
    walkLabel ? h('div', { className: 'muted' }, walkLabel) : null);
  const c = st.cost || {};
  const costCell = h('td', { className: 'c-cost' },
    h('div', null, num(c.rows || 0), ' rows'),
    h('div', { className: 'muted' }, c.rows ? (c.seek ? 'index seek' : 'scan') : ''),
    c.walkRows ? h('div', { className: 'muted' }, 'walk ', num(c.walkRows)) : null);
  return h('tr', { className: 'step request ' + (st.accepted ? 'accepted' : 'refused'), dataset: { i: st.i, line: st.line } },
    h('th', { className: 'c-i', scope: 'row' }, String(st.i + 1), h('div', { className: 'muted' }, origin(st.line, st))),
    reqCell, resCell, recCell, totalCell(st.total, has(v, st.i, 'totalDiffers')), nextCell(st.hasNext, has(v, st.i, 'nextDiffers')), costCell);
}

// origin says where a step came from: its line in the scenario, else (a
// live request: the client pane, pagesim serve -api) the origin the
// simulator gives it, else a stream's insert.
function origin(line, st) {
  if (line) return 'line ' + line;
  if (st && st.origin) return st.origin;
  return st && st.kind === 'request' ? 'client request' : 'stream';
}

function mutationRow(st) {
  return h('tr', { className: 'step mutation', dataset: { i: st.i, line: st.line } },
    h('th', { className: 'c-i', scope: 'row' }, String(st.i + 1), h('div', { className: 'muted' }, origin(st.line, st))),
    h('td', { colSpan: 6, className: 'c-mut' },
      h('span', { className: 'kind-badge' }, st.kind),
      ' ', st.text || st.source,
      h('span', { className: 'muted' }, ' · dataset ', plural(st.size, 'record'))));
}

// placeholderRow stands for a row on its way from the simulator: what the
// columns say, at about the row's height.
function placeholderRow(v, i, height) {
  const line = v.cols.line[i];
  const tr = h('tr', { className: 'step placeholder', dataset: { i, line } },
    h('th', { className: 'c-i', scope: 'row' }, String(i + 1), h('div', { className: 'muted' }, origin(line, { kind: has(v, i, 'request') ? 'request' : '' }))),
    h('td', { colSpan: 6, className: 'muted' }, kindOf(v, i), ' …'));
  tr.style.height = Math.round(height) + 'px'; // through CSSOM: the CSP allows no style attributes
  return tr;
}

function spacer(cls) {
  return h('tr', { className: 'spacer ' + cls, 'aria-hidden': 'true' }, h('td', { colSpan: 7 }));
}

// StepTable is the virtual table of a view's steps.
//   scroller: the element that scrolls (it holds the table)
//   tbody:    the table's body
//   rows(from, to) -> {promise, drop()}  fetches rows (drop: unless started)
//   loadStep(i)    -> Promise<step>     fetches one step with its body
//   onSelect(i):   a row was clicked
export class StepTable {
  constructor({ scroller, tbody, rows, loadStep, onSelect, onRow }) {
    this.scroller = scroller;
    this.tbody = tbody;
    this.fetchRows = rows;
    this.loadStep = loadStep;
    this.onSelect = onSelect;
    this.onRow = onRow || (() => {});
    this.view = null;
    this.current = -1;
    this.top = spacer('above');
    this.bottom = spacer('below');
    this.shown = new Map(); // i -> rendered tr
    this.frame = 0;
    this.follow = -1; // the row a selection keeps in view while heights settle
    scroller.addEventListener('scroll', () => this.schedule(), { passive: true });
    // The reader scrolling ends the following (scroll events cannot tell:
    // the browser clamps scrollTop when the rows below shrink).
    for (const ev of ['wheel', 'touchstart', 'pointerdown', 'keydown']) {
      scroller.addEventListener(ev, () => { this.follow = -1; }, { passive: true });
    }
    tbody.addEventListener('click', (e) => {
      if (e.target.closest('summary, a, button, details')) return;
      const tr = e.target.closest('tr.step');
      if (tr) this.onSelect(Number(tr.dataset.i));
    });
  }

  // show takes a new view: rows is the cache to start with (the head's);
  // order lists the steps shown (a filter), null for all of them.
  show(view, order = null) {
    this.view = view;
    this.gen = (this.gen || 0) + 1;
    this.cache = new Map();
    for (const r of view.rows || []) this.cache.set(r.i, r);
    this.pending = new Map(); // chunk -> its fetch
    this.filter(order);
  }

  // filter shows only the steps in order (ascending step indexes), or all
  // of them (null); the rows fetched stay.
  filter(order) {
    const view = this.view;
    this.order = order;
    this.follow = -1;
    const n = this.n;
    this.heights = new Float64Array(n);
    const req = view.flagBits.request;
    for (let k = 0; k < n; k++) this.heights[k] = view.cols.flags[this.stepAt(k)] & req ? EST_REQUEST : EST_MUTATION;
    this.offsets = new Float64Array(n + 1);
    this.dirty = true;
    for (const tr of this.shown.values()) tr.remove();
    this.shown.clear();
    this.tbody.setAttribute('aria-rowcount', String(n));
    this.render();
  }

  // n is the number of rows shown (the steps the filter lets through).
  get n() { return this.view ? (this.order ? this.order.length : this.view.n) : 0; }

  // stepAt is the step shown in row k; indexOf the row of step i (-1: filtered out).
  stepAt(k) { return this.order ? this.order[k] : k; }

  indexOf(i) {
    if (!this.order) return i >= 0 && i < this.n ? i : -1;
    const o = this.order;
    let lo = 0, hi = o.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (o[mid] < i) lo = mid + 1; else hi = mid;
    }
    return lo < o.length && o[lo] === i ? lo : -1;
  }

  sums() {
    if (!this.dirty) return;
    const o = this.offsets;
    for (let i = 0; i < this.heights.length; i++) o[i + 1] = o[i] + this.heights[i];
    this.dirty = false;
  }

  // at is the index of the row at y (px from the top of the tbody).
  at(y) {
    this.sums();
    const o = this.offsets;
    let lo = 0, hi = this.n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (o[mid + 1] <= y) lo = mid + 1; else hi = mid;
    }
    return Math.min(lo, Math.max(0, this.n - 1));
  }

  // headHeight is the height of whatever precedes the tbody in the scroller.
  headHeight() {
    const thead = this.tbody.previousElementSibling;
    return thead ? thead.offsetHeight : 0;
  }

  schedule() {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => { this.frame = 0; this.render(); });
  }

  // row returns step i if it is here, else asks for its chunk and returns
  // undefined; then(row) is called when it arrives.
  row(i) {
    const r = this.cache.get(i);
    if (r) return r;
    this.want(i);
    return undefined;
  }

  // rowAsync resolves with step i.
  async rowAsync(i) {
    const r = this.cache.get(i);
    if (r) return r;
    await this.want(i);
    return this.cache.get(i);
  }

  want(i) {
    const c = Math.floor(i / CHUNK);
    const key = this.gen + ':' + c;
    if (this.pending.has(key)) return this.pending.get(key).promise;
    const gen = this.gen;
    const job = this.fetchRows(c * CHUNK, Math.min(this.n, (c + 1) * CHUNK));
    job.chunk = c;
    const done = () => { if (this.pending.get(key) === job) this.pending.delete(key); };
    job.promise = job.promise.then((rows) => {
      done();
      if (gen !== this.gen || !Array.isArray(rows)) return;
      for (const r of rows) this.cache.set(r.i, r);
      this.evict();
      this.schedule();
      this.onRow();
    }, (err) => {
      done();
      if (!(err && err.cancelled)) this.failed = String(err && err.message || err);
    });
    this.pending.set(key, job);
    return job.promise;
  }

  // dropFar drops the row fetches not started that the reader scrolled
  // past, so that the rows in view do not wait behind them.
  dropFar(first, last) {
    for (const [key, job] of this.pending) {
      if (job.chunk * CHUNK + CHUNK < first - CHUNK || job.chunk * CHUNK > last + CHUNK) {
        this.pending.delete(key);
        if (job.drop) job.drop();
      }
    }
  }

  evict() {
    if (this.cache.size <= KEEP_ROWS) return;
    const mid = this.current >= 0 ? this.current : this.n ? this.stepAt(this.first || 0) : 0;
    const keys = Array.from(this.cache.keys()).sort((a, b) => Math.abs(b - mid) - Math.abs(a - mid));
    for (const k of keys.slice(0, this.cache.size - KEEP_ROWS / 2)) this.cache.delete(k);
  }

  // render draws the rows in and near the scroll box.
  render() {
    const v = this.view;
    if (!v) return;
    this.sums();
    const n = this.n;
    const head = this.headHeight();
    const top = Math.max(0, this.scroller.scrollTop - head - OVERSCAN);
    const bottom = this.scroller.scrollTop - head + this.scroller.clientHeight + OVERSCAN;
    const first = n ? this.at(top) : 0;
    let last = first;
    while (last < n && this.offsets[last] < bottom) last++;
    last = Math.max(last, Math.min(n, first + 1));
    this.first = first;
    this.dropFar(this.stepAt(first), last > first ? this.stepAt(last - 1) : this.stepAt(first));
    const keep = new Map();
    const nodes = [this.top];
    for (let k = first; k < last; k++) {
      const i = this.stepAt(k);
      const r = this.row(i);
      let tr = this.shown.get(i);
      if (!tr || (r && tr.classList.contains('placeholder'))) {
        tr = r ? (r.kind === 'request' ? requestRow(v, r, this.loadStep) : mutationRow(r)) : placeholderRow(v, i, this.heights[k]);
      }
      keep.set(i, tr);
      nodes.push(tr);
    }
    nodes.push(this.bottom);
    for (const [i, tr] of this.shown) if (!keep.has(i)) tr.remove();
    this.shown = keep;
    // Put the rows in order, moving only what is out of place (a moved
    // <details> keeps its state, but moving nothing is cheaper still).
    let at = this.tbody.firstChild;
    for (const node of nodes) {
      if (node === at) { at = at.nextSibling; continue; }
      this.tbody.insertBefore(node, at);
    }
    while (at) { const next = at.nextSibling; at.remove(); at = next; }
    this.top.style.height = this.offsets[first] + 'px';
    this.bottom.style.height = (this.offsets[n] - this.offsets[last]) + 'px';
    this.top.hidden = first === 0;
    this.bottom.hidden = last >= n;
    const changed = this.measure(first, last);
    this.mark();
    // Rows measured taller or shorter than their estimate move the rows
    // below them: keep the selected row where the selection put it.
    if (changed && this.follow >= 0 && !this.settling) {
      this.settling = true;
      this.reveal(this.follow);
      this.render();
      this.settling = false;
    }
  }

  // reveal scrolls row i (an index among the rows shown) into the box,
  // just enough (below the sticky head).
  reveal(i) {
    this.sums();
    const head = this.headHeight();
    const y = this.offsets[i];
    const hgt = this.heights[i];
    const s = this.scroller;
    const viewH = s.clientHeight - head;
    if (y < s.scrollTop) s.scrollTop = y;
    else if (y + hgt > s.scrollTop + viewH) s.scrollTop = y + hgt - viewH;
  }

  // measure updates the heights of the rendered rows (from the distance
  // between the tops of consecutive rows, margins included).
  measure(first, last) {
    let prev = null;
    let changed = false;
    for (let i = first; i <= last; i++) {
      const el = i < last ? this.shown.get(this.stepAt(i)) : this.bottom;
      if (!el || el.hidden) { prev = null; continue; }
      const y = el.getBoundingClientRect().top;
      if (prev !== null) {
        const hgt = y - prev;
        if (hgt > 0 && Math.abs(hgt - this.heights[i - 1]) > 0.5) {
          this.heights[i - 1] = hgt;
          changed = true;
        }
      }
      prev = y;
    }
    if (last === this.n && last > first) {
      const el = this.shown.get(this.stepAt(last - 1));
      const hgt = el ? el.getBoundingClientRect().height : 0;
      if (hgt > 0 && Math.abs(hgt - this.heights[last - 1]) > 0.5 && hgt > this.heights[last - 1]) {
        this.heights[last - 1] = hgt;
        changed = true;
      }
    }
    if (changed) {
      this.dirty = true;
      this.sums();
      this.top.style.height = this.offsets[first] + 'px';
      this.bottom.style.height = (this.offsets[this.n] - this.offsets[last]) + 'px';
    }
    return changed;
  }

  // select makes row i current and scrolls it into the table's own box
  // (never the page around it).
  select(i, scroll = true) {
    this.current = i;
    const k = this.view ? this.indexOf(i) : -1;
    if (scroll && k >= 0) {
      this.follow = k;
      this.reveal(k);
    }
    this.render();
  }

  mark() {
    for (const tr of this.tbody.querySelectorAll('tr.current')) {
      tr.classList.remove('current');
      tr.removeAttribute('aria-current');
    }
    const tr = this.shown.get(this.current);
    if (tr) {
      tr.classList.add('current');
      tr.setAttribute('aria-current', 'step');
    }
  }
}

// renderStepPanel describes step i for the step-through view: what it did,
// the dataset's size and where the page (or the mutation) sits in the list.
// row is step i's row when it is here (else the columns say what they can).
export function renderStepPanel(panel, canvas, v, i, row) {
  clear(panel);
  if (!v.n) {
    panel.append('No steps.');
    canvas.hidden = true;
    return;
  }
  const c = v.cols;
  const kind = kindOf(v, i);
  const isReq = has(v, i, 'request');
  const accepted = has(v, i, 'accepted');
  const size = c.size[i];
  const before = i > 0 ? c.size[i - 1] : v.setup.records;
  const st = row || {};
  const parts = [
    h('div', { className: 'sp-head' },
      h('strong', null, 'Step ' + (i + 1) + ' of ' + v.n),
      ' · ' + origin(c.line[i], row ? st : { kind: isReq ? 'request' : '' }), row ? [' · ', h('abbr', { className: 'tick', title: TICK }, 'tick'), ' ' + num(st.tick)] : '',
      st.client ? ' · ' + (st.client === 'default' ? 'default client' : '@' + st.client) : ''),
    h('div', { className: 'sp-what' },
      isReq
        ? [h('code', null, st.request ? st.request.method + ' ' + visible(st.request.url) : (st.source || '…')), ' → ',
           h('span', { className: 'status ' + (accepted ? 'ok' : 'refused') }, c.status[i] + ' ' + (accepted ? 'accepted' : 'refused')),
           st.reason ? ' ' + st.reason : '']
        : [h('span', { className: 'kind-badge' }, kind), ' ', row ? st.text || st.source : '…']),
    h('div', { className: 'sp-size' }, 'Dataset: ', h('strong', { className: 'sp-size-n' }, num(size)), ' records',
      size !== before ? ' (was ' + num(before) + ', ' + (size > before ? '+' : '') + num(size - before) + ')' : ''),
  ];
  let from = -1, count = 0, label = '';
  // Positions count from 0, as the scenario language and the trace's texts do.
  if (row && isReq && st.position >= 0 && c.count[i]) {
    from = st.position; count = c.count[i];
    label = 'page window: positions ' + num(from) + '–' + num(from + count - 1);
  } else if (row && !isReq && st.at >= 0 && st.count > 0) {
    from = st.at; count = st.count;
    label = kind + ': positions ' + num(from) + '–' + num(from + count - 1);
  }
  if (label) parts.push(h('div', { className: 'sp-window' }, label));
  panel.append(...parts);
  canvas.hidden = false;
  drawWindow(canvas, size, from, count, isReq ? 'page' : kind);
}

function drawWindow(canvas, size, from, count, kind) {
  const width = Math.max(120, canvas.parentElement.clientWidth);
  const height = 22;
  const ctx = setupCanvas(canvas, width, height);
  ctx.clearRect(0, 0, width, height);
  ctx.fillStyle = cssVar('--track');
  ctx.fillRect(0, 4, width, height - 8);
  if (size <= 0 || from < 0) return;
  const x0 = (from / size) * width;
  const w = Math.max(3, (Math.min(count, size) / size) * width);
  ctx.fillStyle = kind === 'delete' ? '#D55E00' : kind === 'page' ? cssVar('--accent') : '#009E73';
  ctx.fillRect(Math.min(x0, width - w), 0, w, height);
}

// curl is the request's curl command line, as the simulator writes it
// (quoted for a POSIX shell, --globoff; sim's TraceRequest.Curl).
export function curl(req) {
  return req.curl || '';
}
