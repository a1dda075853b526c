# Thin wrapper: every real decision lives in CMake. `make run` and `make test` work on a
# fresh Debian 12 machine: they install what is missing, configure, build, then act.
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=

.PHONY: all deps configure build run test test-sanitize bench fuzz clean

all: build

deps:
	./scripts/install-deps.sh

configure: deps
	cmake -S . -B $(BUILD_DIR) $(CMAKE_FLAGS)

build: configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

run: build
	./$(BUILD_DIR)/daemon/tendond $(ARGS)

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

# The same tests under AddressSanitizer + UndefinedBehaviorSanitizer (CI runs this too).
test-sanitize:
	$(MAKE) test BUILD_DIR=build-asan CMAKE_FLAGS="-DTENDON_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug"

# Decoder and pipeline benchmarks, built in Release (Google Benchmark), then one table of
# Tendon beside its peers (gpsbabel, gpxpy, Garmin's FIT SDK for JavaScript; installed here
# when missing, reported missing when they cannot be).
bench: deps
	./scripts/install-bench-peers.sh build-bench/peers
	cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release
	cmake --build build-bench -j $(JOBS) --target tendon_benchmarks
	./scripts/bench.sh build-bench build-bench/peers

# libFuzzer targets under ASan + UBSan, FUZZ_SECONDS each (clang).
FUZZ_SECONDS ?= 60
fuzz: deps
	CC=clang CXX=clang++ cmake -S . -B build-fuzz -DTENDON_FUZZ=ON -DTENDON_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
	cmake --build build-fuzz -j $(JOBS) --target tendon_fuzzers
	./scripts/fuzz.sh build-fuzz $(FUZZ_SECONDS) $(FUZZ_TARGETS)

clean:
	rm -rf $(BUILD_DIR) build-asan build-bench build-fuzz
