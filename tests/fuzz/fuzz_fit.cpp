// libFuzzer target for the FIT importer, run the way the host runs it: probe() on the
// head, then import() through the plugin descriptor from the host's buffer and, for small
// inputs, again through the read callback (which must give the same status). The sink
// checks what the ABI promises and reads every sample so that ASan sees a bad pointer.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <initializer_list>

#include "fit_plugin.h"

namespace {

void require(bool ok) {
  if (!ok) std::abort();
}

void require_number(double v) { require(std::isnan(v) || std::isfinite(v)); }

int on_emit(void* context, const tendon_activity* a) {
  require(a != nullptr && a->struct_size == sizeof(tendon_activity));
  require(a->sport != nullptr && a->sport[0] != '\0');
  require(a->source_id != nullptr);
  require(a->sub_sport == nullptr || std::strlen(a->sub_sport) > 0);
  require(a->device == nullptr || std::strchr(a->device, '\n') == nullptr);
  require(a->has_utc_offset == 0 || (a->utc_offset_s >= -14 * 3600 && a->utc_offset_s <= 14 * 3600));
  require_number(a->distance_m);
  require_number(a->elapsed_s);
  require_number(a->timer_s);
  require_number(a->ascent_m);
  require_number(a->avg_heart_rate_bpm);
  for (double total : {a->distance_m, a->elapsed_s, a->timer_s, a->ascent_m, a->avg_heart_rate_bpm}) {
    require(std::isnan(total) || total >= 0);
  }
  require(a->sample_stride == sizeof(tendon_sample));
  require(a->sample_count == 0 || a->samples != nullptr);
  const auto* base = reinterpret_cast<const unsigned char*>(a->samples);
  for (std::uint64_t i = 0; i < a->sample_count; ++i) {
    tendon_sample s;
    std::memcpy(&s, base + i * a->sample_stride, sizeof s);
    require(s.struct_size == sizeof(tendon_sample));
    require(std::isnan(s.latitude_deg) || std::fabs(s.latitude_deg) <= 180.0);
    require_number(s.altitude_m + s.distance_m + s.heart_rate_bpm + s.cadence_spm + s.speed_m_s + s.power_w);
  }
  ++*static_cast<int*>(context);
  return 0;
}

void on_report(void*, tendon_level level, const char* message) {
  require(level >= TENDON_LEVEL_INFO && level <= TENDON_LEVEL_ERROR);
  require(message != nullptr && message[0] != '\0' && std::strchr(message, '\n') == nullptr);
}

struct Stream {
  const std::uint8_t* data;
  std::size_t size;
  std::size_t position;
};

int64_t read_some(void* context, std::uint8_t* buffer, std::size_t capacity) {
  auto* s = static_cast<Stream*>(context);
  std::size_t n = s->size - s->position;
  if (n > capacity) n = capacity;
  if (n > 13) n = 13;  // odd chunks, so the plugin has to gather them
  if (n > 0) std::memcpy(buffer, s->data + s->position, n);
  s->position += n;
  return static_cast<int64_t>(n);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const tendon_importer* importer = tendon_fit_plugin()->importers[0];
  const int confidence = importer->probe(nullptr, data, size < 4096 ? size : 4096);
  require(confidence == 0 || confidence == 100);

  int emitted = 0;
  tendon_sink sink{sizeof(tendon_sink), &emitted, on_emit, on_report};
  Stream stream{data, size, 0};
  tendon_input input{sizeof(tendon_input), "fuzz.fit", data, size, &stream, read_some};
  const int status = importer->import(nullptr, &input, &sink);
  require(status >= TENDON_OK && status < TENDON_ERR_INTERNAL && status != TENDON_ERR_IO);
  require(status == TENDON_OK ? emitted > 0 : emitted == 0);

  if (size <= 4096) {
    input.data = nullptr;
    input.size = UINT64_MAX;
    int again_emitted = 0;
    sink.context = &again_emitted;
    require(importer->import(nullptr, &input, &sink) == status);
    require(again_emitted == emitted);
  }
  return 0;
}
