#pragma once
// The Strava API v3 source (docs/sync.md): OAuth2 tokens (authorization code once, then
// refresh tokens), /athlete/activities paged after the last synced start, /gear/{id} for
// brand and model, and both rate-limit windows.
#include "tendon/plugin.h"

namespace tendon::sync {

extern const tendon_source kStravaSource;

}  // namespace tendon::sync
