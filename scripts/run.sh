#!/usr/bin/env bash
# Set-up and the main job in one: installs GSL if missing, builds the release binary, runs a scenario.
# usage: scripts/run.sh SCENARIO [creditsim run options]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release --product creditsim >&2
exec .build/release/creditsim run "$@"
