#include "orgnet/io/json_writer.hpp"

#include <charconv>
#include <cmath>
#include <stdexcept>

#include "utf8.hpp"

namespace orgnet {

std::string json_escape(std::string_view text) {
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size() + 2);
  out.push_back('"');
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      const detail::Utf8Char ch = detail::decode_utf8(text, i);
      if (ch.length == 0) {
        out += "\xEF\xBF\xBD";  // U+FFFD: keeps the output valid UTF-8
        ++i;
      } else {
        out.append(text, i, ch.length);
        i += ch.length;
      }
      continue;
    }
    ++i;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out.push_back(hex[c >> 4]);
          out.push_back(hex[c & 0xF]);
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
  }
  out.push_back('"');
  return out;
}

JsonWriter::JsonWriter(std::ostream& out, int indent) : out_(out), indent_(indent < 0 ? 0 : indent) {}

void JsonWriter::new_line(std::size_t depth) {
  if (indent_ == 0) return;
  out_.put('\n');
  for (std::size_t i = 0; i < depth * static_cast<std::size_t>(indent_); ++i) out_.put(' ');
}

void JsonWriter::before_value() {
  if (open_.empty()) {
    if (done_) throw std::logic_error("JsonWriter: a JSON document holds a single top-level value");
    return;
  }
  Frame& top = open_.back();
  if (top.object) {
    if (!top.after_key) throw std::logic_error("JsonWriter: a value inside an object needs a key() first");
    top.after_key = false;
    return;
  }
  if (top.has_items) out_.put(',');
  top.has_items = true;
  new_line(open_.size());
}

void JsonWriter::after_value() {
  if (open_.empty()) done_ = true;
}

JsonWriter& JsonWriter::key(std::string_view name) {
  if (open_.empty() || !open_.back().object) throw std::logic_error("JsonWriter: key() outside an object");
  Frame& top = open_.back();
  if (top.after_key) throw std::logic_error("JsonWriter: key() twice without a value in between");
  if (top.has_items) out_.put(',');
  top.has_items = true;
  top.after_key = true;
  new_line(open_.size());
  out_ << json_escape(name) << (indent_ > 0 ? ": " : ":");
  return *this;
}

void JsonWriter::begin(bool object, char bracket) {
  before_value();
  out_.put(bracket);
  open_.push_back(Frame{object});
}

void JsonWriter::end(bool object, char bracket) {
  if (open_.empty() || open_.back().object != object) {
    throw std::logic_error(std::string("JsonWriter: end_") + (object ? "object" : "array") +
                           "() without a matching begin");
  }
  if (open_.back().after_key) throw std::logic_error("JsonWriter: end_object() right after a key()");
  const bool had_items = open_.back().has_items;
  open_.pop_back();
  if (had_items) new_line(open_.size());
  out_.put(bracket);
  after_value();
}

JsonWriter& JsonWriter::begin_object() {
  begin(true, '{');
  return *this;
}
JsonWriter& JsonWriter::end_object() {
  end(true, '}');
  return *this;
}
JsonWriter& JsonWriter::begin_array() {
  begin(false, '[');
  return *this;
}
JsonWriter& JsonWriter::end_array() {
  end(false, ']');
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
  before_value();
  out_ << json_escape(text);
  after_value();
  return *this;
}

JsonWriter& JsonWriter::value(const char* text) { return text == nullptr ? null() : value(std::string_view(text)); }

JsonWriter& JsonWriter::value(bool b) {
  before_value();
  out_ << (b ? "true" : "false");
  after_value();
  return *this;
}

template <class Int>
JsonWriter& JsonWriter::integer(Int i) {
  char buffer[24];  // 20 digits and a sign cover 64 bits
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, i).ptr;
  before_value();
  out_.write(buffer, end - buffer);
  after_value();
  return *this;
}

JsonWriter& JsonWriter::value(int i) { return integer(i); }
JsonWriter& JsonWriter::value(long i) { return integer(i); }
JsonWriter& JsonWriter::value(long long i) { return integer(i); }
JsonWriter& JsonWriter::value(unsigned i) { return integer(i); }
JsonWriter& JsonWriter::value(unsigned long i) { return integer(i); }
JsonWriter& JsonWriter::value(unsigned long long i) { return integer(i); }

JsonWriter& JsonWriter::value(double d) {
  if (!std::isfinite(d)) return null();
  char buffer[32];  // the shortest form of a double takes at most 24 characters
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, d).ptr;
  before_value();
  out_.write(buffer, end - buffer);
  after_value();
  return *this;
}

JsonWriter& JsonWriter::null() {
  before_value();
  out_ << "null";
  after_value();
  return *this;
}

}  // namespace orgnet
