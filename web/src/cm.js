// The scenario editor: CodeMirror 6 with the scenario language. This is its
// own bundle, loaded after the page's first paint (editor.js starts with a
// plain textarea and swaps this in, keeping the text, the caret and the
// focus). Every word it completes or explains comes from the simulator's own
// tables (language.json, written at build time by sim.LanguageJSON): this
// file lists no keyword, profile, option or parameter of its own.
import { EditorState, StateField, StateEffect, Annotation, Transaction } from '@codemirror/state';
import {
  EditorView, keymap, lineNumbers, drawSelection, highlightActiveLine, highlightActiveLineGutter,
  Decoration, hoverTooltip,
} from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, undo, redo, isolateHistory } from '@codemirror/commands';
import { StreamLanguage, syntaxHighlighting, HighlightStyle } from '@codemirror/language';
import { autocompletion, completionKeymap, startCompletion } from '@codemirror/autocomplete';
import { setDiagnostics, lintKeymap } from '@codemirror/lint';
import { tags as t } from '@lezer/highlight';
import { StyleModule } from 'style-mod';

// CodeMirror writes its styles with style-mod, which puts a <style> element
// in a document's head: the page's Content-Security-Policy (style-src
// 'self') refuses it. A constructed stylesheet (adoptedStyleSheets) is not
// inline style, and style-mod uses one for a root without a head; so the
// document is handed to it as such a root.
if (document.adoptedStyleSheets && self.CSSStyleSheet) {
  const asRoot = {
    ownerDocument: document,
    get adoptedStyleSheets() { return document.adoptedStyleSheets; },
    set adoptedStyleSheets(v) { document.adoptedStyleSheets = v; },
  };
  const mount = StyleModule.mount;
  StyleModule.mount = (root, modules, options) => mount.call(StyleModule, root === document ? asRoot : root, modules, options);
}

// ---- the language ------------------------------------------------------------

// Words of a line, with where they start: [{text, from}].
function words(s) {
  const out = [];
  const re = /\S+/g;
  let m;
  while ((m = re.exec(s))) out.push({ text: m[0], from: m.index });
  return out;
}

// commentAt: where a comment starts in a line (a # at the start or after a blank).
function commentAt(s) {
  for (let i = 0; i < s.length; i++) if (s[i] === '#' && (i === 0 || s[i - 1] === ' ' || s[i - 1] === '\t')) return i;
  return s.length;
}

