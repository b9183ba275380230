#!/usr/bin/env bash
# The build step of a framelens package: the manual pages and the shell completions, made by the
# release binary from its own command-line definition, so they cannot disagree with --help.
#
#   bash scripts/assets.sh [OUT]     (default OUT: target/assets in the repository)
#
# writes OUT/man/man1/*.1 (one page per command) and OUT/completions/ (bash, zsh, fish, elvish,
# PowerShell), then checks every page with groff's warnings on. A package copies OUT/man to
# /usr/share/man and each completion script where its shell looks for it.
set -euo pipefail
# OUT is taken from the caller's folder; the build runs in the repository's.
out=$(realpath -m "${1:-$(dirname "$0")/../target/assets}")
cd "$(dirname "$0")/.."

cargo build --release --locked --quiet
bin="${CARGO_TARGET_DIR:-target}/release/framelens"

pages=$(mktemp)
trap 'rm -f "$pages"' EXIT
rm -rf "$out/man" "$out/completions"
"$bin" man --out-dir "$out/man/man1" > "$pages"
mkdir -p "$out/completions"
"$bin" completions bash > "$out/completions/framelens.bash"
"$bin" completions zsh > "$out/completions/_framelens"
"$bin" completions fish > "$out/completions/framelens.fish"
"$bin" completions elvish > "$out/completions/framelens.elv"
"$bin" completions powershell > "$out/completions/_framelens.ps1"

# Every page must typeset without a warning (groff-base is installed if missing).
if ! command -v groff >/dev/null 2>&1; then
  echo "== installing groff-base to check the manual pages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq groff-base >/dev/null
fi
n=0
while read -r page; do
  if ! warnings=$(groff -man -Tutf8 -ww -z "$page" 2>&1) || [ -n "$warnings" ]; then
    echo "$page: groff: $warnings" >&2
    exit 1
  fi
  n=$((n + 1))
done < "$pages"
if [ "$n" -eq 0 ]; then
  echo "no manual pages were written" >&2
  exit 1
fi
bash -n "$out/completions/framelens.bash"
echo "framelens assets: $n manual pages in $out/man/man1, 5 completion scripts in $out/completions"
