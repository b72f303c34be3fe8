#pragma once
// Logging. orgnet is silent by default: a library must not write to a host
// application's terminal unless asked. Raise the level, or install a callback
// to route messages into the host's own logging.

#include <functional>
#include <string_view>

namespace orgnet {

enum class LogLevel { trace, debug, info, warn, error, off };

/// Messages below `level` are dropped. Default: off.
void set_log_level(LogLevel level);
[[nodiscard]] LogLevel log_level();

/// Sends messages to `callback` instead of stderr; an empty function restores stderr.
void set_log_callback(std::function<void(LogLevel, std::string_view)> callback);

/// "trace", "debug", "info", "warn", "error", "off"; throws orgnet::invalid_argument otherwise.
[[nodiscard]] LogLevel parse_log_level(std::string_view text);

}  // namespace orgnet
