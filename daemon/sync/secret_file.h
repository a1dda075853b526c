#pragma once
// A source's secrets (tokens, API keys) in the daemon's state folder: one JSON object per
// source in <state>/sync/<source>.json, mode 0600 in a folder of mode 0700, replaced
// atomically (written beside, fsynced, renamed), so a crash leaves the old file or the
// new one. Nothing here logs a value.
#include <filesystem>
#include <map>
#include <string>

namespace tendon {

class SecretFile {
 public:
  explicit SecretFile(std::filesystem::path file) : file_(std::move(file)) {}

  // The stored secrets; none when the file does not exist. Throws std::runtime_error
  // (naming the file, never a value) when it cannot be read or is not a JSON object of strings.
  std::map<std::string, std::string> load() const;
  // Merges `secrets` into what is stored and writes the whole. Throws std::runtime_error.
  void store(const std::map<std::string, std::string>& secrets) const;

  const std::filesystem::path& path() const { return file_; }

 private:
  std::filesystem::path file_;
};

// <folder of the database>/sync/<source>.json: the state folder is where the database lives.
std::filesystem::path secret_file_for(const std::filesystem::path& database, const std::string& source);

}  // namespace tendon
