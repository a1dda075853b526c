#pragma once
// ZoneRules backed by the system's IANA time-zone database (tzdata, read through
// Howard Hinnant's date/tz library), so weeks follow DST changes exactly.
#include <memory>
#include <stdexcept>
#include <string>

#include "core/zone.h"

namespace tendon {

class UnknownZoneError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Throws UnknownZoneError for a name the database does not know ("Europe/Berln").
std::unique_ptr<ZoneRules> make_iana_zone(const std::string& name);
bool is_known_zone(const std::string& name);

}  // namespace tendon
