#include "spectral_kernels.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <charconv>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <mutex>
#include <thread>

#include "orgnet/error.hpp"

namespace orgnet::detail::spectral {

int thread_count(int requested, std::size_t work) {
  // Below this many vertices + edges a product takes a few tens of
  // microseconds, about what waking a team of threads costs.
  constexpr std::size_t parallel_threshold = 10000;
  if (work < parallel_threshold) return 1;
  const int threads = requested > 0 ? requested : omp_get_max_threads();
  return threads < 1 ? 1 : threads;
}

namespace {

// A pool of helper threads for run_blocks(). One job at a time.
//
// Affinity. A job of `count` blocks and `team` threads is cut into `team`
// contiguous ranges; the caller works through range 0 and helper h through
// range h, then each steals from the other ranges. The same thread thus
// handles the same rows in every job of an iterative measure, and they stay
// in its core's cache: with blocks handed out first-come, rows (and the
// vectors' entries) wander between the cores' caches, and on small graphs
// the second thread made each product slower instead of faster.
//
// Claims. Each range has its own claim word, whose upper 32 bits are the
// job's generation and lower 32 bits the next unclaimed block of the range,
// so a helper that still holds an older generation can never claim a block of
// a newer job, and a thread working through its own range touches no cache
// line the others write (until it steals). The caller waits until `done_`
// counts every block; a job's fields are rewritten only after that, so a
// helper that claimed a block reads the fields of its own job. The pool is
// never destroyed (helpers sleep at exit; in a child process after fork()
// there are none, and the caller simply does every block itself).
class Pool {
 public:
  static constexpr int max_team = 256;

  void run(std::size_t count, int threads, BlockFunction fn, void* context) {
    std::unique_lock job(job_mutex_, std::try_to_lock);
    if (!job.owns_lock() || count > std::numeric_limits<std::uint32_t>::max()) {
      for (std::size_t b = 0; b < count; ++b) fn(context, b);
      return;
    }
    const int team = static_cast<int>(
        std::min<std::size_t>({static_cast<std::size_t>(threads), count, static_cast<std::size_t>(max_team)}));
    grow(team - 1);
    const std::uint64_t generation = generation_.load(std::memory_order_relaxed) + 1;
    fn_.store(fn, std::memory_order_relaxed);
    context_.store(context, std::memory_order_relaxed);
    team_.store(team, std::memory_order_relaxed);
    done_.store(0, std::memory_order_relaxed);
    for (int r = 0; r < team; ++r) {
      const std::uint64_t begin = count * static_cast<std::size_t>(r) / static_cast<std::size_t>(team);
      const std::uint64_t end = count * static_cast<std::size_t>(r + 1) / static_cast<std::size_t>(team);
      ranges_[r].end.store((generation << 32) | end, std::memory_order_relaxed);
      ranges_[r].claim.store((generation << 32) | begin, std::memory_order_relaxed);
    }
    {
      std::lock_guard lock(sleep_mutex_);
      generation_.store(generation, std::memory_order_release);
    }
    wake_.notify_all();
    work(0, generation);
    // Wait for blocks other threads claimed: spin briefly, then yield the core.
    for (int spins = 0; done_.load(std::memory_order_acquire) < count; ++spins) {
      if (spins > 64) std::this_thread::yield();
    }
  }

 private:
  // Both words carry the job's generation in their upper 32 bits. A helper
  // still scanning the ranges of a finished job may read a range the caller is
  // rewriting for the next one; with the generation on `end` too, it can never
  // pair the old claim word with the new job's end (and claim a block past
  // its own job's range).
  struct alignas(64) Range {
    std::atomic<std::uint64_t> claim{0};  // generation | next unclaimed block
    std::atomic<std::uint64_t> end{0};    // generation | one past the range's last block
  };

  // Runs blocks of job `generation`: those of range `own` first, then those
  // left in the other ranges, until none is left.
  void work(int own, std::uint64_t generation) {
    const int team = team_.load(std::memory_order_relaxed);
    const BlockFunction fn = fn_.load(std::memory_order_relaxed);
    void* context = context_.load(std::memory_order_relaxed);
    for (int step = 0; step < team; ++step) {
      Range& range = ranges_[(own + step) % team];
      const std::uint64_t bound = range.end.load(std::memory_order_acquire);
      if ((bound >> 32) != generation) continue;  // rewritten for a newer job
      const auto end = static_cast<std::uint32_t>(bound);
      std::uint64_t word = range.claim.load(std::memory_order_acquire);
      while ((word >> 32) == generation && static_cast<std::uint32_t>(word) < end) {
        if (range.claim.compare_exchange_weak(word, word + 1, std::memory_order_acq_rel, std::memory_order_acquire)) {
          fn(context, static_cast<std::uint32_t>(word));
          done_.fetch_add(1, std::memory_order_release);
          word = range.claim.load(std::memory_order_acquire);
        }
      }
    }
  }

