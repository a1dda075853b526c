#include "tcx_reader.h"

#include <string_view>

#include "geo.h"
#include "sample_ranges.h"
#include "track_figures.h"
#include "unknown.h"
#include "vector_growth.h"
#include "xml_names.h"
#include "xml_text.h"

namespace tendon::tcx {

namespace {

using xml::ElementName;
using xml::Ns;
using xml::NsScope;

class Reader {
 public:
  Reader(Ns root_ns, TcxActivity& activity, TcxCounts& counts)
      : root_ns_(root_ns), activity_(activity), counts_(counts) {}

  // Reads an <Activity>; false when the point limit was hit.
  bool read_activity(pugi::xml_node el, const NsScope& scope);
  // Reads a lap-shaped element (<Lap> or a multisport <Transition>).
  bool read_lap(pugi::xml_node el, const NsScope& scope);

 private:
  bool core(Ns ns) const { return xml::is_core(ns, root_ns_); }
  bool read_track(pugi::xml_node track, const NsScope& scope);
  void read_point(pugi::xml_node pt, const NsScope& scope);
  void read_position(pugi::xml_node el, const NsScope& scope, tendon_sample& s);
  void read_tpx(pugi::xml_node el, const NsScope& scope, tendon_sample& s, double& run_cadence);
  void read_value(pugi::xml_node el, double& target, bool (*plausible)(double));
  // The <Value> inside a HeartRateBpm-style element.
  void read_bpm(pugi::xml_node el, const NsScope& scope, double& target);
  bool read_time(std::string_view text, xml::DateTime& out);

