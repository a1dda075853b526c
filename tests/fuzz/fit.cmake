# The FIT importer through its plugin descriptor. Fuzz-only builds do not go through
# tests/CMakeLists.txt, which defines TENDON_SHARED_DIR.
if(NOT DEFINED TENDON_SHARED_DIR)
  get_filename_component(TENDON_SHARED_DIR "${PROJECT_SOURCE_DIR}/../shared" ABSOLUTE)
endif()
tendon_add_fuzzer(fuzz_fit SOURCES fuzz_fit.cpp LIBS tendon_fit
  SEEDS ${TENDON_SHARED_DIR}/corpus/fit
        ${PROJECT_SOURCE_DIR}/tests/data/fit)
