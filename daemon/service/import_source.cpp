#include "service/import_source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <limits>
#include <stdexcept>

#include "control/rpc_error.h"
#include "service/params.h"

namespace tendon::service {
namespace {

using control::invalid_params;

OwnedFd open_path(const std::string& path) {
  // O_NONBLOCK: opening a FIFO must not wait for a writer (it is refused just after).
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0) {
    const int error = errno;
    const std::string message = "cannot open " + path + ": " + std::strerror(error);
    if (error == ENOENT || error == ENOTDIR) throw control::not_found(message);
    throw invalid_params(message);
  }
  return OwnedFd(fd);
}

OwnedFd passed_descriptor(const control::Caller& caller, std::int64_t index) {
  const int fd = caller.fds->take(static_cast<std::size_t>(index));
  if (fd < 0) {
    throw invalid_params("fd " + std::to_string(index) + ": no such descriptor was passed with this request (" +
                         std::to_string(caller.fds->size()) + " passed)");
  }
  return OwnedFd(fd);
}

// True for a folder, false for a regular file; anything else (a FIFO, a device) is refused.
bool require_file_or_folder(const OwnedFd& file, const std::string& what) {
  struct stat info {};
  if (::fstat(file.get(), &info) != 0) throw invalid_params("cannot stat " + what + ": " + std::strerror(errno));
  if (S_ISDIR(info.st_mode)) return true;
  if (!S_ISREG(info.st_mode)) throw invalid_params(what + " is neither a regular file nor a folder");
  // Reads block normally from here on (the flag only mattered for opening).
  const int flags = ::fcntl(file.get(), F_GETFL);
  if (flags >= 0) ::fcntl(file.get(), F_SETFL, flags & ~O_NONBLOCK);
  return false;
}

// "~/Downloads/export_12345/" names the folder "export_12345", not "".
std::filesystem::path without_trailing_slashes(std::string text) {
  while (text.size() > 1 && text.back() == '/') text.pop_back();
  return text;
}

}  // namespace

OwnedFd::~OwnedFd() {
  if (fd_ >= 0) ::close(fd_);
}

OwnedFd& OwnedFd::operator=(OwnedFd&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = other.release();
  }
  return *this;
}

ImportSource open_import_source(const rapidjson::Value& params, const control::Caller& caller) {
  const auto path = optional_string(params, "path");
  const auto index = optional_integer(params, "fd", 0, std::numeric_limits<int>::max());
  if (path && index) throw invalid_params("give path or fd, not both");
  ImportSource source;
  if (path) {
    if (path->empty()) throw invalid_params("path is empty");
    source.file = open_path(*path);
    source.name = without_trailing_slashes(*path);
    source.folder = require_file_or_folder(source.file, *path);
    return source;
  }
  if (!index) throw invalid_params("path (a file the server opens) or fd (a passed descriptor) is required");
  // Read before taking the descriptor, so a bad request leaves nothing half done.
  source.name = without_trailing_slashes(required_string(params, "name"));
  source.file = passed_descriptor(caller, *index);
  source.folder = require_file_or_folder(source.file, "fd " + std::to_string(*index) + " (" + source.name.string() + ")");
  return source;
}

std::string read_whole(const OwnedFd& file, std::size_t max_bytes) {
  std::string bytes;
  char chunk[1 << 16];
  for (;;) {
    const ssize_t got = ::read(file.get(), chunk, sizeof chunk);
    if (got < 0) {
      if (errno == EINTR) continue;
      throw std::runtime_error(std::string("read error: ") + std::strerror(errno));
    }
    if (got == 0) return bytes;
    bytes.append(chunk, static_cast<std::size_t>(got));
    if (bytes.size() > max_bytes)
      throw std::runtime_error("file is over the limit of " + std::to_string(max_bytes) + " bytes");
  }
}

}  // namespace tendon::service
