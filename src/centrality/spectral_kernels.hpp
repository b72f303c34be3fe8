#pragma once
// Internal helpers of the spectral centralities (eigenvector, PageRank, Katz,
// HITS): deterministic parallel loops and sums over vertices, sparse
// products over the CSR arrays, and option validation with uniform messages.
//
// Determinism. Vertices are cut into fixed blocks of `block_size` (independent
// of the thread count). A parallel loop hands whole blocks to threads; every
// output entry is computed by exactly one thread with a fixed order of
// operations, and a sum over vertices is the sum of per-block partial sums
// (each accumulated in vertex order) added in block order. Hence results are
// bit-identical for any number of threads.
//
// Why not `#pragma omp parallel for`. An iterative measure runs one or two
// parallel loops per iteration, each a few milliseconds or less. An OpenMP
// region ends in a barrier that waits for every thread of the team; on a busy
// machine (more runnable threads than cores) a worker may wait several
// milliseconds for a core, and every iteration pays that: PageRank on 10,000
// people took 230 ms with 2 threads against 4 ms with one. run_blocks() instead
// lets the calling thread claim blocks itself and wait only for blocks another
// thread has actually claimed; a helper that wakes too late finds nothing left
// and costs nothing. The thread count still follows OpenMP (threads = 0 means
// omp_get_max_threads(), i.e. OMP_NUM_THREADS or the number of cores).

#include <omp.h>

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "orgnet/centrality/convergence.hpp"
#include "orgnet/centrality/flow.hpp"
#include "orgnet/model/influence_graph.hpp"

namespace orgnet::detail::spectral {

/// The stop rule every iterative measure shares: runs step() (one iteration,
/// returning the L1 change of the scores) until the change falls below
/// `bound` or max_iterations ran, and records the outcome in `convergence`.
template <class Step>
void iterate(Convergence& convergence, std::size_t max_iterations, double bound, Step&& step) {
  convergence.residual = std::numeric_limits<double>::infinity();
  for (std::size_t it = 0; it < max_iterations; ++it) {
    const double change = step();
    convergence.iterations = it + 1;
    convergence.residual = change;
    if (change < bound) {
      convergence.converged = true;
      return;
    }
  }
}

inline constexpr std::size_t block_size = 256;
/// Work (rows + entries) per block of a pass over a matrix.
inline constexpr std::size_t block_work = 4096;

/// Threads to use: `requested` (0 = OpenMP's default), but one thread when the
/// work (n + m) is too small to repay starting a parallel region.
int thread_count(int requested, std::size_t work);

/// Calls fn(context, b) for every b in [0, count) and returns when all calls
/// are done. The calling thread claims blocks itself; up to `threads - 1`
/// pooled helper threads join in if they are running. Blocks are claimed one at
/// a time. If another thread is already running blocks (concurrent calls into
/// orgnet), the caller does all its blocks alone.
using BlockFunction = void (*)(void* context, std::size_t block);
void run_blocks(std::size_t count, int threads, BlockFunction fn, void* context);

/// Runs body(begin, end, block) over the fixed blocks of [0, n), in parallel
/// when threads > 1; partial results per block go to `partial[block]`.
///
/// Blocks(n, threads) cuts [0, n) into blocks of `block_size` rows, for passes
/// over vectors. Blocks(offsets, threads) cuts the rows of a CSR matrix with
/// these row offsets into blocks of about `block_work` rows + entries each,
/// for passes over the matrix: the people of a real organization are not
/// alike (the first quarter of email-Eu-core holds about half of its ties),
/// and equal rows would leave one thread with most of a product. Either way
/// the cut depends on the graph only, never on the thread count, and a pass
/// sizes its per-block partial sums by its own Blocks' count().
class Blocks {
 public:
  Blocks(std::size_t n, int threads)
      : n_(n), count_((n + block_size - 1) / block_size), threads_(threads), partial_(count_, 0.0) {}

  Blocks(std::span<const edge_id> offsets, int threads) : Blocks(offsets.empty() ? 0 : offsets.size() - 1, threads) {
    if (n_ == 0) return;
    count_ = std::max<std::size_t>(1, (n_ + offsets[n_] + block_work - 1) / block_work);
    count_ = std::min(count_, n_);
    partial_.assign(count_, 0.0);
    if (count_ <= 1) return;
    starts_.resize(count_ + 1);
    const double total = static_cast<double>(n_ + offsets[n_]);
    std::size_t row = 0;
    for (std::size_t b = 0; b < count_; ++b) {
      const double target = total * static_cast<double>(b) / static_cast<double>(count_);
      while (row < n_ && static_cast<double>(row + offsets[row]) < target) ++row;
      starts_[b] = row;
    }
    starts_[count_] = n_;
  }

