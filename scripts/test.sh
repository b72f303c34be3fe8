#!/usr/bin/env bash
# Builds orgnet (Release) and runs every test: C++ (GoogleTest), Python
# (pytest), CLI, and the CMake package consumers; then the C++ tests again under
# AddressSanitizer + UndefinedBehaviorSanitizer. `--quick` skips the sanitizer
# pass. Works from any directory; installs missing Debian packages first.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
orgnet_ensure_packages
jobs="$(nproc)"

echo "== Release build and full test suite"
orgnet_build release
ctest --test-dir "$ORGNET_ROOT/build/release" --output-on-failure --parallel "$jobs"

if [ "${1:-}" != "--quick" ]; then
  echo "== C++ tests under AddressSanitizer + UndefinedBehaviorSanitizer"
  orgnet_build sanitize
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir "$ORGNET_ROOT/build/sanitize" --output-on-failure --parallel "$jobs" -L 'cpp|cli'
fi
