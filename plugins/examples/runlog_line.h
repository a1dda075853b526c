/* The .runlog format, one line at a time: the parsing half of the example plugin, kept
 * free of the plugin ABI so that it can be read (and tested) on its own.
 *
 *   2026-11-02T07:00:00Z run 10.5km 58m
 *   <start, RFC 3339 with Z or +hh:mm> <sport word> <distance> [<duration>]
 *
 * Distance: a number and km, mi or m. Duration: h, m and s parts in that order, each
 * optional ("58m", "1h05m", "45m30s", "3600s"). Blank lines and '#' comments are skipped
 * by the caller. No allocation, no locale (strtod would read "10,5" in some locales). */
#ifndef TENDON_EXAMPLE_RUNLOG_LINE_H
#define TENDON_EXAMPLE_RUNLOG_LINE_H

#include <stddef.h>
#include <stdint.h>

#define RUNLOG_MAX_SPORT 32

typedef struct runlog_entry {
  int64_t start_ms;               /* Unix epoch milliseconds, UTC */
  int32_t utc_offset_s;           /* the offset the line stated (0 for Z) */
  char start_text[32];            /* the start as written: a stable id within the file */
  char sport[RUNLOG_MAX_SPORT];   /* as written; the host normalises it */
  double distance_m;
  double duration_s;              /* NaN when the line has none */
} runlog_entry;

/* Parses `line` (`length` bytes, no newline, need not be NUL-terminated). Returns NULL and
 * fills `out`, or returns a static sentence saying what is wrong. */
const char* runlog_parse_line(const char* line, size_t length, runlog_entry* out);

/* Whether `line` starts like a runlog line (a date and 'T'): used by the content probe. */
int runlog_looks_like_line(const char* line, size_t length);

#endif
