#pragma once
// The JSON shapes tendonctl prints with --json (docs/cli.md lists them). Their own library
// so that tendond answers socket requests with the same shapes (PrettyWriter: multi-line).
#include <string>
#include <vector>

#include "core/status.h"
#include "ingest/import_service.h"
#include "store/store.h"

namespace tendon::cli {

std::string alerts_json(const std::vector<StoredAlert>& alerts);
std::string status_json(const std::string& athlete, const std::string& timezone, const Status& status,
                        const std::vector<StoredAlert>& active_alerts);
std::string plan_json(const std::string& athlete, const PlanCheck& plan);
std::string runs_json(const std::vector<Activity>& runs);
std::string import_json(const std::vector<ImportReport>& reports);

}  // namespace tendon::cli
