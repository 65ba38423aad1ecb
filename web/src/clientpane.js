// The client pane: JavaScript a user writes or pastes (a paging loop that
// calls fetch, as API docs print them) runs in a sandboxed worker
// (sandbox-worker.js), where every fetch becomes a request step of the
// simulator's live session (sim.Live through the simulator's worker): the
// scenario's mutations and streams happen on its clock between the client's
// requests, and the walk verdict, totals and cost judge the client's own
// loop. The pane holds no paging logic: it moves messages and shows what
// the simulator reports.

import { h, num, plural, replace } from './dom.js';

export const CLIENT_BUDGET = { ms: 10_000, requests: 2_000 };
const MAX_CODE = 64 * 1024;
const BASE = 'https://api.example.com';
const TOKEN = 'sandbox-token';

// The simulator holds one live session: panes sharing it (embeds on one
// page) take turns, a run at a time.
let turn = Promise.resolve();

export class ClientPane {
  // sim: the simulator (call(op, ...args)); sandboxURL: the sandbox worker's
  // script, or a function that starts the sandbox worker; scenario(): the
  // scenario text; setScenario(text): put a preset's scenario in the
  // editor; onReport(trace): show the client's trace in the results;
  // onChange(): the code changed (the permalink carries it). presets: the
  // client presets' URL (null: none offered, as in an embed); readonly: the
  // code shows but cannot be edited.
  constructor(root, { sim, sandboxURL, scenario, setScenario, onReport, onChange, presets = 'clientpresets.json', readonly = false }) {
    this.sim = sim;
    this.sandboxURL = sandboxURL;
    this.scenario = scenario;
    this.setScenario = setScenario;
    this.onReport = onReport;
    this.onChange = onChange;
    this.worker = null;
    this.root = root;
    this.presets = [];
    this.profiles = [];
    // The client presets: the classic client bugs, each a scenario (the
    // contract it shows up against) and client code as API users write it
    // (user code, data to this page). `needs` is the profile it needs.
    if (presets) {
      fetch(presets).then((r) => r.json()).then((ps) => {
        this.presets = Array.isArray(ps) ? ps : [];
        this.fillPresets(this.profiles);
      }, () => {});
    }

    this.select = h('select', { id: 'client-preset', onchange: () => this.pick(this.select.value) });
    this.code = h('textarea', {
      id: 'client-code', className: 'client-code', spellcheck: 'false', autocapitalize: 'off', autocomplete: 'off',
      wrap: 'off', rows: '14', 'aria-label': 'Client code', 'aria-describedby': 'client-help',
      placeholder: 'for await (const page of …) { … }  — code that calls fetch(url)',
      oninput: () => { this.select.value = ''; this.onChange(); },
    });
    this.code.readOnly = !!readonly;
    this.runBtn = h('button', { type: 'button', id: 'client-run', onclick: () => this.run() }, 'Run the client');
    this.stopBtn = h('button', { type: 'button', id: 'client-stop', disabled: true, onclick: () => this.stop('stopped') }, 'Stop');
    this.status = h('div', { id: 'client-status', className: 'client-status', role: 'status', 'aria-live': 'polite' });
    this.verdicts = h('ul', { id: 'client-verdicts', className: 'client-verdicts', 'aria-label': 'Verdicts of the client’s walks' });
    this.log = h('pre', { id: 'client-log', className: 'client-log', 'aria-label': 'The client’s console output', hidden: true });
    replace(root,
      h('h2', { id: 'client-h' }, 'Your client'),
      h('p', { id: 'client-help', className: 'muted' },
        'JavaScript that calls fetch, as an API’s docs write it. It runs in a sandbox with no network and no access to the page: every request is answered by the simulator under the scenario’s contract, with the scenario’s mutations between them (',
        h('code', null, 'wait N'), ' lets N requests through). ', h('code', null, 'import parseLinkHeader from "parse-link-header"'),
        ' works; ', h('code', null, 'BASE'), ' and ', h('code', null, 'TOKEN'), ' are set. Budget: ',
        num(CLIENT_BUDGET.requests), ' requests, ', String(CLIENT_BUDGET.ms / 1000), ' s.'),
      h('div', { className: 'toolbar client-toolbar' }, presets ? [h('label', { htmlFor: 'client-preset' }, 'Client bug'), this.select] : null, this.runBtn, this.stopBtn),
      this.code, this.status, this.verdicts, this.log);
    this.fillPresets([]);
  }

