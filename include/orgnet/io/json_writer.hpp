#pragma once
// A small streaming JSON writer, used by the CLI and every result exporter.
//
// Values go straight to the stream; the writer only keeps the stack of open
// containers, so it checks the document's shape as it goes. Calls chain:
//
//   JsonWriter json(std::cout);
//   json.begin_object().field("people", g.num_vertices()).key("scores").begin_array();
//   for (double s : scores) json.value(s);
//   json.end_array().end_object();
//   std::cout << '\n';   // the writer never ends with a newline
//
// With indent 2 that prints
//   {
//     "people": 3,
//     "scores": [
//       0.5,
//       null,
//       1
//     ]
//   }
// and with indent 0 `{"people":3,"scores":[0.5,null,1]}`. Empty containers
// print as {} and [].
//
// Numbers: integers exactly; doubles in the shortest form that reads back to
// the same double (std::to_chars), so 1.0 prints as 1 and 0.1 as 0.1; NaN and
// infinities, which JSON cannot represent, print as null.
//
// Misuse throws std::logic_error (it is a bug in the caller, not bad data): a
// value inside an object without a key, a key outside an object or twice in a
// row, an end_* that does not match the open container, a second top-level
// value. What was written before the error stays written.
//
// Each call costs O(length of what it writes).

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace orgnet {

class JsonWriter {
 public:
  /// Writes to `out`, which must outlive the writer. `indent` spaces per level;
  /// 0 writes everything on one line with no spaces.
  explicit JsonWriter(std::ostream& out, int indent = 2);

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();

  /// The name of the next member of the current object.
  JsonWriter& key(std::string_view name);

  JsonWriter& value(std::string_view text);
  /// A null pointer writes null. (Without this overload a literal would pick value(bool).)
  JsonWriter& value(const char* text);
  JsonWriter& value(bool b);
  // One overload per integer type, so that int, std::size_t and std::int64_t
  // all resolve without ambiguity on every platform.
  JsonWriter& value(int i);
  JsonWriter& value(long i);
  JsonWriter& value(long long i);
  JsonWriter& value(unsigned i);
  JsonWriter& value(unsigned long i);
  JsonWriter& value(unsigned long long i);
  /// Shortest round-trip form; NaN and ±infinity are written as null.
  JsonWriter& value(double d);
  JsonWriter& null();

  /// key(name) then value(v).
  template <class T>
  JsonWriter& field(std::string_view name, const T& v) {
    key(name);
    return value(v);
  }

 private:
  struct Frame {
    bool object;
    bool has_items = false;
    bool after_key = false;
  };

  void before_value();  // separators and shape checks for a value about to start
  void after_value();   // marks a finished top-level value
  void begin(bool object, char bracket);
  void end(bool object, char bracket);
  void new_line(std::size_t depth);
  template <class Int>
  JsonWriter& integer(Int i);

  std::ostream& out_;
  int indent_;
  std::vector<Frame> open_;
  bool done_ = false;  // the top-level value is complete
};

/// `text` as a JSON string literal, quotes included. Escapes the quote, the
/// backslash and control characters (\b \f \n \r \t by name, the others as
/// \u00XX); keeps valid UTF-8 as is and replaces each byte that is not valid
/// UTF-8 by U+FFFD, so the result is always valid JSON. O(size).
[[nodiscard]] std::string json_escape(std::string_view text);

}  // namespace orgnet
