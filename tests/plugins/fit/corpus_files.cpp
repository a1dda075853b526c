#include "corpus_files.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace tendon::fit::testing {

std::filesystem::path corpus_dir() {
  const std::filesystem::path dir = std::filesystem::path(TENDON_SHARED_DIR) / "corpus";
  std::error_code ec;
  return std::filesystem::is_directory(dir / "fit", ec) ? dir : std::filesystem::path();
}

std::vector<std::uint8_t> read_bytes(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + file.string());
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string read_text(const std::filesystem::path& file) {
  const std::vector<std::uint8_t> bytes = read_bytes(file);
  return {bytes.begin(), bytes.end()};
}

std::vector<std::filesystem::path> corpus_fit_files() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(corpus_dir() / "fit")) {
    std::string ext = entry.path().extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (entry.is_regular_file() && ext == ".fit") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::int64_t unix_ms(int year, int month, int day, int hour, int minute, int second) {
  // Days from civil (proleptic Gregorian), Howard Hinnant's algorithm.
  const int y = year - (month <= 2 ? 1 : 0);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  const std::int64_t days = std::int64_t{era} * 146097 + doe - 719468;
  return ((days * 24 + hour) * 60 + minute) * 60000 + std::int64_t{second} * 1000;
}

std::int64_t parse_utc_ms(const std::string& text) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  if (std::sscanf(text.c_str(), "%d-%d-%d%*c%d:%d:%d", &y, &mo, &d, &h, &mi, &s) != 6) {
    throw std::runtime_error("bad time " + text);
  }
  return unix_ms(y, mo, d, h, mi, s);
}

std::string snake_case(const std::string& camel) {
  std::string out;
  for (char c : camel) {
    if (std::isupper(static_cast<unsigned char>(c)) != 0) {
      out.push_back('_');
      out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    } else {
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace tendon::fit::testing
