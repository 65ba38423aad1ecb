#!/usr/bin/env bash
# Paging Playground: build, serve and test the browser playground.
#
#   ./build.sh build   dist/: the WASM, wasm_exec.js, bundled JS and CSS,
#                      index.html, each with .br and .gz copies; build/npm/:
#                      the element's npm package (npm pack build/npm)
#   ./build.sh serve   build, then serve dist/ on http://127.0.0.1:8080/
#   ./build.sh test    vet, the API tests' real clients (npm ci in their
#                      folders), unit tests, WASM tests under Node, jsguard,
#                      the WASM size budget, then the browser tests in Chromium
#   ./build.sh bench   benchmarks: the simulator natively and under Node, against
#                      SQLite (sql.js), and the browser path in Chromium
#   ./build.sh fuzz    every fuzz target of every package for FUZZTIME (default
#                      60s); what they find lands in the package's
#                      testdata/fuzz and then runs in test
set -euo pipefail
cd "$(dirname "$0")"

# The WASM served to browsers: at most 650 KB brotli (see README,
# "Performance"); the test fails above it. web/build serves it without its
# file and line tables (web/build/wasmlines), which only tracebacks read.
WASM_TARGET_BR=$((650 * 1024))
WASM_BUDGET_BR=$((650 * 1024))
# How the WASM is built (and its tests under Node, so that they test what is
# served); each cuts its size and none slows it, measured under Node:
# - Go 1.26's Green Tea garbage collector is 10 KB brotli more than the
#   classic one, and no faster in WASM, which runs on one thread
#   (BenchmarkRunOffset1M, RunCursor1M, CursorWalkAll1M: as fast or faster
#   without). Drop the setting if a Go release removes the experiment.
# - No inlining inside the internal/ codecs (JSON, query, Link header) and
#   the adapter, which runs once per call: 9 KB; BenchmarkRunJSON (run and
#   encode) takes the same CPU time.
# - No inlining of strings, strconv, unicode/utf8 and internal/stringslite
#   functions into their callers: 8 KB; the run benchmarks allocate the
#   same and take the same time within the noise of a loaded machine.
WASM_GOEXPERIMENT=nogreenteagc
WASM_GCFLAGS=(-gcflags='pagingplayground/internal/...=-l' -gcflags='pagingplayground/wasm=-l'
  -gcflags='strings=-l' -gcflags='strconv=-l' -gcflags='unicode/utf8=-l' -gcflags='internal/stringslite=-l')
ADDR="${PAGESIM_ADDR:-127.0.0.1:8080}"

GOROOT_DIR="$(go env GOROOT)"
WASM_EXEC="$GOROOT_DIR/lib/wasm/go_js_wasm_exec"
bold=$'\e[1m' green=$'\e[32m' red=$'\e[31m' reset=$'\e[0m'
[[ -t 1 ]] || bold='' green='' red='' reset=''

step() { printf '\n%s==> %s%s\n' "$bold" "$*" "$reset"; }
ok() { printf '%s✓ %s%s\n' "$green" "$*" "$reset"; }
die() { printf '%s✗ %s%s\n' "$red" "$*" "$reset" >&2; exit 1; }

as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else die "need root for: $*"; fi
}

need_node() {
  command -v node >/dev/null && return
  step "Node is missing: installing it with apt-get (the WASM tests run under Node)"
  as_root apt-get update && as_root apt-get install -y nodejs
}

# find_chromium prints the Chromium to use, installing Debian's when missing.
find_chromium() {
  local c
  for c in "${CHROME_BIN:-}" chromium chromium-browser; do
    [[ -n "$c" ]] && command -v "$c" >/dev/null && { command -v "$c"; return; }
  done
  step "Chromium is missing: installing it with apt-get" >&2
  as_root apt-get update >&2 && as_root apt-get install -y chromium >&2
  command -v chromium
}

