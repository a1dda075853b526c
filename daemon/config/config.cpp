#include "config/config.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <system_error>

#include <toml++/toml.h>

#include "config/iana_zone.h"
#include "config/paths.h"
#include "config/shoe_catalogue.h"
#include "config/thresholds_toml.h"
#include "config/toml_reader.h"
#include "config/sync_toml.h"
#include "config/webhooks_toml.h"

namespace tendon {

namespace {

namespace fs = std::filesystem;
using config_detail::element_path;
using config_detail::fail_at;
using config_detail::TableReader;

constexpr double kMaxDropMm = 20;
constexpr double kMaxDistanceKm = 100000;
constexpr std::int64_t kMaxPushAgeHours = 24 * 366 * 10;

fs::path default_database() {
  if (auto state = config_detail::systemd_dir("STATE_DIRECTORY")) return *state / "tendon.db";
  return config_detail::xdg_data_home() / "tendon" / "tendon.db";
}

fs::path default_plugin_dir() {
  if (auto state = config_detail::systemd_dir("STATE_DIRECTORY")) return *state / "plugins";
  return config_detail::xdg_data_home() / "tendon" / "plugins";
}

std::string default_athlete_name() { return config_detail::env("USER").value_or("me"); }

fs::path default_inbox() { return config_detail::home_dir() / "Tendon" / "inbox"; }

std::string lower(std::string_view text) {
  std::string s(text);
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

std::string trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t");
  return std::string(s.substr(first, last - first + 1));
}

// A key for messages: bare when TOML allows it bare, else quoted.
std::string toml_key(std::string_view key) {
  const bool bare = !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '-';
  });
  return bare ? std::string(key) : "\"" + std::string(key) + "\"";
}

bool before(const toml::source_position& a, const toml::source_position& b) {
  return a.line < b.line || (a.line == b.line && a.column < b.column);
}

std::string read_file(const fs::path& file) {
  std::error_code ec;
  if (fs::is_directory(file, ec)) throw ConfigError(file.string() + ": is a folder, not a file");
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    throw ConfigError(file.string() + ": cannot open: " + std::strerror(errno));
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw ConfigError(file.string() + ": cannot read: " + std::strerror(errno));
  return text.str();
}

class Loader {
 public:
  explicit Loader(const fs::path& file) : file_(file.string()) {
    std::error_code ec;
    const fs::path absolute = fs::absolute(file, ec);
    config_.file = (ec ? file : absolute).lexically_normal();
    base_ = config_.file.parent_path();
  }

  Config load() {
    const std::string text = read_file(file_);
    toml::table root_table;
    try {
      root_table = toml::parse(text, file_);
    } catch (const toml::parse_error& e) {
      fail_at(file_, e.source().begin, std::string(e.description()));
    }
    TableReader root(root_table, "", file_);

    config_.database = path_or(root, "database", default_database());
    config_.plugin_dir = path_or(root, "plugin_dir", default_plugin_dir());
    if (root.get("shoe_catalogue") != nullptr) {
      config_.shoe_catalogue = path_or(root, "shoe_catalogue", {});
    }
    read_push(root);
    read_desktop(root);
    config_.webhooks = config_detail::read_webhooks(root, base_, config_.push_min_severity);
    config_.sync = config_detail::read_sync_sources(root, base_);
    read_exec_importers(root);
    if (const toml::table* t = root.table("thresholds")) {
      config_detail::read_thresholds(*t, "thresholds", file_, thresholds_);
    }
    catalogue_ = ShoeCatalogue::bundled();
    if (!config_.shoe_catalogue.empty()) {
      try {
        catalogue_.merge(ShoeCatalogue::load(config_.shoe_catalogue));
      } catch (const std::runtime_error& e) {
        root.fail("shoe_catalogue", std::string("shoe_catalogue: ") + e.what());
      }
    }
    if (const toml::table* athletes = root.table("athletes")) {
      read_athletes(*athletes);
    } else {
      config_.athletes.push_back(default_athlete());
    }
    check_sync_athletes(root);
    root.finish();
    return std::move(config_);
  }

