// orgnet_boost_brandes: times Boost.Graph's brandes_betweenness_centrality on a
// graph written by benchmarks/compare_peers.py, so that the one-run comparison
// has the C++ peer next to NetworkX and igraph.
//
//   orgnet_boost_brandes FILE hops|weighted REPEAT
//
// FILE holds little-endian int64 n, int64 m, then m int64 sources (sorted),
// m int64 targets and m float64 lengths. Prints the best of REPEAT runs in
// seconds (loading and building the graph are not timed), then the sum of the
// scores as a check that the run computed something.

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <numeric>
#include <string>
#include <utility>
#include <vector>

#include "boost_brandes.hpp"

namespace {

template <class T>
std::vector<T> read_array(std::ifstream& in, std::size_t count) {
  std::vector<T> values(count);
  in.read(reinterpret_cast<char*>(values.data()), static_cast<std::streamsize>(count * sizeof(T)));
  return values;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: orgnet_boost_brandes FILE hops|weighted REPEAT\n");
    return 2;
  }
  const std::string mode = argv[2];
  if (mode != "hops" && mode != "weighted") {
    std::fprintf(stderr, "orgnet_boost_brandes: mode must be hops or weighted, got '%s'\n", argv[2]);
    return 2;
  }
  const int repeat = std::atoi(argv[3]);
  std::ifstream in(argv[1], std::ios::binary);
  std::int64_t header[2] = {0, 0};
  in.read(reinterpret_cast<char*>(header), sizeof header);
  if (!in || header[0] < 0 || header[1] < 0 || repeat < 1) {
    std::fprintf(stderr, "orgnet_boost_brandes: cannot read '%s' (or REPEAT < 1)\n", argv[1]);
    return 2;
  }
  const auto n = static_cast<std::size_t>(header[0]);
  const auto m = static_cast<std::size_t>(header[1]);
  const auto sources = read_array<std::int64_t>(in, m);
  const auto targets = read_array<std::int64_t>(in, m);
  const auto lengths = read_array<double>(in, m);
  if (!in) {
    std::fprintf(stderr, "orgnet_boost_brandes: '%s' is truncated\n", argv[1]);
    return 2;
  }
  std::vector<std::pair<std::size_t, std::size_t>> edges(m);
  for (std::size_t k = 0; k < m; ++k) {
    edges[k] = {static_cast<std::size_t>(sources[k]), static_cast<std::size_t>(targets[k])};
  }
  const orgnet::bench::BoostGraph graph = orgnet::bench::boost_graph(n, edges, lengths);

  std::vector<double> centrality;
  double best = std::numeric_limits<double>::infinity();
  for (int r = 0; r < repeat; ++r) {
    const auto start = std::chrono::steady_clock::now();
    orgnet::bench::boost_brandes(graph, mode == "weighted", centrality);
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
    best = std::min(best, elapsed.count());
  }
  std::printf("%.9f %.17g\n", best, std::accumulate(centrality.begin(), centrality.end(), 0.0));
  return 0;
}
