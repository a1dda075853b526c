# Fuzz-only builds do not go through tests/CMakeLists.txt, which defines TENDON_SHARED_DIR.
if(NOT DEFINED TENDON_SHARED_DIR)
  get_filename_component(TENDON_SHARED_DIR "${PROJECT_SOURCE_DIR}/../shared" ABSOLUTE)
endif()
# One seed folder: tendon_add_fuzzer writes SEEDS into fuzz-seeds.txt as a CMake list,
# which scripts/fuzz.sh would read as a single path if there were several.
tendon_add_fuzzer(fuzz_gpx SOURCES fuzz_gpx.cpp LIBS tendon_gpx SEEDS ${TENDON_SHARED_DIR}/corpus/gpx)
