/* Deliberately broken plugins for the loader tests: one source, one defect per build
 * (CMakeLists.txt compiles it once per BROKEN_* definition). Without a definition it is a
 * working plugin ("test-good", importer "test-good" for .good files). */
#include <math.h>
#include <stddef.h>

#include "tendon/plugin.h"

static int probe(void* state, const uint8_t* head, size_t head_size) {
  (void)state;
  (void)head;
  (void)head_size;
  return 100;
}

static int import(void* state, const tendon_input* input, const tendon_sink* sink) {
  tendon_activity a = {0};
  (void)state;
  (void)input;
  a.struct_size = sizeof a;
  a.sport = "run";
  a.start_ms = 1793602800000LL;
  a.distance_m = 5000;
  a.elapsed_s = a.timer_s = a.ascent_m = a.avg_heart_rate_bpm = TENDON_UNKNOWN;
  a.sample_stride = sizeof(tendon_sample);
  return sink->emit(sink->context, &a) == 0 ? TENDON_OK : TENDON_ERR_CANCELLED;
}

#ifdef BROKEN_INIT_FAILURE
static int init(const tendon_host* host, void** state) {
  (void)state;
  host->log(host->context, TENDON_LEVEL_ERROR, "cannot find its calibration table");
  return TENDON_ERR_INTERNAL;
}
#define INIT init
#else
#define INIT NULL
#endif

#ifdef BROKEN_UNDEFINED_SYMBOL
/* Defined nowhere: dlopen(RTLD_NOW) must fail instead of the daemon at the first call. */
extern int tendon_test_missing_function(void);
static int shutdown_calls_missing(void) { return tendon_test_missing_function(); }
#endif

static const char* const suffixes[] = {".good", NULL};
static const tendon_importer importer = {sizeof(tendon_importer), "test-good", "a test importer", suffixes, probe,
                                         import, NULL};
static const tendon_importer* const importers[] = {&importer};

#ifdef BROKEN_WRONG_MAJOR
#define ABI_MAJOR 2
#else
#define ABI_MAJOR TENDON_PLUGIN_ABI_MAJOR
#endif
#ifdef BROKEN_NEWER_MINOR
#define ABI_MINOR (TENDON_PLUGIN_ABI_MINOR + 1)
#else
#define ABI_MINOR TENDON_PLUGIN_ABI_MINOR
#endif

static const tendon_plugin plugin = {sizeof(tendon_plugin), ABI_MAJOR, ABI_MINOR, "test-good", "1.0", 0, INIT, NULL,
                                     importers, 1, NULL, 0};

#ifdef BROKEN_SHORT_STRUCT
/* A descriptor whose struct_size stops after the version fields and id. */
static const struct {
  uint32_t struct_size;
  uint16_t abi_major;
  uint16_t abi_minor;
  uint32_t padding;
} short_plugin = {12, TENDON_PLUGIN_ABI_MAJOR, TENDON_PLUGIN_ABI_MINOR, 0};
#endif

#ifndef BROKEN_NO_ENTRY
TENDON_PLUGIN_EXPORT const tendon_plugin* tendon_entry(void);
TENDON_PLUGIN_EXPORT const tendon_plugin* tendon_entry(void) {
  const tendon_plugin* descriptor = &plugin;
#if defined(BROKEN_SHORT_STRUCT)
  descriptor = (const tendon_plugin*)(const void*)&short_plugin;
#elif defined(BROKEN_ENTRY_NULL)
  descriptor = NULL;
#elif defined(BROKEN_UNDEFINED_SYMBOL)
  if (shutdown_calls_missing() == 42) descriptor = NULL;
#endif
  return descriptor;
}
#else
/* The right function under the wrong name: a typo the loader must report. */
TENDON_PLUGIN_EXPORT const tendon_plugin* tendon_entry_point(void);
TENDON_PLUGIN_EXPORT const tendon_plugin* tendon_entry_point(void) { return &plugin; }
#endif
