#pragma once
// Apple Health's export: export.zip, its unpacked apple_health_export/ folder, or a bare
// export.xml. export.xml is streamed (workouts out as they are read); each workout with
// one route file has that GPX read by the host (tendon_host.import_nested) and amended
// with the workout's figures; every other workout is emitted from its own figures.
// Duplicates (a Garmin or Strava run mirrored into Health) are left to the host's
// duplicate rule, like every other source's.
#include <cstddef>
#include <cstdint>

#include "tendon/plugin.h"

namespace tendon::apple_health {

// 90 for a zip whose first local headers name apple_health_export/ or export.xml, 10 for
// another zip (its listing may still hold one), 80 for an export.xml's own first bytes.
int probe_health_bytes(const std::uint8_t* head, std::size_t size);

// 90 when the folder holds export.xml at its top, 80 one folder down; else 0.
int probe_health_folder(int directory_fd);

int import_health_export(const tendon_host& host, const tendon_input* input, const tendon_sink* sink);

}  // namespace tendon::apple_health
