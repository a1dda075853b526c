# The FIT importer through its plugin descriptor.
tendon_add_fuzzer(fuzz_fit SOURCES fuzz_fit.cpp LIBS tendon_fit
  SEEDS ${TENDON_SHARED_DIR}/corpus/fit
        ${PROJECT_SOURCE_DIR}/tests/data/fit)
