#pragma once
// The one line a person reads in `systemctl status tendond` (systemd's STATUS=): what the
// daemon watches, how much it holds, and what it imported last.
#include <ctime>
#include <cstddef>
#include <optional>
#include <string>

#include "store/store.h"

namespace tendon {

struct LastImport {
  std::time_t at = 0;  // when it was stored (shown as local HH:MM)
  std::string file;    // the file's name, without its folder
};

// "watching 2 inboxes, 341 activities stored, last import 12:03 run.fit"
// ("..., nothing imported yet" before the first import of this run).
std::string service_status_line(std::size_t inboxes, std::size_t activities, const std::optional<LastImport>& last);

// Every activity in the store, of every athlete it knows.
std::size_t stored_activity_count(Store& store);

}  // namespace tendon
