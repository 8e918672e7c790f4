#!/usr/bin/env bash
# Statistical agreement of CreditSim with the C baseline on the reference model: SEEDS runs of
# each at N residents, compared by the baselines' compare.py (t statistics per metric,
# histogram chi-square, daily-share t²). Needs python3 with numpy.
# usage: scripts/compare-reference.sh [N=100000] [SEEDS=20]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}; SEEDS=${2:-20}
BASELINES=${BASELINES:-../shared/bench/baselines}
scripts/setup.sh
swift build -c release --product creditsim >&2
work=$(mktemp -d)
gcc -O2 -fopenmp -o "$work/c_fast" "$BASELINES/c_fast.c" -lgsl -lgslcblas -lm
for s in $(seq 1 "$SEEDS"); do
  "$work/c_fast" --n "$N" --days 3650 --seed "$s" --out "$work/c_fast-$s.json" 2>/dev/null
  .build/release/creditsim run scenarios/reference-bench.yaml --population "$N" --seed "$((1000 + s))" \
    --out "$work/run-$s" --reference-json "$work/creditsim-$s.json" --quiet
done
python3 "$BASELINES/compare.py" "c_fast=$work/c_fast-*.json" "creditsim=$work/creditsim-*.json" --ref c_fast
rm -rf "$work"
