#pragma once
// activities.csv: which column holds what (every English header generation, the repeated
// columns addressed by occurrence), and each row read into the figures Tendon needs.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "csv_records.h"

namespace tendon::strava {

inline constexpr int kAbsent = -1;

// Column indexes (kAbsent when the header has no such column).
struct StravaColumns {
  bool legacy = false;  // the ~2018 lower-case header: id,date,name,type,...,gear,filename
  int id = kAbsent, date = kAbsent, name = kAbsent, type = kAbsent;
  int elapsed = kAbsent, moving = kAbsent, distance_m = kAbsent;
  int ascent = kAbsent, avg_hr = kAbsent, gear = kAbsent, filename = kAbsent;
  std::size_t width = 0;  // fields in the header
};

struct ColumnsReading {
  StravaColumns columns;
  std::string error;  // non-empty: the header is not understood, naming the column
};

// Understands the 86- and 103-column English headers, subsets of them (test fixtures),
// and the legacy lower-case one. A header in another language is an error naming its
// first column: mapping localised names or positions by guess risks a wrong import.
ColumnsReading map_columns(const std::vector<std::string>& header);

struct StravaRow {
  std::size_t number = 0;  // 1-based among the data rows
  std::size_t line = 0;    // where it starts in activities.csv
  std::string id, name, type, gear, filename;
  std::optional<std::int64_t> start_ms;  // UTC (Strava writes UTC without a marker)
  double distance_m, elapsed_s, moving_s, ascent_m, avg_hr;  // NaN when empty
};

struct RowReading {
  std::optional<StravaRow> row;
  std::string problem;  // when row is empty: why it is skipped
};

RowReading read_row(const StravaColumns& columns, const CsvRecord& record, std::size_t number);

// "Jan 2, 2026, 7:00:00 AM" (U+202F or U+00A0 before AM/PM too), "19 Feb 2022, 10:14:12",
// "2014-09-12 16:54:28", "2014-09-12T16:54:28Z": Unix milliseconds, UTC.
std::optional<std::int64_t> parse_strava_date(std::string_view text);

// "row 3 (activity 123)" for messages.
std::string row_label(const StravaRow& row);

}  // namespace tendon::strava
