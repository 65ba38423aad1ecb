// Workshop lessons: the presets in order, each with what to notice, a
// question, and (hidden until asked) a hint and a change to try. A
// challenge states its invariants (the lines it keeps, the checks that
// decide it); the simulator checks them against the run (sim.CheckChallenge),
// so deleting the premise or the expect lines does not pass it. This file
// only shows what the simulator reports: no paging logic here. Progress
// stays in localStorage and can be reset or exported.
import { h, replace } from './dom.js';

const KEY = 'pagesim.lessons.v1';

function load() {
  try {
    const o = JSON.parse(localStorage.getItem(KEY) || '{}');
    return o && typeof o === 'object' && !Array.isArray(o) ? o : {};
  } catch (e) {
    return {};
  }
}

function save(progress) {
  try {
    localStorage.setItem(KEY, JSON.stringify(progress));
  } catch (e) { /* private mode: progress lasts for the visit */ }
}

export class Lessons {
  // check(preset, text) resolves to the challenge's checks [{text, met, why}]
  // or to {error, diagnostics} when the scenario does not run; the preset
  // (from start.json) carries the lines the simulator checks, keep and expect.
  constructor(el, { onOpen, onClose, check, download }) {
    this.el = el;
    this.onOpen = onOpen;
    this.onClose = onClose;
    this.check = check;
    this.download = download;
    this.presets = [];
    this.current = null;
    this.progress = load();
    this.checks = undefined; // undefined: not checked yet; null: the scenario has problems
    this.seq = 0;
    this.shown = {}; // which of hint and answer were asked for, per lesson
  }

  setPresets(presets) { this.presets = presets; }

  get lesson() { return this.presets.find((p) => p.name === this.current) || null; }

  open(name) {
    if (this.current !== name) this.checks = undefined;
    this.current = name;
    this.render();
  }

  close() {
    this.current = null;
    this.el.hidden = true;
    this.onClose();
  }

  // showResult takes the result of the editor's text (null for problems)
  // and the text; a challenge then asks the simulator for its checks.
  async showResult(trace, text) {
    const p = this.lesson;
    if (!p) return;
    if (!p.challenge) { this.render(); return; }
    const seq = ++this.seq;
    let cs = null;
    if (trace && this.check && typeof text === 'string') {
      try {
        const res = await this.check(p, text);
        cs = Array.isArray(res) ? res : null;
      } catch (e) {
        cs = null;
      }
    }
    if (seq !== this.seq || this.current !== p.name) return;
    this.checks = cs;
    if (this.passed() && this.progress[p.name] !== 'passed') {
      this.progress[p.name] = 'passed';
      save(this.progress);
    }
    this.render();
  }

  // passed: every check met, and there is at least one (a challenge with no
  // checks is never passed, and never shown as failing either).
  passed() {
    return Array.isArray(this.checks) && this.checks.length > 0 && this.checks.every((c) => c.met);
  }

  done() {
    const p = this.lesson;
    if (!p) return;
    this.progress[p.name] = this.progress[p.name] ? undefined : 'done';
    if (!this.progress[p.name]) delete this.progress[p.name];
    save(this.progress);
    this.render();
  }

  resetProgress() {
    if (!confirm('Forget which lessons are done and which challenges passed?')) return;
    this.progress = {};
    save(this.progress);
    this.render();
  }

  exportProgress() {
    const rows = this.presets.map((p) => ({ lesson: p.name, title: p.title || p.name, challenge: !!p.challenge, status: this.progress[p.name] || 'not yet' }));
    const out = { exported: new Date().toISOString(), done: rows.filter((r) => r.status !== 'not yet').length, of: rows.length, lessons: rows };
    if (this.download) this.download('lessons-progress.json', 'application/json', JSON.stringify(out, null, 2) + '\n');
  }

