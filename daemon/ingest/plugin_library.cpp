#include "plugin_library.h"

#include <dlfcn.h>

namespace tendon {

std::unique_ptr<SharedLibrary> SharedLibrary::open(const std::filesystem::path& file, std::string& error) {
  dlerror();  // clear a stale message
  void* handle = dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) {
    const char* message = dlerror();
    error = message != nullptr ? message : "dlopen failed";
    return nullptr;
  }
  return std::unique_ptr<SharedLibrary>(new SharedLibrary(handle));
}

SharedLibrary::~SharedLibrary() { dlclose(handle_); }

void* SharedLibrary::symbol(const char* name) const {
  dlerror();
  return dlsym(handle_, name);
}

}  // namespace tendon
