#include "store/figures_json.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <type_traits>

#include "store/store.h"

namespace tendon::store_detail {

namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer, rapidjson::UTF8<>, rapidjson::UTF8<>,
                                 rapidjson::CrtAllocator, rapidjson::kWriteNanAndInfFlag>;
// Full precision: the default fast path may be off by one ulp, which would break equality.
constexpr unsigned kParseFlags = rapidjson::kParseFullPrecisionFlag | rapidjson::kParseNanAndInfFlag;

void write_string(Writer& writer, const std::string& text) {
  writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
}

}  // namespace

std::string encode_figures(const std::vector<Figure>& figures) {
  rapidjson::StringBuffer buffer;
  Writer writer(buffer);
  writer.StartArray();
  for (const auto& figure : figures) {
    writer.StartObject();
    writer.Key("name");
    write_string(writer, figure.name);
    writer.Key("value");
    std::visit(
        [&writer](const auto& value) {
          using T = std::decay_t<decltype(value)>;
          if constexpr (std::is_same_v<T, std::int64_t>) {
            writer.Int64(value);
          } else if constexpr (std::is_same_v<T, double>) {
            writer.Double(value);
          } else {
            write_string(writer, value);
          }
        },
        figure.value);
    writer.EndObject();
  }
  writer.EndArray();
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::vector<Figure> decode_figures(std::string_view json) {
  rapidjson::Document doc;
  doc.Parse<kParseFlags>(json.data(), json.size());
  if (doc.HasParseError()) {
    throw StoreError(std::string("figures are not valid JSON: ") + rapidjson::GetParseError_En(doc.GetParseError()) +
                     " at offset " + std::to_string(doc.GetErrorOffset()));
  }
  if (!doc.IsArray()) throw StoreError("figures are not a JSON array");
  std::vector<Figure> figures;
  figures.reserve(doc.Size());
  for (const auto& item : doc.GetArray()) {
    if (!item.IsObject()) throw StoreError("a figure is not a JSON object");
    const auto name = item.FindMember("name");
    const auto value = item.FindMember("value");
    if (name == item.MemberEnd() || !name->value.IsString() || value == item.MemberEnd()) {
      throw StoreError("a figure lacks its name or value");
    }
    Figure figure;
    figure.name.assign(name->value.GetString(), name->value.GetStringLength());
    const auto& v = value->value;
    if (v.IsString()) {
      figure.value = std::string(v.GetString(), v.GetStringLength());
    } else if (v.IsInt64()) {
      figure.value = v.GetInt64();
    } else if (v.IsDouble()) {
      figure.value = v.GetDouble();
    } else {
      // Includes integers beyond int64 (only another writer could have stored them).
      throw StoreError("figure \"" + figure.name + "\" has a value that is not int64, double or text");
    }
    figures.push_back(std::move(figure));
  }
  return figures;
}

}  // namespace tendon::store_detail
