#!/usr/bin/env bash
# The command line at its edges, as CI runs it: out-of-range options, impossible output targets,
# an infeasible plan, the time estimate of a long run and Ctrl-C. Each case states its exit code
# and the exact line it must print on stderr.
# usage: scripts/check-cli-edges.sh [BINARY]
set -euo pipefail
bin=$(realpath "${1:-.build/release/creditsim}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
touch a-file
failures=0

# expect CODE "EXACT STDERR LINE" COMMAND...
expect() {
  local code=$1 line=$2
  shift 2
  set +e
  "$@" > out.txt 2> err.txt
  local got=$?
  set -e
  if [ "$got" -ne "$code" ] || ! grep -qxF -- "$line" err.txt; then
    echo "FAIL: $* (exit $got, expected $code)"
    echo "  expected line: $line"
    sed 's/^/  stderr: /' err.txt | head -5
    failures=$((failures + 1))
  else
    echo "ok: $*"
  fi
}

expect 64 "Error: --population -5 is out of range: it must be in [1, 10000000000]" \
  "$bin" run rongcheng-2016 --population -5
expect 64 "Error: --threads -1 is out of range: it must be in [1, 1024]" \
  "$bin" run rongcheng-2016 --threads -1
expect 64 "Error: --replicates -3 is out of range: it must be in [2, 10000]" \
  "$bin" compare rongcheng-2016 --guidance central-2020 --replicates -3
expect 64 "Error: --sample 0 is out of range: it must be at least 1" \
  "$bin" plan rongcheng-2016 --sample 0
expect 1 "a-file/sub: error: cannot write results: 'a-file' is a file, not a folder (check --out and the free disk space)" \
  "$bin" run rongcheng-2016 --population 1000 --out a-file/sub
expect 1 '"": error: cannot write results: no path given (an empty name) (check --out and the free disk space)' \
  "$bin" run rongcheng-2016 --population 1000 --out ""
expect 1 "a-file/sub: error: cannot create the sweep folder ('a-file' is a file, not a folder); check --out and the free disk space" \
  "$bin" sweep ci-small --out a-file/sub
# A one-character folder name (NSString.deletingLastPathComponent crashes on it on Linux).
if "$bin" run rongcheng-2016 --population 1000 --out r --quiet 2> err.txt && test -s r/summary.json; then
  echo "ok: run --out r"
else
  echo "FAIL: run --out r"; head -5 err.txt; failures=$((failures + 1))
fi

# An unknown name: the message names the shipped folder it looked in (which depends on the install).
"$bin" run no-such 2> err.txt && { echo "FAIL: an unknown name ran"; failures=$((failures + 1)); }
grep -q "^no-such: error: no file 'no-such' here, and no shipped scenario of that name in " err.txt \
  && echo "ok: run no-such" || { echo "FAIL: run no-such"; cat err.txt; failures=$((failures + 1)); }

# 8,192 groups × 100 years: plan refuses it as run does, before its calibration allocates.
python3 - > huge.yaml <<'PY'
print("schema: 1\nmeta: {name: huge, title: too large}\nrun: {start: 2000-01-01, days: 36525}")
print("population:\n  size: 1000\n  groups:")
for g in range(8192):
    print(f"    - {{id: g{g}, share: 0.0001220703125}}")
print("behaviours:\n  - {id: b, rate: 0.001, unlawful: \"no\"}")
print("scheme:\n  base: 1000\n  grades: [{id: A, min: 900}, {id: B}]")
print("  rulebooks:\n    - {id: v1, effective: 2000-01-01, rules: [{behaviour: b, points: -5}]}")
PY
for command in plan run; do
  set +e
  "$bin" "$command" huge.yaml --threads 2 > out.txt 2> err.txt
  code=$?
  set -e
  if [ "$code" -eq 1 ] && grep -q "^huge.yaml: error: the run would not fit this machine: it needs about" err.txt; then
    echo "ok: $command huge.yaml refused cleanly"
  else
    echo "FAIL: $command huge.yaml (exit $code)"; head -3 err.txt; failures=$((failures + 1))
  fi
done

# A long run says how long before it starts; Ctrl-C stops it with exit 130 and writes nothing.
"$bin" run reference-bench --population 200000000 --out long > out.txt 2> err.txt &
pid=$!
sleep 4
kill -INT "$pid"
set +e
wait "$pid"
code=$?
set -e
if [ "$code" -eq 130 ] && [ ! -e long ] && ! ls -a | grep -q "partial" \
  && grep -q "^reference-bench: 200000000 residents × 3650 days will take about .* Ctrl-C stops it and writes nothing.$" err.txt \
  && grep -qxF "interrupted: stopping at the next block of residents; nothing will be written" err.txt; then
  echo "ok: long run announced, interrupted with exit 130, nothing written"
else
  echo "FAIL: long run / Ctrl-C (exit $code)"; cat err.txt; ls -a; failures=$((failures + 1))
fi

echo "$((12 - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
