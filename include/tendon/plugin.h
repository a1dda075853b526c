/*
 * Tendon plugin ABI: how an importer (built in or a third-party tendon-*.so) hands
 * activities to the daemon, and (1.2) how a source fetches them from a remote service.
 *
 * Rules, so that a plugin built today keeps loading tomorrow:
 *  - C99; a plugin needs no other Tendon header than this one. Plain structs of values and function pointers.
 *  - One exported symbol, TENDON_ENTRY_SYMBOL ("tendon_entry"), of type tendon_entry_fn.
 *  - Every struct starts with `uint32_t struct_size` (= sizeof the struct the other side was
 *    compiled with). Structs only ever grow by appending fields, so a reader takes the
 *    fields that lie within struct_size and treats the rest as absent.
 *  - ABI major: incompatible change; the host refuses a plugin of another major.
 *    ABI minor: fields appended; the host refuses a plugin built for a newer minor than
 *    its own (the plugin may rely on fields the host does not fill).
 *  - Memory: the plugin never allocates memory for the host to free, and the host never
 *    frees what the plugin owns. Pointers handed across (strings, arrays, structs) are
 *    valid only for the duration of the call they are passed in, with two exceptions:
 *    the descriptor tendon_entry returns, and all it points to, stays valid while the
 *    plugin is loaded (static data); the tendon_host passed to init stays valid until
 *    shutdown returns.
 *  - No exception, longjmp or signal may cross the ABI. A C++ plugin catches everything
 *    at each entry point and returns TENDON_ERR_INTERNAL.
 *  - Strings are UTF-8 and NUL-terminated; NULL means "absent".
 *  - Calls may come from any worker thread, but never two at once on the same plugin
 *    state unless the plugin sets TENDON_PLUGIN_THREAD_SAFE.
 */
#ifndef TENDON_PLUGIN_H
#define TENDON_PLUGIN_H

#include <math.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define TENDON_PLUGIN_ABI_MAJOR 1
#define TENDON_PLUGIN_ABI_MINOR 2

#define TENDON_ENTRY_SYMBOL "tendon_entry"

/* Results of init and import. */
typedef enum tendon_status {
  TENDON_OK = 0,              /* read; zero or more activities were emitted */
  TENDON_NOT_ACTIVITY = 1,    /* a valid file of this format that holds no activity
                                 (FIT settings, a GPX route): reason via sink->report */
  TENDON_ERR_FORMAT = 2,      /* not this format, or broken beyond use: reason via report */
  TENDON_ERR_IO = 3,          /* the input's read callback failed */
  TENDON_ERR_LIMIT = 4,       /* a size limit was hit (too many points, too deep, ...) */
  TENDON_ERR_CANCELLED = 5,   /* the sink asked to stop */
  TENDON_ERR_INTERNAL = 6     /* a bug or resource failure inside the plugin */
} tendon_status;

/* Severity of a message passed to tendon_sink.report or tendon_host.log. */
typedef enum tendon_level {
  TENDON_LEVEL_INFO = 0,
  TENDON_LEVEL_WARNING = 1,   /* imported, but something was off (truncated file, bad record) */
  TENDON_LEVEL_ERROR = 2      /* the reason a file was not imported */
} tendon_level;

struct tendon_input;
struct tendon_sink;

/* What the host tells a plugin at init. */
typedef struct tendon_host {
  uint32_t struct_size;
  uint16_t abi_major;
  uint16_t abi_minor;
  const char* host_version;  /* "0.1.0" */
  void* context;
  /* Logs a line in the daemon's log, prefixed with the plugin id. */
  void (*log)(void* context, tendon_level level, const char* message);
  /* 1.1 (present when struct_size reaches it). Only from within an import call, on its
   * thread: hands a file found inside the input (an export's `activities/123.fit.gz`)
   * to the host's own importers (gunzip, suffix, probe), which read it and emit its
   * activities to `sink` (the plugin's own sink, which may amend each activity before
   * passing it to the sink the plugin was given). Activities the plugin emits from
   * within that sink's emit are taken as the nested file's (its format, its content
   * identity). Reports of the nested import reach sink->report; nothing is emitted when
   * it fails. Returns the nested import's tendon_status. */
  int (*import_nested)(void* context, const struct tendon_input* input, const struct tendon_sink* sink);
} tendon_host;

