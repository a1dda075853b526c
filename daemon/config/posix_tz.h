#pragma once
// POSIX TZ rules ("CET-1CEST,M3.5.0,M10.5.0/3"), as found in the footer of a TZif v2+
// file. A TZif file lists transitions only up to some year (2037 for "fat" files, much
// earlier for "slim" ones) and the footer rule governs every instant after the last one.
// Howard Hinnant's date library (3.0.1, USE_OS_TZDB) ignores the footer (date issue #760),
// so iana_zone.cpp applies it here. Internal to tendon_config.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "core/time.h"

namespace tendon::config_detail {

struct PosixDateRule {
  enum class Kind { julian_no_leap, zero_based, month_week_day };  // Jn, n, Mm.w.d
  Kind kind = Kind::month_week_day;
  int month = 0;    // M form: 1..12
  int week = 0;     // M form: 1..5 (5 = last)
  int weekday = 0;  // M form: 0 = Sunday
  int day = 0;      // J form 1..365, n form 0..365
  std::int32_t time_s = 7200;  // local time of the change (may be negative or > 24 h)
};

struct PosixTz {
  std::int32_t std_offset_s = 0;  // east of UTC positive (the text says west positive)
  bool has_dst = false;
  std::int32_t dst_offset_s = 0;
  PosixDateRule dst_start;  // in local standard time
  PosixDateRule dst_end;    // in local daylight time
};

// nullopt for text that is not a complete POSIX TZ rule (or DST without rules).
std::optional<PosixTz> parse_posix_tz(std::string_view text);

std::int32_t posix_utc_offset_at(const PosixTz& tz, Instant t);

// The footer of a TZif file (version 2 or later); nullopt when there is none.
std::optional<std::string> read_tzif_footer(const std::filesystem::path& file);

}  // namespace tendon::config_detail
