#pragma once
// The last step of the GPX and TCX importers: one activity they have read and summed up
// becomes a tendon_activity (sport word mapped, running cadence normalised), the
// warnings its track earned are reported under its source id, and it goes to the sink.
#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include "activity_summary.h"
#include "plugin_support.h"
#include "tendon/plugin.h"
#include "track_figures.h"

namespace tendon::xml {

// One activity to send. The pointers must stay valid for the call to send().
struct OutgoingActivity {
  std::string source_id;             // "track-0": the activity's identity and its warnings' prefix
  std::string_view sport_word;       // the format's own word; empty gives "unknown"
  const char* device = nullptr;      // NULL or "" when the file names none
  std::span<tendon_sample> samples;  // running cadence is normalised in place
  ActivitySummary summary;
  const TrackFigures* track = nullptr;  // its backward times and GPS jumps are reported
  // False where the distance does not come from the positions (TCX DistanceMeters): the
  // jumps were then not left out of it, so there is nothing to warn about.
  bool warn_gps_jumps = true;
};

// Sends an importer's activities to the sink and remembers how that went.
class ActivitySender {
 public:
  explicit ActivitySender(const tendon_sink* sink) : sink_(sink), report_(sink) {}

  // Returns true to go on, false when the sink asked to stop (cancelled() is then set).
  bool send(const OutgoingActivity& activity);

  std::size_t sent() const { return sent_; }
  bool cancelled() const { return cancelled_; }

 private:
  const tendon_sink* sink_;
  Reporter report_;
  std::size_t sent_ = 0;
  bool cancelled_ = false;
};

}  // namespace tendon::xml
