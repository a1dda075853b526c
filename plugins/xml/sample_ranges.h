#pragma once
// Plausible ranges for point values. A value outside its range is a broken sensor or a
// broken file, not a measurement; the readers leave it out (and count it for a warning)
// rather than let one "hr = 6000" spoil an average.
namespace tendon::xml {

inline bool plausible_altitude(double m) { return m >= -1000.0 && m <= 10000.0; }   // Dead Sea .. above Everest
inline bool plausible_heart_rate(double bpm) { return bpm > 0.0 && bpm <= 300.0; }  // 0 = no strap contact
inline bool plausible_cadence(double c) { return c >= 0.0 && c <= 300.0; }
inline bool plausible_power(double w) { return w >= 0.0 && w <= 4000.0; }
inline bool plausible_speed(double m_s) { return m_s >= 0.0 && m_s <= 150.0; }
inline bool plausible_distance(double m) { return m >= 0.0 && m <= 1.0e8; }  // 100 000 km
inline bool plausible_duration(double s) { return s >= 0.0 && s <= 1.0e8; }  // ~3 years

}  // namespace tendon::xml
