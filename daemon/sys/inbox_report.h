#pragma once
// What the daemon says about one inbox file: the log line, and the text of the .reason
// file left beside a failed one.
#include <string>

#include "ingest/import_service.h"

namespace tendon {

// One line, no newline: "tendond: imported FILE: 1 imported, 0 duplicates, 0 already
// imported, 0 warnings (2 alerts raised)", "tendond: failed FILE: reason" or
// "tendond: skipped FILE: reason".
std::string inbox_log_line(const ImportReport& report);

// The reason on the first line, then each warning on a line of its own.
std::string inbox_reason_text(const ImportReport& report);

}  // namespace tendon
