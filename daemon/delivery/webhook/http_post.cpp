#include "delivery/webhook/http_post.h"

#include <curl/curl.h>

#include <memory>
#include <mutex>
#include <stdexcept>

namespace tendon::webhook {

namespace {

constexpr std::size_t kExcerptBytes = 200;

void global_init_once() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) throw std::runtime_error("libcurl cannot initialise");
  });
}

struct Capture {
  std::string excerpt;
  bool excerpt_done = false;
  std::optional<std::string> retry_after;
  const std::atomic<bool>* abandon = nullptr;
};

std::string trim(std::string text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto& capture = *static_cast<Capture*>(user);
  const std::size_t bytes = size * count;
  for (std::size_t i = 0; i < bytes && !capture.excerpt_done; ++i) {
    if (data[i] == '\n' || capture.excerpt.size() >= kExcerptBytes) {
      capture.excerpt_done = true;
    } else {
      capture.excerpt.push_back(data[i]);
    }
  }
  return bytes;
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
  auto& capture = *static_cast<Capture*>(user);
  const std::size_t bytes = size * count;
  const std::string line(data, bytes);
  const auto colon = line.find(':');
  if (colon == 11 && curl_strnequal(line.c_str(), "retry-after", 11) != 0) {
    capture.retry_after = trim(line.substr(colon + 1));
  }
  return bytes;
}

int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  const auto& capture = *static_cast<Capture*>(user);
  return capture.abandon != nullptr && capture.abandon->load() ? 1 : 0;
}

struct EasyDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct ListDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

}  // namespace

HttpOutcome http_post(const std::string& url, const std::vector<std::string>& headers, const std::string& body,
                      std::chrono::seconds timeout, const std::atomic<bool>* abandon) {
  global_init_once();
  const auto started = std::chrono::steady_clock::now();
  std::unique_ptr<CURL, EasyDeleter> curl(curl_easy_init());
  if (!curl) throw std::runtime_error("libcurl cannot create a handle");
  std::unique_ptr<curl_slist, ListDeleter> list;
  for (const auto& h : headers) {
    curl_slist* grown = curl_slist_append(list.get(), h.c_str());
    if (grown == nullptr) throw std::runtime_error("libcurl: out of memory for headers");
    list.release();
    list.reset(grown);
  }
  // No "Expect: 100-continue" round trip: bodies are small and some receivers mishandle it.
  curl_slist* grown = curl_slist_append(list.get(), "Expect:");
  if (grown == nullptr) throw std::runtime_error("libcurl: out of memory for headers");
  list.release();
  list.reset(grown);

  Capture capture;
  capture.abandon = abandon;
  char error_buffer[CURL_ERROR_SIZE] = {};
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_POST, 1L);
  curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.data());
  curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, list.get());
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(timeout.count() * 1000));
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);  // we run on our own thread; no SIGALRM for DNS
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error_buffer);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &capture);
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, &capture);
  curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, on_progress);
  curl_easy_setopt(c, CURLOPT_XFERINFODATA, &capture);

  const CURLcode code = curl_easy_perform(c);
  HttpOutcome outcome;
  outcome.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
  if (code == CURLE_ABORTED_BY_CALLBACK) {
    outcome.abandoned = true;
    outcome.error = "abandoned (stopping)";
    return outcome;
  }
  if (code != CURLE_OK) {
    outcome.error = error_buffer[0] != '\0' ? std::string(error_buffer) : std::string(curl_easy_strerror(code));
    return outcome;
  }
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &outcome.status);
  outcome.retry_after = std::move(capture.retry_after);
  outcome.response_excerpt = trim(std::move(capture.excerpt));
  return outcome;
}

}  // namespace tendon::webhook
