// Fuzz target: any bytes as an export zip (plugins/archive, libarchive underneath): the
// head probes, the listing, then reading every entry within small limits. Beyond "no
// crash, no hang": a zip that cannot be opened is a one-line std::runtime_error; every
// listed path is safe and normalised; what read() hands over keeps the limits; every
// problem is one line.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <string_view>

#include "entry_path.h"
#include "export_tree.h"

namespace {

void require(bool promise) {
  if (!promise) std::abort();
}

bool one_line(std::string_view text) { return text.find('\n') == std::string_view::npos; }

// Small, so that inputs of a few kilobytes reach the limits.
tendon::archive::Limits small_limits() {
  tendon::archive::Limits limits;
  limits.max_entry_bytes = 64 << 10;
  limits.max_total_bytes = 256 << 10;
  limits.ratio_floor_bytes = 4 << 10;
  limits.max_entries = 64;
  return limits;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tendon::archive;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const std::string_view head = bytes.substr(0, 4096);
  (void)looks_like_zip(head);
  for (const std::string& name : zip_names_in_head(head)) require(name.size() <= head.size());

  static const Limits limits = small_limits();
  std::unique_ptr<ExportTree> tree;
  try {
    tree = open_zip(bytes, limits);
  } catch (const std::runtime_error& e) {
    require(one_line(e.what()));
    return 0;
  }
  require(tree->entries().size() <= limits.max_entries);
  for (const Entry& entry : tree->entries()) {
    require(!unsafe_path_reason(entry.path).has_value());
    require(normalised_path(entry.path) == entry.path);
  }
  std::uint64_t total = 0;
  std::size_t taken = 0;
  tree->read([](const std::string&) { return true; },
             [&](const std::string&, std::string_view content) {
               require(content.size() <= limits.max_entry_bytes);
               total += content.size();
               // Stop after a few: the "take returns false" path is part of the contract.
               return ++taken < 32;
             });
  require(total <= limits.max_total_bytes);
  for (const std::string& problem : tree->take_problems()) require(one_line(problem));
  return 0;
}
