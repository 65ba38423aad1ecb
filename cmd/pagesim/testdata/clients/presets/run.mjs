// run.mjs FILE NAME runs the client preset NAME of FILE (the page's
// web/src/clientpresets.json) under Node against pagesim serve -api at
// PAGESIM_BASE, as the page's sandbox runs it: BASE and TOKEN are set, a
// relative URL is resolved against the server (the sandbox's fetch takes
// one), and parse-link-header is importable. The code itself is unchanged.
import { readFileSync, writeFileSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

const [file, name] = process.argv.slice(2);
const preset = JSON.parse(readFileSync(file, "utf8")).find((p) => p.name === name);
if (!preset) throw new Error("no client preset " + name);
const prelude =
  "const BASE = " + JSON.stringify(process.env.PAGESIM_BASE) + ', TOKEN = "sandbox-token"; ' +
  "const fetch = (url, init) => globalThis.fetch(new URL(String(url), BASE), init);\n";
const path = fileURLToPath(new URL(".preset-" + name + ".mjs", import.meta.url));
writeFileSync(path, prelude + preset.code);
try {
  await import(path);
} finally {
  rmSync(path, { force: true });
}
