// The one part of Node's `querystring` module that parse-link-header calls:
// parse(q) into an object, `+` as a space, percent-escapes decoded (left as
// they are when malformed, as Node does), a repeated name into an array.
exports.parse = function parse(q) {
  const out = {};
  if (!q) return out;
  for (const part of String(q).split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const k = decode(eq < 0 ? part : part.slice(0, eq));
    const v = eq < 0 ? '' : decode(part.slice(eq + 1));
    if (!Object.prototype.hasOwnProperty.call(out, k)) out[k] = v;
    else if (Array.isArray(out[k])) out[k].push(v);
    else out[k] = [out[k], v];
  }
  return out;
};

function decode(s) {
  s = s.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(s);
  } catch (e) {
    return s;
  }
}
