// Writes the seeded synthetic organization the benchmarks use, so scripts in
// other languages (benchmarks/compare_peers.py) measure peers on the very same
// files.
//
//   orgnet_make_synthetic_org DIR PEOPLE TIES [SEED]

#include <cstdio>
#include <cstdlib>
#include <string>

#include "synthetic_org.hpp"

int main(int argc, char** argv) {
  if (argc < 4 || argc > 5) {
    std::fprintf(stderr, "usage: %s DIR PEOPLE TIES [SEED]\n", argv[0]);
    return 2;
  }
  const auto people = std::strtoull(argv[2], nullptr, 10);
  const auto ties = std::strtoull(argv[3], nullptr, 10);
  const auto seed = argc == 5 ? std::strtoull(argv[4], nullptr, 10) : 42;
  if (people < 2 || ties == 0) {
    std::fprintf(stderr, "need PEOPLE >= 2 and TIES >= 1\n");
    return 2;
  }
  auto files = orgnet::bench::write_synthetic_org(argv[1], people, ties, seed);
  std::printf("%s\n%s\n", files.people.c_str(), files.ties.c_str());
  return 0;
}
