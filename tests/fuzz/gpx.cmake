# The GPX importer through its plugin descriptor.
tendon_add_fuzzer(fuzz_gpx SOURCES fuzz_gpx.cpp LIBS tendon_gpx
  SEEDS ${TENDON_SHARED_DIR}/corpus/gpx
        ${PROJECT_SOURCE_DIR}/tests/data/gpx)
