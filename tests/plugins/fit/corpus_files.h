#pragma once
// Access to the shared test corpus (../shared beside the checkout) for the FIT tests.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace tendon::fit::testing {

// TENDON_SHARED_DIR/corpus, or an empty path when ../shared is not there (the tests that
// need it then GTEST_SKIP, so a clone without ../shared stays green).
std::filesystem::path corpus_dir();

std::vector<std::uint8_t> read_bytes(const std::filesystem::path& file);
std::string read_text(const std::filesystem::path& file);

// Every *.fit / *.FIT file in corpus/fit, sorted by name.
std::vector<std::filesystem::path> corpus_fit_files();

// Unix milliseconds of a UTC civil time.
std::int64_t unix_ms(int year, int month, int day, int hour, int minute, int second);
// "2011-12-20T10:53:20.000Z" (the Garmin SDK dump) or "2011-12-20 10:53:20" (python-fitparse).
std::int64_t parse_utc_ms(const std::string& text);

// "fitnessEquipment" -> "fitness_equipment".
std::string snake_case(const std::string& camel);

}  // namespace tendon::fit::testing

#define SKIP_WITHOUT_CORPUS()                                                       \
  do {                                                                              \
    if (::tendon::fit::testing::corpus_dir().empty()) {                             \
      GTEST_SKIP() << "shared corpus not found at " TENDON_SHARED_DIR "; skipping"; \
    }                                                                               \
  } while (false)
