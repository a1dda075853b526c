#include "gpx_reader.h"

#include <cmath>
#include <string_view>

#include "geo.h"
#include "sample_ranges.h"
#include "track_figures.h"
#include "unknown.h"
#include "vector_growth.h"
#include "xml_names.h"
#include "xml_prolog.h"
#include "xml_text.h"
#include "xsd_datetime.h"

namespace tendon::gpx {

namespace {

using xml::ElementName;
using xml::Ns;
using xml::NsScope;

// Extension containers nest at most this deep below <extensions> (a container such as
// TrackPointExtension, then its values); deeper content is not ours.
constexpr int kMaxExtensionDepth = 3;

class Reader {
 public:
  Reader(Ns root_ns, GpxTrack& track, GpxCounts& counts) : root_ns_(root_ns), track_(track), counts_(counts) {}

  bool read_track(pugi::xml_node trk, const NsScope& parent);  // false: too many points

 private:
  bool core(Ns ns) const { return xml::is_core(ns, root_ns_); }
  // Reads one segment child; false when it is not a <trkpt>.
  bool read_point(pugi::xml_node pt, const NsScope& parent);
  void read_time(pugi::xml_node el, tendon_sample& s);
  void read_extension(pugi::xml_node el, const NsScope& parent, tendon_sample& s, int depth);
  // Reads a number into `target` when it parses and `plausible` accepts it.
  void read_value(pugi::xml_node el, double& target, bool (*plausible)(double));

