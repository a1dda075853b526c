# The TCX importer through its plugin descriptor.
tendon_add_fuzzer(fuzz_tcx SOURCES fuzz_tcx.cpp LIBS tendon_tcx
  SEEDS ${TENDON_SHARED_DIR}/corpus/tcx
        ${PROJECT_SOURCE_DIR}/tests/data/tcx)
