// The FIT plugin's descriptor and its C ABI boundary: sizes, versions, probe, the input's
// two paths (host buffer, read callback), limits, I/O errors, cancellation, old sinks.
#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

#include "fit_plugin.h"
#include "fit_writer.h"
#include "plugin_harness.h"

namespace tendon::fit::testing {
namespace {

TEST(fitPlugin, DescriptorIsComplete) {
  const tendon_plugin* plugin = tendon_fit_plugin();
  ASSERT_NE(plugin, nullptr);
  EXPECT_EQ(plugin->struct_size, sizeof(tendon_plugin));
  EXPECT_EQ(plugin->abi_major, TENDON_PLUGIN_ABI_MAJOR);
  EXPECT_EQ(plugin->abi_minor, TENDON_PLUGIN_ABI_MINOR);
  EXPECT_STREQ(plugin->id, "fit");
  ASSERT_NE(plugin->version, nullptr);
  EXPECT_GT(std::strlen(plugin->version), 0u);
  EXPECT_EQ(plugin->flags & TENDON_PLUGIN_THREAD_SAFE, TENDON_PLUGIN_THREAD_SAFE);
  ASSERT_EQ(plugin->importer_count, 1u);
  const tendon_importer* importer = plugin->importers[0];
  ASSERT_NE(importer, nullptr);
  EXPECT_EQ(importer->struct_size, sizeof(tendon_importer));
  EXPECT_STREQ(importer->id, "fit");
  ASSERT_NE(importer->description, nullptr);
  ASSERT_NE(importer->suffixes, nullptr);
  EXPECT_STREQ(importer->suffixes[0], ".fit");
  EXPECT_EQ(importer->suffixes[1], nullptr);
  EXPECT_NE(importer->probe, nullptr);
  EXPECT_NE(importer->import, nullptr);
  EXPECT_EQ(tendon_fit_plugin(), plugin);  // one static descriptor
}

int probe(const std::vector<std::uint8_t>& head) {
  const tendon_importer* importer = tendon_fit_plugin()->importers[0];
  return importer->probe(nullptr, head.data(), head.size());
}

TEST(fitPlugin, ProbeLooksAtTheHeaderOnly) {
  std::vector<std::uint8_t> head = small_run(2);
  EXPECT_EQ(probe(head), 100);
  head.resize(12);
  EXPECT_EQ(probe(head), 100);
  FitWriter::Options twelve;
  twelve.header_size = 12;
  EXPECT_EQ(probe(small_run(2, twelve)), 100);
  std::vector<std::uint8_t> odd = small_run(2);
  odd[0] = 13;  // header size neither 12 nor 14
  EXPECT_EQ(probe(odd), 0);
  std::vector<std::uint8_t> sig = small_run(2);
  sig[9] = 'G';
  EXPECT_EQ(probe(sig), 0);
  head.resize(11);  // must not read past head_size
  EXPECT_EQ(probe(head), 0);
  EXPECT_EQ(tendon_fit_plugin()->importers[0]->probe(nullptr, nullptr, 0), 0);
  const std::string gpx = "<?xml version=\"1.0\"?><gpx>";
  EXPECT_EQ(probe({gpx.begin(), gpx.end()}), 0);
}

TEST(fitPlugin, ReadCallbackPathGivesTheSameResult) {
  const std::vector<std::uint8_t> bytes = small_run(20);
  const ImportRun direct = run_import(bytes);
  for (std::size_t chunk : {std::size_t{1}, std::size_t{7}, std::size_t{1} << 20}) {
    HarnessOptions options;
    options.through_read = true;
    options.read_chunk = chunk;
    const ImportRun read = run_import(bytes, options);
    ASSERT_EQ(read.status, TENDON_OK);
    ASSERT_EQ(read.activities.size(), direct.activities.size());
    EXPECT_EQ(read.activities[0].start_ms, direct.activities[0].start_ms);
    EXPECT_EQ(read.activities[0].samples.size(), direct.activities[0].samples.size());
  }
}

struct ReaderState {
  std::size_t produced = 0;
  bool fail = false;
};

// Claims to fill whatever room it is given (the bytes are left as they are: only the
// count matters here).
int64_t endless_reader(void* context, std::uint8_t* /*buffer*/, std::size_t capacity) {
  auto* state = static_cast<ReaderState*>(context);
  if (state->fail) return -1;
  state->produced += capacity;
  return static_cast<int64_t>(capacity);
}

struct Reports {
  std::vector<std::string> errors;
};

void collect(void* context, tendon_level level, const char* message) {
  if (level == TENDON_LEVEL_ERROR) static_cast<Reports*>(context)->errors.emplace_back(message);
}

int no_emit(void*, const tendon_activity*) { return 0; }

TEST(fitPlugin, InputsOverTheCapAreRefused) {
  const tendon_importer* importer = tendon_fit_plugin()->importers[0];
  Reports reports;
  tendon_sink sink{sizeof(tendon_sink), &reports, no_emit, collect, nullptr};
  // A host buffer announced larger than 512 MiB is refused before it is read.
  static const std::uint8_t byte = 0;
  tendon_input big{sizeof(tendon_input), "big.fit", &byte, (std::uint64_t{512} << 20) + 1, nullptr, nullptr, -1};
  EXPECT_EQ(importer->import(nullptr, &big, &sink), TENDON_ERR_LIMIT);
  // A stream that never ends stops at the cap.
  ReaderState state;
  tendon_input stream{sizeof(tendon_input), "stream.fit", nullptr, UINT64_MAX, &state, endless_reader, -1};
  EXPECT_EQ(importer->import(nullptr, &stream, &sink), TENDON_ERR_LIMIT);
  EXPECT_LE(state.produced, (std::size_t{512} << 20) + 1);
  ASSERT_EQ(reports.errors.size(), 2u);
  EXPECT_EQ(reports.errors[1], "FIT file larger than 512 MiB");
}

TEST(fitPlugin, ReadErrorsAreIoErrors) {
  const tendon_importer* importer = tendon_fit_plugin()->importers[0];
  Reports reports;
  tendon_sink sink{sizeof(tendon_sink), &reports, no_emit, collect, nullptr};
  ReaderState state;
  state.fail = true;
  tendon_input input{sizeof(tendon_input), "bad.fit", nullptr, UINT64_MAX, &state, endless_reader, -1};
  EXPECT_EQ(importer->import(nullptr, &input, &sink), TENDON_ERR_IO);
  EXPECT_EQ(reports.errors, std::vector<std::string>{"reading the input failed"});
}

TEST(fitPlugin, SinkCanCancel) {
  std::vector<std::uint8_t> two = small_run(3);
  const std::vector<std::uint8_t> second = small_run(4);
  two.insert(two.end(), second.begin(), second.end());
  HarnessOptions options;
  options.cancel_after = 1;
  const ImportRun run = run_import(two, options);
  EXPECT_EQ(run.status, TENDON_ERR_CANCELLED);
  EXPECT_EQ(run.activities.size(), 1u);
}

int count_emit(void* context, const tendon_activity* a) {
  EXPECT_EQ(a->struct_size, sizeof(tendon_activity));
  EXPECT_EQ(a->sample_stride, sizeof(tendon_sample));
  EXPECT_STREQ(a->sport, "trail_running");
  EXPECT_EQ(a->shoe, nullptr);
  EXPECT_EQ(a->athlete, nullptr);
  ++*static_cast<int*>(context);
  return 0;
}

// A host built before `report` existed passes a shorter sink: the plugin must not touch
// what lies past struct_size.
TEST(fitPlugin, OlderSinkWithoutReportIsRespected) {
  const tendon_importer* importer = tendon_fit_plugin()->importers[0];
  int emitted = 0;
  tendon_sink sink{};
  sink.struct_size = offsetof(tendon_sink, report);
  sink.context = &emitted;
  sink.emit = count_emit;
  sink.report = reinterpret_cast<void (*)(void*, tendon_level, const char*)>(0x1);  // must never be called
  const std::vector<std::uint8_t> bytes = small_run(3);
  tendon_input input{sizeof(tendon_input), "run.fit", bytes.data(), bytes.size(), nullptr, nullptr, -1};
  EXPECT_EQ(importer->import(nullptr, &input, &sink), TENDON_OK);
  EXPECT_EQ(emitted, 1);
  std::vector<std::uint8_t> settings = small_run(3);
  settings[14 + 6] = 2;  // file_id.type -> settings; the CRC now fails, reported nowhere
  EXPECT_EQ(importer->import(
                nullptr, &(input = {sizeof(tendon_input), "s.fit", settings.data(), settings.size(), nullptr, nullptr, -1}),
                &sink),
            TENDON_ERR_FORMAT);
  sink.report = nullptr;
  sink.struct_size = sizeof(tendon_sink);
  EXPECT_EQ(importer->import(nullptr, &input, &sink), TENDON_ERR_FORMAT);
}

TEST(fitPlugin, NullInputIsAnInternalErrorNotACrash) {
  const tendon_importer* importer = tendon_fit_plugin()->importers[0];
  Reports reports;
  tendon_sink sink{sizeof(tendon_sink), &reports, no_emit, collect, nullptr};
  EXPECT_EQ(importer->import(nullptr, nullptr, &sink), TENDON_ERR_INTERNAL);
  EXPECT_EQ(importer->import(nullptr, nullptr, nullptr), TENDON_ERR_INTERNAL);
}

}  // namespace
}  // namespace tendon::fit::testing
