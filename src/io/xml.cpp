#include "xml.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <utility>

#include "orgnet/error.hpp"
#include "utf8.hpp"

namespace orgnet::detail {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool is_name_start(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u == '_' || u == ':' || u >= 0x80;
}

bool is_name_char(char c) { return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.'; }

std::string_view local_name(std::string_view name) {
  const std::size_t colon = name.rfind(':');
  return colon == std::string_view::npos || colon + 1 == name.size() ? name : name.substr(colon + 1);
}

// open + text + close. (Built by appending: "'" + std::string(...) trips a
// false -Wrestrict in GCC 12.)
std::string wrap(char open, std::string_view text, char close) {
  std::string out(1, open);
  out += text;
  out += close;
  return out;
}

std::string line_column(XmlPosition where) { return std::to_string(where.line) + ":" + std::to_string(where.column); }

std::string hex_code(char32_t c, const char* format) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, format, static_cast<unsigned>(c));
  return buffer;
}

// Appends character data; line ends (CR LF, CR, LF) become '\n' in text, and
// line ends and tabs become a space in attribute values (XML 1.0, 2.11, 3.3.3).
void append_normalized(std::string& out, std::string_view text, bool attribute) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      c = '\n';
    }
    if (attribute && (c == '\n' || c == '\t')) c = ' ';
    out.push_back(c);
  }
}

}  // namespace

const XmlAttribute* XmlEvent::attribute(std::string_view local_name) const {
  for (const XmlAttribute& a : attributes) {
    if (a.name == local_name) return &a;
  }
  return nullptr;
}

XmlReader::XmlReader(std::string_view document, std::string source_name)
    : doc_(document), source_(std::move(source_name)) {
  if (doc_.starts_with("\xEF\xBB\xBF")) doc_.remove_prefix(3);
  if (doc_.starts_with("\xFF\xFE") || doc_.starts_with("\xFE\xFF")) {
    fail_at(0, "the file is UTF-16; re-export it as UTF-8");
  }
  for (std::size_t i = 0; i < doc_.size();) {
    const auto byte = static_cast<unsigned char>(doc_[i]);
    if (byte >= 0x20 && byte < 0x80) {
      ++i;
      continue;
    }
    const Utf8Char c = decode_utf8(doc_, i);
    if (c.length == 0) {
      fail_at(i, "text is not valid UTF-8 (byte " + hex_code(byte, "0x%02X") + "); re-export the file as UTF-8");
    }
    if (!is_xml_char(c.code)) {
      fail_at(i, "character " + hex_code(c.code, "U+%04X") + " is not allowed in XML");
    }
    i += c.length;
  }
}

void XmlReader::fail(XmlPosition where, const std::string& message) const {
  throw invalid_argument(SourceLocation{source_, where.line, where.column, {}}, message);
}

void XmlReader::fail_at(std::size_t offset, const std::string& message) { fail(position(offset), message); }

