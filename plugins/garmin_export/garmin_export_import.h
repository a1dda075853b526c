#pragma once
// The Garmin Connect data export, a zip or its unpacked folder: the summarized activities
// and the gear file of DI_CONNECT/DI-Connect-Fitness, and the uploaded FIT files of
// DI-Connect-Uploaded-Files (zips inside the zip) handed back to the host
// (tendon_host.import_nested). A FIT wins over the summary of the same run, which only
// fills what the FIT lacks (the shoe above all); summaries without a FIT are activities
// of their own.
#include <cstddef>
#include <cstdint>

#include "tendon/plugin.h"

namespace tendon::garmin {

// 90 when a local header within the first bytes names an entry under DI_CONNECT/ (or
// customer_data/, Garmin's other top folder), 10 for another zip, 0 otherwise.
int probe_export_zip(const std::uint8_t* head, std::size_t size);

// 90 when the folder holds a DI_CONNECT folder with files, at its top or one folder down.
int probe_export_folder(int directory_fd);

// Imports the export `input` holds (bytes of a zip, or a folder via directory_fd).
int import_export(const tendon_host& host, const tendon_input* input, const tendon_sink* sink);

}  // namespace tendon::garmin
