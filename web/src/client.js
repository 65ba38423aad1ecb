// Sim talks to the simulator's worker. The page downloads and compiles the
// WASM itself (the download starts at once, in parallel with the worker's
// start, and its progress is counted here) and hands the compiled module to
// the worker, keeping it to start a fresh worker when needed.
//
// Calls go to the worker one at a time, the others wait here: so a call that
// has not started can be dropped, and the one in flight can be cancelled by
// terminating the worker. Go's WASM is single threaded: a run is one
// synchronous call that no message can interrupt, and a cancel flag would
// need SharedArrayBuffer, which needs cross-origin isolation that
// documentation sites embedding us do not have. A fresh worker from the
// compiled module is ready in a fraction of a second, and nothing is lost:
// the simulator keeps no state a scenario cannot rebuild (runs are
// deterministic), so the calls waiting here go to the new worker.
//
// A dead simulator (the Go program exited, the worker crashed, a call threw
// or answered nothing, which the adapter never does) rejects the call in
// flight with err.dead = true and restarts by itself; after three deaths in
// a minute it waits for restart().

const DEATHS = 3;
const DEATH_WINDOW_MS = 60_000;

export class Sim {
  // worker: the worker script's URL, or a function that starts a worker (the
  // element's cross-origin blob: worker); called again on every restart.
  //
  // With lazy: true nothing starts until load() is called (calls made
  // before then wait): the page shows its prerendered first result before
  // the worker, the download and the compilation compete with it for the
  // main thread and the CPU.
  //
  // rules() is a promise of start.json's profile list as JSON text ('' for
  // none): the WASM carries no rules cards, and the worker hands these to
  // it as it starts, before any call, so that every trace carries its
  // profile's rules (sim.SetRules).
  constructor({ worker, wasm, wasmExec, size, lazy = false, rules = () => '' }, { onProgress, onReady, onFatal, onDead, onRestart } = {}) {
    this.startWorker = () => (typeof worker === 'function' ? worker() : new Worker(worker + '?exec=' + encodeURIComponent(wasmExec)));
    this.wasmExec = wasmExec;
    this.wasm = wasm;
    this.size = size;
    this.rules = rules;
    this.rulesJSON = '';
    this.on = { progress: onProgress || (() => {}), ready: onReady || (() => {}), fatal: onFatal || (() => {}), dead: onDead || (() => {}), restart: onRestart || (() => {}) };
    this.nextId = 1;
    this.queue = [];      // calls not sent yet
    this.current = null;  // the call the worker is answering
    this.isReady = false;
    this.deaths = [];
    this.module = null;
    this.loading = false;
    if (!lazy) this.load();
  }

  // load starts the worker and the WASM's download and compilation (once).
  load() {
    if (this.loading) return;
    this.loading = true;
    performance.mark('pagesim:load');
    this.boot();
    const rules = Promise.resolve().then(this.rules).catch(() => '');
    Promise.all([compile(this.wasm, this.size, this.on.progress), rules]).then(
      ([module, json]) => {
        performance.mark('pagesim:compiled');
        this.module = module;
        this.rulesJSON = json || '';
        this.init(this.worker);
      },
      (err) => this.fail(String(err && err.message || err)));
  }

  // boot starts a worker; it gets the module when there is one.
  boot() {
    this.isReady = false;
    const w = this.worker = this.startWorker();
    w.onmessage = (e) => { if (this.worker === w) this.message(e.data); };
    w.onerror = (e) => {
      if (this.worker !== w) return;
      e.preventDefault && e.preventDefault();
      const msg = e.message || 'the simulator failed';
      if (!this.started) this.fail(msg); else this.died('the simulator crashed (' + msg + ')');
    };
    if (this.module) this.init(w);
  }

  init(w) {
    w.postMessage({ op: 'init', module: this.module, wasmExec: this.wasmExec, rules: this.rulesJSON });
  }

  message(m) {
    if (m.type === 'ready') {
      const first = !this.started;
      this.started = true;
      this.isReady = true;
      if (first) {
        performance.mark('pagesim:ready');
        this.on.ready(m);
      } else {
        this.on.restart(m);
      }
      return this.pump();
    }
    if (m.type === 'fatal') return this.started ? this.died(m.message) : this.fail(m.message);
    if (m.type === 'dead') return this.died(m.message);
    const job = this.current;
    if (!job || job.id !== m.id) return;
    if ('chunk' in m) return job.onChunk && job.onChunk(m.chunk);
    this.current = null;
    if (m.dead) {
      job.reject(deadError(m.error));
      this.died(m.error, true);
      return;
    }
    if ('error' in m) job.reject(new Error(m.error));
    else {
      const t0 = performance.now();
      let result;
      try {
        result = JSON.parse(m.json);
      } catch (err) {
        job.reject(new Error('the simulator answered something unreadable: ' + (err && err.message || err)));
        return this.pump();
      }
      this.last = { goMs: m.goMs, parseMs: performance.now() - t0, transferMs: t0 - job.sentAt - m.goMs };
      job.resolve(result);
    }
    this.pump();
  }

