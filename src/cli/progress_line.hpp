#pragma once
// The CLI's progress line: on a terminal, long loops (betweenness, closeness,
// simulations, ...) show "orgnet: betweenness 45% (4,500 of 10,000)" on stderr,
// rewritten in place. Tasks that finish within a second print nothing.

namespace orgnet::cli {

/// Installs the progress callback (orgnet/progress.hpp) that draws the line.
void install_progress_line();

/// True once install_progress_line() ran (--progress, or stderr is a
/// terminal): commands with progress of their own (the report's steps) show it
/// only then.
[[nodiscard]] bool progress_line_installed();

}  // namespace orgnet::cli
