#include "progress_line.hpp"

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <memory>
#include <string>

#include "orgnet/progress.hpp"

namespace orgnet::cli {

namespace {

// Below this a task stays silent: most runs finish before anyone would look.
constexpr std::chrono::milliseconds quiet_period{1000};

bool installed = false;

std::string with_separators(std::size_t value) {
  std::string digits = std::to_string(value);
  for (auto i = static_cast<std::ptrdiff_t>(digits.size()) - 3; i > 0; i -= 3) digits.insert(digits.begin() + i, ',');
  return digits;
}

}  // namespace

bool progress_line_installed() { return installed; }

void install_progress_line() {
  installed = true;
  struct State {
    std::chrono::steady_clock::time_point started;
    bool drawn = false;
  };
  auto state = std::make_shared<State>();
  // Calls are serialized by orgnet, so the state needs no lock.
  set_progress_callback([state](const ProgressEvent& event) {
    const auto now = std::chrono::steady_clock::now();
    if (event.done == 0) {
      state->started = now;
      state->drawn = false;
      return;
    }
    const bool finished = event.done >= event.total;
    if (!state->drawn && (finished || now - state->started < quiet_period)) return;
    const int percent = static_cast<int>(100.0 * static_cast<double>(event.done) / static_cast<double>(event.total));
    std::fprintf(stderr, "\rorgnet: %.*s %3d%% (%s of %s)%s", static_cast<int>(event.task.size()), event.task.data(),
                 percent, with_separators(event.done).c_str(), with_separators(event.total).c_str(),
                 finished ? "\n" : "");
    std::fflush(stderr);
    state->drawn = !finished;
  });
}

}  // namespace orgnet::cli
