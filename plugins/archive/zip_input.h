#pragma once
// The bytes of an export's zip as the host hands them to an importer: in memory already
// (borrowed for the import's length) or read through input.read into memory held here, at
// most `max_bytes` of them. libarchive then reads the zip from memory (archive::open_zip).
#include <cstdint>
#include <string>
#include <string_view>

#include "tendon/plugin.h"

namespace tendon::archive {

class ZipInput {
 public:
  // TENDON_OK, or the status to end the import with and `problem` saying why.
  int load(const tendon_input& input, std::uint64_t max_bytes, std::string& problem);
  std::string_view bytes() const { return bytes_; }

 private:
  std::string owned_;
  std::string_view bytes_;
};

}  // namespace tendon::archive
