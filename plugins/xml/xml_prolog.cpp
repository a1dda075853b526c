#include "xml_prolog.h"

namespace tendon::xml {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool starts_with(std::string_view s, std::size_t pos, std::string_view prefix) {
  return s.size() - pos >= prefix.size() && s.compare(pos, prefix.size(), prefix) == 0;
}

// First character allowed in an XML name (ASCII subset, plus any non-ASCII byte).
bool is_name_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' ||
         static_cast<unsigned char>(c) >= 0x80;
}

bool is_name_char(char c) { return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.'; }

// A whole word `word` at s[pos] (not part of a longer name).
bool word_at(std::string_view s, std::size_t pos, std::string_view word) {
  if (!starts_with(s, pos, word)) return false;
  if (pos > 0 && is_name_char(s[pos - 1])) return false;
  const std::size_t after = pos + word.size();
  return after >= s.size() || !is_name_char(s[after]);
}

// Scans a DOCTYPE from just after "<!DOCTYPE" to its closing '>'. Returns the offset
// after it, or npos when the bytes end first. Quoted literals and comments are skipped
// so that a '>' or ']' inside them does not end the declaration.
std::size_t scan_doctype(std::string_view s, std::size_t pos, Prolog& out) {
  bool in_subset = false;
  while (pos < s.size()) {
    const char c = s[pos];
    if (c == '"' || c == '\'') {
      const std::size_t close = s.find(c, pos + 1);
      if (close == std::string_view::npos) return std::string_view::npos;
      pos = close + 1;
      continue;
    }
    if (in_subset && starts_with(s, pos, "<!--")) {
      const std::size_t close = s.find("-->", pos + 4);
      if (close == std::string_view::npos) return std::string_view::npos;
      pos = close + 3;
      continue;
    }
    if (in_subset && starts_with(s, pos, "<!ENTITY")) out.doctype_declares_entities = true;
    if (!in_subset && (word_at(s, pos, "SYSTEM") || word_at(s, pos, "PUBLIC"))) out.doctype_external_id = true;
    if (c == '[') in_subset = true;
    if (c == ']') in_subset = false;
    if (c == '>' && !in_subset) return pos + 1;
    ++pos;
  }
  return std::string_view::npos;
}

}  // namespace

std::size_t content_start(std::string_view bytes) {
  std::size_t pos = 0;
  if (bytes.size() >= 3 && static_cast<unsigned char>(bytes[0]) == 0xEF &&
      static_cast<unsigned char>(bytes[1]) == 0xBB && static_cast<unsigned char>(bytes[2]) == 0xBF) {
    pos = 3;
  }
  while (pos < bytes.size() && is_space(bytes[pos])) ++pos;
  return pos;
}

bool is_wide_encoding(std::string_view b) {
  if (b.size() < 2) return false;
  const auto u = [&](std::size_t i) { return i < b.size() ? static_cast<unsigned char>(b[i]) : 0x100u; };
  if ((u(0) == 0xFE && u(1) == 0xFF) || (u(0) == 0xFF && u(1) == 0xFE)) return true;  // UTF-16 (and UTF-32 LE) BOM
  if (u(0) == 0x00 && u(1) == 0x00 && u(2) == 0xFE && u(3) == 0xFF) return true;      // UTF-32 BE BOM
  // No BOM: '<' next to a NUL byte is UTF-16/32 without a mark.
  return (u(0) == '<' && u(1) == 0x00) || (u(0) == 0x00 && u(1) == '<') || (u(0) == 0x00 && u(1) == 0x00);
}

Prolog read_prolog(std::string_view s) {
  Prolog out;
  std::size_t pos = 0;
  while (true) {
    while (pos < s.size() && is_space(s[pos])) ++pos;
    if (pos >= s.size()) {
      out.end = PrologEnd::truncated;
      return out;
    }
    if (s[pos] != '<') {
      out.end = PrologEnd::not_xml;
      return out;
    }
    if (pos + 1 >= s.size()) {
      out.end = PrologEnd::truncated;
      return out;
    }
    const char next = s[pos + 1];
    if (next == '?') {  // XML declaration or processing instruction
      const std::size_t close = s.find("?>", pos + 2);
      if (close == std::string_view::npos) {
        out.end = PrologEnd::truncated;
        return out;
      }
      pos = close + 2;
      continue;
    }
    if (next == '!') {
      if (starts_with(s, pos, "<!--")) {
        const std::size_t close = s.find("-->", pos + 4);
        if (close == std::string_view::npos) {
          out.end = PrologEnd::truncated;
          return out;
        }
        pos = close + 3;
        continue;
      }
      if (starts_with(s, pos, "<!DOCTYPE")) {
        out.has_doctype = true;
        const std::size_t after = scan_doctype(s, pos + 9, out);
        if (after == std::string_view::npos) {
          out.end = PrologEnd::truncated;
          return out;
        }
        pos = after;
        continue;
      }
      // A prefix of "<!--" or "<!DOCTYPE" cut by the end of the head.
      const std::string_view rest = s.substr(pos);
      const bool cut = std::string_view("<!DOCTYPE").starts_with(rest) || std::string_view("<!--").starts_with(rest);
      out.end = cut ? PrologEnd::truncated : PrologEnd::not_xml;
      return out;
    }
    if (!is_name_start(next)) {
      out.end = PrologEnd::not_xml;
      return out;
    }
    std::size_t end = pos + 1;
    while (end < s.size() && is_name_char(s[end])) ++end;
    if (end == s.size()) {
      out.end = PrologEnd::truncated;  // the name may go on past the head
      return out;
    }
    out.root_qname = s.substr(pos + 1, end - pos - 1);
    out.end = PrologEnd::root;
    return out;
  }
}

std::string_view refused_doctype_reason(const Prolog& prolog) {
  if (prolog.doctype_declares_entities) return "XML entity declarations are refused (possible entity-expansion attack)";
  if (prolog.doctype_external_id) {
    return "XML external DTD/entity references (SYSTEM or PUBLIC) are refused (possible external-entity attack)";
  }
  return {};
}

std::string_view local_part(std::string_view qname) {
  const std::size_t colon = qname.rfind(':');
  return colon == std::string_view::npos ? qname : qname.substr(colon + 1);
}

int probe_root(const unsigned char* head, std::size_t size, std::string_view root_local) {
  if (head == nullptr || size == 0) return 0;
  const std::string_view bytes(reinterpret_cast<const char*>(head), size);
  const std::string_view content = bytes.substr(content_start(bytes));
  if (content.empty() || is_wide_encoding(content)) return 0;
  const Prolog prolog = read_prolog(content);
  switch (prolog.end) {
    case PrologEnd::root:
      return local_part(prolog.root_qname) == root_local ? 100 : 0;
    case PrologEnd::truncated:
      // XML whose root is not in the head (a long comment or DOCTYPE): it might be ours.
      return content.starts_with("<?xml") || content.starts_with("<!") ? 10 : 0;
    case PrologEnd::not_xml:
      return 0;
  }
  return 0;
}

}  // namespace tendon::xml
