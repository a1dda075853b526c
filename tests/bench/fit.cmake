# FIT decoding throughput (decoder API and plugin descriptor). The generated benchmark
# borrows the tests' FIT writer.
tendon_add_benchmark(bench_fit
  SOURCES bench_fit.cpp ${PROJECT_SOURCE_DIR}/tests/plugins/fit/fit_writer.cpp
  LIBS tendon_fit)
target_include_directories(bench_fit PRIVATE ${PROJECT_SOURCE_DIR}/tests/plugins/fit)
