#pragma once
// The JSON shapes tendonctl prints with --json (docs/cli.md lists them). Their own library
// so that tendond answers socket requests with the same shapes: pretty (multi-line, what
// tendonctl prints) by default, compact (one line) for the socket.
#include <string>
#include <vector>

#include "core/status.h"
#include "ingest/import_service.h"
#include "store/store.h"
#include "views/json_style.h"

namespace tendon::cli {

std::string alerts_json(const std::vector<StoredAlert>& alerts, JsonStyle style = JsonStyle::pretty);
std::string status_json(const std::string& athlete, const std::string& timezone, const Status& status,
                        const std::vector<StoredAlert>& active_alerts, JsonStyle style = JsonStyle::pretty);
std::string plan_json(const std::string& athlete, const PlanCheck& plan, JsonStyle style = JsonStyle::pretty);
std::string runs_json(const std::vector<Activity>& runs, JsonStyle style = JsonStyle::pretty);
std::string import_json(const std::vector<ImportReport>& reports, JsonStyle style = JsonStyle::pretty);
// One element of import_json()'s array.
std::string import_report_json(const ImportReport& report, JsonStyle style = JsonStyle::pretty);

}  // namespace tendon::cli