 private:
  // A [sync.NAME] without an athlete syncs for the first one; a named one must exist.
  void check_sync_athletes(TableReader& root) {
    for (auto& s : config_.sync) {
      if (s.athlete.empty()) {
        s.athlete = config_.athletes.front().name;
      } else if (config_.athlete(s.athlete) == nullptr) {
        fail_at(file_, root.table("sync")->get(s.source)->as_table()->get("athlete")->source().begin,
                "sync." + s.source + ".athlete: unknown athlete '" + s.athlete + "'");
      }
    }
  }

  const std::string& zone() {
    if (!system_zone_) system_zone_ = system_timezone();
    return *system_zone_;
  }

  AthleteConfig default_athlete() {
    AthleteConfig a;
    a.name = default_athlete_name();
    a.timezone = zone();
    a.inboxes = {default_inbox()};
    a.thresholds = thresholds_;
    return a;
  }

  // A path value: "~/x" is under the home folder, a relative one under the file's folder.
  fs::path resolve(const toml::node& node, const std::string& what) {
    const auto* s = node.as_string();
    if (s == nullptr) {
      fail_at(file_, node.source().begin,
              what + " must be a string (a path), not " + config_detail::type_name(node));
    }
    if (trim(s->get()).empty()) fail_at(file_, node.source().begin, what + " is empty");
    auto path = config_detail::resolve_path(s->get(), base_);
    if (!path) {
      fail_at(file_, node.source().begin,
              what + ": only ~ and ~/ are expanded, not ~user (write the full path)");
    }
    return *path;
  }

  fs::path path_or(TableReader& r, std::string_view key, fs::path fallback) {
    const toml::node* node = r.get(key);
    if (node == nullptr) return fallback;
    return resolve(*node, r.key_path(key));
  }

  void read_push(TableReader& root) {
    const toml::table* t = root.table("push");
    if (t == nullptr) return;
    TableReader r(*t, "push", file_);
    if (auto s = r.string("min_severity")) {
      const auto severity = parse_severity(*s);
      if (!severity) {
        r.fail("min_severity", "push.min_severity: unknown severity '" + *s +
                                   "' (one of info, warning, critical)");
      }
      config_.push_min_severity = *severity;
    }
    if (auto h = r.integer("max_age_hours", 1, kMaxPushAgeHours)) {
      config_.push_max_age_hours = static_cast<int>(*h);
    }
    r.finish();
  }

  void read_desktop(TableReader& root) {
    const toml::table* t = root.table("desktop");
    if (t == nullptr) return;
    TableReader r(*t, "desktop", file_);
    config_.desktop_notifications = r.boolean("notifications");
    r.finish();
  }

  void read_exec_importers(TableReader& root) {
    const toml::array* list = root.array("exec_importers");
    if (list == nullptr) return;
    for (std::size_t i = 0; i < list->size(); ++i) {
      const toml::node& node = *list->get(i);
      const std::string path = element_path("exec_importers", i);
      const auto* t = node.as_table();
      if (t == nullptr) {
        fail_at(file_, node.source().begin,
                path + " must be a table ([[exec_importers]]), not " + config_detail::type_name(node));
      }
      config_.exec_importers.push_back(read_exec_importer(*t, path));
    }
  }

