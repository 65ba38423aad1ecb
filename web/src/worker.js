// The simulator's worker: it starts the Go program from the WASM module the
// page compiled, and answers calls one at a time, so the page stays smooth
// while a large scenario runs. Every answer is parsed JSON.
//
// Messages in:  {op: 'init', module, wasmExec}
//               {id, op: 'run'|'check'|'compare'|'lesson'|'profiles'|'presets'
//                    |'liveStart'|'liveRequest'|'liveReport', args}
// Messages out: {type: 'ready', ms, version}
//               {type: 'fatal', message}
//               {id, json, goMs} (the answer as JSON text) or {id, error}

let pagesim = null;
let ready = null;

// Go's wasm_exec.js loads while the page downloads the WASM: its name comes
// in the worker's URL (?exec=wasm_exec-HASH.js).
const exec = new URL(self.location.href).searchParams.get('exec');
if (exec && /^[\w.-]+\.js$/.test(exec)) importScripts(exec);

async function init({ module, wasmExec }) {
  const t0 = performance.now();
  if (typeof Go === 'undefined') importScripts(wasmExec);
  const go = new Go();
  const instance = await WebAssembly.instantiate(module, go.importObject);
  go.run(instance).then(() => {
    pagesim = null;
    postMessage({ type: 'fatal', message: 'the simulator stopped; reload the page' });
  });
  pagesim = self.pagesim;
  if (!pagesim) throw new Error('the simulator did not start');
  // The page needs these first: they come with the ready message.
  postMessage({
    type: 'ready', ms: performance.now() - t0, version: pagesim.version,
    presets: JSON.parse(pagesim.presets()), profiles: JSON.parse(pagesim.profiles()),
  });
}

let goMs = 0;
let lastRun = null; // the scenario text of the simulator's last run

function call(op, args) {
  if (!pagesim) throw new Error('the simulator is not running');
  const t0 = performance.now();
  let text;
  switch (op) {
    case 'run': text = pagesim.run(args[0]); lastRun = args[0]; break;
    case 'check': text = pagesim.check(args[0]); break;
    case 'step':
      // step(scenario, i): the simulator keeps only its last run, and several
      // embeds share this worker; runs are deterministic, so running the
      // scenario again gives the very trace the page shows.
      if (args[0] !== lastRun) { pagesim.run(args[0]); lastRun = args[0]; }
      text = pagesim.step(args[1]);
      break;
    case 'compare': text = pagesim.compare(args[0], args[1]); break;
    case 'lesson': text = pagesim.lesson(args[0], args[1]); break;
    // The client pane's live session (sim.Live): start it on a scenario,
    // answer the sandboxed client's fetch calls one at a time, report.
    case 'liveStart': text = pagesim.liveStart(args[0]); lastRun = null; break;
    case 'liveRequest': text = pagesim.liveRequest(args[0], args[1], args[2], args[3]); break;
    case 'liveReport': text = pagesim.liveReport(); lastRun = '\u0000live'; break; // step(i) reads it
    case 'profiles': text = pagesim.profiles(); break;
    case 'presets': text = pagesim.presets(); break;
    default: throw new Error('unknown call ' + op);
  }
  goMs = performance.now() - t0;
  // The JSON goes to the page as text: copying one string is far cheaper
  // than cloning a parsed trace (a million records are a million objects).
  return text;
}

self.onmessage = async (e) => {
  const msg = e.data;
  if (msg.op === 'init') {
    ready = init(msg).catch((err) => {
      postMessage({ type: 'fatal', message: String(err && err.message || err) });
      throw err;
    });
    return;
  }
  try {
    await ready;
    const json = call(msg.op, msg.args || []);
    postMessage({ id: msg.id, json, goMs });
  } catch (err) {
    postMessage({ id: msg.id, error: String(err && err.message || err) });
  }
};
