#include "delivery/webhook/webhook_worker.h"

#include <ctime>
#include <exception>
#include <sstream>

#include "delivery/webhook/http_post.h"
#include "delivery/webhook/log_safety.h"
#include "delivery/webhook/webhook_request.h"

namespace tendon::webhook {

namespace {

constexpr std::size_t kBatch = 32;
// After an unexpected failure (the database busy beyond its timeout, ...): wait, go on.
constexpr std::chrono::seconds kPauseAfterError{5};

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string seconds_text(std::chrono::milliseconds ms) {
  std::ostringstream out;
  out.precision(ms.count() < 10000 ? 2 : 0);
  out << std::fixed << static_cast<double>(ms.count()) / 1000 << " s";
  return out.str();
}

}  // namespace

WebhookWorker::WebhookWorker(const std::filesystem::path& database, std::vector<WebhookConfig> endpoints,
                             std::ostream& log, RetryPolicy policy)
    : store_(std::make_unique<Store>(database)),
      log_(log),
      policy_(policy),
      random_(std::random_device{}()),
      endpoints_(std::move(endpoints)) {}

WebhookWorker::~WebhookWorker() { stop(); }

void WebhookWorker::start() {
  if (thread_.joinable()) return;
  thread_ = std::thread([this] { run(); });
}

void WebhookWorker::wake() {
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  changed_.notify_one();
}

void WebhookWorker::set_endpoints(std::vector<WebhookConfig> endpoints) {
  {
    std::lock_guard lock(mutex_);
    endpoints_ = std::move(endpoints);
    woken_ = true;
  }
  changed_.notify_one();
}

void WebhookWorker::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_one();
  if (thread_.joinable()) thread_.join();
}

void WebhookWorker::log_line(const std::string& line) {
  // One write per line: the loop thread logs to the same stream.
  log_ << (line + "\n") << std::flush;
}

void WebhookWorker::run() {
  while (!stopping_) {
    try {
      if (!send_due()) wait_for_work();
    } catch (const std::exception& e) {
      log_line(std::string("tendond: webhooks: ") + e.what() + "; trying again in " + seconds_text(kPauseAfterError));
      std::unique_lock lock(mutex_);
      changed_.wait_for(lock, kPauseAfterError, [this] { return stopping_.load(); });
    }
  }
}

bool WebhookWorker::send_due() {
  std::vector<WebhookConfig> endpoints;
  {
    std::lock_guard lock(mutex_);
    endpoints = endpoints_;
    woken_ = false;  // what was committed before this point is seen by the query below
  }
  if (endpoints.empty()) return false;
  std::vector<std::string> names;
  for (const auto& e : endpoints) names.push_back(e.name);
  const auto rows = store_->due_deliveries(names, now_ms(), kBatch);
  for (const auto& row : rows) {
    if (stopping_) break;
    for (const auto& e : endpoints) {
      if (e.name == row.endpoint) deliver(row, e);
    }
  }
  return !rows.empty();
}

void WebhookWorker::wait_for_work() {
  std::vector<std::string> names;
  {
    std::lock_guard lock(mutex_);
    for (const auto& e : endpoints_) names.push_back(e.name);
  }
  auto wait = std::chrono::milliseconds(kRecheck);
  if (!names.empty()) {
    if (const auto due = store_->next_delivery_due_ms(names)) {
      wait = std::min(wait, std::chrono::milliseconds(std::max<std::int64_t>(0, *due - now_ms())));
    }
  }
  std::unique_lock lock(mutex_);
  changed_.wait_for(lock, wait, [this] { return woken_ || stopping_.load(); });
}

void WebhookWorker::deliver(const OutboxRow& row, const WebhookConfig& endpoint) {
  const std::string who = "tendond: webhook " + endpoint.name + " (" + url_for_log(endpoint.url) + "): alert " +
                          std::to_string(row.alert_id) + " " + to_string(row.event) + ": ";
  const WebhookRequest request = build_request(endpoint, row.event, row.payload, row.idempotency_key);
  const HttpOutcome outcome =
      http_post(endpoint.url, request.headers, request.body, std::chrono::seconds(endpoint.timeout_s), &stopping_);
  if (outcome.abandoned) {
    log_line(who + "request abandoned (stopping); it stays queued");
    return;
  }
  const int attempt = row.attempts + 1;
  const auto now_s = static_cast<Instant>(std::time(nullptr));
  const DeliveryVerdict verdict = judge(outcome, attempt, policy_, random_, now_s);
  const std::string reason = redact(verdict.reason, endpoint);
  switch (verdict.kind) {
    case DeliveryVerdict::Kind::sent:
      store_->mark_delivery_sent(row.id, now_s);
      log_line(who + "sent (" + reason + ", " + std::to_string(outcome.elapsed.count()) + " ms)");
      break;
    case DeliveryVerdict::Kind::retry:
      store_->schedule_delivery_retry(row.id, now_ms() + verdict.retry_in.count(), reason);
      log_line(who + "attempt " + std::to_string(attempt) + " failed (" + reason + "); retrying in " +
               seconds_text(verdict.retry_in));
      break;
    case DeliveryVerdict::Kind::drop:
      store_->drop_delivery(row.id, reason);
      log_line(who + "dropped, not retried: " + reason);
      break;
  }
}

}  // namespace tendon::webhook