XmlPosition XmlReader::position(std::size_t offset) {
  if (offset < cursor_offset_) {  // only error messages look back
    cursor_offset_ = 0;
    cursor_ = {};
  }
  for (; cursor_offset_ < offset && cursor_offset_ < doc_.size(); ++cursor_offset_) {
    const char c = doc_[cursor_offset_];
    const bool crlf = c == '\n' && cursor_offset_ > 0 && doc_[cursor_offset_ - 1] == '\r';
    if ((c == '\n' && !crlf) || c == '\r') {
      ++cursor_.line;
      cursor_.column = 1;
    } else if (c != '\n' && (static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++cursor_.column;  // counts characters: UTF-8 continuation bytes do not move
    }
  }
  return cursor_;
}

std::string XmlReader::found(std::size_t offset) const {
  if (offset >= doc_.size()) return "the end of the file";
  const Utf8Char c = decode_utf8(doc_, offset);
  return wrap('\'', doc_.substr(offset, c.length == 0 ? 1 : c.length), '\'');
}

bool XmlReader::starts_with(std::string_view prefix) const { return doc_.substr(pos_).starts_with(prefix); }

bool XmlReader::skip_space() {
  const std::size_t start = pos_;
  while (pos_ < doc_.size() && is_space(doc_[pos_])) ++pos_;
  return pos_ > start;
}

std::string_view XmlReader::read_name() {
  const std::size_t start = pos_;
  if (pos_ >= doc_.size() || !is_name_start(doc_[pos_])) return {};
  while (pos_ < doc_.size() && is_name_char(doc_[pos_])) ++pos_;
  return doc_.substr(start, pos_ - start);
}

// At '&': decodes an entity or character reference into `out`.
void XmlReader::read_reference(std::string& out) {
  const std::size_t start = pos_;
  std::size_t end = pos_ + 1;
  while (end < doc_.size() && (is_name_char(doc_[end]) || doc_[end] == '#')) ++end;
  if (end >= doc_.size() || doc_[end] != ';') {
    fail_at(start, "'&' must start an entity reference such as &amp; or &#38; (ending with ';')");
  }
  const std::string_view ref = doc_.substr(start + 1, end - start - 1);
  pos_ = end + 1;
  static constexpr std::pair<std::string_view, char> predefined[] = {
      {"lt", '<'}, {"gt", '>'}, {"amp", '&'}, {"apos", '\''}, {"quot", '"'}};
  for (const auto& [name, c] : predefined) {
    if (ref == name) {
      out.push_back(c);
      return;
    }
  }
  if (!ref.starts_with('#')) {
    fail_at(start, "unknown entity '&" + std::string(ref) + ";' (XML predefines only &lt; &gt; &amp; &apos; &quot;)");
  }
  const bool hex = ref.starts_with("#x");
  const std::string_view digits = ref.substr(hex ? 2 : 1);
  std::uint32_t code = 0;
  const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), code, hex ? 16 : 10);
  if (digits.empty() || ec != std::errc{} || ptr != digits.data() + digits.size() || !is_xml_char(code)) {
    fail_at(start, "character reference '&" + std::string(ref) + ";' does not name a character XML allows");
  }
  append_utf8(out, code);
}

void XmlReader::read_start_tag() {
  const std::size_t start = pos_++;
  const std::string_view name = read_name();
  if (name.empty()) fail_at(pos_, "expected an element name after '<', found " + found(pos_));
  if (open_.empty() && root_seen_) {
    fail_at(start, "a second root element <" + std::string(name) + ">; an XML document has exactly one");
  }
  const std::string tag = wrap('<', name, '>');
  event_.kind = XmlEventKind::start_element;
  event_.name = local_name(name);
  event_.where = position(start);
  for (;;) {
    const bool spaced = skip_space();
    if (pos_ >= doc_.size()) fail_at(start, "tag " + tag + " is not closed (end of file)");
    if (doc_[pos_] == '>') {
      ++pos_;
      break;
    }
    if (starts_with("/>")) {
      pos_ += 2;
      pending_end_ = true;
      break;
    }
    const std::size_t attribute_start = pos_;
    const std::string_view attribute = read_name();
    if (attribute.empty()) {
      fail_at(pos_, "tag " + tag + " (opened at " + line_column(event_.where) +
                        ") is not closed: expected an attribute name, '>' or '/>', found " + found(pos_));
    }
    const std::string quoted = wrap('\'', attribute, '\'');
    if (!spaced) fail_at(attribute_start, "expected a space before attribute " + quoted + " in tag " + tag);
    skip_space();
    if (pos_ >= doc_.size() || doc_[pos_] != '=') {
      fail_at(pos_, "expected '=' after attribute name " + quoted + ", found " + found(pos_));
    }
    ++pos_;
    skip_space();
    std::string value = read_attribute_value(quoted);
    if (attribute == "xmlns" || attribute.starts_with("xmlns:")) continue;  // namespace declaration
    event_.attributes.push_back(XmlAttribute{local_name(attribute), std::move(value), position(attribute_start)});
  }
  if (event_.attributes.size() > 1) check_unique_attributes(tag);
  root_seen_ = true;
  if (!pending_end_) open_.push_back(OpenElement{name, start});
}

