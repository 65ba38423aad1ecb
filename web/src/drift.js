import { h, num, plural, idRuns, replace } from './dom.js';
import { drawStrip, readout, legend, units, unitAt } from './strip.js';
import { drawChart, chartLegend } from './chart.js';
import { has, stepLink } from './steps.js';

const MAX_WALKS = 30; // walk cards drawn at once

function idSet(label, set, extra) {
  if (!set || !set.count) return h('li', { className: 'zero' }, h('span', { className: 'k' }, label), ' 0', extra || '');
  const ids = set.ids || [];
  return h('li', { className: 'nonzero' },
    h('span', { className: 'k' }, label), ' ', h('strong', null, num(set.count)), extra || '',
    ids.length ? h('span', { className: 'ids' }, ': ids ', idRuns(ids, 6), set.count > ids.length ? ' …' : '') : null);
}

const SHOW_DUP_STEPS = 6; // duplicates listed with the requests that returned them

// dupList is the duplicates line: each listed id with links to the requests
// (steps) that returned it, from the simulator's walkDetail.
function dupList(set, steps) {
  if (!set || !set.count || !steps) return idSet('duplicates', set);
  const ids = set.ids || [];
  const shown = ids.slice(0, SHOW_DUP_STEPS);
  return h('li', { className: 'nonzero dups' },
    h('span', { className: 'k' }, 'duplicates'), ' ', h('strong', null, num(set.count)), ': ',
    shown.map((id, j) => [j ? '; ' : '', 'id ' + num(id),
      steps[j] && steps[j].length ? [' (', steps[j].map((i, m) => [m ? ', ' : '', stepLink(i)]), ')'] : '']),
    set.count > shown.length ? h('span', { className: 'muted' }, '; ', num(set.count - shown.length), ' more', ids.length > shown.length ? ': ids ' : '', idRuns(ids.slice(shown.length), 4), set.count > ids.length ? ' …' : '') : null);
}

// walkCard draws one walk: its strip, counts and verdict. The strip reads
// out its records under the pointer, and from the keyboard (it is a slider:
// the arrow keys, Page Up/Down, Home and End move along it).
export function walkCard(trace, w, index, redraw) {
  const order = trace.setup.order;
  const detail = trace.walkDetail && trace.walkDetail[index];
  const dupIndex = new Map(((w.duplicates || {}).ids || []).map((id, j) => [id, j]));
  const dupSteps = detail && detail.dupSteps ? (id) => dupIndex.has(id) ? detail.dupSteps[dupIndex.get(id)] : null : null;
  const first = w.steps.length ? w.steps[0] : -1;
  const last = w.steps.length ? w.steps[w.steps.length - 1] : -1;
  const canvas = h('canvas', { className: 'strip', role: 'slider', tabIndex: 0,
    'aria-label': 'Drift strip of walk ' + (index + 1) + ': ' + (w.verdict || '') + ' The arrow keys read its records.',
    'aria-valuemin': '0', 'aria-valuenow': '0' });
  const read = h('p', { className: 'strip-readout muted', 'aria-live': 'polite' }, 'Point at the strip, or focus it and use the arrow keys, to read its records.');
  const width = () => Math.max(100, canvas.parentElement ? canvas.parentElement.clientWidth : 600);
  const draw = () => drawStrip(canvas, w.strip || [], width());
  const show = (u) => {
    const r = readout(canvas, u, detail, dupSteps, (i) => stepLink(i));
    replace(read, r.nodes);
    canvas.setAttribute('aria-valuenow', String(u));
    canvas.setAttribute('aria-valuetext', r.text);
  };
  const moveTo = (u) => {
    const n = units(canvas);
    if (!n) return;
    canvas._cursor = Math.max(0, Math.min(n - 1, u));
    canvas.setAttribute('aria-valuemax', String(n - 1));
    draw();
    show(canvas._cursor);
  };
  canvas.addEventListener('mousemove', (e) => {
    const r = canvas.getBoundingClientRect();
    show(unitAt(canvas, e.clientX - r.left));
  });
  canvas.addEventListener('click', (e) => {
    const r = canvas.getBoundingClientRect();
    moveTo(unitAt(canvas, e.clientX - r.left));
  });
  canvas.addEventListener('focus', () => { if (canvas._cursor === undefined) moveTo(0); else draw(); });
  canvas.addEventListener('blur', () => draw());
  canvas.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const n = units(canvas);
    const u = canvas._cursor || 0;
    const big = Math.max(1, Math.round(n / 20));
    const to = { ArrowRight: u + 1, ArrowUp: u + 1, ArrowLeft: u - 1, ArrowDown: u - 1, PageUp: u + big, PageDown: u - big, Home: 0, End: n - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    e.stopPropagation();
    moveTo(to);
  });
  redraw.push(draw);
  const card = h('article', { className: 'walk ' + (w.consistent ? 'consistent' : 'inconsistent'), dataset: { walk: index } },
    h('header', null,
      h('h3', null, 'Walk ' + (index + 1)),
      h('span', { className: 'muted' },
        (w.client && w.client !== 'default' ? '@' + w.client + ' · ' : '') +
        plural(w.requests, 'request') +
        (first >= 0 ? ' · steps ' + (first + 1) + '–' + (last + 1) : '') +
        ' · ' + (w.complete ? 'complete' : 'stopped')),
      h('span', { className: 'verdict-badge ' + (w.consistent ? 'ok' : 'bad') }, w.outcome)),
    h('p', { className: 'verdict' }, w.verdict || ''),
    detail?.missNote ? h('p', { className: 'miss-note' }, detail.missNote) : null,
    h('div', { className: 'strip-wrap' }, canvas),
    h('div', { className: 'strip-axis muted', 'aria-hidden': 'true' },
      h('span', null, '← ' + (order === 'oldest-first' ? 'oldest' : 'newest') + ' (list position 0)'),
      h('span', null, (order === 'oldest-first' ? 'newest' : 'oldest') + ' →')),
    read,
    h('ul', { className: 'counts' },
      h('li', null, h('span', { className: 'k' }, 'returned'), ' ', num(w.seen), ' (', num(w.distinct), ' distinct)'),
      dupList(w.duplicates, detail && detail.dupSteps),
      idSet('missed', w.missed),
      w.unreached ? h('li', { className: 'unreached', title: 'records the walk never got to: before its first page or after where it stopped (not misses)' },
        h('span', { className: 'k' }, 'not reached'), ' ', h('strong', null, num(w.unreached))) : null,
      idSet('inserted', w.inserted, w.inserted && w.inserted.count ? ' (' + num(w.insertedSeen) + ' seen)' : ''),
      idSet('deleted', w.deleted, w.deleted && w.deleted.count ? ' (' + num(w.deletedSeen) + ' seen before)' : ''),
      h('li', null, h('span', { className: 'k' }, 'rows read'), ' ', num(w.rows))));
  return card;
}

