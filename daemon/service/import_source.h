#pragma once
// Where Activity.Import reads from: a path the server opens itself, or a descriptor the
// client passed with the request (SCM_RIGHTS), so a sandboxed daemon needs no access to
// the client's folders. Either way it must be a regular file, or a folder (an unpacked
// export), which is then read with openat() relative to that descriptor.
#include <rapidjson/document.h>

#include <cstddef>
#include <filesystem>
#include <string>

#include "control/method_table.h"

namespace tendon::service {

// A file descriptor closed when its owner goes.
class OwnedFd {
 public:
  explicit OwnedFd(int fd = -1) : fd_(fd) {}
  ~OwnedFd();
  OwnedFd(OwnedFd&& other) noexcept : fd_(other.release()) {}
  OwnedFd& operator=(OwnedFd&& other) noexcept;
  OwnedFd(const OwnedFd&) = delete;
  OwnedFd& operator=(const OwnedFd&) = delete;

  int get() const { return fd_; }
  int release() {
    const int fd = fd_;
    fd_ = -1;
    return fd;
  }

 private:
  int fd_;
};

struct ImportSource {
  OwnedFd file;
  std::filesystem::path name;  // the path, or the name the client gave with its descriptor
                               // (without trailing '/': "export_12345")
  bool folder = false;         // `file` is a folder's descriptor
};

// From the params "path", or "fd" (index into the caller's passed descriptors) with
// "name". Throws RpcError: -32602 for bad params, a missing descriptor, a path that cannot
// be opened or what is neither a regular file nor a folder; -32002 for a path that does not
// exist. Messages carry the OS's reason.
ImportSource open_import_source(const rapidjson::Value& params, const control::Caller& caller);

// The whole file (from its current offset), refusing more than `max_bytes`. Throws
// std::runtime_error with the reason.
std::string read_whole(const OwnedFd& file, std::size_t max_bytes);

}  // namespace tendon::service
