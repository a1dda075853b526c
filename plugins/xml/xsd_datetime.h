#pragma once
// xsd:dateTime as GPX and TCX write it: "2012-12-26T21:29:53Z", with or without fractional
// seconds ("…:47.8Z", "…:33.000Z"), with a numeric offset ("…T10:00:00+02:00") or with
// no zone at all ("2013-01-01T12:00:04").
//
// Zone-less times are read as UTC and marked ZoneKind::none so the importer can warn:
// a GPX/TCX time without a zone is almost always a device that meant UTC and forgot the
// 'Z' (gpxpy's test files, old GPSBabel output); guessing a local zone would shift every
// such file by hours, while UTC is right for the common case and the warning tells the
// user when it was a guess.
#include <cstdint>
#include <optional>
#include <string_view>

namespace tendon::xml {

enum class ZoneKind : std::uint8_t {
  none,    // no zone designator: read as UTC (caller warns)
  utc,     // 'Z'
  offset,  // "+hh:mm" / "-hh:mm" (also "+hhmm", "+hh"); "+00:00" counts as an offset
};

struct DateTime {
  std::int64_t utc_ms = 0;    // Unix epoch milliseconds, UTC
  std::int32_t offset_s = 0;  // the written offset (local = UTC + offset); 0 unless ZoneKind::offset
  ZoneKind zone = ZoneKind::none;
};

// Parses one xsd:dateTime; leading/trailing ASCII whitespace is ignored. Years must have
// four digits (0001..9999); fractional seconds of any length are truncated to ms;
// "24:00:00" is the next day's midnight; a leap second ":60" is kept as one second later.
// A 'T' separator may also be 't' or a space. Returns nullopt for anything else.
std::optional<DateTime> parse_xsd_datetime(std::string_view text);

// Days from 1970-01-01 to the proleptic Gregorian date y-m-d (m 1..12, d 1..31).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d);

}  // namespace tendon::xml