// renderDrift fills the drift view with a card per walk.
export function renderDrift(el, trace, redraw) {
  const walks = trace.walks || [];
  const parts = [legend()];
  if (!walks.length) {
    parts.push(h('p', { className: 'empty' }, 'No walks: a walk starts with a first page (a first request, `first` or `walk`) and follows next links.'));
  }
  walks.slice(0, MAX_WALKS).forEach((w, i) => parts.push(walkCard(trace, w, i, redraw)));
  if (walks.length > MAX_WALKS) parts.push(h('p', { className: 'muted' }, num(walks.length - MAX_WALKS) + ' more walks not drawn.'));
  el.append(...parts);
}

// walkSeries is cumulative rows read per walk, by page.
export function walkSeries(trace) {
  const walkRows = trace.cols.walkRows;
  return trace.walks.slice(0, 6).map((w, i) => ({
    label: 'Walk ' + (i + 1) + (w.client && w.client !== 'default' ? ' @' + w.client : '') + ': ' + num(w.rows) + ' rows in ' + plural(w.requests, 'request'),
    points: [[0, 0]].concat(w.steps.map((si, j) => [j + 1, walkRows[si]])),
  }));
}

// renderCost fills the cost view: the chart and a per-request table summary.
export function renderCost(el, trace, redraw) {
  const series = walkSeries(trace);
  const canvas = h('canvas', { className: 'chart', role: 'img', 'aria-label': 'Cumulative rows read per walk, by page' });
  let reqs = 0, seeks = 0;
  for (let i = 0; i < trace.n; i++) {
    if (has(trace, i, 'request')) reqs++;
    if (has(trace, i, 'seek')) seeks++;
  }
  el.append(
    h('p', null, 'Rows the database reads: an offset query reads offset + limit rows, a keyset (cursor) query seeks an index and reads limit rows. ',
      'This run read ', h('strong', null, num((trace.summary || {}).rows || 0)),  ' rows in ', plural(reqs, 'request'),
      ' (', num(seeks), ' by index seek).'),
    series.length ? h('div', { className: 'chart-wrap' }, canvas) : h('p', { className: 'empty' }, 'No walks to chart.'),
    series.length ? chartLegend(series) : null);
  if (series.length) {
    redraw.push(() => drawChart(canvas, series, { width: Math.max(200, canvas.parentElement.clientWidth), xLabel: 'page of the walk', yLabel: 'rows read (cumulative)' }));
  }
}