build_wasm() {
  mkdir -p build
  GOOS=js GOARCH=wasm GOEXPERIMENT="$WASM_GOEXPERIMENT" go build -trimpath "${WASM_GCFLAGS[@]}" -ldflags="-s -w -X main.version=$(git rev-parse --short HEAD 2>/dev/null || echo dev)" \
    -o build/pagesim.wasm ./wasm
}

cmd_build() {
  client_deps
  step "Building the WASM (GOOS=js GOARCH=wasm GOEXPERIMENT=$WASM_GOEXPERIMENT, ${WASM_GCFLAGS[*]}, -trimpath -ldflags=-s -w)"
  build_wasm
  step "Bundling the page with esbuild and precompressing (brotli, gzip) into dist/"
  go run ./web/build -wasm build/pagesim.wasm -out dist -npm build/npm
  size_check || printf '%swarning: the WASM is over its size budget (./build.sh test fails on it)%s\n' "$red" "$reset"
  ok "dist/ is ready"
}

cmd_serve() {
  cmd_build
  step "Serving dist/ on http://$ADDR/"
  exec go run ./cmd/pagesim serve -addr "$ADDR" -dir dist
}

# stage NAME CMD...: runs a test stage; a failure is recorded and the next
# stages still run, so one run shows every problem.
failed=()
stage() {
  local name="$1"; shift
  step "$name"
  if "$@"; then ok "$name"; else failed+=("$name"); printf '%s✗ %s failed%s\n' "$red" "$name" "$reset"; fi
}

