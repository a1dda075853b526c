# The real tendond end to end: inbox-to-alert latency on the control socket and idle memory,
# and status queries per second with many subscribed clients. They borrow the integration
# tests' daemon runner and the control tests' socket client.
foreach(bench bench_daemon_latency bench_daemon_queries)
  tendon_add_benchmark(${bench}
    SOURCES ${bench}.cpp
    LIBS tendon_control tendon_public_headers)
  target_compile_definitions(${bench} PRIVATE
    TENDOND_PATH="$<TARGET_FILE:tendond>" TENDONCTL_PATH="$<TARGET_FILE:tendonctl>")
  target_include_directories(${bench} PRIVATE
    ${PROJECT_SOURCE_DIR}/tests ${PROJECT_SOURCE_DIR}/tests/integration ${PROJECT_SOURCE_DIR}/tests/unit/control)
  target_include_directories(${bench} SYSTEM PRIVATE ${RAPIDJSON_INCLUDE_DIRS})
  add_dependencies(${bench} tendond)
endforeach()
