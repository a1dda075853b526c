#include "control/request_dispatch.h"

#include <rapidjson/error/en.h>

#include <exception>

namespace tendon::control {
namespace {

// The parts of a request the dispatcher checks before calling anyone.
struct Request {
  std::optional<std::string> id_json;  // nullopt: a notification
  std::string method;
  const rapidjson::Value* params = nullptr;
};

// Throws RpcError (with the id when it is known) for what is not a JSON-RPC request.
Request parse_request(const rapidjson::Document& document, std::string& id_for_errors) {
  if (document.IsArray()) throw RpcError(TENDON_RPC_INVALID_REQUEST, "batch requests are not supported");
  if (!document.IsObject()) throw RpcError(TENDON_RPC_INVALID_REQUEST, "a request must be a JSON object");
  Request request;
  if (const auto id = document.FindMember("id"); id != document.MemberEnd()) {
    if (!id->value.IsString() && !id->value.IsNumber() && !id->value.IsNull()) {
      throw RpcError(TENDON_RPC_INVALID_REQUEST, "id must be a string, a number or null");
    }
    request.id_json = to_json(id->value);
    id_for_errors = *request.id_json;
  }
  if (const auto version = document.FindMember("jsonrpc"); version != document.MemberEnd()) {
    if (!version->value.IsString() || std::string_view(version->value.GetString()) != "2.0") {
      throw RpcError(TENDON_RPC_INVALID_REQUEST, R"(jsonrpc must be "2.0")");
    }
  }
  const auto method = document.FindMember("method");
  if (method == document.MemberEnd() || !method->value.IsString()) {
    throw RpcError(TENDON_RPC_INVALID_REQUEST, "method must be a string");
  }
  request.method.assign(method->value.GetString(), method->value.GetStringLength());
  if (const auto params = document.FindMember("params"); params != document.MemberEnd()) {
    if (!params->value.IsObject() && !params->value.IsArray()) {
      throw RpcError(TENDON_RPC_INVALID_PARAMS, "params must be an object or an array");
    }
    request.params = &params->value;
  }
  return request;
}

}  // namespace

void dispatch_request(const MethodTable& methods, boost::asio::io_context& io, Session& session,
                      std::string_view line, std::shared_ptr<PassedFds> fds) {
  rapidjson::Document document;
  document.Parse(line.data(), line.size());
  if (document.HasParseError()) {
    session.send(error_line("null", TENDON_RPC_PARSE_ERROR,
                            std::string("parse error: ") + rapidjson::GetParseError_En(document.GetParseError()) +
                                " (at byte " + std::to_string(document.GetErrorOffset()) + ")"));
    return;
  }
  std::string id_for_errors = "null";
  Request request;
  try {
    request = parse_request(document, id_for_errors);
  } catch (const RpcError& error) {
    // Answered even without an id: the client cannot tell a broken request was a notification.
    session.send(error_line(id_for_errors, error));
    return;
  }
  const bool answer = request.id_json.has_value();
  const std::string& id_json = answer ? *request.id_json : id_for_errors;

  const Method* method = methods.find(request.method);
  if (method == nullptr) {
    if (answer) session.send(error_line(id_json, TENDON_RPC_METHOD_NOT_FOUND, "method not found: " + request.method));
    return;
  }
  // Per request: the descriptors are this request's alone, and go when `caller` does.
  Caller caller = session.caller();
  if (fds) caller.fds = std::move(fds);
  if (!allows(caller.tier, method->spec.tier)) {
    if (answer) {
      session.send(error_line(id_json, TENDON_RPC_PERMISSION_DENIED,
                              "permission denied: " + request.method + " needs " +
                                  std::string(tier_name(method->spec.tier))));
    }
    return;
  }
  static const rapidjson::Value no_params(rapidjson::kObjectType);
  const rapidjson::Value& params = request.params != nullptr ? *request.params : no_params;

  if (const auto* sync = std::get_if<SyncHandler>(&method->handler)) {
    std::string reply;
    try {
      reply = result_line(id_json, (*sync)(params, caller));
    } catch (const RpcError& error) {
      reply = error_line(id_json, error);
    } catch (const std::exception& error) {
      reply = error_line(id_json, TENDON_RPC_INTERNAL_ERROR, std::string("internal error: ") + error.what());
    }
    if (answer) session.send(std::move(reply));
    return;
  }
  const auto& async = std::get<AsyncHandler>(method->handler);
  session.begin_call();
  const Responder responder = Responder::for_request(io, session.weak_from_this(), request.id_json);
  try {
    async(params, caller, responder);
  } catch (const RpcError& error) {
    responder.fail(error);
  } catch (const std::exception& error) {
    responder.fail(RpcError(TENDON_RPC_INTERNAL_ERROR, std::string("internal error: ") + error.what()));
  }
}

}  // namespace tendon::control
