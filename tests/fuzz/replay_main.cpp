// Runs a fuzz target over files and folders of inputs, without libFuzzer: the kept crash
// inputs and the seed corpora become an ordinary test in every build (GCC included). A
// missing folder is passed over, so the suite stays green where ../shared is absent.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

void replay(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // A copy of exactly the file's size, so ASan sees a read one past the end.
  std::vector<std::uint8_t> exact(bytes.begin(), bytes.end());
  LLVMFuzzerTestOneInput(exact.empty() ? nullptr : exact.data(), exact.size());
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t count = 0;
  for (int i = 1; i < argc; ++i) {
    const std::filesystem::path arg = argv[i];
    std::error_code ec;
    if (std::filesystem::is_regular_file(arg, ec)) {
      replay(arg);
      ++count;
      continue;
    }
    if (!std::filesystem::is_directory(arg, ec)) continue;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(arg, ec)) {
      if (!entry.is_regular_file()) continue;
      replay(entry.path());
      ++count;
    }
  }
  std::printf("replayed %zu inputs\n", count);
  return 0;
}
