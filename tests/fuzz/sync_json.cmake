# The platform sync parsers (Strava and intervals.icu answers, rate-limit headers).
tendon_add_fuzzer(fuzz_sync_json SOURCES fuzz_sync_json.cpp LIBS tendon_sync_parsers
  SEEDS ${CMAKE_CURRENT_LIST_DIR}/seeds/fuzz_sync_json)
