#include "import_service.h"

#include <algorithm>

#include "athlete_engine.h"
#include "file_formats.h"
#include "judgement_basis.h"
#include "shoe_sync.h"

namespace tendon {

std::size_t ImportReport::total(std::size_t AthleteImport::*field) const {
  std::size_t n = 0;
  for (const auto& a : athletes) n += a.*field;
  return n;
}

ImportService::ImportService(Store& store, const Config& config, const ShoeCatalogue& catalogue,
                             const PluginHost& plugins)
    : store_(store), config_(config), catalogue_(catalogue), plugins_(plugins) {}

ImportReport ImportService::import_file(const std::filesystem::path& file, const std::optional<std::string>& athlete,
                                        Instant now) {
  std::string bytes;
  try {
    bytes = read_file_bytes(file, kMaxFileBytes);
  } catch (const std::exception& e) {
    ImportReport report;
    report.file = file;
    report.error = e.what();
    return report;
  }
  return import_bytes(file, bytes, athlete, now);
}

ImportReport ImportService::import_bytes(const std::filesystem::path& name, std::string_view bytes,
                                         const std::optional<std::string>& athlete, Instant now) {
  return store_parsed(name, parse_file_bytes(plugins_, name, bytes), athlete, now);
}

ImportReport ImportService::store_parsed(const std::filesystem::path& name, ParsedFile parsed,
                                         const std::optional<std::string>& athlete, Instant now) {
  ImportReport report;
  report.file = name;
  report.format = parsed.format;
  report.problems = std::move(parsed.problems);
  if (parsed.not_activity) {
    report.skipped = parsed.fatal;
    return report;
  }
  if (!parsed.fatal.empty()) {
    report.error = parsed.fatal;
    return report;
  }

  const std::string fallback = athlete.value_or(config_.default_athlete().name);
  if (!config_.athlete(fallback)) {
    report.error = "unknown athlete '" + fallback + "' (not in the config)";
    return report;
  }
  // Group by athlete, keeping file order within each.
  std::map<std::string, std::vector<Activity>> by_athlete;
  for (auto& a : parsed.activities) {
    if (a.athlete.empty()) a.athlete = fallback;
    if (!config_.athlete(a.athlete)) {
      report.problems.push_back("activity " + a.source_id + ": unknown athlete '" + a.athlete + "' (skipped)");
      continue;
    }
    a.source_name = name.filename().string();
    by_athlete[a.athlete].push_back(std::move(a));
  }

  try {
    Store::Transaction tx(store_);
    for (auto& [athlete_name, activities] : by_athlete) {
      report.athletes.push_back(
          store_for_athlete(*config_.athlete(athlete_name), std::move(activities), parsed.gear, now));
    }
    tx.commit();
  } catch (const std::exception& e) {
    // Rolled back: nothing of this file is stored, and no alert of it may be reported.
    report.athletes.clear();
    report.error = e.what();
  }
  return report;
}

AthleteImport ImportService::store_for_athlete(const AthleteConfig& athlete, std::vector<Activity> activities,
                                               const std::vector<Shoe>& gear,
                                               Instant now) {
  AthleteImport result;
  result.athlete = athlete.name;
  store_.ensure_athlete(athlete.name, athlete.timezone);
  sync_configured_shoes(store_, athlete);
  result.new_shoes = add_shoes_seen_in(store_, athlete.name, activities, catalogue_, gear);
  const AlertDiff rejudged = rejudge_if_basis_changed(store_, config_, athlete, now);
  auto engine = load_engine(store_, athlete);

  std::vector<Activity> added;
  std::vector<std::int64_t> removed;
  for (auto& a : activities) {
    if (store_.find_by_source(athlete.name, a.source_kind, a.source_id)) {
      ++result.already_imported;
      continue;
    }
    std::optional<Activity> same;
    for (auto& near : store_.activities_near(athlete.name, a.start, 60)) {
      if (is_same_run(near, a)) {
        same = std::move(near);
        break;
      }
    }
    if (!same) {
      a.id = store_.insert_activity(a);
      added.push_back(a);
      ++result.imported;
    } else if (a.source_kind > same->source_kind ||
               (a.source_kind == same->source_kind && a.source_id < same->source_id)) {
      // The richer source's figures win (between equals, the smaller source id, so the
      // result never depends on which arrived first); the run keeps its id and alerts.
      store_.replace_activity(same->id, a);
      a.id = same->id;
      const auto in_batch = std::find_if(added.begin(), added.end(), [&](const Activity& x) { return x.id == a.id; });
      if (in_batch != added.end()) {
        *in_batch = a;  // stored earlier in this very import: the engine has not seen it yet
      } else {
        removed.push_back(same->id);
        added.push_back(a);
      }
      ++result.replaced;
    } else {
      store_.add_source(same->id, a.source_kind, a.source_id, a.source_name);
      ++result.duplicates;
    }
  }
  result.alerts = engine->apply(added, removed);
  save_alert_diff(store_, config_, athlete.name, result.alerts, now);
  // What the config change itself raised or withdrew belongs to this report too.
  result.alerts.raised.insert(result.alerts.raised.begin(), rejudged.raised.begin(), rejudged.raised.end());
  result.alerts.updated.insert(result.alerts.updated.begin(), rejudged.updated.begin(), rejudged.updated.end());
  result.alerts.withdrawn.insert(result.alerts.withdrawn.begin(), rejudged.withdrawn.begin(), rejudged.withdrawn.end());
  return result;
}

}  // namespace tendon
