#!/usr/bin/env bash
# The kill-and-resume check of docs/experiments.md: starts a sweep, kills it with SIGKILL part-way,
# reruns the same command, and checks that the table equals an uninterrupted run's byte for byte
# (the uninterrupted run uses another thread count, so the check covers that too).
# usage: scripts/check-sweep-resume.sh [BINARY] [OUT_DIR]
set -euo pipefail
bin=$(realpath "${1:-.build/release/creditsim}")
out=${2:-results/ci-resume}
plan=plans/harmful-info-points.yaml
rm -rf "$out"
mkdir -p "$out"

"$bin" sweep "$plan" --out "$out/killed" --threads 1 --quiet &
pid=$!
for _ in $(seq 1 600); do
  n=$(ls "$out/killed/runs" 2>/dev/null | grep -c '\.csv$' || true)
  [ "$n" -ge 8 ] && break
  sleep 0.05
done
kill -9 "$pid"
wait "$pid" 2>/dev/null || true
done_before=$(ls "$out/killed/runs" | grep -c '\.csv$')
[ ! -e "$out/killed/results.csv" ] || { echo "the sweep finished before it was killed; use a longer plan"; exit 1; }
echo "killed with SIGKILL after $done_before of 45 runs"

"$bin" sweep "$plan" --out "$out/killed" --threads 1 | tee "$out/resume.txt"
grep -q "$done_before already finished" "$out/resume.txt"
"$bin" sweep "$plan" --out "$out/whole" --threads 2 --quiet
cmp "$out/killed/results.csv" "$out/whole/results.csv"
echo "resumed table equals the uninterrupted one ($(wc -l < "$out/whole/results.csv") lines)"
rows=$(sqlite3 "$out/killed/results.sqlite" "SELECT count(*) FROM results")
[ "$rows" -eq $(($(wc -l < "$out/whole/results.csv") - 1)) ] || { echo "SQLite has $rows rows"; exit 1; }
