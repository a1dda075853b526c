#include "text_format.h"

#include <stdexcept>

#include "config/iana_zone.h"
#include "core/figures.h"

namespace tendon::cli {

std::string pad(std::string text, std::size_t width) {
  if (text.size() < width) text.append(width - text.size(), ' ');
  return text;
}

std::string km(double metres) { return format_km(metres); }

Instant instant_of(const std::string& rfc3339) {
  const auto parsed = parse_iso8601(rfc3339);
  if (!parsed) throw std::runtime_error("the answer has '" + rfc3339 + "' where a time belongs");
  return parsed->utc;
}

std::unique_ptr<ZoneRules> zone_named(const std::string& name) {
  try {
    return make_iana_zone(name);
  } catch (const std::exception&) {
    return std::make_unique<FixedOffsetZone>();
  }
}

std::string local_date(Instant t, const ZoneRules& zone) { return format_day(local_day(t, zone)); }

}  // namespace tendon::cli
