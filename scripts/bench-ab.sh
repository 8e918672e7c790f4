#!/usr/bin/env bash
# A/B speed benchmark of two or more creditsim binaries (not a test): the reference model at N
# residents on one thread, the binaries run alternately REPEATS times; prints medians and minima
# of `simulate_seconds`. Use it to check that a change does not slow the engine.
# usage: scripts/bench-ab.sh N REPEATS NAME=BINARY [NAME=BINARY ...]
#   e.g. scripts/bench-ab.sh 500000 9 before=/tmp/creditsim-before after=.build/release/creditsim
set -euo pipefail
cd "$(dirname "$0")/.."
N=$1; REPEATS=$2; shift 2
work=$(mktemp -d)
for i in $(seq 1 "$REPEATS"); do
  for pair in "$@"; do
    name=${pair%%=*}; binary=${pair#*=}
    "$binary" run scenarios/reference-bench.yaml --population "$N" --seed "$i" --threads 1 \
      --out "$work/$name-$i" --quiet
    python3 -c "import json,sys; print(sys.argv[2], json.load(open(sys.argv[1]))['timings']['simulate_seconds'])" \
      "$work/$name-$i/manifest.json" "$name"
  done
done > "$work/log"
python3 - "$work/log" <<'PY'
import collections, statistics, sys
times = collections.defaultdict(list)
for line in open(sys.argv[1]):
    name, seconds = line.split()
    times[name].append(float(seconds))
for name, values in times.items():
    print(f"{name}: median {statistics.median(values):.3f} s, min {min(values):.3f} s over {len(values)} runs")
PY
rm -rf "$work"
