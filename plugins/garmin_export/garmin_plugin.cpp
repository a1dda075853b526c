// The Garmin Connect export plugin descriptor: an account export's importer (archive/export_plugin.h).
#include "garmin_plugin.h"

#include "export_plugin.h"
#include "garmin_export_import.h"

namespace {

using EntryPoints = tendon::archive::ExportEntryPoints<tendon::garmin::probe_export_zip, tendon::garmin::probe_export_folder, tendon::garmin::import_export>;

const char* const kSuffixes[] = {".zip", nullptr};

const tendon_importer kImporter = {
    sizeof(tendon_importer), "garmin-export", "Garmin Connect data export (the zip, or its unpacked folder)", kSuffixes, EntryPoints::probe, EntryPoints::import, EntryPoints::probe_directory,
};

const tendon_importer* const kImporters[] = {&kImporter};

const tendon_plugin kPlugin = tendon::archive::export_plugin("garmin-export", EntryPoints::init, kImporters);

}  // namespace

extern "C" const tendon_plugin* tendon_garmin_export_plugin(void) { return &kPlugin; }
