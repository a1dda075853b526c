#include "csv_records.h"

namespace tendon::strava {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

class CsvReader {
 public:
  explicit CsvReader(std::string_view text) : text_(text) {
    if (text_.substr(0, kBom.size()) == kBom) text_.remove_prefix(kBom.size());
  }

  CsvTable read() {
    CsvTable table;
    while (at_ < text_.size()) {
      CsvRecord record;
      record.line = line_;
      if (!read_record(record, table.error)) break;
      const bool blank = record.fields.size() == 1 && record.fields[0].empty();
      if (!blank) table.records.push_back(std::move(record));
    }
    return table;
  }

 private:
  bool fail(std::string& error, const std::string& what) {
    error = "line " + std::to_string(line_) + ": " + what;
    return false;
  }

  // One record up to and including its line end (CRLF, LF or a lone CR).
  bool read_record(CsvRecord& record, std::string& error) {
    for (;;) {
      std::string field;
      if (!read_field(field, error)) return false;
      if (record.fields.size() == kMaxCsvFields) return fail(error, "more than " + std::to_string(kMaxCsvFields) + " fields");
      record.fields.push_back(std::move(field));
      if (at_ >= text_.size()) return true;
      const char c = text_[at_++];
      if (c == ',') continue;
      if (c == '\r' && at_ < text_.size() && text_[at_] == '\n') ++at_;
      ++line_;
      return true;  // c was a line end: read_field stops only at ',' and line ends
    }
  }

  bool read_field(std::string& field, std::string& error) {
    if (at_ < text_.size() && text_[at_] == '"') return read_quoted(field, error);
    while (at_ < text_.size()) {
      const char c = text_[at_];
      if (c == ',' || c == '\n' || c == '\r') return true;
      if (c == '"') return fail(error, "a quote inside an unquoted field");
      field += c;
      ++at_;
      if (field.size() > kMaxCsvFieldBytes) return fail(error, "a field longer than " + std::to_string(kMaxCsvFieldBytes) + " bytes");
    }
    return true;
  }

  bool read_quoted(std::string& field, std::string& error) {
    const std::size_t opened_on = line_;
    ++at_;  // the opening quote
    for (;;) {
      if (at_ >= text_.size()) {
        line_ = opened_on;
        return fail(error, "a quoted field is never closed");
      }
      const char c = text_[at_++];
      if (c == '"') {
        if (at_ < text_.size() && text_[at_] == '"') {
          field += '"';
          ++at_;
          continue;
        }
        // Closed: only a separator or a line end may follow.
        if (at_ < text_.size() && text_[at_] != ',' && text_[at_] != '\n' && text_[at_] != '\r') {
          return fail(error, "text after a closing quote");
        }
        return true;
      }
      if (c == '\n') ++line_;
      field += c;
      if (field.size() > kMaxCsvFieldBytes) return fail(error, "a field longer than " + std::to_string(kMaxCsvFieldBytes) + " bytes");
    }
  }

  std::string_view text_;
  std::size_t at_ = 0;
  std::size_t line_ = 1;
};

}  // namespace

CsvTable read_csv(std::string_view text) { return CsvReader(text).read(); }

}  // namespace tendon::strava
