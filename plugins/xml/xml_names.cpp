#include "xml_names.h"

#include <cstring>
#include <utility>

namespace tendon::xml {

namespace {

constexpr std::pair<std::string_view, Ns> kKnown[] = {
    {"www.topografix.com/GPX/1/0", Ns::gpx10},
    {"www.topografix.com/GPX/1/1", Ns::gpx11},
    {"www.garmin.com/xmlschemas/TrackPointExtension/v1", Ns::tpx_v1},
    {"www.garmin.com/xmlschemas/TrackPointExtension/v2", Ns::tpx_v2},
    {"www.garmin.com/xmlschemas/GpxExtensions/v3", Ns::gpxx_v3},
    {"www.garmin.com/xmlschemas/PowerExtension/v1", Ns::power_v1},
    {"www.cluetrust.com/XML/GPXDATA/1/0", Ns::gpxdata},
    {"www.garmin.com/xmlschemas/TrainingCenterDatabase/v1", Ns::tcd_v1},
    {"www.garmin.com/xmlschemas/TrainingCenterDatabase/v2", Ns::tcd_v2},
    {"www.garmin.com/xmlschemas/ActivityExtension/v2", Ns::ax_v2},
};

bool trim_prefix(std::string_view& s, std::string_view prefix) {
  if (!s.starts_with(prefix)) return false;
  s.remove_prefix(prefix.size());
  return true;
}

}  // namespace

Ns classify_namespace(std::string_view uri) {
  if (uri.empty()) return Ns::none;
  if (!trim_prefix(uri, "http://")) trim_prefix(uri, "https://");
  if (uri.ends_with('/')) uri.remove_suffix(1);
  for (const auto& [text, ns] : kKnown) {
    if (uri == text) return ns;
  }
  return Ns::other;
}

void NsScope::bind(const char* prefix, std::size_t length, Ns ns) {
  if (inline_count_ < inline_.size()) {
    inline_[inline_count_++] = {prefix, length, ns};
  } else {
    more_.push_back({prefix, length, ns});
  }
}

const NsScope& NsScope::enter_with_attributes(const NsScope& parent, pugi::xml_attribute first, NsScope& storage) {
  bool declares = false;
  for (pugi::xml_attribute a = first; a; a = a.next_attribute()) {
    const char* name = a.name();
    if (!is_xmlns_attribute(name)) continue;
    if (!declares) {
      declares = true;
      storage.parent_ = &parent;
      storage.default_ns_ = parent.default_ns_;
      storage.inline_count_ = 0;
      storage.more_.clear();
    }
    const Ns ns = classify_namespace(a.value());
    if (name[5] == '\0') {
      storage.default_ns_ = ns;
    } else {
      storage.bind(name + 6, std::strlen(name + 6), ns);
    }
  }
  return declares ? storage : parent;
}

Ns NsScope::resolve(std::string_view prefix) const {
  if (prefix.empty()) return default_ns_;
  for (const NsScope* s = this; s != nullptr; s = s->parent_) {
    for (const Binding& b : s->more_) {
      if (std::string_view(b.prefix, b.length) == prefix) return b.ns;
    }
    for (std::size_t i = s->inline_count_; i-- > 0;) {
      const Binding& b = s->inline_[i];
      if (std::string_view(b.prefix, b.length) == prefix) return b.ns;
    }
  }
  return Ns::undeclared;
}

}  // namespace tendon::xml
