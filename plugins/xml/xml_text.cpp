#include "xml_text.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <system_error>

namespace tendon::xml {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Length of the valid UTF-8 sequence at s[i] (1..4), or 0 when it is not valid UTF-8.
std::size_t utf8_length(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  std::size_t n = 0;
  std::uint32_t min = 0;
  if (c < 0x80) return 1;
  if ((c & 0xE0) == 0xC0) {
    n = 2;
    min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    n = 3;
    min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    n = 4;
    min = 0x10000;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  std::uint32_t cp = c & (0x7Fu >> n);
  for (std::size_t k = 1; k < n; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b(i + k) & 0x3Fu);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

// Decodes the entity at raw[i] (raw[i] == '&'); returns the characters consumed, 0 when
// it is not a recognised entity (the '&' is then kept as it is).
std::size_t decode_entity(std::string_view raw, std::size_t i, std::string& out) {
  const std::size_t semi = raw.find(';', i + 1);
  if (semi == std::string_view::npos || semi - i > 12) return 0;
  const std::string_view name = raw.substr(i + 1, semi - i - 1);
  char c = 0;
  if (name == "amp") c = '&';
  if (name == "lt") c = '<';
  if (name == "gt") c = '>';
  if (name == "quot") c = '"';
  if (name == "apos") c = '\'';
  if (c != 0) {
    out.push_back(c);
    return semi - i + 1;
  }
  if (name.size() < 2 || name[0] != '#') return 0;
  const bool hex = name[1] == 'x' || name[1] == 'X';
  const std::string_view digits = name.substr(hex ? 2 : 1);
  std::uint32_t cp = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), cp, hex ? 16 : 10);
  if (ec != std::errc() || end != digits.data() + digits.size() || digits.empty()) return 0;
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  append_utf8(out, cp);
  return semi - i + 1;
}

}  // namespace

bool parse_number(std::string_view text, double& out) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  if (text.size() > 1 && text.front() == '+' && text[1] != '-') text.remove_prefix(1);
  if (text.empty()) return false;
  double v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(v)) return false;
  out = v;
  return true;
}

bool parse_number(const char* text, double& out) {
  static constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                      1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  const char* p = text;
  while (is_space(*p)) ++p;
  const bool negative = *p == '-';
  if (*p == '-' || *p == '+') ++p;
  std::uint64_t mantissa = 0;
  int digits = 0;
  int fraction = 0;
  for (; *p >= '0' && *p <= '9' && digits < 20; ++p, ++digits)
    mantissa = mantissa * 10 + static_cast<unsigned>(*p - '0');
  if (*p == '.') {
    for (++p; *p >= '0' && *p <= '9' && digits < 20; ++p, ++digits, ++fraction) {
      mantissa = mantissa * 10 + static_cast<unsigned>(*p - '0');
    }
  }
  while (is_space(*p)) ++p;
  if (*p != '\0' || digits == 0 || digits > 19 || fraction > 22 || mantissa > (std::uint64_t{1} << 53)) {
    return parse_number(std::string_view(text), out);  // exponent, long mantissa, junk: general path
  }
  double v = static_cast<double>(mantissa);
  if (fraction > 0) v /= kPow10[fraction];
  out = negative ? -v : v;
  return true;
}

std::string clean_text(std::string_view raw, std::size_t max_bytes) {
  // Pass 1: decode entities into UTF-8 bytes (invalid sequences survive as raw bytes).
  std::string decoded;
  decoded.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size();) {
    if (raw[i] == '&') {
      const std::size_t used = decode_entity(raw, i, decoded);
      if (used > 0) {
        i += used;
        continue;
      }
    }
    decoded.push_back(raw[i++]);
  }
  // Pass 2: validate UTF-8 (Latin-1 fallback), fold whitespace, drop controls, cut.
  std::string out;
  out.reserve(decoded.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < decoded.size();) {
    const unsigned char c = static_cast<unsigned char>(decoded[i]);
    if (is_space(decoded[i])) {
      pending_space = !out.empty();
      ++i;
      continue;
    }
    std::string piece;
    const std::size_t n = utf8_length(decoded, i);
    if (n == 0) {
      append_utf8(piece, c);  // not UTF-8: take the byte as Latin-1
      i += 1;
    } else {
      if (n == 1 && (c < 0x20 || c == 0x7F)) {  // control character
        ++i;
        continue;
      }
      piece.assign(decoded, i, n);
      i += n;
    }
    const std::size_t needed = piece.size() + (pending_space ? 1 : 0);
    if (out.size() + needed > max_bytes) break;
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out += piece;
  }
  return out;
}

}  // namespace tendon::xml
