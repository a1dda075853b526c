#pragma once
// Great-circle distance between two points.
//
// Haversine on a sphere of the IUGG mean Earth radius R1 = 6 371 008.8 m. Against the
// WGS-84 ellipsoid the error is below 0.5 % (worst along meridians near the poles), far
// under GPS noise for a run; it is what most training software uses, so distances agree
// with theirs.
//
// Speed: consecutive track points are metres apart, so the half-angle sines and the
// final arcsine are evaluated by their Taylor series below 1e-3 rad (6 km), where the
// first omitted term is ~1e-19 relative (exact in double); the cosine of each point's
// latitude is computed once (GeoPoint) and reused for both steps it takes part in.
#include <cmath>

namespace tendon::xml {

inline constexpr double kEarthRadiusM = 6371008.8;
inline constexpr double kDegToRad = 3.14159265358979323846 / 180.0;

namespace geo_detail {

inline double sin_small(double x) {
  if (std::fabs(x) >= 1e-3) return std::sin(x);
  const double x2 = x * x;
  return x * (1.0 - x2 / 6.0 * (1.0 - x2 / 20.0));  // x - x^3/6 + x^5/120
}

// asin(sqrt(a)) for 0 <= a <= 1.
inline double asin_sqrt(double a) {
  if (a >= 1e-6) return std::asin(std::sqrt(a < 1.0 ? a : 1.0));
  const double y = std::sqrt(a);
  return y * (1.0 + a / 6.0 + a * a * (3.0 / 40.0));  // y + y^3/6 + 3y^5/40
}

}  // namespace geo_detail

// A position prepared for distance steps.
struct GeoPoint {
  double lat_rad = 0;
  double lon_rad = 0;
  double cos_lat = 1;

  static GeoPoint from_degrees(double lat_deg, double lon_deg) {
    const double lat = lat_deg * kDegToRad;
    return {lat, lon_deg * kDegToRad, std::cos(lat)};
  }
};

inline double haversine_m(const GeoPoint& a, const GeoPoint& b) {
  const double s_dlat = geo_detail::sin_small((b.lat_rad - a.lat_rad) * 0.5);
  const double s_dlon = geo_detail::sin_small((b.lon_rad - a.lon_rad) * 0.5);
  const double h = s_dlat * s_dlat + a.cos_lat * b.cos_lat * s_dlon * s_dlon;
  return 2.0 * kEarthRadiusM * geo_detail::asin_sqrt(h);
}

inline double haversine_m(double lat1_deg, double lon1_deg, double lat2_deg, double lon2_deg) {
  return haversine_m(GeoPoint::from_degrees(lat1_deg, lon1_deg), GeoPoint::from_degrees(lat2_deg, lon2_deg));
}

// True for a latitude/longitude pair that can be a position on Earth.
inline bool valid_position(double lat, double lon) {
  return lat >= -90.0 && lat <= 90.0 && lon >= -180.0 && lon <= 180.0;
}

}  // namespace tendon::xml
