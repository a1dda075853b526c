#pragma once
// The small writing helpers every view uses, for both writers (PrettyWriter is not a
// Writer that can be used through a base reference: its members hide, not override, so
// the helpers are templates on the writer).
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>

#include "core/time.h"
#include "views/json_style.h"

namespace tendon::cli::json_writing {

template <typename W>
void str(W& w, const char* k, const std::string& v) {
  w.Key(k);
  w.String(v.c_str(), static_cast<rapidjson::SizeType>(v.size()));
}
template <typename W>
void num(W& w, const char* k, double v) {
  w.Key(k);
  w.Double(v);
}
template <typename W>
void integer(W& w, const char* k, std::int64_t v) {
  w.Key(k);
  w.Int64(v);
}
template <typename W>
void boolean(W& w, const char* k, bool v) {
  w.Key(k);
  w.Bool(v);
}
template <typename W, typename T>
void optional_num(W& w, const char* k, const std::optional<T>& v) {
  w.Key(k);
  if (!v) {
    w.Null();
  } else if constexpr (std::is_integral_v<T>) {
    w.Int64(static_cast<std::int64_t>(*v));
  } else {
    w.Double(static_cast<double>(*v));
  }
}
// An empty text is written as null (a shoe without a brand).
template <typename W>
void optional_str(W& w, const char* k, const std::string& v) {
  w.Key(k);
  if (v.empty())
    w.Null();
  else
    w.String(v.c_str(), static_cast<rapidjson::SizeType>(v.size()));
}
template <typename W>
void optional_time(W& w, const char* k, const std::optional<Instant>& t) {
  w.Key(k);
  if (!t) {
    w.Null();
    return;
  }
  const std::string text = format_iso8601_utc(*t);
  w.String(text.c_str(), static_cast<rapidjson::SizeType>(text.size()));
}

// Runs `body(writer)` with the writer `style` asks for. Pretty text ends in a newline (it
// is printed as it is); compact text is one line without one (a socket result).
template <typename Body>
std::string render(JsonStyle style, Body&& body) {
  rapidjson::StringBuffer buf;
  if (style == JsonStyle::pretty) {
    rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buf);
    body(w);
    return std::string(buf.GetString(), buf.GetSize()) + "\n";
  }
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  body(w);
  return {buf.GetString(), buf.GetSize()};
}

}  // namespace tendon::cli::json_writing
