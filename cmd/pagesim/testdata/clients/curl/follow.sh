#!/usr/bin/env bash
# follow.sh URL: a curl client that reads a list by following the Link
# header's rel="next" until there is none, as RFC 8288 APIs (GitHub, Celigo,
# json-server) tell their users to. Prints each page's body on its own line.
set -euo pipefail
url="$1"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
pages=0
origin="$(printf '%s' "$url" | sed -E 's#^(https?://[^/?#]*).*#\1#')"
while [[ -n "$url" ]]; do
  curl -sS --fail-with-body --max-time 10 -H "X-Pagesim-Client: curl" -D "$tmp/headers" -o "$tmp/body" "$url"
  cat "$tmp/body"
  echo
  pages=$((pages + 1))
  ((pages <= 1000)) || { echo "follow.sh: more than 1000 pages" >&2; exit 1; }
  # Link: <http://h/items?page=2>; rel="next", <http://h/items?page=1>; rel="first"
  url="$(tr -d '\r' <"$tmp/headers" | grep -i '^link:' | sed 's/^[Ll]ink: *//' | tr ',' '\n' |
    grep -E 'rel=("([^"]* )?next( [^"]*)?"|next *(;|$))' | sed -n 's/^ *<\([^>]*\)>.*/\1/p' | head -n 1 || true)"
  # A relative reference resolves against the URL it came with (RFC 8288, 3.1).
  if [[ "$url" == /* ]]; then url="$origin$url"; fi
done
