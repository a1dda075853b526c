#!/bin/sh
# The programs `make bench` compares Tendon with, installed when missing: gpsbabel and
# gpxpy from Debian, Garmin's FIT SDK for JavaScript from npm into PEERS_DIR. A peer that
# cannot be installed (no network, no npm) is said here and reported missing in the
# table; the benchmarks still run.
# Usage: install-bench-peers.sh PEERS_DIR
set -u
peers="$1"
here=$(dirname "$0")
"$here/install-deps.sh" gpsbabel python3-gpxpy ||
  echo "bench: could not install gpsbabel or python3-gpxpy; they will be reported missing" >&2
# Debian's node only where there is none: a node from elsewhere (NodeSource) brings its npm.
if ! command -v node >/dev/null 2>&1; then
  "$here/install-deps.sh" nodejs npm || echo "bench: could not install node; @garmin/fitsdk will be reported missing" >&2
fi
if [ ! -d "$peers/node_modules/@garmin/fitsdk" ] && command -v npm >/dev/null 2>&1; then
  mkdir -p "$peers"
  npm install --prefix "$peers" --no-audit --no-fund --silent @garmin/fitsdk ||
    echo "bench: could not install @garmin/fitsdk from npm; it will be reported missing" >&2
fi
exit 0