  ExecImporterConfig read_exec_importer(const toml::table& table, const std::string& path) {
    TableReader r(table, path, file_);
    ExecImporterConfig e;
    e.id = trim(r.string("id").value_or(""));
    if (e.id.empty()) r.fail_here(path + ": an exec importer needs an id");
    const toml::array* command = r.array("command");
    if (command == nullptr || command->empty()) {
      r.fail_here(path + ": command must list the program and its arguments, e.g. [\"/usr/local/bin/x\"]");
    }
    for (std::size_t i = 0; i < command->size(); ++i) {
      const toml::node& arg = *command->get(i);
      const auto* text = arg.as_string();
      if (text == nullptr) {
        fail_at(file_, arg.source().begin, element_path(path + ".command", i) + " must be a string");
      }
      // The program itself is a path (~ expanded, relative to this file); arguments are kept.
      e.command.push_back(i == 0 ? resolve(arg, element_path(path + ".command", i)).string() : text->get());
    }
    if (const toml::array* suffixes = r.array("suffixes")) {
      for (std::size_t i = 0; i < suffixes->size(); ++i) {
        const toml::node& suffix = *suffixes->get(i);
        const auto* text = suffix.as_string();
        const std::string where = element_path(path + ".suffixes", i);
        if (text == nullptr || text->get().size() < 2 || text->get()[0] != '.') {
          fail_at(file_, suffix.source().begin, where + " must be a file suffix starting with '.', e.g. \".polar\"");
        }
        e.suffixes.push_back(lower(text->get()));
      }
    }
    if (e.suffixes.empty()) r.fail_here(path + ": suffixes must name at least one file suffix");
    if (auto timeout = r.integer("timeout_s", 1, 3600)) e.timeout_s = static_cast<int>(*timeout);
    r.finish();
    return e;
  }

  void read_athletes(const toml::table& athletes) {
    TableReader all(athletes, "athletes", file_);
    struct Entry {
      toml::source_position where;
      std::string name;
      const toml::table* table;
    };
    std::vector<Entry> entries;
    for (auto&& [key, value] : athletes) {
      const std::string name(key.str());
      const toml::table* t = all.table(name);  // marks known, checks the type
      entries.push_back({value.source().begin, name, t});
    }
    if (entries.empty()) {
      all.fail_here("[athletes] names no athlete (remove it to use the default athlete, or add "
                    "[athletes.NAME])");
    }
    // toml++ keeps keys sorted; the first athlete in the file is the default one.
    std::stable_sort(entries.begin(), entries.end(),
                     [](const Entry& a, const Entry& b) { return before(a.where, b.where); });
    for (const auto& e : entries) {
      config_.athletes.push_back(read_athlete(all, e.name, *e.table, entries.size() == 1));
    }
  }

  AthleteConfig read_athlete(const TableReader& all, const std::string& name,
                             const toml::table& table, bool only_athlete) {
    const std::string path = "athletes." + toml_key(name);
    if (trim(name).empty() ||
        std::any_of(name.begin(), name.end(),
                    [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; })) {
      all.fail(name, path + ": an athlete name must be non-empty text without control "
                            "characters");
    }
    TableReader r(table, path, file_);
    AthleteConfig a;
    a.name = name;

    if (auto tz = r.string("timezone")) {
      if (!is_known_zone(*tz)) {
        r.fail("timezone", path + ".timezone: unknown time zone '" + *tz +
                               "' (an IANA name such as Europe/Berlin)");
      }
      a.timezone = *tz;
    } else {
      a.timezone = zone();
    }

    if (const toml::array* inboxes = r.array("inboxes")) {
      const std::string inbox_path = path + ".inboxes";
      for (std::size_t i = 0; i < inboxes->size(); ++i) {
        const toml::node& node = *inboxes->get(i);
        fs::path inbox = resolve(node, element_path(inbox_path, i));
        claim_inbox(inbox, name, node.source().begin);
        a.inboxes.push_back(std::move(inbox));
      }
    } else if (only_athlete) {
      claim_inbox(default_inbox(), name, r.where());
      a.inboxes.push_back(default_inbox());
    }

    a.thresholds = thresholds_;
    if (const toml::table* t = r.table("thresholds")) {
      config_detail::read_thresholds(*t, path + ".thresholds", file_, a.thresholds);
    }

    if (const toml::array* shoes = r.array("shoes")) {
      std::map<std::string, toml::source_position> names;
      for (std::size_t i = 0; i < shoes->size(); ++i) {
        const toml::node& node = *shoes->get(i);
        const std::string shoe_path = element_path(path + ".shoes", i);
        const auto* t = node.as_table();
        if (t == nullptr) {
          fail_at(file_, node.source().begin,
                  shoe_path + " must be a table ([[" + path + ".shoes]]), not " +
                      config_detail::type_name(node));
        }
        Shoe shoe = read_shoe(*t, shoe_path, a.thresholds);
        const std::string key = lower(shoe.name);
        if (auto it = names.find(key); it != names.end()) {
          fail_at(file_, t->get("name")->source().begin,
                  shoe_path + ": duplicate shoe name '" + shoe.name + "' (also on line " +
                      std::to_string(it->second.line) + ")");
        }
        names.emplace(key, t->get("name")->source().begin);
        a.shoes.push_back(std::move(shoe));
      }
    }
    r.finish();
    return a;
  }

