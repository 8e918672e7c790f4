#!/usr/bin/env bash
# Installs what CreditSim needs on Debian/Ubuntu (GSL and pkg-config) when it is missing.
set -euo pipefail
if ! pkg-config --exists gsl 2>/dev/null; then
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq libgsl-dev pkg-config
fi
