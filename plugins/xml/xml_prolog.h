#pragma once
// What comes before the root element, read without a parser: the head bytes given to
// probe(), and the safety checks run before pugixml sees a document.
//
//  - A UTF-8 byte-order mark and ASCII whitespace before "<?xml" are skipped: Strava's
//    GPX/TCX exports start with ~10 spaces, which strict parsers reject.
//  - UTF-16/UTF-32 documents are refused (no activity file in the wild uses them, and
//    the checks below read bytes as ASCII).
//  - A DOCTYPE with entity declarations or with an external identifier (SYSTEM/PUBLIC)
//    is refused. pugixml never expands entities or loads DTDs, so neither the "billion
//    laughs" nor an external entity (file:///etc/passwd) can do harm here; refusing them
//    is defence in depth and tells the user plainly why the file was not read.
#include <cstddef>
#include <string_view>

namespace tendon::xml {

// Offset of the first byte after a UTF-8 BOM and ASCII whitespace (space, tab, CR, LF).
std::size_t content_start(std::string_view bytes);

// True when the bytes (from the start) look like UTF-16 or UTF-32 (BOM or NUL bytes
// around the first '<').
bool is_wide_encoding(std::string_view bytes);

enum class PrologEnd : unsigned char {
  root,       // reached the root element's start tag: root_qname is set
  truncated,  // the bytes end before the root element (a probe head, a cut file)
  not_xml,    // something that cannot start an XML document (binary, JSON, text)
};

struct Prolog {
  PrologEnd end = PrologEnd::truncated;
  std::string_view root_qname;  // "gpx", "gpx:gpx", "TrainingCenterDatabase"
  bool has_doctype = false;
  bool doctype_declares_entities = false;  // <!ENTITY ...> in the internal subset
  bool doctype_external_id = false;        // SYSTEM or PUBLIC identifier
};

// Walks the XML declaration, processing instructions, comments and a DOCTYPE up to the
// root start tag. `bytes` should start at content_start().
Prolog read_prolog(std::string_view bytes);

// The reason to refuse the document's DOCTYPE, or an empty view when it is acceptable
// (no DOCTYPE, or one that only names the root).
std::string_view refused_doctype_reason(const Prolog& prolog);

// The local part of a qualified name ("gpxtpx:hr" -> "hr").
std::string_view local_part(std::string_view qname);

// probe() for an importer whose documents have root element `root_local`: 100 when the
// head shows that root, 10 for XML whose root lies beyond the head, 0 otherwise.
int probe_root(const unsigned char* head, std::size_t size, std::string_view root_local);

}  // namespace tendon::xml
