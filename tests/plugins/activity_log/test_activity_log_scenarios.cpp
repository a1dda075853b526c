// Every training history in ../shared/scenarios, written out as JSON Lines (and as CSV),
// reads back as one activity per scenario activity with the same start, sport, distance.
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/sport.h"
#include "log_test_util.h"

namespace tendon {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> scenario_files() {
  std::vector<fs::path> files;
  const fs::path dir = fs::path(TENDON_SHARED_DIR) / "scenarios";
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return files;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string csv_cell(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string number_text(const rapidjson::Value& v) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  v.Accept(w);
  return buf.GetString();
}

TEST(ActivityLogScenarios, EveryScenarioReadsBackAsJsonLinesAndCsv) {
  const fs::path dir = fs::path(TENDON_SHARED_DIR) / "scenarios";
  if (!fs::is_directory(dir)) GTEST_SKIP() << dir << " does not exist (shared folder not beside the checkout)";
  const auto files = scenario_files();
  ASSERT_FALSE(files.empty()) << "no scenario files in " << dir;

  for (const auto& file : files) {
    SCOPED_TRACE(file.filename().string());
    rapidjson::Document doc;
    doc.Parse(read_file(file).c_str());
    ASSERT_FALSE(doc.HasParseError());
    ASSERT_TRUE(doc.IsObject() && doc.HasMember("activities") && doc["activities"].IsArray());
    const auto& acts = doc["activities"].GetArray();

    // One JSON object per line: the scenario activity as it is (extra keys and all).
    std::string jl = "# " + file.filename().string() + "\n";
    std::string cv = "id,start,sport,distance_m,duration_s,shoe\n";
    for (const auto& a : acts) {
      rapidjson::StringBuffer buf;
      rapidjson::Writer<rapidjson::StringBuffer> w(buf);
      a.Accept(w);
      jl += buf.GetString();
      jl += '\n';
      cv += csv_cell(a["id"].GetString()) + "," + a["start"].GetString() + "," + csv_cell(a["sport"].GetString()) +
            "," + number_text(a["distance_m"]) + "," +
            (a.HasMember("duration_s") ? number_text(a["duration_s"]) : "") + "," +
            (a.HasMember("shoe") ? csv_cell(a["shoe"].GetString()) : "") + "\n";
    }

    const auto from_jl = parse_activity_log(jl);
    const auto from_csv = parse_activity_log(cv);
    EXPECT_EQ(from_jl.format, LogFormat::json_lines);
    EXPECT_EQ(from_csv.format, LogFormat::csv);
    EXPECT_TRUE(from_jl.problems.empty()) << test::dump(from_jl);
    EXPECT_TRUE(from_csv.problems.empty()) << test::dump(from_csv);
    ASSERT_EQ(from_jl.activities.size(), acts.Size());
    ASSERT_EQ(from_csv.activities.size(), acts.Size());

    for (rapidjson::SizeType i = 0; i < acts.Size(); ++i) {
      const auto& want = acts[i];
      const Activity& got = from_jl.activities[i];
      SCOPED_TRACE(want["id"].GetString());
      EXPECT_EQ(got.source_id, want["id"].GetString());
      EXPECT_EQ(got.start, test::utc(want["start"].GetString()));
      EXPECT_EQ(got.sport, normalise_sport(want["sport"].GetString()));
      EXPECT_EQ(got.distance_m, want["distance_m"].GetDouble());
      if (want.HasMember("duration_s")) {
        EXPECT_EQ(got.elapsed_s, want["duration_s"].GetDouble());
      } else {
        EXPECT_FALSE(got.elapsed_s.has_value());
      }
      if (want.HasMember("shoe")) {
        EXPECT_EQ(got.shoe, std::string(want["shoe"].GetString()));
      } else {
        EXPECT_FALSE(got.shoe.has_value());
      }
      test::expect_same_activity(got, from_csv.activities[i]);
    }
  }
}

}  // namespace
}  // namespace tendon