/* The bytes to import. `read` always works; `data` is set as well when the host has the
 * whole input in memory, so a parser that wants one contiguous buffer need not copy. */
typedef struct tendon_input {
  uint32_t struct_size;
  const char* name;          /* file name for messages, e.g. "2026-11-02-run.fit" */
  const uint8_t* data;       /* whole content, or NULL */
  uint64_t size;             /* size of the content when known, else UINT64_MAX */
  void* context;
  /* Reads up to `capacity` bytes into `buffer`; returns the count, 0 at the end, -1 on error. */
  int64_t (*read)(void* context, uint8_t* buffer, size_t capacity);
  /* 1.1: a descriptor of a folder (an unpacked export, opened O_RDONLY|O_DIRECTORY)
   * when the input is a folder rather than bytes (then data is NULL, size 0 and read
   * gives 0), else -1. Only an importer with probe_folder is handed a folder. Read it
   * with openat() relative to this descriptor; do not close it. */
  int32_t directory_fd;
} tendon_input;

/* Unknown numbers are NaN (use TENDON_UNKNOWN). A double: C's NAN is a float, and
 * assigning it to the double fields trips -Wdouble-promotion. */
#if defined(__GNUC__)
#define TENDON_UNKNOWN __builtin_nan("")
#else
#define TENDON_UNKNOWN NAN
#endif

/* One point of an activity's track; every member optional (NaN / INT64_MIN). */
typedef struct tendon_sample {
  uint32_t struct_size;
  int64_t time_ms;           /* Unix epoch milliseconds (UTC), INT64_MIN when unknown */
  double latitude_deg;
  double longitude_deg;
  double altitude_m;
  double distance_m;         /* cumulative from the start */
  double heart_rate_bpm;
  double cadence_spm;        /* full steps per minute for running */
  double speed_m_s;
  double power_w;
} tendon_sample;

/* One activity. A file may emit several (a multisport FIT gives one per session). */
typedef struct tendon_activity {
  uint32_t struct_size;
  /* Sport in Tendon's vocabulary where the format's code maps to one ("running",
   * "trail_running", "treadmill_running", "track_running", "cycling", "walking",
   * "hiking", "swimming", "transition", ...), otherwise the format's own word. */
  const char* sport;
  const char* sub_sport;     /* the format's own sub-sport word, or NULL */
  int64_t start_ms;          /* Unix epoch milliseconds (UTC) of the start */
  int32_t utc_offset_s;      /* local offset at the start, when has_utc_offset */
  int32_t has_utc_offset;
  double distance_m;
  double elapsed_s;          /* wall time from start to end */
  double timer_s;            /* moving / timer time, pauses excluded */
  double ascent_m;
  double avg_heart_rate_bpm;
  const char* device;        /* "Garmin Forerunner 245", or NULL */
  const char* shoe;          /* gear name as the source names it, or NULL */
  const char* source_id;     /* a stable identity within the file (session index...), or NULL */
  const char* athlete;       /* the athlete key when the source names one (a squad log), or NULL */
  /* Optional track: sample_count samples, each sample_stride bytes apart (stride is the
   * plugin's sizeof(tendon_sample), so the array works across minor versions). */
  const tendon_sample* samples;
  uint64_t sample_count;
  uint32_t sample_stride;
} tendon_activity;

/* 1.1: a shoe, as an export describes it (Strava's shoes.csv). */
typedef struct tendon_gear {
  uint32_t struct_size;
  const char* name;          /* the name activities give it in tendon_activity.shoe */
  const char* brand;         /* "Hoka", or NULL */
  const char* model;         /* "Clifton 9", or NULL */
  int32_t retired;           /* 1 retired, 0 in use, -1 unknown */
} tendon_gear;

