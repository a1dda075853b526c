#pragma once
// Sport names from every source folded to one vocabulary ("Run", "trail run",
// "TrailRun" all become running or trail_running), and the running test.
#include <string>
#include <string_view>
#include <vector>

namespace tendon {

// Lower-case, separators to '_', known synonyms mapped ("run" -> "running",
// "trailrun" -> "trail_running", "virtualrun" -> "virtual_running", "bike" -> "cycling").
std::string normalise_sport(std::string_view raw);

bool is_running_sport(std::string_view normalised, const std::vector<std::string>& running);

}  // namespace tendon
