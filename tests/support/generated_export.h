#pragma once
// A generated Strava bulk export of N daily runs, each a .fit.gz written by the FIT tests'
// writer, listed in activities.csv with its shoe from shoes.csv: the big export the
// progress test and the import benchmark read. Compile with
// tests/plugins/fit/fit_writer.cpp and tests/plugins/strava_export/export_fixtures.cpp.
#include <cstddef>
#include <cstdint>
#include <string>

namespace tendon::testing {

struct GeneratedExportShape {
  std::size_t runs = 10;                    // one a day, 06:00 UTC
  std::int64_t first_start = 1577858400;    // 2020-01-01T06:00:00Z
  int sample_every_s = 1;                   // FIT record messages: one per this many seconds
};

// The zip's bytes: activities.csv, shoes.csv and activities/<id>.fit.gz for every run.
std::string generated_strava_export(const GeneratedExportShape& shape);

}  // namespace tendon::testing
