// The simulator's worker: it starts the Go program from the WASM module the
// page compiled, and answers calls one at a time (client.js sends the next
// when this one is answered).
//
// Messages in:  {op: 'init', module, wasmExec, rules}  (rules: start.json's
//                                              profile list as JSON text)
//               {id, op: 'run'|'rows'|'step'|'export'|'check'|'compare'|'lesson'
//                    |'liveStart'|'liveRequest'|'liveReport', args}
// Messages out: {type: 'ready', ms, version}   (the presets and profiles come
//                                              with start.json, not the WASM)
//               {type: 'fatal', message}   the simulator could not start
//               {type: 'dead', message}    the Go program exited
//               {id, chunk}                a piece of an export, before its answer
//               {id, json, goMs}           the answer as JSON text
//               {id, error}                the call failed (the simulator is fine)
//               {id, error, dead: true}    the simulator died in this call

let pagesim = null;
let go = null;
let ready = null;

// Go's wasm_exec.js loads while the page downloads the WASM: its name comes
// in the worker's URL (?exec=wasm_exec-HASH.js); a blob: worker (embeds on
// another origin) gets its absolute URL with init.
const exec = new URL(self.location.href).searchParams.get('exec');
if (exec && /^[\w.-]+\.js$/.test(exec)) importScripts(exec);

const DEAD = 'the simulator stopped in the middle of a call (it ran out of memory or hit a bug in the Go runtime)';

async function init({ module, wasmExec, rules }) {
  const t0 = performance.now();
  if (typeof Go === 'undefined') importScripts(wasmExec);
  go = new Go();
  self.go = go; // for the browser tests, which make it exit
  const instance = await WebAssembly.instantiate(module, go.importObject);
  go.run(instance).then(() => {
    pagesim = null;
    postMessage({ type: 'dead', message: 'the simulator stopped (the Go program exited)' });
  });
  pagesim = self.pagesim;
  if (!pagesim) throw new Error('the simulator did not start');
  // The profiles' rules cards, which the WASM does not carry, before any
  // call: every trace then carries its profile's rules.
  if (rules) pagesim.setRules(rules);
  postMessage({ type: 'ready', ms: performance.now() - t0, version: pagesim.version });
}

// call runs one call. Every function of the adapter returns a string and
// never throws (it recovers Go panics into error objects): anything else
// means the Go program is dead.
function call(id, op, args) {
  if (!pagesim || go.exited) throw deadError(DEAD);
  let text;
  try {
    switch (op) {
      case 'run': text = pagesim.run(args[0]); break;
      case 'rows': text = pagesim.rows(args[0], args[1], args[2]); break;
      case 'step': text = pagesim.step(args[0], args[1]); break;
      case 'export': text = pagesim.export(args[0], args[1], (chunk) => postMessage({ id, chunk })); break;
      case 'check': text = pagesim.check(args[0]); break;
      case 'compare': text = pagesim.compare(args[0], args[1]); break;
      case 'lesson': text = pagesim.lesson(args[0], args[1], args[2]); break;
      // The client pane's live session (sim.Live): start it on a scenario,
      // answer the sandboxed client's fetch calls one at a time, report
      // (rows and step then read the report under the name '\u0000live').
      case 'liveStart': text = pagesim.liveStart(args[0]); break;
      case 'liveRequest': text = pagesim.liveRequest(args[0], args[1], args[2], args[3]); break;
      case 'liveReport': text = pagesim.liveReport(); break;
      default: throw new Error('unknown call ' + op);
    }
  } catch (err) {
    if (err && err.message && err.message.startsWith('unknown call')) throw err;
    throw deadError(DEAD + ': ' + (err && err.message || err));
  }
  if (typeof text !== 'string' || go.exited) throw deadError(DEAD);
  return text;
}

function deadError(message) {
  const err = new Error(message);
  err.dead = true;
  return err;
}

self.onmessage = async (e) => {
  const msg = e.data;
  if (msg.op === 'init') {
    ready = init(msg).catch((err) => {
      postMessage({ type: 'fatal', message: String(err && err.message || err) });
    });
    return;
  }
  try {
    await ready;
    const t0 = performance.now();
    // The JSON goes to the page as text: copying one string is far cheaper
    // than cloning parsed objects.
    const json = call(msg.id, msg.op, msg.args || []);
    postMessage({ id: msg.id, json, goMs: performance.now() - t0 });
  } catch (err) {
    postMessage({ id: msg.id, error: String(err && err.message || err), dead: !!(err && err.dead) });
    if (err && err.dead) pagesim = null;
  }
};
