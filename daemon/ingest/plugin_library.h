#pragma once
// A shared object opened with dlopen(RTLD_NOW | RTLD_LOCAL) and closed when the owner is
// done with it. RTLD_NOW: a plugin with an unresolved symbol fails here, with the loader's
// message, instead of killing the daemon at its first call. RTLD_LOCAL: plugins cannot
// see or override each other's symbols.
#include <filesystem>
#include <memory>
#include <string>

namespace tendon {

class SharedLibrary {
 public:
  // The library, or nullptr with the loader's (dlerror) text in `error`.
  static std::unique_ptr<SharedLibrary> open(const std::filesystem::path& file, std::string& error);
  ~SharedLibrary();
  SharedLibrary(const SharedLibrary&) = delete;
  SharedLibrary& operator=(const SharedLibrary&) = delete;

  // The address of `name`, or nullptr when the library does not define it.
  void* symbol(const char* name) const;

 private:
  explicit SharedLibrary(void* handle) : handle_(handle) {}
  void* handle_;
};

}  // namespace tendon
