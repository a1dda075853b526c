// PluginHost::add: what a descriptor must get right to be accepted, and what init may do.
#include <gtest/gtest.h>

#include <cstring>
#include <memory>

#include "ingest/plugin_descriptor.h"
#include "ingest/plugin_host.h"
#include "plugin_fakes.h"

namespace tendon::test {
namespace {

using PluginDescriptorTest = PluginHostTest;

std::string refusal(PluginHost& host, const tendon_plugin* plugin, const std::string& origin = "built-in:test") {
  const auto problem = host.add(plugin, origin);
  return problem ? problem->line() : "(accepted)";
}

TEST_F(PluginDescriptorTest, AcceptsAValidPluginAndListsItsImporters) {
  FakePlugin fake("fake");
  fake.importer(0, "fake-a", {".fa"}).importer(1, "fake-b", {".fb", ".fb.gz"});
  PluginHost host(LogCapture().sink());
  EXPECT_FALSE(host.add(fake.build(), "built-in:fake"));
  const auto importers = host.importers();
  ASSERT_EQ(importers.size(), 2u);
  EXPECT_EQ(importers[0].id, "fake-a");
  EXPECT_EQ(importers[0].plugin_id, "fake");
  EXPECT_EQ(importers[0].origin, "built-in:fake");
  EXPECT_EQ(importers[0].description, "a fake importer");
  EXPECT_EQ(importers[1].suffixes, (std::vector<std::string>{".fb", ".fb.gz"}));
  EXPECT_FALSE(importers[1].disabled);
}

TEST_F(PluginDescriptorTest, RefusesNull) {
  PluginHost host(LogCapture().sink());
  EXPECT_EQ(refusal(host, nullptr), "built-in:test: descriptor is NULL");
}

TEST_F(PluginDescriptorTest, RefusesAShortStructReadingOnlyItsBytes) {
  // Exactly 12 bytes on the heap: under ASan, a host that reads past struct_size fails.
  const std::uint32_t size = 12;
  const std::uint16_t major = TENDON_PLUGIN_ABI_MAJOR, minor = TENDON_PLUGIN_ABI_MINOR;
  auto bytes = std::make_unique<unsigned char[]>(size);
  std::memset(bytes.get(), 0, size);
  std::memcpy(bytes.get(), &size, 4);
  std::memcpy(bytes.get() + 4, &major, 2);
  std::memcpy(bytes.get() + 6, &minor, 2);
  PluginHost host(LogCapture().sink());
  EXPECT_EQ(refusal(host, reinterpret_cast<const tendon_plugin*>(bytes.get())),
            "built-in:test: descriptor struct_size 12 is smaller than the 1.0 layout (" +
                std::to_string(kPluginLayout10Size) + ")");
}

TEST_F(PluginDescriptorTest, RefusesAStructTooSmallForTheVersion) {
  const std::uint32_t size = 4;
  PluginHost host(LogCapture().sink());
  EXPECT_EQ(refusal(host, reinterpret_cast<const tendon_plugin*>(&size)),
            "built-in:test: descriptor struct_size 4 is too small to hold the ABI version");
}

TEST_F(PluginDescriptorTest, RefusesAnotherMajor) {
  FakePlugin fake("fake");
  fake.importer(0, "fake", {".fa"}).build();
  fake.plugin.abi_major = TENDON_PLUGIN_ABI_MAJOR + 1;
  PluginHost host(LogCapture().sink());
  EXPECT_EQ(refusal(host, &fake.plugin), "built-in:test: ABI major 2 is not supported (host speaks 1)");
  fake.plugin.abi_major = 0;
  EXPECT_EQ(refusal(host, &fake.plugin), "built-in:test: ABI major 0 is not supported (host speaks 1)");
}

TEST_F(PluginDescriptorTest, RefusesANewerMinor) {
  FakePlugin fake("fake");
  fake.importer(0, "fake", {".fa"}).build();
  fake.plugin.abi_minor = TENDON_PLUGIN_ABI_MINOR + 3;
  PluginHost host(LogCapture().sink());
  EXPECT_EQ(refusal(host, &fake.plugin), "built-in:test: built for ABI 1." + std::to_string(TENDON_PLUGIN_ABI_MINOR + 3) + ", host speaks 1." +
                std::to_string(TENDON_PLUGIN_ABI_MINOR));
}

TEST_F(PluginDescriptorTest, AcceptsEveryMinorUpToTheHosts) {
  // The host speaks 1.0 today, so 1.0 is the only older-or-equal minor; the loop covers
  // the older ones as soon as the host's minor grows.
  for (std::uint16_t minor = 0; minor <= TENDON_PLUGIN_ABI_MINOR; ++minor) {
    FakePlugin fake("fake");
    fake.importer(0, "fake", {".fa"}).build();
    fake.plugin.abi_minor = minor;
    PluginHost host(LogCapture().sink());
    EXPECT_FALSE(host.add(&fake.plugin, "built-in:fake")) << "minor " << minor;
  }
}

TEST_F(PluginDescriptorTest, AcceptsAStructWithoutTrailingPadding) {
  // A 1.0 plugin's struct may end right after importer_count (no tail padding): fine.
  FakePlugin fake("fake");
  fake.importer(0, "fake", {".fa"}).build();
  fake.plugin.struct_size = static_cast<std::uint32_t>(kPluginLayout10Size);
  PluginHost host(LogCapture().sink());
  EXPECT_FALSE(host.add(&fake.plugin, "built-in:fake"));
}

TEST_F(PluginDescriptorTest, RefusesMissingOrBrokenIds) {
  PluginHost host(LogCapture().sink());
  FakePlugin fake("");
  fake.importer(0, "fake", {".fa"}).build();
  EXPECT_EQ(refusal(host, &fake.plugin), "built-in:test: plugin id '' is empty");
  fake.plugin.id = nullptr;
  EXPECT_EQ(refusal(host, &fake.plugin), "built-in:test: plugin id is NULL");
  fake.plugin.id = "Fake Plugin";
  EXPECT_EQ(refusal(host, &fake.plugin),
            "built-in:test: plugin id 'Fake Plugin' may only contain a-z, 0-9, '.', '_' and '-'");
  const std::string long_id(100, 'x');
  fake.plugin.id = long_id.c_str();
  EXPECT_NE(refusal(host, &fake.plugin).find("is longer than 64 bytes"), std::string::npos);
}

TEST_F(PluginDescriptorTest, RefusesAPluginWithoutImporters) {
  FakePlugin fake("fake");
  fake.build();
  PluginHost host(LogCapture().sink());
  EXPECT_EQ(refusal(host, &fake.plugin), "built-in:test: declares no importer and no source");
  fake.plugin.importer_count = 2;
  fake.plugin.importers = nullptr;
  EXPECT_EQ(refusal(host, &fake.plugin), "built-in:test: importers is NULL but importer_count is 2");
}

TEST_F(PluginDescriptorTest, RefusesANullImporter) {
  FakePlugin fake("fake");
  fake.importer(0, "fake-a", {".fa"}).build();
  const tendon_importer* const importers[] = {fake.plugin.importers[0], nullptr};
  fake.plugin.importers = importers;
  fake.plugin.importer_count = 2;
  PluginHost host(LogCapture().sink());
  EXPECT_EQ(refusal(host, &fake.plugin), "built-in:test: importer #2 is NULL");
}

TEST_F(PluginDescriptorTest, RefusesAShortImporterStruct) {
  FakePlugin fake("fake");
  fake.importer(0, "fake", {".fa"});
  fake.importer_struct(0).struct_size = 8;
  PluginHost host(LogCapture().sink());
  EXPECT_EQ(refusal(host, fake.build()), "built-in:test: importer #1 struct_size 8 is smaller than the 1.0 layout (" +
                                             std::to_string(kImporterLayout10Size) + ")");
}

TEST_F(PluginDescriptorTest, RefusesAMissingImportOrProbeFunction) {
  PluginHost host(LogCapture().sink());
  {
    FakePlugin fake("fake");
    fake.importer(0, "fake", {".fa"});
    fake.importer_struct(0).import = nullptr;
    EXPECT_EQ(refusal(host, fake.build()), "built-in:test: importer 'fake' has no import function");
  }
  {
    FakePlugin fake("fake");
    fake.importer(0, "fake", {".fa"});
    fake.importer_struct(0).probe = nullptr;
    EXPECT_EQ(refusal(host, fake.build()), "built-in:test: importer 'fake' has no probe function");
  }
  {
    FakePlugin fake("fake");
    fake.importer(0, "fake", {".fa"});
    fake.importer_struct(0).id = nullptr;
    EXPECT_EQ(refusal(host, fake.build()), "built-in:test: importer #1 has no id");
  }
}

TEST_F(PluginDescriptorTest, RefusesBadSuffixes) {
  PluginHost host(LogCapture().sink());
  {
    FakePlugin fake("fake");
    fake.importer(0, "fake", {".fit", ".FIT"});
    EXPECT_EQ(refusal(host, fake.build()), "built-in:test: importer 'fake' suffix '.FIT' is not lower-case");
  }
  {
    FakePlugin fake("fake");
    fake.importer(0, "fake", {"fit"});
    EXPECT_EQ(refusal(host, fake.build()), "built-in:test: importer 'fake' suffix 'fit' does not start with '.' and a name");
  }
  {
    FakePlugin fake("fake");
    fake.importer(0, "fake", {"."});
    EXPECT_NE(refusal(host, fake.build()).find("does not start with '.' and a name"), std::string::npos);
  }
  {
    FakePlugin fake("fake");
    fake.importer(0, "fake", {".a/b"});
    EXPECT_NE(refusal(host, fake.build()).find("may only contain"), std::string::npos);
  }
}

TEST_F(PluginDescriptorTest, AcceptsAnImporterWithoutSuffixes) {
  // Found by content only: suffixes NULL.
  FakePlugin fake("fake");
  fake.importer(0, "fake", {});
  fake.importer_struct(0).suffixes = nullptr;
  PluginHost host(LogCapture().sink());
  EXPECT_FALSE(host.add(fake.build(), "built-in:fake"));
  EXPECT_TRUE(host.importers().at(0).suffixes.empty());
}

TEST_F(PluginDescriptorTest, RefusesDuplicatePluginAndImporterIds) {
  PluginHost host(LogCapture().sink());
  FakePlugin first("fake");
  first.importer(0, "fake-a", {".fa"});
  ASSERT_FALSE(host.add(first.build(), "built-in:fake"));

  FakePlugin same_id("fake");
  same_id.importer(1, "fake-b", {".fb"});
  EXPECT_EQ(refusal(host, same_id.build(), "/p/tendon-fake.so"),
            "/p/tendon-fake.so: plugin id 'fake' is already taken by built-in:fake");

  FakePlugin same_importer("other");
  same_importer.importer(1, "fake-a", {".fb"});
  EXPECT_EQ(refusal(host, same_importer.build()),
            "built-in:test: importer id 'fake-a' is already taken by plugin 'fake' (built-in:fake)");

  FakePlugin twice("twice");
  twice.importer(1, "dup", {".fb"}).importer(2, "dup", {".fc"});
  EXPECT_EQ(refusal(host, twice.build()), "built-in:test: importer id 'dup' appears twice");

  // Nothing of the refused ones stayed.
  EXPECT_EQ(host.importers().size(), 1u);
  EXPECT_TRUE(g_shutdowns.empty());
}

TEST_F(PluginDescriptorTest, InitGetsTheHostAndItsStateComesBackToShutdown) {
  static int state_object = 0;
  const tendon_host* seen = nullptr;
  g_init = [&](const tendon_host* host, void** state) {
    seen = host;
    EXPECT_EQ(host->struct_size, sizeof(tendon_host));
    EXPECT_EQ(host->abi_major, TENDON_PLUGIN_ABI_MAJOR);
    EXPECT_EQ(host->abi_minor, TENDON_PLUGIN_ABI_MINOR);
    EXPECT_STREQ(host->host_version, "0.1.0");
    host->log(host->context, TENDON_LEVEL_INFO, "ready");
    *state = &state_object;
    return TENDON_OK;
  };
  // The host stays valid after init: a plugin may log during an import.
  g_behaviours[0].import = [&](const tendon_input*, const tendon_sink*) {
    seen->log(seen->context, TENDON_LEVEL_WARNING, "importing\nnow");
    return TENDON_OK;
  };
  LogCapture log;
  {
    FakePlugin fake("fake");
    fake.importer(0, "fake", {".fa"});
    PluginHost host(log.sink());
    ASSERT_FALSE(host.add(fake.build(), "built-in:fake"));
    EXPECT_TRUE(host.import("a.fa", "x").ok());
    EXPECT_TRUE(g_shutdowns.empty());
  }
  ASSERT_EQ(g_shutdowns.size(), 1u);
  EXPECT_EQ(g_shutdowns[0], &state_object);
  EXPECT_EQ(log.lines(), (std::vector<std::string>{"fake: ready", "fake: importing now"}));
}

TEST_F(PluginDescriptorTest, RefusesAFailedInitWithTheReasonItLogged) {
  g_init = [](const tendon_host* host, void**) {
    host->log(host->context, TENDON_LEVEL_ERROR, "no licence file in /etc/fake");
    return TENDON_ERR_INTERNAL;
  };
  LogCapture log;
  PluginHost host(log.sink());
  FakePlugin fake("fake");
  fake.importer(0, "fake", {".fa"});
  EXPECT_EQ(refusal(host, fake.build()),
            "built-in:test: init failed with TENDON_ERR_INTERNAL: no licence file in /etc/fake");
  EXPECT_TRUE(log.contains("fake: no licence file in /etc/fake"));
  EXPECT_TRUE(host.importers().empty());
  EXPECT_TRUE(g_shutdowns.empty());  // no state was made

  g_init = [](const tendon_host*, void**) { return TENDON_ERR_IO; };
  EXPECT_EQ(refusal(host, fake.build()), "built-in:test: init failed with TENDON_ERR_IO (no reason logged)");

  // Refused means forgotten: the same id may be added once init works.
  g_init = nullptr;
  EXPECT_FALSE(host.add(fake.build(), "built-in:fake"));
}

TEST_F(PluginDescriptorTest, RefusesAnInitThatThrows) {
  g_init = [](const tendon_host*, void**) -> int { throw std::runtime_error("boom"); };
  PluginHost host(LogCapture().sink());
  FakePlugin fake("fake");
  fake.importer(0, "fake", {".fa"});
  EXPECT_EQ(refusal(host, fake.build()), "built-in:test: init threw an exception");
  EXPECT_TRUE(host.importers().empty());
  EXPECT_TRUE(g_shutdowns.empty());
}

TEST_F(PluginDescriptorTest, PluginsWithoutInitOrShutdownAreFine) {
  FakePlugin fake("fake");
  fake.importer(0, "fake", {".fa"});
  fake.plugin.init = nullptr;
  fake.plugin.shutdown = nullptr;
  PluginHost host(LogCapture().sink());
  EXPECT_FALSE(host.add(fake.build(), "built-in:fake"));
  EXPECT_TRUE(host.import("x.fa", "").ok());
}

TEST_F(PluginDescriptorTest, ShutsDownInReverseOrder) {
  static int first_state = 1, second_state = 2;
  int inits = 0;
  g_init = [&](const tendon_host*, void** state) {
    *state = inits++ == 0 ? &first_state : &second_state;
    return TENDON_OK;
  };
  {
    FakePlugin first("first"), second("second");
    first.importer(0, "first", {".a"});
    second.importer(1, "second", {".b"});
    PluginHost host(LogCapture().sink());
    ASSERT_FALSE(host.add(first.build(), "built-in:first"));
    ASSERT_FALSE(host.add(second.build(), "built-in:second"));
  }
  EXPECT_EQ(g_shutdowns, (std::vector<void*>{&second_state, &first_state}));
}

}  // namespace
}  // namespace tendon::test
