#pragma once
// Helpers shared by the C++ tests.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include "orgnet/error.hpp"

namespace orgnet::test {

/// A fresh directory under the system temp dir, removed at destruction.
class TempDir {
 public:
  TempDir() {
    static int counter = 0;
    path_ = std::filesystem::temp_directory_path() /
            ("orgnet_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  /// Writes `content` to `name` inside the directory and returns its path.
  std::filesystem::path write(const std::string& name, const std::string& content) const {
    auto file = path_ / name;
    std::ofstream(file, std::ios::binary) << content;
    return file;
  }
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

/// The message of the orgnet::invalid_argument that `f` throws; fails the test
/// if it throws nothing or something else.
template <class F>
std::string invalid_argument_message(F&& f) {
  try {
    f();
  } catch (const orgnet::invalid_argument& e) {
    return e.what();
  } catch (const std::exception& e) {
    ADD_FAILURE() << "expected orgnet::invalid_argument, got another exception: " << e.what();
    return {};
  }
  ADD_FAILURE() << "expected orgnet::invalid_argument, nothing was thrown";
  return {};
}

}  // namespace orgnet::test
