// Sim talks to the simulator's worker: call(op, ...args) returns a promise of
// the parsed answer. The page downloads and compiles the WASM itself (the
// download starts at once, in parallel with the worker's start, and its
// progress is counted here) and hands the compiled module to the worker.
export class Sim {
  constructor({ worker, wasm, wasmExec, size }, { onProgress, onReady, onFatal }) {
    this.nextId = 1;
    this.pending = new Map();
    // worker: the worker script's URL, or a function that starts the worker
    // (the element's cross-origin blob: worker).
    this.worker = typeof worker === 'function' ? worker() : new Worker(worker + '?exec=' + encodeURIComponent(wasmExec));
    this.worker.onmessage = (e) => {
      const m = e.data;
      if (m.type === 'progress') return onProgress(m.loaded, m.total);
      if (m.type === 'ready') {
        performance.mark('pagesim:ready');
        return onReady(m);
      }
      if (m.type === 'fatal') {
        for (const p of this.pending.values()) p.reject(new Error(m.message));
        this.pending.clear();
        return onFatal(m.message);
      }
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if ('error' in m) return p.reject(new Error(m.error));
      const t0 = performance.now();
      let result;
      try {
        result = JSON.parse(m.json);
      } catch (err) {
        return p.reject(err);
      }
      this.last = { goMs: m.goMs, parseMs: performance.now() - t0, transferMs: t0 - p.sentAt - m.goMs };
      p.resolve(result);
    };
    this.worker.onerror = (e) => onFatal(e.message || 'the simulator failed to load');
    compile(wasm, size, onProgress).then(
      (module) => {
        performance.mark('pagesim:compiled');
        this.worker.postMessage({ op: 'init', module, wasmExec });
      },
      (err) => onFatal(String(err && err.message || err)));
  }

  call(op, ...args) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, sentAt: performance.now() });
      this.worker.postMessage({ id, op, args });
    });
  }
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
