#pragma once
// A fresh config (athletes ana and ben, UTC) and SQLite file in a temp folder, opened with
// OfflineService, plus shorthands for calling methods and reading their answers.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <memory>
#include <string>

#include "control/rpc_error.h"
#include "service/offline_service.h"
#include "support/temp_dir.h"

namespace tendon::testing {

// One activity-log line: a run of `metres` on 2026-11-DAY at 07:00 UTC.
std::string run_line(const std::string& id, const std::string& day, int metres, const std::string& extra = "");

class ServiceTest : public ::testing::Test {
 protected:
  ServiceTest();

  rapidjson::Document call(const std::string& method, const std::string& params = "{}", int fd = -1);
  // The error code the call answers with; 0 when it succeeds.
  int error_of(const std::string& method, const std::string& params = "{}");
  // Writes `text` to a file in the temp folder and imports it by path; returns the report.
  rapidjson::Document import(const std::string& name, const std::string& text, const std::string& more_params = "");
  // A path in the temp folder as a JSON string.
  std::string json_path(const std::string& name) const;

  TempDir dir;
  std::unique_ptr<OfflineService> service;
};

std::string string_of(const rapidjson::Value& object, const char* name);

}  // namespace tendon::testing
