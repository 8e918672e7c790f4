#!/usr/bin/env bash
# Opens HTML reports in headless Chromium the way a reader would: fails on any console message,
# saves a screenshot and an A4 PDF print beside each report, and checks in the PDF that every
# figure's title and its caption land on the same page (no chart cut by a page break) and that no
# page is empty.
# usage: scripts/check-report.sh REPORT.html [REPORT.html …]   (needs chromium and poppler-utils)
set -euo pipefail
browser=$(command -v chromium || command -v chromium-browser)
for report in "$@"; do
  report=$(realpath "$report")
  dir=$(dirname "$report"); stem=$(basename "$report" .html)
  log="$dir/$stem.console.log"
  "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --enable-logging=stderr --v=0 \
    --window-size=1100,1600 --screenshot="$dir/$stem.png" "file://$report" 2> "$log" >/dev/null
  if grep -E "CONSOLE|Uncaught|ERR_FILE_NOT_FOUND|net::ERR" "$log"; then
    echo "$report: console messages or failed loads (see $log)"; exit 1
  fi
  "$browser" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --print-to-pdf="$dir/$stem.pdf" "file://$report" 2>/dev/null >/dev/null
  pages=$(pdfinfo "$dir/$stem.pdf" | awk '/^Pages:/ {print $2}')
  for p in $(seq 1 "$pages"); do
    words=$(pdftotext -f "$p" -l "$p" "$dir/$stem.pdf" - 2>/dev/null | wc -w)
    [ "$words" -gt 0 ] || { echo "$report: page $p of $stem.pdf is empty"; exit 1; }
  done
  figures=$(grep -o '<figure id="figure-[0-9]*' "$report" | grep -o '[0-9]*$' || true)
  for n in $figures; do
    found=0
    for p in $(seq 1 "$pages"); do
      text=$(pdftotext -f "$p" -l "$p" -layout "$dir/$stem.pdf" - 2>/dev/null)
      titles=$(grep -c "Figure $n\. " <<<"$text" || true)
      if [ "$titles" -ge 2 ]; then found=1; break; fi   # title and caption on this page
    done
    [ "$found" -eq 1 ] || { echo "$report: figure $n is split across pages in $stem.pdf"; exit 1; }
  done
  size=$(stat -c %s "$report")
  echo "$report: $(wc -w <<<"$figures") figures whole on $pages A4 pages (none empty), $((size / 1024)) KiB, no console messages; $stem.png and $stem.pdf saved"
done
