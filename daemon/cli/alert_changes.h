#pragma once
// Which alerts appeared and which were withdrawn between two looks at the store (every
// athlete's alerts, withdrawn ones too): what import prints under each file. An import
// report only counts them; the alerts themselves come from Alert.List.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <rapidjson/document.h>

#include "channel.h"

namespace tendon::cli {

class AlertChanges {
 public:
  // Takes the first look.
  explicit AlertChanges(Channel& channel);
  // Looks again; the changes since the previous look, valid until the next one.
  void look();
  const std::vector<const rapidjson::Value*>& raised() const { return raised_; }
  const std::vector<const rapidjson::Value*>& withdrawn() const { return withdrawn_; }

 private:
  Channel& channel_;
  std::map<std::int64_t, std::string> states_;  // alert id -> its state at the last look
  rapidjson::Document latest_;
  std::vector<const rapidjson::Value*> raised_, withdrawn_;
};

}  // namespace tendon::cli
