# Tendon's side of the comparison with other programs (scripts/bench/compare.py): a decoder
# that reports in the peers' format and the generated GPX run written to a file. Built with
# the benchmarks (`make bench`), so they are never out of step with them.
add_executable(tendon_decode peer_decode.cpp)
target_link_libraries(tendon_decode PRIVATE tendon_fit tendon_gpx tendon_warnings)
add_executable(tendon_write_gpx write_gpx.cpp generated_gpx.cpp)
target_link_libraries(tendon_write_gpx PRIVATE tendon_warnings)
add_dependencies(tendon_benchmarks tendon_decode tendon_write_gpx)
