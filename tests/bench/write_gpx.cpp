// tendon_write_gpx: writes the GPX benchmarks' generated run to a file, so that programs
// other than Tendon's can be timed on the same bytes (scripts/bench/compare.py).
// Usage: tendon_write_gpx POINTS OUT
#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "generated_gpx.h"

int main(int argc, char** argv) {
  if (argc != 3 || std::atol(argv[1]) <= 0) {
    std::fprintf(stderr, "usage: tendon_write_gpx POINTS OUT\n");
    return 2;
  }
  std::ofstream out(argv[2], std::ios::binary);
  out << tendon::bench::generated_gpx(static_cast<std::size_t>(std::atol(argv[1])));
  out.close();
  if (!out) {
    std::fprintf(stderr, "tendon_write_gpx: %s: cannot be written\n", argv[2]);
    return 1;
  }
  return 0;
}
