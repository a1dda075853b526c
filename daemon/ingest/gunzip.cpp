#include "gunzip.h"

#include <zlib.h>

#include <algorithm>
#include <memory>
#include <stdexcept>

namespace tendon {

namespace {

struct InflateStream {
  z_stream z{};
  InflateStream() {
    // 16 + MAX_WBITS: gzip wrapper only; a raw zlib or deflate stream is not a .gz file.
    if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) throw std::runtime_error("cannot start the gzip decoder");
  }
  ~InflateStream() { inflateEnd(&z); }
  InflateStream(const InflateStream&) = delete;
  InflateStream& operator=(const InflateStream&) = delete;
};

std::string reason(const z_stream& z, const char* fallback) {
  return std::string("gzip data is corrupt (") + (z.msg ? z.msg : fallback) + ")";
}

}  // namespace

bool looks_gzipped(std::string_view bytes) {
  return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
         static_cast<unsigned char>(bytes[1]) == 0x8b;
}

std::string gunzip(std::string_view compressed, std::size_t max_bytes) {
  InflateStream s;
  // zlib's API predates const: it never writes through next_in.
  s.z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  s.z.avail_in = static_cast<uInt>(compressed.size());
  if (compressed.size() > static_cast<std::size_t>(static_cast<uInt>(-1))) {
    throw std::runtime_error("gzip file too large to inflate in one piece");
  }
  std::string out;
  out.resize(std::min<std::size_t>(max_bytes, std::max<std::size_t>(compressed.size() * 4, 1 << 16)));
  std::size_t produced = 0;
  for (;;) {
    if (produced == out.size()) {
      if (out.size() >= max_bytes) {
        throw std::runtime_error("gzip data inflates to more than " + std::to_string(max_bytes) +
                                 " bytes (the limit)");
      }
      out.resize(std::min(max_bytes, out.size() * 2));
    }
    s.z.next_out = reinterpret_cast<Bytef*>(out.data() + produced);
    const std::size_t room = out.size() - produced;
    s.z.avail_out = static_cast<uInt>(std::min<std::size_t>(room, static_cast<uInt>(-1)));
    const uInt before = s.z.avail_out;
    const int rc = inflate(&s.z, Z_NO_FLUSH);
    produced += before - s.z.avail_out;
    if (rc == Z_STREAM_END) {
      if (s.z.avail_in == 0) break;
      // Another member follows; trailing zero padding (tape-style) is accepted as the end.
      bool only_zeros = true;
      for (uInt i = 0; i < s.z.avail_in && only_zeros; ++i) only_zeros = s.z.next_in[i] == 0;
      if (only_zeros) break;
      if (inflateReset(&s.z) != Z_OK) throw std::runtime_error(reason(s.z, "reset failed"));
      continue;
    }
    if (rc == Z_BUF_ERROR && s.z.avail_in == 0) throw std::runtime_error("gzip data ends early (truncated file)");
    if (rc == Z_NEED_DICT || rc == Z_DATA_ERROR || rc == Z_MEM_ERROR) throw std::runtime_error(reason(s.z, "bad data"));
    if (rc != Z_OK && rc != Z_BUF_ERROR) throw std::runtime_error(reason(s.z, "unexpected state"));
  }
  out.resize(produced);
  return out;
}

}  // namespace tendon
