#pragma once
// An alert: what a detector concluded about one activity (or check-in), with the figures it
// compared, a plain message, advice and the evidence behind it. Identity is
// (athlete, subject, kind, category): raising the same alert twice is a no-op.
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "time.h"

namespace tendon {

enum class Severity : int { info = 0, warning = 1, critical = 2 };
const char* to_string(Severity s);
std::optional<Severity> parse_severity(std::string_view text);

enum class AlertKind : int {
  spike,
  weekly_jump,
  acwr,
  shoe_drop,
  shoe_transition,
  shoe_mileage,
  return_break,  // "return" in every external form
  return_overload,
  climb_jump,
  pain,
};
const char* to_string(AlertKind k);
std::optional<AlertKind> parse_alert_kind(std::string_view text);

using FigureValue = std::variant<std::int64_t, double, std::string>;
struct Figure {
  std::string name;
  FigureValue value;
  bool operator==(const Figure&) const = default;
};

// What an alert is about: an activity (store id) or a pain check-in (store id).
struct AlertSubject {
  std::int64_t activity_id = 0;
  std::int64_t checkin_id = 0;
  auto operator<=>(const AlertSubject&) const = default;
};

struct AlertKey {
  AlertSubject subject;
  AlertKind kind = AlertKind::spike;
  std::string category;
  auto operator<=>(const AlertKey&) const = default;
};

struct Alert {
  AlertSubject subject;
  Instant at = 0;  // when the subject happened (run start / check-in time)
  AlertKind kind = AlertKind::spike;
  std::string category;
  Severity severity = Severity::info;
  std::vector<Figure> figures;
  std::string message;
  std::string advice;
  std::string evidence;

  AlertKey key() const { return {subject, kind, category}; }
  const FigureValue* figure(std::string_view name) const;
  // Same conclusion with the same figures: a recomputation that yields an equal alert
  // changes nothing; one with other figures is an update.
  bool same_content(const Alert& other) const {
    return severity == other.severity && figures == other.figures && message == other.message;
  }
};

}  // namespace tendon
