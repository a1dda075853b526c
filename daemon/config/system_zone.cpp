// The machine's IANA zone name, from the places libc and the distribution keep it.
#include <cstdlib>
#include <fstream>
#include <system_error>

#include "config/config.h"
#include "config/iana_zone.h"
#include "config/paths.h"

namespace tendon {

namespace {

namespace fs = std::filesystem;

// ".../zoneinfo/Europe/Berlin" -> "Europe/Berlin" (also under zoneinfo/posix/ and right/).
std::string zone_from_path(const std::string& path) {
  const std::string marker = "zoneinfo/";
  const auto at = path.rfind(marker);
  if (at == std::string::npos) return {};
  std::string name = path.substr(at + marker.size());
  for (const char* prefix : {"posix/", "right/"}) {
    if (name.rfind(prefix, 0) == 0) name = name.substr(std::string(prefix).size());
  }
  return name;
}

std::string trim(std::string s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  const auto last = s.find_last_not_of(" \t\r\n");
  return s.substr(first, last - first + 1);
}

}  // namespace

std::string system_timezone_from(const char* tz_env, const fs::path& localtime_link,
                                 const fs::path& timezone_file) {
  if (tz_env != nullptr) {
    std::string tz = tz_env;
    // glibc: TZ set but empty means UTC.
    if (tz.empty()) return "UTC";
    if (tz.front() == ':') tz.erase(0, 1);
    if (!tz.empty() && tz.front() == '/') tz = zone_from_path(tz);
    if (is_known_zone(tz)) return tz;
    // A POSIX rule ("CET-1CEST,...") or an unknown name: fall back to the system files.
  }
  // /etc/localtime is what libc uses; it wins over Debian's /etc/timezone, which
  // `timedatectl set-timezone` may leave stale.
  std::error_code ec;
  const fs::path target = fs::read_symlink(localtime_link, ec);
  if (!ec) {
    if (const std::string name = zone_from_path(target.string()); is_known_zone(name)) {
      return name;
    }
  }
  if (std::ifstream in(timezone_file); in) {
    std::string line;
    std::getline(in, line);
    if (const std::string name = trim(line); is_known_zone(name)) return name;
  }
  return "UTC";
}

std::string system_timezone() {
  return system_timezone_from(std::getenv("TZ"), "/etc/localtime", "/etc/timezone");
}

}  // namespace tendon
