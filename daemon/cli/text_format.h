#pragma once
// The small pieces every text view formats with: padding, distances, times in an
// athlete's zone.
#include <cstddef>
#include <memory>
#include <string>

#include "core/time.h"
#include "core/zone.h"

namespace tendon::cli {

std::string pad(std::string text, std::size_t width);
// "18.4 km" of metres.
std::string km(double metres);
// An RFC 3339 time from an answer; throws std::runtime_error naming it when it is not one.
Instant instant_of(const std::string& rfc3339);
// The zone of an IANA name; UTC when this machine's tzdata does not know the name (the
// text then says UTC rather than failing: the figures are right either way).
std::unique_ptr<ZoneRules> zone_named(const std::string& name);
// "2026-03-01": the local date of an instant.
std::string local_date(Instant t, const ZoneRules& zone);

}  // namespace tendon::cli
