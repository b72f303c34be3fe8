#include "orgnet/diffusion/celf.hpp"

#include <algorithm>
#include <queue>
#include <string>

#include "live_edge.hpp"
#include "orgnet/centrality/detail/parallel_reduce.hpp"
#include "orgnet/detail/random.hpp"
#include "orgnet/error.hpp"

namespace orgnet {

namespace {

/// Which people each world has already reached from convinced + chosen seeds.
class Coverage {
 public:
  Coverage(std::size_t worlds, std::size_t n) : words_((n + 63) / 64), bits_(worlds * words_, 0) {}
  [[nodiscard]] bool covered(std::size_t world, vertex_id v) const noexcept {
    return (bits_[world * words_ + v / 64] >> (v % 64)) & 1u;
  }
  void cover(std::size_t world, vertex_id v) noexcept {
    bits_[world * words_ + v / 64] |= std::uint64_t{1} << (v % 64);
  }

 private:
  std::size_t words_;
  std::vector<std::uint64_t> bits_;
};

}  // namespace

CelfResult celf_seeds(const InfluenceGraph& graph, const CelfOptions& options) {
  using namespace detail::diffusion;
  const std::string function = "celf_seeds";
  if (options.simulations == 0) throw invalid_argument(function + ": simulations must be at least 1");
  check_threads(function, options.threads);
  const std::size_t n = graph.num_vertices();
  const std::size_t worlds = options.simulations;
  if (static_cast<double>(worlds) * static_cast<double>(n) / 8.0 > 1024.0 * 1024.0 * 1024.0) {
    throw invalid_argument(function + ": " + std::to_string(worlds) + " simulations on " + std::to_string(n) +
                           " people need more than 1 GiB of coverage bits (CELF is for small graphs)");
  }
  const auto convinced = checked_seeds(graph, options.convinced, function, "convinced");
  std::vector<vertex_id> candidates = checked_seeds(graph, options.candidates, function, "candidates");
  if (options.candidates.empty()) {
    candidates.resize(n);
    for (vertex_id v = 0; v < n; ++v) candidates[v] = v;
  }
  std::vector<char> is_convinced(n, 0);
  for (vertex_id v : convinced) is_convinced[v] = 1;
  std::erase_if(candidates, [&](vertex_id v) { return is_convinced[v] != 0; });

  CelfResult result;
  result.simulations = worlds;
  result.seed = options.seed;
  const LiveEdgeModel model(graph, options.model, options.lt_weights, function);
  Coverage coverage(worlds, n);
  const int threads = detail::resolve_threads(options.threads);
  const double R = static_cast<double>(worlds);

  // Reach of `sources` in every world, skipping covered people; with `commit`,
  // the people reached become covered. Returns the total count over worlds.
  // Small sweeps run on one thread: a parallel region costs more than they do.
  const int sweep_threads = static_cast<int>(
      std::min<std::size_t>(static_cast<std::size_t>(threads), std::max<std::size_t>(1, worlds / 256)));
  auto sweep = [&](std::span<const vertex_id> sources, bool commit) {
    std::uint64_t total = 0;
    detail::parallel_for_items(
        worlds, sweep_threads, 8,
        [&] {
          struct Scratch {
            WorldExplorer explorer;
            std::uint64_t count = 0;
          };
          return Scratch{WorldExplorer(n), 0};
        },
        [&](auto& scratch, std::size_t r) {
          const std::uint64_t key = detail::stream_seed(options.seed, r);
          scratch.count += scratch.explorer.explore(
              model, key, sources, 0, [&](vertex_id v) { return coverage.covered(r, v); },
              [&](vertex_id v, std::size_t) {
                if (commit) coverage.cover(r, v);
              });
        },
        [&](auto& scratch) { total += scratch.count; });
    return total;
  };

  std::uint64_t reached = sweep(convinced, true);
  result.base_spread = static_cast<double>(reached) / R;

  // CELF queue: (gain, vertex, round evaluated); largest gain first, then lowest vertex.
  struct Entry {
    std::uint64_t gain;
    vertex_id v;
    std::size_t round;
  };
  auto lower = [](const Entry& a, const Entry& b) { return a.gain != b.gain ? a.gain < b.gain : a.v > b.v; };
  std::priority_queue<Entry, std::vector<Entry>, decltype(lower)> queue(lower);
  const std::size_t k = std::min(options.k, candidates.size());
  if (k > 0) {
    // First round: every candidate over every world, in parallel over candidates.
    std::vector<std::uint64_t> gains(candidates.size(), 0);
    detail::parallel_for_items(
        candidates.size(), threads, 1, [&] { return WorldExplorer(n); },
        [&](WorldExplorer& explorer, std::size_t i) {
          const vertex_id one[1] = {candidates[i]};
          std::uint64_t count = 0;
          for (std::size_t r = 0; r < worlds; ++r) {
            count += explorer.explore(
                model, detail::stream_seed(options.seed, r), one, 0,
                [&](vertex_id v) { return coverage.covered(r, v); }, [](vertex_id, std::size_t) {});
          }
          gains[i] = count;
        });
    for (std::size_t i = 0; i < candidates.size(); ++i) queue.push({gains[i], candidates[i], 0});
    result.evaluations += candidates.size();
  }
  while (result.seeds.size() < k) {
    Entry top = queue.top();
    queue.pop();
    const std::size_t round = result.seeds.size();
    if (top.round != round) {
      const vertex_id one[1] = {top.v};
      top.gain = sweep(one, false);
      top.round = round;
      ++result.evaluations;
      queue.push(top);
      continue;
    }
    const vertex_id one[1] = {top.v};
    const std::uint64_t gained = sweep(one, true);  // equals top.gain: same worlds, same coverage
    reached += gained;
    result.seeds.push_back(top.v);
    result.marginal_gain.push_back(static_cast<double>(gained) / R);
  }
  result.spread = static_cast<double>(reached) / R;
  return result;
}

}  // namespace orgnet