  Ns root_ns_;
  TcxActivity& activity_;
  TcxCounts& counts_;
};

void Reader::read_value(pugi::xml_node el, double& target, bool (*plausible)(double)) {
  double v = 0;
  if (xml::number_of(el, v) && plausible(v)) {
    target = v;
  } else {
    ++counts_.bad_values;
  }
}

bool Reader::read_time(std::string_view text, xml::DateTime& out) {
  const auto t = xml::parse_xsd_datetime(text);
  if (!t) {
    ++counts_.unreadable_times;
    return false;
  }
  if (t->zone == xml::ZoneKind::none) ++counts_.zone_less_times;
  out = *t;
  return true;
}

void Reader::read_bpm(pugi::xml_node el, const NsScope& parent, double& target) {
  NsScope storage;
  const NsScope& scope = NsScope::enter(parent, el, storage);
  for (pugi::xml_node c = el.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    NsScope child_storage;
    const ElementName n = xml::element_name(NsScope::enter(scope, c, child_storage), c);
    if (n.local == "Value" && core(n.ns)) read_value(c, target, xml::plausible_heart_rate);
  }
}

void Reader::read_position(pugi::xml_node el, const NsScope& parent, tendon_sample& s) {
  NsScope storage;
  const NsScope& scope = NsScope::enter(parent, el, storage);
  double lat = xml::kUnknown;
  double lon = xml::kUnknown;
  for (pugi::xml_node c = el.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    NsScope child_storage;
    const ElementName n = xml::element_name(NsScope::enter(scope, c, child_storage), c);
    if (!core(n.ns)) continue;
    if (n.local == "LatitudeDegrees") xml::number_of(c, lat);
    if (n.local == "LongitudeDegrees") xml::number_of(c, lon);
  }
  if (!std::isnan(lat) && !std::isnan(lon) && xml::valid_position(lat, lon)) {
    s.latitude_deg = lat;
    s.longitude_deg = lon;
  } else {
    ++counts_.bad_values;
  }
}

void Reader::read_tpx(pugi::xml_node el, const NsScope& scope, tendon_sample& s, double& run_cadence) {
  for (pugi::xml_node c = el.first_child(); c; c = c.next_sibling()) {
    NsScope storage;
    const ElementName n = xml::element_name(NsScope::enter(scope, c, storage), c);
    if (n.ns != Ns::ax_v2 && !core(n.ns)) continue;
    if (n.local == "Speed") {
      read_value(c, s.speed_m_s, xml::plausible_speed);
    } else if (n.local == "RunCadence") {
      read_value(c, run_cadence, xml::plausible_cadence);
    } else if (n.local == "Watts") {
      read_value(c, s.power_w, xml::plausible_power);
    }
  }
}

void Reader::read_point(pugi::xml_node pt, const NsScope& parent) {
  NsScope storage;
  const NsScope& scope = NsScope::enter(parent, pt, storage);
  tendon_sample s = xml::empty_sample();
  double run_cadence = xml::kUnknown;
  // Text nodes of mixed content have an empty name and match nothing below.
  for (pugi::xml_node c = pt.first_child(); c; c = c.next_sibling()) {
    NsScope child_storage;
    const NsScope& child_scope = NsScope::enter(scope, c, child_storage);
    const ElementName n = xml::element_name(child_scope, c);
    if (!core(n.ns)) continue;
    const std::string_view local = n.local;
    if (local == "Time") {
      xml::DateTime t;
      if (read_time(xml::text_of(c), t)) {
        s.time_ms = t.utc_ms;
        if (!activity_.first_point_zone_known) {
          activity_.first_point_zone_known = true;
          activity_.first_point_time = t;
        }
      }
    } else if (local == "Position") {
      read_position(c, scope, s);
    } else if (local == "AltitudeMeters") {
      read_value(c, s.altitude_m, xml::plausible_altitude);
    } else if (local == "DistanceMeters") {
      read_value(c, s.distance_m, xml::plausible_distance);
    } else if (local == "HeartRateBpm") {
      read_bpm(c, scope, s.heart_rate_bpm);
    } else if (local == "Cadence") {
      read_value(c, s.cadence_spm, xml::plausible_cadence);
    } else if (local == "Extensions") {
      for (pugi::xml_node e = c.first_child(); e; e = e.next_sibling()) {
        NsScope ext_storage;
        const NsScope& ext_scope = NsScope::enter(child_scope, e, ext_storage);
        const ElementName en = xml::element_name(ext_scope, e);
        // "watt-extension-without-namespace": <TPX> with no namespace at all is read too.
        if (en.local == "TPX" && (en.ns == Ns::ax_v2 || core(en.ns))) read_tpx(e, ext_scope, s, run_cadence);
      }
    }
  }
  // RunCadence (per leg, running) is the running cadence when both are written.
  if (!std::isnan(run_cadence)) s.cadence_spm = run_cadence;
  if (!std::isnan(s.distance_m)) {
    activity_.any_point_distance = true;
    if (s.distance_m > activity_.max_point_distance_m) activity_.max_point_distance_m = s.distance_m;
  }
  activity_.samples.push_back(s);
}

bool Reader::read_track(pugi::xml_node track, const NsScope& parent) {
  NsScope storage;
  const NsScope& scope = NsScope::enter(parent, track, storage);
  std::size_t in_track = 0;
  for (pugi::xml_node p = track.first_child(); p; p = p.next_sibling()) ++in_track;
  if (counts_.trackpoints + in_track > kMaxPoints) return false;
  xml::reserve_more(activity_.samples, in_track);
  for (pugi::xml_node p = track.first_child(); p; p = p.next_sibling()) {
    NsScope pt_storage;
    const ElementName n = xml::element_name(NsScope::enter(scope, p, pt_storage), p);
    if (n.local != "Trackpoint" || !core(n.ns)) continue;
    ++counts_.trackpoints;
    read_point(p, scope);
  }
  return true;
}

bool Reader::read_lap(pugi::xml_node el, const NsScope& parent) {
  NsScope storage;
  const NsScope& scope = NsScope::enter(parent, el, storage);
  TcxLap lap;
  if (const pugi::xml_attribute start = el.attribute("StartTime")) lap.has_start = read_time(start.value(), lap.start);
  std::size_t tracks = 0;
  for (pugi::xml_node c = el.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    NsScope child_storage;
    const ElementName n = xml::element_name(NsScope::enter(scope, c, child_storage), c);
    if (!core(n.ns)) continue;
    if (n.local == "TotalTimeSeconds") {
      read_value(c, lap.total_time_s, xml::plausible_duration);
    } else if (n.local == "DistanceMeters") {
      read_value(c, lap.distance_m, xml::plausible_distance);
    } else if (n.local == "AverageHeartRateBpm") {
      read_bpm(c, scope, lap.avg_heart_rate_bpm);
    } else if (n.local == "Track") {
      // Garmin starts another <Track> inside a lap when the timer was stopped: a
      // segment break. A new lap is not a break (the recording goes on).
      if (tracks++ > 0) activity_.segment_starts.push_back(activity_.samples.size());
      if (!read_track(c, scope)) return false;
    }
  }
  activity_.laps.push_back(lap);
  return true;
}

bool Reader::read_activity(pugi::xml_node el, const NsScope& parent) {
  NsScope storage;
  const NsScope& scope = NsScope::enter(parent, el, storage);
  activity_.sport = xml::clean_text(el.attribute("Sport").value(), 64);
  for (pugi::xml_node c = el.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    NsScope child_storage;
    const NsScope& child_scope = NsScope::enter(scope, c, child_storage);
    const ElementName n = xml::element_name(child_scope, c);
    if (!core(n.ns)) continue;
    if (n.local == "Id") {
      activity_.has_id = read_time(xml::text_of(c), activity_.id);
    } else if (n.local == "Lap") {
      if (!read_lap(c, scope)) return false;
    } else if (n.local == "Creator") {
      for (pugi::xml_node d = c.first_child(); d; d = d.next_sibling()) {
        NsScope name_storage;
        const ElementName dn = xml::element_name(NsScope::enter(child_scope, d, name_storage), d);
        if (dn.local == "Name" && core(dn.ns)) activity_.device = xml::clean_text(xml::text_of(d));
      }
    }
  }
  return true;
}

class DocumentWalker {
 public:
  DocumentWalker(Ns root_ns, TcxActivity& activity, TcxCounts& counts, ActivityVisitor& visitor)
      : root_ns_(root_ns), activity_(activity), counts_(counts), visitor_(visitor) {}

