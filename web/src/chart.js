import { h, num, cssVar, setupCanvas } from './dom.js';

// A line chart on a canvas: series [{label, points: [[x, y], ...]}], each
// line with its own colour, dash and marker shape (a second cue besides
// colour). Used for cumulative rows read per walk.

const COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'];
const DASHES = [[], [6, 4], [2, 3], [10, 3, 2, 3], [4, 2], [1, 2]];
const MARKERS = ['circle', 'square', 'triangle', 'diamond', 'circle', 'square'];

export function seriesStyle(i) {
  return { color: COLORS[i % COLORS.length], dash: DASHES[i % DASHES.length], marker: MARKERS[i % MARKERS.length] };
}

function niceStep(max, ticks) {
  const raw = max / ticks;
  const p = Math.pow(10, Math.floor(Math.log10(raw)));
  const m = raw / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

function short(n) {
  if (n >= 1e12) return +(n / 1e12).toFixed(1) + 'T';
  if (n >= 1e9) return +(n / 1e9).toFixed(1) + 'G';
  if (n >= 1e6) return +(n / 1e6).toFixed(1) + 'M';
  if (n >= 1e4) return +(n / 1e3).toFixed(1) + 'k';
  return num(n);
}

function marker(ctx, kind, x, y) {
  ctx.beginPath();
  switch (kind) {
    case 'square': ctx.rect(x - 3, y - 3, 6, 6); break;
    case 'triangle': ctx.moveTo(x, y - 4); ctx.lineTo(x + 4, y + 3); ctx.lineTo(x - 4, y + 3); ctx.closePath(); break;
    case 'diamond': ctx.moveTo(x, y - 4); ctx.lineTo(x + 4, y); ctx.lineTo(x, y + 4); ctx.lineTo(x - 4, y); ctx.closePath(); break;
    default: ctx.arc(x, y, 3.2, 0, Math.PI * 2);
  }
  ctx.fill();
}

// drawChart draws series on canvas. xLabel/yLabel name the axes.
export function drawChart(canvas, series, { width, height = 220, xLabel, yLabel }) {
  const ctx = setupCanvas(canvas, width, height);
  const fg = cssVar('--fg'), muted = cssVar('--muted'), grid = cssVar('--grid');
  ctx.clearRect(0, 0, width, height);
  ctx.font = '11px system-ui, sans-serif';
  let maxX = 1, maxY = 1;
  for (const s of series) for (const [x, y] of s.points) { maxX = Math.max(maxX, x); maxY = Math.max(maxY, y); }
  const left = 52, right = 12, top = 10, bottom = 34;
  const W = width - left - right, H = height - top - bottom;
  const yStep = niceStep(maxY, 4);
  const yMax = Math.ceil(maxY / yStep) * yStep;
  const xStep = Math.max(1, niceStep(maxX, Math.max(2, Math.floor(W / 60))));
  const X = (x) => left + (x / maxX) * W;
  const Y = (y) => top + H - (y / yMax) * H;

  ctx.strokeStyle = grid;
  ctx.fillStyle = muted;
  ctx.lineWidth = 1;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (let y = 0; y <= yMax + 1e-9; y += yStep) {
    ctx.beginPath(); ctx.moveTo(left, Math.round(Y(y)) + 0.5); ctx.lineTo(left + W, Math.round(Y(y)) + 0.5); ctx.stroke();
    ctx.fillText(short(y), left - 6, Y(y));
  }
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (let x = 0; x <= maxX + 1e-9; x += xStep) {
    ctx.fillText(short(x), X(x), top + H + 4);
  }
  ctx.fillStyle = fg;
  if (xLabel) ctx.fillText(xLabel, left + W / 2, top + H + 18);
  if (yLabel) {
    ctx.save();
    ctx.translate(10, top + H / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.textBaseline = 'middle';
    ctx.fillText(yLabel, 0, 0);
    ctx.restore();
  }
  ctx.strokeStyle = muted;
  ctx.beginPath(); ctx.moveTo(left + 0.5, top); ctx.lineTo(left + 0.5, top + H + 0.5); ctx.lineTo(left + W, top + H + 0.5); ctx.stroke();

  series.forEach((s, i) => {
    const st = seriesStyle(i);
    ctx.strokeStyle = st.color;
    ctx.fillStyle = st.color;
    ctx.lineWidth = 2;
    ctx.setLineDash(st.dash);
    ctx.beginPath();
    s.points.forEach(([x, y], j) => (j ? ctx.lineTo(X(x), Y(y)) : ctx.moveTo(X(x), Y(y))));
    ctx.stroke();
    ctx.setLineDash([]);
    // Markers, thinned out when points are dense.
    const every = Math.max(1, Math.ceil(s.points.length / (W / 8)));
    s.points.forEach(([x, y], j) => {
      if (j % every === 0 || j === s.points.length - 1) marker(ctx, st.marker, X(x), Y(y));
    });
  });
}

// chartLegend names the series with a sample of their line.
export function chartLegend(series) {
  return h('ul', { className: 'legend' }, series.map((s, i) => {
    const st = seriesStyle(i);
    const sw = h('canvas', { className: 'swatch line', 'aria-hidden': 'true' });
    const ctx = setupCanvas(sw, 30, 14);
    ctx.strokeStyle = st.color; ctx.fillStyle = st.color; ctx.lineWidth = 2; ctx.setLineDash(st.dash);
    ctx.beginPath(); ctx.moveTo(1, 7); ctx.lineTo(29, 7); ctx.stroke();
    marker(ctx, st.marker, 15, 7);
    return h('li', null, sw, ' ', s.label);
  }));
}
