#!/usr/bin/env bash
# The main job: builds orgnet (Release), prints `orgnet summary` of the bundled
# Krackhardt network and writes the full HTML report of it (`orgnet report`) to
# orgnet-report.html in the current directory. Arguments go to orgnet report
# (input, privacy and layout options), e.g.
#   scripts/run.sh --dataset lazega --path-from 12 --to 1
#   scripts/run.sh --people people.csv --ties ties.csv --pseudonymize --out ona.html
# Works from any directory; installs missing Debian packages first.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
orgnet_ensure_packages
orgnet_build release >/dev/null
orgnet="$ORGNET_ROOT/build/release/bin/orgnet"

out="$PWD/orgnet-report.html"
for arg in "$@"; do
  case "$arg" in -o|--out|--out=*|-o*) out="" ;; esac
done
if [ $# -eq 0 ]; then
  "$orgnet" summary
  echo
fi
if [ -n "$out" ]; then
  "$orgnet" report "$@" --out "$out"
  echo "orgnet: the full report is in $out (one self-contained HTML file: open it in a browser)"
else
  "$orgnet" report "$@"
fi
