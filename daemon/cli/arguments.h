#pragma once
// tendonctl's command line: a verb, its positional arguments, and --options anywhere.
// Options take their value as "--name value" or "--name=value"; flags take none.
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace tendon::cli {

class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Arguments {
  std::string verb;
  std::vector<std::string> positional;
  std::map<std::string, std::string> options;  // name without dashes -> value
  std::set<std::string> flags;

  bool flag(const std::string& name) const { return flags.count(name) > 0; }
  std::optional<std::string> option(const std::string& name) const;
};

// `valued`: options that take a value; every other --name is a flag. Unknown names are
// left for the verb to reject (it knows its own).
Arguments parse_arguments(int argc, const char* const* argv, const std::set<std::string>& valued);

// Refuses flags and options outside `allowed` with a UsageError naming the first one.
void require_known(const Arguments& args, const std::set<std::string>& allowed);

}  // namespace tendon::cli
