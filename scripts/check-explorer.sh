#!/usr/bin/env bash
# Checks the explorer end to end, as CI runs it: starts `creditsim serve`, drives the page in
# headless Chromium (scripts/explorer-ui-test.py), runs the downloaded scenario with the CLI and
# compares its daily table with the page's byte for byte, then load-tests the server with wrk
# (>= 1,000 requests, 16 connections, a mix of page and run requests).
# usage: scripts/check-explorer.sh [BINARY] [OUT_DIR]   (needs chromium, wrk, python3 websocket-client)
set -euo pipefail
bin=$(realpath "${1:-.build/release/creditsim}")
out=${2:-results/ci-explorer}
port=${EXPLORER_PORT:-8093}
mkdir -p "$out"
out=$(realpath "$out")
downloads="$out/downloads"
rm -rf "$downloads"

"$bin" serve --port "$port" > "$out/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  grep -q "CreditSim explorer: http://127.0.0.1:$port" "$out/serve.log" 2>/dev/null && break
  sleep 0.1
done
curl -sf "http://127.0.0.1:$port/api/limits" > /dev/null || { cat "$out/serve.log"; echo "server did not start"; exit 1; }

echo "== explorer: page driven in headless Chromium"
python3 scripts/explorer-ui-test.py "http://127.0.0.1:$port" "$downloads" "$out/explorer" | tee "$out/ui.json"

echo "== explorer: the downloaded scenario runs with the CLI to the page's results"
"$bin" run "$downloads/rongcheng-2016-edited.yaml" --quiet --out "$out/cli-run"
cmp "$out/cli-run/daily.csv" "$downloads/rongcheng-2016-daily.csv"
echo "daily.csv from the CLI equals the page's ($(wc -l < "$downloads/rongcheng-2016-daily.csv") lines)"

echo "== explorer: load test (wrk, 16 connections)"
wrk -t2 -c16 -d30s --timeout 30s --latency -s scripts/explorer-load.lua "http://127.0.0.1:$port" | tee "$out/load.txt"
total=$(awk '/requests in/ {print $1}' "$out/load.txt")
if grep -qE "Non-2xx|Socket errors" "$out/load.txt"; then echo "load test: errors (see $out/load.txt)"; exit 1; fi
[ "$total" -ge 1000 ] || { echo "load test: only $total requests"; exit 1; }
kill -0 $server || { echo "the server died"; exit 1; }
echo "load test: $total requests, no errors; the server is still up"