  // fillPresets offers the presets whose contract this build has.
  fillPresets(profiles) {
    this.profiles = profiles;
    const have = new Set(profiles.map((p) => p.name));
    const offered = profiles.length ? this.presets.filter((p) => have.has(p.needs)) : [];
    replace(this.select, h('option', { value: '' }, '— your own code —'),
      offered.map((p) => h('option', { value: p.name }, p.title)));
  }

  get value() { return this.code.value; }
  set value(text) { if (this.code.value !== text) this.code.value = text; }

  pick(name) {
    const p = this.presets.find((p) => p.name === name);
    if (!p) return;
    this.code.value = p.code;
    this.setScenario(p.scenario);
    this.onChange();
  }

  setStatus(kind, ...text) {
    this.status.className = 'client-status ' + kind;
    replace(this.status, ...text);
  }

  // run runs the code in a new sandbox (stopping one still running); it
  // resolves once the run has ended and its report is shown.
  async run() {
    this.stop('stopped');
    const before = turn;
    let release;
    turn = new Promise((r) => { release = r; });
    try {
      this.root.dataset.state = 'queued';
      await before;
      await this.runNow();
    } finally {
      release();
    }
  }

  async runNow() {
    this.root.dataset.state = 'running';
    const code = this.code.value;
    if (code.length > MAX_CODE) {
      this.root.dataset.state = 'done';
      return this.setStatus('error', 'The client code is over ' + (MAX_CODE >> 10) + ' KB.');
    }
    replace(this.verdicts);
    replace(this.log);
    this.log.hidden = true;
    const start = await this.sim.call('liveStart', this.scenario()).catch((err) => ({ error: String(err.message || err) }));
    if (start.error) {
      this.root.dataset.state = 'done';
      return this.setStatus('error', 'The scenario does not run: ' + start.error);
    }
    this.setStatus('busy', 'Running the client against ', h('strong', null, start.profile), '…');
    this.runBtn.disabled = true;
    this.stopBtn.disabled = false;
    this.requests = 0;
    const ended = new Promise((r) => { this.ended = r; });
    const w = typeof this.sandboxURL === 'function' ? this.sandboxURL() : new Worker(this.sandboxURL);
    this.worker = w;
    this.timer = setTimeout(() => this.stop('time'), CLIENT_BUDGET.ms);
    w.onmessage = (e) => this.message(w, e.data);
    w.onerror = (e) => { e.preventDefault(); this.stop('error', { message: e.message || 'the sandbox failed' }); };
    w.postMessage({ op: 'run', code, base: BASE, token: TOKEN, maxRequests: CLIENT_BUDGET.requests });
    await ended;
  }

