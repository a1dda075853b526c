// The FIT plugin's descriptor and the C ABI boundary: gets the bytes (the host's buffer
// when it has one, else read through the callback into our own), runs import_fit, and
// hands the activities and messages to the sink. No exception crosses this boundary.
#include "fit_plugin.h"

#include <cstddef>
#include <cstdint>
#include <exception>
#include <new>
#include <span>
#include <string>
#include <vector>

#include "fit_activity.h"
#include "fit_decode.h"
#include "tendon/version.h"

namespace tendon::fit {

namespace {

constexpr std::size_t kMaxInputBytes = std::size_t{512} << 20;  // 512 MiB
constexpr std::size_t kFirstChunk = std::size_t{1} << 16;

// A struct from the other side holds a member only when its struct_size covers it.
template <typename Struct, typename Member>
bool has_member(const Struct* s, const Member Struct::*member) {
  const auto end = reinterpret_cast<std::uintptr_t>(&(s->*member)) + sizeof(Member);
  return s->struct_size >= end - reinterpret_cast<std::uintptr_t>(s);
}

void report(const tendon_sink* sink, tendon_level level, const std::string& message) {
  if (has_member(sink, &tendon_sink::report) && sink->report != nullptr) {
    sink->report(sink->context, level, message.c_str());
  }
}

enum class ReadStatus { ok, io_error, too_large };

// Reads the whole input into `out`. The buffer doubles when full, so a host that hands out
// a few bytes per call costs no more than one that hands out everything at once.
ReadStatus read_all(const tendon_input* input, std::vector<std::uint8_t>& out) {
  if (!has_member(input, &tendon_input::read) || input->read == nullptr) return ReadStatus::io_error;
  std::size_t capacity = kFirstChunk;
  if (has_member(input, &tendon_input::size) && input->size != UINT64_MAX) {
    if (input->size > kMaxInputBytes) return ReadStatus::too_large;
    capacity = static_cast<std::size_t>(input->size) + 1;  // + 1 to see the end without a resize
  }
  out.resize(capacity);
  std::size_t used = 0;
  for (;;) {
    if (used == out.size()) {
      // One byte past the cap tells "exactly the cap" from "more".
      if (out.size() > kMaxInputBytes) return ReadStatus::too_large;
      out.resize(std::min(out.size() * 2, kMaxInputBytes + 1));
    }
    const std::size_t room = out.size() - used;
    const std::int64_t got = input->read(input->context, out.data() + used, room);
    if (got < 0 || static_cast<std::uint64_t>(got) > room) return ReadStatus::io_error;
    if (got == 0) break;
    used += static_cast<std::size_t>(got);
  }
  out.resize(used);
  return ReadStatus::ok;
}

tendon_activity to_abi(const Activity& a) {
  tendon_activity t{};
  t.struct_size = sizeof(tendon_activity);
  t.sport = a.sport.c_str();
  t.sub_sport = a.sub_sport.empty() ? nullptr : a.sub_sport.c_str();
  t.start_ms = a.start_ms;
  t.utc_offset_s = a.utc_offset_s;
  t.has_utc_offset = a.has_utc_offset ? 1 : 0;
  t.distance_m = a.distance_m;
  t.elapsed_s = a.elapsed_s;
  t.timer_s = a.timer_s;
  t.ascent_m = a.ascent_m;
  t.avg_heart_rate_bpm = a.avg_heart_rate_bpm;
  t.device = a.device.empty() ? nullptr : a.device.c_str();
  t.shoe = nullptr;
  t.source_id = a.source_id.c_str();
  t.athlete = nullptr;
  t.samples = a.samples.empty() ? nullptr : a.samples.data();
  t.sample_count = a.samples.size();
  t.sample_stride = sizeof(tendon_sample);
  return t;
}

int import_checked(const tendon_input* input, const tendon_sink* sink) {
  std::vector<std::uint8_t> owned;
  std::span<const std::uint8_t> bytes;
  if (has_member(input, &tendon_input::data) && input->data != nullptr && has_member(input, &tendon_input::size) &&
      input->size != UINT64_MAX) {
    if (input->size > kMaxInputBytes) {
      report(sink, TENDON_LEVEL_ERROR, "FIT file larger than 512 MiB");
      return TENDON_ERR_LIMIT;
    }
    bytes = std::span(input->data, static_cast<std::size_t>(input->size));
  } else {
    switch (read_all(input, owned)) {
      case ReadStatus::ok:
        break;
      case ReadStatus::io_error:
        report(sink, TENDON_LEVEL_ERROR, "reading the input failed");
        return TENDON_ERR_IO;
      case ReadStatus::too_large:
        report(sink, TENDON_LEVEL_ERROR, "FIT file larger than 512 MiB");
        return TENDON_ERR_LIMIT;
    }
    bytes = owned;
  }

  const ImportResult result = import_fit(bytes);
  for (const std::string& w : result.warnings) report(sink, TENDON_LEVEL_WARNING, w);
  if (result.status != TENDON_OK) {
    report(sink, TENDON_LEVEL_ERROR, result.error);
    return result.status;
  }
  if (!has_member(sink, &tendon_sink::emit) || sink->emit == nullptr) return TENDON_OK;
  for (const Activity& a : result.activities) {
    const tendon_activity abi = to_abi(a);
    if (sink->emit(sink->context, &abi) != 0) return TENDON_ERR_CANCELLED;
  }
  return TENDON_OK;
}

int fit_probe(void* /*state*/, const std::uint8_t* head, std::size_t head_size) {
  if (head == nullptr) return 0;
  return looks_like_fit(std::span(head, head_size)) ? 100 : 0;
}

int fit_import(void* /*state*/, const tendon_input* input, const tendon_sink* sink) {
  if (sink == nullptr) return TENDON_ERR_INTERNAL;
  try {
    if (input == nullptr) {
      report(sink, TENDON_LEVEL_ERROR, "no input");
      return TENDON_ERR_INTERNAL;
    }
    return import_checked(input, sink);
  } catch (const std::bad_alloc&) {
    report(sink, TENDON_LEVEL_ERROR, "internal error: out of memory");
  } catch (const std::exception& e) {
    report(sink, TENDON_LEVEL_ERROR, std::string("internal error: ") + e.what());
  } catch (...) {
    report(sink, TENDON_LEVEL_ERROR, "internal error: unknown exception");
  }
  return TENDON_ERR_INTERNAL;
}

constexpr const char* kSuffixes[] = {".fit", nullptr};

const tendon_importer kImporter = {
    sizeof(tendon_importer), "fit", "Garmin FIT activity files", kSuffixes, fit_probe, fit_import,
    nullptr,  // probe_folder: files only
};

const tendon_importer* const kImporters[] = {&kImporter};

const tendon_plugin kPlugin = {
    sizeof(tendon_plugin),
    TENDON_PLUGIN_ABI_MAJOR,
    TENDON_PLUGIN_ABI_MINOR,
    "fit",
    TENDON_VERSION,
    TENDON_PLUGIN_THREAD_SAFE,
    nullptr,  // init: the plugin keeps no state
    nullptr,  // shutdown
    kImporters,
    1,
    nullptr,  // sources: an importer only
    0,
};

}  // namespace

}  // namespace tendon::fit

extern "C" const tendon_plugin* tendon_fit_plugin(void) { return &tendon::fit::kPlugin; }