// Sorting rather than comparing pairs keeps a tag with thousands of attributes
// from taking quadratic time.
void XmlReader::check_unique_attributes(const std::string& tag) {
  names_.clear();
  for (const XmlAttribute& a : event_.attributes) names_.push_back(a.name);
  std::sort(names_.begin(), names_.end());
  const auto twice = std::adjacent_find(names_.begin(), names_.end());
  if (twice == names_.end()) return;
  bool seen = false;
  for (const XmlAttribute& a : event_.attributes) {
    if (a.name != *twice) continue;
    if (seen) fail(a.where, "attribute '" + std::string(a.name) + "' given twice in tag " + tag);
    seen = true;
  }
}

std::string XmlReader::read_attribute_value(std::string_view attribute) {
  if (pos_ >= doc_.size() || (doc_[pos_] != '"' && doc_[pos_] != '\'')) {
    fail_at(pos_, "expected a quoted value for attribute " + std::string(attribute) + ", found " + found(pos_));
  }
  const std::size_t start = pos_;
  const char stops[] = {doc_[pos_], '<', '&', '\0'};
  ++pos_;
  std::string value;
  for (;;) {
    const std::size_t stop = std::min(doc_.find_first_of(stops, pos_), doc_.size());
    append_normalized(value, doc_.substr(pos_, stop - pos_), true);
    pos_ = stop;
    if (pos_ >= doc_.size()) {
      fail_at(start, "the value of attribute " + std::string(attribute) + " is not closed (end of file)");
    }
    if (doc_[pos_] == stops[0]) {
      ++pos_;
      return value;
    }
    if (doc_[pos_] == '<') fail_at(pos_, "'<' is not allowed in an attribute value (write &lt;)");
    read_reference(value);
  }
}

void XmlReader::read_end_tag() {
  const std::size_t start = pos_;
  pos_ += 2;
  const std::string_view name = read_name();
  if (name.empty()) fail_at(pos_, "expected an element name after '</', found " + found(pos_));
  skip_space();
  if (pos_ >= doc_.size() || doc_[pos_] != '>') {
    fail_at(pos_, "expected '>' to end the tag </" + std::string(name) + ">, found " + found(pos_));
  }
  ++pos_;
  if (open_.empty()) fail_at(start, "end tag </" + std::string(name) + "> has no start tag");
  if (open_.back().name != name) {
    const std::string opened = line_column(position(open_.back().offset));
    fail_at(start, "end tag </" + std::string(name) + "> does not match <" + std::string(open_.back().name) +
                       "> (opened at " + opened + ")");
  }
  open_.pop_back();
  event_.kind = XmlEventKind::end_element;
  event_.name = local_name(name);
  event_.where = position(start);
}

void XmlReader::read_text() {
  event_.kind = XmlEventKind::text;
  event_.where = position(pos_);
  while (pos_ < doc_.size() && doc_[pos_] != '<') {
    const std::size_t stop = std::min(doc_.find_first_of("<&", pos_), doc_.size());
    append_normalized(event_.text, doc_.substr(pos_, stop - pos_), false);
    pos_ = stop;
    if (pos_ < doc_.size() && doc_[pos_] == '&') read_reference(event_.text);
  }
}

void XmlReader::read_cdata() {
  const std::size_t start = pos_;
  const std::size_t body = pos_ + 9;  // after "<![CDATA["
  const std::size_t end = doc_.find("]]>", body);
  if (end == std::string_view::npos) fail_at(start, "CDATA section is not closed (end of file)");
  event_.kind = XmlEventKind::text;
  event_.where = position(start);
  append_normalized(event_.text, doc_.substr(body, end - body), false);
  pos_ = end + 3;
}

void XmlReader::skip_past(std::size_t opener, std::string_view terminator, std::string_view what) {
  const std::size_t end = doc_.find(terminator, pos_ + opener);
  if (end == std::string_view::npos) fail_at(pos_, std::string(what) + " is not closed (end of file)");
  pos_ = end + terminator.size();
}

