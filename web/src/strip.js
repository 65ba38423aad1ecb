import { h, num, cssVar, setupCanvas } from './dom.js';

// The drift strip: a walk's records in list order, one colour and one
// pattern per state, so the picture reads without colour too. The strip is
// drawn on a canvas from run-length spans; with more records than pixels each
// pixel column shows its records' states as stacked shares, and marks under
// the strip point at every column holding a duplicate or a miss, however
// rare, so one bad record among a million still shows.

export const STATES = ['once', 'twice', 'missed', 'unreached', 'arrived-seen', 'arrived', 'vanished-seen', 'vanished'];

export const STATE_INFO = {
  'once': { label: 'seen once', help: 'returned exactly once' },
  'twice': { label: 'seen twice', help: 'returned two or more times (a duplicate)' },
  'missed': { label: 'missed', help: 'present all along, never returned' },
  'unreached': { label: 'not reached', help: 'beyond where the walk stopped' },
  'arrived-seen': { label: 'arrived, seen', help: 'inserted during the walk and returned' },
  'arrived': { label: 'arrived, unseen', help: 'inserted during the walk, not returned' },
  'vanished-seen': { label: 'vanished, seen', help: 'deleted during the walk after being returned' },
  'vanished': { label: 'vanished, unseen', help: 'deleted during the walk, never returned' },
};

// Okabe–Ito colours (distinguishable with the common colour-vision
// deficiencies), each paired with a pattern.
const COLORS = {
  'once': '#0072B2', 'twice': '#E69F00', 'missed': '#D55E00', 'unreached': '#9a9a9a',
  'arrived-seen': '#009E73', 'arrived': '#56B4E9', 'vanished-seen': '#CC79A7', 'vanished': '#F0E442',
};
const PATTERNS = {
  'once': 'solid', 'twice': 'diagonal', 'missed': 'cross', 'unreached': 'dots',
  'arrived-seen': 'horizontal', 'arrived': 'vertical', 'vanished-seen': 'backdiagonal', 'vanished': 'grid',
};

// stateName accepts the state as its name or as its number in STATES.
export function stateName(s) {
  return typeof s === 'number' ? STATES[s] : s;
}

const patternCache = new Map();

// pattern returns a canvas pattern (colour + marks) for a state.
export function pattern(ctx, state) {
  const dpr = ctx.getTransform().a || 1;
  const key = state + '@' + dpr;
  if (patternCache.has(key)) return patternCache.get(key);
  const size = 8;
  const c = document.createElement('canvas');
  c.width = c.height = Math.round(size * dpr);
  const p = c.getContext('2d');
  p.scale(dpr, dpr);
  p.fillStyle = COLORS[state];
  p.fillRect(0, 0, size, size);
  p.strokeStyle = 'rgba(0,0,0,0.55)';
  p.fillStyle = 'rgba(0,0,0,0.55)';
  p.lineWidth = 1.25;
  p.beginPath();
  switch (PATTERNS[state]) {
    case 'diagonal': p.moveTo(-2, 10); p.lineTo(10, -2); p.moveTo(-2, 2); p.lineTo(2, -2); p.moveTo(6, 10); p.lineTo(10, 6); break;
    case 'backdiagonal': p.moveTo(-2, -2); p.lineTo(10, 10); p.moveTo(6, -2); p.lineTo(10, 2); p.moveTo(-2, 6); p.lineTo(2, 10); break;
    case 'cross': p.moveTo(0, 0); p.lineTo(8, 8); p.moveTo(8, 0); p.lineTo(0, 8); break;
    case 'horizontal': p.moveTo(0, 4); p.lineTo(8, 4); break;
    case 'vertical': p.moveTo(4, 0); p.lineTo(4, 8); break;
    case 'grid': p.moveTo(0, 4); p.lineTo(8, 4); p.moveTo(4, 0); p.lineTo(4, 8); break;
    case 'dots': p.arc(4, 4, 1.3, 0, Math.PI * 2); p.fill(); break;
  }
  p.stroke();
  const pat = ctx.createPattern(c, 'repeat');
  if (pat.setTransform) pat.setTransform(new DOMMatrix().scale(1 / dpr));
  patternCache.set(key, pat);
  return pat;
}

// bounds: with more records than pixel columns, column c holds records
// [b(c), b(c + 1)) with b(c) = floor(c * total / cols): whole records, so
// that every count read off the strip is a whole number.
function bound(c, total, cols) {
  return Math.floor(c * total / cols);
}

// aggregate spreads spans [{s, n}] over `cols` pixel columns: for column c,
// counts[c * 8 + k] is how many of its records are in state STATES[k].
// Whole records: column c holds records [bound(c), bound(c + 1)).
// O(spans + cols).
export function aggregate(spans, cols) {
  let total = 0;
  for (const sp of spans) total += sp.n;
  const counts = new Float64Array(cols * STATES.length);
  if (total === 0) return { total, counts };
  let pos = 0;
  let c = 0;
  for (const sp of spans) {
    const k = STATES.indexOf(stateName(sp.s));
    const start = pos, end = pos + sp.n;
    pos = end;
    if (k < 0 || sp.n <= 0) continue;
    while (c < cols - 1 && bound(c + 1, total, cols) <= start) c++;
    for (let d = c; d < cols; d++) {
      const c0 = bound(d, total, cols), c1 = bound(d + 1, total, cols);
      if (c0 >= end) break;
      const overlap = Math.min(end, c1) - Math.max(start, c0);
      if (overlap > 0) counts[d * STATES.length + k] += overlap;
    }
  }
  return { total, counts };
}

