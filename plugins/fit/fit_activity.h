#pragma once
// From decoded FIT messages to Tendon activities: one per session message (a multisport
// file gives one per leg, transitions included), or one built from the records when an
// activity file has no session. Also decides the import's status and its messages.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "fit_decode.h"
#include "tendon/plugin.h"

namespace tendon::fit {

struct Activity {
  std::string sport;      // Tendon's vocabulary ("running", "trail_running", "cycling", ...)
  std::string sub_sport;  // FIT's word, "" when the file gives none
  std::int64_t start_ms = 0;
  std::int32_t utc_offset_s = 0;
  bool has_utc_offset = false;
  double distance_m = kNaN;
  double elapsed_s = kNaN;
  double timer_s = kNaN;
  double ascent_m = kNaN;
  double avg_heart_rate_bpm = kNaN;
  std::string device;     // "" when unknown
  std::string source_id;  // "session-<n>" (n counts across chained files) or "records"
  std::vector<tendon_sample> samples;
};

struct ImportResult {
  tendon_status status = TENDON_OK;
  std::string error;                  // the reason, when status is not OK
  std::vector<std::string> warnings;  // reported even when the import succeeds
  std::vector<Activity> activities;
};

// Decodes and builds in one go (what the plugin's import does).
ImportResult import_fit(std::span<const std::uint8_t> bytes);

ImportResult build_activities(const Decoded& decoded);

// The UTC offset of local_timestamp - timestamp, when it is believable: within +-14 h and
// within a minute of a whole quarter hour (to which it is rounded). Devices with an unset
// or drifting local clock write other differences; those are not offsets.
bool utc_offset_from(std::uint32_t timestamp, std::uint32_t local_timestamp, std::int32_t& offset_s);

}  // namespace tendon::fit