vet() { go vet ./... && GOOS=js GOARCH=wasm go vet ./wasm/ ./sim/ ./internal/...; }
unit() { PAGESIM_CLIENTS=1 go test ./...; }
# client_deps installs the editor's packages (CodeMirror, web/), the real
# HTTP clients the API tests run (Octokit, the stripe library,
# parse-link-header) and what the client pane's sandbox bundles
# (web/sandbox), each in its own folder from its own lockfile with
# npm ci; nothing global. A folder whose lockfile has not
# changed since its last install is left as it is.
client_deps() {
  need_node || return 1
  local d
  for d in web/ web/sandbox/ cmd/pagesim/testdata/clients/*/; do
    [[ -f "$d/package-lock.json" ]] || continue
    if cmp -s "$d/package-lock.json" "$d/node_modules/.pagesim-installed"; then continue; fi
    echo "npm ci in $d"
    (cd "$d" && npm ci --no-audit --no-fund --loglevel=error && cp package-lock.json node_modules/.pagesim-installed) || return 1
  done
}
node_tests() { need_node && GOOS=js GOARCH=wasm GOEXPERIMENT="$WASM_GOEXPERIMENT" go test "${WASM_GCFLAGS[@]}" -exec="$WASM_EXEC" ./wasm/... ./sim/... ./internal/...; }
run_jsguard() {
  mkdir -p build
  go build -o build/jsguard github.com/hack-pad/safejs/jsguard/cmd/jsguard &&
    GOOS=js GOARCH=wasm build/jsguard ./wasm/... ./sim/... ./internal/...
}
site() { client_deps && build_wasm && go run ./web/build -wasm build/pagesim.wasm -out dist -npm build/npm; }
size_check() {
  local br
  br=$(stat -c %s dist/pagesim-*.wasm.br)
  printf 'served WASM: %d bytes brotli = %d KB; ceiling %d KB; target %d KB' "$br" $((br / 1024)) $((WASM_BUDGET_BR / 1024)) $((WASM_TARGET_BR / 1024))
  if ((br > WASM_TARGET_BR)); then printf ' (%snot met: %d KB over%s)' "$red" $(((br - WASM_TARGET_BR) / 1024)) "$reset"; fi
  printf '\n'
  if ((br > WASM_BUDGET_BR)); then
    printf '%sover budget by %d bytes%s\n' "$red" $((br - WASM_BUDGET_BR)) "$reset"
    return 1
  fi
}
browser_tests() {
  local chrome
  chrome="$(find_chromium)" || return 1
  echo "using $chrome"
  PAGESIM_E2E=1 CHROME_BIN="$chrome" PAGESIM_DIST="$PWD/dist" PAGESIM_NPM="$PWD/build/npm" go test -count=1 -timeout 30m -v ./e2e/ 2>&1 |
    grep -v '^=== \(RUN\|PAUSE\|CONT\)'
  return "${PIPESTATUS[0]}"
}

cmd_test() {
  local t0=$SECONDS
  stage "go vet (native and js/wasm)" vet
  stage "npm packages: the API tests' real clients, the sandbox's bundle (npm ci)" client_deps
  stage "unit tests (native)" unit
  stage "WASM tests under Node" node_tests
  stage "jsguard: no unsafe syscall/js calls" run_jsguard
  stage "build the site (dist/)" site
  stage "WASM size budget" size_check
  stage "browser tests in headless Chromium (screenshots in test-artifacts/)" browser_tests
  echo
  if ((${#failed[@]})); then
    printf '%s✗ %d stage(s) failed in %d s:%s\n' "$red" "${#failed[@]}" $((SECONDS - t0)) "$reset"
    printf '  - %s\n' "${failed[@]}"
    exit 1
  fi
  ok "all tests passed in $((SECONDS - t0)) s"
}

cmd_bench() {
  step "Machine load before (README figures note it)"
  uptime
  step "The server under load: 20,000 requests from 8 clients over loopback (requests/s, p99)"
  go test -run='^$' -bench=LoopbackLoad -benchtime=20000x -timeout=2m ./web/
  step "Simulator benchmarks (native)"
  go test -run='^$' -bench=. -benchmem ./sim/... ./internal/...
  step "Simulator and adapter benchmarks (WASM under Node)"
  need_node
  GOOS=js GOARCH=wasm GOEXPERIMENT="$WASM_GOEXPERIMENT" go test "${WASM_GCFLAGS[@]}" -exec="$WASM_EXEC" -run='^$' -bench=. ./sim/... ./wasm/...
  step "The simulator against SQLite (sql.js): offset and keyset walks, pages compared id for id"
  mkdir -p build
  go build -o build/pagesim ./cmd/pagesim
  build_wasm
  (cd bench/sqljs && npm ci --no-audit --no-fund --silent &&
    node bench.mjs ../../build/pagesim ../../build/pagesim.wasm "$GOROOT_DIR/lib/wasm/wasm_exec.js")
  step "The browser path in headless Chromium: 1M records, 10,000 requests, text to first screen, against pagesim run; a first visit's first result (wall and main-thread CPU)"
  site
  local chrome
  chrome="$(find_chromium)"
  PAGESIM_E2E=1 PAGESIM_BENCH=1 CHROME_BIN="$chrome" PAGESIM_DIST="$PWD/dist" \
    go test -count=1 -v -run='^(TestBrowserPathBench|TestFirstScreenBench)$' -timeout=30m ./e2e/ 2>&1 | grep -v '^=== \(RUN\|PAUSE\|CONT\)'
  step "Machine load after"
  uptime
}

cmd_fuzz() {
  # Every fuzz target in every package (sim, wasm, internal/...), each for
  # FUZZTIME. What they find lands in the package's testdata/fuzz, whose
  # inputs then run in every go test (natively and under Node).
  local file t dir
  while read -r file; do
    dir="./$(dirname "$file")"
    for t in $(grep -o '^func Fuzz[A-Za-z0-9_]*' "$file" | cut -d' ' -f2); do
      step "$t ($dir) for ${FUZZTIME:-60s}"
      go test -run='^$' -fuzz="^$t\$" -fuzztime="${FUZZTIME:-60s}" "$dir"
    done
  done < <(grep -rl --include='*_test.go' --exclude-dir=node_modules '^func Fuzz' . | sed 's|^\./||' | sort)
}

case "${1:-}" in
  build) cmd_build ;;
  serve) cmd_serve ;;
  test) cmd_test ;;
  bench) cmd_bench ;;
  fuzz) cmd_fuzz ;;
  *) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