  // message handles what the sandbox sends: untrusted (user code can post
  // anything), so every field is checked and only ever shown as text.
  async message(w, m) {
    if (w !== this.worker || !m || typeof m !== 'object') return;
    if (m.type === 'fetch') {
      const ok = Number.isSafeInteger(m.id) && typeof m.url === 'string' && m.url.length <= 8192 &&
        typeof m.method === 'string' && /^[A-Z]{1,16}$/.test(m.method) &&
        typeof m.headers === 'string' && m.headers.length <= 16384 && typeof m.body === 'string' && m.body.length <= 1 << 20;
      if (!ok) return w.postMessage({ op: 'response', id: m.id, error: 'the request is malformed or too large' });
      if (++this.requests > CLIENT_BUDGET.requests) return this.stop('requests');
      let r;
      try {
        // The line of the code that called fetch names the request's step
        // (the simulator reads and drops this header: sim.LineHeader).
        const line = Number.isSafeInteger(m.line) && m.line > 0 ? m.line : 0;
        const headers = line ? m.headers + (m.headers && !m.headers.endsWith('\n') ? '\n' : '') + 'X-Pagesim-Line: ' + line + '\n' : m.headers;
        r = await this.sim.call('liveRequest', m.method, m.url, headers, m.body);
      } catch (err) {
        r = { error: String(err.message || err) };
      }
      if (w !== this.worker) return;
      if (r.error) return w.postMessage({ op: 'response', id: m.id, error: r.error });
      w.postMessage({ op: 'response', id: m.id, status: r.status, headers: r.headers, body: r.body });
      return;
    }
    if (m.type === 'log' && typeof m.text === 'string') {
      this.log.hidden = false;
      this.log.append(h('span', { className: 'log-' + (m.level === 'error' || m.level === 'warn' ? m.level : 'log') }, m.text.slice(0, 2000)), '\n');
      return;
    }
    if (m.type === 'done') return this.stop('done');
    if (m.type === 'error') return this.stop('error', m);
  }

  // stop ends the sandbox (a loop that never yields cannot be interrupted
  // any other way) and, for a run that happened, shows the report.
  async stop(why, err) {
    const w = this.worker;
    if (!w) return;
    this.worker = null;
    clearTimeout(this.timer);
    w.terminate();
    this.runBtn.disabled = false;
    this.stopBtn.disabled = true;
    let head;
    switch (why) {
      case 'done': head = ['The client finished after ', plural(this.requests, 'request'), '.']; break;
      case 'time': head = ['The client ran for more than ', String(CLIENT_BUDGET.ms / 1000), ' s, the sandbox’s time budget, and was stopped: does its loop ever end?']; break;
      case 'requests': head = ['The client sent more than ', num(CLIENT_BUDGET.requests), ' requests, the sandbox’s budget, and was stopped: does its loop ever end?']; break;
      case 'stopped': head = ['Stopped.']; break;
      default: {
        const line = Number.isSafeInteger(err && err.line) && err.line > 0 ? err.line : 0;
        const col = Number.isSafeInteger(err && err.col) && err.col > 0 ? err.col : 0;
        head = [line ? h('strong', { className: 'client-error-at', dataset: { line: String(line) } }, 'Line ' + line + (col ? ', column ' + col : '') + ': ') : null,
          String(err && err.message || 'the client failed').slice(0, 2000)];
        if (line) this.mark(line);
      }
    }
    this.setStatus(why === 'done' ? 'ok' : why === 'stopped' ? '' : 'error', ...head);
    if (why !== 'stopped') {
      const report = await this.sim.call('liveReport').catch((e) => ({ error: String(e.message || e) }));
      if (!report.error) {
        this.showVerdicts(report);
        this.onReport(report);
      }
    }
    this.root.dataset.state = 'done'; // tests wait on it
    if (this.ended) this.ended();
  }

  // mark selects the line of an error in the code.
  mark(line) {
    const lines = this.code.value.split('\n');
    let at = 0;
    for (let i = 0; i < line - 1 && i < lines.length; i++) at += lines[i].length + 1;
    this.code.setSelectionRange(at, at + (lines[line - 1] || '').length);
  }

  showVerdicts(t) {
    const s = t.summary || {};
    replace(this.verdicts,
      h('li', { className: 'client-totals' }, plural(s.requests || 0, 'request'), ': ', num(s.accepted || 0), ' accepted, ',
        num(s.refused || 0), ' refused; ', num(s.rows || 0), ' rows read'),
      (t.walks || []).map((w, i) => h('li', { className: w.consistent ? 'consistent' : 'inconsistent', dataset: { walk: String(i), consistent: String(w.consistent) } },
        h('strong', null, w.client), ' · walk ', String(i + 1), ': ', w.verdict,
        ' (', plural(w.requests || 0, 'request'), ', ', num(w.rows || 0), ' rows)')));
  }
}
