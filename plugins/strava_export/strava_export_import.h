#pragma once
// The Strava bulk export, a zip or its unpacked folder: activities.csv read row by row,
// the file each row names handed back to the host (tendon_host.import_nested) and amended
// with the row (gear, and figures the file lacks), rows without a usable file imported
// from the CSV's own figures, shoes.csv described to the host (tendon_sink.gear).
#include <cstddef>
#include <cstdint>

#include "tendon/plugin.h"

namespace tendon::strava {

// How sure we are that the first bytes are a Strava export zip: 90 when a local header
// within them names activities.csv at the top or one folder down, 10 for another zip
// (its listing may still hold one), 0 otherwise.
int probe_export_zip(const std::uint8_t* head, std::size_t size);

// 90 when the folder holds activities.csv (any case) at its top, 80 one folder down.
int probe_export_folder(int directory_fd);

// Imports the export `input` holds (bytes of a zip, or a folder via directory_fd).
int import_export(const tendon_host& host, const tendon_input* input, const tendon_sink* sink);

}  // namespace tendon::strava
