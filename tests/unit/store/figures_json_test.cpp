// Alert figures survive the trip through JSON text with their order, names, types and
// exact values.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <random>

#include "store/figures_json.h"
#include "store/store.h"

namespace tendon::test {
namespace {

using store_detail::decode_figures;
using store_detail::encode_figures;

TEST(FiguresJson, ReadableFormKeepsOrderAndTypes) {
  const std::vector<Figure> figures{{"distance_m", std::int64_t{11000}}, {"ratio", 0.1001}, {"shoe", std::string("Pegasus")}};
  EXPECT_EQ(encode_figures(figures),
            R"([{"name":"distance_m","value":11000},{"name":"ratio","value":0.1001},{"name":"shoe","value":"Pegasus"}])");
  EXPECT_EQ(decode_figures(encode_figures(figures)), figures);
  EXPECT_EQ(encode_figures({}), "[]");
  EXPECT_TRUE(decode_figures("[]").empty());
}

TEST(FiguresJson, IntegralDoubleStaysDoubleAndIntStaysInt) {
  const std::vector<Figure> figures{{"d", 3.0}, {"i", std::int64_t{3}}, {"neg_zero", -0.0}};
  const auto back = decode_figures(encode_figures(figures));
  ASSERT_EQ(back.size(), 3u);
  EXPECT_TRUE(std::holds_alternative<double>(back[0].value));
  EXPECT_TRUE(std::holds_alternative<std::int64_t>(back[1].value));
  ASSERT_TRUE(std::holds_alternative<double>(back[2].value));
  EXPECT_TRUE(std::signbit(std::get<double>(back[2].value)));
  EXPECT_EQ(back, figures);
}

TEST(FiguresJson, ExtremesRoundTrip) {
  const std::vector<Figure> figures{
      {"max", std::numeric_limits<std::int64_t>::max()},
      {"min", std::numeric_limits<std::int64_t>::min()},
      {"dmax", std::numeric_limits<double>::max()},
      {"dmin", std::numeric_limits<double>::denorm_min()},
      {"tiny", 2.2250738585072014e-308},
      {"big", 1e23},
      {"inf", std::numeric_limits<double>::infinity()},
      {"ninf", -std::numeric_limits<double>::infinity()},
      {"text", std::string("quote \" backslash \\ newline \n tab \t unicode \xc3\xa9 \xe2\x9c\x93")},
      {"", std::string()},
      {"same", std::int64_t{1}},
      {"same", std::int64_t{2}},  // duplicate names keep both, in order
  };
  EXPECT_EQ(decode_figures(encode_figures(figures)), figures);
}

TEST(FiguresJson, NanStaysNan) {
  const auto back = decode_figures(encode_figures({{"nan", std::numeric_limits<double>::quiet_NaN()}}));
  ASSERT_EQ(back.size(), 1u);
  ASSERT_TRUE(std::holds_alternative<double>(back[0].value));
  EXPECT_TRUE(std::isnan(std::get<double>(back[0].value)));
}

TEST(FiguresJson, RandomDoublesRoundTripBitForBit) {
  std::mt19937_64 rng(20260301);
  std::uniform_real_distribution<double> plausible(0.0, 100000.0);
  for (int i = 0; i < 20000; ++i) {
    double d = 0;
    if (i % 2 == 0) {
      const std::uint64_t bits = rng();
      std::memcpy(&d, &bits, sizeof d);
      if (std::isnan(d)) continue;
    } else {
      d = plausible(rng);
    }
    const auto back = decode_figures(encode_figures({{"x", d}}));
    ASSERT_EQ(back.size(), 1u);
    ASSERT_TRUE(std::holds_alternative<double>(back[0].value));
    const double r = std::get<double>(back[0].value);
    ASSERT_EQ(std::memcmp(&r, &d, sizeof d), 0) << encode_figures({{"x", d}});
  }
}

TEST(FiguresJson, MalformedTextIsAStoreError) {
  EXPECT_THROW(decode_figures("not json"), StoreError);
  EXPECT_THROW(decode_figures(R"({"name":"x","value":1})"), StoreError);
  EXPECT_THROW(decode_figures(R"([{"name":"x"}])"), StoreError);
  EXPECT_THROW(decode_figures(R"([{"name":"x","value":true}])"), StoreError);
  EXPECT_THROW(decode_figures(R"([{"name":"x","value":18446744073709551615}])"), StoreError);
}

}  // namespace
}  // namespace tendon::test
