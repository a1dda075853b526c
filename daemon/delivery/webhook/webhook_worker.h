#pragma once
// Sends the outbox's pending webhook deliveries, on its own thread with its own SQLite
// connection, so the event loop never waits on the network (docs/delivery.md).
//
// It sends what is due, oldest first, then sleeps until the next retry is due, wake() is
// called (the daemon calls it after each commit), the endpoints change, or kRecheck passes
// (rows another process queued, such as `tendonctl --offline checkin`). stop() gives up a
// request in flight within about a second; that row stays pending and the next start
// sends it again, with the same Idempotency-Key.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <ostream>
#include <random>
#include <thread>
#include <vector>

#include "config/webhook_config.h"
#include "delivery/webhook/delivery_verdict.h"
#include "store/store.h"

namespace tendon::webhook {

class WebhookWorker {
 public:
  static constexpr std::chrono::seconds kRecheck{30};

  // Opens its own connection to `database` (throws StoreError). Log lines go to `log`,
  // one whole line per write. Nothing is sent before start().
  WebhookWorker(const std::filesystem::path& database, std::vector<WebhookConfig> endpoints, std::ostream& log,
                RetryPolicy policy = RetryPolicy::from_environment());
  ~WebhookWorker();  // stop()
  WebhookWorker(const WebhookWorker&) = delete;
  WebhookWorker& operator=(const WebhookWorker&) = delete;

  void start();
  // Any thread. New rows may be due.
  void wake();
  // Any thread. Rows of endpoints no longer configured stay pending, unsent.
  void set_endpoints(std::vector<WebhookConfig> endpoints);
  // Any thread but the worker's; idempotent.
  void stop();

 private:
  void run();
  // Sends what is due now; false when nothing was.
  bool send_due();
  void deliver(const OutboxRow& row, const WebhookConfig& endpoint);
  void wait_for_work();
  void log_line(const std::string& line);

  std::unique_ptr<Store> store_;  // used only on the worker thread once started
  std::ostream& log_;
  const RetryPolicy policy_;
  std::mt19937_64 random_;

  std::mutex mutex_;
  std::condition_variable changed_;
  bool woken_ = false;
  std::vector<WebhookConfig> endpoints_;  // guarded by mutex_
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

}  // namespace tendon::webhook
