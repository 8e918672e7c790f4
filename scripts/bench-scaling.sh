#!/usr/bin/env bash
# How run time grows with the population and the thread count (not a test): the reference model
# (T = 3650) at N = 10^4 … MAX, one and two threads; prints simulate seconds, resident-days per
# second and peak RSS per run.
# usage: scripts/bench-scaling.sh [MAX=100000000]
set -euo pipefail
cd "$(dirname "$0")/.."
MAX=${1:-100000000}
scripts/setup.sh
swift build -c release --product creditsim >&2
work=$(mktemp -d)
printf "%12s %8s %10s %22s %12s\n" residents threads seconds resident-days/s peak-RSS-MiB
n=10000
while [ "$n" -le "$MAX" ]; do
  for t in 1 2; do
    /usr/bin/time -f "%M" -o "$work/rss" .build/release/creditsim run scenarios/reference-bench.yaml \
      --population "$n" --threads "$t" --out "$work/run-$n-$t" --quiet
    python3 - "$work/run-$n-$t/manifest.json" "$work/rss" "$n" "$t" <<'PY'
import json, sys
m = json.load(open(sys.argv[1])); s = m["timings"]["simulate_seconds"]; n = int(sys.argv[3])
print(f"{n:12d} {sys.argv[4]:>8} {s:10.3f} {n * 3650 / s:22.3g} {int(open(sys.argv[2]).read()) / 1024:12.1f}")
PY
    rm -rf "$work/run-$n-$t"
  done
  n=$((n * 10))
done
rm -rf "$work"
