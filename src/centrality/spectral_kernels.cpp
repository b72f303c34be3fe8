#include "spectral_kernels.hpp"

#include <algorithm>
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

// A pool of helper threads for run_blocks(). One job at a time: the job's
// blocks are claimed through `claim_`, whose upper 32 bits are the job's
// generation and lower 32 bits the next unclaimed block, so a helper that
// still holds an older generation can never claim a block of a newer job. The
// caller waits until `done_` counts every block; a job's fields are
// rewritten only after that, so a helper that claimed a block reads the
// fields of its own job. The pool is never destroyed (helpers sleep at exit;
// in a child process after fork() there are none, and the caller simply does
// every block itself).
class Pool {
 public:
  void run(std::size_t count, int threads, BlockFunction fn, void* context) {
    std::unique_lock job(job_mutex_, std::try_to_lock);
    if (!job.owns_lock() || count > std::numeric_limits<std::uint32_t>::max()) {
      for (std::size_t b = 0; b < count; ++b) fn(context, b);
      return;
    }
    grow(threads - 1);
    const std::uint64_t generation = (claim_.load(std::memory_order_relaxed) >> 32) + 1;
    fn_.store(fn, std::memory_order_relaxed);
    context_.store(context, std::memory_order_relaxed);
    count_.store(static_cast<std::uint32_t>(count), std::memory_order_relaxed);
    slots_.store(threads - 1, std::memory_order_relaxed);
    team_.store(threads, std::memory_order_relaxed);
    done_.store(0, std::memory_order_relaxed);
    {
      std::lock_guard lock(sleep_mutex_);
      claim_.store(generation << 32, std::memory_order_release);
    }
    wake_.notify_all();
    work(generation);
    // Wait for blocks other threads claimed: spin briefly, then yield the core.
    for (int spins = 0; done_.load(std::memory_order_acquire) < count; ++spins) {
      if (spins > 64) std::this_thread::yield();
    }
  }

 private:
  // Claims and runs blocks of job `generation` until none is left. Blocks are
  // claimed in runs (guided scheduling): a run is 1/(2 * threads) of what is
  // left, at least one block, so a job of many small blocks costs a few
  // claims per thread instead of one contended update per block, and the last
  // runs stay short enough to balance the threads.
  void work(std::uint64_t generation) {
    const std::uint32_t count = count_.load(std::memory_order_relaxed);
    const auto share = static_cast<std::uint32_t>(2 * team_.load(std::memory_order_relaxed));
    std::uint64_t word = claim_.load(std::memory_order_acquire);
    while ((word >> 32) == generation && static_cast<std::uint32_t>(word) < count) {
      const auto first = static_cast<std::uint32_t>(word);
      const std::uint32_t run = std::max<std::uint32_t>(1, (count - first) / share);
      if (claim_.compare_exchange_weak(word, word + run, std::memory_order_acq_rel, std::memory_order_acquire)) {
        const BlockFunction fn = fn_.load(std::memory_order_relaxed);
        void* context = context_.load(std::memory_order_relaxed);
        for (std::uint32_t b = first; b < first + run; ++b) fn(context, b);
        done_.fetch_add(run, std::memory_order_release);
        word = claim_.load(std::memory_order_acquire);
      }
    }
  }

  void helper() {
    std::uint64_t seen = 0;
    for (;;) {
      // Wait for a new job: jobs of one computation follow each other within
      // microseconds, so look for one for a while before sleeping.
      const auto deadline = std::chrono::steady_clock::now() + std::chrono::microseconds(200);
      std::uint64_t generation = claim_.load(std::memory_order_acquire) >> 32;
      while (generation == seen && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::yield();
        generation = claim_.load(std::memory_order_acquire) >> 32;
      }
      if (generation == seen) {
        std::unique_lock lock(sleep_mutex_);
        wake_.wait(lock, [&] { return (claim_.load(std::memory_order_acquire) >> 32) != seen; });
        generation = claim_.load(std::memory_order_acquire) >> 32;
      }
      seen = generation;
      if (slots_.fetch_sub(1, std::memory_order_relaxed) > 0) work(generation);
    }
  }

  void grow(int helpers) {
    if (helpers <= started_) return;
    helpers = std::min(helpers, 255);
    while (started_ < helpers) {
      std::thread(&Pool::helper, this).detach();
      ++started_;
    }
  }

  std::mutex job_mutex_;    // one job at a time
  std::mutex sleep_mutex_;  // with wake_, for sleeping helpers
  std::condition_variable wake_;
  int started_ = 0;  // helpers started (guarded by job_mutex_)
  std::atomic<std::uint64_t> claim_{0};
  std::atomic<std::size_t> done_{0};
  std::atomic<int> slots_{0};  // helpers that may still join the current job
  std::atomic<int> team_{1};   // threads the current job may use, caller included
  std::atomic<BlockFunction> fn_{nullptr};
  std::atomic<void*> context_{nullptr};
  std::atomic<std::uint32_t> count_{0};
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
  return {graph.in_offsets(), graph.in_sources(), weighted ? graph.in_strengths() : std::span<const double>()};
}

CsrView out_edges_view(const InfluenceGraph& graph, bool weighted) {
  return {graph.out_offsets(), graph.out_targets(), weighted ? graph.strengths() : std::span<const double>()};
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
