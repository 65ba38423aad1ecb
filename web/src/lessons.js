// Workshop lessons: the presets in order, each with what to notice, a
// question and a change to try; challenges carry `expect` lines the
// simulator checks. This file only shows what the simulator reports: no
// paging logic here. Progress stays in localStorage.
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
  constructor(el, { onOpen, onClose }) {
    this.el = el;
    this.onOpen = onOpen;
    this.onClose = onClose;
    this.presets = [];
    this.current = null;
    this.progress = load();
    this.lastMet = null;
  }

  setPresets(presets) { this.presets = presets; }

  get lesson() { return this.presets.find((p) => p.name === this.current) || null; }

  open(name) {
    this.current = name;
    this.lastMet = null;
    this.render();
  }

  close() {
    this.current = null;
    this.el.hidden = true;
    this.onClose();
  }

  // showResult takes the trace of the editor's text (or null for problems).
  showResult(trace) {
    const p = this.lesson;
    if (!p) return;
    const xs = trace ? trace.expectations || [] : null;
    this.lastMet = xs;
    if (p.challenge && xs && xs.length && xs.every((x) => x.met) && this.progress[p.name] !== 'passed') {
      this.progress[p.name] = 'passed';
      save(this.progress);
    }
    this.render();
  }

  done() {
    const p = this.lesson;
    if (!p) return;
    this.progress[p.name] = this.progress[p.name] ? undefined : 'done';
    if (!this.progress[p.name]) delete this.progress[p.name];
    save(this.progress);
    this.render();
  }

  render() {
    const p = this.lesson;
    if (!p) { this.el.hidden = true; return; }
    const i = this.presets.indexOf(p);
    const n = this.presets.length;
    const finished = this.presets.filter((q) => this.progress[q.name]).length;
    const status = this.progress[p.name];
    const xs = this.lastMet;
    const passed = p.challenge && xs && xs.length && xs.every((x) => x.met);
    const move = (d) => { const q = this.presets[i + d]; if (q) this.onOpen(q.name); };
    replace(this.el,
      h('div', { className: 'lesson-head' },
        h('strong', null, 'Lesson ' + (i + 1) + ' of ' + n + ': '), p.title || p.name,
        h('span', { className: 'muted lesson-progress' }, ' · ' + finished + ' of ' + n + ' done')),
      p.challenge ? h('p', { className: 'lesson-goal' }, h('strong', null, 'Goal: '), p.challenge) : null,
      p.notice ? h('p', null, h('strong', null, 'What to notice: '), p.notice) : null,
      p.question ? h('p', null, h('strong', null, 'Question: '), p.question) : null,
      p.try ? h('p', null, h('strong', null, 'Try this: '), p.try) : null,
      p.challenge ? h('div', { className: 'lesson-check ' + (passed ? 'met' : 'unmet'), role: 'status', dataset: { passed: String(!!passed) } },
        xs === null ? 'Fix the problems in the scenario to check it.'
          : passed ? '✓ Challenge passed: every check is met.'
            : '✗ Not yet: ' + xs.filter((x) => !x.met).length + ' of ' + xs.length + ' checks unmet (see the checks above the results).') : null,
      h('div', { className: 'lesson-buttons' },
        h('button', { type: 'button', disabled: i <= 0, onclick: () => move(-1) }, '‹ Previous lesson'),
        p.challenge ? null : h('button', { type: 'button', 'aria-pressed': String(status === 'done'), onclick: () => this.done() }, status === 'done' ? '✓ Done' : 'Mark as done'),
        p.challenge && status === 'passed' ? h('span', { className: 'ok' }, '✓ passed before') : null,
        h('button', { type: 'button', disabled: i >= n - 1, onclick: () => move(1) }, 'Next lesson ›'),
        h('button', { type: 'button', onclick: () => this.close() }, 'Close')));
    this.el.hidden = false;
  }
}
