#include "config/iana_zone.h"

#include <algorithm>
#include <chrono>
#include <optional>

#include <date/tz.h>

#include "config/posix_tz.h"

namespace tendon {

namespace {

// Where Debian's libdate-tz (built with USE_OS_TZDB) reads the zones from.
constexpr const char* kZoneInfoDir = "/usr/share/zoneinfo";

// date reports the period after a zone's last listed transition as ending in the year
// 32767; any real transition lies before the year 10000.
constexpr std::int64_t kYear10000 = 253402300800;

// Instants beyond about ±3000 years are clamped so date's arithmetic cannot overflow.
constexpr Instant kClamp = 95617584000;

const date::time_zone* locate(const std::string& name) {
  // /usr/share/zoneinfo/localtime is a link to /etc/localtime, not a zone name.
  if (name.empty() || name == "localtime") return nullptr;
  try {
    return date::locate_zone(name);
  } catch (const std::exception&) {
    return nullptr;
  }
}

class IanaZone final : public ZoneRules {
 public:
  IanaZone(const date::time_zone* zone, std::string name,
           std::optional<config_detail::PosixTz> footer)
      : zone_(zone), name_(std::move(name)), footer_(footer) {}

  std::int32_t utc_offset_at(Instant t) const override {
    t = std::clamp(t, -kClamp, kClamp);
    const auto info = zone_->get_info(date::sys_seconds{std::chrono::seconds{t}});
    if (footer_ && info.end.time_since_epoch().count() >= kYear10000) {
      return config_detail::posix_utc_offset_at(*footer_, t);
    }
    return static_cast<std::int32_t>(info.offset.count());
  }

  std::string name() const override { return name_; }

 private:
  const date::time_zone* zone_;
  std::string name_;
  std::optional<config_detail::PosixTz> footer_;
};

}  // namespace

std::unique_ptr<ZoneRules> make_iana_zone(const std::string& name) {
  const date::time_zone* zone = locate(name);
  if (zone == nullptr) {
    throw UnknownZoneError("unknown time zone '" + name + "'");
  }
  std::optional<config_detail::PosixTz> footer;
  if (auto text = config_detail::read_tzif_footer(std::filesystem::path(kZoneInfoDir) / name)) {
    footer = config_detail::parse_posix_tz(*text);
  }
  return std::make_unique<IanaZone>(zone, name, footer);
}

bool is_known_zone(const std::string& name) { return locate(name) != nullptr; }

}  // namespace tendon
