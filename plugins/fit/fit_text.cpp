#include "fit_text.h"

namespace tendon::fit {

namespace {

// Length of the valid UTF-8 sequence starting at p (at most `left` bytes), 0 if invalid.
std::size_t utf8_sequence(const std::uint8_t* p, std::size_t left) {
  const std::uint8_t lead = p[0];
  std::size_t length = 0;
  std::uint32_t code = 0;
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    code = lead & 0x1Fu;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    code = lead & 0x0Fu;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    code = lead & 0x07u;
  } else {
    return 0;
  }
  if (left < length) return 0;
  for (std::size_t i = 1; i < length; ++i) {
    if ((p[i] & 0xC0u) != 0x80u) return 0;
    code = (code << 6) | (p[i] & 0x3Fu);
  }
  // Overlong forms, surrogates and code points past U+10FFFF are not valid UTF-8.
  if ((length == 3 && code < 0x800) || (length == 4 && (code < 0x10000 || code > 0x10FFFF)) ||
      (code >= 0xD800 && code <= 0xDFFF)) {
    return 0;
  }
  return length;
}

}  // namespace

std::string clean_text(const std::uint8_t* bytes, std::size_t size) {
  std::size_t end = 0;
  while (end < size && bytes[end] != 0) ++end;
  std::string out;
  out.reserve(end);
  for (std::size_t i = 0; i < end;) {
    const std::size_t n = utf8_sequence(bytes + i, end - i);
    if (n == 0 || (n == 1 && (bytes[i] < 0x20 || bytes[i] == 0x7F))) {
      out.push_back('?');
      ++i;
      continue;
    }
    out.append(reinterpret_cast<const char*>(bytes + i), n);
    i += n;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace tendon::fit
