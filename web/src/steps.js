import { h, num, plural, idRuns, cssVar, setupCanvas, clear } from './dom.js';

// The results table: one row per step of the trace.

const PAGE = 200; // rows rendered at a time; more on demand

function header(name, value) {
  return h('div', { className: 'hdr' }, h('span', { className: 'hname' }, name + ':'), ' ', h('code', null, value));
}

// interpMark is the "interpretation" badge with its sentence, as a tooltip
// and as a note (tooltips are unreachable on touch screens).
export function interpMark(sentence) {
  return h('span', { className: 'interp-wrap' },
    h('span', { className: 'interp', tabIndex: 0, title: sentence, 'aria-label': 'Interpretation: ' + sentence }, 'interpretation'),
    h('span', { className: 'interp-note' }, sentence));
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

function totalCell(t) {
  if (!t || !t.kind) return h('td', { className: 'c-total' });
  if (t.kind === 'absent') {
    return h('td', { className: 'c-total' }, h('span', { className: 'muted' }, 'not reported'), h('div', null, 'true ', num(t.true)));
  }
  const differs = t.reported !== t.true;
  return h('td', { className: 'c-total' + (differs ? ' differs' : ''), dataset: { differs: String(differs) } },
    h('div', null, num(t.reported), ' ', h('span', { className: 'kind' }, t.kind)),
    h('div', null, 'true ', num(t.true), differs ? h('span', { className: 'flag', title: 'the reported total differs from the true count' }, ' ≠') : null));
}

function nextCell(n) {
  if (!n || !n.kind) return h('td', { className: 'c-next' });
  if (n.kind === 'none') {
    return h('td', { className: 'c-next' }, h('span', { className: 'muted' }, 'not said'), h('div', null, 'true ', yesNo(n.true)));
  }
  const differs = n.reported !== n.true;
  return h('td', { className: 'c-next' + (differs ? ' differs' : ''), dataset: { differs: String(differs) } },
    h('div', null, yesNo(n.reported), ' ', h('span', { className: 'kind' }, n.kind)),
    h('div', null, 'true ', yesNo(n.true), differs ? h('span', { className: 'flag', title: 'the response is wrong about a next page' }, ' ≠') : null));
}

// A long run carries the response bodies of its first requests only; the
// others are fetched from the simulator when their details are opened.

function responseBody(st, body) {
  if (body !== null || !st.request) return h('pre', null, bodyText(body));
  const pre = h('pre', { className: 'muted' }, 'not carried in this run (it is long): loading…');
  pre.dataset.pending = String(st.i);
  return pre;
}

async function loadBody(details, st, bodyLoader) {
  const pre = details.querySelector('pre[data-pending]');
  if (!pre || !bodyLoader) return;
  delete pre.dataset.pending;
  try {
    const full = await bodyLoader(st.i);
    if (full && full.error) throw new Error(full.error);
    pre.className = '';
    pre.textContent = bodyText(full.response ? full.response.body : null);
  } catch (err) {
    pre.textContent = 'could not load the body: ' + (err && err.message || err);
  }
}

function bodyText(body) {
  if (body === undefined || body === null || body === '') return '';
  const s = typeof body === 'string' ? body : JSON.stringify(body, null, 1);
  return s.length > 4000 ? s.slice(0, 4000) + '\n…' : s;
}

// repeatsByStep finds, for each request of a walk, the records it returned
// that the walk had already returned: the duplicates, where they happen.
// Skipped for very large walks (it is a display aid, not a count: the walk
// report has the counts).
export function repeatsByStep(trace) {
  const out = new Map();
  const steps = trace.steps || [];
  for (const w of trace.walks || []) {
    if (!w.duplicates || !w.duplicates.count || w.seen > 300000) continue;
    const seen = new Set();
    for (const i of w.steps || []) {
      const rep = [];
      for (const id of steps[i].records || []) {
        if (seen.has(id)) rep.push(id); else seen.add(id);
      }
      if (rep.length) out.set(i, rep);
    }
  }
  return out;
}

function wireDetails(st, req, res, loadStep) {
  const d = h('details', { className: 'wire' },
    h('summary', null, 'headers & body'),
    h('div', { className: 'wire-part' }, h('strong', null, 'Request'),
      ' ', h('button', { type: 'button', className: 'curl', dataset: { i: String(st.i) } }, 'Copy as curl'),
      (req.headers || []).map(([n, v]) => header(n, v)),
      req.body ? h('pre', null, req.body) : null),
    h('div', { className: 'wire-part' }, h('strong', null, 'Response ' + res.status),
      (res.headers || []).map(([n, v]) => header(n, v)),
      responseBody(st, res.body)));
  if (res.body === null && st.request) d.addEventListener('toggle', () => { if (d.open) loadBody(d, st, loadStep); });
  return d;
}

function requestRow(st, trace, repeats, loadStep) {
  const req = st.request || { method: '', url: '', headers: [], body: '' };
  const res = st.response || { status: 0, headers: [], body: null };
  const link = (res.headers || []).filter(([n]) => n.toLowerCase() === 'link');
  const walkLabel = st.walk >= 0 ? 'walk ' + (st.walk + 1) + ' · page ' + st.page : null;
  const reqCell = h('td', { className: 'c-req' },
    st.client && st.client !== 'default' ? h('span', { className: 'client' }, '@' + st.client) : null,
    h('code', { className: 'url' }, req.method + ' ' + req.url),
    st.source && st.source !== req.method + ' ' + req.url ? h('div', { className: 'src muted' }, 'from ', h('code', null, st.source)) : null,
    req.body ? header('body', req.body) : null,
    link.map(([, v]) => linkHeader(v)),
    wireDetails(st, req, res, loadStep));
  const resCell = h('td', { className: 'c-res' },
    h('span', { className: 'status ' + (st.accepted ? 'ok' : 'refused') }, res.status + ' ' + (st.accepted ? 'accepted' : 'refused')),
    st.reason ? h('div', { className: 'reason' }, st.reason) : null,
    st.interpretation ? interpMark(st.interpretation) : null);
  const recs = st.records || [];
  const recCell = h('td', { className: 'c-rec' },
    h('div', null, plural(recs.length, 'record')),
    recs.length ? h('div', { className: 'ids' }, idRuns(recs)) : null,
    repeats ? h('div', { className: 'repeats', title: 'returned earlier in this walk' }, '↻ ', plural(repeats.length, 'repeat'), ': ', idRuns(repeats, 3)) : null,
    walkLabel ? h('div', { className: 'muted' }, walkLabel) : null);
  const c = st.cost || {};
  const costCell = h('td', { className: 'c-cost' },
    h('div', null, num(c.rows || 0), ' rows'),
    h('div', { className: 'muted' }, c.rows ? (c.seek ? 'index seek' : 'scan') : ''),
    c.walkRows ? h('div', { className: 'muted' }, 'walk ', num(c.walkRows)) : null);
  return h('tr', { className: 'step request ' + (st.accepted ? 'accepted' : 'refused'), dataset: { i: st.i, line: st.line } },
    h('th', { className: 'c-i', scope: 'row' }, String(st.i + 1), h('div', { className: 'muted' }, 'line ' + st.line)),
    reqCell, resCell, recCell, totalCell(st.total), nextCell(st.hasNext), costCell);
}

function mutationRow(st) {
  return h('tr', { className: 'step mutation', dataset: { i: st.i, line: st.line } },
    h('th', { className: 'c-i', scope: 'row' }, String(st.i + 1), h('div', { className: 'muted' }, st.line ? 'line ' + st.line : 'stream')),
    h('td', { colSpan: 6, className: 'c-mut' },
      h('span', { className: 'kind-badge' }, st.kind),
      ' ', st.text || st.source,
      h('span', { className: 'muted' }, ' · dataset ', plural(st.size, 'record'))));
}

// StepTable renders a trace's steps into a tbody, PAGE rows at a time.
// loadStep(i), when given, fetches step i of the shown trace in full (a long
// run carries the response bodies of its first requests only).
export class StepTable {
  constructor({ tbody, more, onSelect, loadStep }) {
    this.loadStep = loadStep;
    this.tbody = tbody;
    this.more = more;
    this.onSelect = onSelect;
    this.trace = null;
    this.rendered = 0;
    this.current = -1;
    more.addEventListener('click', () => this.renderUpTo(this.rendered + PAGE));
    tbody.addEventListener('click', (e) => {
      if (e.target.closest('summary, a, button, details')) return;
      const tr = e.target.closest('tr.step');
      if (tr) this.onSelect(Number(tr.dataset.i));
    });
  }

  show(trace) {
    this.trace = trace;
    this.repeats = repeatsByStep(trace);
    this.rendered = 0;
    clear(this.tbody);
    this.renderUpTo(Math.max(PAGE, this.current + 1));
  }

  renderUpTo(n) {
    const steps = this.trace ? this.trace.steps || [] : [];
    n = Math.min(n, steps.length);
    const frag = document.createDocumentFragment();
    for (let i = this.rendered; i < n; i++) {
      const st = steps[i];
      frag.appendChild(st.kind === 'request' ? requestRow(st, this.trace, this.repeats.get(i), this.loadStep) : mutationRow(st));
    }
    this.tbody.appendChild(frag);
    this.rendered = n;
    const left = steps.length - n;
    this.more.hidden = left <= 0;
    this.more.textContent = 'Show ' + num(Math.min(PAGE, left)) + ' more steps (' + num(left) + ' not shown)';
    this.mark();
  }

  select(i) {
    this.current = i;
    if (i >= this.rendered) this.renderUpTo(i + 1);
    this.mark();
    const tr = this.tbody.querySelector('tr[data-i="' + i + '"]');
    if (tr) tr.scrollIntoView({ block: 'nearest' });
  }

  mark() {
    for (const tr of this.tbody.querySelectorAll('tr.current')) {
      tr.classList.remove('current');
      tr.removeAttribute('aria-current');
    }
    const tr = this.tbody.querySelector('tr[data-i="' + this.current + '"]');
    if (tr) {
      tr.classList.add('current');
      tr.setAttribute('aria-current', 'step');
    }
  }
}

// stepPanel describes step i for the step-through view: what it did, the
// dataset's size and where the page (or the mutation) sits in the list.
export function renderStepPanel(panel, canvas, trace, i) {
  const steps = trace.steps || [];
  clear(panel);
  if (!steps.length) {
    panel.append('No steps.');
    canvas.hidden = true;
    return;
  }
  const st = steps[i];
  const before = i > 0 ? steps[i - 1].size : (trace.setup ? trace.setup.records : st.size);
  const recs = st.records || [];
  const parts = [
    h('div', { className: 'sp-head' },
      h('strong', null, 'Step ' + (i + 1) + ' of ' + steps.length),
      ' · line ' + st.line + ' · tick ' + num(st.tick),
      st.client ? ' · ' + (st.client === 'default' ? 'default client' : '@' + st.client) : ''),
    h('div', { className: 'sp-what' },
      st.kind === 'request'
        ? [h('code', null, (st.request ? st.request.method + ' ' + st.request.url : st.source)), ' → ',
           h('span', { className: 'status ' + (st.accepted ? 'ok' : 'refused') }, (st.response ? st.response.status + ' ' : '') + (st.accepted ? 'accepted' : 'refused')),
           st.reason ? ' ' + st.reason : '']
        : [h('span', { className: 'kind-badge' }, st.kind), ' ', st.text || st.source]),
    h('div', { className: 'sp-size' }, 'Dataset: ', h('strong', { className: 'sp-size-n' }, num(st.size)), ' records',
      st.size !== before ? ' (was ' + num(before) + ', ' + (st.size > before ? '+' : '') + num(st.size - before) + ')' : ''),
  ];
  let from = -1, count = 0, label = '';
  // Positions count from 0, as the scenario language and the trace's texts do.
  if (st.kind === 'request' && st.position >= 0 && recs.length) {
    from = st.position; count = recs.length;
    label = 'page window: positions ' + num(from) + '–' + num(from + count - 1);
  } else if (st.kind !== 'request' && st.at >= 0 && st.count > 0) {
    from = st.at; count = st.count;
    label = st.kind + ': positions ' + num(from) + '–' + num(from + count - 1);
  }
  if (label) parts.push(h('div', { className: 'sp-window' }, label));
  panel.append(...parts);
  canvas.hidden = false;
  drawWindow(canvas, st.size, from, count, st.kind === 'request' ? 'page' : st.kind);
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

// traceCSV writes one row per step of a trace.
export function traceCSV(t) {
  const cols = ['step', 'line', 'tick', 'client', 'kind', 'source', 'method', 'url', 'status', 'accepted', 'reason',
    'records', 'first_id', 'last_id', 'position', 'total_kind', 'total_reported', 'total_true',
    'next_reported', 'next_true', 'rows', 'walk', 'page', 'size'];
  const cell = (v) => {
    const s = v === undefined || v === null ? '' : String(v);
    return /[",\n\r]/.test(s) || /^[=+\-@\t]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  };
  const rows = [cols.join(',')];
  for (const st of t.steps || []) {
    const req = st.request || {};
    const recs = st.records || [];
    const req2 = st.kind === 'request';
    rows.push([st.i + 1, st.line, st.tick, st.client, st.kind, st.source || st.text, req.method, req.url,
      st.response ? st.response.status : '', req2 ? st.accepted : '', st.reason || st.text || '',
      req2 ? recs.length : st.count, recs[0], recs[recs.length - 1], st.position,
      req2 && st.total ? st.total.kind : '', req2 && st.total ? st.total.reported : '', req2 && st.total ? st.total.true : '',
      req2 && st.hasNext ? st.hasNext.reported : '', req2 && st.hasNext ? st.hasNext.true : '',
      st.cost ? st.cost.rows : '', st.walk >= 0 ? st.walk + 1 : '', st.page || '', st.size].map(cell).join(','));
  }
  return rows.join('\r\n') + '\r\n';
}
