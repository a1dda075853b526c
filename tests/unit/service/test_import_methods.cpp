// Activity.Import by path and by passed descriptor, and what it refuses.
#include <fcntl.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "service_fixture.h"

namespace tendon::testing {
namespace {

constexpr int kInvalidParams = -32602;
constexpr int kNotFound = -32002;

TEST_F(ServiceTest, ImportByPathReportsWhatItStoredAndRaised) {
  const auto report = import("two.jsonl", run_line("a", "02", 10000) + run_line("b", "04", 14000));
  EXPECT_TRUE(report["ok"].GetBool());
  EXPECT_EQ(string_of(report, "file"), dir / "two.jsonl");
  EXPECT_EQ(report["imported"].GetInt64(), 2);
  EXPECT_EQ(report["alerts_raised"].GetInt64(), 1);
  const auto again = import("two.jsonl", run_line("a", "02", 10000) + run_line("b", "04", 14000));
  EXPECT_EQ(again["already_imported"].GetInt64(), 2);
  EXPECT_EQ(call("Run.List").Size(), 2u);
}

TEST_F(ServiceTest, ABrokenFileIsAReportWithOkFalseNotAnError) {
  const auto report = import("broken.fit", "this is not a FIT file at all");
  EXPECT_FALSE(report["ok"].GetBool());
  EXPECT_FALSE(string_of(report, "error").empty());
}

TEST_F(ServiceTest, ImportByDescriptorUsesTheGivenName) {
  const auto file = dir.write("elsewhere.bin", run_line("fd1", "01", 7000));
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  ASSERT_GE(fd, 0);
  const auto report = call("Activity.Import", R"({"fd":0,"name":"watch.jsonl","athlete":"ben"})", fd);
  EXPECT_TRUE(report["ok"].GetBool()) << string_of(report, "error");
  EXPECT_EQ(string_of(report, "file"), "watch.jsonl");
  EXPECT_EQ(report["imported"].GetInt64(), 1);
  const auto runs = call("Run.List", R"({"athlete":"ben"})");
  ASSERT_EQ(runs.Size(), 1u);
  EXPECT_EQ(string_of(runs[0], "source_name"), "watch.jsonl");
}

// A folder's descriptor (O_DIRECTORY) is read inside with openat: an unpacked Strava export.
TEST_F(ServiceTest, ImportsAnExportFolderByDescriptor) {
  dir.write("export_9/activities.csv",
            "Activity ID,Activity Date,Activity Type,Elapsed Time,Distance,Filename,Moving Time,Distance\n"
            "7,\"Jan 2, 2026, 7:00:00 AM\",Run,1800,3.1,,1750,5000\n");
  const int fd = ::open((dir / "export_9").c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  ASSERT_GE(fd, 0);
  const auto report = call("Activity.Import", R"({"fd":0,"name":"export_9/"})", fd);
  EXPECT_TRUE(report["ok"].GetBool()) << string_of(report, "error");
  EXPECT_EQ(string_of(report, "file"), "export_9");
  EXPECT_EQ(report["imported"].GetInt64(), 1);
  // A folder no importer recognises is a report with ok=false, not an RPC error.
  dir.write("empty/readme.txt", "hello");
  const auto other = call("Activity.Import", R"({"path":)" + json_path("empty") + "}");
  EXPECT_FALSE(other["ok"].GetBool());
  EXPECT_NE(string_of(other, "error").find("folder"), std::string::npos);
}

TEST_F(ServiceTest, ImportRefusals) {
  EXPECT_EQ(error_of("Activity.Import", "{}"), kInvalidParams) << "neither path nor fd";
  EXPECT_EQ(error_of("Activity.Import", R"({"path":)" + json_path("missing.gpx") + "}"), kNotFound);
  EXPECT_EQ(error_of("Activity.Import", R"({"fd":0,"name":"x.gpx"})"), kInvalidParams) << "no descriptor passed";
  EXPECT_EQ(error_of("Activity.Import", R"({"path":"/x","fd":0,"name":"x"})"), kInvalidParams);
  dir.write("runs.jsonl", run_line("a", "01", 5000));
  EXPECT_EQ(error_of("Activity.Import", R"({"path":)" + json_path("runs.jsonl") + R"(,"athlete":"nobody"})"),
            kNotFound);

  const std::string fifo = dir / "pipe.jsonl";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  EXPECT_EQ(error_of("Activity.Import", R"({"path":)" + json_path("pipe.jsonl") + "}"), kInvalidParams)
      << "not a regular file (and opening it does not wait for a writer)";

  const int fd = ::open(dir.path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  ASSERT_GE(fd, 0);
  try {
    call("Activity.Import", R"({"fd":0})", fd);
    FAIL() << "fd without name was taken";
  } catch (const control::RpcError& e) {
    EXPECT_EQ(e.code(), kInvalidParams);
  }
}

TEST_F(ServiceTest, APathThatCannotBeOpenedSaysWhy) {
  // open(2) of a Unix socket fails with ENXIO for every user, root included, so this
  // checks the refusal without depending on who runs the tests.
  const std::filesystem::path path = dir.path() / "a.sock";
  const int listener = ::socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(listener, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::snprintf(address.sun_path, sizeof address.sun_path, "%s", path.c_str());
  ASSERT_EQ(::bind(listener, reinterpret_cast<const sockaddr*>(&address), sizeof address), 0) << std::strerror(errno);
  try {
    call("Activity.Import", R"({"path":)" + json_path("a.sock") + "}");
    ADD_FAILURE() << "a socket was imported as a file";
  } catch (const control::RpcError& e) {
    EXPECT_EQ(e.code(), kInvalidParams);
    EXPECT_NE(std::string(e.what()).find("a.sock"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find(std::strerror(ENXIO)), std::string::npos) << e.what();
  }
  ::close(listener);
}

}  // namespace
}  // namespace tendon::testing
