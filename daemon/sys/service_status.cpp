#include "service_status.h"

#include <array>

namespace tendon {

namespace {

std::string counted(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string local_hour_minute(std::time_t at) {
  std::tm local{};
  ::localtime_r(&at, &local);
  std::array<char, 8> text{};
  std::strftime(text.data(), text.size(), "%H:%M", &local);
  return text.data();
}

}  // namespace

std::string service_status_line(std::size_t inboxes, std::size_t activities, const std::optional<LastImport>& last) {
  std::string line = "watching " + counted(inboxes, "inbox", "inboxes") + ", " +
                     counted(activities, "activity", "activities") + " stored, ";
  if (last) {
    line += "last import " + local_hour_minute(last->at) + " " + last->file;
  } else {
    line += "nothing imported yet";
  }
  return line;
}

std::size_t stored_activity_count(Store& store) {
  std::size_t count = 0;
  for (const auto& athlete : store.athletes()) count += store.activities(athlete).size();
  return count;
}

}  // namespace tendon