  [[nodiscard]] std::size_t count() const noexcept { return count_; }

  template <class Body>
  void run(Body&& body) {
    if (threads_ <= 1 || count_ <= 1) {
      for (std::size_t b = 0; b < count_; ++b) body(begin_of(b), end_of(b), b);
      return;
    }
    struct Context {
      Blocks* self;
      Body* body;
    } context{this, &body};
    run_blocks(
        count_, threads_,
        [](void* raw, std::size_t b) {
          auto* c = static_cast<Context*>(raw);
          (*c->body)(c->self->begin_of(b), c->self->end_of(b), b);
        },
        &context);
  }

  /// Sum over blocks of body(begin, end), added in block order.
  template <class Body>
  double sum(Body&& body) {
    run([&](std::size_t begin, std::size_t end, std::size_t b) { partial_[b] = body(begin, end); });
    double total = 0.0;
    for (double p : partial_) total += p;
    return total;
  }

  /// Two sums at once: body(begin, end, first, second) adds its block's parts
  /// to `first` and `second` (both start at 0); the totals come back in
  /// block order.
  template <class Body>
  std::pair<double, double> sum2(Body&& body) {
    if (partial2_.size() != count_) partial2_.assign(count_, 0.0);
    run([&](std::size_t begin, std::size_t end, std::size_t b) {
      double first = 0.0;
      double second = 0.0;
      body(begin, end, first, second);
      partial_[b] = first;
      partial2_[b] = second;
    });
    std::pair<double, double> total{0.0, 0.0};
    for (std::size_t b = 0; b < count_; ++b) {
      total.first += partial_[b];
      total.second += partial2_[b];
    }
    return total;
  }

 private:
  [[nodiscard]] std::size_t begin_of(std::size_t b) const noexcept {
    return starts_.empty() ? b * block_size : starts_[b];
  }
  [[nodiscard]] std::size_t end_of(std::size_t b) const noexcept {
    if (!starts_.empty()) return starts_[b + 1];
    return b + 1 == count_ ? n_ : (b + 1) * block_size;
  }

  std::size_t n_;
  std::size_t count_;
  int threads_;
  std::vector<std::size_t> starts_;  // block b is [starts_[b], starts_[b + 1]); empty: equal rows
  std::vector<double> partial_;
  std::vector<double> partial2_;
};

/// A sparse matrix in compressed rows, as views: row r holds the entries
/// [offsets[r], offsets[r+1]) with columns `columns[k]` and weight
/// weight(r, k): `weights[k]`, or `row_weights[r]` when the rows each carry
/// one weight (then `weights` is empty), or 1 when both are empty.
struct CsrView {
  std::span<const edge_id> offsets;
  std::span<const vertex_id> columns;
  std::span<const double> weights;      // per entry; empty: see row_weights
  std::span<const double> row_weights;  // per row; empty with weights empty: unweighted
  std::span<const double> row_totals;   // per row: sum of its weights (empty when unweighted)

  [[nodiscard]] double weight(std::size_t r, edge_id k) const noexcept {
    if (!weights.empty()) return weights[k];
    return row_weights.empty() ? 1.0 : row_weights[r];
  }

