# The daemon's own parsers: the control socket's framing and request dispatch, the config
# file, and the export archive listing shared by the export importers.
tendon_add_fuzzer(fuzz_socket_framing SOURCES fuzz_socket_framing.cpp LIBS tendon_control
  SEEDS ${CMAKE_CURRENT_LIST_DIR}/seeds/fuzz_socket_framing)
tendon_add_fuzzer(fuzz_config SOURCES fuzz_config.cpp LIBS tendon_config
  SEEDS ${PROJECT_SOURCE_DIR}/config
        ${CMAKE_CURRENT_LIST_DIR}/seeds/fuzz_config)
tendon_add_fuzzer(fuzz_archive_listing SOURCES fuzz_archive_listing.cpp LIBS tendon_archive
  SEEDS ${CMAKE_CURRENT_LIST_DIR}/seeds/fuzz_archive_listing)
