#pragma once
// A small XML pull tokenizer, and XML escaping, for GraphML. Internal.
//
// XmlReader works on a whole document in memory and hands out one event at a
// time: a start tag with its attributes, an end tag, or a run of text. It checks
// what a data reader needs to trust the document: UTF-8 made of characters XML
// allows, tags closed and properly nested, one root element, quoted attribute
// values given once, known entities. It handles the XML declaration, comments,
// CDATA sections, processing instructions (skipped), a DOCTYPE (skipped; its
// entity declarations are not honoured), the five predefined entities and
// numeric character references, and self-closing tags (a start event followed
// by an end event). Line ends become '\n' in text; attribute values are
// whitespace-normalized as XML requires (a literal tab or line end is a space,
// &#10; stays a line end).
//
// Namespace prefixes are dropped from element and attribute names, and xmlns
// declarations are not reported: GraphML files use the GraphML namespace with or
// without a prefix, and nothing else in them depends on namespaces.
//
// Nothing here recurses, so nesting depth costs memory, not stack; every read
// is bounds-checked, so no input can make the reader leave the document.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace orgnet::detail {

/// 1-based line and column (in characters) of a place in the document.
struct XmlPosition {
  std::size_t line = 1;
  std::size_t column = 1;
};

struct XmlAttribute {
  std::string_view name;  ///< Local name (prefix dropped).
  std::string value;      ///< Entities decoded, whitespace normalized.
  XmlPosition where;      ///< Where the attribute's name starts.
};

enum class XmlEventKind { start_element, end_element, text, end_of_document };

struct XmlEvent {
  XmlEventKind kind = XmlEventKind::end_of_document;
  std::string_view name;                 ///< Local element name (start and end events).
  std::vector<XmlAttribute> attributes;  ///< Start events only, in document order.
  std::string text;                      ///< Text events only: decoded character data.
  XmlPosition where;                     ///< Where the tag's '<' or the text starts.

  /// The attribute with this local name, or nullptr.
  [[nodiscard]] const XmlAttribute* attribute(std::string_view local_name) const;
};

class XmlReader {
 public:
  /// `document` must outlive the reader; a UTF-8 byte-order mark is skipped.
  /// Throws orgnet::invalid_argument ("source:line:column: ...") at the first
  /// byte that is not UTF-8 or a character XML does not allow. O(size).
  XmlReader(std::string_view document, std::string source_name);

  /// The next event; end_of_document once the root element has closed and only
  /// comments, processing instructions and whitespace follow. A text event holds
  /// one run of text or one CDATA section, so consecutive text events belong
  /// together. The event is overwritten by the next call. Throws
  /// orgnet::invalid_argument naming line and column on malformed XML.
  const XmlEvent& next();

  /// Throws orgnet::invalid_argument with the message prefixed by "source:line:column: ".
  [[noreturn]] void fail(XmlPosition where, const std::string& message) const;

  [[nodiscard]] const std::string& source_name() const noexcept { return source_; }

 private:
  struct OpenElement {
    std::string_view name;  // qualified, as written
    std::size_t offset;
  };

  [[noreturn]] void fail_at(std::size_t offset, const std::string& message);
  XmlPosition position(std::size_t offset);
  [[nodiscard]] std::string found(std::size_t offset) const;
  [[nodiscard]] bool starts_with(std::string_view prefix) const;
  bool skip_space();
  std::string_view read_name();
  void read_reference(std::string& out);
  void read_start_tag();
  void read_end_tag();
  void read_text();
  void read_cdata();
  std::string read_attribute_value(std::string_view attribute);
  void check_unique_attributes(const std::string& tag);
  // Skips a construct starting at pos_: `opener` bytes, then up to `terminator`.
  void skip_past(std::size_t opener, std::string_view terminator, std::string_view what);
  void skip_processing_instruction();
  void skip_doctype();
  const XmlEvent& end_of_input();

  std::string_view doc_;
  std::string source_;
  std::size_t pos_ = 0;
  // Line and column of byte cursor_offset_; position() moves it forward, so
  // positions asked for in document order cost O(size) in total.
  std::size_t cursor_offset_ = 0;
  XmlPosition cursor_;
  std::vector<OpenElement> open_;
  bool root_seen_ = false;
  bool pending_end_ = false;  // the last start tag was self-closing
  XmlEvent event_;
  std::vector<std::string_view> names_;  // scratch for check_unique_attributes
};

/// True for the characters XML 1.0 allows in a document.
[[nodiscard]] constexpr bool is_xml_char(char32_t c) noexcept {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

/// Appends `text` escaped for XML: & < > always; inside a (double-quoted)
/// attribute value also " and tab / line ends as character references, so that
/// reading restores them exactly; a CR in text as &#13; for the same reason.
/// Returns the byte offset of the first character XML 1.0 cannot carry (bytes
/// that are not UTF-8, control characters other than tab, LF and CR), with
/// `out` partly written, or std::string_view::npos when all was written.
std::size_t append_xml_escaped(std::string& out, std::string_view text, bool attribute);

}  // namespace orgnet::detail
