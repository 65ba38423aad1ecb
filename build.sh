#!/usr/bin/env bash
# Paging Playground: build, serve and test the browser playground.
#
#   ./build.sh build   dist/: the WASM, wasm_exec.js, bundled JS and CSS,
#                      index.html, each with .br and .gz copies
#   ./build.sh serve   build, then serve dist/ on http://127.0.0.1:8080/
#   ./build.sh test    vet, unit tests, WASM tests under Node, jsguard, the
#                      WASM size budget, then the browser tests in Chromium
#   ./build.sh bench   benchmarks of the simulator, natively and under Node
set -euo pipefail
cd "$(dirname "$0")"

# The WASM served to browsers must stay within this many bytes brotli (650 KB).
WASM_BUDGET_BR=$((650 * 1024))
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
  GOOS=js GOARCH=wasm go build -trimpath -ldflags="-s -w -X main.version=$(git rev-parse --short HEAD 2>/dev/null || echo dev)" \
    -o build/pagesim.wasm ./wasm
}

cmd_build() {
  step "Building the WASM (GOOS=js GOARCH=wasm, -trimpath -ldflags=-s -w)"
  build_wasm
  step "Bundling the page with esbuild and precompressing (brotli, gzip) into dist/"
  go run ./web/build -wasm build/pagesim.wasm -out dist -max-wasm-br "$WASM_BUDGET_BR"
  ok "dist/ is ready"
}

cmd_serve() {
  cmd_build
  step "Serving dist/ on http://$ADDR/"
  exec go run ./cmd/pagesim serve -addr "$ADDR" -dir dist
}

cmd_test() {
  local t0=$SECONDS
  step "go vet (native and js/wasm)"
  go vet ./...
  GOOS=js GOARCH=wasm go vet ./wasm/ ./sim/
  ok "vet"

  step "Unit tests (native)"
  go test ./...
  ok "unit tests"

  step "WASM tests under Node"
  need_node
  GOOS=js GOARCH=wasm go test -exec="$WASM_EXEC" ./wasm/... ./sim/...
  ok "WASM tests"

  step "jsguard: no unsafe syscall/js calls"
  mkdir -p build
  go build -o build/jsguard github.com/hack-pad/safejs/jsguard/cmd/jsguard
  GOOS=js GOARCH=wasm build/jsguard ./wasm/... ./sim/...
  ok "jsguard"

  step "Build, with the WASM size budget ($WASM_BUDGET_BR bytes brotli)"
  cmd_build

  step "Browser tests in headless Chromium"
  local chrome
  chrome="$(find_chromium)"
  echo "using $chrome"
  PAGESIM_E2E=1 CHROME_BIN="$chrome" PAGESIM_DIST="$PWD/dist" go test -count=1 -v ./e2e/ 2>&1 | grep -v '^=== \(RUN\|PAUSE\|CONT\)' 
  [[ ${PIPESTATUS[0]} -eq 0 ]] || die "browser tests failed"
  ok "browser tests (screenshots in test-artifacts/)"

  ok "all tests passed in $((SECONDS - t0)) s"
}

cmd_bench() {
  step "Simulator benchmarks (native)"
  go test -run='^$' -bench=. -benchmem ./sim/...
  step "Simulator and adapter benchmarks (WASM under Node)"
  need_node
  GOOS=js GOARCH=wasm go test -exec="$WASM_EXEC" -run='^$' -bench=. ./sim/... ./wasm/...
}

case "${1:-}" in
  build) cmd_build ;;
  serve) cmd_serve ;;
  test) cmd_test ;;
  bench) cmd_bench ;;
  *) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
