// Daemon.Reload: what SIGHUP does, asked for on the socket.
#include <stdexcept>

#include "control/rpc_error.h"
#include "service/handler_support.h"
#include "service/method_groups.h"

namespace tendon::service {

void register_daemon_methods(control::MethodTable& table, ServiceContext& ctx) {
  table.add({"Daemon.Reload", control::Tier::admin,
             "Reloads the config as SIGHUP does; a refused config is an error and the old one stays", "{}"},
            with_object_params([&ctx](const rapidjson::Value&) {
              try {
                ctx.reload();
              } catch (const std::runtime_error& e) {
                throw control::RpcError(TENDON_RPC_INTERNAL_ERROR, e.what());
              }
              return control::JsonText::raw(R"({"reloaded":true})");
            }));
}

}  // namespace tendon::service
