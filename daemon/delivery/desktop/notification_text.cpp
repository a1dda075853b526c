#include "delivery/desktop/notification_text.h"

#include <array>
#include <utility>

namespace tendon::desktop {
namespace {

// Titles by alert kind (core/alert.cpp names them). Where a detector's message starts with
// the same words and a colon, the body leaves them out instead of saying them twice.
constexpr std::array<std::pair<const char*, const char*>, 10> kTitles{{
    {"spike", "Long run spike"},
    {"weekly_jump", "Weekly volume jump"},
    {"acwr", "High acute:chronic ratio"},
    {"shoe_drop", "Lower-drop shoe"},
    {"shoe_transition", "Shoe switch too fast"},
    {"shoe_mileage", "Shoe worn"},
    {"return", "Back after a break"},
    {"return_overload", "Too fast back"},
    {"climb_jump", "Climbing jump"},
    {"pain", "Pain check-in"},
}};

std::string title_of(const std::string& kind) {
  for (const auto& [name, title] : kTitles) {
    if (kind == name) return title;
  }
  return "Training alert";  // a kind this build does not know (a newer daemon)
}

std::string with_athlete(std::string summary, const AlertEvent& alert, bool show_athlete) {
  if (show_athlete && !alert.athlete.empty()) summary += " (" + alert.athlete + ")";
  return summary;
}

const char* icon_of(Severity severity) {
  switch (severity) {
    case Severity::info: return "dialog-information";
    case Severity::warning: return "dialog-warning";
    case Severity::critical: return "dialog-error";
  }
  return "dialog-information";
}

// The message's first sentence without its full stop; a later sentence (the study's
// hazard ratio) is for `tendonctl alerts`, not for a glance.
std::string first_sentence(const std::string& message) {
  std::string sentence = message.substr(0, message.find(". "));
  if (!sentence.empty() && sentence.back() == '.') sentence.pop_back();
  return sentence;
}

}  // namespace

std::uint8_t urgency_of(Severity severity) { return static_cast<std::uint8_t>(severity); }

NotificationText alert_notification(const AlertEvent& alert, bool show_athlete) {
  const std::string title = title_of(alert.kind);
  std::string body = first_sentence(alert.message);
  const std::string repeated = title + ": ";
  if (body.compare(0, repeated.size(), repeated) == 0) body.erase(0, repeated.size());
  return {with_athlete(title, alert, show_athlete), body, icon_of(alert.severity), urgency_of(alert.severity)};
}

NotificationText withdrawn_notification(const AlertEvent& alert, bool show_athlete) {
  return {with_athlete("Withdrawn: " + title_of(alert.kind), alert, show_athlete),
          "No longer holds: newer data changed what it compared.", icon_of(Severity::info), urgency_of(Severity::info)};
}

NotificationText test_notification() {
  return {"Tendon test notification", "A test from tendonctl alerts test: desktop notifications reach you.",
          icon_of(Severity::info), urgency_of(Severity::warning)};
}

}  // namespace tendon::desktop
