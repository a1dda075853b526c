// The host side of sync: sources registered through the plugin ABI (1.2) and the secret
// file's promises (mode 0600, merged updates, no value in its errors).
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include "ingest/plugin_host.h"
#include "support/temp_dir.h"
#include "sync/secret_file.h"

namespace tendon {
namespace {

int no_poll(void*, const tendon_source_round*) { return TENDON_OK; }

TEST(SyncSources, TheBuiltInSourcesRegisterThroughTheAbiAndIdsStayUnique) {
  PluginHost host([](std::string_view, tendon_level, std::string_view) {});
  register_builtin_plugins(host);
  const auto sources = host.sources();
  ASSERT_EQ(sources.size(), 2u);
  EXPECT_EQ(sources[0].id, "strava");
  EXPECT_EQ(sources[1].id, "intervals");
  EXPECT_EQ(sources[0].origin, "built-in");

  static const tendon_source kDuplicate = {sizeof(tendon_source), "strava", "another", no_poll};
  static const tendon_source* const kSources[] = {&kDuplicate};
  static const tendon_plugin kPlugin = {sizeof(tendon_plugin), TENDON_PLUGIN_ABI_MAJOR, TENDON_PLUGIN_ABI_MINOR,
                                        "dup", "1", 0, nullptr, nullptr, nullptr, 0, kSources, 1};
  const auto problem = host.add(&kPlugin, "test");
  ASSERT_TRUE(problem);
  EXPECT_NE(problem->reason.find("source id 'strava' is already taken"), std::string::npos) << problem->line();

  std::string error;
  EXPECT_EQ(host.poll_source("nope", nullptr, error), TENDON_ERR_INTERNAL);
  EXPECT_EQ(error, "no source 'nope'");
}

TEST(SecretFile, PrivateMergedAndAtomic) {
  testing::TempDir dir;
  const SecretFile file(secret_file_for(dir / "tendon.db", "strava"));
  EXPECT_TRUE(file.load().empty());
  file.store({{"access_token", "a1"}, {"refresh_token", "r1"}});
  file.store({{"access_token", "a2"}});
  const auto secrets = file.load();
  EXPECT_EQ(secrets.at("access_token"), "a2");
  EXPECT_EQ(secrets.at("refresh_token"), "r1");
  struct stat info {};
  ASSERT_EQ(::stat(file.path().c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  ASSERT_EQ(::stat(file.path().parent_path().c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0700u);
  std::ofstream(file.path()) << "not json r1";
  try {
    file.load();
    FAIL() << "a broken file must be an error";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()).find("r1"), std::string::npos);
  }
}

}  // namespace
}  // namespace tendon
