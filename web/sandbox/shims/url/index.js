// The one part of Node's `url` module that parse-link-header calls:
// url.parse(u).query, the query string without its `?` (null when absent).
// The sandbox has no Node: esbuild finds this file for require('url').
exports.parse = function parse(u) {
  const s = String(u).split('#')[0];
  const i = s.indexOf('?');
  return { query: i < 0 ? null : s.slice(i + 1) };
};
