# The real tendond end to end: inbox-to-alert latency on the control socket and idle memory.
# It borrows the integration tests' daemon runner and the control tests' socket client.
tendon_add_benchmark(bench_daemon_latency
  SOURCES bench_daemon_latency.cpp
  LIBS tendon_control tendon_public_headers)
target_compile_definitions(bench_daemon_latency PRIVATE
  TENDOND_PATH="$<TARGET_FILE:tendond>" TENDONCTL_PATH="$<TARGET_FILE:tendonctl>")
target_include_directories(bench_daemon_latency PRIVATE
  ${PROJECT_SOURCE_DIR}/tests ${PROJECT_SOURCE_DIR}/tests/integration ${PROJECT_SOURCE_DIR}/tests/unit/control)
target_include_directories(bench_daemon_latency SYSTEM PRIVATE ${RAPIDJSON_INCLUDE_DIRS})
add_dependencies(bench_daemon_latency tendond)
