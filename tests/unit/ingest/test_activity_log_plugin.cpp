// The activity log as a built-in plugin: importing through the host gives exactly what
// parse_activity_log gives, field for field, problem for problem.
#include <gtest/gtest.h>

#include "activity_log/activity_log.h"
#include "activity_log/activity_log_plugin.h"
#include "ingest/plugin_host.h"
#include "plugin_fakes.h"
#include "support/activity_expect.h"

namespace tendon::test {
namespace {

class ActivityLogPluginTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto problem = host_.add(tendon_activity_log_plugin(), "built-in:activity-log");
    ASSERT_FALSE(problem) << problem->line();
  }
  LogCapture log_;
  PluginHost host_{log_.sink()};
};


std::vector<std::string> problem_lines(const LogParseResult& r) {
  std::vector<std::string> out;
  for (const auto& p : r.problems) out.push_back(p.line ? "line " + std::to_string(p.line) + ": " + p.reason : p.reason);
  return out;
}

// Both ways over the same bytes; the host's result must equal the direct parse.
void expect_equivalent(PluginHost& host, const std::string& name, const std::string& text, LogFormat format,
                       std::size_t expected_activities) {
  const LogParseResult direct = parse_activity_log(text, format);
  ASSERT_FALSE(direct.fatal);
  const PluginImport via_host = host.import(name, text);
  ASSERT_TRUE(via_host.ok()) << via_host.error;
  EXPECT_EQ(via_host.importer_id, format == LogFormat::csv ? "activity-log-csv" : "activity-log-jsonl");
  ASSERT_EQ(direct.activities.size(), expected_activities);
  ASSERT_EQ(via_host.activities.size(), direct.activities.size());
  for (std::size_t i = 0; i < direct.activities.size(); ++i) {
    SCOPED_TRACE("activity " + std::to_string(i + 1));
    testing::expect_same_activity(via_host.activities[i], direct.activities[i]);
  }
  EXPECT_EQ(via_host.warnings, problem_lines(direct));
  EXPECT_EQ(via_host.sample_counts, std::vector<std::size_t>(expected_activities, 0));
}

const char* const kJsonl =
    "# my runs, March 2026\n"
    "{\"id\": \"run-42\", \"start\": \"2026-03-01T07:00:00Z\", \"sport\": \"running\", \"distance_m\": 10000, "
    "\"duration_s\": 3000, \"ascent_m\": 80, \"shoe\": \"Nike Pegasus 41\", \"athlete\": \"ana\"}\n"
    "{\"id\": \"run-43\", \"start\": \"2026-03-03T18:30:00+01:00\", \"sport\": \"Trail Run\", \"distance_m\": 14250.5, "
    "\"duration_s\": 5400, \"moving_s\": 5220, \"ascent_m\": 610, \"avg_hr\": 148, \"shoe\": \"Hoka Speedgoat 5\", "
    "\"athlete\": \"ana\", \"device\": \"fenix 7\"}\n"
    "{\"start\": \"2026-03-05T06:45:00-08:00\", \"sport\": \"treadmill_run\", \"distance_m\": 8000, \"athlete\": "
    "\"ben\", \"notes\": \"easy\"}\n"
    "{\"start\": \"2026-03-06T06:45:00-00:00\", \"sport\": \"run\", \"distance_m\": 0}\n"
    "{\"start\": \"2026-03-07T06:45:00\", \"sport\": \"run\", \"distance_m\": 5000}\n"
    "not json\n"
    "{\"id\": \"run-44\", \"start\": \"2026-03-08T06:45:00Z\", \"sport\": \"run\", \"distance_m\": -3}\n";

TEST_F(ActivityLogPluginTest, JsonLinesThroughTheHostEqualTheDirectParse) {
  expect_equivalent(host_, "runs.jsonl", kJsonl, LogFormat::json_lines, 4);
  expect_equivalent(host_, "runs.NDJSON", kJsonl, LogFormat::json_lines, 4);
}

TEST_F(ActivityLogPluginTest, CsvThroughTheHostEqualsTheDirectParse) {
  const std::string csv =
      "# my runs, March 2026\n"
      "id,start,sport,distance_m,duration_s,moving_s,ascent_m,avg_hr,shoe,athlete,device,notes\n"
      "run-42,2026-03-01T07:00:00Z,running,10000,3000,,80,,Nike Pegasus 41,ana,,\n"
      "run-43,2026-03-03T18:30:00+01:00,Trail Run,14250.5,5400,5220,610,148,Hoka Speedgoat 5,ana,fenix 7,\n"
      ",2026-03-05T06:45:00-08:00,treadmill_run,8000,,,,,,ana,,\"easy, 1 % incline\"\n"
      "run-45,2026-03-09T06:45:00Z,run,abc,,,,,,,,\n"
      "run-46,2026-03-10T06:45:00Z,Ride,40000,,,,301,,,,\n";
  expect_equivalent(host_, "Runs.CSV", csv, LogFormat::csv, 3);
}

