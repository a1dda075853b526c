/* include/tendon/plugin.h compiled as strict C99 (-std=c99 -pedantic-errors -Werror):
 * the header a third party builds against must need nothing newer. Checks the ABI's
 * promises: struct_size first in every struct, the constants, and (on LP64) the 1.0
 * layout itself, so that a reordering in the header fails here before it breaks plugins.
 * C99 has no _Static_assert: compile-time checks use a negative array size. */
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "tendon/plugin.h"

#define COMPILE_TIME_CHECK(name, condition) typedef char compile_time_check_##name[(condition) ? 1 : -1]

COMPILE_TIME_CHECK(host_size_first, offsetof(tendon_host, struct_size) == 0);
COMPILE_TIME_CHECK(input_size_first, offsetof(tendon_input, struct_size) == 0);
COMPILE_TIME_CHECK(sample_size_first, offsetof(tendon_sample, struct_size) == 0);
COMPILE_TIME_CHECK(activity_size_first, offsetof(tendon_activity, struct_size) == 0);
COMPILE_TIME_CHECK(sink_size_first, offsetof(tendon_sink, struct_size) == 0);
COMPILE_TIME_CHECK(importer_size_first, offsetof(tendon_importer, struct_size) == 0);
COMPILE_TIME_CHECK(plugin_size_first, offsetof(tendon_plugin, struct_size) == 0);
COMPILE_TIME_CHECK(source_size_first, offsetof(tendon_source, struct_size) == 0);
COMPILE_TIME_CHECK(round_size_first, offsetof(tendon_source_round, struct_size) == 0);
COMPILE_TIME_CHECK(exchange_size_first, offsetof(tendon_http_exchange, struct_size) == 0);
COMPILE_TIME_CHECK(major, TENDON_PLUGIN_ABI_MAJOR == 1);
COMPILE_TIME_CHECK(minor, TENDON_PLUGIN_ABI_MINOR == 2);
COMPILE_TIME_CHECK(gear_size_first, offsetof(tendon_gear, struct_size) == 0);
COMPILE_TIME_CHECK(status_ok, TENDON_OK == 0);
COMPILE_TIME_CHECK(status_internal, TENDON_ERR_INTERNAL == 6);
COMPILE_TIME_CHECK(thread_safe_flag, TENDON_PLUGIN_THREAD_SAFE == 1u);

static int failures = 0;

static void check(int ok, const char* what) {
  if (!ok) {
    fprintf(stderr, "FAILED: %s\n", what);
    ++failures;
  }
}

#define CHECK(condition) check((condition) != 0, #condition)

/* A plugin written the way plugins/examples/README.md says, to prove it compiles as C99. */
static int probe(void* state, const uint8_t* head, size_t size) {
  (void)state;
  (void)head;
  return size > 0 ? 10 : 0;
}
static int import(void* state, const tendon_input* input, const tendon_sink* sink) {
  (void)state;
  (void)input;
  (void)sink;
  return TENDON_OK;
}
static const char* const suffixes[] = {".c99", NULL};
static const tendon_importer importer = {
    sizeof(tendon_importer), "c99", "C99 check", suffixes, probe, import, NULL,
};
static const tendon_importer* const importers[] = {&importer};
static const tendon_plugin plugin = {
    sizeof(tendon_plugin), TENDON_PLUGIN_ABI_MAJOR, TENDON_PLUGIN_ABI_MINOR, "c99", "1", 0, NULL, NULL, importers, 1, NULL, 0,
};
static const tendon_plugin* entry(void) { return &plugin; }

int main(void) {
  tendon_entry_fn fn = entry;

  CHECK(strcmp(TENDON_ENTRY_SYMBOL, "tendon_entry") == 0);
  CHECK(fn()->importers[0]->probe(NULL, (const uint8_t*)"x", 1) == 10);
  CHECK(isnan(TENDON_UNKNOWN));
  CHECK(TENDON_NOT_ACTIVITY == 1 && TENDON_ERR_FORMAT == 2 && TENDON_ERR_IO == 3 && TENDON_ERR_LIMIT == 4 &&
        TENDON_ERR_CANCELLED == 5);
  CHECK(TENDON_LEVEL_INFO == 0 && TENDON_LEVEL_WARNING == 1 && TENDON_LEVEL_ERROR == 2);
  CHECK(sizeof(tendon_status) == sizeof(int) && sizeof(tendon_level) == sizeof(int));

  if (sizeof(void*) == 8 && sizeof(double) == 8) {
    /* The 1.0 layout on LP64: frozen. A new field goes at the end and bumps the minor. */
    CHECK(offsetof(tendon_plugin, abi_major) == 4 && offsetof(tendon_plugin, abi_minor) == 6);
    CHECK(offsetof(tendon_plugin, id) == 8 && offsetof(tendon_plugin, flags) == 24);
    CHECK(offsetof(tendon_plugin, init) == 32 && offsetof(tendon_plugin, importers) == 48);
    CHECK(offsetof(tendon_plugin, importer_count) == 56);
    CHECK(offsetof(tendon_importer, suffixes) == 24 && offsetof(tendon_importer, import) == 40);
    CHECK(offsetof(tendon_importer, import) + sizeof(void (*)(void)) == 48); /* the 1.0 end */
    CHECK(offsetof(tendon_activity, start_ms) == 24 && offsetof(tendon_activity, has_utc_offset) == 36);
    CHECK(offsetof(tendon_activity, distance_m) == 40 && offsetof(tendon_activity, device) == 80);
    CHECK(offsetof(tendon_activity, athlete) == 104 && offsetof(tendon_activity, samples) == 112);
    CHECK(offsetof(tendon_activity, sample_stride) == 128 && sizeof(tendon_activity) == 136);
    CHECK(offsetof(tendon_sample, time_ms) == 8 && sizeof(tendon_sample) == 80);
    CHECK(offsetof(tendon_input, data) == 16 && offsetof(tendon_input, read) == 40);
    CHECK(offsetof(tendon_sink, emit) == 16 && offsetof(tendon_sink, report) == 24);
    CHECK(offsetof(tendon_host, host_version) == 8 && offsetof(tendon_host, log) == 24);
    /* 1.1: appended after the 1.0 fields, which did not move. */
    CHECK(offsetof(tendon_host, import_nested) == 32 && sizeof(tendon_host) == 40);
    CHECK(offsetof(tendon_input, directory_fd) == 48 && sizeof(tendon_input) == 56);
    CHECK(offsetof(tendon_sink, gear) == 32 && sizeof(tendon_sink) == 40);
    CHECK(offsetof(tendon_importer, probe_folder) == 48 && sizeof(tendon_importer) == 56);
    CHECK(offsetof(tendon_gear, name) == 8 && offsetof(tendon_gear, retired) == 32 && sizeof(tendon_gear) == 40);
    /* 1.2: sources, appended to the plugin. */
    CHECK(offsetof(tendon_plugin, sources) == 64 && offsetof(tendon_plugin, source_count) == 72);
    CHECK(sizeof(tendon_plugin) == 80);
    CHECK(offsetof(tendon_source, poll) == 24 && sizeof(tendon_source) == 32);
    CHECK(offsetof(tendon_http_exchange, status) == 48 && sizeof(tendon_http_exchange) == 88);
  }
  if (failures == 0) printf("plugin.h: C99 ABI checks passed\n");
  return failures == 0 ? 0 : 1;
}
