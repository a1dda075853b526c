// libFuzzer target for the TCX importer, driven through its plugin descriptor like the
// host does: probe() on the head, import() with the bytes in memory and, for small
// inputs, through the read callback in odd-sized chunks. The sink checks what the ABI
// promises (struct sizes, strings, finite-or-NaN numbers, one-line reports) and touches
// every sample so that ASan sees any bad pointer.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "tcx_plugin.h"

namespace {

void check(bool ok) {
  if (!ok) std::abort();
}

void check_number(double v) { check(std::isnan(v) || std::isfinite(v)); }

int on_emit(void*, const tendon_activity* a) {
  check(a != nullptr && a->struct_size == sizeof(tendon_activity));
  check(a->sport != nullptr && std::strlen(a->sport) > 0);
  check(a->source_id != nullptr);
  check_number(a->distance_m);
  check_number(a->elapsed_s);
  check_number(a->timer_s);
  check_number(a->ascent_m);
  check_number(a->avg_heart_rate_bpm);
  check(std::isnan(a->elapsed_s) || a->elapsed_s >= 0);
  check(a->sample_count == 0 || a->samples != nullptr);
  check(a->sample_stride == sizeof(tendon_sample));
  for (std::uint64_t i = 0; i < a->sample_count; ++i) {
    const auto* s = reinterpret_cast<const tendon_sample*>(reinterpret_cast<const unsigned char*>(a->samples) +
                                                           i * a->sample_stride);
    check(s->struct_size == sizeof(tendon_sample));
    check_number(s->latitude_deg + s->longitude_deg + s->altitude_m + s->distance_m + s->heart_rate_bpm +
                 s->cadence_spm + s->speed_m_s + s->power_w);
  }
  return 0;
}

void on_report(void*, tendon_level level, const char* message) {
  check(level >= TENDON_LEVEL_INFO && level <= TENDON_LEVEL_ERROR);
  check(message != nullptr && std::strchr(message, '\n') == nullptr);
}

struct Chunks {
  const std::uint8_t* data;
  std::size_t size;
  std::size_t pos;
};

int64_t read_chunk(void* ctx, std::uint8_t* buffer, std::size_t capacity) {
  auto* c = static_cast<Chunks*>(ctx);
  std::size_t n = c->size - c->pos;
  if (n > capacity) n = capacity;
  if (n > 7) n = 7;
  if (n > 0) std::memcpy(buffer, c->data + c->pos, n);
  c->pos += n;
  return static_cast<int64_t>(n);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const tendon_importer* importer = tendon_tcx_plugin()->importers[0];
  const int confidence = importer->probe(nullptr, data, size < 4096 ? size : 4096);
  check(confidence >= 0 && confidence <= 100);

  tendon_sink sink{sizeof(tendon_sink), nullptr, on_emit, on_report};
  Chunks chunks{data, size, 0};
  tendon_input input{sizeof(tendon_input), "fuzz.tcx", data, size, &chunks, read_chunk};
  const int status = importer->import(nullptr, &input, &sink);
  check(status >= TENDON_OK && status <= TENDON_ERR_INTERNAL && status != TENDON_ERR_INTERNAL);

  if (size <= 4096) {  // the read path, with an unknown size
    input.data = nullptr;
    input.size = UINT64_MAX;
    const int again = importer->import(nullptr, &input, &sink);
    check(again == status);
  }
  return 0;
}
