// Shoe.List, Shoe.Set, Shoe.Retire: where drops come from, distance run, the round trip,
// and the shoes the config owns.
#include "service_fixture.h"

namespace tendon::testing {
namespace {

constexpr int kInvalidParams = -32602;
constexpr int kNotFound = -32002;

const rapidjson::Value* shoe_named(const rapidjson::Value& list, const std::string& name) {
  for (const auto& shoe : list["shoes"].GetArray()) {
    if (string_of(shoe, "name") == name) return &shoe;
  }
  return nullptr;
}

TEST_F(ServiceTest, ShoeListSaysWhereEachDropCameFromAndHowFarTheShoeRan) {
  import("runs.jsonl", run_line("r1", "01", 8000, R"(,"shoe":"Nike Pegasus 41")") +
                           run_line("r2", "03", 6000, R"(,"shoe":"Nike Pegasus 41")") +
                           run_line("r3", "04", 5000, R"(,"shoe":"Clubhouse")"));
  const auto list = call("Shoe.List");
  EXPECT_EQ(string_of(list, "athlete"), "ana");

  const auto* pegasus = shoe_named(list, "Nike Pegasus 41");
  ASSERT_NE(pegasus, nullptr);
  EXPECT_EQ(string_of(*pegasus, "drop_source"), "catalogue");
  EXPECT_DOUBLE_EQ((*pegasus)["drop_mm"].GetDouble(), 10.0);
  EXPECT_EQ(string_of(*pegasus, "brand"), "Nike");
  EXPECT_DOUBLE_EQ((*pegasus)["distance_km"].GetDouble(), 14.0);
  EXPECT_EQ(string_of(*pegasus, "first_used"), "2026-11-01T07:00:00Z");
  EXPECT_EQ(string_of(*pegasus, "last_used"), "2026-11-03T07:00:00Z");
  EXPECT_FALSE((*pegasus)["retired"].GetBool());
  EXPECT_TRUE((*pegasus)["limit_km"].IsNumber());

  const auto* clubhouse = shoe_named(list, "Clubhouse");
  ASSERT_NE(clubhouse, nullptr);
  EXPECT_EQ(string_of(*clubhouse, "drop_source"), "config");
  EXPECT_TRUE((*clubhouse)["brand"].IsNull());
  EXPECT_DOUBLE_EQ((*clubhouse)["distance_km"].GetDouble(), 5.0);

  EXPECT_EQ(call("Shoe.List", R"({"athlete":"ben"})")["shoes"].Size(), 0u);
}

TEST_F(ServiceTest, ShoeSetAndRetireRoundTrip) {
  const auto created = call("Shoe.Set", R"({"name":"Trail","drop_mm":4,"brand":"Acme","limit_km":600})");
  EXPECT_EQ(string_of(created, "name"), "Trail");
  EXPECT_EQ(string_of(created, "drop_source"), "set");
  EXPECT_DOUBLE_EQ(created["drop_mm"].GetDouble(), 4.0);
  EXPECT_DOUBLE_EQ(created["limit_km"].GetDouble(), 600.0);
  EXPECT_EQ(string_of(created, "brand"), "Acme");
  EXPECT_TRUE(created["model"].IsNull());
  EXPECT_TRUE(created["first_used"].IsNull());

  const auto changed = call("Shoe.Set", R"({"name":"Trail","model":"Ridge 2"})");
  EXPECT_EQ(string_of(changed, "brand"), "Acme") << "fields not given are kept";
  EXPECT_EQ(string_of(changed, "model"), "Ridge 2");
  EXPECT_DOUBLE_EQ(changed["drop_mm"].GetDouble(), 4.0);

  EXPECT_TRUE(call("Shoe.Retire", R"({"name":"Trail"})")["retired"].GetBool());
  const auto shoes = call("Shoe.List");  // kept: `listed` points into it
  const auto* listed = shoe_named(shoes, "Trail");
  ASSERT_NE(listed, nullptr);
  EXPECT_TRUE((*listed)["retired"].GetBool());
  EXPECT_FALSE(call("Shoe.Retire", R"({"name":"Trail","retired":false})")["retired"].GetBool());
  EXPECT_FALSE((*shoe_named(call("Shoe.List"), "Trail"))["retired"].GetBool());
}

TEST_F(ServiceTest, ANewShoeOfAKnownModelTakesItsDropFromTheCatalogue) {
  const auto ghost = call("Shoe.Set", R"({"name":"Ghosty","brand":"Brooks","model":"Ghost 16"})");
  EXPECT_DOUBLE_EQ(ghost["drop_mm"].GetDouble(), 12.0);
  EXPECT_EQ(string_of(ghost, "drop_source"), "catalogue");
  const auto unknown = call("Shoe.Set", R"({"name":"Mystery"})");
  EXPECT_TRUE(unknown["drop_mm"].IsNull());
  EXPECT_EQ(string_of(unknown, "drop_source"), "unknown");
}

TEST_F(ServiceTest, ShoeErrors) {
  EXPECT_EQ(error_of("Shoe.Set", "{}"), kInvalidParams) << "no name";
  EXPECT_EQ(error_of("Shoe.Set", R"({"name":"X","drop_mm":25})"), kInvalidParams);
  EXPECT_EQ(error_of("Shoe.Set", R"({"name":"X","limit_km":0})"), kInvalidParams);
  EXPECT_EQ(error_of("Shoe.Set", R"({"name":"X","limit_km":10})"), kInvalidParams) << "below the worn limit";
  EXPECT_EQ(error_of("Shoe.Set", R"({"name":"Clubhouse","drop_mm":4})"), kInvalidParams) << "the config owns it";
  EXPECT_EQ(error_of("Shoe.Retire", R"({"name":"Clubhouse"})"), kInvalidParams);
  EXPECT_EQ(error_of("Shoe.Retire", R"({"name":"Nowhere"})"), kNotFound);
  EXPECT_EQ(error_of("Shoe.Retire", R"({"name":"Clubhouse","retired":"no"})"), kInvalidParams);
}

}  // namespace
}  // namespace tendon::testing