void XmlReader::skip_processing_instruction() {
  const std::size_t start = pos_;
  pos_ += 2;
  const std::string_view target = read_name();
  if (target.empty()) fail_at(pos_, "expected a name after '<?', found " + found(pos_));
  if (target == "xml" && start != 0) {
    fail_at(start, "the XML declaration <?xml ...?> must be at the very start of the file");
  }
  pos_ = start;
  skip_past(2, "?>", "processing instruction <?" + std::string(target));
}

void XmlReader::skip_doctype() {
  if (root_seen_) fail_at(pos_, "<!DOCTYPE must come before the root element");
  const std::size_t start = pos_;
  char quote = 0;
  int brackets = 0;  // the internal subset [...] may contain '>'
  for (pos_ += 9; pos_ < doc_.size(); ++pos_) {
    const char c = doc_[pos_];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '[') {
      ++brackets;
    } else if (c == ']') {
      --brackets;
    } else if (c == '>' && brackets <= 0) {
      ++pos_;
      return;
    }
  }
  fail_at(start, "<!DOCTYPE is not closed (end of file)");
}

const XmlEvent& XmlReader::end_of_input() {
  if (!open_.empty()) {
    const std::string opened = line_column(position(open_.back().offset));
    fail_at(doc_.size(), "unexpected end of file: <" + std::string(open_.back().name) + "> (opened at " + opened +
                             ") is not closed");
  }
  if (!root_seen_) fail_at(doc_.size(), "no root element: the file holds no XML element");
  event_.kind = XmlEventKind::end_of_document;
  event_.where = position(doc_.size());
  return event_;
}

const XmlEvent& XmlReader::next() {
  event_.attributes.clear();
  event_.text.clear();
  if (pending_end_) {  // end of a self-closing tag: name and position are the start tag's
    pending_end_ = false;
    event_.kind = XmlEventKind::end_element;
    return event_;
  }
  for (;;) {
    if (pos_ >= doc_.size()) return end_of_input();
    if (doc_[pos_] != '<') {
      if (!open_.empty()) {
        read_text();
        return event_;
      }
      skip_space();  // outside the root element only whitespace may appear
      if (pos_ < doc_.size() && doc_[pos_] != '<') {
        fail_at(pos_, root_seen_ ? "text after the end of the root element" : "text before the root element");
      }
    } else if (starts_with("<!--")) {
      skip_past(4, "-->", "comment");
    } else if (starts_with("<![CDATA[")) {
      if (open_.empty()) fail_at(pos_, "CDATA section outside the root element");
      read_cdata();
      return event_;
    } else if (starts_with("<?")) {
      skip_processing_instruction();
    } else if (starts_with("<!DOCTYPE")) {
      skip_doctype();
    } else if (starts_with("<!")) {
      fail_at(pos_, "unknown markup '<!': expected a comment <!-- -->, <![CDATA[ or <!DOCTYPE");
    } else if (starts_with("</")) {
      read_end_tag();
      return event_;
    } else {
      read_start_tag();
      return event_;
    }
  }
}

std::size_t append_xml_escaped(std::string& out, std::string_view text, bool attribute) {
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (static_cast<unsigned char>(c) >= 0x80) {
      const Utf8Char u = decode_utf8(text, i);
      if (u.length == 0 || !is_xml_char(u.code)) return i;
      out.append(text, i, u.length);
      i += u.length;
      continue;
    }
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;  // keeps "]]>" out of text
      case '"':
        out += attribute ? "&quot;" : "\"";
        break;
      case '\r':
        out += "&#13;";
        break;
      case '\n':
        out += attribute ? "&#10;" : "\n";
        break;
      case '\t':
        out += attribute ? "&#9;" : "\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) return i;
        out.push_back(c);
    }
    ++i;
  }
  return std::string_view::npos;
}

}  // namespace orgnet::detail
