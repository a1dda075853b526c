#include "alert.h"

namespace tendon {

const char* to_string(Severity s) {
  switch (s) {
    case Severity::info: return "info";
    case Severity::warning: return "warning";
    case Severity::critical: return "critical";
  }
  return "info";
}

std::optional<Severity> parse_severity(std::string_view text) {
  for (auto s : {Severity::info, Severity::warning, Severity::critical}) {
    if (text == to_string(s)) return s;
  }
  return std::nullopt;
}

const char* to_string(AlertKind k) {
  switch (k) {
    case AlertKind::spike: return "spike";
    case AlertKind::weekly_jump: return "weekly_jump";
    case AlertKind::acwr: return "acwr";
    case AlertKind::shoe_drop: return "shoe_drop";
    case AlertKind::shoe_transition: return "shoe_transition";
    case AlertKind::shoe_mileage: return "shoe_mileage";
    case AlertKind::return_break: return "return";
    case AlertKind::return_overload: return "return_overload";
    case AlertKind::climb_jump: return "climb_jump";
    case AlertKind::pain: return "pain";
  }
  return "spike";
}

std::optional<AlertKind> parse_alert_kind(std::string_view text) {
  for (int i = 0; i <= static_cast<int>(AlertKind::pain); ++i) {
    const auto k = static_cast<AlertKind>(i);
    if (text == to_string(k)) return k;
  }
  return std::nullopt;
}

const FigureValue* Alert::figure(std::string_view name) const {
  for (const auto& f : figures) {
    if (f.name == name) return &f.value;
  }
  return nullptr;
}

}  // namespace tendon
