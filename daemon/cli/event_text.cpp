#include "event_text.h"

#include <ctime>

#include "json_read.h"
#include "text_views.h"

namespace tendon::cli {

using namespace json_read;

namespace {

std::string clock_now() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char buf[16];
  std::strftime(buf, sizeof buf, "%H:%M:%S", &local);
  return buf;
}

std::string import_finished(const rapidjson::Value& p) {
  const std::string head = "imported " + text(p, "file") + " (" + text(p, "format") + ")";
  if (const auto skipped = optional_text(p, "skipped")) return head + ": skipped: " + *skipped;
  return head + ": " + std::to_string(integer(p, "imported")) + " new, " + std::to_string(integer(p, "duplicates")) +
         " duplicates, " + std::to_string(integer(p, "already_imported")) + " already imported";
}

std::string described(const std::string& method, const rapidjson::Value& p) {
  if (method == "Import.Finished") return import_finished(p);
  if (method == "Import.Failed") return "import failed: " + text(p, "file") + ": " + text(p, "reason");
  if (method == "Alert.Raised") return "alert for " + text(p, "athlete") + ": " + alert_line(p);
  if (method == "Alert.Updated") return "alert updated for " + text(p, "athlete") + ": " + alert_line(p);
  if (method == "Alert.Withdrawn") return "alert withdrawn for " + text(p, "athlete") + ": " + alert_line(p);
  return method + " " + compact(p);
}

}  // namespace

std::string event_line(const rapidjson::Value& event) {
  static const rapidjson::Value no_params(rapidjson::kObjectType);
  const std::string method = optional_text(event, "method").value_or("?");
  const rapidjson::Value* params = optional_member(event, "params");
  if (params == nullptr) params = &no_params;
  try {
    return clock_now() + "  " + described(method, *params);
  } catch (const std::runtime_error&) {
    // A member missing from a known event (a daemon of another version): still one line.
    return clock_now() + "  " + method + " " + compact(*params);
  }
}

}  // namespace tendon::cli