  Ns root_ns_;
  GpxTrack& track_;
  GpxCounts& counts_;
  bool zone_known_ = false;  // the track's first timed point was seen
};

void Reader::read_value(pugi::xml_node el, double& target, bool (*plausible)(double)) {
  double v = 0;
  if (xml::number_of(el, v) && plausible(v)) {
    target = v;
  } else {
    ++counts_.bad_values;
  }
}

void Reader::read_time(pugi::xml_node el, tendon_sample& s) {
  const auto t = xml::parse_xsd_datetime(xml::text_of(el));
  if (!t) return;  // an untimed point: left out of an activity, counted there
  s.time_ms = t->utc_ms;
  if (t->zone == xml::ZoneKind::none) ++counts_.zone_less_times;
  if (!zone_known_) {
    zone_known_ = true;
    track_.has_utc_offset = t->zone == xml::ZoneKind::offset;
    track_.utc_offset_s = t->offset_s;
  }
}

void Reader::read_extension(pugi::xml_node el, const NsScope& parent, tendon_sample& s, int depth) {
  NsScope storage;
  const NsScope& scope = NsScope::enter(parent, el, storage);
  const ElementName n = xml::element_name(scope, el);
  const bool tpx = n.ns == Ns::tpx_v1 || n.ns == Ns::tpx_v2 || n.ns == Ns::undeclared;
  const bool plain = core(n.ns) || n.ns == Ns::gpxdata;  // no prefix (Strava, Apple) or ClueTrust
  const std::string_view local = n.local;

  if ((local == "hr" && (tpx || plain)) || (local == "heartrate" && plain)) {
    read_value(el, s.heart_rate_bpm, xml::plausible_heart_rate);
  } else if ((local == "cad" && (tpx || plain)) || (local == "cadence" && plain)) {
    read_value(el, s.cadence_spm, xml::plausible_cadence);
  } else if ((local == "power" && plain) ||
             (local == "PowerInWatts" && (n.ns == Ns::power_v1 || n.ns == Ns::undeclared))) {
    read_value(el, s.power_w, xml::plausible_power);
  } else if (local == "speed" && (n.ns == Ns::tpx_v2 || plain)) {
    read_value(el, s.speed_m_s, xml::plausible_speed);
  } else if (depth < kMaxExtensionDepth) {
    // A container (TrackPointExtension, an app's own wrapper): look inside.
    for (pugi::xml_node c = el.first_child(); c; c = c.next_sibling()) read_extension(c, scope, s, depth + 1);
  }
}

bool Reader::read_point(pugi::xml_node pt, const NsScope& parent) {
  // One pass over the attributes: lat, lon, and whether the point declares namespaces
  // (then, rarely, it gets a scope of its own).
  double lat = xml::kUnknown;
  double lon = xml::kUnknown;
  bool declares = false;
  const pugi::xml_attribute first = pt.first_attribute();
  for (pugi::xml_attribute a = first; a; a = a.next_attribute()) {
    const char* name = a.name();
    if (name[0] == 'l' && name[1] == 'a' && name[2] == 't' && name[3] == '\0') {
      xml::parse_number(a.value(), lat);
    } else if (name[0] == 'l' && name[1] == 'o' && name[2] == 'n' && name[3] == '\0') {
      xml::parse_number(a.value(), lon);
    } else if (xml::is_xmlns_attribute(name)) {
      declares = true;
    }
  }
  NsScope storage;
  const NsScope& scope = declares ? NsScope::enter_with_attributes(parent, first, storage) : parent;
  const ElementName pn = xml::element_name(scope, pt);
  if (pn.local != "trkpt" || !core(pn.ns)) return false;

  tendon_sample s = xml::empty_sample();
  if (!std::isnan(lat) && !std::isnan(lon) && xml::valid_position(lat, lon)) {
    s.latitude_deg = lat;
    s.longitude_deg = lon;
  } else {
    ++counts_.bad_positions;
  }

  // Children are elements (no whitespace text nodes are built); the odd text or CDATA
  // node of mixed content has an empty name and matches nothing.
  for (pugi::xml_node c = pt.first_child(); c; c = c.next_sibling()) {
    NsScope child_storage;
    const NsScope& child_scope = NsScope::enter(scope, c, child_storage);
    const ElementName n = xml::element_name(child_scope, c);
    if (!core(n.ns)) {
      read_extension(c, scope, s, 1);  // GPX 1.0: foreign elements sit in the point itself
      continue;
    }
    if (n.local == "ele") {
      read_value(c, s.altitude_m, xml::plausible_altitude);
    } else if (n.local == "time") {
      read_time(c, s);
    } else if (n.local == "speed") {  // GPX 1.0 core element
      read_value(c, s.speed_m_s, xml::plausible_speed);
    } else if (n.local == "extensions") {
      for (pugi::xml_node e = c.first_child(); e; e = e.next_sibling()) read_extension(e, child_scope, s, 1);
    } else {
      read_extension(c, scope, s, 1);  // un-namespaced values straight in the point (<heartrate>)
    }
  }
  track_.samples.push_back(s);
  return true;
}

bool Reader::read_track(pugi::xml_node trk, const NsScope& parent) {
  NsScope storage;
  const NsScope& scope = NsScope::enter(parent, trk, storage);
  for (pugi::xml_node c = trk.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    NsScope seg_storage;
    const NsScope& seg_scope = NsScope::enter(scope, c, seg_storage);
    const ElementName n = xml::element_name(seg_scope, c);
    if (!core(n.ns)) continue;
    if (n.local == "type") {
      track_.type = xml::clean_text(xml::text_of(c), 64);
      continue;
    }
    if (n.local != "trkseg") continue;
    // Reserve for the whole segment at once: one allocation per segment, not per point.
    std::size_t in_segment = 0;
    for (pugi::xml_node p = c.first_child(); p; p = p.next_sibling()) ++in_segment;
    if (counts_.track_points + in_segment > kMaxPoints) return false;
    xml::reserve_more(track_.samples, in_segment);
    track_.segment_starts.push_back(track_.samples.size());
    for (pugi::xml_node p = c.first_child(); p; p = p.next_sibling()) {
      if (read_point(p, seg_scope)) ++counts_.track_points;
    }
  }
  return true;
}

// Counts the <rtept>s of a <rte> (a route is planned, not recorded).
std::size_t route_points(pugi::xml_node rte) {
  std::size_t n = 0;
  for (pugi::xml_node p = rte.first_child(); p; p = p.next_sibling()) {
    if (xml::local_part(p.name()) == "rtept") ++n;
  }
  return n;
}

}  // namespace

ReadResult read_gpx(pugi::xml_node root, GpxTrack& track, GpxCounts& counts, TrackVisitor& visitor) {
  const NsScope outside;  // no declarations: the scope around the root element
  NsScope root_storage;
  const NsScope& root_scope = NsScope::enter(outside, root, root_storage);
  const Ns root_ns = xml::element_name(root_scope, root).ns;

  for (pugi::xml_node c = root.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    NsScope storage;
    const NsScope& scope = NsScope::enter(root_scope, c, storage);
    const ElementName n = xml::element_name(scope, c);
    if (!xml::is_core(n.ns, root_ns)) continue;
    if (n.local == "wpt") {
      ++counts.waypoints;
    } else if (n.local == "rte") {
      counts.route_points += route_points(c);
    } else if (n.local == "trk") {
      track.index = counts.tracks++;
      track.type.clear();
      track.samples.clear();
      track.segment_starts.clear();
      track.has_utc_offset = false;
      track.utc_offset_s = 0;
      Reader reader(root_ns, track, counts);
      if (!reader.read_track(c, root_scope)) return ReadResult::too_many_points;
      if (!visitor.on_track(track)) return ReadResult::stopped;
    }
  }
  return ReadResult::done;
}

}  // namespace tendon::gpx
