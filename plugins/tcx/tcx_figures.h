#pragma once
// An activity's summary from its laps first, its trackpoints second.
//
//  start    first lap's StartTime; else <Id>; else the earliest trackpoint time. The Id is
//           the activity's key, and Garmin Connect writes it cut to the minute
//           (6860622783.tcx: Id 11:19:00, lap and first point 11:19:33, FIT start
//           11:19:33), so the lap start is the better start.
//  distance the largest trackpoint DistanceMeters: the device's running total, the figure
//           the samples carry (python-tcxparser and sports-lib report it too; for
//           test.tcx it is 4686.31 m while the laps add up to 4689.24 m). When the laps'
//           DistanceMeters add up to more than kLapsLongerMargin beyond it (trackpoint
//           distances restarting at each lap, or a track cut short), the laps' sum.
//           Without trackpoint distances: the laps' sum when > 0; else haversine over the
//           positions; else the laps' sum (0: an indoor run without a foot pod); else NaN.
//  timer    sum of TotalTimeSeconds when every lap has one (TCX's timer time); else the
//           pause rule over the trackpoints (track_figures.h).
//  elapsed  end − start, where end is the later of the last trackpoint time and the end
//           of the latest lap (StartTime + TotalTimeSeconds): the lap end bounds it when
//           the track is short or missing, the last point when the lap was paused.
//           Never negative; timer may exceed it (real files do; both are kept as read).
//  avg HR   laps' AverageHeartRateBpm weighted by TotalTimeSeconds when every lap with
//           time has one (the device averaged every second, also between smart-recording
//           points); else the mean of the trackpoint values.
//  ascent   AscentFilter over AltitudeMeters.
#include "activity_summary.h"
#include "tcx_reader.h"
#include "track_figures.h"

namespace tendon::tcx {

inline constexpr double kLapsLongerMargin = 0.02;

// The summary an activity is sent with, and what the importer needs besides.
struct TcxFigures : xml::ActivitySummary {
  bool has_start = false;   // no start: not an activity
  xml::TrackFigures track;  // the trackpoint figures (for warnings)
};

// Computes the summary; fills the samples' distance_m from haversine when no trackpoint
// carries DistanceMeters.
TcxFigures compute_tcx_figures(TcxActivity& activity);

}  // namespace tendon::tcx
