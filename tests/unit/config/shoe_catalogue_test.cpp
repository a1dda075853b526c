// The shoe catalogue: the bundled CSV, strict matching, and refusing malformed rows.
#include "config/shoe_catalogue.h"

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

namespace tendon {
namespace {

namespace fs = std::filesystem;

std::string read(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

double drop_by_name(const ShoeCatalogue& c, std::string_view name) {
  const auto e = c.find_by_name(name);
  return e ? e->drop_mm : -1;
}

// ---- the bundled catalogue ------------------------------------------------------------

TEST(ShoeCatalogue, BundledIsTheCompiledInCsv) {
  const ShoeCatalogue bundled = ShoeCatalogue::bundled();
  const fs::path csv = fs::path(TENDON_SOURCE_DIR) / "config" / "shoes.csv";
  const ShoeCatalogue from_file = ShoeCatalogue::parse(read(csv), csv.string());
  ASSERT_EQ(bundled.entries().size(), from_file.entries().size());
  ASSERT_GE(bundled.entries().size(), 40u);
  for (std::size_t i = 0; i < bundled.entries().size(); ++i) {
    const auto& a = bundled.entries()[i];
    const auto& b = from_file.entries()[i];
    EXPECT_EQ(a.brand, b.brand);
    EXPECT_EQ(a.model, b.model);
    EXPECT_EQ(a.drop_mm, b.drop_mm);
    EXPECT_EQ(a.source_url, b.source_url);
    // Every drop keeps its source.
    EXPECT_TRUE(a.source_url.rfind("http://", 0) == 0 || a.source_url.rfind("https://", 0) == 0)
        << a.brand << " " << a.model << ": " << a.source_url;
  }
}

TEST(ShoeCatalogue, BundledHoldsEverySharedRow) {
  const fs::path shared = fs::path(TENDON_SHARED_DIR) / "shoes" / "shoe_drops.csv";
  if (!fs::exists(shared)) GTEST_SKIP() << "no " << shared;
  const ShoeCatalogue seed = ShoeCatalogue::parse(read(shared), shared.string());
  const ShoeCatalogue bundled = ShoeCatalogue::bundled();
  for (const auto& e : seed.entries()) {
    const auto found = bundled.find(e.brand, e.model);
    ASSERT_TRUE(found) << e.brand << " " << e.model;
    EXPECT_EQ(found->drop_mm, e.drop_mm) << e.brand << " " << e.model;
    EXPECT_EQ(found->source_url, e.source_url);
  }
}

// ---- matching -------------------------------------------------------------------------

TEST(ShoeCatalogue, FindsByName) {
  const ShoeCatalogue c = ShoeCatalogue::bundled();
  EXPECT_EQ(drop_by_name(c, "Nike Pegasus 41"), 10);
  EXPECT_EQ(drop_by_name(c, "ASICS Gel-Kayano 31"), 10);
  EXPECT_EQ(drop_by_name(c, "Asics gel kayano 31"), 10);
  EXPECT_EQ(drop_by_name(c, "asics GelKayano-31"), 10);
  EXPECT_EQ(drop_by_name(c, "Hoka One One Clifton 9"), 5);
  EXPECT_EQ(drop_by_name(c, "HOKA Clifton 9"), 5);
  EXPECT_EQ(drop_by_name(c, "adidas Adizero Boston 12"), 6.5);
  EXPECT_EQ(drop_by_name(c, "Adidas adizero-boston 12"), 6.5);
  EXPECT_EQ(drop_by_name(c, "New Balance Fresh Foam X 1080 v13"), 6);
  EXPECT_EQ(drop_by_name(c, "On Cloudmonster 2"), 6);
  EXPECT_EQ(drop_by_name(c, "Altra Lone Peak 8"), 0);
  EXPECT_EQ(drop_by_name(c, "  Brooks   Ghost 16 "), 12);
  // The model alone, when only one brand has it.
  EXPECT_EQ(drop_by_name(c, "Clifton 9"), 5);
  const auto e = c.find_by_name("nike pegasus 41");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->brand, "Nike");
  EXPECT_EQ(e->model, "Pegasus 41");
}

TEST(ShoeCatalogue, NoFuzzyMatches) {
  const ShoeCatalogue c = ShoeCatalogue::bundled();
  EXPECT_FALSE(c.find_by_name("Brooks Ghost 15"));  // never Ghost 16's drop
  EXPECT_FALSE(c.find_by_name("Ghost 15"));
  EXPECT_FALSE(c.find_by_name("Nike Pegasus 4"));
  EXPECT_FALSE(c.find_by_name("Nike Pegasus 411"));
  EXPECT_FALSE(c.find_by_name("Nike Pegasus"));
  EXPECT_FALSE(c.find_by_name("Nike Air Zoom Pegasus 41"));
  EXPECT_FALSE(c.find_by_name("Brooks Pegasus 41"));  // another brand's model
  EXPECT_FALSE(c.find_by_name("My Pegasus 41"));
  EXPECT_FALSE(c.find_by_name("Nike"));
  EXPECT_FALSE(c.find_by_name(""));
  EXPECT_FALSE(c.find_by_name("---"));
  EXPECT_FALSE(c.find("Brooks", "Ghost 15"));
  EXPECT_FALSE(c.find("Brooks", "Pegasus 41"));
  EXPECT_FALSE(c.find("Nike", ""));
}

TEST(ShoeCatalogue, FindsByBrandAndModel) {
  const ShoeCatalogue c = ShoeCatalogue::bundled();
  EXPECT_EQ(c.find("Nike", "Pegasus 41")->drop_mm, 10);
  EXPECT_EQ(c.find("NIKE", "Nike Pegasus 41")->drop_mm, 10);  // brand repeated in the model
  EXPECT_EQ(c.find("Hoka One One", "Clifton 9")->drop_mm, 5);
  EXPECT_EQ(c.find("Hoka", "Hoka One One Clifton 9")->drop_mm, 5);
  EXPECT_EQ(c.find("asics", "gel-kayano 29")->drop_mm, 10);
  EXPECT_EQ(c.find("Adidas", "Adizero Boston 12")->drop_mm, 6.5);
  EXPECT_EQ(c.find("", "ASICS Gel-Kayano 31")->drop_mm, 10);  // no brand: by name
}

TEST(ShoeCatalogue, BrandPrefixOnlyAtAWordBoundary) {
  // The brand "On" is stripped from "On Cloud 5" but must not eat the start of "Onyx 1".
  const ShoeCatalogue c = ShoeCatalogue::parse(
      "brand,model,drop_mm,source_url\nOn,Cloud 5,8,x\nOn,yx 1,4,y\n", "t.csv");
  EXPECT_EQ(c.find("On", "On Cloud 5")->drop_mm, 8);
  EXPECT_EQ(c.find("On Running", "on-cloud 5")->drop_mm, 8);
  EXPECT_FALSE(c.find("On", "Onyx 1"));
  EXPECT_FALSE(c.find_by_name("Onyx 1"));
  EXPECT_EQ(drop_by_name(c, "On yx 1"), 4);
}

TEST(ShoeCatalogue, AmbiguousModelAloneIsNoMatch) {
  const ShoeCatalogue c = ShoeCatalogue::parse(
      "brand,model,drop_mm,source_url\nAcme,Speed 4,5,x\nZoom,Speed 4,8,y\n", "t.csv");
  EXPECT_FALSE(c.find_by_name("Speed 4"));
  EXPECT_EQ(drop_by_name(c, "Acme Speed 4"), 5);
  EXPECT_EQ(drop_by_name(c, "Zoom Speed 4"), 8);
}

TEST(ShoeCatalogue, MergeOverridesSameBrandAndModel) {
  ShoeCatalogue c = ShoeCatalogue::bundled();
  const std::size_t before = c.entries().size();
  c.merge(ShoeCatalogue::parse("brand,model,drop_mm,source_url\n"
                               "Hoka One One,clifton-9,6,mine\n"
                               "Acme,Roadrunner,3,mine\n",
                               "extra.csv"));
  EXPECT_EQ(c.entries().size(), before + 1);
  EXPECT_EQ(c.find("Hoka", "Clifton 9")->drop_mm, 6);
  EXPECT_EQ(c.find("Hoka", "Clifton 9")->source_url, "mine");
  EXPECT_EQ(c.find("Acme", "Roadrunner")->drop_mm, 3);
}

Shoe make_shoe(std::string name, std::string brand = {}, std::string model = {},
               std::optional<double> drop_mm = std::nullopt) {
  Shoe shoe;
  shoe.name = std::move(name);
  shoe.brand = std::move(brand);
  shoe.model = std::move(model);
  shoe.drop_mm = drop_mm;
  return shoe;
}

TEST(ShoeCatalogue, FillDrop) {
  const ShoeCatalogue c = ShoeCatalogue::bundled();
  Shoe configured = make_shoe("Pegasus 41", "", "", 7.0);
  c.fill_drop(configured);
  EXPECT_EQ(configured.drop_mm, 7.0);  // a configured drop is never replaced

  Shoe by_model = make_shoe("Daily trainer", "Nike", "Pegasus 41");
  c.fill_drop(by_model);
  EXPECT_EQ(by_model.drop_mm, 10.0);

  Shoe by_name = make_shoe("ASICS Gel-Kayano 31");
  c.fill_drop(by_name);
  EXPECT_EQ(by_name.drop_mm, 10.0);
  EXPECT_EQ(by_name.brand, "ASICS");
  EXPECT_EQ(by_name.model, "Gel-Kayano 31");

  // Brand + model not in the catalogue: the name is tried next.
  Shoe model_miss = make_shoe("Nike Pegasus 41", "Nike", "Peg");
  c.fill_drop(model_miss);
  EXPECT_EQ(model_miss.drop_mm, 10.0);
  EXPECT_EQ(model_miss.model, "Peg");  // what the user wrote stays

  // A name pointing at another brand than the configured one is not this shoe.
  Shoe brand_clash = make_shoe("Clifton 9", "Brooks");
  c.fill_drop(brand_clash);
  EXPECT_FALSE(brand_clash.drop_mm);

  Shoe unknown = make_shoe("Brooks Ghost 15");
  c.fill_drop(unknown);
  EXPECT_FALSE(unknown.drop_mm);
  EXPECT_TRUE(unknown.brand.empty());
}

// ---- parsing --------------------------------------------------------------------------

TEST(ShoeCatalogue, ParsesQuotesCrlfCommentsAndBlankLines) {
  const ShoeCatalogue c = ShoeCatalogue::parse(
      "# my shoes\r\n"
      "brand,model,drop_mm,source_url\r\n"
      "\r\n"
      "\"Acme, Inc.\",\"Road \"\"Runner\"\"\", 4.5 ,\"https://example.org/a?x=1,2\"\r\n"
      "Zoom,Fast,0,\n",
      "mine.csv");
  ASSERT_EQ(c.entries().size(), 2u);
  EXPECT_EQ(c.entries()[0].brand, "Acme, Inc.");
  EXPECT_EQ(c.entries()[0].model, "Road \"Runner\"");
  EXPECT_EQ(c.entries()[0].drop_mm, 4.5);
  EXPECT_EQ(c.entries()[0].source_url, "https://example.org/a?x=1,2");
  EXPECT_EQ(c.entries()[1].source_url, "");
}

void expect_parse_error(const std::string& csv, const std::string& expected) {
  try {
    ShoeCatalogue::parse(csv, "mine.csv");
    ADD_FAILURE() << "parsed without error; expected " << expected;
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()), expected);
  }
}

