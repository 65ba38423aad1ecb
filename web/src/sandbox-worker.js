// The client pane's sandbox: a dedicated worker that runs code a user wrote
// or pasted (a paging loop calling fetch) with fetch answered by the
// simulator, and nothing else reachable.
//
// The boundary has three layers:
// - a worker has no page: no document, no window, no cookies, no
//   localStorage;
// - before the user's code runs, everything in this global scope that could
//   reach the network, storage or other contexts is removed, on the global
//   and on its prototypes (fetch, XMLHttpRequest, WebSocket, EventSource,
//   importScripts, indexedDB, caches, BroadcastChannel, workers, fonts,
//   navigator.storage ...); if anything survives, the sandbox refuses to
//   run (it fails closed);
// - the server sends this script with its own Content-Security-Policy,
//   default-src 'none' (so connect-src 'none': no request can leave even
//   through something missed) and script-src 'unsafe-eval' only (the user's
//   code is compiled with the AsyncFunction constructor; no script URL loads).
// The page enforces the time budget (it terminates the worker) and checks
// every message it gets from here.
//
// Messages in:  {op: 'run', code, base, token, maxRequests}
//               {op: 'response', id, status, headers: [[name, value]], body} | {op: 'response', id, error}
// Messages out: {type: 'fetch', id, method, url, headers: "Name: value\n...", body, line}
//               {type: 'log', level, text}
//               {type: 'done'} | {type: 'error', message, line, col}

import parseLinkHeader from 'parse-link-header';
import { parse as parseJS } from 'acorn';

const post = self.postMessage.bind(self);
const listen = self.addEventListener.bind(self);
const SimResponse = self.Response;
const SimHeaders = self.Headers;
const AsyncFunction = (async () => {}).constructor;

// The modules user code can import: parse-link-header, so that Celigo's
// listAll runs as its pagination page writes it.
parseLinkHeader.default = parseLinkHeader;
const MODULES = { 'parse-link-header': parseLinkHeader };

const BLOCKED = [
  'fetch', 'XMLHttpRequest', 'WebSocket', 'WebSocketStream', 'EventSource', 'importScripts',
  'indexedDB', 'IDBFactory', 'caches', 'CacheStorage', 'cookieStore', 'BroadcastChannel',
  'WebTransport', 'Worker', 'SharedWorker', 'RTCPeerConnection', 'webkitRTCPeerConnection',
  'RTCDataChannel', 'requestFileSystem', 'webkitRequestFileSystem', 'webkitRequestFileSystemSync',
  'webkitResolveLocalFileSystemURL', 'fetchLater', 'Notification', 'FontFace', 'fonts',
];
const BLOCKED_NAVIGATOR = ['storage', 'locks', 'serviceWorker', 'permissions', 'usb', 'serial', 'hid', 'bluetooth', 'sendBeacon', 'mediaDevices'];

// scrub removes each name from obj and every prototype it inherits from.
function scrub(obj, names) {
  for (const name of names) {
    for (let o = obj; o; o = Object.getPrototypeOf(o)) {
      if (!Object.getOwnPropertyDescriptor(o, name)) continue;
      try { delete o[name]; } catch (e) { /* non-configurable: shadowed below */ }
      if (Object.getOwnPropertyDescriptor(o, name)) {
        try { Object.defineProperty(o, name, { value: undefined, writable: false, configurable: false }); } catch (e) { /* checked below */ }
      }
    }
  }
  return names.filter((n) => obj[n] !== undefined);
}

function lockDown() {
  const left = scrub(self, BLOCKED).concat(self.navigator ? scrub(self.navigator, BLOCKED_NAVIGATOR).map((n) => 'navigator.' + n) : []);
  if (left.length) throw new Error('the sandbox could not remove ' + left.join(', ') + ': it will not run code with them');
}

// ---- the simulated fetch ------------------------------------------------

let nextId = 1;
const pending = new Map();
let requests = 0;
let maxRequests = 1000;

function headerLines(init) {
  let lines = '';
  new SimHeaders(init || undefined).forEach((value, name) => { lines += name + ': ' + value + '\n'; });
  return lines;
}

function simFetch(input, init) {
  init = init || {};
  let url;
  if (typeof input === 'string') url = input;
  else if (input && typeof input.url === 'string') url = input.url; // a Request
  else url = String(input); // a URL
  const method = String(init.method || (input && input.method) || 'GET').toUpperCase();
  let body = init.body == null ? '' : init.body;
  if (typeof body !== 'string') {
    if (body instanceof URLSearchParams) body = body.toString();
    else return Promise.reject(new TypeError('the simulated fetch takes a text body (JSON.stringify it)'));
  }
  requests++;
  if (requests > maxRequests) {
    return Promise.reject(new Error('the client sent more than ' + maxRequests + ' requests, the sandbox’s budget: does its loop ever end?'));
  }
  const headers = headerLines(init.headers || (input && input.headers));
  const id = nextId++;
  // The line of the user's code that called fetch, for the request's step.
  const { line } = where({ stack: new Error().stack });
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject, url });
    post({ type: 'fetch', id, method, url, headers, body, line: line > 0 ? line : 0 });
  });
}

