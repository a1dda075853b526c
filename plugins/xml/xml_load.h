#pragma once
// Loading a GPX/TCX document into pugixml, in place, with the checks that come first.
//
// Parse options are minimal on purpose (speed): no escape processing (see xml_text.h),
// no end-of-line normalisation, no whitespace-only text nodes, element text stored in
// the element itself (parse_embed_pcdata); CDATA is kept. DOCTYPEs are skipped by the
// parser after xml_prolog.h has refused the dangerous ones.
//
// Truncated or broken documents: pugixml stops at the first error and keeps every node
// it built before it, so the document is a prefix of the file. The node built last may
// hold a cut number or time ("<ele>12" of "<ele>123.4</ele>"), so drop_unfinished_tail
// removes it together with the track point around it; the importer then uses the rest and
// warns (or fails with the XML error when no activity is left).
#include <cstddef>
#include <pugixml.hpp>
#include <string>
#include <string_view>

namespace tendon::xml {

enum class LoadStatus : unsigned char {
  ok,       // parsed completely
  partial,  // an XML error; `doc` holds what came before it (root element present)
  failed,   // unusable: message says why (empty, not XML, refused DOCTYPE, XML error before the root)
};

struct LoadResult {
  LoadStatus status = LoadStatus::failed;
  std::string message;   // failed: the reason; partial: "XML error at byte N: ..."
  bool refused = false;  // failed because of a refused DOCTYPE (entities, external ids)
  bool not_xml = false;  // failed because the bytes are not XML at all
};

inline constexpr unsigned kParseOptions = pugi::parse_embed_pcdata | pugi::parse_cdata;

// Parses `data` (size bytes, modified in place; must outlive `doc`). Byte offsets in
// messages count from the start of `data`, BOM and leading whitespace included.
LoadResult load_xml(char* data, std::size_t size, pugi::xml_document& doc);

// Removes the node the parser built last and, when it lies inside an element whose local
// name is `point_local` (e.g. "trkpt", "Trackpoint"), that element too.
void drop_unfinished_tail(pugi::xml_document& doc, std::string_view point_local);

}  // namespace tendon::xml
