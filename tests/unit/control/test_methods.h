#pragma once
// The methods and small helpers the server tests share.
#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <stdexcept>
#include <string>

#include "control/server.h"
#include "fd_test_support.h"
#include "server_fixture.h"
#include "test_client.h"

namespace tendon::testing {

using control::Caller;
using control::JsonText;
using control::Server;
using control::Tier;

// Test.Echo (read) returns its params; {"fail":true} makes it refuse them.
// Test.Control (control) returns "ok". Test.Count (read) counts its calls.
inline void register_test_methods(Server& server, std::atomic<int>* count = nullptr) {
  server.register_method({"Test.Echo", Tier::read, "Returns its params.", R"({"any":"anything"})"},
                         [](const rapidjson::Value& params, const Caller&) {
                           if (params.IsObject() && params.HasMember("fail")) throw control::invalid_params("fail was given");
                           return JsonText(params);
                         });
  server.register_method({"Test.Control", Tier::control, "Needs control.", "{}"},
                         [](const rapidjson::Value&, const Caller&) { return JsonText::raw(R"("ok")"); });
  server.register_method({"Test.Count", Tier::read, "Counts.", "{}"},
                         [count](const rapidjson::Value&, const Caller&) {
                           if (count != nullptr) ++*count;
                           return JsonText::raw("true");
                         });
  server.register_method({"Test.Throw", Tier::read, "Throws.", "{}"},
                         [](const rapidjson::Value&, const Caller&) -> JsonText { throw std::runtime_error("boom"); });
}

// Test.Fds (read) takes every descriptor passed with the request and answers
// {"count":n,"texts":[what each file holds],"cloexec":true when every one was close-on-exec};
// with {"leave":true} it takes none and answers {"count":n}.
inline void register_fd_method(Server& server) {
  server.register_method({"Test.Fds", Tier::read, "Reads the passed files.", R"({"leave":"bool"})"},
                         [](const rapidjson::Value& params, const Caller& caller) {
                           rapidjson::Document result(rapidjson::kObjectType);
                           auto& allocator = result.GetAllocator();
                           const auto count = static_cast<std::uint64_t>(caller.fds->size());
                           result.AddMember("count", count, allocator);
                           if (params.IsObject() && params.HasMember("leave")) return JsonText(result);
                           rapidjson::Value texts(rapidjson::kArrayType);
                           bool cloexec = true;
                           for (std::size_t i = 0; i < caller.fds->size(); ++i) {
                             const int fd = caller.fds->take(i);
                             cloexec = cloexec && (::fcntl(fd, F_GETFD) & FD_CLOEXEC) != 0;
                             texts.PushBack(rapidjson::Value(file_text(fd).c_str(), allocator), allocator);
                             ::close(fd);
                           }
                           result.AddMember("texts", texts, allocator);
                           result.AddMember("cloexec", cloexec, allocator);
                           return JsonText(result);
                         });
}

// Connects and checks the greeting comes first.
inline std::unique_ptr<TestClient> connect(const ServerFixture& fixture) {
  auto client = std::make_unique<TestClient>(fixture.socket_path());
  const auto hello = client->read_json();
  EXPECT_STREQ(hello["method"].GetString(), "Server.Hello");
  return client;
}

inline int error_code_of(const rapidjson::Document& reply) {
  return reply.HasMember("error") ? reply["error"]["code"].GetInt() : 0;
}
inline std::string error_message_of(const rapidjson::Document& reply) {
  return reply.HasMember("error") ? reply["error"]["message"].GetString() : "";
}

}  // namespace tendon::testing
