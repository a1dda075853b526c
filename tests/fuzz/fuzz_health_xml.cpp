// libFuzzer target for Apple Health's export.xml reader, on arbitrary bytes fed in two
// pieces split at a point the input chooses (a stream's chunks fall anywhere). The reader
// must never crash, hang or expand an entity; every workout it gives has a start.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "health_workouts.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::size_t split = data[0] % size;
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  tendon::apple_health::WorkoutReader reader(
      [](tendon::apple_health::HealthWorkout&& workout) {
        if (!workout.start) std::abort();  // a workout is never given without its start
        return true;
      },
      1 << 16);
  if (reader.feed(text.substr(0, split)) && reader.feed(text.substr(std::min(split, text.size())))) reader.finish();
  if (reader.refused() && reader.error().empty()) std::abort();  // a refusal always says why
  return 0;
}
