#include "tcx_import.h"

#include <cstdio>
#include <string>

#include "plugin_support.h"
#include "running_cadence.h"
#include "sport_words.h"
#include "tcx_figures.h"
#include "tcx_reader.h"
#include "xml_load.h"
#include "xml_prolog.h"

namespace tendon::tcx {

namespace {

std::string seconds_text(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f s", s);
  return buf;
}

class ActivityEmitter final : public ActivityVisitor {
 public:
  ActivityEmitter(const tendon_sink* sink, const xml::Reporter& report) : sink_(sink), report_(report) {}

  bool on_activity(TcxActivity& activity) override {
    const std::string source_id = (activity.transition ? "transition-" : "activity-") + std::to_string(activity.index);
    if (activity.laps.empty() && activity.samples.empty()) return true;  // reason from the counts
    const TcxFigures f = compute_tcx_figures(activity);
    if (!f.has_start) {
      ++timeless_;
      return true;
    }
    const xml::SportWord sport =
        activity.sport.empty() ? xml::SportWord{"unknown", {}} : xml::map_sport_word(activity.sport);
    xml::normalise_running_cadence(activity.samples, sport.sport);

    tendon_activity a = xml::empty_activity();
    a.sport = sport.sport.c_str();
    a.sub_sport = sport.sub_sport.empty() ? nullptr : sport.sub_sport.c_str();
    a.start_ms = f.start_ms;
    a.has_utc_offset = f.has_utc_offset ? 1 : 0;
    a.utc_offset_s = f.utc_offset_s;
    a.distance_m = f.distance_m;
    a.elapsed_s = f.elapsed_s;
    a.timer_s = f.timer_s;
    a.ascent_m = f.ascent_m;
    a.avg_heart_rate_bpm = f.avg_heart_rate_bpm;
    a.device = activity.device.empty() ? nullptr : activity.device.c_str();
    a.source_id = source_id.c_str();
    a.samples = activity.samples.empty() ? nullptr : activity.samples.data();
    a.sample_count = activity.samples.size();
    a.sample_stride = sizeof(tendon_sample);

    if (f.track.backward_steps > 0) {
      report_.warning(source_id + ": time goes backwards at " + std::to_string(f.track.backward_steps) +
                      " points (by up to " + seconds_text(f.track.largest_backward_s) + "); points kept in file order");
    }
    if (f.track.gps_jumps > 0 && !activity.any_point_distance) {
      report_.warning(source_id + ": " + std::to_string(f.track.gps_jumps) +
                      " GPS jumps (steps faster than 50 m/s) left out of the distance");
    }
    ++emitted_;
    if (!xml::emit(sink_, a)) {
      cancelled_ = true;
      return false;
    }
    return true;
  }

  std::size_t emitted() const { return emitted_; }
  std::size_t timeless() const { return timeless_; }
  bool cancelled() const { return cancelled_; }

 private:
  const tendon_sink* sink_;
  const xml::Reporter& report_;
  std::size_t emitted_ = 0;
  std::size_t timeless_ = 0;
  bool cancelled_ = false;
};

std::string not_activity_reason(const TcxCounts& c, const ActivityEmitter& e) {
  if (e.timeless() > 0)
    return "TCX activity without any time (no lap StartTime, Id or trackpoint Time), not an activity";
  if (c.activities > 0) return "TCX activity without laps or trackpoints, not an activity";
  if (c.courses > 0) return "TCX course, not an activity";
  if (c.workouts > 0) return "TCX workout plan, not an activity";
  return "TCX without activities, not an activity";
}

void report_value_problems(const TcxCounts& c, const xml::Reporter& report) {
  if (c.zone_less_times > 0) {
    report.warning(std::to_string(c.zone_less_times) + " times have no time zone and were read as UTC");
  }
  if (c.unreadable_times > 0) {
    report.warning(std::to_string(c.unreadable_times) + " times could not be read and were left out");
  }
  if (c.bad_values > 0) {
    report.warning(std::to_string(c.bad_values) + " values that are not numbers or out of range were left out");
  }
}

int import_document(char* data, std::size_t size, const tendon_sink* sink, const xml::Reporter& report) {
  pugi::xml_document doc;
  const xml::LoadResult loaded = xml::load_xml(data, size, doc);
  if (loaded.status == xml::LoadStatus::failed) {
    if (loaded.not_xml) return report.fail(TENDON_ERR_FORMAT, "not a TCX document (" + loaded.message + ")");
    return report.fail(TENDON_ERR_FORMAT, loaded.message);
  }
  const pugi::xml_node root = doc.document_element();
  if (xml::local_part(root.name()) != "TrainingCenterDatabase") {
    return report.fail(TENDON_ERR_FORMAT, "not a TCX document (root element is <" + std::string(root.name()) + ">)");
  }
  const bool partial = loaded.status == xml::LoadStatus::partial;
  if (partial) xml::drop_unfinished_tail(doc, "Trackpoint");

  TcxActivity activity;
  TcxCounts counts;
  ActivityEmitter emitter(sink, report);
  const ReadResult read = read_tcx(doc.document_element(), activity, counts, emitter);
  if (read == ReadResult::too_many_points) {
    return report.fail(TENDON_ERR_LIMIT, "more than " + std::to_string(kMaxPoints) + " trackpoints");
  }
  if (emitter.cancelled()) return TENDON_ERR_CANCELLED;
  if (emitter.emitted() == 0) {
    if (partial) return report.fail(TENDON_ERR_FORMAT, loaded.message);
    return report.fail(TENDON_NOT_ACTIVITY, not_activity_reason(counts, emitter));
  }
  report_value_problems(counts, report);
  if (partial) {
    report.warning("the file is cut short or broken (" + loaded.message + "); imported what came before it");
  }
  return TENDON_OK;
}

}  // namespace

int import_tcx(const tendon_input* input, const tendon_sink* sink) {
  const xml::Reporter report(sink);
  if (!xml::usable_sink(sink)) return report.fail(TENDON_ERR_INTERNAL, "the host passed no usable sink");
  xml::InputBuffer buffer;
  const int loaded = buffer.load(input, report);
  if (loaded != TENDON_OK) return loaded;
  return import_document(buffer.data(), buffer.size(), sink, report);
}

int probe_tcx(const unsigned char* head, std::size_t size) {
  return xml::probe_root(head, size, "TrainingCenterDatabase");
}

}  // namespace tendon::tcx
