#pragma once
// Progress of long computations. Like logging, orgnet is silent by default:
// install a callback to hear how far a long loop has come (the CLI prints a
// progress line on a terminal; a GUI or a notebook can drive a bar).
//
// Which loops report: exact betweenness of people and of ties, closeness and
// harmonic closeness (one item per source person), approximate betweenness
// (one item per sampled pair), Monte Carlo spread (one item per simulation),
// and the reverse-reachable sets of IMM and the win-over plan (one item per
// set, reported per sampling round).
//
// Calls are serialized (never two at once) and thinned out: at most about
// five per second per task, plus one when the task starts (done = 0) and one
// when it ends (done = total). They may come from any of the computation's
// threads. The callback must not call back into orgnet and should return
// quickly; an exception it throws is swallowed (progress must never change a
// result). Reporting costs one relaxed atomic increment per item.

#include <cstddef>
#include <functional>
#include <string_view>

namespace orgnet {

struct ProgressEvent {
  std::string_view task;  ///< e.g. "betweenness", "closeness", "spread simulations"
  std::size_t done = 0;   ///< Items finished.
  std::size_t total = 0;  ///< Items in the task (> 0).
};

/// Sends progress to `callback`; an empty function (the default) turns it off.
void set_progress_callback(std::function<void(const ProgressEvent&)> callback);

}  // namespace orgnet
