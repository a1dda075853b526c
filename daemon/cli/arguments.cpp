#include "arguments.h"

namespace tendon::cli {

std::optional<std::string> Arguments::option(const std::string& name) const {
  const auto it = options.find(name);
  if (it == options.end()) return std::nullopt;
  return it->second;
}

Arguments parse_arguments(int argc, const char* const* argv, const std::set<std::string>& valued) {
  Arguments args;
  bool only_positional = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (!only_positional && a == "--") {
      only_positional = true;
    } else if (!only_positional && a.size() > 2 && a.rfind("--", 0) == 0) {
      std::string name = a.substr(2);
      const auto eq = name.find('=');
      if (eq != std::string::npos) {
        args.options[name.substr(0, eq)] = name.substr(eq + 1);
      } else if (valued.count(name)) {
        if (i + 1 >= argc) throw UsageError("--" + name + " needs a value");
        args.options[name] = argv[++i];
      } else {
        args.flags.insert(name);
      }
    } else if (!only_positional && a == "-h") {
      args.flags.insert("help");
    } else if (args.verb.empty()) {
      args.verb = a;
    } else {
      args.positional.push_back(a);
    }
  }
  return args;
}

void require_known(const Arguments& args, const std::set<std::string>& allowed) {
  for (const auto& f : args.flags) {
    if (!allowed.count(f)) throw UsageError("unknown option --" + f + " for '" + args.verb + "'");
  }
  for (const auto& [name, value] : args.options) {
    if (!allowed.count(name)) throw UsageError("unknown option --" + name + " for '" + args.verb + "'");
  }
}

}  // namespace tendon::cli
