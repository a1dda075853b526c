#!/bin/sh
# Runs every libFuzzer target of a TENDON_FUZZ build for FUZZ_SECONDS each, starting from
# its kept regression inputs and seed corpora. A finding stops the run with exit 1 and
# leaves the input under BUILD/fuzz-artifacts/<target>/ (copy it to
# tests/fuzz/regressions/<target>/ once fixed, so it is replayed by every `make test`).
# Usage: scripts/fuzz.sh BUILD_DIR SECONDS [TARGET...]
set -eu
build="$1"; seconds="$2"; shift 2
list="$build/fuzz-seeds.txt"
[ -f "$list" ] || { echo "fuzz: $list missing (configure with -DTENDON_FUZZ=ON)" >&2; exit 2; }

status=0
while read -r name binary seeds; do
  [ -n "$name" ] || continue
  if [ $# -gt 0 ]; then
    case " $* " in *" $name "*) ;; *) continue ;; esac
  fi
  work="$build/fuzz-corpus/$name"; artifacts="$build/fuzz-artifacts/$name"
  mkdir -p "$work" "$artifacts"
  dirs=""
  for d in $seeds; do [ -d "$d" ] && dirs="$dirs $d"; done
  echo "fuzz: $name for ${seconds}s (seeds:${dirs:- none})"
  # shellcheck disable=SC2086
  if ! "$binary" -max_total_time="$seconds" -max_len=1048576 -timeout=10 -rss_limit_mb=2048 \
       -print_final_stats=1 -artifact_prefix="$artifacts/" "$work" $dirs 2>"$build/fuzz-$name.log"; then
    echo "fuzz: $name FOUND A PROBLEM; see $build/fuzz-$name.log and $artifacts/" >&2
    tail -n 40 "$build/fuzz-$name.log" >&2
    status=1
  else
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$build/fuzz-$name.log" | sed "s/^/fuzz: $name /"
  fi
done < "$list"
exit $status
