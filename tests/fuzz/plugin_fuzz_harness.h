#pragma once
// The harness every importer fuzz target shares: it drives the plugin's first importer
// the way the host does. probe() on the head, import() with the bytes in memory and, for
// small inputs, again through the read callback in odd-sized chunks (same status). The
// sink checks what the ABI promises (struct sizes, strings, finite-or-NaN numbers,
// one-line reports) and touches every sample so that ASan sees any bad pointer. A target
// adds its format's own promises through FuzzChecks and the returned FuzzRun.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>

#include "tendon/plugin.h"

namespace tendon::fuzz {

// A broken promise is a finding: abort so that libFuzzer keeps the input.
inline void require(bool ok) {
  if (!ok) std::abort();
}

inline void require_number(double v) { require(std::isnan(v) || std::isfinite(v)); }

// A format's promises beyond the ABI's; either may be null.
struct FuzzChecks {
  void (*activity)(const tendon_activity& activity) = nullptr;
  void (*report)(tendon_level level, const char* message) = nullptr;
  std::size_t read_chunk = 7;  // largest chunk read() hands out: small, so the plugin has to gather them
};

// What one input did, for the checks a target makes after the run.
struct FuzzRun {
  int confidence = 0;
  int status = 0;           // import() from the bytes in memory
  std::size_t emitted = 0;  // activities it emitted
  bool replayed = false;    // small inputs: imported again through read()
  std::size_t replay_emitted = 0;
};

namespace detail {

struct SinkState {
  const FuzzChecks* checks;
  std::size_t emitted;
};

inline int on_emit(void* context, const tendon_activity* a) {
  auto* state = static_cast<SinkState*>(context);
  require(a != nullptr && a->struct_size == sizeof(tendon_activity));
  require(a->sport != nullptr && a->sport[0] != '\0');
  require(a->source_id != nullptr);
  require_number(a->distance_m);
  require_number(a->elapsed_s);
  require_number(a->timer_s);
  require_number(a->ascent_m);
  require_number(a->avg_heart_rate_bpm);
  require(std::isnan(a->elapsed_s) || a->elapsed_s >= 0);
  require(a->sample_count == 0 || a->samples != nullptr);
  require(a->sample_stride == sizeof(tendon_sample));
  const auto* base = reinterpret_cast<const unsigned char*>(a->samples);
  for (std::uint64_t i = 0; i < a->sample_count; ++i) {
    tendon_sample s;  // copied: the stride need not keep samples aligned
    std::memcpy(&s, base + i * a->sample_stride, sizeof s);
    require(s.struct_size == sizeof(tendon_sample));
    require_number(s.latitude_deg + s.longitude_deg + s.altitude_m + s.distance_m + s.heart_rate_bpm + s.cadence_spm +
                   s.speed_m_s + s.power_w);
  }
  if (state->checks->activity != nullptr) state->checks->activity(*a);
  ++state->emitted;
  return 0;
}

inline void on_report(void* context, tendon_level level, const char* message) {
  const auto* state = static_cast<const SinkState*>(context);
  require(level >= TENDON_LEVEL_INFO && level <= TENDON_LEVEL_ERROR);
  require(message != nullptr && std::strchr(message, '\n') == nullptr);
  if (state->checks->report != nullptr) state->checks->report(level, message);
}

struct Chunks {
  const std::uint8_t* data;
  std::size_t size;
  std::size_t position;
  std::size_t largest;
};

inline std::int64_t read_chunk(void* context, std::uint8_t* buffer, std::size_t capacity) {
  auto* c = static_cast<Chunks*>(context);
  std::size_t n = c->size - c->position;
  if (n > capacity) n = capacity;
  if (n > c->largest) n = c->largest;
  if (n > 0) std::memcpy(buffer, c->data + c->position, n);
  c->position += n;
  return static_cast<std::int64_t>(n);
}

}  // namespace detail

// Runs `data` through the first importer of `plugin`; aborts on any broken promise.
inline FuzzRun fuzz_plugin_import(const tendon_plugin* plugin, const std::uint8_t* data, std::size_t size,
                                  const FuzzChecks& checks = {}) {
  constexpr std::size_t kHead = 4096;  // what the host hands probe(), and the limit for the read path
  const tendon_importer* importer = plugin->importers[0];
  FuzzRun run;
  run.confidence = importer->probe(nullptr, data, size < kHead ? size : kHead);
  require(run.confidence >= 0 && run.confidence <= 100);

  // The file name only shows in messages; the importer's own suffix makes it look real.
  const std::string name = std::string("fuzz") + importer->suffixes[0];
  detail::SinkState state{&checks, 0};
  tendon_sink sink{sizeof(tendon_sink), &state, detail::on_emit, detail::on_report, nullptr};
  detail::Chunks chunks{data, size, 0, checks.read_chunk};
  tendon_input input{sizeof(tendon_input), name.c_str(), data, size, &chunks, detail::read_chunk, -1};
  run.status = importer->import(nullptr, &input, &sink);
  require(run.status >= TENDON_OK && run.status < TENDON_ERR_INTERNAL);
  run.emitted = state.emitted;

  if (size <= kHead) {  // the read path, with an unknown size
    input.data = nullptr;
    input.size = UINT64_MAX;
    state.emitted = 0;
    require(importer->import(nullptr, &input, &sink) == run.status);
    run.replayed = true;
    run.replay_emitted = state.emitted;
  }
  return run;
}

}  // namespace tendon::fuzz
