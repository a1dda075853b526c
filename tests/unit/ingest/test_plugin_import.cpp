// PluginHost::import: choosing the importer, the input a plugin sees, and what becomes of
// what it emits and reports.
#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <limits>
#include <thread>

#include "ingest/plugin_activity_checks.h"
#include "ingest/plugin_activity_conversion.h"
#include "ingest/plugin_host.h"
#include "plugin_fakes.h"

namespace tendon::test {
namespace {

using PluginImportTest = PluginHostTest;

// One plugin with one importer (slot 0, id `importer_id`, suffix `suffix`) in a fresh host.
struct OneImporterHost {
  explicit OneImporterHost(std::string importer_id = "fake", std::string suffix = ".fa",
                           PluginHostLimits limits = {})
      : fake("fake-plugin"), host(log.sink(), limits) {
    fake.importer(0, std::move(importer_id), {std::move(suffix)});
    const auto problem = host.add(fake.build(), "built-in:fake");
    EXPECT_FALSE(problem) << problem->line();
  }
  LogCapture log;
  FakePlugin fake;
  PluginHost host;
};

// Runs `make` inside a fake import and returns what the host made of the one emit.
PluginImport import_one(const tendon_activity& activity, std::string importer_id = "fake") {
  g_behaviours[0].import = [&](const tendon_input*, const tendon_sink* sink) {
    EXPECT_EQ(emit(sink, activity), 0);
    return TENDON_OK;
  };
  OneImporterHost h(std::move(importer_id));
  return h.host.import("run.fa", "bytes");
}

// --- choosing the importer ----------------------------------------------------------------

class ChoiceTest : public PluginHostTest {
 protected:
  void SetUp() override {
    PluginHostTest::SetUp();
    for (std::size_t k = 0; k < 4; ++k) {
      g_behaviours[k].probe = [this, k](std::string_view) { return scores[k]; };
      g_behaviours[k].import = [this, k](const tendon_input*, const tendon_sink*) {
        imported.push_back(k);
        return TENDON_OK;
      };
    }
    fake.importer(0, "gz", {".gz"}).importer(1, "tcx-gz", {".tcx.gz"}).importer(2, "tcx", {".tcx"});
    fake.importer(3, "sniffer", {});
    ASSERT_FALSE(host.add(fake.build(), "built-in:fake"));
  }
  std::array<int, 4> scores{100, 100, 100, 0};
  std::vector<std::size_t> imported;
  LogCapture log;
  FakePlugin fake{"fake"};
  PluginHost host{log.sink()};
};

TEST_F(ChoiceTest, TheLongestSuffixWinsCaseInsensitively) {
  EXPECT_EQ(host.import("/some/where/Run.TCX.GZ", "x").importer_id, "tcx-gz");
  EXPECT_EQ(host.import("run.gz", "x").importer_id, "gz");
  EXPECT_EQ(host.import("run.tcx", "x").importer_id, "tcx");
  EXPECT_EQ(imported, (std::vector<std::size_t>{1, 0, 2}));
}

TEST_F(ChoiceTest, ASuffixImporterThatProbesZeroGivesWayToTheContent) {
  scores = {40, 0, 30, 80};
  EXPECT_EQ(host.import("run.tcx.gz", "x").importer_id, "sniffer");
  scores = {90, 0, 30, 80};  // the content is gz's more than anyone's
  EXPECT_EQ(host.import("run.tcx.gz", "x").importer_id, "gz");
}

TEST_F(ChoiceTest, NoSuffixMatchIsSniffed) {
  scores = {30, 20, 70, 60};
  EXPECT_EQ(host.import("export.bin", "x").importer_id, "tcx");
}

TEST_F(ChoiceTest, SniffingNeedsMoreThanFifty) {
  scores = {0, 0, 50, 50};
  const PluginImport r = host.import("export.bin", "x");
  EXPECT_EQ(r.status, TENDON_ERR_FORMAT);
  EXPECT_EQ(r.importer_id, "");
  EXPECT_EQ(r.error, "unsupported format '.bin' (supported: .gz, .tcx, .tcx.gz)");
  EXPECT_TRUE(imported.empty());
}

TEST_F(ChoiceTest, ASuffixMatchWhoseContentNobodyRecognises) {
  scores = {0, 0, 0, 10};
  const PluginImport r = host.import("run.tcx", "x");
  EXPECT_EQ(r.status, TENDON_ERR_FORMAT);
  EXPECT_EQ(r.error, "no importer recognises the content (the importer for its suffix, 'tcx', does not take it)");
}

TEST_F(ChoiceTest, NoSuffixAtAll) {
  scores = {0, 0, 0, 0};
  EXPECT_EQ(host.import("README", "x").error,
            "no file suffix, and no importer recognises the content (supported: .gz, .tcx, .tcx.gz)");
}

TEST_F(ChoiceTest, ImportersOfTheSameSuffixCompeteByProbe) {
  FakePlugin other("other");
  other.importer(4, "tcx-alt", {".tcx"});
  g_behaviours[4].probe = [](std::string_view) { return 90; };
  ASSERT_FALSE(host.add(other.build(), "built-in:other"));
  scores[2] = 40;
  EXPECT_EQ(host.import("run.tcx", "x").importer_id, "tcx-alt");
  scores[2] = 95;
  EXPECT_EQ(host.import("run.tcx", "x").importer_id, "tcx");
}

TEST_F(ChoiceTest, AProbeSeesAtMost4096Bytes) {
  std::size_t seen = 0;
  g_behaviours[2].probe = [&](std::string_view head) {
    seen = head.size();
    return 100;
  };
  host.import("run.tcx", std::string(10'000, 'x'));
  EXPECT_EQ(seen, 4096u);
  host.import("run.tcx", "short");
  EXPECT_EQ(seen, 5u);
}

TEST_F(ChoiceTest, ProbeResultsOutsideTheRangeAreClamped) {
  scores = {-5, 1000, 0, 0};
  EXPECT_EQ(host.import("run.tcx.gz", "x").importer_id, "tcx-gz");
  scores = {-5, 0, 0, 0};
  EXPECT_EQ(host.import("run.gz", "x").importer_id, "");  // -5 -> 0: nobody takes it
}

// --- the input ----------------------------------------------------------------------------

TEST_F(PluginImportTest, TheInputHasDataAndAReadCallbackOverTheSameBytes) {
  const std::string bytes = "hello, plugin: 0123456789";
  g_behaviours[0].import = [&](const tendon_input* input, const tendon_sink*) {
    EXPECT_GE(input->struct_size, sizeof(tendon_input));
    EXPECT_STREQ(input->name, "2026-11-02-run.fa");
    EXPECT_EQ(input->size, bytes.size());
    EXPECT_EQ(std::string(reinterpret_cast<const char*>(input->data), input->size), bytes);
    EXPECT_EQ(read_all(input), bytes);
    std::uint8_t b;
    EXPECT_EQ(input->read(input->context, &b, 1), 0);  // at the end
    return TENDON_OK;
  };
  OneImporterHost h;
  EXPECT_TRUE(h.host.import("/home/ana/2026-11-02-run.fa", bytes).ok());
}

TEST_F(PluginImportTest, EmptyContentStillHasAData) {
  g_behaviours[0].import = [&](const tendon_input* input, const tendon_sink*) {
    EXPECT_NE(input->data, nullptr);
    EXPECT_EQ(input->size, 0u);
    return TENDON_OK;
  };
  OneImporterHost h;
  EXPECT_TRUE(h.host.import("x.fa", "").ok());
}

// --- reports and statuses -----------------------------------------------------------------

TEST_F(PluginImportTest, ErrorReportsBecomeTheErrorAndTheRestWarnings) {
  g_behaviours[0].import = [](const tendon_input*, const tendon_sink* sink) {
    report(sink, TENDON_LEVEL_INFO, "3 laps");
    report(sink, TENDON_LEVEL_WARNING, "record 7: bad CRC");
    report(sink, TENDON_LEVEL_ERROR, "header CRC mismatch");
    report(sink, TENDON_LEVEL_ERROR, "and more");
    return TENDON_ERR_FORMAT;
  };
  OneImporterHost h;
  const PluginImport r = h.host.import("x.fa", "x");
  EXPECT_EQ(r.status, TENDON_ERR_FORMAT);
  EXPECT_EQ(r.importer_id, "fake");
  EXPECT_EQ(r.error, "header CRC mismatch; and more");
  EXPECT_EQ(r.warnings, (std::vector<std::string>{"3 laps", "record 7: bad CRC"}));
}

TEST_F(PluginImportTest, AnErrorReportOnSuccessIsAWarning) {
  g_behaviours[0].import = [](const tendon_input*, const tendon_sink* sink) {
    report(sink, TENDON_LEVEL_ERROR, "one session unreadable");
    EXPECT_EQ(emit(sink, good_activity()), 0);
    return TENDON_OK;
  };
  OneImporterHost h;
  const PluginImport r = h.host.import("x.fa", "x");
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(r.error, "");
  EXPECT_EQ(r.activities.size(), 1u);
  EXPECT_EQ(r.warnings, (std::vector<std::string>{"one session unreadable"}));
}

TEST_F(PluginImportTest, ANonOkStatusWithoutReportGetsADefaultReason) {
  const std::vector<std::pair<int, std::string>> cases = {
      {TENDON_NOT_ACTIVITY, "the file holds no activity (the plugin gave no reason)"},
      {TENDON_ERR_IO, "reading the input failed (the plugin gave no reason)"},
      {TENDON_ERR_INTERNAL, "internal error in the plugin (the plugin gave no reason)"},
  };
  for (const auto& [status, reason] : cases) {
    g_behaviours[0].import = [status = status](const tendon_input*, const tendon_sink*) { return status; };
    OneImporterHost h;
    const PluginImport r = h.host.import("x.fa", "x");
    EXPECT_EQ(r.status, status);
    EXPECT_EQ(r.error, reason);
  }
}

TEST_F(PluginImportTest, AnUnknownStatusIsAnInternalError) {
  g_behaviours[0].import = [](const tendon_input*, const tendon_sink*) { return 42; };
  OneImporterHost h;
  const PluginImport r = h.host.import("x.fa", "x");
  EXPECT_EQ(r.status, TENDON_ERR_INTERNAL);
  EXPECT_EQ(r.error, "the plugin returned an unknown status 42");
}

TEST_F(PluginImportTest, AFailedImportKeepsNoActivity) {
  g_behaviours[0].import = [](const tendon_input*, const tendon_sink* sink) {
    emit(sink, good_activity());
    emit(sink, good_activity());
    report(sink, TENDON_LEVEL_ERROR, "truncated");
    return TENDON_ERR_FORMAT;
  };
  OneImporterHost h;
  const PluginImport r = h.host.import("x.fa", "x");
  EXPECT_EQ(r.status, TENDON_ERR_FORMAT);
  EXPECT_TRUE(r.activities.empty());
  EXPECT_TRUE(r.sample_counts.empty());
  EXPECT_TRUE(has_line_containing(r.warnings, "2 activities read before the failure were discarded"));
}

TEST_F(PluginImportTest, MessagesAreMadeOneBoundedLine) {
  const std::string long_message(5000, 'x');
  g_behaviours[0].import = [&](const tendon_input*, const tendon_sink* sink) {
    report(sink, TENDON_LEVEL_WARNING, "two\nlines\tand \x01 control");
    report(sink, TENDON_LEVEL_WARNING, "bad \xff utf-8");
    report(sink, TENDON_LEVEL_WARNING, long_message.c_str());
    report(sink, TENDON_LEVEL_WARNING, nullptr);
    return TENDON_OK;
  };
  OneImporterHost h;
  const PluginImport r = h.host.import("x.fa", "x");
  ASSERT_EQ(r.warnings.size(), 4u);
  EXPECT_EQ(r.warnings[0], "two lines and   control");
  EXPECT_EQ(r.warnings[1], "bad ? utf-8");
  EXPECT_EQ(r.warnings[2], std::string(1024, 'x') + "...");
  EXPECT_EQ(r.warnings[3], "(no message)");
}

TEST_F(PluginImportTest, WarningsAreBounded) {
  g_behaviours[0].import = [](const tendon_input*, const tendon_sink* sink) {
    for (int i = 0; i < 1500; ++i) report(sink, TENDON_LEVEL_WARNING, ("bad record " + std::to_string(i)).c_str());
    return TENDON_OK;
  };
  OneImporterHost h;
  const PluginImport r = h.host.import("x.fa", "x");
  ASSERT_EQ(r.warnings.size(), 1001u);
  EXPECT_EQ(r.warnings[999], "bad record 999");
  EXPECT_EQ(r.warnings[1000], "500 more warnings not shown");
}

// --- emitted activities -------------------------------------------------------------------

TEST_F(PluginImportTest, ConvertsEveryField) {
  tendon_activity a = good_activity();
  a.sport = "Trail Run";
  a.sub_sport = "mountain";
  a.start_ms = 1'793'602'800'999;  // rounded down to the second
  a.utc_offset_s = 3600;
  a.has_utc_offset = 1;
  a.distance_m = 14'250.5;
  a.elapsed_s = 5400;
  a.timer_s = 5220;
  a.ascent_m = 610;
  a.avg_heart_rate_bpm = 148;
  a.device = "fenix 7";
  a.shoe = "Hoka Speedgoat 5";
  a.source_id = "session-0";
  a.athlete = "ana";
  const PluginImport r = import_one(a);
  ASSERT_TRUE(r.ok()) << r.error;
  ASSERT_EQ(r.activities.size(), 1u);
  EXPECT_TRUE(r.warnings.empty()) << joined(r.warnings);
  const Activity& x = r.activities[0];
  EXPECT_EQ(x.sport, "trail_running");
  EXPECT_EQ(x.sub_sport, "mountain");
  EXPECT_EQ(x.start, 1'793'602'800);
  EXPECT_EQ(x.utc_offset_s, 3600);
  EXPECT_EQ(x.distance_m, 14'250.5);
  EXPECT_EQ(x.elapsed_s, 5400);
  EXPECT_EQ(x.moving_s, 5220);
  EXPECT_EQ(x.ascent_m, 610);
  EXPECT_EQ(x.avg_hr, 148);
  EXPECT_EQ(x.device, "fenix 7");
  EXPECT_EQ(x.shoe, "Hoka Speedgoat 5");
  EXPECT_EQ(x.source_id, "session-0");
  EXPECT_EQ(x.athlete, "ana");
  EXPECT_EQ(x.source_kind, SourceKind::summary);
  EXPECT_EQ(x.source_name, "");
  EXPECT_EQ(x.id, 0);
  EXPECT_EQ(r.sample_counts, (std::vector<std::size_t>{0}));
}

TEST_F(PluginImportTest, UnknownValuesStayUnknown) {
  tendon_activity a = good_activity();
  a.sport = nullptr;
  const PluginImport r = import_one(a);
  ASSERT_EQ(r.activities.size(), 1u);
  const Activity& x = r.activities[0];
  EXPECT_EQ(x.sport, "");
  EXPECT_EQ(x.sub_sport, "");
  EXPECT_FALSE(x.utc_offset_s);
  EXPECT_FALSE(x.elapsed_s);
  EXPECT_FALSE(x.moving_s);
  EXPECT_FALSE(x.ascent_m);
  EXPECT_FALSE(x.avg_hr);
  EXPECT_FALSE(x.shoe);
  EXPECT_EQ(x.device, "");
  EXPECT_EQ(x.source_id, "");
  EXPECT_EQ(x.athlete, "");
}

TEST_F(PluginImportTest, AnEmptyShoeIsKeptAsGiven) {
  tendon_activity a = good_activity();
  a.shoe = "";
  const PluginImport r = import_one(a);
  ASSERT_EQ(r.activities.size(), 1u);
  EXPECT_EQ(r.activities[0].shoe, std::optional<std::string>(""));
}

TEST_F(PluginImportTest, NoDistanceIsZeroWithAWarning) {
  tendon_activity a = good_activity();
  a.distance_m = TENDON_UNKNOWN;
  const PluginImport r = import_one(a);
  ASSERT_EQ(r.activities.size(), 1u);
  EXPECT_EQ(r.activities[0].distance_m, 0);
  EXPECT_EQ(r.warnings, (std::vector<std::string>{"activity 1: no distance (taken as 0)"}));
}

TEST_F(PluginImportTest, SourceKindFollowsTheImporterId) {
  EXPECT_EQ(import_one(good_activity(), "fit").activities.at(0).source_kind, SourceKind::fit);
  EXPECT_EQ(import_one(good_activity(), "tcx").activities.at(0).source_kind, SourceKind::tcx);
  EXPECT_EQ(import_one(good_activity(), "gpx").activities.at(0).source_kind, SourceKind::gpx);
  EXPECT_EQ(import_one(good_activity(), "strava-export").activities.at(0).source_kind, SourceKind::summary);
}

struct InvalidCase {
  const char* name;
  std::function<void(tendon_activity&)> spoil;
  const char* warning;
};

TEST_F(PluginImportTest, InvalidActivitiesAreDroppedWithTheReason) {
  const std::string long_text(300, 'x');
  const std::vector<InvalidCase> cases = {
      {"no start", [](tendon_activity& a) { a.start_ms = std::numeric_limits<std::int64_t>::min(); },
       "activity 1 dropped: it has no start time"},
      {"1989", [](tendon_activity& a) { a.start_ms = 631'151'999'000; },
       "activity 1 dropped: start 1989-12-31T23:59:59Z is before 1990"},
      {"epoch", [](tendon_activity& a) { a.start_ms = 0; },
       "activity 1 dropped: start 1970-01-01T00:00:00Z is before 1990"},
      {"2100", [](tendon_activity& a) { a.start_ms = 4'102'444'800'000; },
       "activity 1 dropped: start 2100-01-01T00:00:00Z is not before 2100"},
      {"negative distance", [](tendon_activity& a) { a.distance_m = -5; },
       "activity 1 dropped: distance_m -5 is negative"},
      {"infinite distance", [](tendon_activity& a) { a.distance_m = std::numeric_limits<double>::infinity(); },
       "activity 1 dropped: distance_m inf is not finite"},
      {"far", [](tendon_activity& a) { a.distance_m = 1'000'001; },
       "activity 1 dropped: distance_m 1000001 is over 1000000"},
      {"31 days", [](tendon_activity& a) { a.elapsed_s = 31 * 86'400; },
       "activity 1 dropped: elapsed_s 2678400 is not below 2678400"},
      {"negative timer", [](tendon_activity& a) { a.timer_s = -1; }, "activity 1 dropped: moving_s -1 is negative"},
      {"infinite timer", [](tendon_activity& a) { a.timer_s = -std::numeric_limits<double>::infinity(); },
       "activity 1 dropped: moving_s -inf is not finite"},
      {"ascent", [](tendon_activity& a) { a.ascent_m = 60'000; }, "activity 1 dropped: ascent_m 60000 is over 50000"},
      {"low hr", [](tendon_activity& a) { a.avg_heart_rate_bpm = 19; },
       "activity 1 dropped: avg_hr 19 is outside 20..300"},
      {"high hr", [](tendon_activity& a) { a.avg_heart_rate_bpm = 301; },
       "activity 1 dropped: avg_hr 301 is outside 20..300"},
      {"infinite hr", [](tendon_activity& a) { a.avg_heart_rate_bpm = std::numeric_limits<double>::infinity(); },
       "activity 1 dropped: avg_hr inf is outside 20..300"},
      {"offset", [](tendon_activity& a) { a.has_utc_offset = 1, a.utc_offset_s = 19 * 3600; },
       "activity 1 dropped: utc_offset_s 68400 is outside -18 h..+18 h"},
      {"long shoe", [&](tendon_activity& a) { a.shoe = long_text.c_str(); },
       "activity 1 dropped: shoe is longer than 256 bytes"},
      {"long sport", [&](tendon_activity& a) { a.sport = long_text.c_str(); },
       "activity 1 dropped: sport is longer than 256 bytes"},
      {"athlete utf-8", [](tendon_activity& a) { a.athlete = "an\xc3"; },
       "activity 1 dropped: athlete is not valid UTF-8"},
      {"device control", [](tendon_activity& a) { a.device = "fenix\n7"; },
       "activity 1 dropped: device contains a control character"},
      {"source id", [&](tendon_activity& a) { a.source_id = long_text.c_str(); },
       "activity 1 dropped: source_id is longer than 256 bytes"},
  };
  for (const auto& c : cases) {
    tendon_activity a = good_activity();
    c.spoil(a);
    const PluginImport r = import_one(a);
    EXPECT_TRUE(r.ok()) << c.name;
    EXPECT_TRUE(r.activities.empty()) << c.name;
    EXPECT_EQ(r.warnings, (std::vector<std::string>{c.warning})) << c.name;
  }
}

TEST_F(PluginImportTest, ValuesAtTheBoundsAreKept) {
  tendon_activity a = good_activity();
  a.start_ms = 631'152'000'000;  // 1990-01-01T00:00:00Z
  a.distance_m = 1'000'000;
  a.elapsed_s = 31 * 86'400 - 1;
  a.avg_heart_rate_bpm = 20;
  a.ascent_m = 0;
  a.has_utc_offset = 1;
  a.utc_offset_s = -18 * 3600;
  const PluginImport r = import_one(a);
  EXPECT_EQ(r.activities.size(), 1u) << joined(r.warnings);
}

TEST_F(PluginImportTest, ADroppedActivityDoesNotStopTheOthers) {
  g_behaviours[0].import = [](const tendon_input*, const tendon_sink* sink) {
    tendon_activity bad = good_activity();
    bad.distance_m = -1;
    EXPECT_EQ(emit(sink, good_activity()), 0);
    EXPECT_EQ(emit(sink, bad), 0);
    EXPECT_EQ(sink->emit(sink->context, nullptr), 0);
    EXPECT_EQ(emit(sink, good_activity()), 0);
    return TENDON_OK;
  };
  OneImporterHost h;
  const PluginImport r = h.host.import("x.fa", "x");
  EXPECT_EQ(r.activities.size(), 2u);
  EXPECT_EQ(r.sample_counts.size(), 2u);
  EXPECT_EQ(r.warnings, (std::vector<std::string>{"activity 2 dropped: distance_m -1 is negative",
                                                  "activity 3 dropped: emit was called with NULL"}));
}

// A struct_size smaller than ours: the fields beyond it are absent, and the host reads
// nothing past it (the struct is a heap block of exactly that size, for ASan).
TEST_F(PluginImportTest, FieldsBeyondStructSizeAreAbsent) {
  const std::uint32_t size = offsetof(tendon_activity, distance_m);  // up to has_utc_offset
  tendon_activity full = good_activity();
  full.struct_size = size;
  full.sport = "run";
  full.has_utc_offset = 1;
  full.utc_offset_s = -3600;
  full.avg_heart_rate_bpm = 150;  // beyond: must not be seen
  auto block = std::make_unique<unsigned char[]>(size);
  std::memcpy(block.get(), &full, size);
  const auto* short_activity = reinterpret_cast<const tendon_activity*>(block.get());
  g_behaviours[0].import = [&](const tendon_input*, const tendon_sink* sink) {
    sink->emit(sink->context, short_activity);
    return TENDON_OK;
  };
  OneImporterHost h;
  const PluginImport r = h.host.import("x.fa", "x");
  ASSERT_EQ(r.activities.size(), 1u) << joined(r.warnings);
  const Activity& x = r.activities[0];
  EXPECT_EQ(x.sport, "running");
  EXPECT_EQ(x.start, 1'793'602'800);
  EXPECT_EQ(x.utc_offset_s, -3600);
  EXPECT_EQ(x.distance_m, 0);
  EXPECT_FALSE(x.avg_hr);
  EXPECT_FALSE(x.shoe);
  EXPECT_EQ(r.warnings, (std::vector<std::string>{"activity 1: no distance (taken as 0)"}));
}

TEST_F(PluginImportTest, AStructSizeThatDoesNotReachTheStartIsDropped) {
  const std::uint32_t size = offsetof(tendon_activity, start_ms) + 4;  // half of start_ms
  auto block = std::make_unique<unsigned char[]>(size);
  tendon_activity full = good_activity();
  full.struct_size = size;
  std::memcpy(block.get(), &full, size);
  g_behaviours[0].import = [&](const tendon_input*, const tendon_sink* sink) {
    sink->emit(sink->context, reinterpret_cast<const tendon_activity*>(block.get()));
    return TENDON_OK;
  };
  OneImporterHost h;
  const PluginImport r = h.host.import("x.fa", "x");
  EXPECT_TRUE(r.activities.empty());
  EXPECT_EQ(r.warnings, (std::vector<std::string>{"activity 1 dropped: struct_size " + std::to_string(size) +
                                                  " is too small to hold start_ms (needs " +
                                                  std::to_string(kMinimumActivityStructSize) + ")"}));
}

// --- samples ------------------------------------------------------------------------------

std::vector<tendon_sample> track(std::size_t n) {
  std::vector<tendon_sample> samples(n);
  for (std::size_t i = 0; i < n; ++i) {
    samples[i].struct_size = sizeof(tendon_sample);
    samples[i].time_ms = 1'793'602'800'000 + static_cast<std::int64_t>(i) * 1000;
    samples[i].heart_rate_bpm = 140;
  }
  return samples;
}

TEST_F(PluginImportTest, AConsistentTrackIsCounted) {
  const auto samples = track(25);
  tendon_activity a = good_activity();
  a.samples = samples.data();
  a.sample_count = samples.size();
  const PluginImport r = import_one(a);
  ASSERT_EQ(r.activities.size(), 1u);
  EXPECT_EQ(r.sample_counts, (std::vector<std::size_t>{25}));
  EXPECT_TRUE(r.warnings.empty());
}

TEST_F(PluginImportTest, ALargerStrideFromANewerPluginIsFine) {
  // A plugin's sample struct may be larger than ours: stride > sizeof(tendon_sample).
  struct Bigger {
    tendon_sample base;
    double extra;
  };
  std::vector<Bigger> samples(3);
  for (auto& s : samples) s.base.struct_size = sizeof(Bigger);
  tendon_activity a = good_activity();
  a.samples = &samples[0].base;
  a.sample_count = 3;
  a.sample_stride = sizeof(Bigger);
  EXPECT_EQ(import_one(a).sample_counts, (std::vector<std::size_t>{3}));
}

TEST_F(PluginImportTest, AnInconsistentTrackIsIgnoredButTheActivityKept) {
  const auto samples = track(4);
  struct Case {
    std::function<void(tendon_activity&)> spoil;
    std::string warning;
  };
  const std::vector<Case> cases = {
      {[](tendon_activity& a) { a.samples = nullptr; },
       "activity 1: track ignored: sample_count 4 but samples is NULL"},
      {[](tendon_activity& a) { a.sample_stride = 2; },
       "activity 1: track ignored: sample_stride 2 is smaller than 4"},
      {[](tendon_activity& a) { a.sample_stride = 8; },
       "activity 1: track ignored: sample 0 has struct_size " + std::to_string(sizeof(tendon_sample)) +
           ", which does not fit sample_stride 8"},
  };
  for (const auto& c : cases) {
    tendon_activity a = good_activity();
    a.samples = samples.data();
    a.sample_count = samples.size();
    c.spoil(a);
    const PluginImport r = import_one(a);
    ASSERT_EQ(r.activities.size(), 1u);
    EXPECT_EQ(r.sample_counts, (std::vector<std::size_t>{0}));
    EXPECT_EQ(r.warnings, (std::vector<std::string>{c.warning}));
  }
}

TEST_F(PluginImportTest, TooManySamplesAreIgnored) {
  PluginHostLimits limits;
  limits.max_samples_per_activity = 10;
  const auto samples = track(11);
  tendon_activity a = good_activity();
  a.samples = samples.data();
  a.sample_count = samples.size();
  g_behaviours[0].import = [&](const tendon_input*, const tendon_sink* sink) { return emit(sink, a); };
  OneImporterHost h("fake", ".fa", limits);
  const PluginImport r = h.host.import("x.fa", "x");
  EXPECT_EQ(r.sample_counts, (std::vector<std::size_t>{0}));
  EXPECT_EQ(r.warnings, (std::vector<std::string>{"activity 1: track ignored: 11 samples, over the limit of 10"}));
}

// --- stopping, exceptions, threads --------------------------------------------------------

TEST_F(PluginImportTest, TheHostStopsAPluginThatEmitsTooMuch) {
  PluginHostLimits limits;
  limits.max_activities = 2;
  int emitted = 0;
  g_behaviours[0].import = [&](const tendon_input*, const tendon_sink* sink) {
    for (int i = 0; i < 10; ++i) {
      ++emitted;
      if (emit(sink, good_activity()) != 0) return TENDON_ERR_CANCELLED;
    }
    return TENDON_OK;
  };
  OneImporterHost h("fake", ".fa", limits);
  const PluginImport r = h.host.import("x.fa", "x");
  EXPECT_EQ(emitted, 3);  // the third emit was answered with "stop"
  EXPECT_EQ(r.status, TENDON_ERR_LIMIT);
  EXPECT_EQ(r.error, "more than 2 activities in one file");
  EXPECT_TRUE(r.activities.empty());
}

TEST_F(PluginImportTest, APluginThatIgnoresTheStopStillFails) {
  PluginHostLimits limits;
  limits.max_activities = 1;
  g_behaviours[0].import = [&](const tendon_input*, const tendon_sink* sink) {
    EXPECT_EQ(emit(sink, good_activity()), 0);
    EXPECT_NE(emit(sink, good_activity()), 0);
    EXPECT_NE(emit(sink, good_activity()), 0);
    return TENDON_OK;
  };
  OneImporterHost h("fake", ".fa", limits);
  const PluginImport r = h.host.import("x.fa", "x");
  EXPECT_EQ(r.status, TENDON_ERR_LIMIT);
  EXPECT_TRUE(r.activities.empty());
}

TEST_F(PluginImportTest, AnImportThatThrowsFailsAndDisablesThePlugin) {
  g_behaviours[0].import = [](const tendon_input*, const tendon_sink* sink) -> int {
    emit(sink, good_activity());
    throw std::logic_error("bug");
  };
  OneImporterHost h;
  const PluginImport r = h.host.import("x.fa", "x");
  EXPECT_EQ(r.status, TENDON_ERR_INTERNAL);
  EXPECT_EQ(r.error, "plugin fake-plugin threw an exception");
  EXPECT_TRUE(r.activities.empty());
  EXPECT_TRUE(h.log.contains("fake-plugin: plugin fake-plugin threw an exception while importing 'x.fa'; plugin "
                             "disabled until the daemon restarts"));
  EXPECT_TRUE(h.host.importers().at(0).disabled);

  // Never called again.
  g_behaviours[0].import = [](const tendon_input*, const tendon_sink*) -> int {
    ADD_FAILURE() << "a disabled plugin was called";
    return TENDON_OK;
  };
  const PluginImport again = h.host.import("y.fa", "x");
  EXPECT_EQ(again.status, TENDON_ERR_FORMAT);
  EXPECT_EQ(again.error,
            "no importer recognises the content (the importer for its suffix, 'fake', is disabled after an exception)");
  // Its shutdown still runs when the host goes.
}

TEST_F(PluginImportTest, AProbeThatThrowsDisablesThePlugin) {
  g_behaviours[0].probe = [](std::string_view) -> int { throw std::bad_alloc(); };
  OneImporterHost h;
  const PluginImport r = h.host.import("x.fa", "x");
  EXPECT_EQ(r.status, TENDON_ERR_FORMAT);
  EXPECT_TRUE(has_line_containing(r.warnings, "plugin fake-plugin threw an exception in the probe of 'fake'"));
  EXPECT_TRUE(h.host.importers().at(0).disabled);
}

TEST_F(PluginImportTest, APluginThatIsNotThreadSafeGetsOneCallAtATime) {
  std::atomic<int> inside{0}, most{0};
  g_behaviours[0].import = [&](const tendon_input*, const tendon_sink* sink) {
    const int now = ++inside;
    most = std::max(most.load(), now);
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    emit(sink, good_activity());
    --inside;
    return TENDON_OK;
  };
  OneImporterHost h;
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 10; ++i) ok += h.host.import("x.fa", "x").activities.size() == 1 ? 1 : 0;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 40);
  EXPECT_EQ(most.load(), 1);
}

TEST_F(PluginImportTest, AThreadSafePluginMayRunConcurrently) {
  std::atomic<int> inside{0}, most{0};
  g_behaviours[0].import = [&](const tendon_input*, const tendon_sink*) {
    const int now = ++inside;
    most = std::max(most.load(), now);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    --inside;
    return TENDON_OK;
  };
  FakePlugin fake("fast");
  fake.importer(0, "fast", {".fa"});
  fake.build();
  fake.plugin.flags = TENDON_PLUGIN_THREAD_SAFE;
  PluginHost host(LogCapture().sink());
  ASSERT_FALSE(host.add(&fake.plugin, "built-in:fast"));
  std::thread other([&] { host.import("a.fa", "x"); });
  host.import("b.fa", "x");
  other.join();
  EXPECT_EQ(most.load(), 2);
}

}  // namespace
}  // namespace tendon::test
