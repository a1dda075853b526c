#include "tcx_import.h"

#include <string>

#include "document_import.h"
#include "tcx_figures.h"
#include "tcx_reader.h"
#include "xml_prolog.h"

namespace tendon::tcx {

namespace {

constexpr xml::DocumentFormat kTcxFormat{"TCX", "TrainingCenterDatabase", "Trackpoint"};

// Reads the activities of a TCX document and sends each one that has a start time.
class TcxDocumentReader final : public xml::DocumentReader, private ActivityVisitor {
 public:
  using DocumentReader::DocumentReader;

  int read(pugi::xml_node root) override {
    TcxActivity activity;
    if (read_tcx(root, activity, counts_, *this) == ReadResult::too_many_points) {
      return report().fail(TENDON_ERR_LIMIT, "more than " + std::to_string(kMaxPoints) + " trackpoints");
    }
    return TENDON_OK;
  }

  std::string not_activity_reason() const override {
    if (timeless_ > 0)
      return "TCX activity without any time (no lap StartTime, Id or trackpoint Time), not an activity";
    if (counts_.activities > 0) return "TCX activity without laps or trackpoints, not an activity";
    if (counts_.courses > 0) return "TCX course, not an activity";
    if (counts_.workouts > 0) return "TCX workout plan, not an activity";
    return "TCX without activities, not an activity";
  }

  void report_value_problems() const override {
    report().count_warning(counts_.zone_less_times, "times have no time zone and were read as UTC");
    report().count_warning(counts_.unreadable_times, "times could not be read and were left out");
    report().count_warning(counts_.bad_values, "values that are not numbers or out of range were left out");
  }

 private:
  bool on_activity(TcxActivity& activity) override {
    if (activity.laps.empty() && activity.samples.empty()) return true;  // reason from the counts
    const TcxFigures f = compute_tcx_figures(activity);
    if (!f.has_start) {
      ++timeless_;
      return true;
    }
    return send({
        .source_id = (activity.transition ? "transition-" : "activity-") + std::to_string(activity.index),
        .sport_word = activity.sport,
        .device = activity.device.c_str(),
        .samples = activity.samples,
        .summary = f,
        .track = &f.track,
        // With trackpoint DistanceMeters the device's distance is used, jumps and all.
        .warn_gps_jumps = !activity.any_point_distance,
    });
  }

  TcxCounts counts_;
  std::size_t timeless_ = 0;
};

}  // namespace

int import_tcx(const tendon_input* input, const tendon_sink* sink) {
  TcxDocumentReader reader(sink);
  return xml::import_document(input, sink, kTcxFormat, reader);
}

int probe_tcx(const unsigned char* head, std::size_t size) {
  return xml::probe_root(head, size, "TrainingCenterDatabase");
}

}  // namespace tendon::tcx
