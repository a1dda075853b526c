// Device display names. FIT identifies a device by manufacturer and product numbers; only
// Garmin's products are enumerated in the profile (type garmin_product), so other makers'
// devices are named by the product_name string they write, when they write one.
#include <algorithm>
#include <cctype>
#include <string>

#include "fit_names.h"

namespace tendon::fit {

namespace {

struct Maker {
  std::uint16_t number;
  std::string_view name;
};

// FIT profile type "manufacturer": the makers seen in activity files, with their
// commercial names (the profile's own identifiers are lower_case).
constexpr Maker kMakers[] = {
    {1, "Garmin"},
    {2, "Garmin"},
    {6, "SRM"},
    {7, "Quarq"},
    {13, "Dynastream"},
    {15, "Dynastream"},
    {16, "Timex"},
    {23, "Suunto"},
    {32, "Wahoo"},
    {40, "Concept2"},
    {41, "Shimano"},
    {48, "Pioneer"},
    {68, "CatEye"},
    {69, "Stages"},
    {70, "Sigma"},
    {71, "TomTom"},
    {73, "Wattbike"},
    {86, "Elite"},
    {87, "Nielsen-Kellerman"},
    {89, "Tacx"},
    {95, "Stryd"},
    {107, "Magene"},
    {111, "Technogym"},
    {112, "Bryton"},
    {115, "iGPSport"},
    {123, "Polar"},
    {148, "EZON"},
    {255, "Development"},
    {258, "Lezyne"},
    {260, "Zwift"},
    {263, "Favero"},
    {265, "Strava"},
    {267, "Bryton"},
    {268, "SRAM"},
    {281, "TrainerRoad"},
    {289, "Hammerhead"},
    {294, "COROS"},
    {300, "NURVV"},
    {305, "WHOOP"},
    {310, "Decathlon"},
};

struct Product {
  std::uint16_t number;
  std::string_view name;
};

// FIT profile type "garmin_product": the common watches and bike computers (regional
// variants share their base model's name).
constexpr Product kGarminProducts[] = {
    {1, "HRM1"},
    {717, "Forerunner 405"},
    {782, "Forerunner 50"},
    {988, "Forerunner 60"},
    {1018, "Forerunner 310XT"},
    {1036, "Edge 500"},
    {1124, "Forerunner 110"},
    {1169, "Edge 800"},
    {1325, "Edge 200"},
    {1328, "Forerunner 910XT"},
    {1345, "Forerunner 610"},
    {1436, "Forerunner 70"},
    {1482, "Forerunner 10"},
    {1551, "Fenix"},
    {1561, "Edge 510"},
    {1567, "Edge 810"},
    {1623, "Forerunner 620"},
    {1632, "Forerunner 220"},
    {1765, "Forerunner 920XT"},
    {1836, "Edge 1000"},
    {1903, "Forerunner 15"},
    {1907, "Vivoactive"},
    {1967, "Fenix 2"},
    {1988, "Epix"},
    {2050, "Fenix 3"},
    {2067, "Edge 520"},
    {2148, "Forerunner 25"},
    {2153, "Forerunner 225"},
    {2156, "Forerunner 630"},
    {2157, "Forerunner 230"},
    {2158, "Forerunner 735XT"},
    {2337, "Vivoactive HR"},
    {2347, "Vivosmart GPS HR"},
    {2348, "Vivosmart HR"},
    {2413, "Fenix 3 HR"},
    {2431, "Forerunner 235"},
    {2503, "Forerunner 35"},
    {2530, "Edge 820"},
    {2544, "Fenix 5S"},
    {2604, "Fenix 5X"},
    {2691, "Forerunner 935"},
    {2697, "Fenix 5"},
    {2700, "Vivoactive 3"},
    {2713, "Edge 1030"},
    {2886, "Forerunner 645"},
    {2888, "Forerunner 645 Music"},
    {2891, "Forerunner 30"},
    {2900, "Fenix 5S Plus"},
    {2909, "Edge 130"},
    {3076, "Forerunner 245"},
    {3077, "Forerunner 245 Music"},
    {3110, "Fenix 5 Plus"},
    {3111, "Fenix 5X Plus"},
    {3112, "Edge 520 Plus"},
    {3113, "Forerunner 945"},
    {3121, "Edge 530"},
    {3122, "Edge 830"},
    {3226, "Venu"},
    {3282, "Forerunner 45"},
    {3288, "Fenix 6S"},
    {3289, "Fenix 6 Sport"},
    {3290, "Fenix 6"},
    {3291, "Fenix 6X"},
    {3466, "Instinct Solar"},
    {3589, "Forerunner 745"},
    {3638, "Enduro"},
    {3652, "Forerunner 945 LTE"},
    {3703, "Venu 2"},
    {3843, "Edge 1040"},
    {3869, "Forerunner 55"},
    {3888, "Instinct 2"},
    {3905, "Fenix 7S"},
    {3906, "Fenix 7"},
    {3907, "Fenix 7X"},
    {3943, "Epix Gen 2"},
    {3990, "Forerunner 255 Music"},
    {3991, "Forerunner 255S Music"},
    {3992, "Forerunner 255"},
    {3993, "Forerunner 255S"},
    {4024, "Forerunner 955"},
    {4061, "Edge 540"},
    {4062, "Edge 840"},
    {4257, "Forerunner 265"},
    {4258, "Forerunner 265S"},
    {4260, "Venu 3"},
    {4315, "Forerunner 965"},
    {4341, "Enduro 2"},
    {4432, "Forerunner 165"},
    {4433, "Forerunner 165 Music"},
    {4440, "Edge 1050"},
    {4536, "Fenix 8"},
    {4565, "Forerunner 970"},
    {4570, "Forerunner 570"},
    {4574, "Forerunner 570"},
};

constexpr std::uint16_t kNoNumber = 0xFFFF;
// The profile reads product as garmin_product for these makers (Garmin, Dynastream and
// Dynastream OEM, Tacx).
constexpr bool uses_garmin_products(std::uint16_t maker) {
  return maker == 1 || maker == 2 || maker == 13 || maker == 15 || maker == 89;
}

std::string maker_name(std::uint16_t maker) {
  for (const Maker& m : kMakers) {
    if (m.number == maker) return std::string(m.name);
  }
  return maker == kNoNumber ? std::string() : "manufacturer " + std::to_string(maker);
}

std::string_view garmin_product(std::uint16_t product) {
  for (const Product& p : kGarminProducts) {
    if (p.number == product) return p.name;
  }
  return {};
}

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  if (prefix.empty() || text.size() < prefix.size()) return false;
  return std::equal(prefix.begin(), prefix.end(), text.begin(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
  });
}

}  // namespace

std::string device_name(std::uint16_t manufacturer, std::uint16_t product, std::string_view product_name) {
  const std::string maker = maker_name(manufacturer);
  if (!product_name.empty()) {
    // COROS writes "COROS APEX Pro": the maker is already in the name.
    if (maker.empty() || starts_with_ignoring_case(product_name, maker)) return std::string(product_name);
    return maker + " " + std::string(product_name);
  }
  if (maker.empty()) return {};
  if (product == kNoNumber) return maker;
  if (uses_garmin_products(manufacturer)) {
    const std::string_view name = garmin_product(product);
    if (!name.empty()) return maker + " " + std::string(name);
  }
  return maker + " product " + std::to_string(product);
}

}  // namespace tendon::fit
