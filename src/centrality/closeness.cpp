#include "orgnet/centrality/closeness.hpp"

#include <array>
#include <bit>
#include <numeric>
#include <span>
#include <string>
#include <string_view>

#include "orgnet/centrality/detail/parallel_reduce.hpp"
#include "orgnet/centrality/detail/shortest_paths.hpp"
#include "orgnet/error.hpp"
#include "support/progress.hpp"

namespace orgnet {

std::string_view to_string(PathDirection direction) {
  switch (direction) {
    case PathDirection::incoming:
      return "incoming";
    case PathDirection::outgoing:
      return "outgoing";
  }
  return "incoming";
}

PathDirection parse_path_direction(std::string_view text) {
  if (text == "incoming") return PathDirection::incoming;
  if (text == "outgoing") return PathDirection::outgoing;
  throw invalid_argument("unknown path direction '" + std::string(text) + "' (expected incoming or outgoing)");
}

namespace {

void check_threads(const char* function, int threads) {
  if (threads < 0) {
    throw invalid_argument(std::string(function) + ": threads must be >= 0 (0 = all available), got " +
                           std::to_string(threads));
  }
}

// Incoming distances of v are distances from v in the reversed graph.
detail::Traversal traversal_of(PathDirection direction) {
  return direction == PathDirection::incoming ? detail::Traversal::backward : detail::Traversal::forward;
}

// One search per person; `measure(workspace, arcs, v)` runs it and stores v's
// results. Small graphs stay on the calling thread.
template <class Workspace, class Measure>
void per_person(std::string_view task, const detail::Arcs& arcs, int threads, Measure&& measure) {
  const std::size_t n = arcs.num_vertices();
  const std::size_t work = n * (n + arcs.heads.size());
  const int team = work < 200000 ? 1 : detail::resolve_threads(threads);
  detail::ProgressTask progress(task, n);
  detail::parallel_for_items(
      n, team, 16, [n] { return Workspace(n); },
      [&](Workspace& workspace, std::size_t v) {
        measure(workspace, static_cast<vertex_id>(v));
        progress.advance();
      });
}

// Breadth-first searches in batches of 64 people (BatchBfs);
// `measure(bfs, sources)` stores the batch's results.
template <class Measure>
void per_batch(std::string_view task, const detail::Arcs& arcs, int threads, Measure&& measure) {
  const std::size_t n = arcs.num_vertices();
  const std::size_t width = detail::BatchBfs::width;
  const std::size_t batches = (n + width - 1) / width;
  const std::size_t work = n * (n + arcs.heads.size()) / 8;
  const int team = work < 200000 ? 1 : detail::resolve_threads(threads);
  std::vector<vertex_id> all(n);
  std::iota(all.begin(), all.end(), vertex_id{0});
  detail::ProgressTask progress(task, n);
  detail::parallel_for_items(
      batches, team, 1, [n] { return detail::BatchBfs(n); },
      [&](detail::BatchBfs& bfs, std::size_t b) {
        const std::size_t begin = b * width;
        const std::size_t size = std::min(n, begin + width) - begin;
        measure(bfs, std::span<const vertex_id>(all.data() + begin, size));
        progress.advance(size);
      });
}

}  // namespace

ClosenessResult closeness(const InfluenceGraph& graph, const ClosenessOptions& options) {
  check_threads("closeness", options.threads);
  const std::size_t n = graph.num_vertices();
  ClosenessResult result;
  result.score.assign(n, 0.0);
  result.reached.assign(n, 0);
  if (n == 0) return result;
  const detail::Arcs arcs = detail::make_arcs(graph, traversal_of(options.direction), options.distance);
  const double others = static_cast<double>(n - 1);

  // NetworkX: (len(sp) - 1) / totsp, then * (len(sp) - 1) / (n - 1); 0 when
  // totsp == 0 or n == 1.
  auto store = [&](vertex_id v, std::size_t reached, double total) {
    result.reached[v] = static_cast<std::uint32_t>(reached);
    if (total > 0.0 && n > 1) {
      double c = static_cast<double>(reached) / total;
      if (options.wf_improved) c *= static_cast<double>(reached) / others;
      result.score[v] = c;
    }
  };
  if (arcs.unit()) {
    per_batch("closeness", arcs, options.threads, [&](detail::BatchBfs& bfs, std::span<const vertex_id> sources) {
      std::array<std::uint64_t, detail::BatchBfs::width> total{}, count{};
      bfs.run(
          arcs, sources,
          [&](std::uint32_t level, vertex_id, std::uint64_t bits) {
            for (; bits != 0; bits &= bits - 1) {
              const auto i = static_cast<std::size_t>(std::countr_zero(bits));
              total[i] += level;
              ++count[i];
            }
          },
          [](std::uint32_t) {});
      for (std::size_t i = 0; i < sources.size(); ++i) {
        store(sources[i], count[i], static_cast<double>(total[i]));
      }
    });
  } else {
    per_person<detail::DistanceWorkspace>("closeness", arcs, options.threads,
                                          [&](detail::DistanceWorkspace& ws, vertex_id v) {
                                            ws.run(arcs, v);
                                            double total = 0.0;
                                            for (vertex_id u : ws.order()) total += ws.distance(u);
                                            store(v, ws.order().size() - 1, total);
                                          });
  }
  return result;
}

HarmonicClosenessResult harmonic_closeness(const InfluenceGraph& graph, const HarmonicClosenessOptions& options) {
  check_threads("harmonic_closeness", options.threads);
  const std::size_t n = graph.num_vertices();
  HarmonicClosenessResult result;
  result.score.assign(n, 0.0);
  if (n == 0) return result;
  const detail::Arcs arcs = detail::make_arcs(graph, traversal_of(options.direction), options.distance);
  const double scale = options.normalized && n > 1 ? 1.0 / static_cast<double>(n - 1) : 1.0;

  if (arcs.unit()) {
    // Per source: (people first reached at level l) / l, added level by level.
    per_batch("harmonic closeness", arcs, options.threads,
              [&](detail::BatchBfs& bfs, std::span<const vertex_id> sources) {
                std::array<std::uint64_t, detail::BatchBfs::width> at_level{};
                std::array<double, detail::BatchBfs::width> sum{};
                bfs.run(
                    arcs, sources,
                    [&](std::uint32_t, vertex_id, std::uint64_t bits) {
                      for (; bits != 0; bits &= bits - 1) ++at_level[static_cast<std::size_t>(std::countr_zero(bits))];
                    },
                    [&](std::uint32_t level) {
                      for (std::size_t i = 0; i < sources.size(); ++i) {
                        if (at_level[i] != 0) sum[i] += static_cast<double>(at_level[i]) / level;
                        at_level[i] = 0;
                      }
                    });
                for (std::size_t i = 0; i < sources.size(); ++i) result.score[sources[i]] = sum[i] * scale;
              });
  } else {
    per_person<detail::DistanceWorkspace>(
        "harmonic closeness", arcs, options.threads, [&](detail::DistanceWorkspace& ws, vertex_id v) {
          ws.run(arcs, v);
          double sum = 0.0;
          for (vertex_id u : ws.order()) {
            const double d = ws.distance(u);
            if (d > 0.0) sum += 1.0 / d;  // distance 0 (v itself, or zero-length ties) adds nothing
          }
          result.score[v] = sum * scale;
        });
  }
  return result;
}

}  // namespace orgnet
