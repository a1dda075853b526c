#!/bin/sh
# Runs every Google Benchmark program of a Release build and keeps the JSON results.
# Usage: scripts/bench.sh BUILD_DIR
set -eu
build="$1"
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
