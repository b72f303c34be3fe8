#pragma once
// Exceptions thrown by orgnet.
//
// Every error orgnet raises on bad input derives from the matching std type, so
// that C++ callers can catch std::invalid_argument and Python receives
// ValueError / IndexError through pybind11's standard translation. The message
// is always a single line; when the problem comes from a file it starts with
// "file:line:column: " in the style of compilers, so editors can jump to it.

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

namespace orgnet {

/// Where a value came from: a file (or another named source), a 1-based line and
/// a 1-based column (counted in characters, not bytes), and the field name.
/// Every member is optional: an empty file means "not from a file", line 0 means
/// "whole file", column 0 means "whole line".
struct SourceLocation {
  std::string file;
  std::size_t line = 0;
  std::size_t column = 0;
  std::string field;

  /// "file:line:column" (parts that are unknown are left out), empty if no file.
  [[nodiscard]] std::string to_string() const;
};

/// Bad input data or a bad option. `where()` tells where the data came from,
/// when it came from a file.
class invalid_argument : public std::invalid_argument {
 public:
  explicit invalid_argument(const std::string& message);
  invalid_argument(SourceLocation where, const std::string& message);

  [[nodiscard]] const SourceLocation& where() const noexcept { return where_; }

 private:
  SourceLocation where_;
};

/// A person id or vertex index that is not in the graph.
class out_of_range : public std::out_of_range {
 public:
  explicit out_of_range(const std::string& message);
};

/// `text` in single quotes for an error message. Text longer than 80 bytes is
/// cut at a character boundary and followed by its full size, so that a
/// hostile 100 KB id still gives a one-line message: 'abc...' (102400 bytes).
[[nodiscard]] std::string quote_for_message(std::string_view text);

}  // namespace orgnet
