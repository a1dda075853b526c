#include "config/shoe_catalogue.h"

#include <array>
#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "config/bundled_shoes.h"

namespace tendon {

namespace {

constexpr double kMaxDropMm = 20;

// Case folded, with spaces, hyphens and punctuation removed: "Gel-Kayano 31" ->
// "gelkayano31". Bytes outside ASCII are kept as they are, so they never vanish into a
// false match.
std::string match_key(std::string_view text) {
  std::string key;
  key.reserve(text.size());
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')) {
      key.push_back(c);
    } else if (c >= 'A' && c <= 'Z') {
      key.push_back(static_cast<char>(c - 'A' + 'a'));
    }
  }
  return key;
}

// Names a brand goes by; the first of each group is its canonical key.
constexpr std::array<std::array<std::string_view, 3>, 12> kBrandAliases = {{
    {"hoka", "hokaoneone", ""},
    {"asics", "", ""},
    {"adidas", "", ""},
    {"newbalance", "nb", ""},
    {"on", "onrunning", ""},
    {"topoathletic", "topo", ""},
    {"xeroshoes", "xero", ""},
    {"altra", "altrarunning", ""},
    {"brooks", "brooksrunning", ""},
    {"saucony", "", ""},
    {"nike", "", ""},
    {"mizuno", "", ""},
}};

// The keys a brand is known by (canonical first).
std::vector<std::string> brand_keys(std::string_view brand) {
  const std::string key = match_key(brand);
  for (const auto& group : kBrandAliases) {
    for (const auto alias : group) {
      if (!alias.empty() && alias == key) {
        std::vector<std::string> keys;
        for (const auto a : group) {
          if (!a.empty()) keys.emplace_back(a);
        }
        return keys;
      }
    }
  }
  return {key};
}

std::string canonical_brand(std::string_view brand) { return brand_keys(brand).front(); }

bool is_word_char(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Every way to cut `text` in two at a separator, as match keys of the two parts:
// "Hoka One One Clifton 9" -> (hoka, oneoneclifton9), (hokaone, oneclifton9),
// (hokaoneone, clifton9), (hokaoneoneclifton, 9). Cutting only at separators keeps the
// brand "On" from eating the start of a model such as "Onyx".
std::vector<std::pair<std::string, std::string>> cuts(std::string_view text) {
  std::vector<std::pair<std::string, std::string>> result;
  for (std::size_t i = 1; i < text.size(); ++i) {
    if (is_word_char(text[i]) || !is_word_char(text[i - 1])) continue;
    std::string front = match_key(text.substr(0, i));
    std::string rest = match_key(text.substr(i));
    if (!front.empty() && !rest.empty()) result.emplace_back(std::move(front), std::move(rest));
  }
  return result;
}

bool contains(const std::vector<std::string>& keys, const std::string& key) {
  for (const auto& k : keys) {
    if (k == key) return true;
  }
  return false;
}

std::string entry_key(const CatalogueEntry& e) {
  return canonical_brand(e.brand) + "|" + match_key(e.model);
}

std::string trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t");
  return std::string(s.substr(first, last - first + 1));
}

[[noreturn]] void row_error(const std::string& name, std::size_t line, const std::string& reason) {
  throw std::runtime_error(name + ":" + std::to_string(line) + ": " + reason);
}

// One CSV line: fields separated by commas, optionally in double quotes ("" inside
// quotes is one quote). A field cannot span lines.
std::vector<std::string> split_csv_line(std::string_view line, const std::string& name,
                                        std::size_t line_no) {
  std::vector<std::string> fields;
  std::size_t i = 0;
  while (true) {
    std::string field;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    if (i < line.size() && line[i] == '"') {
      ++i;
      bool closed = false;
      while (i < line.size()) {
        if (line[i] == '"') {
          if (i + 1 < line.size() && line[i + 1] == '"') {
            field.push_back('"');
            i += 2;
            continue;
          }
          ++i;
          closed = true;
          break;
        }
        field.push_back(line[i++]);
      }
      if (!closed) row_error(name, line_no, "unterminated quoted field");
      while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
      if (i < line.size() && line[i] != ',') {
        row_error(name, line_no, "text after a closing quote");
      }
    } else {
      const auto comma = line.find(',', i);
      const auto end = comma == std::string_view::npos ? line.size() : comma;
      field = trim(line.substr(i, end - i));
      i = end;
    }
    fields.push_back(std::move(field));
    if (i >= line.size()) break;
    ++i;  // the comma
  }
  return fields;
}

}  // namespace

ShoeCatalogue ShoeCatalogue::bundled() {
  static const ShoeCatalogue catalogue =
      parse(config_detail::bundled_shoes_csv(), "config/shoes.csv (bundled)");
  return catalogue;
}

ShoeCatalogue ShoeCatalogue::load(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error(file.string() + ": cannot open the shoe catalogue");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw std::runtime_error(file.string() + ": cannot read the shoe catalogue");
  return parse(text.str(), file.string());
}

