# The Garmin export's summarizedActivities reader (no archive, no host: the SAX reader alone).
tendon_add_fuzzer(fuzz_garmin_summaries SOURCES fuzz_garmin_summaries.cpp LIBS tendon_garmin_summaries
  SEEDS ${CMAKE_CURRENT_LIST_DIR}/seeds/fuzz_garmin_summaries)
