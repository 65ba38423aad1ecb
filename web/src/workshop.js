// What the page keeps for the person using it, and how it is laid out for a
// room: the user's own scenario (autosaved), preferences (single-key
// shortcuts on or off, presenter mode, the split between the panes), and the
// splitter that resizes the panes. Nothing here knows about paging.

const SCRATCH = 'pagesim.scratch.v1';
const PREFS = 'pagesim.prefs.v1';

function read(key) {
  try {
    const o = JSON.parse(localStorage.getItem(key) || 'null');
    return o && typeof o === 'object' && !Array.isArray(o) ? o : null;
  } catch (e) {
    return null;
  }
}

function write(key, o) {
  try {
    localStorage.setItem(key, JSON.stringify(o));
  } catch (e) { /* private mode or full: it lasts for the visit */ }
}

// The user's own scenario: the last text they typed that is not a preset as
// it ships, kept across visits. `active` says whether it was what the editor
// showed last (then the page opens it again).
export const scratch = {
  get() {
    const o = read(SCRATCH);
    return o && typeof o.text === 'string' ? o : null;
  },
  save(text, active = true) {
    write(SCRATCH, { text, active, at: Date.now() });
  },
  setActive(active) {
    const o = this.get();
    if (o && o.active !== active) write(SCRATCH, { ...o, active });
  },
};

export const prefs = {
  all() { return { shortcuts: true, presenter: false, split: 0, ...(read(PREFS) || {}) }; },
  get(k) { return this.all()[k]; },
  set(k, v) { write(PREFS, { ...this.all(), [k]: v }); },
};

// presenter turns presenter mode on or off: large type, one screen at
// 1024x768, the keyboard help and the footer out of the way.
export function presenter(on, button) {
  document.body.classList.toggle('presenter', on);
  if (button) button.setAttribute('aria-pressed', String(on));
  prefs.set('presenter', on);
}

// splitter makes el (role=separator) resize the grid layout's first column:
// by dragging, or with the arrow keys (Home and End for the limits) when it
// has the focus. The split is kept in the preferences.
export function splitter(el, layout, onResize) {
  const min = 22, max = 70;
  const apply = (pct) => {
    pct = Math.max(min, Math.min(max, Math.round(pct)));
    layout.style.setProperty('--split', pct + '%');
    el.setAttribute('aria-valuenow', String(pct));
    el.setAttribute('aria-valuetext', 'editor ' + pct + '% of the width');
    prefs.set('split', pct);
    if (onResize) onResize();
    return pct;
  };
  const current = () => Number(el.getAttribute('aria-valuenow')) || 34;
  el.setAttribute('aria-valuemin', String(min));
  el.setAttribute('aria-valuemax', String(max));
  const saved = prefs.get('split');
  if (saved) apply(saved); else el.setAttribute('aria-valuenow', '34');
  el.addEventListener('pointerdown', (e) => {
    e.preventDefault();
    el.setPointerCapture(e.pointerId);
    const box = layout.getBoundingClientRect();
    const move = (ev) => apply(100 * (ev.clientX - box.left) / box.width);
    const up = () => { el.removeEventListener('pointermove', move); el.removeEventListener('pointerup', up); };
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', up);
  });
  el.addEventListener('keydown', (e) => {
    const step = e.shiftKey ? 10 : 2;
    const to = { ArrowLeft: current() - step, ArrowRight: current() + step, Home: min, End: max }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    e.stopPropagation();
    apply(to);
  });
  el.addEventListener('dblclick', () => apply(34));
}

// guardShortcuts turns the page's single-key shortcuts off while isOn()
// says so (WCAG 2.1.4): a key of one character pressed outside a field or
// the editor stops at the document, before any shortcut handler (the
// results component's or the page's) sees it. Its default action (a space
// on a button) still happens.
export function guardShortcuts(isOn) {
  document.addEventListener('keydown', (e) => {
    if (isOn() || e.key.length !== 1 || e.ctrlKey || e.metaKey || e.altKey) return;
    const el = (e.composedPath && e.composedPath()[0]) || e.target;
    if (el instanceof Element && el.closest('dialog, textarea, input, select, [contenteditable], .cm-editor')) return;
    e.stopPropagation();
  }, true);
}
