#pragma once
// A plugin folder of our own for the loader tests: built test plugins are copied in under
// tendon-*.so names with the mode a test asks for.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "plugin_fakes.h"
#include "support/temp_dir.h"

namespace tendon::test {

class PluginFolderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = dir_.path() / "plugins";
    std::filesystem::create_directories(folder_);
    chmod(folder_.c_str(), 0755);  // whatever the umask
  }

  const std::filesystem::path& folder() const { return folder_; }
  const tendon::testing::TempDir& dir() const { return dir_; }

  // Copies the built plugin `built` to folder()/name with `mode`.
  std::filesystem::path install(const char* built, const std::string& name, mode_t mode = 0644) const {
    const auto target = folder_ / name;
    std::filesystem::copy_file(built, target, std::filesystem::copy_options::overwrite_existing);
    chmod(target.c_str(), mode);
    return target;
  }

  // Whether any file under our temporary folder is mapped into this process (dlopen'd).
  bool mapped() const {
    std::ifstream maps("/proc/self/maps");
    std::string line;
    while (std::getline(maps, line)) {
      if (line.find(dir_.path().string()) != std::string::npos) return true;
    }
    return false;
  }

  LogCapture log_;

 private:
  tendon::testing::TempDir dir_;
  std::filesystem::path folder_;
};

}  // namespace tendon::test
