#pragma once
// Building a method's params object from what the command line said.
#include <cstdint>
#include <string>
#include <vector>

#include <rapidjson/document.h>

namespace tendon::cli {

class JsonParams {
 public:
  JsonParams();
  JsonParams& set(const char* name, const std::string& value);
  // Without it a string literal would pick the bool overload.
  JsonParams& set(const char* name, const char* value) { return set(name, std::string(value)); }
  JsonParams& set(const char* name, std::int64_t value);
  JsonParams& set(const char* name, double value);
  JsonParams& set(const char* name, bool value);
  JsonParams& set(const char* name, const std::vector<std::string>& values);
  // Compact JSON text, as Channel::call takes it.
  std::string text() const;

 private:
  rapidjson::Document doc_;
};

}  // namespace tendon::cli