// drawStrip draws a walk's strip on the canvas at the given CSS width.
export function drawStrip(canvas, spans, width) {
  const barH = 28, laneH = 7, gap = 3;
  const height = barH + gap + laneH * 2 + 2;
  const ctx = setupCanvas(canvas, width, height);
  ctx.clearRect(0, 0, width, height);
  const cols = Math.max(1, Math.floor(width));
  const { total, counts } = aggregate(spans, cols);
  canvas._strip = { total, counts, cols, width, spans };
  if (total === 0) {
    ctx.fillStyle = cssVar('--muted');
    ctx.font = '12px system-ui, sans-serif';
    ctx.fillText('no records', 4, 18);
    return;
  }
  const S = STATES.length;
  if (total <= cols) {
    // Fewer records than pixels: each span is a rectangle.
    let pos = 0;
    for (const sp of spans) {
      const st = stateName(sp.s);
      const x0 = pos / total * width, x1 = (pos + sp.n) / total * width;
      pos += sp.n;
      ctx.fillStyle = pattern(ctx, st);
      ctx.fillRect(x0, 0, x1 - x0, barH);
    }
    if (total <= cols / 4) {
      // Record boundaries, so that single records read as such.
      ctx.fillStyle = cssVar('--bg');
      for (let i = 1; i < total; i++) ctx.fillRect(i / total * width - 0.5, 0, 1, barH);
    }
  } else {
    // Stacked shares per column, one fill style at a time.
    const y = new Float64Array(cols);
    for (let k = 0; k < S; k++) {
      ctx.fillStyle = pattern(ctx, STATES[k]);
      for (let c = 0; c < cols; c++) {
        const v = counts[c * S + k];
        if (v <= 0) continue;
        let colTotal = 0;
        for (let j = 0; j < S; j++) colTotal += counts[c * S + j];
        const hgt = v / colTotal * barH;
        ctx.fillRect(c * width / cols, y[c], width / cols + 0.02, hgt);
        y[c] += hgt;
      }
    }
  }
  drawCursor(canvas, ctx, barH);
  // Marks: a lane for duplicates and one for misses.
  const lanes = [['twice', 0], ['missed', 1]];
  for (const [st, lane] of lanes) {
    const k = STATES.indexOf(st);
    const ly = barH + gap + lane * laneH;
    ctx.fillStyle = COLORS[st];
    for (let c = 0; c < cols; c++) {
      if (counts[c * S + k] <= 0) continue;
      const x = c * width / cols;
      if (st === 'twice') { // a triangle pointing up
        ctx.beginPath(); ctx.moveTo(x - 3, ly + laneH - 1); ctx.lineTo(x + 3.5, ly + laneH - 1); ctx.lineTo(x + 0.25, ly); ctx.fill();
      } else { // a square
        ctx.fillRect(x - 2, ly + 1, 5, laneH - 2);
      }
    }
  }
}

// units: what one step of the readout covers. With as many records as
// pixel columns or fewer, one record; with more, one pixel column's records.
export function units(canvas) {
  const st = canvas._strip;
  if (!st || st.total === 0) return 0;
  return st.total <= st.cols ? st.total : st.cols;
}

// unitAt is the unit under a CSS x.
export function unitAt(canvas, cssX) {
  const st = canvas._strip;
  const n = units(canvas);
  if (!n) return -1;
  return Math.max(0, Math.min(n - 1, Math.floor(cssX / st.width * n)));
}

// unitRange is the records [from, to) of unit u, as list positions.
export function unitRange(canvas, u) {
  const st = canvas._strip;
  if (st.total <= st.cols) return [u, u + 1];
  return [bound(u, st.total, st.cols), bound(u + 1, st.total, st.cols)];
}

// idsIn lists, per state, the id runs of records [from, to) from a walk's
// detail (sim's walkDetail: [state, count, first id, ...] in list order, ids
// going by idStep within a span; first -1 where the ids are not known).
// Returns Map(state -> {n, runs: [[first, last], ...], unknown}).
export function idsIn(detail, from, to) {
  const out = new Map();
  if (!detail || !detail.ids) return out;
  const ids = detail.ids, step = detail.idStep || 1;
  let pos = 0;
  for (let k = 0; k + 2 < ids.length && pos < to; k += 3) {
    const n = ids[k + 1];
    const a = Math.max(pos, from), b = Math.min(pos + n, to);
    if (a < b) {
      const st = STATES[ids[k]];
      if (!out.has(st)) out.set(st, { n: 0, runs: [], unknown: false });
      const e = out.get(st);
      e.n += b - a;
      if (ids[k + 2] < 0) e.unknown = true;
      else e.runs.push([ids[k + 2] + (a - pos) * step, ids[k + 2] + (b - 1 - pos) * step]);
    }
    pos += n;
  }
  return out;
}

