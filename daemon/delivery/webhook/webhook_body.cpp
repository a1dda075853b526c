#include "delivery/webhook/webhook_body.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <openssl/evp.h>

#include <stdexcept>

#include "core/time.h"

namespace tendon::webhook {

namespace {

using rapidjson::Document;
using rapidjson::Value;

// The alert fields the formats read, with defaults for a payload that lacks one.
struct AlertText {
  std::string athlete, kind, severity, message, advice;
  bool test = false;
};

std::string member(const Document& doc, const char* name) {
  const auto it = doc.FindMember(name);
  if (it == doc.MemberEnd() || !it->value.IsString()) return {};
  return {it->value.GetString(), it->value.GetStringLength()};
}

Document parse_payload(std::string_view payload) {
  Document doc;
  doc.Parse(payload.data(), payload.size());
  if (doc.HasParseError() || !doc.IsObject()) throw std::runtime_error("outbox payload is not a JSON object");
  return doc;
}

AlertText alert_text(const Document& doc) {
  AlertText t{member(doc, "athlete"), member(doc, "kind"), member(doc, "severity"), member(doc, "message"),
              member(doc, "advice")};
  const auto test = doc.FindMember("test");
  t.test = test != doc.MemberEnd() && test->value.IsBool() && test->value.GetBool();
  return t;
}

std::string to_json(const Value& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  value.Accept(w);
  return {buffer.GetString(), buffer.GetSize()};
}

// What the message names before its first ": " ("Long run spike: 18.4 km is ..."), else the kind.
std::string headline(const AlertText& a) {
  const auto colon = a.message.find(": ");
  if (colon != std::string::npos && colon > 0 && colon <= 60) return a.message.substr(0, colon);
  return a.kind.empty() ? std::string("Alert") : a.kind;
}

std::string event_prefix(DeliveryEvent event) {
  switch (event) {
    case DeliveryEvent::raised: return "";
    case DeliveryEvent::updated: return "Updated: ";
    case DeliveryEvent::withdrawn: return "Withdrawn: ";
  }
  return "";
}

// One header line's value: control characters (a CR/LF would start a new header) become
// spaces; text outside ASCII goes as an RFC 2047 encoded word, which ntfy decodes.
std::string header_value(std::string_view text) {
  std::string plain;
  bool ascii = true;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) c = ' ';
    if (u >= 0x80) ascii = false;
    plain.push_back(c);
  }
  if (ascii) return plain;
  std::string encoded(4 * ((plain.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(encoded.data()),
                                reinterpret_cast<const unsigned char*>(plain.data()), static_cast<int>(plain.size()));
  encoded.resize(static_cast<std::size_t>(n));
  return "=?UTF-8?B?" + encoded + "?=";
}

FormattedBody json_body(DeliveryEvent event, Document doc) {
  // The socket's Alert.* event params (and a few more of the alert), plus the event name.
  auto& alloc = doc.GetAllocator();
  doc.AddMember("event", Value(event_name(event), alloc), alloc);
  const auto at = doc.FindMember("at");
  if (at != doc.MemberEnd() && at->value.IsInt64()) {
    const std::string text = format_iso8601_utc(at->value.GetInt64());
    at->value.SetString(text.c_str(), static_cast<rapidjson::SizeType>(text.size()), alloc);
  }
  return {to_json(doc), {"Content-Type: application/json"}};
}

const char* ntfy_priority(DeliveryEvent event, const std::string& severity) {
  if (event == DeliveryEvent::withdrawn) return "2";
  if (severity == "critical") return "5";
  if (severity == "warning") return "4";
  return "3";
}

const char* ntfy_tag(DeliveryEvent event, const std::string& severity) {
  if (event == DeliveryEvent::withdrawn) return "white_check_mark";
  if (severity == "critical") return "rotating_light";
  if (severity == "warning") return "warning";
  return "information_source";
}

FormattedBody ntfy_body(DeliveryEvent event, const AlertText& a) {
  std::string body = event_prefix(event) + a.message;
  if (!a.advice.empty() && event != DeliveryEvent::withdrawn) body += "\n\n" + a.advice;
  std::string title = (a.test ? "Test: " : "") + event_prefix(event) + headline(a);
  if (!a.athlete.empty()) title += " (" + a.athlete + ")";
  std::string tags = std::string(ntfy_tag(event, a.severity)) + ",tendon";
  if (!a.kind.empty()) tags += "," + a.kind;
  return {body,
          {"Content-Type: text/plain; charset=utf-8", "Title: " + header_value(title),
           std::string("Priority: ") + ntfy_priority(event, a.severity), "Tags: " + header_value(tags)}};
}

// Slack's mrkdwn gives &, < and > a meaning; these three are all it asks to escape.
std::string slack_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else out.push_back(c);
  }
  return out;
}

FormattedBody slack_body(DeliveryEvent event, const AlertText& a) {
  std::string text = "*" + slack_escape((a.test ? "Test: " : "") + event_prefix(event) + headline(a)) + "*";
  text += " (" + slack_escape(a.severity);
  if (!a.athlete.empty()) text += ", " + slack_escape(a.athlete);
  text += ")\n" + slack_escape(a.message);
  if (!a.advice.empty() && event != DeliveryEvent::withdrawn) text += "\n_" + slack_escape(a.advice) + "_";
  Document doc(rapidjson::kObjectType);
  doc.AddMember("text", Value(text.c_str(), static_cast<rapidjson::SizeType>(text.size()), doc.GetAllocator()),
                doc.GetAllocator());
  return {to_json(doc), {"Content-Type: application/json"}};
}

}  // namespace

const char* event_name(DeliveryEvent event) {
  switch (event) {
    case DeliveryEvent::raised: return "Alert.Raised";
    case DeliveryEvent::updated: return "Alert.Updated";
    case DeliveryEvent::withdrawn: return "Alert.Withdrawn";
  }
  return "Alert.Raised";
}

FormattedBody format_body(WebhookFormat format, DeliveryEvent event, std::string_view payload) {
  Document doc = parse_payload(payload);
  switch (format) {
    case WebhookFormat::ntfy: return ntfy_body(event, alert_text(doc));
    case WebhookFormat::slack: return slack_body(event, alert_text(doc));
    case WebhookFormat::json: break;
  }
  return json_body(event, std::move(doc));
}

}  // namespace tendon::webhook
