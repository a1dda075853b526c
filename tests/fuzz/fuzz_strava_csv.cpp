// libFuzzer target for the Strava export's CSV reading: the RFC 4180 reader, the header
// mapping and every row, on arbitrary bytes. The parser must never crash, hang or read
// out of bounds; a record keeps no more fields than the bound.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "csv_records.h"
#include "strava_rows.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto table = tendon::strava::read_csv(text);
  for (const auto& record : table.records) {
    if (record.fields.size() > tendon::strava::kMaxCsvFields) std::abort();
  }
  if (table.records.empty()) return 0;
  const auto columns = tendon::strava::map_columns(table.records.front().fields);
  if (!columns.error.empty()) return 0;
  for (std::size_t i = 1; i < table.records.size(); ++i) {
    const auto reading = tendon::strava::read_row(columns.columns, table.records[i], i);
    if (reading.row && reading.row->id.empty()) std::abort();  // a row is never kept without its id
  }
  return 0;
}
