#pragma once
// Instants and civil-time arithmetic. Everything in core counts UTC seconds since the Unix
// epoch; local calendars come in only through a ZoneRules (zone.h), so core stays pure.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tendon {

using Instant = std::int64_t;  // seconds since 1970-01-01T00:00:00Z
inline constexpr std::int64_t kSecondsPerDay = 86400;
inline constexpr std::int64_t days(std::int64_t n) { return n * kSecondsPerDay; }

struct ParsedTime {
  Instant utc = 0;
  std::int32_t utc_offset_s = 0;  // the offset the text stated (0 for Z)
};

// Parses RFC 3339 / ISO 8601 "YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM|±HHMM)". A time without a
// zone is refused (nullopt): guessing the zone would move runs across days and weeks.
// Fractions of a second are dropped (start times have second precision).
std::optional<ParsedTime> parse_iso8601(std::string_view text);

// "2026-03-01T07:00:00Z"
std::string format_iso8601_utc(Instant t);
// "2026-03-01T08:00:00+01:00"
std::string format_iso8601_local(Instant t, std::int32_t utc_offset_s);
// "2026-03-01" of a local day number (days since 1970-01-01 in some zone).
std::string format_day(std::int64_t day_number);
// "Mar 1" of a local day number, for messages.
std::string format_short_day(std::int64_t day_number);

// Days since 1970-01-01 of a proleptic Gregorian date, and back (Hinnant's algorithms).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d);
void civil_from_days(std::int64_t z, std::int64_t& y, unsigned& m, unsigned& d);

// Floor division that rounds toward negative infinity (days before 1970 stay correct).
inline constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  const std::int64_t q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

}  // namespace tendon