/* Where a plugin sends what it read. */
typedef struct tendon_sink {
  uint32_t struct_size;
  void* context;
  /* Takes one activity (copied before returning). Returns 0 to go on, non-zero to stop:
   * the plugin then returns TENDON_ERR_CANCELLED promptly. */
  int (*emit)(void* context, const tendon_activity* activity);
  /* A warning about the input, or the reason for a non-OK status. One line, no file name
   * (the host adds it), e.g. "header CRC mismatch (computed 0x1a2b, stored 0x3c4d)". */
  void (*report)(void* context, tendon_level level, const char* message);
  /* 1.1, optional (NULL or beyond struct_size: the host takes no gear). Describes a shoe
   * the activities name in tendon_activity.shoe, so that brand and model can find its
   * drop in the shoe catalogue. Copied before returning. */
  void (*gear)(void* context, const struct tendon_gear* gear);
} tendon_sink;

/* An importer: one file format. */
typedef struct tendon_importer {
  uint32_t struct_size;
  const char* id;                   /* "fit", lower-case, unique across plugins */
  const char* description;          /* "Garmin FIT activity files" */
  const char* const* suffixes;      /* NULL-terminated, lower-case: {".fit", NULL} */
  /* How sure the importer is that `head` (the first bytes, at most 4096) is its format:
   * 0 = not mine, 100 = certain. Must not read past head_size. */
  int (*probe)(void* state, const uint8_t* head, size_t head_size);
  /* Reads the input and emits its activities. Returns a tendon_status. */
  int (*import)(void* state, const tendon_input* input, const tendon_sink* sink);
  /* 1.1, optional: how sure the importer is that the folder behind `directory_fd` is its
   * format (an unpacked export), 0..100. May openat() and read within the folder; must
   * not close the descriptor. Such an importer's import then gets the folder through
   * tendon_input.directory_fd. */
  int (*probe_folder)(void* state, int directory_fd);
} tendon_importer;

#define TENDON_PLUGIN_THREAD_SAFE 1u

/* 1.2: sources. A source fetches activities from a remote service (Strava, intervals.icu)
 * on a schedule. The host calls `poll` once per round, on its sync thread (never two
 * rounds of one source at once), with a tendon_source_round through which the source
 * reads its settings and secrets, makes HTTP requests, hands over what it found and
 * commits its position. Everything handed over goes through the same import path as an
 * inbox file (duplicates, alerts, the push policy). */

/* One HTTP request the host makes for a source (libcurl, on the sync thread, bounded by
 * a timeout; given up when the daemon stops). The source fills the request fields; the
 * host fills the answer fields, which stay valid until the next http call of the round
 * or until poll returns. */
typedef struct tendon_http_exchange {
  uint32_t struct_size;
  const char* method;              /* "GET" or "POST" */
  const char* url;                 /* absolute http:// or https:// URL */
  const char* const* headers;      /* NULL-terminated "Name: value" lines, or NULL */
  const char* body;                /* request body (POST), or NULL */
  size_t body_size;
  /* answer */
  int32_t status;                  /* HTTP status; 0 when no answer came (see error) */
  const char* error;               /* the network error in one line, or NULL */
  const char* response_body;       /* not NUL-terminated: response_body_size bytes */
  size_t response_body_size;
  const char* const* response_headers;  /* NULL-terminated "name: value", names lower-case */
} tendon_http_exchange;

/* What a round gives a source. Pointers it returns are valid until the next call of the
 * same function, or until poll returns. */
