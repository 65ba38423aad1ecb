import { h, clear, replace } from './dom.js';

// Editor is the scenario editor. It starts as a textarea with a line-number
// gutter and a backdrop that marks the lines the diagnostics point at, so
// the page is usable at its first paint; then upgrade() loads the CodeMirror
// bundle (cm.js: highlighting, completion, hover help, one-click fixes) and
// swaps it in, keeping the text, the caret and the focus. The API is the
// same in both: value, setDiagnostics, highlightLine, goTo.
export class Editor {
  constructor({ textarea, gutter, backdrop, list, onChange, onLine }) {
    this.ta = textarea;
    this.gutter = gutter;
    this.backdrop = backdrop;
    this.list = list;
    this.onChange = onChange;
    this.onLine = onLine || (() => {});
    this.diags = [];
    this.lines = 0;
    this.cm = null;
    this.ta.addEventListener('input', () => {
      if (this.cm) return;
      this.paint();
      onChange(this.ta.value);
    });
    this.ta.addEventListener('scroll', () => this.syncScroll());
    // Clicking a line selects its step, as in the upgraded editor.
    // And so does the caret moved to another line with the keyboard.
    const lineOf = () => this.ta.value.slice(0, this.ta.selectionStart).split('\n').length;
    let caretLine = 0;
    this.ta.addEventListener('click', () => {
      if (this.cm || this.ta.selectionStart !== this.ta.selectionEnd) return;
      this.onLine(caretLine = lineOf());
    });
    this.ta.addEventListener('keyup', (e) => {
      if (this.cm || !/^(Arrow(Up|Down)|Page(Up|Down)|Home|End)$/.test(e.key) || this.ta.selectionStart !== this.ta.selectionEnd) return;
      const n = lineOf();
      if (n !== caretLine) this.onLine(caretLine = n);
    });
  }

  get value() { return this.cm ? this.cm.value : this.ta.value; }

  // Setting the value replaces the text as one undoable change in the
  // upgraded editor (Ctrl+Z brings back what was there).
  set value(text) {
    if (this.cm) {
      this.cm.set(text);
      return;
    }
    this.ta.value = text;
    this.diags = [];
    this.paint();
  }

  // upgrade loads the CodeMirror bundle and the simulator's tables, then
  // mounts it in place of the textarea. It resolves when the editor is
  // CodeMirror (or stays a textarea when the bundle cannot load).
  async upgrade(script, languageURL) {
    if (this.cm || !script) return;
    let lang = null;
    try {
      const [, l] = await Promise.all([loadScript(script), languageURL ? fetch(languageURL).then((r) => r.json()) : null]);
      lang = l;
    } catch (err) {
      return; // the textarea works on
    }
    const api = self.pagesimCodeMirror;
    if (!api) return;
    const focused = document.activeElement === this.ta;
    const selection = { anchor: this.ta.selectionStart, head: this.ta.selectionEnd };
    const host = this.ta.closest('.editor');
    const text = this.ta.value;
    const label = this.ta.getAttribute('aria-label');
    const describedBy = this.ta.getAttribute('aria-describedby');
    clear(host);
    host.classList.add('cm');
    this.cm = api.create(host, {
      doc: text,
      selection: selection.anchor <= text.length ? selection : undefined,
      lang, label, describedBy,
      onChange: (t) => this.onChange(t),
      onLine: (n) => this.onLine(n),
    });
    // Scripts and tests that treat #scenario as a text field keep working.
    const dom = this.cm.view.contentDOM;
    const cm = this.cm;
    Object.defineProperties(dom, {
      value: { get: () => cm.value, set: (v) => cm.set(v, { silent: false }) },
      selectionStart: { get: () => Math.min(cm.selection.anchor, cm.selection.head) },
      selectionEnd: { get: () => Math.max(cm.selection.anchor, cm.selection.head) },
      setSelectionRange: { value: (a, b) => cm.setSelection(a, b) },
    });
    this.ta = dom;
    if (this.diags.length) this.cm.diagnostics(this.diags);
    if (this.currentLine) this.cm.stepLine(this.currentLine);
    if (focused) this.cm.focus();
    document.body.dataset.editor = 'codemirror';
  }

  syncScroll() {
    if (this.cm) return;
    this.backdrop.scrollTop = this.ta.scrollTop;
    this.backdrop.scrollLeft = this.ta.scrollLeft;
    this.gutter.scrollTop = this.ta.scrollTop;
  }

