#pragma once
// Internal logging facade over spdlog. Only src/ includes this; public headers
// never mention spdlog (see orgnet/logging.hpp for the public switch).

#include <spdlog/spdlog.h>

#include <memory>
#include <utility>

namespace orgnet::log {

/// The library's logger; created on first use with level off.
spdlog::logger& logger();

template <class... Args>
void debug(spdlog::format_string_t<Args...> format, Args&&... args) {
  logger().debug(format, std::forward<Args>(args)...);
}
template <class... Args>
void info(spdlog::format_string_t<Args...> format, Args&&... args) {
  logger().info(format, std::forward<Args>(args)...);
}
template <class... Args>
void warn(spdlog::format_string_t<Args...> format, Args&&... args) {
  logger().warn(format, std::forward<Args>(args)...);
}

}  // namespace orgnet::log
