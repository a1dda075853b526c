# The activity-log parser (JSON Lines and CSV): both formats and detection on every input.
tendon_add_fuzzer(fuzz_activity_log
  SOURCES fuzz_activity_log.cpp
  LIBS tendon_activity_log
  SEEDS ${PROJECT_SOURCE_DIR}/tests/data)
