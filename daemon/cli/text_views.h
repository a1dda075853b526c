#pragma once
// What tendonctl prints for people (without --json).
#include <string>
#include <vector>

#include "config/config.h"
#include "core/status.h"
#include "core/zone.h"
#include "ingest/import_service.h"
#include "store/store.h"

namespace tendon::cli {

std::string alert_line(const Alert& alert);
std::string alerts_text(const std::vector<StoredAlert>& alerts);
std::string status_text(const AthleteConfig& athlete, const ZoneRules& zone, const Status& status,
                        const std::vector<StoredAlert>& active_alerts);
std::string runs_text(const std::vector<Activity>& runs);
std::string import_text(const ImportReport& report);

}  // namespace tendon::cli
