tendon_add_benchmark(bench_gpx SOURCES bench_gpx.cpp generated_gpx.cpp LIBS tendon_gpx)
