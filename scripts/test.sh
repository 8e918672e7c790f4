#!/usr/bin/env bash
# Set-up and the whole test suite: installs GSL if missing, then runs `swift test`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift test "$@"