function scenarioLanguage(lang) {
  const setup = new Set(lang.setup.map((w) => w.word));
  const steps = new Set(lang.steps.map((w) => w.word));
  const methods = new Set(lang.methods);
  return StreamLanguage.define({
    name: 'scenario',
    startState: () => ({ head: '', url: false, json: 0 }),
    copyState: (s) => ({ ...s }),
    token(stream, st) {
      if (stream.sol()) { st.head = ''; st.url = false; st.first = true; if (!st.json) st.json = 0; }
      if (stream.eatSpace()) return null;
      const ch = stream.peek();
      const prev = stream.pos > 0 ? stream.string[stream.pos - 1] : ' ';
      if (ch === '#' && (prev === ' ' || prev === '\t' || stream.pos === 0) && !(st.json && st.inString)) {
        stream.skipToEnd();
        return 'comment';
      }
      // JSON bodies: on a request line or on lines of their own.
      if (st.json || (st.first && (ch === '{' || ch === '[')) || (st.head === 'request' && !st.url && (ch === '{' || ch === '['))) {
        st.first = false;
        if (stream.match(/^"(?:[^"\\]|\\.)*"?/)) {
          return /^\s*:/.test(stream.string.slice(stream.pos)) ? 'propertyName' : 'string';
        }
        if (stream.match(/^-?\d+(\.\d+)?([eE][+-]?\d+)?/)) return 'number';
        if (stream.match(/^(true|false|null)\b/)) return 'atom';
        const c = stream.next();
        if (c === '{' || c === '[') st.json++;
        else if (c === '}' || c === ']') st.json = Math.max(0, st.json - 1);
        return 'punctuation';
      }
      if (st.first) {
        st.first = false;
        if (ch === '@') { stream.match(/^\S+/); st.first = true; return 'variableName'; }
        // A header line: `Name: value` under a request.
        const hdr = stream.match(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+(?=:(?!\/\/))/);
        if (hdr && stream.string.slice(0, stream.pos - hdr[0].length).trim() === '') {
          st.head = 'headerline';
          return 'attributeName';
        }
        const w = stream.match(/^\S+/)[0];
        if (methods.has(w)) { st.head = 'request'; st.url = true; return 'typeName'; }
        if (setup.has(w) || steps.has(w) || w === 'expect') { st.head = w; return 'keyword'; }
        return null;
      }
      if (st.head === 'headerline') { stream.skipToEnd(); return 'string'; }
      if (st.head === 'request' && st.url) {
        // The target: path, then ?name=value&... with names highlighted.
        if (ch === '?' || ch === '&') { stream.next(); st.q = true; return 'operator'; }
        if (st.q && stream.match(/^[^=&#\s]+(?==)/)) return 'propertyName';
        if (ch === '=') { stream.next(); return 'operator'; }
        if (stream.match(/^[^?&=\s]+/)) {
          if (/\s/.test(stream.peek() || ' ')) { st.url = false; st.q = false; }
          return 'string';
        }
        stream.next();
        return null;
      }
      if (st.head === 'header') { stream.skipToEnd(); return 'string'; }
      if (st.head === 'profile') {
        if (stream.match(/^[\w-]+(?==)/)) return 'propertyName';
        if (ch === '=') { stream.next(); return 'operator'; }
        if (stream.match(/^\d[\d_]*/)) return 'number';
        stream.match(/^\S+/);
        return 'className';
      }
      if (stream.match(/^-?\d[\d_]*(\.\.\d[\d_]*)?[kmb]?(?=\s|$|,|\/)/)) return 'number';
      if (stream.match(/^(<=|>=|<|>|=)/)) return 'operator';
      stream.match(/^[^\s,/]+/) || stream.next();
      return 'atom';
    },
    languageData: { commentTokens: { line: '#' } },
  });
}

const highlight = HighlightStyle.define([
  { tag: t.keyword, color: 'var(--cm-keyword)', fontWeight: '600' },
  { tag: t.typeName, color: 'var(--cm-method)', fontWeight: '600' },
  { tag: t.comment, color: 'var(--muted)', fontStyle: 'italic' },
  { tag: t.string, color: 'var(--cm-string)' },
  { tag: t.number, color: 'var(--cm-number)' },
  { tag: t.propertyName, color: 'var(--cm-prop)' },
  { tag: t.attributeName, color: 'var(--cm-prop)' },
  { tag: t.className, color: 'var(--cm-profile)', fontWeight: '600' },
  { tag: t.variableName, color: 'var(--cm-client)' },
  { tag: t.atom, color: 'var(--cm-atom)' },
  { tag: t.operator, color: 'var(--muted)' },
]);

// ---- what a position is in ---------------------------------------------------

// profileOf: the profile the scenario names (its `profile` line), else offset.
function profileOf(state, lang) {
  for (let i = 1; i <= Math.min(state.doc.lines, 200); i++) {
    const m = /^\s*profile\s+(\S+)/.exec(state.doc.line(i).text);
    if (m) return lang.profiles.find((p) => p.name === m[1]) || null;
  }
  return lang.profiles.find((p) => p.name === 'offset') || null;
}

// requestAbove: whether line n continues a request (header or body lines).
function underRequest(state, n, methods) {
  for (let i = n - 1; i >= 1; i--) {
    const s = state.doc.line(i).text;
    if (!s.trim()) return false;
    const w = words(s)[0].text;
    if (w.startsWith('#')) continue;
    if (/^\s/.test(s)) continue; // another header or body line
    return methods.has(w) || (w.startsWith('@') && methods.has((words(s)[1] || {}).text));
  }
  return false;
}

function optionInfo(o) {
  const range = o.enum ? 'one of ' + o.enum.join(', ') : (o.min || o.max) ? 'from ' + o.min + ' to ' + o.max : '';
  return [o.help, 'Default ' + o.default + (range ? '; ' + range : '') + '.'].filter(Boolean).join(' ');
}

// ---- completion ----------------------------------------------------------------

// completions offers what fits where the caret is. A word typed out in full
// closes the list, so that Enter after `walk` starts a new line instead of
// accepting `walk` again.
function completions(lang) {
  const source = completionSource(lang);
  return (ctx) => {
    const r = source(ctx);
    if (!r || ctx.explicit) return r;
    const typed = ctx.state.sliceDoc(r.from, ctx.pos);
    if (!typed || r.options.some((o) => o.label === typed)) return null;
    return r;
  };
}

function completionSource(lang) {
  const methods = new Set(lang.methods);
  const keywordOptions = (withClient) => {
    const out = [];
    for (const k of lang.setup) if (!withClient) out.push({ label: k.word, type: 'keyword', detail: k.syntax, info: k.help, boost: 1 });
    for (const k of lang.steps) if (!withClient || /\[@client\]/.test(k.syntax)) out.push({ label: k.word, type: 'keyword', detail: k.syntax, info: k.help, boost: 2 });
    if (!withClient) out.push({ label: 'expect', type: 'keyword', detail: lang.expect.syntax, info: lang.expect.help });
    for (const m of lang.methods) out.push({ label: m, type: 'type', detail: m + ' /path?…', info: lang.methodHelp, apply: m + ' ' });
    return out;
  };
  return (ctx) => {
    const line = ctx.state.doc.lineAt(ctx.pos);
    const before = line.text.slice(0, ctx.pos - line.from);
    if (before.slice(0, commentAt(before)).length < before.length) return null; // in a comment
    const word = ctx.matchBefore(/[\w@.-]*/);
    const from = word ? word.from : ctx.pos;
    const prof = profileOf(ctx.state, lang);
    let m;
    // A JSON body member name.
    if ((m = /[{,]\s*"([\w-]*)$/.exec(before)) && prof) {
      return {
        from: ctx.pos - m[1].length,
        options: prof.body.map((b) => ({ label: b, type: 'property', detail: 'body field', info: 'a field of ' + prof.name + "'s request body" })),
      };
    }
    // A query parameter name.
    if ((m = /^\s*(@\S+\s+)?[A-Z]+\s+\S*[?&]([\w.-]*)$/.exec(before)) && prof) {
      const opts = prof.query.map((q) => {
        const o = prof.options.find((o) => o.name === q);
        return { label: q, type: 'property', detail: 'query parameter', info: o ? o.help : 'a parameter of ' + prof.name + "'s requests", apply: q + '=' };
      });
      return { from: ctx.pos - m[2].length, options: opts };
    }
    // The profile line.
    if ((m = /^\s*profile\s+(\S*)$/.exec(before))) {
      return { from: ctx.pos - m[1].length, options: lang.profiles.map((p) => ({ label: p.name, type: 'class', detail: p.vendor || 'generic', info: p.summary })) };
    }
    if ((m = /^\s*profile\s+(\S+)\s+(?:\S+\s+)*([\w-]+)=([\w-]*)$/.exec(before))) {
      const p = lang.profiles.find((p) => p.name === m[1]);
      const o = p && p.options.find((o) => o.name === m[2]);
      if (!o || !o.enum) return null;
      return { from: ctx.pos - m[3].length, options: o.enum.map((v) => ({ label: v, type: 'enum', info: o.help })) };
    }
    if ((m = /^\s*profile\s+(\S+)\s+(?:\S+\s+)*([\w-]*)$/.exec(before))) {
      const p = lang.profiles.find((p) => p.name === m[1]);
      if (!p) return null;
      return {
        from: ctx.pos - m[2].length,
        options: p.options.map((o) => ({ label: o.name, type: 'property', detail: '= ' + o.default, info: optionInfo(o), apply: o.name + '=' })),
      };
    }
    if ((m = /^\s*order\s+(\S*)$/.exec(before))) {
      return { from: ctx.pos - m[1].length, options: lang.orders.map((o) => ({ label: o, type: 'enum' })) };
    }
    if ((m = /^\s*expect\s+(\S*)$/.exec(before))) {
      return { from: ctx.pos - m[1].length, options: lang.expectations.map((x) => ({ label: x.word, type: 'keyword', info: x.help, apply: x.count ? x.word + ' ' : x.word })) };
    }
    if ((m = /^\s*expect\s+(\S+)\s+(\S*)$/.exec(before))) {
      const x = lang.expectations.find((x) => x.word === m[1]);
      if (!x || !x.count) return null;
      return { from: ctx.pos - m[2].length, options: lang.ops.map((o) => ({ label: o, type: 'operator', apply: o + ' ' })) };
    }
    // A header name, on an indented line under a request.
    if ((m = /^\s+([\w-]*)$/.exec(before)) && underRequest(ctx.state, line.number, methods) && prof) {
      if (!prof.headers.length) return null;
      return { from: ctx.pos - m[1].length, options: prof.headers.map((h) => ({ label: h, type: 'property', detail: 'header', apply: h + ': ' })) };
    }
    // The first word of a line.
    if ((m = /^\s*(@\S+\s+)?([\w-]*)$/.exec(before))) {
      if (!m[2] && !ctx.explicit) return null;
      return { from: ctx.pos - m[2].length, options: keywordOptions(!!m[1]) };
    }
    return from < ctx.pos || ctx.explicit ? null : null;
  };
}

// ---- hover help ------------------------------------------------------------------

function explain(lang, state, pos) {
  const line = state.doc.lineAt(pos);
  const text = line.text.slice(0, commentAt(line.text));
  const at = pos - line.from;
  if (at >= text.length) return null;
  const ws = words(text);
  const i = ws.findIndex((w) => at >= w.from && at < w.from + w.text.length);
  if (i < 0) return null;
  const w = ws[i];
  let head = 0;
  if (ws[0].text.startsWith('@')) head = 1;
  const first = ws[head] && ws[head].text;
  const span = (from, to, title, body) => ({ from: line.from + from, to: line.from + to, title, body });
  const kw = [...lang.setup, ...lang.steps, lang.expect].find((k) => k.word === w.text);
  if (i === head && kw) return span(w.from, w.from + w.text.length, kw.syntax, kw.help);
  if (i === head && lang.methods.includes(w.text)) return span(w.from, w.from + w.text.length, w.text, lang.methodHelp);
  if (i === 0 && w.text.startsWith('@')) return span(w.from, w.from + w.text.length, w.text, 'A named client, with its own headers, last response and walks.');
  if (first === 'profile' && i === head + 1) {
    const p = lang.profiles.find((p) => p.name === w.text);
    if (p) return span(w.from, w.from + w.text.length, p.name + (p.vendor ? ' · ' + p.vendor : ''), p.summary);
  }
  if (first === 'profile' && i > head + 1) {
    const p = lang.profiles.find((p) => p.name === ws[head + 1].text);
    const name = w.text.split('=')[0];
    const o = p && p.options.find((o) => o.name === name);
    if (o) return span(w.from, w.from + name.length, name + ' (option of ' + p.name + ')', optionInfo(o));
  }
  if (first === 'expect' && i === head + 1) {
    const x = lang.expectations.find((x) => x.word === w.text);
    if (x) return span(w.from, w.from + w.text.length, 'expect ' + x.word, x.help);
  }
  if (lang.methods.includes(first) && i === head + 1) {
    // A query parameter under the pointer.
    const re = /[?&]([^=&#\s]+)=?/g;
    let m;
    while ((m = re.exec(w.text))) {
      const a = w.from + m.index + 1;
      if (at >= a && at < a + m[1].length) {
        const prof = profileOf(state, lang);
        if (!prof) return null;
        const o = prof.options.find((o) => o.name === m[1]);
        const known = prof.query.includes(m[1]);
        return span(a, a + m[1].length, m[1],
          known ? 'A query parameter of ' + prof.name + "'s requests." + (o ? ' ' + optionInfo(o) : '')
            : prof.name + "'s requests do not use `" + m[1] + "`: it may be ignored or refused (see the results).");
      }
    }
  }
  return null;
}

// ---- the step line, diagnostics --------------------------------------------------

const setStepLine = StateEffect.define();
const stepLine = StateField.define({
  create: () => Decoration.none,
  update(deco, tr) {
    deco = deco.map(tr.changes);
    for (const e of tr.effects) {
      if (e.is(setStepLine)) {
        const n = e.value;
        deco = n >= 1 && n <= tr.state.doc.lines
          ? Decoration.set([Decoration.line({ class: 'cm-step-line' }).range(tr.state.doc.line(n).from)])
          : Decoration.none;
      }
    }
    return deco;
  },
  provide: (f) => EditorView.decorations.from(f),
});

// offsetOf turns a 1-based line and column in characters (code points, as
// the simulator counts) into a document offset.
export function offsetOf(doc, line, col) {
  if (!(line >= 1)) return 0;
  if (line > doc.lines) return doc.length;
  const l = doc.line(line);
  let i = 0;
  for (let c = 1; c < col && i < l.text.length; c++) i += l.text.codePointAt(i) > 0xffff ? 2 : 1;
  return l.from + i;
}

const external = Annotation.define(); // a change the page made (preset, lesson, link)

const theme = EditorView.theme({
  '&': { height: '100%', backgroundColor: 'var(--bg)', color: 'var(--fg)' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.55' },
  '.cm-content': { caretColor: 'var(--fg)', padding: '6px 0' },
  '.cm-gutters': { backgroundColor: 'var(--bg2)', color: 'var(--muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine': { backgroundColor: 'transparent' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--cur-line)' },
  '.cm-step-line': { backgroundColor: 'var(--cur-line)', boxShadow: 'inset 3px 0 0 var(--accent)' },
  '&.cm-focused .cm-cursor': { borderLeftColor: 'var(--fg)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: 'var(--cm-selection) !important' },
  '.cm-tooltip': { backgroundColor: 'var(--bg)', color: 'var(--fg)', border: '1px solid var(--border)', borderRadius: '6px', maxWidth: '420px' },
  '.cm-tooltip-autocomplete ul li[aria-selected]': { backgroundColor: 'var(--accent)', color: 'var(--bg)' },
  '.cm-completionDetail': { color: 'var(--muted)', fontStyle: 'normal', marginLeft: '0.8em' },
  '.cm-diagnostic-error': { borderLeft: '4px solid var(--bad)' },
  '.cm-diagnostic-warning': { borderLeft: '4px solid var(--warn)' },
  '.cm-lintRange-error': { backgroundImage: 'none', textDecoration: 'underline wavy var(--bad)', textUnderlineOffset: '3px' },
  '.cm-lintRange-warning': { backgroundImage: 'none', textDecoration: 'underline wavy var(--warn)', textUnderlineOffset: '3px' },
  '.cm-diagnosticAction': { backgroundColor: 'var(--accent)', color: 'var(--bg)', borderRadius: '4px', padding: '2px 8px' },
});

// create mounts an editor in parent. opts: {doc, selection, lang, label,
// describedBy, onChange(text), onLine(n), onKey}. It returns a small handle.
function create(parent, opts) {
  const lang = opts.lang;
  // The text as one string, made once per document: a 20,000-line scenario
  // takes milliseconds to join, and the page reads the text often.
  let joinedDoc = null;
  let joined = '';
  const docText = (doc) => {
    if (doc !== joinedDoc) { joinedDoc = doc; joined = doc.toString(); }
    return joined;
  };
  const extensions = [
    lineNumbers(),
    highlightActiveLineGutter(),
    highlightActiveLine(),
    drawSelection(),
    history(),
    stepLine,
    theme,
    EditorView.lineWrapping,
    EditorState.tabSize.of(2),
    // Tab is not captured: it moves the focus on, as in any form (no
    // keyboard trap); completion is accepted with Enter.
    keymap.of([...completionKeymap, ...lintKeymap, ...historyKeymap, ...defaultKeymap]),
    EditorView.contentAttributes.of({
      id: 'scenario', 'aria-label': opts.label || 'Scenario', 'aria-describedby': opts.describedBy || '',
      spellcheck: 'false', autocapitalize: 'off', autocorrect: 'off',
    }),
    EditorView.updateListener.of((u) => {
      if (u.docChanged && !u.transactions.every((tr) => tr.annotation(external))) opts.onChange(docText(u.state.doc));
      // The caret put on a line selects its step: by a click, or by the
      // keyboard when it reaches another line (moving along a line, or
      // typing, leaves the step as it is).
      if (u.selectionSet && !u.docChanged) {
        const sel = u.state.selection.main;
        const line = u.state.doc.lineAt(sel.head).number;
        const pointer = u.transactions.some((tr) => tr.isUserEvent('select.pointer'));
        const keys = !pointer && u.transactions.some((tr) => tr.isUserEvent('select'));
        if (sel.empty && (pointer || (keys && line !== u.startState.doc.lineAt(u.startState.selection.main.head).number))) opts.onLine(line);
      }
    }),
  ];
  if (lang) {
    extensions.push(
      scenarioLanguage(lang),
      syntaxHighlighting(highlight),
      autocompletion({ override: [completions(lang)], icons: false, activateOnTyping: true }),
      hoverTooltip((view, pos) => {
        const e = explain(lang, view.state, pos);
        if (!e) return null;
        return {
          pos: e.from, end: e.to, above: true,
          create() {
            const dom = document.createElement('div');
            dom.className = 'cm-help';
            const b = document.createElement('code');
            b.textContent = e.title;
            const p = document.createElement('p');
            p.textContent = e.body;
            dom.append(b, p);
            return { dom };
          },
        };
      }, { hoverTime: 250 }),
    );
  }
  const view = new EditorView({
    parent,
    state: EditorState.create({ doc: opts.doc || '', selection: opts.selection, extensions }),
  });
  return {
    view,
    get value() { return docText(view.state.doc); },
    // set replaces the text as one undoable change: Ctrl+Z brings back what
    // was there (the user's own scenario before a preset).
    set(text, { silent = true } = {}) {
      if (text === docText(view.state.doc)) return;
      // One undo step of its own, never merged with typing around it.
      const annotations = [isolateHistory.of('full')];
      if (silent) annotations.push(external.of(true));
      // Filling an empty editor is not an edit to undo.
      if (!view.state.doc.length) annotations.push(Transaction.addToHistory.of(false));
      view.dispatch({
        changes: { from: 0, to: view.state.doc.length, insert: text },
        selection: { anchor: 0 },
        annotations,
        scrollIntoView: true,
      });
    },
    diagnostics(list) {
      const doc = view.state.doc;
      const ds = list.map((d) => {
        const from = offsetOf(doc, d.line, d.col);
        let to = d.endCol > d.col ? offsetOf(doc, d.line, d.endCol) : from;
        if (to === from && from < doc.length && doc.lineAt(from).to > from) to = from + 1;
        const out = { from, to, severity: d.severity === 'warning' ? 'warning' : 'error', message: d.message };
        if (d.fix) {
          out.actions = [{ name: 'Use “' + d.fix + '”', apply: (v, a, b) => v.dispatch({ changes: { from: a, to: b, insert: d.fix }, userEvent: 'input.fix' }) }];
        }
        return out;
      });
      view.dispatch(setDiagnostics(view.state, ds));
    },
    // fix applies a diagnostic's suggestion.
    fix(d) {
      const doc = view.state.doc;
      const from = offsetOf(doc, d.line, d.col);
      const to = offsetOf(doc, d.line, d.endCol);
      view.dispatch({ changes: { from, to, insert: d.fix }, selection: { anchor: from + d.fix.length }, userEvent: 'input.fix' });
      view.focus();
    },
    stepLine(n) { view.dispatch({ effects: setStepLine.of(n || 0) }); },
    goTo(line, col) {
      const at = offsetOf(view.state.doc, line, col);
      view.dispatch({ selection: { anchor: at }, scrollIntoView: true });
      view.focus();
    },
    focus() { view.focus(); },
    undo() { return undo(view); },
    redo() { return redo(view); },
    complete() { return startCompletion(view); },
    get selection() { const s = view.state.selection.main; return { anchor: s.anchor, head: s.head }; },
    setSelection(a, b) { view.dispatch({ selection: { anchor: a, head: b === undefined ? a : b } }); },
  };
}

self.pagesimCodeMirror = { create };
self.dispatchEvent(new Event('pagesim-codemirror'));
