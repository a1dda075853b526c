#pragma once
// The local calendar of an athlete: ISO weeks start Monday 00:00 in the athlete's zone.
// Core only needs "what is the UTC offset at this instant"; the IANA database lookup
// lives outside core (config/iana_zone.h) so core does no I/O.
#include <cstdint>
#include <memory>
#include <string>

#include "time.h"

namespace tendon {

class ZoneRules {
 public:
  virtual ~ZoneRules() = default;
  virtual std::int32_t utc_offset_at(Instant t) const = 0;
  virtual std::string name() const = 0;
};

class FixedOffsetZone final : public ZoneRules {
 public:
  explicit FixedOffsetZone(std::int32_t offset_s = 0, std::string name = "UTC")
      : offset_s_(offset_s), name_(std::move(name)) {}
  std::int32_t utc_offset_at(Instant) const override { return offset_s_; }
  std::string name() const override { return name_; }

 private:
  std::int32_t offset_s_;
  std::string name_;
};

// Local day number (days since 1970-01-01 on the local calendar) of an instant.
inline std::int64_t local_day(Instant t, const ZoneRules& zone) {
  return floor_div(t + zone.utc_offset_at(t), kSecondsPerDay);
}

// A monotonically increasing index of ISO weeks (Monday-based) on the local calendar.
// 1970-01-01 was a Thursday, so Monday 1969-12-29 is day -3: shift by 3 before dividing.
inline std::int64_t week_of_day(std::int64_t day_number) { return floor_div(day_number + 3, 7); }
inline std::int64_t local_week(Instant t, const ZoneRules& zone) {
  return week_of_day(local_day(t, zone));
}
// First local day (a Monday) of a week index.
inline std::int64_t first_day_of_week(std::int64_t week) { return week * 7 - 3; }

}  // namespace tendon
