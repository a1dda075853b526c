#include "source_round.h"

#include <array>
#include <cmath>

namespace tendon::sync {

namespace {

std::optional<std::string> text_or_none(const char* text) {
  if (text == nullptr) return std::nullopt;
  return std::string(text);
}

double or_unknown(const std::optional<double>& value) { return value ? *value : TENDON_UNKNOWN; }

const char* or_null(const std::string& text) { return text.empty() ? nullptr : text.c_str(); }

}  // namespace

std::optional<std::string> HttpAnswer::header(const std::string& lower_name) const {
  const auto it = headers.find(lower_name);
  if (it == headers.end()) return std::nullopt;
  return it->second;
}

std::string HttpAnswer::summary() const {
  if (status == 0) return error.empty() ? std::string("no answer") : error;
  return "HTTP " + std::to_string(status);
}

std::optional<std::string> SourceRound::cursor() const { return text_or_none(round_->cursor); }

std::optional<std::string> SourceRound::setting(const char* key) const {
  return text_or_none(round_->setting(round_->context, key));
}

std::optional<std::string> SourceRound::secret(const char* name) const {
  return text_or_none(round_->secret(round_->context, name));
}

bool SourceRound::store_secrets(const std::map<std::string, std::string>& secrets) const {
  std::vector<const char*> names, values;
  for (const auto& [name, value] : secrets) {
    names.push_back(name.c_str());
    values.push_back(value.c_str());
  }
  return round_->store_secrets(round_->context, names.data(), values.data(),
                               static_cast<std::uint32_t>(names.size())) == TENDON_OK;
}

HttpAnswer SourceRound::exchange(const char* method, const std::string& url, const std::vector<std::string>& headers,
                                 const std::string& body) const {
  std::vector<const char*> lines;
  for (const auto& h : headers) lines.push_back(h.c_str());
  lines.push_back(nullptr);
  tendon_http_exchange x{};
  x.struct_size = sizeof x;
  x.method = method;
  x.url = url.c_str();
  x.headers = lines.data();
  x.body = body.empty() ? nullptr : body.data();
  x.body_size = body.size();
  HttpAnswer answer;
  if (round_->http(round_->context, &x) != TENDON_OK) {
    answer.cancelled = true;
    answer.error = "cancelled";
    return answer;
  }
  answer.status = x.status;
  if (x.error != nullptr) answer.error = x.error;
  if (x.response_body != nullptr) answer.body.assign(x.response_body, x.response_body_size);
  for (std::size_t i = 0; x.response_headers != nullptr && x.response_headers[i] != nullptr; ++i) {
    const std::string line = x.response_headers[i];
    const auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    const auto value_start = line.find_first_not_of(' ', colon + 1);
    answer.headers[line.substr(0, colon)] = value_start == std::string::npos ? "" : line.substr(value_start);
  }
  return answer;
}

HttpAnswer SourceRound::get(const std::string& url, const std::vector<std::string>& headers) const {
  return exchange("GET", url, headers, "");
}

HttpAnswer SourceRound::post_form(const std::string& url,
                                  const std::vector<std::pair<std::string, std::string>>& fields) const {
  std::string body;
  for (const auto& [name, value] : fields) body += (body.empty() ? "" : "&") + url_encode(name) + "=" + url_encode(value);
  return exchange("POST", url, {"Content-Type: application/x-www-form-urlencoded", "Accept: application/json"}, body);
}

bool SourceRound::emit(const ActivityFields& a) const {
  tendon_activity out{};
  out.struct_size = sizeof out;
  out.sport = or_null(a.sport);
  out.start_ms = a.start_ms;
  out.has_utc_offset = a.utc_offset_s ? 1 : 0;
  out.utc_offset_s = a.utc_offset_s.value_or(0);
  out.distance_m = a.distance_m;
  out.elapsed_s = or_unknown(a.elapsed_s);
  out.timer_s = or_unknown(a.moving_s);
  out.ascent_m = or_unknown(a.ascent_m);
  out.avg_heart_rate_bpm = or_unknown(a.avg_hr);
  out.device = or_null(a.device);
  out.shoe = or_null(a.shoe);
  out.source_id = a.source_id.c_str();
  return round_->emit(round_->context, &out) == 0;
}

bool SourceRound::emit_file(const std::string& name, std::string_view bytes) const {
  return round_->emit_file(round_->context, name.c_str(), reinterpret_cast<const std::uint8_t*>(bytes.data()),
                           bytes.size()) == 0;
}

void SourceRound::gear(const GearFields& g) const {
  tendon_gear out{};
  out.struct_size = sizeof out;
  out.name = g.name.c_str();
  out.brand = or_null(g.brand);
  out.model = or_null(g.model);
  out.retired = g.retired;
  round_->gear(round_->context, &out);
}

bool SourceRound::commit(const std::string& cursor) const {
  return round_->commit(round_->context, cursor.c_str()) == TENDON_OK;
}

void SourceRound::report(tendon_level level, const std::string& message) const {
  round_->report(round_->context, level, message.c_str());
}

void SourceRound::rate_budget(std::int64_t short_window_left, std::int64_t daily_left) const {
  round_->rate_budget(round_->context, short_window_left, daily_left);
}

void SourceRound::defer_until(std::int64_t until_ms) const { round_->defer_until(round_->context, until_ms); }

std::string url_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if ((u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '-' || u == '_' ||
        u == '.' || u == '~') {
      out.push_back(c);
    } else {
      out += {'%', kHex[u >> 4], kHex[u & 15]};
    }
  }
  return out;
}

std::string base64(std::string_view bytes) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const auto n = (std::uint32_t{static_cast<unsigned char>(bytes[i])} << 16) |
                   (std::uint32_t{static_cast<unsigned char>(bytes[i + 1])} << 8) |
                   std::uint32_t{static_cast<unsigned char>(bytes[i + 2])};
    out += {kAlphabet[(n >> 18) & 63], kAlphabet[(n >> 12) & 63], kAlphabet[(n >> 6) & 63], kAlphabet[n & 63]};
  }
  const std::size_t left = bytes.size() - i;
  if (left > 0) {
    std::uint32_t n = std::uint32_t{static_cast<unsigned char>(bytes[i])} << 16;
    if (left == 2) n |= std::uint32_t{static_cast<unsigned char>(bytes[i + 1])} << 8;
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += left == 2 ? kAlphabet[(n >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

}  // namespace tendon::sync
