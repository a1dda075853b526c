// decode(): walks the chained FIT files (parts) of one input, checks their headers and
// CRCs, and lets MessageReader read each part's messages.
//
// How much of a file is trusted (the integrity policy):
//  - A part whose data and CRC are all there must match its CRC. A mismatch means bytes
//    were altered somewhere, perhaps in what was already read, so nothing of the file is
//    used: damaged, "file CRC mismatch (computed 0x.., stored 0x..)". The same holds for a
//    14-byte header whose CRC is set and wrong, and for bytes after a part that are not a
//    FIT header (other than zero padding).
//  - A file that ends before a part's data and CRC are complete was cut short (a watch
//    that died, a download that stopped). Its complete messages are kept: truncated, with
//    "truncated after byte N of M; read what was complete". There is no CRC to check.
//  - A part whose last message runs past the data size its header declares was never
//    finalised by the device: its "CRC" bytes are message bytes. Handled as truncated.
//  - A data message naming a local type that was never defined ends the reading of its
//    part (the writer lost track, or bytes went missing: the rest cannot be framed). What
//    came before is kept with a warning, unless the part's CRC is wrong (damaged).
#include <algorithm>
#include <cstdio>
#include <string>

#include "fit_crc.h"
#include "fit_decode.h"
#include "fit_message_reader.h"

namespace tendon::fit {

namespace {

constexpr std::size_t kShortHeader = 12;
constexpr std::size_t kLongHeader = 14;

std::uint16_t le16(const std::uint8_t* p) { return static_cast<std::uint16_t>(p[0] | (p[1] << 8)); }
std::uint32_t le32(const std::uint8_t* p) {
  return p[0] | (static_cast<std::uint32_t>(p[1]) << 8) | (static_cast<std::uint32_t>(p[2]) << 16) |
         (static_cast<std::uint32_t>(p[3]) << 24);
}

std::string hex16(std::uint16_t v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%04x", static_cast<unsigned>(v));
  return buf;
}

// Could `bytes` (fewer than a header's) be the start of a FIT header?
bool header_prefix(const std::uint8_t* bytes, std::size_t size) {
  static constexpr char kSignature[] = ".FIT";
  if (size == 0 || (bytes[0] != kShortHeader && bytes[0] != kLongHeader)) return false;
  for (std::size_t i = 8; i < std::min<std::size_t>(size, 12); ++i) {
    if (bytes[i] != static_cast<std::uint8_t>(kSignature[i - 8])) return false;
  }
  return true;
}

class Walker {
 public:
  Walker(std::span<const std::uint8_t> bytes, Decoded& out) : bytes_(bytes), out_(out) {}

  void run() {
    if (bytes_.empty()) return damage("empty file (0 bytes)");
    std::size_t offset = 0;
    while (offset < bytes_.size()) {
      if (out_.parts.size() >= kMaxParts) {
        out_.limit = "more than " + std::to_string(kMaxParts) + " chained FIT files";
        return;
      }
      if (!read_part(offset)) return;
    }
  }

 private:
  void damage(std::string why) {
    out_.integrity = Integrity::damaged;
    out_.damage = std::move(why);
  }

  void warn(std::string why) {
    if (out_.integrity == Integrity::intact) out_.integrity = Integrity::truncated;
    if (out_.warnings.size() < kMaxWarnings) out_.warnings.push_back(std::move(why));
  }

  // Names the chained file when the damage is not in the first one.
  static std::string where(std::size_t offset) {
    return offset == 0 ? std::string() : " in the chained FIT file at byte " + std::to_string(offset);
  }

