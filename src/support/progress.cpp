#include "support/progress.hpp"

#include <algorithm>
#include <bit>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <utility>

namespace orgnet {

namespace {

// The callback lives in a shared_ptr so that a task can keep calling the one
// it started with while another thread installs a new one.
std::mutex& callback_mutex() {
  static std::mutex mutex;
  return mutex;
}
std::shared_ptr<const std::function<void(const ProgressEvent&)>>& callback_slot() {
  static std::shared_ptr<const std::function<void(const ProgressEvent&)>> slot;
  return slot;
}
std::atomic<bool>& callback_installed() {
  static std::atomic<bool> installed{false};
  return installed;
}
// Serializes calls into the callback.
std::mutex& call_mutex() {
  static std::mutex mutex;
  return mutex;
}

std::int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

// Calls the callback with (task, done, total) unless a later `done` of the
// same task was already reported (`reported`, guarded by call_mutex(), keeps
// the stream of one task non-decreasing even when threads race to report).
void report(std::string_view task, std::size_t done, std::size_t total, std::size_t& reported) noexcept {
  std::shared_ptr<const std::function<void(const ProgressEvent&)>> callback;
  {
    std::lock_guard lock(callback_mutex());
    callback = callback_slot();
  }
  if (!callback || !*callback) return;
  try {
    std::lock_guard lock(call_mutex());
    if (done < reported) return;
    reported = done;
    (*callback)(ProgressEvent{task, done, total});
  } catch (...) {
    // Progress must never change a result or abort a computation.
  }
}

constexpr std::int64_t min_interval_ns = 200'000'000;  // about five reports a second

}  // namespace

void set_progress_callback(std::function<void(const ProgressEvent&)> callback) {
  const bool installed = static_cast<bool>(callback);
  std::lock_guard lock(callback_mutex());
  callback_slot() =
      installed ? std::make_shared<const std::function<void(const ProgressEvent&)>>(std::move(callback)) : nullptr;
  callback_installed().store(installed, std::memory_order_release);
}

namespace detail {

bool progress_enabled() noexcept { return callback_installed().load(std::memory_order_acquire); }

ProgressTask::ProgressTask(std::string_view task, std::size_t total)
    : task_(task),
      total_(total),
      // About 256 clock checks over the whole task, at least every 1 item.
      stride_(std::bit_ceil(std::max<std::size_t>(1, total / 256))),
      enabled_(total > 0 && progress_enabled()) {
  if (enabled_) {
    last_report_ns_.store(now_ns(), std::memory_order_relaxed);
    report(task_, 0, total_, reported_);
  }
}

ProgressTask::~ProgressTask() {
  if (enabled_ && done_.load(std::memory_order_relaxed) >= total_) report(task_, total_, total_, reported_);
}

void ProgressTask::maybe_report(std::size_t done) noexcept {
  if (done >= total_) return;  // the destructor reports the end once
  const std::int64_t now = now_ns();
  std::int64_t last = last_report_ns_.load(std::memory_order_relaxed);
  if (now - last < min_interval_ns) return;
  if (!last_report_ns_.compare_exchange_strong(last, now, std::memory_order_relaxed)) return;  // another thread won
  report(task_, done, total_, reported_);
}

}  // namespace detail
}  // namespace orgnet
