#pragma once
// Runs the FIT importer through its plugin descriptor, as the host would, and keeps copies
// of everything it emitted and reported (pointers handed across the ABI die with the call).
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "fit_plugin.h"

namespace tendon::fit::testing {

struct EmittedActivity {
  std::string sport;
  std::optional<std::string> sub_sport;
  std::int64_t start_ms = 0;
  std::int32_t utc_offset_s = 0;
  bool has_utc_offset = false;
  double distance_m = 0;
  double elapsed_s = 0;
  double timer_s = 0;
  double ascent_m = 0;
  double avg_heart_rate_bpm = 0;
  std::optional<std::string> device;
  std::optional<std::string> source_id;
  std::vector<tendon_sample> samples;
};

struct ImportRun {
  int status = -1;
  std::vector<EmittedActivity> activities;
  std::vector<std::pair<tendon_level, std::string>> reports;

  std::vector<std::string> messages(tendon_level level) const {
    std::vector<std::string> out;
    for (const auto& [l, m] : reports) {
      if (l == level) out.push_back(m);
    }
    return out;
  }
  std::string error() const {
    const auto errors = messages(TENDON_LEVEL_ERROR);
    return errors.empty() ? std::string() : errors.front();
  }
  std::vector<std::string> warnings() const { return messages(TENDON_LEVEL_WARNING); }
};

struct HarnessOptions {
  bool through_read = false;  // give no data pointer: the plugin reads through the callback
  std::size_t read_chunk = 4096;
  int cancel_after = -1;  // emit returns non-zero after this many activities
};

ImportRun run_import(const std::vector<std::uint8_t>& bytes, const HarnessOptions& options = {});

}  // namespace tendon::fit::testing
