#pragma once
// A webhook's POST (daemon/net's request) reduced to what delivery judges and logs: the
// status, Retry-After and the first line of the answer.
#include <atomic>
#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace tendon::webhook {

struct HttpOutcome {
  long status = 0;                 // 0: no HTTP answer (see error)
  std::string error;               // a network error in one line ("" when an answer came)
  bool abandoned = false;          // `abandon` was set while the request ran
  std::optional<std::string> retry_after;  // the answer's Retry-After header, as sent
  std::string response_excerpt;    // the answer's body, first line, at most 200 bytes
  std::chrono::milliseconds elapsed{0};
};

// `abandon`, when given, is polled while the request runs (at least about once a second):
// once it is true the request is given up and the outcome says abandoned.
HttpOutcome http_post(const std::string& url, const std::vector<std::string>& headers, const std::string& body,
                      std::chrono::seconds timeout, const std::atomic<bool>* abandon = nullptr);

}  // namespace tendon::webhook
