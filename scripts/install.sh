#!/usr/bin/env bash
# Installs creditsim for the current user (or under PREFIX): the release binary, the data it ships
# (scenarios, guidance profiles, plans, docs), shell completions for bash, zsh and fish, and a man
# page. The installed binary finds its data from any folder (PREFIX/share/creditsim).
# usage: scripts/install.sh [PREFIX]      (default: $HOME/.local)
set -euo pipefail
prefix=${1:-$HOME/.local}
case "$prefix" in /*) ;; *) prefix="$PWD/$prefix" ;; esac   # relative to where it was called from
cd "$(dirname "$0")/.."

scripts/setup.sh
swift build -c release --product creditsim >&2
# The man page, from the command-line definitions (swift-argument-parser's generate-manual plugin).
swift package generate-manual --configuration release >&2
manual=.build/plugins/GenerateManual/outputs/creditsim/creditsim.1

share="$prefix/share"
mkdir -p "$prefix/bin" "$share/man/man1" "$share/bash-completion/completions" \
  "$share/zsh/site-functions" "$share/fish/vendor_completions.d"

# The data folder is written beside the old one and swapped in, so a failed copy leaves the old one.
staging=$(mktemp -d "$share/.creditsim-install.XXXXXX")
trap 'rm -rf "$staging"' EXIT
mkdir -p "$staging/creditsim"
cp -R scenarios plans docs "$staging/creditsim/"
rm -rf "$share/creditsim.old"
[ -e "$share/creditsim" ] && mv "$share/creditsim" "$share/creditsim.old"
mv "$staging/creditsim" "$share/creditsim"
rm -rf "$share/creditsim.old"

install -m 0755 .build/release/creditsim "$prefix/bin/creditsim.new"
mv -f "$prefix/bin/creditsim.new" "$prefix/bin/creditsim"
install -m 0644 "$manual" "$share/man/man1/creditsim.1"
bin="$prefix/bin/creditsim"
"$bin" --generate-completion-script bash > "$share/bash-completion/completions/creditsim"
"$bin" --generate-completion-script zsh > "$share/zsh/site-functions/_creditsim"
"$bin" --generate-completion-script fish > "$share/fish/vendor_completions.d/creditsim.fish"

echo "installed $bin"
echo "  data:        $share/creditsim (scenarios, guidance profiles, plans, docs)"
echo "  man page:    $share/man/man1/creditsim.1   (man creditsim)"
echo "  completions: bash, zsh and fish under $share"
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "note: $prefix/bin is not on your PATH; add it, e.g. export PATH=\"$prefix/bin:\$PATH\"" ;;
esac
