import { h, num, plural, clear, visible } from './dom.js';
import { drawStrip } from './strip.js';
import { drawChart, chartLegend } from './chart.js';
import { interpMark, has } from './steps.js';

export const MAX_COMPARE = 3;

// ProfilePicker is a set of checkboxes, grouped by vendor, allowing up to
// MAX_COMPARE profiles.
export class ProfilePicker {
  constructor(el, profiles, onChange) {
    this.el = el;
    this.onChange = onChange;
    this.boxes = [];
    clear(el);
    const groups = new Map();
    for (const p of profiles) {
      const v = p.vendor || 'Generic models';
      if (!groups.has(v)) groups.set(v, []);
      groups.get(v).push(p);
    }
    // Why a box cannot be checked: said beside the boxes (and on each).
    this.note = h('p', { className: 'compare-limit muted', 'aria-live': 'polite' });
    el.appendChild(this.note);
    for (const [vendor, ps] of groups) {
      el.appendChild(h('fieldset', null, h('legend', null, vendor),
        ps.map((p) => {
          const box = h('input', { type: 'checkbox', value: p.name, dataset: { summary: p.summary || '' }, onchange: () => this.changed(box) });
          this.boxes.push(box);
          return h('label', { title: p.summary }, box, ' ', p.name);
        })));
    }
    this.limit();
  }

  get selected() { return this.boxes.filter((b) => b.checked).map((b) => b.value); }

  set selected(names) {
    for (const b of this.boxes) b.checked = names.includes(b.value);
    this.limit();
  }

  changed(box) {
    if (this.selected.length > MAX_COMPARE) box.checked = false;
    this.limit();
    this.onChange(this.selected);
  }

  limit() {
    const full = this.selected.length >= MAX_COMPARE;
    const why = 'Up to ' + MAX_COMPARE + ' profiles side by side: uncheck one to pick another.';
    for (const b of this.boxes) {
      b.disabled = full && !b.checked;
      b.parentElement.title = b.disabled ? why : b.dataset.summary || '';
    }
    this.note.textContent = full ? why : 'Pick up to ' + MAX_COMPARE + ' profiles.';
    this.note.classList.toggle('full', full);
  }
}

// requestList lists a profile's first requests as it sent them, with their
// status (the simulator's firstRequests).
function requestList(t) {
  const rows = t.firstRequests || [];
  if (!rows.length) return null;
  const reqs = (t.summary || {}).requests || rows.length;
  return h('div', { className: 'cmp-requests' },
    h('div', { className: 'k' }, reqs > rows.length ? 'first requests' : 'requests'),
    h('ol', null, rows.map((r) => h('li', { value: r.i + 1, title: 'step ' + (r.i + 1) },
      h('code', null, visible(r.method + ' ' + r.url)), r.body ? h('code', { className: 'muted' }, ' ' + visible(r.body)) : null,
      ' ', h('span', { className: 'status ' + (r.accepted ? 'ok' : 'refused') }, String(r.status))))),
    reqs > rows.length ? h('div', { className: 'muted' }, '… ', plural(reqs - rows.length, 'more request')) : null);
}

// renderCompare draws traces side by side, one column per profile.
export function renderCompare(el, traces, redraw) {
  const cols = traces.map((t) => {
    const s = t.summary || {};
    const walks = t.walks || [];
    const dup = walks.reduce((a, w) => a + ((w.duplicates || {}).count || 0), 0);
    const missed = walks.reduce((a, w) => a + ((w.missed || {}).count || 0), 0);
    return h('section', { className: 'cmp-col', dataset: { profile: t.profile } },
      h('h3', null, t.profile, t.vendor ? h('span', { className: 'muted' }, ' · ' + t.vendor) : null),
      h('ul', { className: 'counts' },
        h('li', null, h('span', { className: 'k' }, 'requests'), ' ', num(s.accepted || 0), ' accepted, ', h('span', { className: s.refused ? 'bad' : '' }, num(s.refused || 0), ' refused')),
        h('li', null, h('span', { className: 'k' }, 'walks'), ' ', num(s.consistent || 0), ' of ', num(s.walks || 0), ' consistent', s.refusedWalks ? ', ' + num(s.refusedWalks) + ' stopped by a refusal' : ''),
        h('li', { className: dup ? 'nonzero' : 'zero' }, h('span', { className: 'k' }, 'duplicates'), ' ', num(dup)),
        h('li', { className: missed ? 'nonzero' : 'zero' }, h('span', { className: 'k' }, 'missed'), ' ', num(missed)),
        h('li', null, h('span', { className: 'k' }, 'rows read'), ' ', num(s.rows || 0))),
      requestList(t),
      t.firstRefusal ? h('div', { className: 'cmp-refusals' }, h('strong', null, 'First refusal: '), t.firstRefusal.reason,
        s.refused > 1 ? h('span', { className: 'muted' }, ' (+' + num(s.refused - 1) + ' more)') : null) : null,
      t.firstInterpretation ? interpMark(t.firstInterpretation.text) : null,
      walks.slice(0, 3).map((w, i) => {
        const canvas = h('canvas', { className: 'strip', role: 'img', 'aria-label': t.profile + ' walk ' + (i + 1) + ': ' + (w.verdict || '') });
        redraw.push(() => drawStrip(canvas, w.strip || [], Math.max(80, canvas.parentElement.clientWidth)));
        return h('div', { className: 'cmp-walk' },
          h('div', null, h('strong', null, 'Walk ' + (i + 1)), ' ', h('span', { className: 'verdict-badge ' + (w.consistent ? 'ok' : 'bad') }, w.outcome)),
          h('div', { className: 'strip-wrap' }, canvas),
          h('p', { className: 'verdict' }, w.verdict || ''));
      }),
      walks.length > 3 ? h('p', { className: 'muted' }, plural(walks.length - 3, 'more walk')) : null,
      (s.errors || []).map((e) => h('p', { className: 'bad' }, e)));
  });
  const series = traces.map((t) => {
    let sum = 0;
    const pts = [[0, 0]];
    for (let i = 0, j = 0; i < t.n; i++) {
      if (!has(t, i, 'request')) continue;
      sum += t.cols.rows[i];
      pts.push([++j, sum]);
    }
    return { label: t.profile + ': ' + num(sum) + ' rows', points: pts };
  });
  const canvas = h('canvas', { className: 'chart', role: 'img', 'aria-label': 'Cumulative rows read per profile' });
  redraw.push(() => drawChart(canvas, series, { width: Math.max(200, canvas.parentElement.clientWidth), xLabel: 'request', yLabel: 'rows read (cumulative)' }));
  el.append(h('div', { className: 'cmp-grid' }, cols), h('h3', null, 'Rows read'), h('div', { className: 'chart-wrap' }, canvas), chartLegend(series));
}
