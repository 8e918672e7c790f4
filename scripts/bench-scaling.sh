#!/usr/bin/env bash
# How run time grows with the population and the thread count (a benchmark, not a test): the
# reference model (T = 3650) at N = 10^4 … MAX, one and two threads, REPEATS runs each; prints the
# median simulate seconds, resident-days per second, peak RSS and, when the C baseline builds
# (gcc, GSL, ../shared/bench/baselines), the median time of c_fast with the same threads and the
# ratio. CreditSim and c_fast run alternately so both see the same machine.
# usage: scripts/bench-scaling.sh [MAX=100000000] [REPEATS=3]
set -euo pipefail
cd "$(dirname "$0")/.."
MAX=${1:-100000000}; REPEATS=${2:-3}
BASELINES=${BASELINES:-../shared/bench/baselines}
scripts/setup.sh
swift build -c release --product creditsim >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cfast=""
if [ -f "$BASELINES/c_fast.c" ] && gcc -O2 -fopenmp -o "$work/c_fast" "$BASELINES/c_fast.c" -lgsl -lgslcblas -lm 2>/dev/null; then
  cfast="$work/c_fast"
fi
median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
printf "%12s %8s %12s %18s %10s %10s %7s\n" residents threads creditsim-s resident-days/s peak-MiB c_fast-s ratio
n=10000
while [ "$n" -le "$MAX" ]; do
  for t in 1 2; do
    : > "$work/cs"; : > "$work/c"; : > "$work/rss"
    for i in $(seq 1 "$REPEATS"); do
      if [ -n "$cfast" ]; then
        /usr/bin/time -f "%e" -o "$work/ct" "$cfast" --n "$n" --days 3650 --seed "$i" --threads "$t" \
          --out "$work/c.json" >/dev/null 2>&1
        cat "$work/ct" >> "$work/c"
      fi
      /usr/bin/time -f "%M" -o "$work/m" .build/release/creditsim run scenarios/reference-bench.yaml \
        --population "$n" --threads "$t" --seed "$i" --out "$work/run" --quiet
      python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["timings"]["simulate_seconds"])' \
        "$work/run/manifest.json" >> "$work/cs"
      cat "$work/m" >> "$work/rss"
      rm -rf "$work/run"
    done
    cs=$(median < "$work/cs"); rss=$(median < "$work/rss")
    c=$([ -n "$cfast" ] && median < "$work/c" || echo nan)
    python3 -c 'import sys
n, t, cs, rss, c = int(sys.argv[1]), sys.argv[2], float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
ratio = cs / c if c == c and c > 0 else float("nan")
print(f"{n:12d} {t:>8} {cs:12.3f} {n * 3650 / cs:18.3g} {rss / 1024:10.1f} {c:10.3f} {ratio:7.2f}")' \
      "$n" "$t" "$cs" "$rss" "$c"
  done
  n=$((n * 10))
done
