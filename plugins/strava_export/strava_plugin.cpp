// The Strava plugin descriptor: an account export's importer (archive/export_plugin.h).
#include "strava_plugin.h"

#include "export_plugin.h"
#include "strava_export_import.h"

namespace {

using EntryPoints = tendon::archive::ExportEntryPoints<tendon::strava::probe_export_zip, tendon::strava::probe_export_folder, tendon::strava::import_export>;

const char* const kSuffixes[] = {".zip", nullptr};

const tendon_importer kImporter = {
    sizeof(tendon_importer), "strava-export", "Strava bulk account export (the zip, or its unpacked folder)", kSuffixes, EntryPoints::probe, EntryPoints::import, EntryPoints::probe_directory,
};

const tendon_importer* const kImporters[] = {&kImporter};

const tendon_plugin kPlugin = tendon::archive::export_plugin("strava-export", EntryPoints::init, kImporters);

}  // namespace

extern "C" const tendon_plugin* tendon_strava_export_plugin(void) { return &kPlugin; }
