tendon_add_benchmark(bench_tcx SOURCES bench_tcx.cpp LIBS tendon_tcx)
