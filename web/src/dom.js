// DOM helpers. Every piece of text reaches the page through textContent or
// createTextNode, never through HTML parsing: scenarios, URLs, headers and
// reasons are untrusted (a shared link can carry anything).

// h builds an element: h('td', {className: 'x', title: 't'}, child, 'text', ...).
// Attributes starting with "on" are event listeners; "dataset" is an object;
// anything else is set as a property when the element has one, else as an
// attribute. Children may be nodes, strings, numbers, arrays, null or false.
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) continue;
      if (k.startsWith('on') && typeof v === 'function') {
        el.addEventListener(k.slice(2), v);
      } else if (k === 'dataset') {
        Object.assign(el.dataset, v);
      } else if (k === 'className' || k === 'textContent' || k === 'title' ||
                 k === 'value' || k === 'checked' || k === 'disabled' ||
                 k === 'hidden' || k === 'open' || k === 'tabIndex' || k === 'htmlFor') {
        el[k] = v;
      } else {
        el.setAttribute(k, v === true ? '' : String(v));
      }
    }
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else if (c instanceof Node) el.appendChild(c);
    else el.appendChild(document.createTextNode(String(c)));
  }
  return el;
}

// clear removes every child of el.
export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

// replace sets el's children.
export function replace(el, ...children) {
  clear(el);
  return append(el, children);
}

const nf = new Intl.NumberFormat('en-US');

// num formats an integer with thousands separators.
// visible shows what a request sends with the characters that hide or
// reorder text written as escapes (C0 and C1 controls but tab and line feed,
// DEL, bidirectional controls, zero-width characters, line and paragraph
// separators, the BOM), as sim.DisplayText does for the trace's own texts:
// a request's URL, headers and body stay as sent, but a U+202E in a query
// must not reverse the line it is shown on.
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;
export function visible(s) {
  return String(s).replace(INVISIBLE, (c) => c === '\r' ? '\\r' : c === '\0' ? '\\0' : '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

export function num(n) {
  return typeof n === 'number' ? nf.format(n) : String(n);
}

// plural: plural(3, 'record') = "3 records".
export function plural(n, word, words) {
  return num(n) + ' ' + (n === 1 ? word : (words || word + 's'));
}

// idRuns compresses a list of ids into runs: [10,9,8,5] -> "10–8, 5".
// At most maxRuns runs are listed; the rest is counted.
export function idRuns(ids, maxRuns = 4) {
  if (!ids || ids.length === 0) return '';
  const runs = [];
  let start = ids[0], prev = ids[0], dir = 0;
  for (let i = 1; i <= ids.length; i++) {
    const id = ids[i];
    const d = id - prev;
    if (i < ids.length && (d === 1 || d === -1) && (dir === 0 || d === dir)) {
      dir = d;
      prev = id;
      continue;
    }
    runs.push(start === prev ? num(start) : num(start) + '–' + num(prev));
    start = prev = id;
    dir = 0;
  }
  if (runs.length > maxRuns) {
    return runs.slice(0, maxRuns).join(', ') + ', … (' + (runs.length - maxRuns) + ' more runs)';
  }
  return runs.join(', ');
}

// cssVar reads a custom property of the root element (colours for canvases,
// which follow dark mode that way); embeds set their shadow root's element.
let themeRoot = null;
export function setThemeRoot(el) { themeRoot = el; }
export function cssVar(name) {
  return getComputedStyle(themeRoot && themeRoot.isConnected ? themeRoot : document.documentElement).getPropertyValue(name).trim();
}

// setupCanvas sizes a canvas for the device pixel ratio and returns its
// context scaled so that drawing uses CSS pixels.
export function setupCanvas(canvas, cssWidth, cssHeight) {
  const dpr = Math.max(1, Math.min(3, window.devicePixelRatio || 1));
  canvas.width = Math.max(1, Math.round(cssWidth * dpr));
  canvas.height = Math.max(1, Math.round(cssHeight * dpr));
  canvas.style.width = cssWidth + 'px';
  canvas.style.height = cssHeight + 'px';
  const ctx = canvas.getContext('2d');
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  return ctx;
}