  // setDiagnostics shows diagnostics [{line, col, endCol, message,
  // severity?, fix?}], every one at once: marked in the text and listed under
  // the editor, a suggestion as a button that applies it.
  setDiagnostics(diags) {
    // None shown and none to show: nothing to do (in CodeMirror, even an
    // empty update of a 20,000-line document costs a frame).
    if (!this.diags.length && !(diags && diags.length) && this.list.hidden && this.ta.getAttribute('aria-invalid') === 'false') return;
    this.diags = diags || [];
    if (this.cm) this.cm.diagnostics(this.diags);
    else this.paint();
    clear(this.list);
    const errors = this.diags.filter((d) => d.severity !== 'warning').length;
    for (const d of this.diags) {
      const warn = d.severity === 'warning';
      const at = d.line > 0 ? d.line + ':' + d.col : '';
      this.list.appendChild(h('li', { className: warn ? 'warning' : 'error' },
        h('span', { className: 'sev' }, warn ? 'warning' : 'error'), ' ',
        at ? h('button', {
          type: 'button', className: 'diag-at', title: 'Go to line ' + d.line + ', column ' + d.col,
          onclick: () => this.goTo(d.line, d.col),
        }, at) : null,
        ' ', d.message,
        d.fix ? [' ', h('button', { type: 'button', className: 'diag-fix', onclick: () => this.applyFix(d) }, 'Use “' + d.fix + '”')] : null));
    }
    this.list.hidden = this.diags.length === 0;
    this.list.setAttribute('aria-label', errors ? 'Problems in the scenario' : 'Warnings about the scenario');
    this.ta.setAttribute('aria-invalid', errors ? 'true' : 'false');
  }

  // applyFix replaces a diagnostic's span with its suggestion: an edit like
  // any other (it runs, and Ctrl+Z takes it back).
  applyFix(d) {
    if (!d.fix) return;
    if (this.cm) {
      this.cm.fix(d);
      return;
    }
    const lines = this.ta.value.split('\n');
    const chars = Array.from(lines[d.line - 1] || '');
    chars.splice(d.col - 1, Math.max(0, d.endCol - d.col), d.fix);
    lines[d.line - 1] = chars.join('');
    this.ta.value = lines.join('\n');
    this.paint();
    this.onChange(this.ta.value);
    this.goTo(d.line, d.col + Array.from(d.fix).length);
  }

  // goTo puts the caret at a 1-based line and column (in characters).
  goTo(line, col) {
    if (this.cm) {
      this.cm.goTo(line, col);
      return;
    }
    const lines = this.ta.value.split('\n');
    let off = 0;
    for (let i = 0; i < line - 1 && i < lines.length; i++) off += lines[i].length + 1;
    off += Math.max(0, col - 1);
    this.ta.focus();
    this.ta.setSelectionRange(off, off);
    const lh = parseFloat(getComputedStyle(this.ta).lineHeight) || 20;
    this.ta.scrollTop = Math.max(0, (line - 3) * lh);
    this.syncScroll();
  }

  focus() { if (this.cm) this.cm.focus(); else this.ta.focus(); }

  // highlightLine marks the scenario line of the current step.
  highlightLine(line) {
    this.currentLine = line;
    if (this.cm) this.cm.stepLine(line);
    else this.paint();
  }

  paint() {
    const text = this.ta.value;
    const lines = text.split('\n');
    if (lines.length !== this.lines) {
      this.lines = lines.length;
      let g = '';
      for (let i = 1; i <= lines.length; i++) g += i + '\n';
      this.gutter.textContent = g;
    }
    const byLine = new Map();
    for (const d of this.diags) {
      if (!byLine.has(d.line)) byLine.set(d.line, []);
      byLine.get(d.line).push(d);
    }
    const frag = document.createDocumentFragment();
    const marked = new Set(byLine.keys());
    if (this.currentLine) marked.add(this.currentLine);
    // Only marked lines need elements; the others are plain text runs.
    let plain = '';
    const flush = () => { if (plain) { frag.appendChild(document.createTextNode(plain)); plain = ''; } };
    for (let i = 0; i < lines.length; i++) {
      const n = i + 1;
      const s = lines[i];
      const nl = i < lines.length - 1 ? '\n' : '';
      if (!marked.has(n)) { plain += s + nl; continue; }
      flush();
      const ds = byLine.get(n);
      const cls = ds ? 'line err' : 'line current';
      const el = h('span', { className: cls });
      if (ds) {
        // Mark the first diagnostic's span within the line (characters, not bytes).
        const chars = Array.from(s);
        const d = ds[0];
        const a = Math.min(chars.length, Math.max(0, d.col - 1));
        const b = Math.min(chars.length, Math.max(a + 1, (d.endCol > d.col ? d.endCol : d.col + 1) - 1));
        el.append(chars.slice(0, a).join(''), h('mark', null, chars.slice(a, b).join('') || ' '), chars.slice(b).join(''));
      } else {
        el.append(s);
      }
      frag.appendChild(el);
      if (nl) frag.appendChild(document.createTextNode(nl));
    }
    flush();
    // A trailing newline in a textarea shows an empty last line; keep the
    // backdrop as tall.
    frag.appendChild(document.createTextNode('\n'));
    replace(this.backdrop, frag);
    // In the next frame: reading the textarea's scroll position now would
    // force a layout of the page in the middle of its setup.
    if (!this.syncFrame) this.syncFrame = requestAnimationFrame(() => { this.syncFrame = 0; this.syncScroll(); });
  }
}

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = src;
    s.async = true;
    s.onload = resolve;
    s.onerror = () => reject(new Error('cannot load ' + src));
    document.head.appendChild(s);
  });
}
