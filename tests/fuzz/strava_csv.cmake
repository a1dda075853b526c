# The Strava export's activities.csv reader (no archive, no host: the parser alone).
tendon_add_fuzzer(fuzz_strava_csv SOURCES fuzz_strava_csv.cpp LIBS tendon_strava_export
  SEEDS ${TENDON_SHARED_DIR}/corpus/strava/minimal-export
        ${TENDON_SHARED_DIR}/corpus/strava/malformed-export)
