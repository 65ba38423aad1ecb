import { h, clear, replace } from './dom.js';

// Editor is the scenario textarea with a line-number gutter and a backdrop
// that highlights the lines (and spans) the diagnostics point at. The
// backdrop holds the same text as the textarea, drawn invisibly, so marks
// line up with the characters above them.
export class Editor {
  constructor({ textarea, gutter, backdrop, list, onChange }) {
    this.ta = textarea;
    this.gutter = gutter;
    this.backdrop = backdrop;
    this.list = list;
    this.diags = [];
    this.lines = 0;
    this.ta.addEventListener('input', () => {
      this.paint();
      onChange(this.ta.value);
    });
    this.ta.addEventListener('scroll', () => this.syncScroll());
  }

  get value() { return this.ta.value; }

  set value(text) {
    this.ta.value = text;
    this.diags = [];
    this.paint();
  }

  syncScroll() {
    this.backdrop.scrollTop = this.ta.scrollTop;
    this.backdrop.scrollLeft = this.ta.scrollLeft;
    this.gutter.scrollTop = this.ta.scrollTop;
  }

  // setDiagnostics shows diagnostics [{line, col, endCol, message}] under
  // the editor and marks them in the text.
  setDiagnostics(diags) {
    this.diags = diags || [];
    this.paint();
    clear(this.list);
    for (const d of this.diags) {
      const at = d.line + ':' + d.col;
      this.list.appendChild(h('li', null,
        h('button', {
          type: 'button', className: 'diag-at', title: 'Go to line ' + d.line + ', column ' + d.col,
          onclick: () => this.goTo(d.line, d.col),
        }, at),
        ' ', d.message));
    }
    this.list.hidden = this.diags.length === 0;
    this.ta.setAttribute('aria-invalid', this.diags.length ? 'true' : 'false');
  }

  // goTo puts the caret at a 1-based line and column (in characters).
  goTo(line, col) {
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

  // highlightLine marks the scenario line of the current step.
  highlightLine(line) {
    this.currentLine = line;
    this.paint();
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
    this.syncScroll();
  }
}
