#pragma once
// Which record messages belong to which session: the samples of one activity, and the
// fallbacks (start, distance, elapsed time, ascent) when its session lacks a field.
#include <cstdint>
#include <vector>

#include "fit_decode.h"

namespace tendon::fit {

struct SessionRecords {
  // The session's start: start_time, else its first record or lap, else timestamp -
  // elapsed (kNoTime when none of them exists).
  std::uint32_t start = kNoTime;
  std::vector<std::uint32_t> records;  // indices into Decoded::records, in file order
};

// One entry per session of `decoded`. A record goes to at most one session, and only to a
// session of its own chained file (chained activities may overlap in time). A record
// without a timestamp of its own counts at the last time seen before it.
std::vector<SessionRecords> assign_records(const Decoded& decoded);

}  // namespace tendon::fit
