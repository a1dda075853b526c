# A generated ten-year Strava export through the plugin host and ImportService on a real
# SQLite file, in a forked child: wall time and peak memory. The export is written with the
# FIT tests' writer and the Strava tests' zip writer (compiled in, as the export tests do).
tendon_add_benchmark(bench_export_import
  SOURCES bench_export_import.cpp
    ${PROJECT_SOURCE_DIR}/tests/support/generated_export.cpp
    ${PROJECT_SOURCE_DIR}/tests/plugins/strava_export/export_fixtures.cpp
    ${PROJECT_SOURCE_DIR}/tests/plugins/fit/fit_writer.cpp
  LIBS tendon_ingest tendon_archive tendon_fit tendon_test_support)
target_include_directories(bench_export_import PRIVATE
  ${PROJECT_SOURCE_DIR}/tests ${PROJECT_SOURCE_DIR}/daemon
  ${PROJECT_SOURCE_DIR}/tests/plugins/strava_export ${PROJECT_SOURCE_DIR}/tests/plugins/fit)
