#include "xml_load.h"

#include <cstdio>

#include "xml_prolog.h"

namespace tendon::xml {

namespace {

// "the content is not XML (it starts with 0x0e 0x10 ...)" and friends.
std::string describe_non_xml(std::string_view bytes) {
  if (bytes.size() >= 12 && bytes.substr(8, 4) == ".FIT") return "the content is a FIT file, not XML";
  const std::string_view content = bytes.substr(content_start(bytes));
  if (!content.empty() && (content.front() == '{' || content.front() == '[')) {
    return "the content is not XML (it starts like JSON)";
  }
  std::string out = "the content is not XML (it starts with";
  for (std::size_t i = 0; i < content.size() && i < 4; ++i) {
    char hex[8];
    std::snprintf(hex, sizeof hex, " 0x%02x", static_cast<unsigned>(static_cast<unsigned char>(content[i])));
    out += hex;
  }
  return out + ")";
}

}  // namespace

LoadResult load_xml(char* data, std::size_t size, pugi::xml_document& doc) {
  LoadResult r;
  const std::string_view bytes(data, size);
  if (size == 0) {
    r.message = "empty file";
    return r;
  }
  const std::size_t start = content_start(bytes);
  if (start == size) {
    r.message = "the file holds only whitespace";
    return r;
  }
  if (is_wide_encoding(bytes) || is_wide_encoding(bytes.substr(start))) {
    r.message = "UTF-16/UTF-32 XML is not supported (save the file as UTF-8)";
    return r;
  }
  const Prolog prolog = read_prolog(bytes.substr(start));
  if (prolog.end == PrologEnd::not_xml) {
    r.message = describe_non_xml(bytes);
    r.not_xml = true;
    return r;
  }
  const std::string_view refusal = refused_doctype_reason(prolog);
  if (!refusal.empty()) {
    r.message = std::string(refusal);
    r.refused = true;
    return r;
  }

  const pugi::xml_parse_result parsed =
      doc.load_buffer_inplace(data + start, size - start, kParseOptions, pugi::encoding_utf8);
  if (parsed) {
    r.status = LoadStatus::ok;
    return r;
  }
  const auto offset = static_cast<std::size_t>(parsed.offset) + start;
  r.message = "XML error at byte " + std::to_string(offset) + ": " + parsed.description();
  r.status = doc.document_element() ? LoadStatus::partial : LoadStatus::failed;
  return r;
}

void drop_unfinished_tail(pugi::xml_document& doc, std::string_view point_local) {
  pugi::xml_node last = doc.last_child();
  if (!last) return;
  while (pugi::xml_node child = last.last_child()) last = child;
  pugi::xml_node parent = last.parent();
  // The point around the cut node, if any (the cut node may be the point itself).
  pugi::xml_node point;
  for (pugi::xml_node n = last; n && n.type() == pugi::node_element; n = n.parent()) {
    if (local_part(n.name()) == point_local) {
      point = n;
      break;
    }
  }
  if (point && point != last) {
    point.parent().remove_child(point);
  } else {
    parent.remove_child(last);
  }
}

}  // namespace tendon::xml
