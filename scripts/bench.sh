#!/bin/sh
# Runs every Google Benchmark program of a Release build and keeps the JSON results, then
# prints the comparison table with the peers (scripts/bench/compare.py), also kept as JSON.
# Usage: scripts/bench.sh BUILD_DIR PEERS_DIR
set -eu
build="$1"; peers="$2"
here=$(dirname "$0")
out="$build/bench-results"
mkdir -p "$out"
found=0
for b in "$build"/tests/bench/bench_*; do
  [ -x "$b" ] || continue
  found=1
  name=$(basename "$b")
  echo "== $name"
  "$b" --benchmark_out="$out/$name.json" --benchmark_out_format=json
done
[ "$found" -eq 1 ] || { echo "bench: no benchmark programs in $build/tests/bench" >&2; exit 1; }
echo "bench: JSON results in $out/"
echo
echo "== Tendon and its peers ($(date -u +%Y-%m-%d), $(nproc) cores)"
python3 "$here/bench/compare.py" "$build" "$here/../../shared" "$peers" "$out/comparison.json"
