// The Apple Health plugin descriptor: an account export's importer (archive/export_plugin.h).
#include "health_plugin.h"

#include "export_plugin.h"
#include "health_export_import.h"

namespace {

using EntryPoints = tendon::archive::ExportEntryPoints<tendon::apple_health::probe_health_bytes, tendon::apple_health::probe_health_folder, tendon::apple_health::import_health_export>;

const char* const kSuffixes[] = {".zip", nullptr};

const tendon_importer kImporter = {
    sizeof(tendon_importer), "apple-health", "Apple Health export (export.zip, its unpacked folder, or export.xml)", kSuffixes, EntryPoints::probe, EntryPoints::import, EntryPoints::probe_directory,
};

const tendon_importer* const kImporters[] = {&kImporter};

const tendon_plugin kPlugin = tendon::archive::export_plugin("apple-health", EntryPoints::init, kImporters);

}  // namespace

extern "C" const tendon_plugin* tendon_apple_health_plugin(void) { return &kPlugin; }
