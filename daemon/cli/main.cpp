// tendonctl: the command-line face of Tendon. Every verb is a method call on the control
// socket of the running tendond, or with --offline on the service run in process on the
// database; either way it renders the JSON result (--json prints it).
#include <iostream>

#include "arguments.h"
#include "cli_error.h"
#include "control/rpc_error.h"
#include "exit_codes.h"
#include "tendon/version.h"
#include "verb_table.h"

namespace {

using namespace tendon::cli;

// What an error answer means for a script.
int exit_code_of(const tendon::control::RpcError& e) {
  switch (e.code()) {
    case TENDON_RPC_NOT_FOUND:
      return kExitNotFound;
    case TENDON_RPC_PERMISSION_DENIED:
      return kExitPermission;
    default:
      return kExitError;
  }
}

int run(int argc, char** argv) {
  const Arguments args = parse_arguments(argc, argv, valued_options());
  if (args.flag("version") || args.verb == "version") {
    std::cout << "tendonctl " << TENDON_VERSION << "\n";
    return kExitOk;
  }
  if (args.verb.empty() || args.verb == "help") {
    const bool asked = args.verb == "help" || args.flag("help");
    (asked ? std::cout : std::cerr) << general_help();
    return asked ? kExitOk : kExitUsage;
  }
  const auto it = verb_table().find(args.verb);
  if (it == verb_table().end()) throw UsageError("unknown verb '" + args.verb + "' (see tendonctl --help)");
  if (args.flag("help")) {
    std::cout << verb_help(it->second);
    return kExitOk;
  }
  require_known(args, allowed_options(it->second));
  Invocation invocation(args);
  return it->second.run(invocation);
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const UsageError& e) {
    std::cerr << "tendonctl: " << e.what() << "\n";
    return kExitUsage;
  } catch (const CliError& e) {
    std::cerr << "tendonctl: " << e.what() << "\n";
    return e.exit_code();
  } catch (const tendon::control::RpcError& e) {
    // The service's message names the param, the alert, the athlete...
    std::cerr << "tendonctl: " << e.what() << "\n";
    return exit_code_of(e);
  } catch (const std::exception& e) {
    // Config, store and connection errors already name their file or socket.
    std::cerr << "tendonctl: " << e.what() << "\n";
    return kExitError;
  }
}