  /// sum_k weight(r, k) x[columns[k]] over row r. The terms are added in four
  /// interleaved partial sums (k mod 4), combined as (s0 + s1) + (s2 + s3):
  /// a fixed order, so the result never depends on threads, and four
  /// independent additions in flight instead of one chain. A row weight
  /// multiplies the row's sum once: the loop then reads no weights, a third
  /// of the loads of the weighted loop.
  [[nodiscard]] double row_dot(std::size_t r, const double* x) const noexcept {
    const edge_id begin = offsets[r];
    const edge_id end = offsets[r + 1];
    const vertex_id* c = columns.data();
    double s0 = 0.0;
    double s1 = 0.0;
    double s2 = 0.0;
    double s3 = 0.0;
    edge_id k = begin;
    if (weights.empty()) {
      // Columns read two at a time (one 8-byte load for two 4-byte ids): the
      // loop is bound by loads, and this saves one in four (about 10% of a
      // product on email-Eu-core).
      for (; k + 4 <= end; k += 4) {
        const auto [c0, c1] = column_pair(c + k);
        const auto [c2, c3] = column_pair(c + k + 2);
        s0 += x[c0];
        s1 += x[c1];
        s2 += x[c2];
        s3 += x[c3];
      }
      if (k < end) s0 += x[c[k]];
      if (k + 1 < end) s1 += x[c[k + 1]];
      if (k + 2 < end) s2 += x[c[k + 2]];
      const double sum = (s0 + s1) + (s2 + s3);
      return row_weights.empty() ? sum : row_weights[r] * sum;
    }
    const double* w = weights.data();
    for (; k + 4 <= end; k += 4) {
      s0 += w[k] * x[c[k]];
      s1 += w[k + 1] * x[c[k + 1]];
      s2 += w[k + 2] * x[c[k + 2]];
      s3 += w[k + 3] * x[c[k + 3]];
    }
    if (k < end) s0 += w[k] * x[c[k]];
    if (k + 1 < end) s1 += w[k + 1] * x[c[k + 1]];
    if (k + 2 < end) s2 += w[k + 2] * x[c[k + 2]];
    return (s0 + s1) + (s2 + s3);
  }

  /// columns[0] and columns[1], read in one load.
  [[nodiscard]] static std::pair<vertex_id, vertex_id> column_pair(const vertex_id* columns) noexcept {
    static_assert(sizeof(vertex_id) == 4);
    std::uint64_t both = 0;
    std::memcpy(&both, columns, sizeof both);
    const auto low = static_cast<vertex_id>(both);
    const auto high = static_cast<vertex_id>(both >> 32);
    if constexpr (std::endian::native == std::endian::little) return {low, high};
    return {high, low};
  }

  /// Sum of row r's weights (its length when unweighted).
  [[nodiscard]] double row_sum(std::size_t r) const noexcept {
    if (!row_totals.empty()) return row_totals[r];
    return static_cast<double>(static_cast<std::int64_t>(offsets[r + 1] - offsets[r]));
  }
};

/// sum_v a[v] b[v] over [begin, end) in four interleaved partial sums (v mod
/// 4 from begin), combined as (s0 + s1) + (s2 + s3): a fixed order, and four
/// independent additions in flight instead of one chain.
inline double dot(const double* a, const double* b, std::size_t begin, std::size_t end) {
  double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
  std::size_t v = begin;
  for (; v + 4 <= end; v += 4) {
    s0 += a[v] * b[v];
    s1 += a[v + 1] * b[v + 1];
    s2 += a[v + 2] * b[v + 2];
    s3 += a[v + 3] * b[v + 3];
  }
  if (v < end) s0 += a[v] * b[v];
  if (v + 1 < end) s1 += a[v + 1] * b[v + 1];
  if (v + 2 < end) s2 += a[v + 2] * b[v + 2];
  return (s0 + s1) + (s2 + s3);
}

/// Rows = targets, columns = sources: row v lists v's in-edges (A^T). When
/// `weighted`: the graph's cached in-edge strengths, or one weight per row when
/// every row shares one (InfluenceGraph::shared_in_strengths), and the row totals.
CsrView in_edges_view(const InfluenceGraph& graph, bool weighted);
/// Rows = sources, columns = targets: row u lists u's out-edges (A); weighted
/// as in_edges_view.
CsrView out_edges_view(const InfluenceGraph& graph, bool weighted);

/// The two views a measure needs for a flow direction: `pull` (row v: the
/// people whose score v collects) and `push` (row u: where u's score goes).
/// received: pull = A^T, push = A; exerted: pull = A, push = A^T. The views
/// point into the graph: keep it alive while using them.
struct FlowViews {
  CsrView pull;
  CsrView push;
};
FlowViews flow_views(const InfluenceGraph& graph, InfluenceFlow flow, bool weighted);

// ---- validation -------------------------------------------------------------------

/// Shortest decimal text that reads back as `value` ("0.1", "1e-10", "nan").
std::string number_text(double value);
/// `value` rounded to `digits` significant digits ("0.0213", "46.9").
std::string number_text(double value, int digits);

void check_threads(const char* function, int threads);
void check_tolerance(const char* function, double tolerance);

/// Checks a per-vertex vector: n values, each finite (and >= 0 when
/// `non_negative`), and (when `positive_sum`) not all zero. Returns their sum.
double check_vertex_vector(const char* function, const char* field, std::span<const double> values, std::size_t n,
                           bool non_negative, bool positive_sum);

}  // namespace orgnet::detail::spectral
