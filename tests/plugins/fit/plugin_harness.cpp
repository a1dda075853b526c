#include "plugin_harness.h"

#include <algorithm>
#include <cstring>

namespace tendon::fit::testing {

namespace {

struct Context {
  const std::vector<std::uint8_t>* bytes = nullptr;
  std::size_t position = 0;
  std::size_t chunk = 0;
  int cancel_after = -1;
  ImportRun* run = nullptr;
};

int64_t read_callback(void* context, std::uint8_t* buffer, std::size_t capacity) {
  auto* c = static_cast<Context*>(context);
  const std::size_t n = std::min({capacity, c->chunk, c->bytes->size() - c->position});
  if (n > 0) std::memcpy(buffer, c->bytes->data() + c->position, n);
  c->position += n;
  return static_cast<int64_t>(n);
}

int emit_callback(void* context, const tendon_activity* a) {
  auto* c = static_cast<Context*>(context);
  EmittedActivity e;
  e.sport = a->sport != nullptr ? a->sport : "";
  if (a->sub_sport != nullptr) e.sub_sport = a->sub_sport;
  e.start_ms = a->start_ms;
  e.utc_offset_s = a->utc_offset_s;
  e.has_utc_offset = a->has_utc_offset != 0;
  e.distance_m = a->distance_m;
  e.elapsed_s = a->elapsed_s;
  e.timer_s = a->timer_s;
  e.ascent_m = a->ascent_m;
  e.avg_heart_rate_bpm = a->avg_heart_rate_bpm;
  if (a->device != nullptr) e.device = a->device;
  if (a->source_id != nullptr) e.source_id = a->source_id;
  const auto* base = reinterpret_cast<const std::uint8_t*>(a->samples);
  for (std::uint64_t i = 0; i < a->sample_count; ++i) {
    tendon_sample s{};
    std::memcpy(&s, base + i * a->sample_stride, std::min<std::size_t>(sizeof s, a->sample_stride));
    e.samples.push_back(s);
  }
  c->run->activities.push_back(std::move(e));
  return c->cancel_after >= 0 && static_cast<int>(c->run->activities.size()) >= c->cancel_after ? 1 : 0;
}

void report_callback(void* context, tendon_level level, const char* message) {
  auto* c = static_cast<Context*>(context);
  c->run->reports.emplace_back(level, message != nullptr ? message : "(null)");
}

}  // namespace

ImportRun run_import(const std::vector<std::uint8_t>& bytes, const HarnessOptions& options) {
  ImportRun run;
  Context context;
  context.bytes = &bytes;
  context.chunk = options.read_chunk;
  context.cancel_after = options.cancel_after;
  context.run = &run;

  tendon_input input{};
  input.struct_size = sizeof input;
  input.name = "test.fit";
  input.data = options.through_read ? nullptr : bytes.data();
  input.size = options.through_read ? UINT64_MAX : bytes.size();
  input.context = &context;
  input.read = read_callback;

  tendon_sink sink{};
  sink.struct_size = sizeof sink;
  sink.context = &context;
  sink.emit = emit_callback;
  sink.report = report_callback;

  const tendon_plugin* plugin = tendon_fit_plugin();
  const tendon_importer* importer = plugin->importers[0];
  void* state = nullptr;
  if (plugin->init != nullptr) plugin->init(nullptr, &state);
  run.status = importer->import(state, &input, &sink);
  if (plugin->shutdown != nullptr) plugin->shutdown(state);
  return run;
}

}  // namespace tendon::fit::testing
