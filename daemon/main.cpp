// tendond: composition root only. Everything it does lives in sys/, ingest/, store/.
#include <iostream>
#include <optional>
#include <string>

#include "sys/daemon.h"
#include "tendon/version.h"

int main(int argc, char** argv) {
  std::optional<std::filesystem::path> config;
  std::optional<std::filesystem::path> socket;
  tendon::ServiceMode mode = tendon::ServiceMode::user;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--config" && i + 1 < argc) {
      config = argv[++i];
    } else if (a.rfind("--config=", 0) == 0) {
      config = a.substr(9);
    } else if (a == "--socket" && i + 1 < argc) {
      socket = argv[++i];
    } else if (a.rfind("--socket=", 0) == 0) {
      socket = a.substr(9);
    } else if (a == "--system") {
      mode = tendon::ServiceMode::system;
    } else if (a == "--version") {
      std::cout << "tendond " << TENDON_VERSION << "\n";
      return 0;
    } else if (a == "--help" || a == "-h") {
      std::cout << "usage: tendond [--system] [--config FILE] [--socket PATH] [--version]\n"
                   "Runs in the foreground and imports what arrives in the athletes' inbox folders (see\n"
                   "docs/daemon.md). Without --config it reads $XDG_CONFIG_HOME/tendon/tendon.toml when it\n"
                   "exists, else built-in defaults. The control socket is --socket PATH, else\n"
                   "$RUNTIME_DIRECTORY/tendond.sock, else $XDG_RUNTIME_DIR/tendon/tendond.sock\n"
                   "(/tmp/tendon-$UID/tendond.sock without it). $STATE_DIRECTORY holds the database.\n"
                   "--system: the shared daemon: socket /run/tendon/tendond.sock (0660, group tendon),\n"
                   "config /etc/tendon/tendon.toml, database /var/lib/tendon/tendon.db.\n"
                   "A socket passed by systemd (socket activation) is used instead of binding one.\n"
                   "SIGHUP reloads the config; SIGTERM or SIGINT stop it.\n";
      return 0;
    } else {
      std::cerr << "tendond: unknown argument '" << a << "' (see tendond --help)\n";
      return 2;
    }
  }
  // Before the config is read: its defaults follow the directories chosen here.
  if (mode == tendon::ServiceMode::system) tendon::use_system_directories();
  try {
    tendon::Daemon daemon(config, socket, mode);
    daemon.announce(std::cout);
    return daemon.run(std::cout);
  } catch (const std::exception& e) {
    std::cerr << "tendond: " << e.what() << "\n";
    return 1;
  }
}
