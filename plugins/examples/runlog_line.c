#include "runlog_line.h"

#include <math.h>
#include <string.h>

/* A cursor over the line: parsing never reads past `end`. */
typedef struct cursor {
  const char* at;
  const char* end;
} cursor;

static int is_digit(char c) { return c >= '0' && c <= '9'; }
static int is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

static void skip_blanks(cursor* c) {
  while (c->at < c->end && is_blank(*c->at)) ++c->at;
}

/* The next blank-separated word. */
static size_t next_word(cursor* c, const char** word) {
  size_t n = 0;
  skip_blanks(c);
  *word = c->at;
  while (c->at < c->end && !is_blank(*c->at)) ++c->at, ++n;
  return n;
}

/* Exactly `digits` decimal digits at w[*i]. */
static int fixed_number(const char* w, size_t n, size_t* i, int digits, int* value) {
  int v = 0, k;
  for (k = 0; k < digits; ++k) {
    if (*i >= n || !is_digit(w[*i])) return 0;
    v = v * 10 + (w[*i] - '0');
    ++*i;
  }
  *value = v;
  return 1;
}

static int expect(const char* w, size_t n, size_t* i, char c) {
  if (*i >= n || w[*i] != c) return 0;
  ++*i;
  return 1;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
static int64_t days_from_civil(int64_t y, int m, int d) {
  int64_t era, yoe, doy, doe;
  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static int days_in_month(int y, int m) {
  static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : days[m - 1];
}

/* "2026-11-02T07:00:00Z" or "...+01:00" / "...-08:00". */
static const char* parse_start(const char* w, size_t n, runlog_entry* out) {
  size_t i = 0;
  int y, mo, d, h, mi, s, oh = 0, om = 0, sign = 0;
  if (!(fixed_number(w, n, &i, 4, &y) && expect(w, n, &i, '-') && fixed_number(w, n, &i, 2, &mo) &&
        expect(w, n, &i, '-') && fixed_number(w, n, &i, 2, &d) && expect(w, n, &i, 'T') &&
        fixed_number(w, n, &i, 2, &h) && expect(w, n, &i, ':') && fixed_number(w, n, &i, 2, &mi) &&
        expect(w, n, &i, ':') && fixed_number(w, n, &i, 2, &s))) {
    return "the start must look like 2026-11-02T07:00:00Z";
  }
  if (i < n && w[i] == 'Z') {
    ++i;
  } else if (i < n && (w[i] == '+' || w[i] == '-')) {
    sign = w[i] == '-' ? -1 : 1;
    ++i;
    if (!(fixed_number(w, n, &i, 2, &oh) && expect(w, n, &i, ':') && fixed_number(w, n, &i, 2, &om))) {
      return "the start's offset must look like +01:00";
    }
  } else {
    return "the start has no time zone: end it with Z or an offset such as +01:00";
  }
  if (i != n) return "unexpected text after the start time";
  if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo) || h > 23 || mi > 59 || s > 59 || oh > 18 || om > 59) {
    return "the start is not a valid date and time";
  }
  if (n >= sizeof out->start_text) return "the start time is too long";
  out->utc_offset_s = (int32_t)(sign * (oh * 3600 + om * 60));
  out->start_ms = ((days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s) - out->utc_offset_s) * 1000;
  memcpy(out->start_text, w, n);
  out->start_text[n] = '\0';
  return NULL;
}

/* A decimal number without exponent ("10", "10.5") at w[*i]; at most 6 integer digits and
 * 6 decimals, so that nothing can overflow. Returns 0 when there is none. */
static int decimal(const char* w, size_t n, size_t* i, double* value) {
  double v = 0, scale = 1;
  int digits = 0, decimals = 0;
  while (*i < n && is_digit(w[*i])) {
    if (++digits > 6) return 0;
    v = v * 10 + (w[*i] - '0');
    ++*i;
  }
  if (*i < n && w[*i] == '.') {
    ++*i;
    while (*i < n && is_digit(w[*i])) {
      if (++decimals > 6) return 0;
      scale /= 10;
      v += (w[*i] - '0') * scale;
      ++*i;
    }
  }
  if (digits == 0 && decimals == 0) return 0;
  *value = v;
  return 1;
}

