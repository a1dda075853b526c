#pragma once
// One HTTP(S) request with libcurl, blocking the calling thread (never the event loop's):
// no redirects followed, http and https only, the whole request bounded by `timeout`.
// Shared by webhook delivery (a POST) and platform sync (GETs and token POSTs).
#include <atomic>
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tendon::net {

struct HttpRequest {
  std::string method = "GET";         // "GET" or "POST"
  std::string url;
  std::vector<std::string> headers;   // "Name: value" lines
  std::string body;                   // sent with POST
  std::chrono::milliseconds timeout{30'000};
  // The response body is kept up to this many bytes; the rest is read and dropped, and
  // the response says body_truncated (a webhook wants an excerpt, sync a bounded page).
  std::size_t max_body_bytes = std::size_t{64} << 20;
  // Polled while the request runs (at least about once a second): once true the request
  // is given up and the response says abandoned.
  const std::atomic<bool>* abandon = nullptr;
};

struct HttpResponse {
  long status = 0;                    // 0: no HTTP answer (see error)
  std::string error;                  // a network error in one line ("" when an answer came)
  bool abandoned = false;
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-case, values trimmed
  std::string body;
  bool body_truncated = false;
  std::chrono::milliseconds elapsed{0};

  // The last value of header `lower_name`, if the answer had it.
  std::optional<std::string> header(std::string_view lower_name) const;
};

HttpResponse http_request(const HttpRequest& request);

}  // namespace tendon::net
