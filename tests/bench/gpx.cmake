tendon_add_benchmark(bench_gpx SOURCES bench_gpx.cpp LIBS tendon_gpx)
