#pragma once
// Internal side of orgnet/progress.hpp: a task that counts finished items and
// forwards a thinned-out stream of events to the installed callback.

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "orgnet/progress.hpp"

namespace orgnet::detail {

/// True when a progress callback is installed (cheap; checked once per task).
[[nodiscard]] bool progress_enabled() noexcept;

/// Counts the items of one long loop. Construct it before the loop (reports
/// done = 0 when a callback is installed), call advance() once per finished
/// item from any thread, and let it go out of scope after the loop (reports
/// done = total if the loop ran to its end).
class ProgressTask {
 public:
  ProgressTask(std::string_view task, std::size_t total);
  ~ProgressTask();
  ProgressTask(const ProgressTask&) = delete;
  ProgressTask& operator=(const ProgressTask&) = delete;

  /// Marks `items` more as done.
  void advance(std::size_t items = 1) noexcept {
    if (!enabled_) return;
    const std::size_t done = done_.fetch_add(items, std::memory_order_relaxed) + items;
    // Look at the clock only now and then: a few nanoseconds per item at most.
    if ((done & (stride_ - 1)) < items || done >= total_) maybe_report(done);
  }

 private:
  void maybe_report(std::size_t done) noexcept;

  std::string_view task_;
  std::size_t total_;
  std::size_t stride_;  // a power of two
  bool enabled_;
  std::atomic<std::size_t> done_{0};
  std::atomic<std::int64_t> last_report_ns_{0};
  std::size_t reported_ = 0;  // the largest `done` reported; guarded by the reporting mutex
};

}  // namespace orgnet::detail
