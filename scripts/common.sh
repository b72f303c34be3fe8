# Shared by run.sh and test.sh: repository root, Debian packages, configure+build.
# Sourced, not executed.

ORGNET_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Everything orgnet needs from Debian 12, for building, testing, fuzzing (clang,
# its libFuzzer runtime and OpenMP) and benchmarking.
ORGNET_PACKAGES=(
  g++ cmake ninja-build pkg-config
  libboost-graph-dev libeigen3-dev libspdlog-dev libfmt-dev libcli11-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  pybind11-dev python3-dev python3-numpy python3-pandas python3-networkx python3-igraph python3-pytest
  python3-nbclient python3-nbformat python3-ipykernel python3-nbconvert
  clang libclang-rt-14-dev libomp-dev clang-format clang-tidy cppcheck
)

# Installs the packages that are missing; silent when all are present.
orgnet_ensure_packages() {
  local missing=()
  local p
  for p in "${ORGNET_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$p")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "orgnet: installing Debian packages: ${missing[*]}" >&2
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Configures and builds one CMake preset (release, debug, sanitize).
orgnet_build() {
  local preset="$1"
  shift
  cmake -S "$ORGNET_ROOT" --preset "$preset" "$@" >/dev/null
  cmake --build "$ORGNET_ROOT/build/$preset" --parallel "$(nproc)"
}
