#pragma once
// Element matching by namespace URI and local name, never by prefix: "gpxtpx:hr",
// "ns3:hr" and "<hr xmlns='…TrackPointExtension/v1'>" are the same element, and
// "<TPX xmlns='…ActivityExtension/v2'>" (no prefix) is the TCX trackpoint extension.
//
// pugixml is not namespace-aware, so a NsScope carries the xmlns declarations in force
// while the readers walk down the tree. URIs are classified once, when declared, into the
// Ns values the importers care about; everything else is Ns::other. An element without
// any xmlns attribute shares its parent's scope, so walking costs one check of the
// element's attributes.
#include <array>
#include <cstddef>
#include <cstdint>
#include <pugixml.hpp>
#include <string_view>
#include <vector>

namespace tendon::xml {

enum class Ns : std::uint8_t {
  none,        // no namespace (no default namespace declared, or xmlns="")
  undeclared,  // a prefix without a declaration (not namespace-well-formed; readers may be lenient)
  other,       // a declared namespace this project does not read
  gpx10,       // http://www.topografix.com/GPX/1/0
  gpx11,       // http://www.topografix.com/GPX/1/1
  tpx_v1,      // http://www.garmin.com/xmlschemas/TrackPointExtension/v1
  tpx_v2,      // http://www.garmin.com/xmlschemas/TrackPointExtension/v2
  gpxx_v3,     // http://www.garmin.com/xmlschemas/GpxExtensions/v3
  power_v1,    // http://www.garmin.com/xmlschemas/PowerExtension/v1
  gpxdata,     // http://www.cluetrust.com/XML/GPXDATA/1/0
  tcd_v1,      // http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v1
  tcd_v2,      // http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2
  ax_v2,       // http://www.garmin.com/xmlschemas/ActivityExtension/v2
};

// Classifies a namespace URI. "http" and "https" and a trailing '/' are not told apart
// (writers vary); everything else must match exactly.
Ns classify_namespace(std::string_view uri);

// An element's name split at the colon (one pass over the NUL-terminated name).
struct QName {
  std::string_view prefix;  // "" when unprefixed
  std::string_view local;
};
inline QName split_qname(const char* name) {
  const char* p = name;
  const char* colon = nullptr;
  for (; *p != '\0'; ++p) {
    if (*p == ':' && colon == nullptr) colon = p;
  }
  if (colon == nullptr) return {{}, std::string_view(name, static_cast<std::size_t>(p - name))};
  return {std::string_view(name, static_cast<std::size_t>(colon - name)),
          std::string_view(colon + 1, static_cast<std::size_t>(p - colon - 1))};
}

// "xmlns" or "xmlns:prefix": an attribute that declares a namespace.
inline bool is_xmlns_attribute(const char* name) {
  return name[0] == 'x' && name[1] == 'm' && name[2] == 'l' && name[3] == 'n' && name[4] == 's' &&
         (name[5] == '\0' || name[5] == ':');
}

class NsScope {
 public:
  NsScope() {}  // user-provided: a const, declaration-free scope needs no initialiser
  NsScope(const NsScope&) = delete;
  NsScope& operator=(const NsScope&) = delete;

  // The scope inside `element`: `parent` plus the element's own xmlns declarations.
  // Returns `parent` itself when the element declares nothing; otherwise fills and
  // returns `storage`, which must outlive the returned reference.
  static const NsScope& enter(const NsScope& parent, pugi::xml_node element, NsScope& storage) {
    // Most elements have no attributes at all: one call, no scope of their own.
    const pugi::xml_attribute first = element.first_attribute();
    if (!first) return parent;
    return enter_with_attributes(parent, first, storage);
  }
  static const NsScope& enter_with_attributes(const NsScope& parent, pugi::xml_attribute first, NsScope& storage);

  // The namespace bound to `prefix` ("" = the default namespace).
  Ns resolve(std::string_view prefix) const;

 private:
  // Trivially constructible, so that a scope that declares nothing costs no stores.
  struct Binding {
    const char* prefix;
    std::size_t length;
    Ns ns;
  };
  void bind(const char* prefix, std::size_t length, Ns ns);

  const NsScope* parent_ = nullptr;
  Ns default_ns_ = Ns::none;
  // Most elements that declare anything declare one or two namespaces; a GPX root may
  // declare a dozen, which go to `more_`.
  std::array<Binding, 4> inline_;  // not initialised: only [0, inline_count_) is read
  std::uint8_t inline_count_ = 0;
  std::vector<Binding> more_;
};

// An element's namespace and local name as seen from inside the element (`scope` is
// the scope NsScope::enter returned for it).
struct ElementName {
  Ns ns;
  std::string_view local;
};
inline ElementName element_name(const NsScope& scope, pugi::xml_node element) {
  const QName q = split_qname(element.name());
  return {scope.resolve(q.prefix), q.local};
}

// The namespaces an importer treats as its own vocabulary: the root element's namespace
// plus "no namespace" and an undeclared prefix (hand-written and broken files).
inline bool is_core(Ns ns, Ns root_ns) { return ns == root_ns || ns == Ns::none || ns == Ns::undeclared; }

}  // namespace tendon::xml