TEST(ShoeCatalogue, RejectsMalformedRows) {
  const std::string header = "brand,model,drop_mm,source_url\n";
  expect_parse_error("", "mine.csv:1: expected the header brand,model,drop_mm,source_url");
  expect_parse_error("brand,model,drop\nNike,Pegasus 41,10,x\n",
                     "mine.csv:1: expected the header brand,model,drop_mm,source_url");
  expect_parse_error(header + "Nike,Pegasus 41,10\n",
                     "mine.csv:2: expected 4 fields (brand,model,drop_mm,source_url), found 3");
  expect_parse_error(header + "Nike,Pegasus 41,10,x\nNike,Pegasus 40,10,x,y\n",
                     "mine.csv:3: expected 4 fields (brand,model,drop_mm,source_url), found 5");
  expect_parse_error(header + "Nike,Pegasus 41,ten,x\n", "mine.csv:2: drop_mm 'ten' is not a number");
  expect_parse_error(header + "Nike,Pegasus 41,,x\n", "mine.csv:2: drop_mm '' is not a number");
  expect_parse_error(header + "Nike,Pegasus 41,10mm,x\n", "mine.csv:2: drop_mm '10mm' is not a number");
  expect_parse_error(header + "Nike,Pegasus 41,25,x\n", "mine.csv:2: drop_mm 25 is outside 0..20 mm");
  expect_parse_error(header + "Nike,Pegasus 41,-1,x\n", "mine.csv:2: drop_mm -1 is outside 0..20 mm");
  expect_parse_error(header + "Nike,Pegasus 41,nan,x\n", "mine.csv:2: drop_mm 'nan' is not a number");
  expect_parse_error(header + ",Pegasus 41,10,x\n", "mine.csv:2: empty brand");
  expect_parse_error(header + "Nike,-,10,x\n", "mine.csv:2: empty model");
  expect_parse_error(header + "Nike,\"Pegasus 41,10,x\n", "mine.csv:2: unterminated quoted field");
  expect_parse_error(header + "Nike,\"Pegasus\" 41,10,x\n", "mine.csv:2: text after a closing quote");
  expect_parse_error(header + "Nike,Pegasus 41,10,x\n\nNIKE,pegasus-41,9,y\n",
                     "mine.csv:4: NIKE pegasus-41 is already listed on line 2");
  expect_parse_error(header + "Hoka,Clifton 9,5,x\nHoka One One,Clifton 9,5,y\n",
                     "mine.csv:3: Hoka One One Clifton 9 is already listed on line 2");
}

TEST(ShoeCatalogue, LoadReadsAFile) {
  EXPECT_THROW(ShoeCatalogue::load("/nonexistent/shoes.csv"), std::runtime_error);
  const fs::path csv = fs::path(TENDON_SOURCE_DIR) / "config" / "shoes.csv";
  EXPECT_EQ(ShoeCatalogue::load(csv).entries().size(), ShoeCatalogue::bundled().entries().size());
}

}  // namespace
}  // namespace tendon
