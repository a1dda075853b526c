// libFuzzer target for the FIT importer, run the way the host runs it
// (plugin_fuzz_harness.h checks the ABI's promises on both import paths). On top, what
// FIT promises: probe() is sure either way, no TENDON_ERR_IO (the harness's reads never
// fail), OK means at least one activity (and failure none), both paths emit alike, the
// fields FIT fills (sub-sport, device, UTC offset, totals, latitude) stay in range, and
// reports are never empty. Reads come in 13-byte chunks, across FIT's record boundaries.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>

#include "fit_plugin.h"
#include "plugin_fuzz_harness.h"

namespace {

using tendon::fuzz::require;

void require_fit_activity(const tendon_activity& a) {
  require(a.sub_sport == nullptr || std::strlen(a.sub_sport) > 0);
  require(a.device == nullptr || std::strchr(a.device, '\n') == nullptr);
  require(a.has_utc_offset == 0 || (a.utc_offset_s >= -14 * 3600 && a.utc_offset_s <= 14 * 3600));
  for (double total : {a.distance_m, a.elapsed_s, a.timer_s, a.ascent_m, a.avg_heart_rate_bpm}) {
    require(std::isnan(total) || total >= 0);
  }
  const auto* base = reinterpret_cast<const unsigned char*>(a.samples);
  for (std::uint64_t i = 0; i < a.sample_count; ++i) {
    tendon_sample s;
    std::memcpy(&s, base + i * a.sample_stride, sizeof s);
    require(std::isnan(s.latitude_deg) || std::fabs(s.latitude_deg) <= 180.0);
  }
}

void require_fit_report(tendon_level, const char* message) { require(message[0] != '\0'); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const tendon::fuzz::FuzzChecks checks{require_fit_activity, require_fit_report, 13};
  const tendon::fuzz::FuzzRun run = tendon::fuzz::fuzz_plugin_import(tendon_fit_plugin(), data, size, checks);
  require(run.confidence == 0 || run.confidence == 100);
  require(run.status != TENDON_ERR_IO);
  require(run.status == TENDON_OK ? run.emitted > 0 : run.emitted == 0);
  require(!run.replayed || run.replay_emitted == run.emitted);
  return 0;
}
