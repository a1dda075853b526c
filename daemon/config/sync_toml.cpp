#include "config/sync_toml.h"

#include "config/toml_values.h"

namespace tendon::config_detail {

namespace {

SyncSourceConfig read_source(const std::string& name, const toml::table& table, const std::string& file,
                             const std::filesystem::path& base) {
  const std::string path = "sync." + name;
  TableReader r(table, path, file);
  SyncSourceConfig s;
  s.source = name;
  if (auto athlete = r.string("athlete")) s.athlete = *athlete;
  if (auto minutes = r.integer("interval_minutes", 1, 24 * 60)) s.interval_minutes = static_cast<int>(*minutes);
  if (auto days = r.integer("backfill_days", 0, 3650)) s.backfill_days = static_cast<int>(*days);
  if (auto url = r.string("base_url")) {
    if (!valid_url(*url)) r.fail("base_url", path + ".base_url: not an http:// or https:// URL with a host (and no spaces)");
    s.settings["base_url"] = *url;
  }
  for (const char* key : {"client_id", "athlete_id"}) {
    if (auto value = r.string(key)) s.settings[key] = *value;
  }
  if (auto size = r.integer("page_size", 1, 200)) s.settings["page_size"] = std::to_string(*size);
  for (const char* key : {"client_secret", "api_key"}) {
    if (std::string secret = read_secret(r, key, base); !secret.empty()) s.settings[key] = std::move(secret);
  }
  // A plugin source's own settings: strings, handed over as they are.
  if (const toml::table* extra = r.table("settings")) {
    TableReader settings(*extra, path + ".settings", file);
    for (auto&& [key, value] : *extra) {
      const std::string k(key.str());
      if (auto text = settings.string(k)) s.settings[k] = *text;
    }
    settings.finish();
  }
  r.finish();
  return s;
}

}  // namespace

std::vector<SyncSourceConfig> read_sync_sources(TableReader& root, const std::filesystem::path& base) {
  std::vector<SyncSourceConfig> sources;
  const toml::table* sync = root.table("sync");
  if (sync == nullptr) return sources;
  TableReader all(*sync, "sync", root.file());
  for (auto&& [key, value] : *sync) {
    const std::string name(key.str());
    const toml::table* t = all.table(name);  // marks known, checks the type
    sources.push_back(read_source(name, *t, root.file(), base));
  }
  return sources;
}

}  // namespace tendon::config_detail
