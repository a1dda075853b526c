#pragma once
// One [sync.NAME] section of the config (docs/config.md, docs/sync.md): a source the daemon
// polls for new runs (NAME is the source's id: "strava", "intervals", or a plugin's), whose
// athlete gets them, how often, how far back the first round reaches, and the settings
// handed to the source. Secrets given here are held only to be handed over.
#include <map>
#include <string>

namespace tendon {

struct SyncSourceConfig {
  std::string source;                          // "strava"
  std::string athlete;                         // default: the config's first athlete
  int interval_minutes = 15;                   // between rounds
  int backfill_days = 90;                      // the first round reaches this far back
  // For the source (tendon_source_round.setting): base_url, client_id, client_secret,
  // api_key, athlete_id, page_size, and a plugin source's [sync.NAME.settings].
  std::map<std::string, std::string> settings;
};

}  // namespace tendon
