#pragma once
// The methods a server offers: name → tier, self-description and handler, kept sorted by
// name so that Server.ListMethods is stable and readable.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <variant>

#include <rapidjson/document.h>

#include "control/json_text.h"
#include "control/passed_fds.h"
#include "control/permissions.h"
#include "control/responder.h"

namespace tendon::control {

// Who is calling: the kernel's word on the peer, the tier the policy gave it, the
// connection (for per-connection state such as subscriptions) and the descriptors passed
// with this request.
struct Caller {
  PeerCredentials peer;
  Tier tier = Tier::read;
  std::uint64_t session_id = 0;
  // Never null; empty unless the request line came with SCM_RIGHTS descriptors.
  std::shared_ptr<PassedFds> fds = std::make_shared<PassedFds>();
};

// What Server.ListMethods says about a method.
struct MethodSpec {
  std::string name;  // "Namespace.Name"
  Tier tier = Tier::read;
  std::string description;
  // JSON text describing the params, e.g. {"id":"integer, required","note":"string, optional"}.
  std::string params_json = "{}";
};

// Answers on the loop's thread: returns the result or throws RpcError (any other exception
// becomes -32603). `params` is the request's params, an empty object when it had none.
using SyncHandler = std::function<JsonText(const rapidjson::Value& params, const Caller& caller)>;
// Starts the work and returns at once; answers later through `responder` (from any
// thread). `params` only lives during the call: copy what the work needs.
using AsyncHandler = std::function<void(const rapidjson::Value& params, const Caller& caller, Responder responder)>;

struct Method {
  MethodSpec spec;
  std::variant<SyncHandler, AsyncHandler> handler;
};

class MethodTable {
 public:
  // Adds or replaces the method named spec.name. Throws std::invalid_argument for an
  // empty name or params_json that is not a JSON object.
  void add(MethodSpec spec, SyncHandler handler);
  void add(MethodSpec spec, AsyncHandler handler);

  const Method* find(const std::string& name) const;
  // {"methods":[{"name":..,"tier":..,"description":..,"params":{..}},...]} sorted by name.
  JsonText describe() const;

 private:
  void insert(Method method);
  std::map<std::string, Method, std::less<>> methods_;
};

}  // namespace tendon::control