  void helper(int index) {
    std::uint64_t seen = 0;
    for (;;) {
      // Wait for a new job: jobs of one computation follow each other within
      // microseconds, so look for one for a while before sleeping.
      const auto deadline = std::chrono::steady_clock::now() + std::chrono::microseconds(200);
      std::uint64_t generation = generation_.load(std::memory_order_acquire);
      while (generation == seen && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::yield();
        generation = generation_.load(std::memory_order_acquire);
      }
      if (generation == seen) {
        std::unique_lock lock(sleep_mutex_);
        wake_.wait(lock, [&] { return generation_.load(std::memory_order_acquire) != seen; });
        generation = generation_.load(std::memory_order_acquire);
      }
      seen = generation;
      if (index < team_.load(std::memory_order_relaxed)) work(index, generation);
    }
  }

  void grow(int helpers) {
    while (started_ < helpers) {
      ++started_;
      std::thread(&Pool::helper, this, started_).detach();
    }
  }

  std::mutex job_mutex_;    // one job at a time
  std::mutex sleep_mutex_;  // with wake_, for sleeping helpers
  std::condition_variable wake_;
  int started_ = 0;  // helpers started (guarded by job_mutex_); helper h has index h
  std::atomic<std::uint64_t> generation_{0};
  std::array<Range, max_team> ranges_{};
  std::atomic<std::size_t> done_{0};
  std::atomic<int> team_{1};  // threads the current job may use, caller included
  std::atomic<BlockFunction> fn_{nullptr};
  std::atomic<void*> context_{nullptr};
};

Pool& pool() {
  static Pool* instance = new Pool();  // never destroyed, see above
  return *instance;
}

}  // namespace

void run_blocks(std::size_t count, int threads, BlockFunction fn, void* context) {
  if (threads <= 1 || count <= 1) {
    for (std::size_t b = 0; b < count; ++b) fn(context, b);
    return;
  }
  pool().run(count, threads, fn, context);
}

CsrView in_edges_view(const InfluenceGraph& graph, bool weighted) {
  CsrView view{.offsets = graph.in_offsets(), .columns = graph.in_sources()};
  if (weighted) {
    view.row_totals = graph.in_strength_totals();
    view.row_weights = graph.shared_in_strengths();
    if (view.row_weights.empty()) view.weights = graph.in_strengths();
  }
  return view;
}

CsrView out_edges_view(const InfluenceGraph& graph, bool weighted) {
  CsrView view{.offsets = graph.out_offsets(), .columns = graph.out_targets()};
  if (weighted) {
    view.row_totals = graph.out_strength_totals();
    view.row_weights = graph.shared_out_strengths();
    if (view.row_weights.empty()) view.weights = graph.strengths();
  }
  return view;
}

FlowViews flow_views(const InfluenceGraph& graph, InfluenceFlow flow, bool weighted) {
  const CsrView in = in_edges_view(graph, weighted);
  const CsrView out = out_edges_view(graph, weighted);
  return flow == InfluenceFlow::received ? FlowViews{in, out} : FlowViews{out, in};
}

std::string number_text(double value) {
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  if (ec != std::errc()) return "?";
  return std::string(buffer, end);
}

std::string number_text(double value, int digits) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*g", digits, value);
  return buffer;
}

void check_threads(const char* function, int threads) {
  if (threads < 0) {
    throw invalid_argument(std::string(function) + ": threads = " + std::to_string(threads) +
                           " is negative (0 means all available threads)");
  }
}

void check_tolerance(const char* function, double tolerance) {
  if (!std::isfinite(tolerance) || tolerance < 0.0) {
    throw invalid_argument(std::string(function) + ": tolerance = " + number_text(tolerance) +
                           " must be finite and >= 0");
  }
}

double check_vertex_vector(const char* function, const char* field, std::span<const double> values, std::size_t n,
                           bool non_negative, bool positive_sum) {
  const std::string prefix = std::string(function) + ": " + field;
  if (values.size() != n) {
    throw invalid_argument(prefix + " has " + std::to_string(values.size()) + " values, expected " + std::to_string(n) +
                           " (one per person, by vertex id)");
  }
  double sum = 0.0;
  for (std::size_t v = 0; v < n; ++v) {
    const double x = values[v];
    if (!std::isfinite(x) || (non_negative && x < 0.0)) {
      throw invalid_argument(prefix + "[" + std::to_string(v) + "] = " + number_text(x) + " must be finite" +
                             (non_negative ? " and >= 0" : ""));
    }
    sum += x;
  }
  if (positive_sum && !(sum > 0.0)) {
    throw invalid_argument(prefix + " sums to 0; at least one value must be positive");
  }
  return sum;
}

}  // namespace orgnet::detail::spectral
