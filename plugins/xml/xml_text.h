#pragma once
// Reading element text. Documents are parsed without escape processing (faster, and the
// numbers and times the importers read never contain '&'), so the few strings that end up
// in an activity (device, sport word) are decoded here, on their own.
#include <cstddef>
#include <pugixml.hpp>
#include <string>
#include <string_view>

namespace tendon::xml {

// The element's text: its embedded PCDATA (parse_embed_pcdata) or first text/CDATA child.
inline std::string_view text_of(pugi::xml_node element) { return element.child_value(); }

// Parses a decimal number (surrounding ASCII whitespace allowed, a leading '+' too).
// Refuses NaN, infinities, values out of double's range ("1e999") and trailing junk,
// so that nothing but a finite number ever reaches an activity.
bool parse_number(std::string_view text, double& out);

// The same for NUL-terminated text (pugixml's), with a fast path for the plain decimals
// that make up nearly every GPX/TCX value ("46.0512345678", "-12.5", "132"): up to 19
// digits forming an integer below 2^53 over at most 22 fraction digits are read as
// integer / 10^k, which IEEE division rounds correctly, so the result is the same double
// from_chars gives. Anything else (exponents, more digits, junk) takes the general path.
bool parse_number(const char* text, double& out);

// Parses the text of `element` with parse_number.
inline bool number_of(pugi::xml_node element, double& out) { return parse_number(element.child_value(), out); }

// Text for an activity string: XML escapes decoded (&amp; &lt; &gt; &quot; &apos; &#n;
// &#xh;), whitespace runs folded to one space and trimmed, control characters dropped,
// bytes that are not valid UTF-8 read as Latin-1 (files that declare ISO-8859-1), and
// cut to at most `max_bytes` on a character boundary.
std::string clean_text(std::string_view raw, std::size_t max_bytes = 256);

}  // namespace tendon::xml
