// Permalinks: the whole state of the playground (scenario text, view, compare
// set, step) in the URL fragment, as JSON compressed with deflate-raw and
// written in base64url: #z=... . Older links still read: #s=base64url(text)
// and #preset=NAME. Everything read from a fragment is untrusted: it is
// size-limited, checked member by member, and only ever shown as text.

export const VERSION = 1;
export const TABS = ['steps', 'drift', 'cost', 'compare'];
const MAX_FRAGMENT = 256 * 1024; // characters of base64url
const MAX_TEXT = 1024 * 1024;    // bytes once inflated
const MAX_CLIENT = 64 * 1024;    // characters of client code

export function b64encode(bytes) {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function b64decode(s) {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) throw new Error('the link has characters base64url does not use');
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

async function pipe(bytes, stream, limit) {
  const reader = new Blob([bytes]).stream().pipeThrough(stream).getReader();
  const parts = [];
  let n = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    n += value.byteLength;
    if (limit && n > limit) {
      reader.cancel().catch(() => {});
      throw new Error('the link holds more than ' + (limit >> 10) + ' KB of text');
    }
    parts.push(value);
  }
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.byteLength; }
  return out;
}

// encodeState returns the fragment (without '#') for a state.
export async function encodeState(st) {
  const json = JSON.stringify({ v: VERSION, text: st.text, tab: st.tab, compare: st.compare, step: st.step, lesson: st.lesson, client: st.client });
  const z = await pipe(new TextEncoder().encode(json), new CompressionStream('deflate-raw'), 0);
  return 'z=' + b64encode(z);
}

// clean checks a decoded state, keeping only what it knows.
export function clean(o) {
  if (!o || typeof o !== 'object' || Array.isArray(o)) throw new Error('the link does not hold a playground state');
  if (o.v !== VERSION) throw new Error('the link is for version ' + String(o.v).slice(0, 20) + ' of the playground; this is version ' + VERSION);
  if (typeof o.text !== 'string') throw new Error('the link has no scenario text');
  const st = { text: o.text, tab: 'steps', compare: [], step: 0 };
  if (TABS.includes(o.tab)) st.tab = o.tab;
  if (Array.isArray(o.compare)) st.compare = o.compare.filter((c) => typeof c === 'string' && c.length < 64).slice(0, 3);
  if (Number.isSafeInteger(o.step) && o.step >= 0) st.step = o.step;
  if (typeof o.lesson === 'string' && o.lesson.length < 100) st.lesson = o.lesson;
  if (typeof o.client === 'string' && o.client.length <= MAX_CLIENT) st.client = o.client; // the client pane's code
  return st;
}

// readFragment parses a fragment: it resolves to null when the fragment names
// no state, to {state} or {lesson} otherwise, and rejects with a message
// for a link it cannot read.
export async function readFragment(hash, presets) {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  if (params.has('z')) {
    const z = params.get('z');
    if (z.length > MAX_FRAGMENT) throw new Error('the link is too long (' + z.length + ' characters)');
    let bytes;
    try {
      bytes = b64decode(z);
    } catch (e) {
      throw new Error('the link is not valid base64url');
    }
    let json;
    try {
      json = new TextDecoder('utf-8', { fatal: true }).decode(await pipe(bytes, new DecompressionStream('deflate-raw'), MAX_TEXT));
    } catch (e) {
      throw new Error(/KB of text/.test(e.message) ? e.message : 'the link is damaged or cut short (it does not decompress)');
    }
    let o;
    try {
      o = JSON.parse(json);
    } catch (e) {
      throw new Error('the link does not hold valid JSON');
    }
    return { state: clean(o) };
  }
  if (params.has('s')) {
    const s = params.get('s');
    if (s.length > MAX_FRAGMENT) throw new Error('the link is too long (' + s.length + ' characters)');
    let text;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(b64decode(s));
    } catch (e) {
      throw new Error('the link is not valid base64url text');
    }
    return { state: { text, tab: 'steps', compare: [], step: 0 } };
  }
  if (params.has('lesson')) return { lesson: params.get('lesson') };
  if (params.has('preset')) {
    const p = presets.find((p) => p.name === params.get('preset'));
    if (!p) throw new Error('there is no preset named “' + params.get('preset').slice(0, 80) + '”');
    return { state: { text: p.text, tab: 'steps', compare: [], step: 0 } };
  }
  return null;
}
