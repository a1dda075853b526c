/* tendon-example-runlog.so: a third-party-style importer for the made-up .runlog format
 * (runlog_line.h), written against include/tendon/plugin.h only. Copy this folder to
 * start a plugin of your own; README.md walks through it.
 *
 * What it shows:
 *  - one exported symbol (tendon_entry), everything else static; built with
 *    -fvisibility=hidden so nothing else leaks into the daemon's symbol space;
 *  - descriptors as static const data, filled with designated initialisers;
 *  - reading the input through `read` in fixed chunks, with a bounded line length;
 *  - no allocation at all: the activity handed to emit lives on the stack and points
 *    into buffers that stay valid for the duration of the call;
 *  - a warning per bad line ("line 7: ..."), and an ERROR report with every non-OK status. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "runlog_line.h"
#include "tendon/plugin.h"

#define RUNLOG_MAX_LINE 256   /* bytes of one line, newline excluded; longer lines are skipped */
#define RUNLOG_CHUNK 4096     /* bytes asked of input->read at a time */

/* Splits the input into lines without ever holding more than one chunk and one line. */
typedef struct line_reader {
  const tendon_input* input;
  uint8_t chunk[RUNLOG_CHUNK];
  size_t chunk_size;
  size_t chunk_pos;
  int at_end;
  char line[RUNLOG_MAX_LINE];
  size_t line_size;
  int too_long;           /* the current line did not fit; its rest was passed over */
  unsigned long number;   /* 1-based number of the current line */
} line_reader;

/* 1: the next line is in r->line, 0: no more lines, -1: the input could not be read. */
static int next_line(line_reader* r) {
  int any = 0;
  r->line_size = 0;
  r->too_long = 0;
  for (;;) {
    if (r->chunk_pos == r->chunk_size) {
      int64_t got;
      if (r->at_end) break;
      got = r->input->read(r->input->context, r->chunk, sizeof r->chunk);
      if (got < 0) return -1;
      if (got == 0) {
        r->at_end = 1;
        break;
      }
      r->chunk_size = (size_t)got;
      r->chunk_pos = 0;
    }
    any = 1;
    {
      const char c = (char)r->chunk[r->chunk_pos++];
      if (c == '\n') break;
      if (r->line_size < sizeof r->line) {
        r->line[r->line_size++] = c;
      } else {
        r->too_long = 1;
      }
    }
  }
  if (!any) return 0;
  ++r->number;
  return 1;
}

static void report(const tendon_sink* sink, tendon_level level, const char* message) {
  sink->report(sink->context, level, message);
}

static int runlog_import(void* state, const tendon_input* input, const tendon_sink* sink) {
  line_reader reader;
  unsigned long kept = 0, bad = 0;
  char message[RUNLOG_MAX_LINE + 128];
  (void)state;
  memset(&reader, 0, sizeof reader);
  reader.input = input;

  for (;;) {
    const int got = next_line(&reader);
    size_t start = 0;
    runlog_entry entry;
    const char* problem;
    tendon_activity activity;
    if (got < 0) {
      report(sink, TENDON_LEVEL_ERROR, "reading the input failed");
      return TENDON_ERR_IO;
    }
    if (got == 0) break;
    if (reader.too_long) {
      ++bad;
      snprintf(message, sizeof message, "line %lu: longer than %d bytes (skipped)", reader.number, RUNLOG_MAX_LINE);
      report(sink, TENDON_LEVEL_WARNING, message);
      continue;
    }
    while (start < reader.line_size && (reader.line[start] == ' ' || reader.line[start] == '\t' ||
                                        reader.line[start] == '\r')) {
      ++start;
    }
    if (start == reader.line_size || reader.line[start] == '#') continue; /* blank or comment */

    problem = runlog_parse_line(reader.line + start, reader.line_size - start, &entry);
    if (problem != NULL) {
      ++bad;
      snprintf(message, sizeof message, "line %lu: %s (skipped)", reader.number, problem);
      report(sink, TENDON_LEVEL_WARNING, message);
      continue;
    }

    /* Everything the format does not know stays NaN / NULL: "unknown". */
    memset(&activity, 0, sizeof activity);
    activity.struct_size = sizeof activity;
    activity.sport = entry.sport;
    activity.start_ms = entry.start_ms;
    activity.utc_offset_s = entry.utc_offset_s;
    activity.has_utc_offset = 1;
    activity.distance_m = entry.distance_m;
    activity.elapsed_s = entry.duration_s;
    activity.timer_s = TENDON_UNKNOWN;
    activity.ascent_m = TENDON_UNKNOWN;
    activity.avg_heart_rate_bpm = TENDON_UNKNOWN;
    activity.source_id = entry.start_text;
    activity.sample_stride = sizeof(tendon_sample);
    if (sink->emit(sink->context, &activity) != 0) return TENDON_ERR_CANCELLED;
    ++kept;
  }

  if (kept == 0 && bad > 0) {
    snprintf(message, sizeof message, "no readable run: all %lu lines were bad", bad);
    report(sink, TENDON_LEVEL_ERROR, message);
    return TENDON_ERR_FORMAT;
  }
  if (kept == 0) {
    report(sink, TENDON_LEVEL_ERROR, "the file holds no run");
    return TENDON_NOT_ACTIVITY;
  }
  return TENDON_OK;
}

/* Sure when the first line that is not blank or a comment starts like a runlog line; a
 * head of comments only might still be a runlog (a low score keeps it by suffix only). */
static int runlog_probe(void* state, const uint8_t* head, size_t head_size) {
  const char* text = (const char*)head;
  size_t i = 0;
  (void)state;
  while (i < head_size) {
    while (i < head_size && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n')) ++i;
    if (i == head_size) break;
    if (text[i] != '#') return runlog_looks_like_line(text + i, head_size - i) ? 90 : 0;
    while (i < head_size && text[i] != '\n') ++i;
  }
  return 10;
}

static const char* const runlog_suffixes[] = {".runlog", NULL};

static const tendon_importer runlog_importer = {
    .struct_size = sizeof(tendon_importer),
    .id = "example-runlog",
    .description = "Example: one run per line (2026-11-02T07:00:00Z run 10.5km 58m)",
    .suffixes = runlog_suffixes,
    .probe = runlog_probe,
    .import = runlog_import,
};

static const tendon_importer* const runlog_importers[] = {&runlog_importer};

static const tendon_plugin runlog_plugin = {
    .struct_size = sizeof(tendon_plugin),
    .abi_major = TENDON_PLUGIN_ABI_MAJOR,
    .abi_minor = TENDON_PLUGIN_ABI_MINOR,
    .id = "example-runlog",
    .version = "1.0.0",
    .flags = TENDON_PLUGIN_THREAD_SAFE, /* no state at all */
    .init = NULL,
    .shutdown = NULL,
    .importers = runlog_importers,
    .importer_count = 1,
};

TENDON_PLUGIN_EXPORT const tendon_plugin* tendon_entry(void);

TENDON_PLUGIN_EXPORT const tendon_plugin* tendon_entry(void) { return &runlog_plugin; }
