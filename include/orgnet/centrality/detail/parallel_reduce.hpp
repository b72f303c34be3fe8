#pragma once
// Parallel loops whose results do not depend on the number of threads.
//
// deterministic_sum: algorithms such as Brandes' betweenness add up one vector
// per work item (per source). Floating-point addition is not associative, so
// summing per-thread partial vectors would give results that change with the
// thread count and the schedule. Here the items 0..count-1 are cut into
// reduce_blocks(count) contiguous blocks, a number that depends on `count` only;
// each block is accumulated by one thread, sequentially in item order, into a
// zeroed partial vector; and the block partials are combined by a fixed binary
// tree (block 2i with block 2i+1, then those sums pairwise, and so on). The
// schedule decides *when* each addition happens, never *which* numbers are
// added together, and IEEE addition is commutative (a + b == b + a exactly), so
// the result is bit-identical for every thread count. Merging partials as
// soon as both halves exist keeps memory at about (threads + log2 blocks)
// vectors and never makes a thread wait for another.
//
// parallel_for_items: items whose results are independent (one score each,
// written by one thread) only need a dynamic schedule; an optional finishing
// step per thread (run one thread at a time) can fold per-thread integer
// counts into a total, which is exact in any order.
//
// Both give each thread one scratch object (made by `make_scratch()`, reused for
// all the items the thread runs: no allocation per item), run on the calling
// thread alone when threads == 1, and rethrow on the calling thread the first
// exception a work item threw (the remaining items are skipped).

#include <omp.h>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <utility>
#include <vector>

namespace orgnet::detail {

/// Threads for an options field `threads`: 0 means all available
/// (omp_get_max_threads()); other values are taken as given (callers validate
/// that they are >= 0).
[[nodiscard]] inline int resolve_threads(int requested) noexcept {
  return requested > 0 ? requested : std::max(1, omp_get_max_threads());
}

/// Largest number of blocks deterministic_sum cuts the items into. Part of the
/// definition of the results' last bits: changing it changes them.
inline constexpr std::size_t max_reduce_blocks = 256;

/// Number of blocks for `count` items: min(count, max_reduce_blocks).
[[nodiscard]] inline std::size_t reduce_blocks(std::size_t count) noexcept {
  return std::min(count, max_reduce_blocks);
}

namespace reduce_detail {

/// The pending nodes of the combination tree and a pool of free vectors.
class Tree {
 public:
  Tree(std::size_t blocks, std::size_t length) : blocks_(blocks), length_(length) {
    std::size_t width = blocks;
    while (true) {
      level_offset_.push_back(pending_.size());
      pending_.resize(pending_.size() + width);
      present_.resize(pending_.size(), 0);
      if (width == 1) break;
      width = (width + 1) / 2;
    }
  }

  /// A zeroed vector of `length` doubles (recycled when possible).
  std::vector<double> fresh() {
    std::vector<double> v;
    {
      std::lock_guard lock(mutex_);
      if (!pool_.empty()) {
        v = std::move(pool_.back());
        pool_.pop_back();
      }
    }
    if (v.size() != length_) {
      v.assign(length_, 0.0);
    } else {
      std::fill(v.begin(), v.end(), 0.0);
    }
    return v;
  }

  /// Hands in the partial sum of block `block`; combines it upwards with every
  /// sibling that is already there.
  void deliver(std::size_t block, std::vector<double> sum) {
    std::size_t level = 0, index = block, width = blocks_;
    while (width > 1) {
      const std::size_t sibling = index ^ 1;
      if (sibling < width) {
        std::vector<double> other;
        {
          std::lock_guard lock(mutex_);
          const std::size_t slot = level_offset_[level] + sibling;
          if (!present_[slot]) {
            pending_[level_offset_[level] + index] = std::move(sum);
            present_[level_offset_[level] + index] = 1;
            return;
          }
          other = std::move(pending_[slot]);
          present_[slot] = 0;
        }
        for (std::size_t i = 0; i < length_; ++i) sum[i] += other[i];
        std::lock_guard lock(mutex_);
        pool_.push_back(std::move(other));
      }
      ++level;
      index /= 2;
      width = (width + 1) / 2;
    }
    result_ = std::move(sum);
  }

