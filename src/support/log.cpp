#include "support/log.hpp"

#include <spdlog/sinks/base_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>

#include <mutex>
#include <string>

#include "orgnet/error.hpp"
#include "orgnet/logging.hpp"

namespace orgnet {

namespace {

std::shared_ptr<spdlog::logger> make_stderr_logger() {
  auto logger = std::make_shared<spdlog::logger>("orgnet", std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
  logger->set_pattern("[orgnet %l] %v");
  return logger;
}

std::mutex& logger_mutex() {
  static std::mutex m;
  return m;
}

std::shared_ptr<spdlog::logger>& logger_ptr() {
  static std::shared_ptr<spdlog::logger> instance = [] {
    auto logger = make_stderr_logger();
    logger->set_level(spdlog::level::off);
    return logger;
  }();
  return instance;
}

spdlog::level::level_enum to_spdlog(LogLevel level) {
  switch (level) {
    case LogLevel::trace:
      return spdlog::level::trace;
    case LogLevel::debug:
      return spdlog::level::debug;
    case LogLevel::info:
      return spdlog::level::info;
    case LogLevel::warn:
      return spdlog::level::warn;
    case LogLevel::error:
      return spdlog::level::err;
    case LogLevel::off:
      return spdlog::level::off;
  }
  return spdlog::level::off;
}

LogLevel from_spdlog(spdlog::level::level_enum level) {
  switch (level) {
    case spdlog::level::trace:
      return LogLevel::trace;
    case spdlog::level::debug:
      return LogLevel::debug;
    case spdlog::level::info:
      return LogLevel::info;
    case spdlog::level::warn:
      return LogLevel::warn;
    case spdlog::level::err:
    case spdlog::level::critical:
      return LogLevel::error;
    default:
      return LogLevel::off;
  }
}

// Forwards formatted messages to a host callback.
class CallbackSink final : public spdlog::sinks::base_sink<std::mutex> {
 public:
  explicit CallbackSink(std::function<void(LogLevel, std::string_view)> callback) : callback_(std::move(callback)) {}

 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    callback_(from_spdlog(msg.level), std::string_view(msg.payload.data(), msg.payload.size()));
  }
  void flush_() override {}

 private:
  std::function<void(LogLevel, std::string_view)> callback_;
};

}  // namespace

spdlog::logger& log::logger() { return *logger_ptr(); }

void set_log_level(LogLevel level) {
  std::lock_guard lock(logger_mutex());
  logger_ptr()->set_level(to_spdlog(level));
}

LogLevel log_level() { return from_spdlog(logger_ptr()->level()); }

void set_log_callback(std::function<void(LogLevel, std::string_view)> callback) {
  std::lock_guard lock(logger_mutex());
  auto level = logger_ptr()->level();
  std::shared_ptr<spdlog::logger> next;
  if (callback) {
    next = std::make_shared<spdlog::logger>("orgnet", std::make_shared<CallbackSink>(std::move(callback)));
    next->set_pattern("%v");
  } else {
    next = make_stderr_logger();
  }
  next->set_level(level);
  logger_ptr() = std::move(next);
}

LogLevel parse_log_level(std::string_view text) {
  static constexpr std::string_view names[] = {"trace", "debug", "info", "warn", "error", "off"};
  for (int i = 0; i < 6; ++i) {
    if (text == names[i]) return static_cast<LogLevel>(i);
  }
  throw invalid_argument("unknown log level '" + std::string(text) +
                         "' (expected trace, debug, info, warn, error or off)");
}

}  // namespace orgnet
