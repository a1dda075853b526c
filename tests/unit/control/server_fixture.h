#pragma once
// A control server on its own loop thread in a temporary folder, for the tests.
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <functional>
#include <future>
#include <memory>
#include <thread>

#include "control/server.h"
#include "support/temp_dir.h"

namespace tendon::testing {

class ServerFixture {
 public:
  ServerFixture() : guard_(boost::asio::make_work_guard(io_)) {}
  ~ServerFixture() { shut_down(); }
  ServerFixture(const ServerFixture&) = delete;
  ServerFixture& operator=(const ServerFixture&) = delete;

  // Creates the server, lets `setup` register methods, listens on socket_path(), runs the loop.
  void start(control::ServerOptions options = {}, const std::function<void(control::Server&)>& setup = {}) {
    server_ = std::make_unique<control::Server>(io_, std::move(options));
    if (setup) setup(*server_);
    server_->listen({socket_path(), 0600, ""});
    thread_ = std::thread([this] { io_.run(); });
  }

  // Runs `work` on the loop's thread and waits for it.
  template <typename Work>
  auto on_loop(Work work) {
    std::packaged_task<decltype(work())()> task(std::move(work));
    auto result = task.get_future();
    boost::asio::post(io_, [&task] { task(); });
    return result.get();
  }

  void shut_down() {
    if (!thread_.joinable()) return;
    on_loop([this] { server_->stop(); });
    guard_.reset();
    io_.stop();
    thread_.join();
    server_.reset();
  }

  std::string socket_path() const { return dir_ / "run/tendon/tendond.sock"; }
  control::Server& server() { return *server_; }
  boost::asio::io_context& io() { return io_; }
  const TempDir& dir() const { return dir_; }

 private:
  TempDir dir_;
  boost::asio::io_context io_;
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> guard_;
  std::unique_ptr<control::Server> server_;
  std::thread thread_;
};

}  // namespace tendon::testing
