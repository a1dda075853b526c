#pragma once
// Paths of the real binaries under test (set by CMake from the build tree).
namespace tendon::testing {
inline const char* tendonctl_path() { return TENDONCTL_PATH; }
inline const char* tendond_path() { return TENDOND_PATH; }
}  // namespace tendon::testing