  ReadResult walk(pugi::xml_node root, const NsScope& scope);

 private:
  // Visits each core child element of `el` as (element, its scope, local name).
  template <typename F>
  ReadResult each_child(pugi::xml_node el, const NsScope& scope, F&& f);
  ReadResult activity(pugi::xml_node el, const NsScope& scope, bool transition);
  ReadResult multisport(pugi::xml_node el, const NsScope& scope);

  Ns root_ns_;
  TcxActivity& activity_;
  TcxCounts& counts_;
  ActivityVisitor& visitor_;
};

template <typename F>
ReadResult DocumentWalker::each_child(pugi::xml_node el, const NsScope& parent, F&& f) {
  NsScope storage;
  const NsScope& scope = NsScope::enter(parent, el, storage);
  for (pugi::xml_node c = el.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    NsScope child_storage;
    const ElementName n = xml::element_name(NsScope::enter(scope, c, child_storage), c);
    if (!xml::is_core(n.ns, root_ns_)) continue;
    const ReadResult r = f(c, scope, n.local);
    if (r != ReadResult::done) return r;
  }
  return ReadResult::done;
}

ReadResult DocumentWalker::activity(pugi::xml_node el, const NsScope& scope, bool transition) {
  activity_.clear();
  activity_.transition = transition;
  activity_.index = transition ? counts_.transitions++ : counts_.activities++;
  Reader reader(root_ns_, activity_, counts_);
  const bool within_limit = transition ? reader.read_lap(el, scope) : reader.read_activity(el, scope);
  if (!within_limit) return ReadResult::too_many_points;
  if (transition) activity_.sport = "transition";
  return visitor_.on_activity(activity_) ? ReadResult::done : ReadResult::stopped;
}

ReadResult DocumentWalker::multisport(pugi::xml_node el, const NsScope& scope) {
  return each_child(el, scope, [&](pugi::xml_node leg, const NsScope& s, std::string_view local) {
    if (local != "FirstSport" && local != "NextSport") return ReadResult::done;
    return each_child(leg, s, [&](pugi::xml_node part, const NsScope& ps, std::string_view part_local) {
      if (part_local == "Activity") return activity(part, ps, false);
      if (part_local == "Transition") return activity(part, ps, true);
      return ReadResult::done;
    });
  });
}

ReadResult DocumentWalker::walk(pugi::xml_node root, const NsScope& scope) {
  return each_child(root, scope, [&](pugi::xml_node section, const NsScope& s, std::string_view local) {
    if (local == "Activities") {
      return each_child(section, s, [&](pugi::xml_node el, const NsScope& es, std::string_view el_local) {
        if (el_local == "Activity") return activity(el, es, false);
        if (el_local == "MultiSportSession") return multisport(el, es);
        return ReadResult::done;
      });
    }
    if (local == "Courses" || local == "Workouts") {
      const bool courses = local == "Courses";
      return each_child(section, s, [&](pugi::xml_node, const NsScope&, std::string_view el_local) {
        if (courses && el_local == "Course") ++counts_.courses;
        if (!courses && el_local == "Workout") ++counts_.workouts;
        return ReadResult::done;
      });
    }
    return ReadResult::done;
  });
}

}  // namespace

void TcxActivity::clear() {
  index = 0;
  transition = false;
  sport.clear();
  has_id = false;
  id = {};
  device.clear();
  laps.clear();
  samples.clear();
  segment_starts.clear();
  any_point_distance = false;
  max_point_distance_m = 0;
  first_point_zone_known = false;
  first_point_time = {};
}

ReadResult read_tcx(pugi::xml_node root, TcxActivity& activity, TcxCounts& counts, ActivityVisitor& visitor) {
  const NsScope outside;
  NsScope root_storage;
  const NsScope& root_scope = NsScope::enter(outside, root, root_storage);
  const Ns root_ns = xml::element_name(root_scope, root).ns;
  DocumentWalker walker(root_ns, activity, counts, visitor);
  // each_child enters the root's scope itself: start from the scope outside it.
  return walker.walk(root, outside);
}

}  // namespace tendon::tcx