TEST_F(ActivityLogPluginTest, AFatalLogIsAFormatErrorWithItsReason) {
  const std::string csv = "when,what,how far\n2026-03-01T07:00:00Z,run,10000\n";
  const LogParseResult direct = parse_activity_log(csv, LogFormat::csv);
  ASSERT_TRUE(direct.fatal);
  const PluginImport r = host_.import("runs.csv", csv);
  EXPECT_EQ(r.status, TENDON_ERR_FORMAT);
  EXPECT_EQ(r.importer_id, "activity-log-csv");
  EXPECT_EQ(r.error, direct.problems.front().reason);
  EXPECT_TRUE(r.activities.empty());
}

TEST_F(ActivityLogPluginTest, IsFoundByContentUnderAnotherSuffix) {
  const std::string jsonl = "{\"start\": \"2026-03-01T07:00:00Z\", \"sport\": \"run\", \"distance_m\": 5000}\n";
  EXPECT_EQ(host_.import("export.txt", jsonl).importer_id, "activity-log-jsonl");
  const std::string csv = "start,sport,distance_m\n2026-03-01T07:00:00Z,run,5000\n";
  const PluginImport r = host_.import("export.txt", csv);
  EXPECT_EQ(r.importer_id, "activity-log-csv");
  EXPECT_EQ(r.activities.size(), 1u);
}

TEST_F(ActivityLogPluginTest, AnEmptyLogIsFine) {
  const PluginImport r = host_.import("runs.jsonl", "");
  EXPECT_TRUE(r.ok());
  EXPECT_TRUE(r.activities.empty());
}

TEST_F(ActivityLogPluginTest, BinaryContentUnderALogSuffixIsNotTaken) {
  const PluginImport r = host_.import("runs.csv", std::string("\x0e\x10\x00\x00", 4));
  EXPECT_EQ(r.status, TENDON_ERR_FORMAT);
  EXPECT_EQ(r.importer_id, "");
}

TEST_F(ActivityLogPluginTest, StreamsWhenTheHostHasNoData) {
  // Calls the descriptor directly with data NULL: the plugin must read through `read`.
  const tendon_plugin* plugin = tendon_activity_log_plugin();
  const tendon_importer* jsonl = plugin->importers[0];
  const std::string text = "{\"start\": \"2026-03-01T07:00:00Z\", \"sport\": \"run\", \"distance_m\": 5000}\n";
  struct Reader {
    std::string_view rest;
  } reader{text};
  tendon_input input{};
  input.struct_size = sizeof input;
  input.name = "x.jsonl";
  input.size = UINT64_MAX;
  input.context = &reader;
  input.read = [](void* context, std::uint8_t* buffer, std::size_t capacity) -> std::int64_t {
    auto* r = static_cast<Reader*>(context);
    const std::size_t n = std::min<std::size_t>({capacity, r->rest.size(), 3});
    std::memcpy(buffer, r->rest.data(), n);
    r->rest.remove_prefix(n);
    return static_cast<std::int64_t>(n);
  };
  struct Counter {
    int emitted = 0;
  } counter;
  tendon_sink sink{};
  sink.struct_size = sizeof sink;
  sink.context = &counter;
  sink.emit = [](void* context, const tendon_activity* a) {
    EXPECT_EQ(a->distance_m, 5000);
    ++static_cast<Counter*>(context)->emitted;
    return 0;
  };
  sink.report = [](void*, tendon_level, const char* message) { ADD_FAILURE() << message; };
  EXPECT_EQ(jsonl->import(nullptr, &input, &sink), TENDON_OK);
  EXPECT_EQ(counter.emitted, 1);
}

TEST_F(ActivityLogPluginTest, StopsWhenTheSinkSaysSo) {
  PluginHostLimits limits;
  limits.max_activities = 1;
  PluginHost host(log_.sink(), limits);
  ASSERT_FALSE(host.add(tendon_activity_log_plugin(), "built-in:activity-log"));
  const PluginImport r = host.import("runs.jsonl", kJsonl);
  EXPECT_EQ(r.status, TENDON_ERR_LIMIT);
  EXPECT_EQ(r.error, "more than 1 activities in one file");
}

}  // namespace
}  // namespace tendon::test
