# libFuzzer builds (clang only): every parser library gets coverage instrumentation and
# each target in tests/fuzz links libFuzzer's main. Without TENDON_FUZZ the same targets
# are built with a replay main that runs their regression inputs as ordinary tests.
option(TENDON_FUZZ "Build the libFuzzer targets (needs clang)" OFF)
if(TENDON_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "TENDON_FUZZ needs clang (CC=clang CXX=clang++)")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
