#pragma once
// Every verb with its usage, its help and its options: what main() dispatches on and what
// --help prints.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "verbs.h"

namespace tendon::cli {

struct OptionHelp {
  std::string name;   // without dashes
  std::string value;  // "N", "FILE"...; empty for a flag
  std::string help;
};

struct VerbSpec {
  int (*run)(Invocation&);
  std::string usage;
  std::string help;
  std::vector<OptionHelp> options;  // the verb's own; the common ones come on top
};

const std::map<std::string, VerbSpec>& verb_table();
// Options every verb takes: --json, --offline, --socket, --config.
const std::vector<OptionHelp>& common_options();
// Options that take a value, for parse_arguments().
std::set<std::string> valued_options();
// The verb's options and the common ones, for require_known().
std::set<std::string> allowed_options(const VerbSpec& verb);

std::string general_help();
std::string verb_help(const VerbSpec& verb);

}  // namespace tendon::cli
