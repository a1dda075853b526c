// Number parsing and activity strings (plugins/xml/xml_text.h).
#include <gtest/gtest.h>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>

#include "xml_text.h"

namespace tendon::xml {
namespace {

double num(const char* text) {
  double v = -12345;
  EXPECT_TRUE(parse_number(text, v)) << text;
  return v;
}

bool refused(const char* text) {
  double v = -12345;
  const bool ok_c = parse_number(text, v);
  const bool ok_sv = parse_number(std::string_view(text), v);
  EXPECT_EQ(ok_c, ok_sv) << text;
  return !ok_c && v == -12345;
}

TEST(xmlNumber, PlainDecimals) {
  EXPECT_EQ(num("46.0512345678"), 46.0512345678);
  EXPECT_EQ(num("-79.0931872185"), -79.0931872185);
  EXPECT_EQ(num("132"), 132.0);
  EXPECT_EQ(num("0.0"), 0.0);
  EXPECT_EQ(num("-0.114380"), -0.114380);
  EXPECT_EQ(num(".5"), 0.5);
  EXPECT_EQ(num("5."), 5.0);
  EXPECT_EQ(num("+7.25"), 7.25);
  EXPECT_TRUE(std::signbit(num("-0")));
}

TEST(xmlNumber, WhitespaceAroundIsAllowed) {
  EXPECT_EQ(num("\n          178.942626953\n        "), 178.942626953);
  EXPECT_EQ(num(" \t12\r\n"), 12.0);
}

TEST(xmlNumber, GeneralPathForExponentsAndLongMantissas) {
  EXPECT_EQ(num("1e3"), 1000.0);
  EXPECT_EQ(num("2.5E-2"), 0.025);
  EXPECT_EQ(num("10630.3701171875"), 10630.3701171875);
  EXPECT_EQ(num("3.14159265358979323846264338327950288"), 3.14159265358979323846264338327950288);
  EXPECT_EQ(num("0000000000000000000000012.5"), 12.5);
  EXPECT_EQ(num("123456789012345678901234567890"), 123456789012345678901234567890.0);
}

TEST(xmlNumber, RefusesNonFiniteAndJunk) {
  for (const char* bad :
       {"",      " ",   "NaN", "nan", "-nan", "inf", "-inf", "Infinity", "1e999", "-1e999", "abc", "12abc",
        "1.2.3", "1,5", "--1", "+-5", "-+5",  "+",   "-",    ".",        "0x1A",  "1 2",    "١٢"}) {
    EXPECT_TRUE(refused(bad)) << bad;
  }
}

TEST(xmlNumber, FastPathAgreesWithFromChars) {
  std::mt19937_64 rng(42);
  std::uniform_int_distribution<int> decimals(0, 12);
  std::uniform_real_distribution<double> value(-200.0, 200.0);
  char text[64];
  for (int i = 0; i < 200000; ++i) {
    std::snprintf(text, sizeof text, "%.*f", decimals(rng), value(rng) * std::pow(10.0, i % 5));
    double expected = 0;
    std::from_chars(text, text + std::strlen(text), expected);
    double got = 0;
    ASSERT_TRUE(parse_number(text, got)) << text;
    ASSERT_EQ(got, expected) << text;
  }
}

TEST(xmlCleanText, DecodesEscapesAndFoldsWhitespace) {
  EXPECT_EQ(clean_text("  Garmin &amp; Co\n\t Edge&#32;530 &lt;x&gt; &quot;q&quot; &apos;a&apos; "),
            "Garmin & Co Edge 530 <x> \"q\" 'a'");
  EXPECT_EQ(clean_text("v&#xED;voactive HR"), "v\xC3\xADvoactive HR");
  EXPECT_EQ(clean_text("a &unknown; b & c &#0; &#xD800;"), "a &unknown; b & c &#0; &#xD800;");
}

TEST(xmlCleanText, KeepsUtf8AndReadsOtherBytesAsLatin1) {
  EXPECT_EQ(clean_text("v\xC3\xADvoactive"), "v\xC3\xADvoactive");
  EXPECT_EQ(clean_text("Caf\xE9"), "Caf\xC3\xA9");  // ISO-8859-1 é
  EXPECT_EQ(clean_text("a\x01\x7F"
                       "b"),
            "ab");  // control characters dropped
  EXPECT_EQ(clean_text("\xF0\x9F\x8F\x83 run"), "\xF0\x9F\x8F\x83 run");
}

TEST(xmlCleanText, CutsOnCharacterBoundary) {
  EXPECT_EQ(clean_text("abcdef", 4), "abcd");
  EXPECT_EQ(clean_text("ab\xC3\xAD\xC3\xAD", 5), "ab\xC3\xAD");
  EXPECT_EQ(clean_text(std::string(1000, 'x')).size(), 256u);
}

}  // namespace
}  // namespace tendon::xml