  // Reads the part at `offset`; returns false when nothing more is to be read, else moves
  // `offset` past the part.
  bool read_part(std::size_t& offset) {
    const std::uint8_t* head = bytes_.data() + offset;
    const std::size_t left = bytes_.size() - offset;
    const bool first = out_.parts.empty();

    if (left < kShortHeader || !looks_like_fit(std::span(head, left))) {
      if (first) {
        damage(left < kShortHeader && header_prefix(head, left)
                   ? "truncated inside the FIT header (" + std::to_string(left) + " bytes)"
                   : "not a FIT file (no .FIT header)");
      } else if (std::all_of(head, head + left, [](std::uint8_t b) { return b == 0; })) {
        // Zero padding after the last file: left by some devices and transfer tools.
        out_.warnings.push_back("ignored " + std::to_string(left) + " zero bytes after the FIT data");
      } else if (left < kShortHeader && header_prefix(head, left)) {
        warn("truncated after byte " + std::to_string(bytes_.size()) + " inside the header of a chained FIT file");
      } else {
        damage("the " + std::to_string(left) + " bytes after the FIT data at byte " + std::to_string(offset) +
               " are not a FIT file header");
      }
      out_.readable_bytes = offset;
      return false;
    }

    Part part;
    part.offset = offset;
    part.header_size = head[0];
    part.protocol_version = head[1];
    part.profile_version = le16(head + 2);
    part.data_size = le32(head + 4);
    if (part.header_size == kLongHeader) {
      if (left < kLongHeader) {
        out_.parts.push_back(part);
        if (first) {
          damage("truncated inside the FIT header (" + std::to_string(left) + " bytes)");
        } else {
          warn("truncated after byte " + std::to_string(bytes_.size()) + " inside the header of a chained FIT file");
        }
        return false;
      }
      const std::uint16_t stored = le16(head + 12);
      const std::uint16_t computed = crc16(std::span(head, kShortHeader));
      if (stored != 0 && stored != computed) {  // 0: the writer did not compute it
        damage("header CRC mismatch (computed " + hex16(computed) + ", stored " + hex16(stored) + ")" + where(offset));
        return false;
      }
    }

    const std::size_t data_begin = offset + part.header_size;
    const std::uint64_t data_end = std::uint64_t{data_begin} + part.data_size;
    const std::uint64_t part_end = data_end + 2;  // the file CRC
    part.complete = part_end <= bytes_.size();
    const std::size_t readable_end = static_cast<std::size_t>(std::min<std::uint64_t>(data_end, bytes_.size()));

    const std::size_t part_index = out_.parts.size();
    part.first_record = out_.records.size();
    out_.parts.push_back(part);
    MessageReader reader(out_, part_index, bytes_.data() + data_begin, readable_end - data_begin);
    const MessageReader::Stop stop = reader.run();
    out_.parts.back().record_count = out_.records.size() - part.first_record;
    const std::size_t stopped_at = data_begin + reader.consumed();
    out_.readable_bytes = stopped_at;
    if (stop == MessageReader::Stop::limit) return false;

    if (!part.complete) {
      // The file ends inside this part's data or CRC.
      if (stop == MessageReader::Stop::undefined_local_type || stop == MessageReader::Stop::bad_definition) {
        warn(stop_reason(stop, reader, stopped_at));
      }
      warn("truncated after byte " + std::to_string(bytes_.size()) + " of " + std::to_string(part_end) +
           "; read what was complete");
      return false;
    }

    const auto data_end_size = static_cast<std::size_t>(data_end);
    const std::uint16_t stored = le16(bytes_.data() + data_end_size);
    const std::uint16_t computed = crc16(std::span(bytes_.data() + offset, data_end_size - offset));
    Part& kept = out_.parts.back();
    kept.crc_ok = stored == computed;

    if (stop == MessageReader::Stop::runs_past_end) {
      // The messages do not end where the header says the data ends: the device never
      // finalised the file (nick.fit), so the two bytes after the data are no CRC.
      warn("the last message at byte " + std::to_string(stopped_at) + " runs past the data size the header declares (" +
           std::to_string(part.data_size) + " bytes): the file was not finalised; read what was complete");
      return false;
    }
    if (!kept.crc_ok) {
      damage("file CRC mismatch (computed " + hex16(computed) + ", stored " + hex16(stored) + ")" + where(offset));
      return false;
    }
    if (stop != MessageReader::Stop::end_of_data) warn(stop_reason(stop, reader, stopped_at));
    out_.readable_bytes = static_cast<std::size_t>(part_end);
    offset = static_cast<std::size_t>(part_end);
    return true;
  }

  static std::string stop_reason(MessageReader::Stop stop, const MessageReader& reader, std::size_t at) {
    if (stop == MessageReader::Stop::bad_definition) {
      return "definition message at byte " + std::to_string(at) + " has an unknown architecture byte " +
             std::to_string(reader.detail()) + "; stopped reading there and kept what came before";
    }
    return "data message at byte " + std::to_string(at) + " uses local message type " +
           std::to_string(reader.detail()) +
           ", which was never defined; stopped reading there and kept what came before";
  }

  std::span<const std::uint8_t> bytes_;
  Decoded& out_;
};

}  // namespace

bool looks_like_fit(std::span<const std::uint8_t> head) {
  return head.size() >= kShortHeader && (head[0] == kShortHeader || head[0] == kLongHeader) && head[8] == '.' &&
         head[9] == 'F' && head[10] == 'I' && head[11] == 'T';
}

Decoded decode(std::span<const std::uint8_t> bytes) {
  Decoded out;
  // Record messages are the bulk of a file, 15-60 bytes each. Reserving for the smallest
  // costs address space only (untouched pages are never faulted in) and saves the copies
  // of growing.
  out.records.reserve(std::min<std::size_t>(bytes.size() / 16, std::size_t{1} << 20));
  Walker(bytes, out).run();
  return out;
}

}  // namespace tendon::fit
