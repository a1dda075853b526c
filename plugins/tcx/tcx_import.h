#pragma once
// The TCX importer behind the plugin ABI (tcx_plugin.h holds the descriptor).
//
// One activity per Activity (multisport legs and transitions included); documents with
// only Courses or Workouts are TENDON_NOT_ACTIVITY. plugins/tcx/README.md lists the rules.
#include <cstddef>

#include "tendon/plugin.h"

namespace tendon::tcx {

int import_tcx(const tendon_input* input, const tendon_sink* sink);

// probe(): 100 when the head shows a <TrainingCenterDatabase> root (any prefix), 10 for
// XML whose root lies beyond the head, else 0.
int probe_tcx(const unsigned char* head, std::size_t size);

}  // namespace tendon::tcx
