#include "service/service_events.h"

#include <rapidjson/document.h>

namespace tendon {
namespace {

using rapidjson::Document;
using rapidjson::Value;

void add_string(Document& doc, const char* key, const std::string& text) {
  doc.AddMember(rapidjson::StringRef(key),
                Value(text.c_str(), static_cast<rapidjson::SizeType>(text.size()), doc.GetAllocator()),
                doc.GetAllocator());
}

void add_count(Document& doc, const char* key, std::size_t n) {
  doc.AddMember(rapidjson::StringRef(key), Value(static_cast<std::uint64_t>(n)), doc.GetAllocator());
}

Document alert_params(const std::string& athlete, const Alert& alert) {
  Document doc(rapidjson::kObjectType);
  add_string(doc, "athlete", athlete);
  add_string(doc, "kind", to_string(alert.kind));
  add_string(doc, "category", alert.category);
  add_string(doc, "severity", to_string(alert.severity));
  add_string(doc, "message", alert.message);
  // The store's id of the activity the alert is about; 0 for a check-in's alert.
  doc.AddMember("activity_id", Value(static_cast<std::int64_t>(alert.subject.activity_id)), doc.GetAllocator());
  return doc;
}

}  // namespace

void publish_alert_events(const EventPublisher& publish, const std::string& athlete, const AlertDiff& diff) {
  if (!publish) return;
  for (const auto& alert : diff.raised) publish("Alert.Raised", alert_params(athlete, alert));
  for (const auto& alert : diff.withdrawn) publish("Alert.Withdrawn", alert_params(athlete, alert));
}

void publish_import_events(const EventPublisher& publish, const ImportReport& report) {
  if (!publish) return;
  if (report.failed()) {
    Document doc(rapidjson::kObjectType);
    add_string(doc, "file", report.file.string());
    add_string(doc, "reason", report.error);
    publish("Import.Failed", doc);
    return;
  }
  Document doc(rapidjson::kObjectType);
  add_string(doc, "file", report.file.string());
  add_string(doc, "format", report.format);
  add_count(doc, "imported", report.total(&AthleteImport::imported));
  // Counted as the log line counts them: a richer copy replacing a stored run is a duplicate.
  add_count(doc, "duplicates", report.total(&AthleteImport::duplicates) + report.total(&AthleteImport::replaced));
  add_count(doc, "already_imported", report.total(&AthleteImport::already_imported));
  if (report.skipped_file()) add_string(doc, "skipped", report.skipped);
  publish("Import.Finished", doc);

  for (const auto& athlete : report.athletes) publish_alert_events(publish, athlete.athlete, athlete.alerts);
}

}  // namespace tendon
