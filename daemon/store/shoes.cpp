#include <optional>
#include <string>
#include <vector>

#include "store/store.h"
#include "store/store_impl.h"

namespace tendon {

namespace {

constexpr const char* kShoeColumns =
    "SELECT s.name, s.brand, s.model, s.drop_mm, s.start_distance_m, s.worn_km, s.replace_km, s.retired "
    "FROM shoes s JOIN athletes a ON a.id = s.athlete_id ";

Shoe read_shoe(const sqlite::Statement& row) {
  Shoe shoe;
  shoe.name = row.text(0);
  shoe.brand = row.text(1);
  shoe.model = row.text(2);
  shoe.drop_mm = row.optional_real(3);
  shoe.start_distance_m = row.real(4);
  shoe.worn_km = row.optional_real(5);
  shoe.replace_km = row.optional_real(6);
  shoe.retired = row.int64(7) != 0;
  return shoe;
}

}  // namespace

void Store::upsert_shoe(const std::string& athlete, const Shoe& shoe) {
  const auto athlete_id = impl_->athlete_id(athlete);
  auto q = impl_->db->cached(
      "INSERT INTO shoes (athlete_id, name, brand, model, drop_mm, start_distance_m, worn_km, replace_km, retired) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "ON CONFLICT (athlete_id, name) DO UPDATE SET brand = excluded.brand, model = excluded.model, "
      "drop_mm = excluded.drop_mm, start_distance_m = excluded.start_distance_m, worn_km = excluded.worn_km, "
      "replace_km = excluded.replace_km, retired = excluded.retired");
  q->bind_all(athlete_id, shoe.name, shoe.brand, shoe.model, shoe.drop_mm, shoe.start_distance_m, shoe.worn_km,
              shoe.replace_km, shoe.retired);
  q->run();
}

std::vector<Shoe> Store::shoes(const std::string& athlete) {
  auto q = impl_->db->cached(std::string(kShoeColumns) + "WHERE a.name = ? ORDER BY s.name");
  q->bind_all(athlete);
  std::vector<Shoe> result;
  while (q->step()) result.push_back(read_shoe(*q));
  return result;
}

std::optional<Shoe> Store::shoe(const std::string& athlete, const std::string& name) {
  auto q = impl_->db->cached(std::string(kShoeColumns) + "WHERE a.name = ? AND s.name = ?");
  q->bind_all(athlete, name);
  if (!q->step()) return std::nullopt;
  return read_shoe(*q);
}

}  // namespace tendon
