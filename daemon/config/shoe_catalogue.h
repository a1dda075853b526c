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
  // Entries of `extra` take precedence over ours for the same brand + model.
  void merge(const ShoeCatalogue& extra);

  // Matching ignores case, spaces, hyphens and a leading brand repeated in the model.
  std::optional<CatalogueEntry> find(std::string_view brand, std::string_view model) const;
  // For a shoe known only by a name such as "Nike Pegasus 41" or "ASICS Gel-Kayano 31".
  std::optional<CatalogueEntry> find_by_name(std::string_view name) const;
  // Fills shoe.drop_mm (and brand/model when empty and found by name) when drop is unset.
  void fill_drop(Shoe& shoe) const;

  const std::vector<CatalogueEntry>& entries() const { return entries_; }

 private:
  std::vector<CatalogueEntry> entries_;
};

}  // namespace tendon