  // Two athletes watching one folder would both claim every file in it.
  void claim_inbox(const fs::path& inbox, const std::string& athlete,
                   const toml::source_position& where) {
    const auto [it, fresh] = inbox_owner_.emplace(inbox.string(), athlete);
    if (!fresh) {
      fail_at(file_, where,
              "inbox " + inbox.string() + " is listed twice (already an inbox of athlete '" +
                  it->second + "')");
    }
  }

  Shoe read_shoe(const toml::table& table, const std::string& path, const Thresholds& th) {
    TableReader r(table, path, file_);
    Shoe shoe;
    auto name = r.string("name");
    if (!name) r.fail_here(path + ": a shoe needs a name");
    shoe.name = trim(*name);
    if (shoe.name.empty()) r.fail("name", path + ".name is empty");
    shoe.brand = trim(r.string("brand").value_or(""));
    shoe.model = trim(r.string("model").value_or(""));
    shoe.drop_mm = r.number("drop_mm", 0, kMaxDropMm);
    shoe.start_distance_m = r.number("start_distance_km", 0, kMaxDistanceKm).value_or(0) * 1000;
    shoe.worn_km = r.number("worn_km", 0, kMaxDistanceKm);
    shoe.replace_km = r.number("replace_km", 0, kMaxDistanceKm);
    shoe.retired = r.boolean("retired").value_or(false);
    r.finish();

    const double worn = shoe.worn_km.value_or(th.mileage.worn_km);
    const double replace = shoe.replace_km.value_or(th.mileage.replace_km);
    if (worn > replace) {
      r.fail(shoe.worn_km ? "worn_km" : "replace_km",
             path + ": worn_km (" + config_detail::format_number(worn) +
                 ") must not be above replace_km (" + config_detail::format_number(replace) +
                 ")");
    }
    catalogue_.fill_drop(shoe);
    return shoe;
  }

  std::string file_;  // as the caller named it: errors say this
  fs::path base_;     // relative paths start here
  Config config_;
  Thresholds thresholds_;  // the global [thresholds]
  ShoeCatalogue catalogue_;
  std::optional<std::string> system_zone_;
  std::map<std::string, std::string> inbox_owner_;
};

}  // namespace

const AthleteConfig* Config::athlete(std::string_view name) const {
  for (const auto& a : athletes) {
    if (a.name == name) return &a;
  }
  return nullptr;
}

fs::path default_config_path() {
  if (auto dir = config_detail::systemd_dir("CONFIGURATION_DIRECTORY")) return *dir / "tendon.toml";
  return config_detail::xdg_config_home() / "tendon" / "tendon.toml";
}

Config load_config(const fs::path& file) { return Loader(file).load(); }

Config default_config() {
  Config config;
  config.database = default_database();
  config.plugin_dir = default_plugin_dir();
  AthleteConfig a;
  a.name = default_athlete_name();
  a.timezone = system_timezone();
  a.inboxes = {default_inbox()};
  config.athletes.push_back(std::move(a));
  return config;
}

Config load_config_or_defaults(const std::optional<fs::path>& explicit_file) {
  if (explicit_file) return load_config(*explicit_file);
  const fs::path path = default_config_path();
  std::error_code ec;
  if (fs::exists(path, ec)) return load_config(path);
  return default_config();
}

ShoeCatalogue effective_shoe_catalogue(const Config& config) {
  ShoeCatalogue catalogue = ShoeCatalogue::bundled();
  if (!config.shoe_catalogue.empty()) {
    try {
      catalogue.merge(ShoeCatalogue::load(config.shoe_catalogue));
    } catch (const std::runtime_error& e) {
      throw ConfigError(e.what());
    }
  }
  return catalogue;
}

}  // namespace tendon
