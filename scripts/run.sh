#!/usr/bin/env bash
# The main job: builds orgnet (Release) and runs `orgnet summary` on the bundled
# Krackhardt network. Extra arguments go to orgnet summary, e.g.
#   scripts/run.sh --dataset lazega --format json
# Works from any directory; installs missing Debian packages first.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
orgnet_ensure_packages
orgnet_build release >/dev/null
exec "$ORGNET_ROOT/build/release/bin/orgnet" summary "$@"
