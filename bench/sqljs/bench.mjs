// The simulator against SQLite (sql.js, SQLite compiled to WebAssembly): the
// same newest-first walk with a record inserted at the head before every
// page, as offset SQL (LIMIT/OFFSET) and as keyset SQL (WHERE (created, id) <
// last row), on 100,000 and 1,000,000 rows. The simulator runs the same walk
// as a scenario (`pagesim run -json`); its pages must equal SQLite's id for
// id, so both compute the same thing: the offset walk repeats a record per
// insert, the keyset walk does not.
//
//   node bench.mjs PAGESIM_BINARY [PAGESIM_WASM WASM_EXEC_JS]   (./build.sh bench runs it)
//
// Times are medians of RUNS runs (default 3): SQLite's in this process; the
// simulator's in this process too when given its WASM (the playground's
// build, the `run` call the page makes, JSON encoding included), and as the
// wall time of the native command (process start and JSON output included:
// an upper bound on the simulator's own time).
import { execFileSync } from "node:child_process";
import { writeFileSync, mkdtempSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import initSqlJs from "sql.js";

const pagesim = process.argv[2];
if (!pagesim) {
  console.error("usage: node bench.mjs PAGESIM_BINARY");
  process.exit(2);
}
const runs = Number(process.env.RUNS || 3);

// The simulator's WASM in this process, as the page runs it.
let wasmRun = null;
if (process.argv[3]) {
  const require = createRequire(import.meta.url);
  globalThis.require = require;
  globalThis.fs = require("node:fs");
  globalThis.path = require("node:path");
  globalThis.crypto ??= require("node:crypto");
  require(process.argv[4]);
  const go = new globalThis.Go();
  const { instance } = await WebAssembly.instantiate(readFileSync(process.argv[3]), go.importObject);
  go.run(instance); // registers globalThis.pagesim, then waits for calls
  wasmRun = globalThis.pagesim.run;
}
const LIMIT = 1000;
const cases = [
  { rows: 100_000, pages: 100 },   // the whole list
  { rows: 1_000_000, pages: 200 }, // the first 200,000 rows: offset SQL reads offset+limit rows a page
];

const SQL = await initSqlJs();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (t) => t.toFixed(0) + " ms";

// newDB holds records 1..n created at ticks 1..n, as the simulator's
// `records n` does, with the index a keyset query seeks.
function newDB(n) {
  const db = new SQL.Database();
  db.run("CREATE TABLE items (id INTEGER PRIMARY KEY, created INTEGER NOT NULL)");
  db.run("BEGIN");
  const ins = db.prepare("INSERT INTO items VALUES (?, ?)");
  for (let i = 1; i <= n; i++) ins.run([i, i]);
  ins.free();
  db.run("COMMIT");
  db.run("CREATE INDEX items_created_id ON items (created DESC, id DESC)");
  return db;
}

function ids(stmt) {
  const out = [];
  while (stmt.step()) out.push(stmt.get()[0]);
  stmt.reset();
  return out;
}

// walk runs `pages` pages against db: an insert at the head (the next id,
// created after everything) before every page but the first.
function walk(db, n, pages, keyset) {
  const insert = db.prepare("INSERT INTO items VALUES (?, ?)");
  const first = db.prepare("SELECT id, created FROM items ORDER BY created DESC, id DESC LIMIT ?");
  const offset = db.prepare("SELECT id, created FROM items ORDER BY created DESC, id DESC LIMIT ? OFFSET ?");
  const after = db.prepare("SELECT id, created FROM items WHERE (created, id) < (?, ?) ORDER BY created DESC, id DESC LIMIT ?");
  const out = [];
  let next = n + 1, last = null;
  const t0 = performance.now();
  for (let p = 0; p < pages; p++) {
    if (p > 0) {
      insert.run([next, 2 * n + next]); // created after every record so far: the head
      next++;
    }
    let stmt;
    if (p === 0) { first.bind([LIMIT]); stmt = first; }
    else if (keyset) { after.bind([last[1], last[0], LIMIT]); stmt = after; }
    else { offset.bind([LIMIT, p * LIMIT]); stmt = offset; }
    const rows = [];
    while (stmt.step()) rows.push(stmt.get());
    stmt.reset();
    out.push(rows.map((r) => r[0]));
    last = rows[rows.length - 1];
  }
  const t = performance.now() - t0;
  for (const s of [insert, first, offset, after]) s.free();
  return { pages: out, ms: t };
}

// scenarioText is the walk as a scenario.
function scenarioText(n, pages, keyset) {
  const lines = keyset
    ? [`profile cursor limit=${LIMIT} max-limit=${LIMIT}`, `records ${n}`, `GET /items?limit=${LIMIT}`]
    : [`profile offset limit=${LIMIT} max-limit=${LIMIT}`, `records ${n}`, `GET /items?offset=0&limit=${LIMIT}`];
  for (let p = 1; p < pages; p++) lines.push("insert 1", "next");
  return lines.join("\n") + "\n";
}

const pagesOf = (trace) => trace.steps.filter((s) => s.kind === "request").map((s) => s.records);

// simulate runs the walk with the native command and returns its pages' ids.
function simulate(text) {
  const dir = mkdtempSync(join(tmpdir(), "pagesim-bench-"));
  const file = join(dir, "walk.txt");
  writeFileSync(file, text);
  const t0 = performance.now();
  const out = execFileSync(pagesim, ["run", "-json", file], { maxBuffer: 1 << 30 });
  const t = performance.now() - t0;
  return { pages: pagesOf(JSON.parse(out)), ms: t };
}

// simulateWasm runs it in this process's WASM; pages is null when the
// page's trace does not carry every step's ids.
function simulateWasm(text) {
  const t0 = performance.now();
  const out = wasmRun(text);
  const t = performance.now() - t0;
  const trace = JSON.parse(out);
  const ok = Array.isArray(trace.steps) && trace.steps.every((s) => s.kind !== "request" || Array.isArray(s.records));
  return { pages: ok ? pagesOf(trace) : null, ms: t };
}

function same(a, b) {
  if (a.length !== b.length) return `${a.length} pages against ${b.length}`;
  for (let i = 0; i < a.length; i++) {
    if (a[i].length !== b[i].length || a[i].some((id, j) => id !== b[i][j])) {
      return `page ${i + 1} differs: [${a[i].slice(0, 5)}…] against [${b[i].slice(0, 5)}…]`;
    }
  }
  return "";
}

let failed = false;
console.log(`pages of ${LIMIT}, an insert at the head before every page; medians of ${runs} runs`);
console.log(["rows", "pages", "walk", "SQLite (sql.js)", "simulator, WASM in this process", "SQLite / simulator",
  "simulator, pagesim run -json", "pages equal"].join("\t"));
for (const { rows, pages } of cases) {
  for (const keyset of [false, true]) {
    const text = scenarioText(rows, pages, keyset);
    const sqlTimes = [], simTimes = [], wasmTimes = [];
    let sqlPages, simPages, wasmPages = null;
    for (let r = 0; r < runs; r++) {
      const db = newDB(rows);
      const w = walk(db, rows, pages, keyset);
      db.close();
      sqlTimes.push(w.ms);
      sqlPages = w.pages;
      const s = simulate(text);
      simTimes.push(s.ms);
      simPages = s.pages;
      if (wasmRun) {
        const x = simulateWasm(text);
        wasmTimes.push(x.ms);
        wasmPages = x.pages;
      }
    }
    let diff = same(simPages, sqlPages);
    if (!diff && wasmPages) diff = same(wasmPages, sqlPages) && "WASM: " + same(wasmPages, sqlPages);
    if (diff) failed = true;
    const dups = new Set(), seen = new Set();
    for (const p of sqlPages) for (const id of p) (seen.has(id) ? dups : seen).add(id);
    const wasm = wasmRun ? ms(median(wasmTimes)) : "-";
    const ratio = wasmRun ? (median(sqlTimes) / median(wasmTimes)).toFixed(1) + "×" : "-";
    console.log([rows.toLocaleString("en"), pages, keyset ? "keyset" : "offset", ms(median(sqlTimes)), wasm, ratio,
      ms(median(simTimes)), diff ? "NO: " + diff : `yes (${dups.size} ids seen twice)`].join("\t"));
  }
}
process.exit(failed ? 1 : 0);
