#pragma once
// Stored alerts are only as current as what they were judged with: thresholds, time zone
// and the shoe table. When any of those changes (a drop set in the config, a detector
// switched off, a new zone), the athlete's history is judged again and the difference
// stored, so no alert outlives its cause.
#include <string>
#include <vector>

#include "config/config.h"
#include "core/engine.h"
#include "store/store.h"

namespace tendon {

// A canonical text of everything a verdict depends on besides the runs themselves.
std::string judgement_basis(const AthleteConfig& athlete, const std::vector<Shoe>& shoes);

// Judges the athlete's history again when its basis changed since the stored alerts were
// judged, stores the difference and the new basis. Call inside a Store::Transaction.
AlertDiff rejudge_if_basis_changed(Store& store, const Config& config, const AthleteConfig& athlete, Instant now);

// Brings the store in line with the config, in one transaction: every athlete registered
// with its zone, configured shoes written, histories judged again where their basis changed.
void apply_config_to_store(Store& store, const Config& config, Instant now);

}  // namespace tendon
