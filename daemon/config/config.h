#pragma once
// The daemon's and the CLI's configuration: a TOML file (config/tendon.toml documents every
// option), or the defaults when there is none, so a new user needs no config to start.
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "config/shoe_catalogue.h"
#include "config/sync_config.h"
#include "config/webhook_config.h"
#include "core/activity.h"
#include "core/alert.h"
#include "core/push_policy.h"
#include "core/thresholds.h"

namespace tendon {

// "FILE:LINE:COLUMN: reason" for a bad file, "FILE: reason" when there is no position.
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct AthleteConfig {
  std::string name;                               // key: [athletes.NAME]
  std::string timezone;                           // IANA name; default: the system's
  std::vector<std::filesystem::path> inboxes;     // watch folders
  std::vector<Shoe> shoes;                        // drop filled from the catalogue when unset
  Thresholds thresholds;                          // global [thresholds] + per-athlete overrides
};

// An executable importer ([[exec_importers]]): any program that prints activity-log JSON
// lines on stdout for a file given on its stdin (docs/plugins.md).
struct ExecImporterConfig {
  std::string id;
  std::vector<std::string> command;   // absolute program path, then its arguments
  std::vector<std::string> suffixes;  // lower-case, with the dot: ".polar.json"
  int timeout_s = 30;
};

struct Config {
  std::filesystem::path file;        // the file it came from; empty when built from defaults
  // Defaults: $STATE_DIRECTORY/tendon.db and $STATE_DIRECTORY/plugins under systemd, else
  // $XDG_DATA_HOME/tendon/tendon.db and $XDG_DATA_HOME/tendon/plugins.
  std::filesystem::path database;
  std::filesystem::path plugin_dir;
  std::vector<ExecImporterConfig> exec_importers;
  std::filesystem::path shoe_catalogue;  // optional extra catalogue CSV; empty: bundled only
  Severity push_min_severity = Severity::warning;
  int push_max_age_hours = 72;
  // [desktop] notifications: nullopt when the file does not say; tendond then shows them in
  // user mode and not with --system (a system service has no session bus).
  std::optional<bool> desktop_notifications;
  std::vector<WebhookConfig> webhooks;  // [[webhooks]], in file order
  std::vector<SyncSourceConfig> sync;   // [sync.NAME], by name
  std::vector<AthleteConfig> athletes;  // never empty

  const AthleteConfig* athlete(std::string_view name) const;
  const AthleteConfig& default_athlete() const { return athletes.front(); }
};

// [push] as a rule for core/push_policy.h; `min_severity` replaces the minimum for a
// channel that sets its own (a webhook's min_severity).
inline PushRule push_rule(const Config& config, std::optional<Severity> min_severity = std::nullopt) {
  return PushRule{min_severity.value_or(config.push_min_severity),
                  static_cast<Instant>(config.push_max_age_hours) * 3600};
}

// $CONFIGURATION_DIRECTORY/tendon.toml under systemd (ConfigurationDirectory=), else
// $XDG_CONFIG_HOME/tendon/tendon.toml (or ~/.config/tendon/tendon.toml).
std::filesystem::path default_config_path();

// Reads and validates a config file. Unknown keys and bad values are ConfigError naming
// file and line. Relative paths in the file are resolved against the file's folder.
Config load_config(const std::filesystem::path& file);

// The defaults: one athlete named after the user ($USER, else "me") in the system's time
// zone, inbox ~/Tendon/inbox, database under $XDG_DATA_HOME/tendon.
Config default_config();

// The catalogue shoe drops come from: the bundled one, merged with config.shoe_catalogue
// when set. Throws ConfigError when that file cannot be read or parsed.
ShoeCatalogue effective_shoe_catalogue(const Config& config);

// explicit_file set: that file must exist. Otherwise the default path when it exists,
// else default_config().
Config load_config_or_defaults(const std::optional<std::filesystem::path>& explicit_file);

// The machine's IANA zone: $TZ (a leading ':' stripped; set but empty means UTC, as in
// glibc), then the /etc/localtime link's target after ".../zoneinfo/", then /etc/timezone;
// "UTC" when none names a known zone. /etc/localtime comes before /etc/timezone because it
// is what libc reads; Debian's /etc/timezone can be stale.
std::string system_timezone();
// The same with its inputs explicit (tests): tz_env is $TZ's value, nullptr when unset.
std::string system_timezone_from(const char* tz_env, const std::filesystem::path& localtime_link,
                                 const std::filesystem::path& timezone_file);

}  // namespace tendon
