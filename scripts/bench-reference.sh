#!/usr/bin/env bash
# Speed benchmark against the hand-written C baseline (not a test): the reference model
# (scenarios/reference-bench.yaml) at N residents and T = 3650 days, CreditSim and c_fast run
# alternately in the same session, REPEATS times each; prints every run and the medians.
# usage: scripts/bench-reference.sh [N=500000] [REPEATS=5] [THREADS=1]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-500000}; REPEATS=${2:-5}; THREADS=${3:-1}
BASELINES=${BASELINES:-../shared/bench/baselines}
scripts/setup.sh
swift build -c release --product creditsim >&2
work=$(mktemp -d)
gcc -O2 -fopenmp -o "$work/c_fast" "$BASELINES/c_fast.c" -lgsl -lgslcblas -lm
for i in $(seq 1 "$REPEATS"); do
  "$work/c_fast" --n "$N" --days 3650 --seed "$i" --threads "$THREADS" --out "$work/c$i.json" 2>/dev/null
  python3 -c "import json,sys; print('c_fast', json.load(open(sys.argv[1]))['sim_seconds'])" "$work/c$i.json"
  /usr/bin/time -f "%M" -o "$work/rss$i" .build/release/creditsim run scenarios/reference-bench.yaml \
    --population "$N" --seed "$i" --threads "$THREADS" --out "$work/run$i" --quiet
  python3 -c "import json,sys; m=json.load(open(sys.argv[1])); print('creditsim', m['timings']['simulate_seconds'], 'peak_rss_kb', open(sys.argv[2]).read().strip())" \
    "$work/run$i/manifest.json" "$work/rss$i"
done | tee "$work/log"
python3 - "$work/log" "$N" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
n = int(sys.argv[2])
c = statistics.median(float(r[1]) for r in rows if r[0] == "c_fast")
s = statistics.median(float(r[1]) for r in rows if r[0] == "creditsim")
rss = statistics.median(int(r[3]) for r in rows if r[0] == "creditsim")
print(f"median c_fast {c:.3f} s, creditsim {s:.3f} s, ratio {s / c:.2f}; "
      f"creditsim {n * 3650 / s:.3g} resident-days/s, peak RSS {rss / 1024:.1f} MiB")
PY
rm -rf "$work"
