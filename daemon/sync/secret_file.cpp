#include "sync/secret_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace tendon {

namespace {

[[noreturn]] void fail(const std::filesystem::path& file, const std::string& what) {
  throw std::runtime_error(file.string() + ": " + what);
}

void write_all(int fd, const std::string& text, const std::filesystem::path& file) {
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) fail(file, std::string("cannot write: ") + std::strerror(errno));
    done += static_cast<std::size_t>(n);
  }
}

}  // namespace

std::filesystem::path secret_file_for(const std::filesystem::path& database, const std::string& source) {
  return database.parent_path() / "sync" / (source + ".json");
}

std::map<std::string, std::string> SecretFile::load() const {
  std::map<std::string, std::string> secrets;
  std::ifstream in(file_, std::ios::binary);
  if (!in) {
    if (errno == ENOENT) return secrets;
    fail(file_, std::string("cannot open: ") + std::strerror(errno));
  }
  std::stringstream text;
  text << in.rdbuf();
  rapidjson::Document doc;
  const std::string body = text.str();
  doc.Parse(body.data(), body.size());
  if (doc.HasParseError() || !doc.IsObject()) fail(file_, "not a JSON object (remove it and log in again)");
  for (const auto& m : doc.GetObject()) {
    if (m.value.IsString()) secrets[m.name.GetString()] = std::string(m.value.GetString(), m.value.GetStringLength());
  }
  return secrets;
}

void SecretFile::store(const std::map<std::string, std::string>& update) const {
  std::map<std::string, std::string> secrets = load();
  for (const auto& [name, value] : update) secrets[name] = value;
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  w.StartObject();
  for (const auto& [name, value] : secrets) {
    w.Key(name.c_str(), static_cast<rapidjson::SizeType>(name.size()));
    w.String(value.c_str(), static_cast<rapidjson::SizeType>(value.size()));
  }
  w.EndObject();

  const std::filesystem::path folder = file_.parent_path();
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  if (ec) fail(folder, "cannot create: " + ec.message());
  // Only the daemon's user may look inside, whatever the umask made of a new folder.
  std::filesystem::permissions(folder, std::filesystem::perms::owner_all, ec);
  std::filesystem::path temporary = file_;
  temporary += ".new";
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) fail(temporary, std::string("cannot create: ") + std::strerror(errno));
  try {
    (void)!::fchmod(fd, 0600);  // an old .new file may have had another mode
    write_all(fd, buffer.GetString(), temporary);
    if (::fsync(fd) != 0) fail(temporary, std::string("cannot sync: ") + std::strerror(errno));
  } catch (...) {
    ::close(fd);
    throw;
  }
  ::close(fd);
  if (::rename(temporary.c_str(), file_.c_str()) != 0) fail(file_, std::string("cannot replace: ") + std::strerror(errno));
}

}  // namespace tendon
