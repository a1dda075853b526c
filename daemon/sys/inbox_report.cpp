#include "inbox_report.h"

#include <sstream>

namespace tendon {
namespace {

std::size_t alerts_raised(const ImportReport& report) {
  std::size_t n = 0;
  for (const auto& a : report.athletes) n += a.alerts.raised.size();
  return n;
}

// A reason is shown on one line even when a plugin's message has several.
std::string one_line(std::string text) {
  for (char& c : text) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return text;
}

}  // namespace

std::string inbox_log_line(const ImportReport& report) {
  std::ostringstream out;
  const std::string file = report.file.string();
  if (report.failed()) {
    out << "tendond: failed " << file << ": " << one_line(report.error);
  } else if (report.skipped_file()) {
    out << "tendond: skipped " << file << ": " << one_line(report.skipped);
  } else {
    const std::size_t alerts = alerts_raised(report);
    out << "tendond: imported " << file << ": " << report.total(&AthleteImport::imported) << " imported, "
        << report.total(&AthleteImport::duplicates) + report.total(&AthleteImport::replaced) << " duplicates, "
        << report.total(&AthleteImport::already_imported) << " already imported, " << report.problems.size()
        << (report.problems.size() == 1 ? " warning" : " warnings") << " (" << alerts
        << (alerts == 1 ? " alert raised)" : " alerts raised)");
  }
  return out.str();
}

std::string inbox_reason_text(const ImportReport& report) {
  std::string text = one_line(report.failed() ? report.error : report.skipped) + "\n";
  for (const auto& problem : report.problems) text += one_line(problem) + "\n";
  return text;
}

}  // namespace tendon
