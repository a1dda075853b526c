#pragma once
// RFC 4180 CSV as Strava writes it: comma separated, fields quoted when they hold commas,
// quotes ("" inside) or line breaks; CRLF or LF line ends; an optional UTF-8 BOM.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tendon::strava {

struct CsvRecord {
  std::vector<std::string> fields;
  std::size_t line = 0;  // the line the record starts on (1-based), for messages
};

struct CsvTable {
  std::vector<CsvRecord> records;  // the header is records[0]; blank lines are skipped
  std::string error;               // non-empty: the text is not CSV past some point (and where)
};

// Bounds so that a hostile file costs an error, not the daemon's memory.
inline constexpr std::size_t kMaxCsvFields = 1000;        // per record
inline constexpr std::size_t kMaxCsvFieldBytes = 1 << 20;  // per field

// Reads every record. Stops at the first error (an unterminated quote, a quote inside an
// unquoted field, a bound exceeded); the records before it are kept.
CsvTable read_csv(std::string_view text);

}  // namespace tendon::strava
