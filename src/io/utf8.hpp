#pragma once
// UTF-8 decoding and encoding for the text formats (XML, JSON). Internal.

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace orgnet::detail {

/// One decoded character: its code point and the number of bytes it took;
/// length 0 means the bytes are not valid UTF-8.
struct Utf8Char {
  char32_t code = 0;
  std::size_t length = 0;
};

/// Decodes the character starting at text[pos] (pos < text.size()). Rejects what
/// RFC 3629 rejects: overlong forms, surrogates, code points above U+10FFFF and
/// sequences cut short by the end of the text. Never reads past the end.
[[nodiscard]] inline Utf8Char decode_utf8(std::string_view text, std::size_t pos) noexcept {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[pos + k]); };
  const unsigned char b0 = byte(0);
  if (b0 < 0x80) return {b0, 1};
  std::size_t length = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  char32_t code = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    length = 2;
    code = b0 & 0x1Fu;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    length = 3;
    code = b0 & 0x0Fu;
    if (b0 == 0xE0) lo = 0xA0;  // overlong
    if (b0 == 0xED) hi = 0x9F;  // surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    length = 4;
    code = b0 & 0x07u;
    if (b0 == 0xF0) lo = 0x90;  // overlong
    if (b0 == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    return {};
  }
  if (length > text.size() - pos) return {};
  if (byte(1) < lo || byte(1) > hi) return {};
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(k) & 0xC0) != 0x80) return {};
    code = (code << 6) | (byte(k) & 0x3Fu);
  }
  return {code, length};
}

/// Where a UTF-8 scan stands: the byte offset, the line (counting '\n') and
/// the characters since the start of that line.
struct Utf8Position {
  std::size_t pos = 0;
  std::size_t line = 1;
  std::size_t column = 0;
};

/// Advances `at` over valid UTF-8 until the end of `text` or the first byte
/// that starts no valid character (returned position: that byte). The one
/// scanner of the in-memory and the streamed readers, so both report the same
/// line and column.
[[nodiscard]] inline Utf8Position scan_utf8(std::string_view text, Utf8Position at) noexcept {
  std::size_t i = at.pos;
  while (i < text.size()) {
    // Fast path: eight ASCII bytes at a time.
    if (i + 8 <= text.size()) {
      std::uint64_t chunk = 0;
      std::memcpy(&chunk, text.data() + i, 8);
      if ((chunk & 0x8080808080808080ULL) == 0) {
        for (std::size_t k = 0; k < 8; ++k) {
          if (text[i + k] == '\n') {
            ++at.line;
            at.column = 0;
          } else {
            ++at.column;
          }
        }
        i += 8;
        continue;
      }
    }
    const std::size_t length = decode_utf8(text, i).length;
    if (length == 0) break;
    if (text[i] == '\n') {
      ++at.line;
      at.column = 0;
    } else {
      ++at.column;
    }
    i += length;
  }
  at.pos = i;
  return at;
}

/// validate_utf8 (csv_reader.hpp) for text whose first line is line `first_line`
/// of the source.
void validate_utf8_from_line(std::string_view text, const std::string& source_name, std::size_t first_line);

/// The message for a byte that starts no valid UTF-8 character (CSV and edge
/// lists, in memory or streamed).
[[nodiscard]] inline std::string not_utf8_message(char byte) {
  static constexpr char digits[] = "0123456789ABCDEF";
  const auto b = static_cast<unsigned char>(byte);
  return std::string("text is not valid UTF-8 (byte 0x") + digits[b >> 4] + digits[b & 0xF] +
         "); re-export the file as UTF-8";
}

/// Appends the UTF-8 encoding of a code point (which must be <= U+10FFFF and
/// not a surrogate).
inline void append_utf8(std::string& out, char32_t code) {
  const auto put = [&](char32_t bits) { out.push_back(static_cast<char>(bits)); };
  if (code < 0x80) {
    put(code);
  } else if (code < 0x800) {
    put(0xC0 | (code >> 6));
    put(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    put(0xE0 | (code >> 12));
    put(0x80 | ((code >> 6) & 0x3F));
    put(0x80 | (code & 0x3F));
  } else {
    put(0xF0 | (code >> 18));
    put(0x80 | ((code >> 12) & 0x3F));
    put(0x80 | ((code >> 6) & 0x3F));
    put(0x80 | (code & 0x3F));
  }
}

}  // namespace orgnet::detail