  verdict(p) {
    const cs = this.checks;
    if (cs === undefined) return { cls: 'pending', text: 'Checking…' };
    if (cs === null) return { cls: 'unmet', text: 'Fix the problems in the scenario to check it.' };
    if (!cs.length) return { cls: 'pending', text: 'This challenge has no checks to run.' };
    if (this.passed()) return { cls: 'met', text: '✓ Challenge passed: all ' + cs.length + ' checks are met.' };
    const bad = cs.filter((c) => !c.met).length;
    return { cls: 'unmet', text: 'Not yet: ' + bad + ' of ' + cs.length + ' checks unmet.' };
  }

  reveal(p, what, label, body) {
    if (!body) return null;
    const key = p.name + ':' + what;
    return h('details', {
      className: 'lesson-reveal', open: !!this.shown[key],
      ontoggle: (e) => { this.shown[key] = e.target.open; },
    }, h('summary', null, label), h('p', null, body));
  }

  render() {
    const p = this.lesson;
    if (!p) { this.el.hidden = true; return; }
    const i = this.presets.indexOf(p);
    const n = this.presets.length;
    const finished = this.presets.filter((q) => this.progress[q.name]).length;
    const status = this.progress[p.name];
    const move = (d) => { const q = this.presets[i + d]; if (q) this.onOpen(q.name); };
    let check = null;
    if (p.challenge) {
      const v = this.verdict(p);
      check = h('div', { className: 'lesson-check ' + v.cls, role: 'status', dataset: { passed: String(this.passed()) } },
        h('strong', null, v.text),
        Array.isArray(this.checks) && this.checks.length
          ? h('ul', { className: 'lesson-checks' }, this.checks.map((c) => h('li', { className: c.met ? 'met' : 'unmet', dataset: { met: String(c.met) } },
            c.met ? '✓ ' : '✗ ', h('code', null, c.text), c.why ? ' — ' + c.why : '')))
          : null);
    }
    replace(this.el,
      h('div', { className: 'lesson-head' },
        h('strong', null, 'Lesson ' + (i + 1) + ' of ' + n + ': '), p.title || p.name,
        h('span', { className: 'muted lesson-progress' }, ' · ' + finished + ' of ' + n + ' done')),
      p.challenge ? h('p', { className: 'lesson-goal' }, h('strong', null, 'Goal: '), p.challenge) : null,
      p.challenge && ((p.keep || []).length || (p.expect || []).length)
        ? h('p', { className: 'lesson-rules' }, h('strong', null, 'The rules: '),
          (p.keep || []).length ? ['keep ', (p.keep || []).map((k, j) => [j ? ', ' : '', h('code', null, k)]), ' and change the list no other way; '] : null,
          'the challenge passes when ', (p.expect || []).map((x, j) => [j ? ' and ' : '', h('code', null, 'expect ' + x)]),
          ' hold, whatever the scenario\'s own expect lines say.')
        : null,
      p.notice ? h('p', null, h('strong', null, 'What to notice: '), p.notice) : null,
      p.question ? h('p', null, h('strong', null, 'Question: '), p.question) : null,
      this.reveal(p, 'hint', 'Show a hint', p.hint),
      this.reveal(p, 'try', p.challenge ? 'Show the answer' : 'Show a change to try', p.try),
      check,
      h('div', { className: 'lesson-buttons' },
        h('button', { type: 'button', disabled: i <= 0, onclick: () => move(-1) }, '‹ Previous'),
        p.challenge ? null : h('button', { type: 'button', 'aria-pressed': String(status === 'done'), onclick: () => this.done() }, status === 'done' ? '✓ Done' : 'Mark as done'),
        p.challenge && status === 'passed' ? h('span', { className: 'ok' }, '✓ passed before') : null,
        h('button', { type: 'button', disabled: i >= n - 1, onclick: () => move(1) }, 'Next ›'),
        h('button', { type: 'button', onclick: () => this.close() }, 'Close'),
        h('details', { className: 'lesson-more' },
          h('summary', null, 'Progress'),
          h('div', { className: 'lesson-more-body' },
            h('button', { type: 'button', onclick: () => this.exportProgress() }, 'Export progress'),
            h('button', { type: 'button', onclick: () => this.resetProgress() }, 'Reset progress')))));
    this.el.hidden = false;
  }
}
