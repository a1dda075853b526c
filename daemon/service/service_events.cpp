#include "service/service_events.h"

#include <algorithm>
#include <map>
#include <variant>

namespace tendon {
namespace {

using rapidjson::Document;
using rapidjson::Value;

Value string_value(const std::string& text, Document::AllocatorType& allocator) {
  return Value(text.c_str(), static_cast<rapidjson::SizeType>(text.size()), allocator);
}

void add_string(Document& doc, const char* key, const std::string& text) {
  doc.AddMember(rapidjson::StringRef(key), string_value(text, doc.GetAllocator()), doc.GetAllocator());
}

void add_count(Document& doc, const char* key, std::size_t n) {
  doc.AddMember(rapidjson::StringRef(key), Value(static_cast<std::uint64_t>(n)), doc.GetAllocator());
}

Value figure_value(const FigureValue& value, Document::AllocatorType& allocator) {
  if (const auto* n = std::get_if<std::int64_t>(&value)) return Value(*n);
  if (const auto* d = std::get_if<double>(&value)) return Value(*d);
  return string_value(std::get<std::string>(value), allocator);
}

Value figures_object(const std::vector<Figure>& figures, Document::AllocatorType& allocator) {
  Value object(rapidjson::kObjectType);
  for (const auto& f : figures) object.AddMember(string_value(f.name, allocator), figure_value(f.value, allocator), allocator);
  return object;
}

// The stored ids of the diff's alerts, read in one query (a bulk import may carry
// thousands): every alert of the athlete from the diff's earliest subject on, withdrawn
// ones included (a withdrawal keeps its row and id).
std::map<AlertKey, std::int64_t> stored_ids(Store& store, const std::string& athlete, const AlertDiff& diff) {
  std::map<AlertKey, std::int64_t> ids;
  std::optional<Instant> earliest;
  for (const auto* list : {&diff.raised, &diff.updated, &diff.withdrawn}) {
    for (const auto& a : *list) earliest = std::min(earliest.value_or(a.at), a.at);
  }
  if (!earliest) return ids;
  AlertQuery query;
  query.athlete = athlete;
  query.include_withdrawn = true;
  query.since = *earliest;
  for (const auto& row : store.list_alerts(query)) ids.emplace(row.alert.key(), row.id);
  return ids;
}

// "athlete": the one whose runs the file held (the first when it held several athletes'),
// null when none; "athletes": all of them.
void add_athletes(Document& doc, const ImportReport& report) {
  auto& allocator = doc.GetAllocator();
  Value names(rapidjson::kArrayType);
  for (const auto& a : report.athletes) names.PushBack(string_value(a.athlete, allocator), allocator);
  if (report.athletes.empty()) {
    doc.AddMember("athlete", Value(rapidjson::kNullType), allocator);
  } else {
    doc.AddMember("athlete", string_value(report.athletes.front().athlete, allocator), allocator);
  }
  doc.AddMember("athletes", names, allocator);
}

}  // namespace

Document alert_event_params(const std::string& athlete, std::int64_t id, const Alert& alert) {
  Document doc(rapidjson::kObjectType);
  auto& allocator = doc.GetAllocator();
  doc.AddMember("id", Value(id), allocator);
  add_string(doc, "athlete", athlete);
  add_string(doc, "kind", to_string(alert.kind));
  add_string(doc, "category", alert.category);
  add_string(doc, "severity", to_string(alert.severity));
  add_string(doc, "message", alert.message);
  add_string(doc, "at", format_iso8601_utc(alert.at));
  // The store's id of the activity the alert is about; 0 for a check-in's alert.
  doc.AddMember("activity_id", Value(static_cast<std::int64_t>(alert.subject.activity_id)), allocator);
  doc.AddMember("figures", figures_object(alert.figures, allocator), allocator);
  return doc;
}

void publish_alert_events(const EventPublisher& publish, Store& store, const std::string& athlete,
                          const AlertDiff& diff) {
  if (!publish || diff.empty()) return;
  const auto ids = stored_ids(store, athlete, diff);
  const auto send = [&](const char* event, const std::vector<Alert>& alerts) {
    for (const auto& alert : alerts) {
      const auto found = ids.find(alert.key());
      publish(event, alert_event_params(athlete, found == ids.end() ? 0 : found->second, alert));
    }
  };
  send("Alert.Raised", diff.raised);
  send("Alert.Updated", diff.updated);
  send("Alert.Withdrawn", diff.withdrawn);
}

void publish_import_events(const EventPublisher& publish, Store& store, const ImportReport& report) {
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
  add_athletes(doc, report);
  add_count(doc, "imported", report.total(&AthleteImport::imported));
  // Counted as the log line counts them: a richer copy replacing a stored run is a duplicate.
  add_count(doc, "duplicates", report.total(&AthleteImport::duplicates) + report.total(&AthleteImport::replaced));
  add_count(doc, "already_imported", report.total(&AthleteImport::already_imported));
  if (report.skipped_file()) add_string(doc, "skipped", report.skipped);
  publish("Import.Finished", doc);

  for (const auto& athlete : report.athletes) publish_alert_events(publish, store, athlete.athlete, athlete.alerts);
}

}  // namespace tendon
