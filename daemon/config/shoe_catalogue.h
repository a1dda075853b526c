#pragma once
// The bundled catalogue of common running shoes and their heel-to-toe drop
// (config/shoes.csv, compiled into the binary), plus an optional user catalogue.
// A shoe whose drop is not configured gets it from here, matched by brand and model.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/activity.h"

namespace tendon {

struct CatalogueEntry {
  std::string brand;
  std::string model;
  double drop_mm = 0;
  std::string source_url;
};

class ShoeCatalogue {
 public:
  // The bundled catalogue.
  static ShoeCatalogue bundled();
  // Parses catalogue CSV text (header brand,model,drop_mm,source_url). Throws
  // std::runtime_error("NAME:LINE: reason") on a malformed row.
  static ShoeCatalogue parse(std::string_view csv_text, const std::string& name);
  // Reads and parses a catalogue file (a user's own, `shoe_catalogue` in the config).
  // Throws std::runtime_error("FILE: reason") when it cannot be read, or parse's errors.
  static ShoeCatalogue load(const std::filesystem::path& file);
  // Entries of `extra` take precedence over ours for the same brand + model.
  void merge(const ShoeCatalogue& extra);

  // Matching ignores case, spaces, hyphens, punctuation and a leading brand repeated in the
  // model; brand aliases count as the brand ("Hoka One One" = "Hoka"). Nothing fuzzier: a
  // wrong drop is worse than none, so "Ghost 15" never matches "Ghost 16". An empty brand
  // searches by name.
  std::optional<CatalogueEntry> find(std::string_view brand, std::string_view model) const;
  // For a shoe known only by a name such as "Nike Pegasus 41" or "ASICS Gel-Kayano 31":
  // brand then model, or the model alone when only one brand has a model of that name.
  std::optional<CatalogueEntry> find_by_name(std::string_view name) const;
  // Fills shoe.drop_mm (and brand/model when empty and found by name) when drop is unset:
  // by brand + model first, then by the shoe's name (never across a configured brand).
  void fill_drop(Shoe& shoe) const;

  const std::vector<CatalogueEntry>& entries() const { return entries_; }

 private:
  std::vector<CatalogueEntry> entries_;
};

}  // namespace tendon