static int unit_is(const char* w, size_t n, size_t i, const char* unit) {
  const size_t length = strlen(unit);
  return n - i == length && memcmp(w + i, unit, length) == 0;
}

static const char* parse_distance(const char* w, size_t n, double* metres) {
  size_t i = 0;
  double v;
  if (!decimal(w, n, &i, &v)) return "the distance must be a number followed by km, mi or m (10.5km)";
  if (unit_is(w, n, i, "km")) {
    *metres = v * 1000.0;
  } else if (unit_is(w, n, i, "mi")) {
    *metres = v * 1609.344;
  } else if (unit_is(w, n, i, "m")) {
    *metres = v;
  } else {
    return "the distance's unit must be km, mi or m (10.5km)";
  }
  return NULL;
}

/* "1h05m30s": h, m and s parts, each optional, in that order. */
static const char* parse_duration(const char* w, size_t n, double* seconds) {
  static const char units[3] = {'h', 'm', 's'};
  static const double factors[3] = {3600.0, 60.0, 1.0};
  size_t i = 0;
  int next_unit = 0, parts = 0;
  double total = 0;
  while (i < n) {
    double v;
    int u;
    if (!decimal(w, n, &i, &v) || i >= n) return "the duration must look like 58m, 1h05m or 45m30s";
    for (u = next_unit; u < 3 && units[u] != w[i]; ++u) {
    }
    if (u == 3) return "the duration's parts must be h, m and s, in that order (1h05m30s)";
    total += v * factors[u];
    next_unit = u + 1;
    ++parts;
    ++i;
  }
  if (parts == 0) return "the duration is empty";
  *seconds = total;
  return NULL;
}

static const char* parse_sport(const char* w, size_t n, char* sport) {
  size_t i;
  if (n >= RUNLOG_MAX_SPORT) return "the sport word is too long";
  for (i = 0; i < n; ++i) {
    const char c = w[i];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '-')) {
      return "the sport must be one word of letters, '_' or '-' (run, trail_run)";
    }
  }
  memcpy(sport, w, n);
  sport[n] = '\0';
  return NULL;
}

const char* runlog_parse_line(const char* line, size_t length, runlog_entry* out) {
  cursor c;
  const char* word;
  const char* problem;
  size_t n;
  c.at = line;
  c.end = line + length;
  memset(out, 0, sizeof *out);
  out->duration_s = (double)NAN; /* NAN is a float */

  if ((n = next_word(&c, &word)) == 0) return "the line is empty";
  if ((problem = parse_start(word, n, out)) != NULL) return problem;
  if ((n = next_word(&c, &word)) == 0) return "the sport is missing (after the start)";
  if ((problem = parse_sport(word, n, out->sport)) != NULL) return problem;
  if ((n = next_word(&c, &word)) == 0) return "the distance is missing (after the sport)";
  if ((problem = parse_distance(word, n, &out->distance_m)) != NULL) return problem;
  if ((n = next_word(&c, &word)) > 0) {
    if ((problem = parse_duration(word, n, &out->duration_s)) != NULL) return problem;
  }
  if (next_word(&c, &word) > 0) return "unexpected text after the duration";
  return NULL;
}

int runlog_looks_like_line(const char* line, size_t length) {
  static const char pattern[] = "dddd-dd-ddT";
  size_t i;
  if (length < sizeof pattern - 1) return 0;
  for (i = 0; i < sizeof pattern - 1; ++i) {
    if (pattern[i] == 'd' ? !is_digit(line[i]) : line[i] != pattern[i]) return 0;
  }
  return 1;
}