typedef struct tendon_source_round {
  uint32_t struct_size;
  void* context;
  /* The position the source last committed, or NULL before its first round (backfill). */
  const char* cursor;
  int64_t now_ms;                  /* Unix epoch milliseconds when the round began */
  int64_t backfill_from_ms;        /* first round: fetch what started at or after this */
  /* A value of the source's config section ([sync.<id>] key), or NULL when unset. */
  const char* (*setting)(void* context, const char* key);
  /* A secret the source stored (a token), or NULL. The host keeps secrets in a file of
   * mode 0600 in the daemon's state folder and never logs them. */
  const char* (*secret)(void* context, const char* name);
  /* Stores secrets (name/value pairs, `count` of each) in one atomic write. Returns
   * TENDON_OK or TENDON_ERR_IO. */
  int (*store_secrets)(void* context, const char* const* names, const char* const* values, uint32_t count);
  /* Runs the request. Returns TENDON_OK when an answer or a network error came (see the
   * exchange), TENDON_ERR_CANCELLED when the daemon is stopping (return promptly). */
  int (*http)(void* context, tendon_http_exchange* exchange);
  /* Hands over one activity (copied). source_id must be stable ("strava:123"). */
  int (*emit)(void* context, const tendon_activity* activity);
  /* Hands over an activity file ("123.fit" and its bytes, copied) for the importers. */
  int (*emit_file)(void* context, const char* name, const uint8_t* bytes, size_t size);
  /* Describes a shoe the activities name (as tendon_sink.gear). */
  void (*gear)(void* context, const struct tendon_gear* gear);
  /* Stores everything handed over since the last commit, then `cursor` as the source's
   * position. Returns TENDON_OK, or non-OK when it was not stored (the daemon is
   * stopping, the store failed): the source then returns that status promptly. */
  int (*commit)(void* context, const char* cursor);
  /* A line for the daemon's log and the source's status (never a secret). */
  void (*report)(void* context, tendon_level level, const char* message);
  /* The service's rate budget as last seen: requests left in its shortest window and in
   * its daily window (-1 unknown), for `tendonctl sync status`. */
  void (*rate_budget)(void* context, int64_t short_window_left, int64_t daily_left);
  /* The source may not ask again before `until_ms` (a 429, a spent budget): the round
   * ends and the next one starts no earlier. */
  void (*defer_until)(void* context, int64_t until_ms);
} tendon_source_round;

/* A source: one remote service. */
typedef struct tendon_source {
  uint32_t struct_size;
  const char* id;                  /* "strava": its config section is [sync.strava] */
  const char* description;         /* "Strava API v3" */
  /* One round: fetch what is new since round->cursor, emit it, commit. Returns
   * TENDON_OK, TENDON_ERR_IO (the service or the network failed: retried after a
   * backoff), TENDON_ERR_FORMAT (the service answered nonsense), TENDON_ERR_CANCELLED, or
   * TENDON_ERR_INTERNAL; reasons via report. What was committed stays committed. */
  int (*poll)(void* state, const tendon_source_round* round);
} tendon_source;

/* What tendon_entry returns: the plugin and its components. */
typedef struct tendon_plugin {
  uint32_t struct_size;
  uint16_t abi_major;               /* TENDON_PLUGIN_ABI_MAJOR the plugin was built with */
  uint16_t abi_minor;               /* TENDON_PLUGIN_ABI_MINOR the plugin was built with */
  const char* id;                   /* "fit", "example-csv", ... */
  const char* version;              /* the plugin's own version */
  uint32_t flags;                   /* TENDON_PLUGIN_* */
  /* Optional. Creates the plugin's state; returns a tendon_status and may report why via
   * host->log. The state is passed back to every call. */
  int (*init)(const tendon_host* host, void** state);
  /* Optional. Frees the state. */
  void (*shutdown)(void* state);
  const tendon_importer* const* importers;  /* importer_count entries (1.2: may be 0 with sources) */
  uint32_t importer_count;
  /* 1.2: sources (may be the plugin's only components: importer_count may then be 0). */
  const tendon_source* const* sources;
  uint32_t source_count;
} tendon_plugin;

typedef const tendon_plugin* (*tendon_entry_fn)(void);

/* A shared-object plugin defines exactly this, with default visibility:
 *   TENDON_PLUGIN_EXPORT const tendon_plugin* tendon_entry(void) { return &my_plugin; } */
#if defined(__GNUC__)
#define TENDON_PLUGIN_EXPORT __attribute__((visibility("default")))
#else
#define TENDON_PLUGIN_EXPORT
#endif

#ifdef __cplusplus
}
#endif

#endif /* TENDON_PLUGIN_H */