// countsIn counts the records [from, to) of spans [{s, n}] per state.
function countsIn(spans, from, to) {
  const out = new Map();
  let pos = 0;
  for (const sp of spans || []) {
    if (pos >= to) break;
    const a = Math.max(pos, from), b = Math.min(pos + sp.n, to);
    if (a < b) out.set(stateName(sp.s), (out.get(stateName(sp.s)) || 0) + b - a);
    pos += sp.n;
  }
  return out;
}

function runText(runs, max = 3) {
  const parts = runs.slice(0, max).map(([a, b]) => a === b ? num(a) : num(a) + '–' + num(b));
  return parts.join(', ') + (runs.length > max ? ', …' : '');
}

// drawCursor outlines the unit the keyboard reads (canvas._cursor).
function drawCursor(canvas, ctx, barH) {
  const u = canvas._cursor;
  if (u === undefined || u < 0 || !canvas._strip) return;
  const root = canvas.getRootNode && canvas.getRootNode();
  if (!root || root.activeElement !== canvas) return; // drawn while the keyboard reads the strip
  const n = units(canvas);
  if (u >= n) return;
  const w = canvas._strip.width;
  const x0 = u / n * w, x1 = Math.max(x0 + 2, (u + 1) / n * w);
  ctx.lineWidth = 2;
  ctx.strokeStyle = cssVar('--fg');
  ctx.strokeRect(x0 + 1, 1, x1 - x0 - 2 > 0 ? x1 - x0 - 2 : 1, barH - 2);
}

// readout says what the records of unit u are: their positions, and per
// state how many (whole counts) with their ids; a record returned twice
// links to the requests that returned it (dupSteps(id) -> [step, ...]).
// Returns the nodes to show and their plain text (for aria-valuetext).
export function readout(canvas, u, detail, dupSteps, link) {
  const st = canvas._strip;
  if (!st || st.total === 0 || u < 0) return { nodes: [], text: '' };
  const [from, to] = unitRange(canvas, u);
  const where = to - from === 1 ? 'position ' + num(from) : 'positions ' + num(from) + '–' + num(to - 1);
  const head = where + ' of ' + num(st.total) + ': ';
  const known = idsIn(detail, from, to);
  const counts = countsIn(st.spans, from, to);
  const nodes = [head];
  let text = head;
  let first = true;
  for (const state of STATES) {
    const n = counts.get(state) || 0;
    if (!n) continue;
    const e = known.get(state);
    const part = [first ? '' : '; ', STATE_INFO[state].label + ' ' + num(n)];
    let ptext = (first ? '' : '; ') + STATE_INFO[state].label + ' ' + num(n);
    if (e && e.runs.length && !e.unknown) {
      if (state === 'twice' && dupSteps && e.n <= 3) {
        // Each record returned twice, with the requests that returned it.
        const ids = [];
        for (const [a, b] of e.runs) for (let id = a; ; id += a <= b ? 1 : -1) { ids.push(id); if (id === b) break; }
        ids.forEach((id, j) => {
          const steps = dupSteps(id) || [];
          part.push(j ? ', ' : ' (', 'id ' + num(id));
          ptext += (j ? ', ' : ' (') + 'id ' + num(id);
          if (steps.length) {
            part.push(', returned by ', steps.map((i, m) => [m ? (m === steps.length - 1 ? ' and ' : ', ') : '', link(i)]));
            ptext += ', returned by steps ' + steps.map((i) => num(i + 1)).join(', ');
          }
        });
        part.push(')');
        ptext += ')';
      } else {
        const ids = runText(e.runs);
        const single = e.runs.length === 1 && e.runs[0][0] === e.runs[0][1];
        part.push(single ? ' (id ' + ids + ')' : ' (ids ' + ids + ')');
        ptext += single ? ' (id ' + ids + ')' : ' (ids ' + ids + ')';
      }
    }
    nodes.push(part);
    text += ptext;
    first = false;
  }
  return { nodes, text };
}

// legend lists the states with their swatch (the same pattern as the strip).
export function legend(states = STATES) {
  return h('ul', { className: 'legend', 'aria-label': 'Legend of the drift strip' },
    states.map((st) => {
      const sw = h('canvas', { className: 'swatch', 'aria-hidden': 'true' });
      const ctx = setupCanvas(sw, 18, 14);
      ctx.fillStyle = pattern(ctx, st);
      ctx.fillRect(0, 0, 18, 14);
      ctx.strokeStyle = 'rgba(0,0,0,0.35)';
      ctx.strokeRect(0.5, 0.5, 17, 13);
      return h('li', { title: STATE_INFO[st].help, dataset: { state: st } }, sw, ' ', STATE_INFO[st].label);
    }),
    h('li', { className: 'legend-marks' }, '▲ duplicate  ■ miss: marks under the strip, even for one record'));
}