function answer(m) {
  const p = pending.get(m.id);
  if (!p) return;
  pending.delete(m.id);
  if (m.error) return p.reject(new TypeError('fetch failed: ' + m.error));
  const empty = m.status === 204 || m.status === 205 || m.status === 304;
  const res = new SimResponse(empty ? null : m.body, { status: m.status, headers: m.headers });
  Object.defineProperty(res, 'url', { value: p.url });
  p.resolve(res);
}

// ---- console ------------------------------------------------------------------

const MAX_LINES = 500;
let lines = 0;

function show(v) {
  if (typeof v === 'string') return v;
  try {
    return JSON.stringify(v) ?? String(v);
  } catch (e) {
    return String(v);
  }
}

const sandboxConsole = {};
for (const level of ['log', 'info', 'warn', 'error', 'debug']) {
  sandboxConsole[level] = (...args) => {
    lines++;
    if (lines > MAX_LINES) {
      if (lines === MAX_LINES + 1) post({ type: 'log', level: 'warn', text: '… more output is not shown' });
      return;
    }
    post({ type: 'log', level, text: args.map(show).join(' ').slice(0, 2000) });
  };
}

// ---- compiling and running the user's code ------------------------------------

// located is an error with a line and column in the user's code.
function located(message, line, col, name) {
  const e = name === 'SyntaxError' ? new SyntaxError(message) : new Error(message);
  e.line = line;
  e.col = col;
  return e;
}

// transform turns the imports a pasted snippet starts with into require
// calls on the same line (line numbers do not move) and drops `export`:
// the code runs as the body of an async function, where neither is allowed.
function transform(code) {
  return code.split('\n').map((line, i) => {
    const m = /^(\s*)import\s+(.+?)\s+from\s+(['"])([^'"]+)\3\s*;?\s*$/.exec(line);
    if (m) {
      if (!(m[4] in MODULES)) throw located('only ' + Object.keys(MODULES).join(', ') + ' can be imported in the sandbox, not “' + m[4] + '”', i + 1, m[1].length + 1);
      const clause = m[2].trim();
      const req = 'require(' + JSON.stringify(m[4]) + ');';
      let b;
      if ((b = /^([A-Za-z_$][\w$]*)$/.exec(clause)) || (b = /^\*\s*as\s+([A-Za-z_$][\w$]*)$/.exec(clause))) return m[1] + 'const ' + b[1] + ' = ' + req;
      if ((b = /^\{([^}]*)\}$/.exec(clause))) return m[1] + 'const {' + b[1].replace(/\bas\b/g, ':') + '} = ' + req;
      throw located('this form of import is not supported in the sandbox: write import name from "' + m[4] + '"', i + 1, m[1].length + 1);
    }
    if (/^\s*import\s*['"]/.test(line)) throw located('imports for their side effects are not supported in the sandbox', i + 1, 1);
    return line.replace(/^(\s*)export\s+(default\s+)?(?=(async\s+)?(function|class|const|let|var)\b)/, '$1');
  }).join('\n');
}

function require(name) {
  if (!(name in MODULES)) throw new Error('only ' + Object.keys(MODULES).join(', ') + ' can be required in the sandbox');
  return MODULES[name];
}

const PARAMS = ['fetch', 'require', 'console', 'BASE', 'TOKEN'];

function compile(code) {
  const src = transform(code);
  try {
    return new AsyncFunction(...PARAMS, src);
  } catch (err) {
    if (!(err instanceof SyntaxError)) throw err;
    // The engine does not say where; acorn does.
    try {
      parseJS(src, { ecmaVersion: 'latest', sourceType: 'script', allowAwaitOutsideFunction: true, allowReturnOutsideFunction: true });
    } catch (perr) {
      if (perr.loc) throw located(perr.message.replace(/ \(\d+:\d+\)$/, ''), perr.loc.line, perr.loc.column + 1, 'SyntaxError');
    }
    throw err;
  }
}

// where finds the line of the user's code in an error's stack: the first
// frame in the compiled function ("<anonymous>:LINE:COL"), whose first two
// lines are the function's head.
function where(err) {
  if (err && err.line) return { line: err.line, col: err.col };
  const m = /<anonymous>:(\d+):(\d+)/.exec(String(err && err.stack || ''));
  return m ? { line: Number(m[1]) - 2, col: Number(m[2]) } : {};
}

function fail(err) {
  const { line, col } = where(err);
  const name = err && err.name && err.name !== 'Error' && !String(err.message).startsWith(err.name) ? err.name + ': ' : '';
  post({ type: 'error', message: name + String(err && err.message || err), line, col });
}

async function run(m) {
  maxRequests = Number.isSafeInteger(m.maxRequests) && m.maxRequests > 0 ? m.maxRequests : maxRequests;
  let fn;
  try {
    lockDown();
    fn = compile(String(m.code));
  } catch (err) {
    return fail(err);
  }
  self.fetch = simFetch;
  try {
    await fn(simFetch, require, sandboxConsole, String(m.base || ''), String(m.token || ''));
    post({ type: 'done' });
  } catch (err) {
    fail(err);
  }
}

let started = false;
listen('message', (e) => {
  const m = e.data;
  if (!m || typeof m !== 'object') return;
  if (m.op === 'response') return answer(m);
  if (m.op === 'run' && !started) {
    started = true;
    run(m);
  }
});
listen('unhandledrejection', (e) => fail(e.reason));