ShoeCatalogue ShoeCatalogue::parse(std::string_view csv_text, const std::string& name) {
  ShoeCatalogue catalogue;
  std::vector<std::pair<std::string, std::size_t>> seen;  // key, line
  bool header_seen = false;
  std::size_t line_no = 0;
  std::size_t pos = 0;
  while (pos < csv_text.size()) {
    const auto newline = csv_text.find('\n', pos);
    const auto end = newline == std::string_view::npos ? csv_text.size() : newline;
    std::string_view line = csv_text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (trim(line).empty() || line.front() == '#') continue;

    const auto fields = split_csv_line(line, name, line_no);
    if (!header_seen) {
      static constexpr std::array<std::string_view, 4> kHeader = {"brand", "model", "drop_mm",
                                                                  "source_url"};
      bool ok = fields.size() == kHeader.size();
      for (std::size_t i = 0; ok && i < fields.size(); ++i) ok = match_key(fields[i]) == match_key(kHeader[i]);
      if (!ok) row_error(name, line_no, "expected the header brand,model,drop_mm,source_url");
      header_seen = true;
      continue;
    }
    if (fields.size() != 4) {
      row_error(name, line_no,
                "expected 4 fields (brand,model,drop_mm,source_url), found " +
                    std::to_string(fields.size()));
    }
    CatalogueEntry entry;
    entry.brand = fields[0];
    entry.model = fields[1];
    entry.source_url = fields[3];
    if (match_key(entry.brand).empty()) row_error(name, line_no, "empty brand");
    if (match_key(entry.model).empty()) row_error(name, line_no, "empty model");
    const std::string& drop = fields[2];
    double value = 0;
    const auto [rest, ec] = std::from_chars(drop.data(), drop.data() + drop.size(), value);
    if (drop.empty() || ec != std::errc() || rest != drop.data() + drop.size() ||
        !std::isfinite(value)) {
      row_error(name, line_no, "drop_mm '" + drop + "' is not a number");
    }
    if (value < 0 || value > kMaxDropMm) {
      row_error(name, line_no, "drop_mm " + drop + " is outside 0..20 mm");
    }
    entry.drop_mm = value;
    const std::string key = entry_key(entry);
    for (const auto& [other, other_line] : seen) {
      if (other == key) {
        row_error(name, line_no,
                  entry.brand + " " + entry.model + " is already listed on line " +
                      std::to_string(other_line));
      }
    }
    seen.emplace_back(key, line_no);
    catalogue.entries_.push_back(std::move(entry));
  }
  if (!header_seen) row_error(name, 1, "expected the header brand,model,drop_mm,source_url");
  return catalogue;
}

void ShoeCatalogue::merge(const ShoeCatalogue& extra) {
  for (const auto& entry : extra.entries_) {
    const std::string key = entry_key(entry);
    bool replaced = false;
    for (auto& ours : entries_) {
      if (entry_key(ours) == key) {
        ours = entry;
        replaced = true;
        break;
      }
    }
    if (!replaced) entries_.push_back(entry);
  }
}

std::optional<CatalogueEntry> ShoeCatalogue::find(std::string_view brand,
                                                  std::string_view model) const {
  if (match_key(brand).empty()) return find_by_name(model);
  const auto keys = brand_keys(brand);
  // The model as given, or without the brand repeated at its start ("Nike Pegasus 41").
  std::vector<std::string> model_keys = {match_key(model)};
  for (const auto& [front, rest] : cuts(model)) {
    if (contains(keys, front)) model_keys.push_back(rest);
  }
  for (const auto& model_key : model_keys) {
    if (model_key.empty()) continue;
    for (const auto& e : entries_) {
      if (canonical_brand(e.brand) == keys.front() && match_key(e.model) == model_key) return e;
    }
  }
  return std::nullopt;
}

std::optional<CatalogueEntry> ShoeCatalogue::find_by_name(std::string_view name) const {
  const std::string key = match_key(name);
  if (key.empty()) return std::nullopt;
  // Brand, then model, split at a separator: "ASICS Gel-Kayano 31", "Hoka One One Clifton 9".
  const auto name_cuts = cuts(name);
  for (const auto& e : entries_) {
    const auto keys = brand_keys(e.brand);
    const std::string model = match_key(e.model);
    for (const auto& [front, rest] : name_cuts) {
      if (rest == model && contains(keys, front)) return e;
    }
  }
  // The model alone ("Clifton 9"), when exactly one brand makes a model of that name.
  const CatalogueEntry* only = nullptr;
  for (const auto& e : entries_) {
    if (match_key(e.model) != key) continue;
    if (only != nullptr) return std::nullopt;  // ambiguous: no guess
    only = &e;
  }
  if (only != nullptr) return *only;
  return std::nullopt;
}

void ShoeCatalogue::fill_drop(Shoe& shoe) const {
  if (shoe.drop_mm) return;
  std::optional<CatalogueEntry> found;
  if (!match_key(shoe.model).empty()) found = find(shoe.brand, shoe.model);
  if (!found && !shoe.name.empty()) {
    found = find_by_name(shoe.name);
    // A name that points at another brand than the one configured is not this shoe.
    if (found && !match_key(shoe.brand).empty() &&
        canonical_brand(shoe.brand) != canonical_brand(found->brand)) {
      found.reset();
    }
    if (found) {
      if (shoe.brand.empty()) shoe.brand = found->brand;
      if (shoe.model.empty()) shoe.model = found->model;
    }
  }
  if (found) shoe.drop_mm = found->drop_mm;
}

}  // namespace tendon
