#pragma once
// A generated GPX run for the GPX benchmarks (in process, and against the peers):
// `points` 1 s track points in Garmin Connect's layout with TrackPointExtension heart rate
// and cadence, a wandering path near Ljubljana at ~3 m/s and rolling altitude.
#include <cstddef>
#include <string>

namespace tendon::bench {

std::string generated_gpx(std::size_t points);

}  // namespace tendon::bench