  pump() {
    if (this.current || !this.isReady) return;
    const job = this.queue.shift();
    if (!job) return;
    this.current = job;
    job.sentAt = performance.now();
    this.worker.postMessage({ id: job.id, op: job.op, args: job.args });
  }

  // request queues a call: {promise, cancel()}. onChunk receives an
  // export's pieces as they come.
  request(op, args, onChunk) {
    const job = { id: this.nextId++, op, args, onChunk };
    job.promise = new Promise((resolve, reject) => { job.resolve = resolve; job.reject = reject; });
    job.cancel = () => this.cancel(job);
    this.queue.push(job);
    this.pump();
    return job;
  }

  // call(op, ...args) returns a promise of the parsed answer.
  call(op, ...args) {
    return this.request(op, args).promise;
  }

  // drop cancels job if it has not started (a call in flight goes on).
  drop(job) {
    if (this.queue.includes(job)) this.cancel(job);
  }

  // busy says whether job is the call the worker is answering now.
  busy(job) { return this.current === job; }

  cancel(job) {
    const err = new Error('cancelled');
    err.cancelled = true;
    const i = this.queue.indexOf(job);
    if (i >= 0) {
      this.queue.splice(i, 1);
      job.reject(err);
      return;
    }
    if (this.current !== job) return;
    this.current = null;
    job.reject(err);
    this.replace();
  }

  // replace terminates the worker and starts a fresh one; the calls waiting
  // go to it when it is ready.
  replace() {
    if (!this.loading) return this.load();
    this.worker.terminate();
    this.boot();
  }

  // died handles a dead simulator: the call in flight fails, the others wait
  // for a fresh worker, unless it died too often.
  died(message, rejected) {
    const job = this.current;
    this.current = null;
    if (job && !rejected) job.reject(deadError(message));
    const now = performance.now();
    this.deaths = this.deaths.filter((t) => now - t < DEATH_WINDOW_MS).concat(now);
    this.worker.terminate();
    const again = this.deaths.length < DEATHS;
    this.on.dead(message || 'the simulator stopped', again);
    if (again) this.boot();
    else {
      this.isReady = false;
      this.stopped = true; // until restart()
      for (const j of this.queue.splice(0)) j.reject(deadError(message));
    }
  }

  // restart starts a fresh simulator after it died too often (a button).
  restart() {
    this.deaths = [];
    this.stopped = false;
    this.replace();
  }

  fail(message) {
    for (const j of this.queue.splice(0)) j.reject(new Error(message));
    if (this.current) this.current.reject(new Error(message));
    this.current = null;
    this.on.fatal(message);
  }
}

// profileRules is what Sim's rules() hands the worker from start.json
// (data): each profile's name and rules, as JSON text.
export function profileRules(data) {
  const list = data && Array.isArray(data.profiles) ? data.profiles : [];
  return JSON.stringify(list.map((p) => ({ name: p.name, rules: p.rules })));
}

function deadError(message) {
  const err = new Error(message || 'the simulator stopped');
  err.dead = true;
  return err;
}

// compile downloads and compiles the WASM, reporting progress. size is the
// uncompressed size: with Content-Encoding the Content-Length header is the
// compressed size, but the stream yields decompressed bytes.
async function compile(url, size, onProgress) {
  performance.mark('pagesim:fetch');
  const res = await fetch(url);
  performance.mark('pagesim:response');
  if (!res.ok) throw new Error('could not download the simulator: HTTP ' + res.status);
  const total = size || Number(res.headers.get('Content-Length')) || 0;
  let loaded = 0;
  let last = 0;
  const counted = res.body.pipeThrough(new TransformStream({
    transform(chunk, ctl) {
      loaded += chunk.byteLength;
      const now = performance.now();
      if (now - last > 30) {
        last = now;
        onProgress(loaded, total);
      }
      ctl.enqueue(chunk);
    },
  }));
  const module = await WebAssembly.compileStreaming(new Response(counted, { headers: { 'Content-Type': 'application/wasm' } }));
  onProgress(total || loaded, total || loaded);
  return module;
}
