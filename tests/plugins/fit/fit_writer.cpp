#include "fit_writer.h"

#include <stdexcept>

#include "fit_crc.h"

namespace tendon::fit::testing {

void FitWriter::define(std::uint8_t local, std::uint16_t global, std::vector<FieldDef> fields, bool big_endian,
                       std::vector<DevFieldDef> developer_fields) {
  const bool dev = !developer_fields.empty();
  data_.push_back(static_cast<std::uint8_t>(0x40 | (dev ? 0x20 : 0) | (local & 0x0F)));
  data_.push_back(0);  // reserved
  data_.push_back(big_endian ? 1 : 0);
  if (big_endian) {
    data_.push_back(static_cast<std::uint8_t>(global >> 8));
    data_.push_back(static_cast<std::uint8_t>(global & 0xFF));
  } else {
    data_.push_back(static_cast<std::uint8_t>(global & 0xFF));
    data_.push_back(static_cast<std::uint8_t>(global >> 8));
  }
  data_.push_back(static_cast<std::uint8_t>(fields.size()));
  for (const FieldDef& f : fields) {
    data_.insert(data_.end(), {f.number, f.size, f.base_type});
  }
  if (dev) {
    data_.push_back(static_cast<std::uint8_t>(developer_fields.size()));
    for (const DevFieldDef& f : developer_fields) data_.insert(data_.end(), {f.number, f.size, f.developer_index});
  }
  Definition& d = defs_[local & 0x0F];
  d.fields = std::move(fields);
  d.developer_fields = std::move(developer_fields);
  d.big_endian = big_endian;
  d.defined = true;
}

void FitWriter::put_values(const Definition& d, std::initializer_list<Value> values) {
  if (values.size() != d.fields.size()) throw std::logic_error("value count does not match the definition");
  auto value = values.begin();
  for (const FieldDef& f : d.fields) {
    const Value& v = *value++;
    if (v.is_text) {
      for (std::size_t i = 0; i < f.size; ++i) {
        data_.push_back(i < v.text.size() ? static_cast<std::uint8_t>(v.text[i]) : std::uint8_t{0});
      }
      continue;
    }
    const auto u = static_cast<std::uint64_t>(v.integer);
    for (std::size_t i = 0; i < f.size; ++i) {
      const std::size_t shift = 8 * (d.big_endian ? f.size - 1 - i : i);
      data_.push_back(shift < 64 ? static_cast<std::uint8_t>((u >> shift) & 0xFF) : std::uint8_t{0});
    }
  }
}

void FitWriter::data(std::uint8_t local, std::initializer_list<Value> values,
                     std::vector<std::uint8_t> developer_bytes) {
  const Definition& d = defs_[local & 0x0F];
  data_.push_back(local & 0x0F);
  put_values(d, values);
  data_.insert(data_.end(), developer_bytes.begin(), developer_bytes.end());
}

void FitWriter::compressed(std::uint8_t local, std::uint8_t time_offset, std::initializer_list<Value> values) {
  const Definition& d = defs_[local & 0x03];
  data_.push_back(static_cast<std::uint8_t>(0x80 | ((local & 0x03) << 5) | (time_offset & 0x1F)));
  put_values(d, values);
}

void FitWriter::raw(std::initializer_list<std::uint8_t> bytes) { data_.insert(data_.end(), bytes); }

std::vector<std::uint8_t> FitWriter::file(const Options& options) const {
  std::vector<std::uint8_t> out;
  const auto size = static_cast<std::uint32_t>(data_.size());
  out.push_back(options.header_size);
  out.push_back(options.protocol_version);
  out.push_back(static_cast<std::uint8_t>(options.profile_version & 0xFF));
  out.push_back(static_cast<std::uint8_t>(options.profile_version >> 8));
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<std::uint8_t>((size >> (8 * i)) & 0xFF));
  out.insert(out.end(), {'.', 'F', 'I', 'T'});
  if (options.header_size == 14) {
    const std::uint16_t crc = options.header_crc ? crc16(out) : 0;
    out.push_back(static_cast<std::uint8_t>(crc & 0xFF));
    out.push_back(static_cast<std::uint8_t>(crc >> 8));
  }
  out.insert(out.end(), data_.begin(), data_.end());
  const std::uint16_t crc = crc16(out);
  out.push_back(static_cast<std::uint8_t>(crc & 0xFF));
  out.push_back(static_cast<std::uint8_t>(crc >> 8));
  return out;
}

std::vector<std::uint8_t> small_run(int records, const FitWriter::Options& options) {
  FitWriter w;
  const std::uint32_t t0 = fit_time(kSmallRunStartUnix);
  // file_id: type, manufacturer, product, time_created
  w.define(0, 0, {{0, 1, bt::enum_}, {1, 2, bt::uint16}, {2, 2, bt::uint16}, {4, 4, bt::uint32}});
  w.data(0, {4, 1, 3076, t0});
  // record: timestamp, lat, long, distance (cm), enhanced_altitude, heart rate, cadence,
  // fractional cadence, enhanced speed
  w.define(1, 20,
           {{253, 4, bt::uint32},
            {0, 4, bt::sint32},
            {1, 4, bt::sint32},
            {5, 4, bt::uint32},
            {78, 4, bt::uint32},
            {3, 1, bt::uint8},
            {4, 1, bt::uint8},
            {53, 1, bt::uint8},
            {73, 4, bt::uint32}});
  for (int i = 0; i < records; ++i) {
    const auto n = static_cast<std::uint32_t>(i);
    // 47.0 deg N = 47/180 * 2^31 semicircles; altitude (m + 500) * 5.
    w.data(1, {t0 + n, 560735200 + i * 10, 95443718, n * 300, (100 + n + 500) * 5, 140, 85, 64, 3000});
  }
  const std::uint32_t end = t0 + static_cast<std::uint32_t>(records > 0 ? records - 1 : 0);
  // lap: timestamp, start_time, total_elapsed_time, total_timer_time, total_distance
  w.define(2, 19,
           {{253, 4, bt::uint32}, {2, 4, bt::uint32}, {7, 4, bt::uint32}, {8, 4, bt::uint32}, {9, 4, bt::uint32}});
  w.data(2, {end, t0, (end - t0) * 1000, (end - t0) * 1000, 100000});
  // session: timestamp, start_time, sport, sub_sport, elapsed, timer, distance, avg HR, ascent
  w.define(3, 18,
           {{253, 4, bt::uint32},
            {2, 4, bt::uint32},
            {5, 1, bt::enum_},
            {6, 1, bt::enum_},
            {7, 4, bt::uint32},
            {8, 4, bt::uint32},
            {9, 4, bt::uint32},
            {16, 1, bt::uint8},
            {22, 2, bt::uint16}});
  w.data(3, {end, t0, 1, 3, (end - t0) * 1000, (end - t0) * 1000 - 500, 100000, 140, 12});
  // activity: timestamp, local_timestamp (+2 h)
  w.define(4, 34, {{253, 4, bt::uint32}, {5, 4, bt::uint32}});
  w.data(4, {end, end + 7200});
  return w.file(options);
}

}  // namespace tendon::fit::testing
