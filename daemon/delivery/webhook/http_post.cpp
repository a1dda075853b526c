#include "delivery/webhook/http_post.h"

#include "net/http_request.h"

namespace tendon::webhook {

namespace {

constexpr std::size_t kExcerptBytes = 200;

std::string trim(std::string text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

}  // namespace

HttpOutcome http_post(const std::string& url, const std::vector<std::string>& headers, const std::string& body,
                      std::chrono::seconds timeout, const std::atomic<bool>* abandon) {
  net::HttpRequest request;
  request.method = "POST";
  request.url = url;
  request.headers = headers;
  request.body = body;
  request.timeout = timeout;
  request.max_body_bytes = kExcerptBytes;  // only the excerpt is ever shown
  request.abandon = abandon;
  net::HttpResponse response = net::http_request(request);

  HttpOutcome outcome;
  outcome.elapsed = response.elapsed;
  outcome.abandoned = response.abandoned;
  outcome.error = std::move(response.error);
  if (!outcome.error.empty()) return outcome;
  outcome.status = response.status;
  outcome.retry_after = response.header("retry-after");
  outcome.response_excerpt = trim(response.body.substr(0, response.body.find('\n')));
  return outcome;
}

}  // namespace tendon::webhook
