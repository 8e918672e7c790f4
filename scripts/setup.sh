#!/usr/bin/env bash
# Installs what CreditSim builds against on Debian/Ubuntu when it is missing: GSL (the numerics),
# SQLite (the sweep tables, through GRDB) and pkg-config.
set -euo pipefail
if ! pkg-config --exists gsl sqlite3 2>/dev/null; then
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq libgsl-dev libsqlite3-dev pkg-config
fi
