#!/usr/bin/env bash
# Static checks, enforced in CI: clang-format (layout, .clang-format), clang-tidy
# (curated checks, .clang-tidy) over the library and the CLI, and cppcheck.
# Each must report nothing. Needs a configured release build for the compile
# commands (scripts/test.sh makes one).
#
#   bash scripts/lint.sh            # check
#   bash scripts/lint.sh --fix      # rewrite the files clang-format would change
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
orgnet_ensure_packages
cd "$ORGNET_ROOT"

mapfile -t sources < <(git ls-files '*.cpp' '*.hpp' | grep -v '^tests/data/')
status=0

# ---- clang-format -----------------------------------------------------------------
if [ "${1:-}" = "--fix" ]; then
  clang-format -i "${sources[@]}"
  exit 0
fi
if ! clang-format --dry-run -Werror "${sources[@]}" 2> build/clang-format.log; then
  echo "lint: clang-format would change these files (bash scripts/lint.sh --fix):" >&2
  grep -o '^[^:]*:' build/clang-format.log | sort -u >&2
  status=1
fi

# ---- clang-tidy -------------------------------------------------------------------
build="$ORGNET_ROOT/build/release"
cmake -S . --preset release -DCMAKE_EXPORT_COMPILE_COMMANDS=ON > /dev/null
run-clang-tidy -p "$build" -quiet -header-filter='.*/(include|src)/.*' -j "$(nproc)" "$ORGNET_ROOT/src/" \
  > build/clang-tidy.log 2>&1 || true
if grep -q "warning:\|error:" build/clang-tidy.log; then
  echo "lint: clang-tidy findings:" >&2
  sed 's/\x1b\[[0-9;]*m//g' build/clang-tidy.log | grep -E "(warning|error):" | sort -u >&2
  status=1
fi

# ---- cppcheck ---------------------------------------------------------------------
if ! cppcheck --project="$build/compile_commands.json" --enable=warning,performance,portability \
    --inline-suppr --suppressions-list=.cppcheck-suppressions --error-exitcode=1 -q \
    "--file-filter=*src/*" --template='{file}:{line}: {id}: {message}' 2> build/cppcheck.log; then
  echo "lint: cppcheck findings:" >&2
  cat build/cppcheck.log >&2
  status=1
fi

[ $status -eq 0 ] && echo "lint: clean (clang-format, clang-tidy, cppcheck)" >&2
exit $status
