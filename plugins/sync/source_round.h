#pragma once
// The built-in sources' C++ view of a tendon_source_round (ABI 1.2): settings, secrets,
// HTTP, handing over activities and files, commits and rate-limit notes, each a call
// through the struct the host gave, with the struct_size check done once here.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tendon/plugin.h"

namespace tendon::sync {

struct HttpAnswer {
  int status = 0;                 // 0: no answer (error says why)
  std::string error;
  std::string body;
  std::map<std::string, std::string> headers;  // names lower-case
  bool cancelled = false;         // the daemon is stopping: return TENDON_ERR_CANCELLED

  std::optional<std::string> header(const std::string& lower_name) const;
  bool ok() const { return status >= 200 && status < 300; }
  // "HTTP 500", or the network error, for reports.
  std::string summary() const;
};

// What a source hands over for one activity, before it becomes a tendon_activity.
struct ActivityFields {
  std::string source_id;          // "strava:123"
  std::string sport;              // the service's word ("Run"); the host normalises it
  std::int64_t start_ms = 0;
  std::optional<std::int32_t> utc_offset_s;
  double distance_m = 0;
  std::optional<double> elapsed_s;
  std::optional<double> moving_s;
  std::optional<double> ascent_m;
  std::optional<double> avg_hr;
  std::string shoe;               // "" none
  std::string device;             // "" none
};

struct GearFields {
  std::string name;
  std::string brand;
  std::string model;
  int retired = -1;               // 1, 0, -1 unknown
};

class SourceRound {
 public:
  explicit SourceRound(const tendon_source_round* round) : round_(round) {}

  std::optional<std::string> cursor() const;
  std::int64_t now_ms() const { return round_->now_ms; }
  std::int64_t backfill_from_ms() const { return round_->backfill_from_ms; }
  std::optional<std::string> setting(const char* key) const;
  std::optional<std::string> secret(const char* name) const;
  bool store_secrets(const std::map<std::string, std::string>& secrets) const;

  HttpAnswer get(const std::string& url, const std::vector<std::string>& headers) const;
  HttpAnswer post_form(const std::string& url, const std::vector<std::pair<std::string, std::string>>& fields) const;

  bool emit(const ActivityFields& activity) const;  // false: the host asks to stop
  bool emit_file(const std::string& name, std::string_view bytes) const;
  void gear(const GearFields& gear) const;
  bool commit(const std::string& cursor) const;     // false: not stored; stop the round
  void report(tendon_level level, const std::string& message) const;
  void rate_budget(std::int64_t short_window_left, std::int64_t daily_left) const;
  void defer_until(std::int64_t until_ms) const;

 private:
  HttpAnswer exchange(const char* method, const std::string& url, const std::vector<std::string>& headers,
                      const std::string& body) const;
  const tendon_source_round* round_;
};

// application/x-www-form-urlencoded escaping of one value (RFC 3986 unreserved kept).
std::string url_encode(std::string_view text);
// Standard base64 with padding (HTTP basic auth).
std::string base64(std::string_view bytes);

}  // namespace tendon::sync