  std::vector<double> take_result() { return std::move(result_); }

 private:
  std::size_t blocks_, length_;
  std::vector<std::size_t> level_offset_;
  std::vector<std::vector<double>> pending_;
  std::vector<char> present_;
  std::vector<std::vector<double>> pool_;
  std::vector<double> result_;
  std::mutex mutex_;
};

/// Remembers the first exception thrown by any thread.
class FirstError {
 public:
  void capture() noexcept {
    std::lock_guard lock(mutex_);
    if (!error_) error_ = std::current_exception();
    failed_.store(true, std::memory_order_relaxed);
  }
  [[nodiscard]] bool failed() const noexcept { return failed_.load(std::memory_order_relaxed); }
  void rethrow() const {
    if (error_) std::rethrow_exception(error_);
  }

 private:
  std::mutex mutex_;
  std::exception_ptr error_;
  std::atomic<bool> failed_{false};
};

}  // namespace reduce_detail

/// Sum over items 0..count-1 of the length-`length` vectors that
/// `accumulate(scratch, item, partial)` adds into `partial` (a double*),
/// bit-identical for every thread count (see the header comment).
/// `make_scratch()` is called once per thread. With count == 0 the result is
/// `length` zeros.
template <class MakeScratch, class Accumulate>
[[nodiscard]] std::vector<double> deterministic_sum(std::size_t count, std::size_t length, int threads,
                                                    MakeScratch&& make_scratch, Accumulate&& accumulate) {
  const std::size_t blocks = reduce_blocks(count);
  if (blocks == 0) return std::vector<double>(length, 0.0);
  reduce_detail::Tree tree(blocks, length);
  reduce_detail::FirstError error;
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    try {
      auto scratch = make_scratch();
      while (!error.failed()) {
        const std::size_t b = next.fetch_add(1, std::memory_order_relaxed);
        if (b >= blocks) break;
        std::vector<double> partial = tree.fresh();
        const std::size_t begin = b * count / blocks, end = (b + 1) * count / blocks;
        for (std::size_t item = begin; item < end; ++item) accumulate(scratch, item, partial.data());
        tree.deliver(b, std::move(partial));
      }
    } catch (...) {
      error.capture();
    }
  };
  const int team = static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(std::max(1, threads)), blocks));
  if (team <= 1) {
    work();
  } else {
#pragma omp parallel num_threads(team)
    work();
  }
  error.rethrow();
  return tree.take_result();
}

/// Runs `body(scratch, item)` for items 0..count-1 on `threads` threads
/// (dynamic schedule, chunks of `chunk` items), then `finish(scratch)` once per
/// thread, one thread at a time (e.g. to add integer counts into a total).
/// Each item must write only its own results (or its thread's scratch).
template <class MakeScratch, class Body, class Finish>
void parallel_for_items(std::size_t count, int threads, std::size_t chunk, MakeScratch&& make_scratch, Body&& body,
                        Finish&& finish) {
  if (count == 0) return;
  chunk = std::max<std::size_t>(chunk, 1);
  reduce_detail::FirstError error;
  std::mutex finishing;
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    try {
      auto scratch = make_scratch();
      while (!error.failed()) {
        const std::size_t begin = next.fetch_add(chunk, std::memory_order_relaxed);
        if (begin >= count) break;
        const std::size_t end = std::min(count, begin + chunk);
        for (std::size_t item = begin; item < end; ++item) body(scratch, item);
      }
      std::lock_guard lock(finishing);
      if (!error.failed()) finish(scratch);
    } catch (...) {
      error.capture();
    }
  };
  const std::size_t chunks = (count + chunk - 1) / chunk;
  const int team = static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(std::max(1, threads)), chunks));
  if (team <= 1) {
    work();
  } else {
#pragma omp parallel num_threads(team)
    work();
  }
  error.rethrow();
}

/// parallel_for_items without a finishing step.
template <class MakeScratch, class Body>
void parallel_for_items(std::size_t count, int threads, std::size_t chunk, MakeScratch&& make_scratch, Body&& body) {
  parallel_for_items(count, threads, chunk, std::forward<MakeScratch>(make_scratch), std::forward<Body>(body),
                     [](auto&) {});
}

}  // namespace orgnet::detail
