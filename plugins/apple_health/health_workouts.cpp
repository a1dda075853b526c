#include "health_workouts.h"

#include <expat.h>

#include <cstring>
#include <limits>

namespace tendon::apple_health {

namespace {

constexpr std::size_t kMaxProblems = 100;
constexpr std::string_view kDistancePrefix = "HKQuantityTypeIdentifierDistance";

// The attribute `name` of an expat attribute list (name, value, name, value, ..., NULL).
std::string_view attribute(const XML_Char** attributes, const char* name) {
  for (const XML_Char** a = attributes; a != nullptr && *a != nullptr; a += 2) {
    if (std::strcmp(a[0], name) == 0) return a[1];
  }
  return {};
}

std::optional<double> number_attribute(const XML_Char** attributes, const char* name) {
  const std::string_view text = attribute(attributes, name);
  return text.empty() ? std::nullopt : parse_number(text);
}

// "<<HKDevice: 0x…>, name:Apple Watch, manufacturer:Apple Inc., …>" -> "Apple Watch".
std::string device_name(std::string_view device) {
  const std::size_t at = device.find("name:");
  if (at == std::string_view::npos) return "";
  std::string_view rest = device.substr(at + 5);
  rest = rest.substr(0, std::min(rest.find(','), rest.find('>')));
  return std::string(rest);
}

}  // namespace

struct WorkoutReader::State {
  XML_Parser parser = nullptr;
  OnWorkout on_workout;
  std::size_t max_pending_bytes;
  std::uint64_t fed_bytes = 0;
  int depth = 0;
  bool root_seen = false;
  std::optional<HealthWorkout> workout;  // the <Workout> being read
  bool statistics_distance = false;      // the workout's distance came from WorkoutStatistics
  bool statistics_energy = false;
  std::string error;
  bool refused = false;
  bool stopped_by_caller = false;
  std::vector<std::string> problems;

  std::uint64_t line() const { return static_cast<std::uint64_t>(XML_GetCurrentLineNumber(parser)); }

  void stop(std::string why, bool refuse) {
    if (error.empty()) error = std::move(why);
    refused = refused || refuse;
    XML_StopParser(parser, XML_FALSE);
  }

  void problem(std::string line_text) {
    if (problems.size() < kMaxProblems) problems.push_back(std::move(line_text));
  }

  void start_element(const XML_Char* name, const XML_Char** attributes) {
    ++depth;
    if (depth == 1) {
      root_seen = true;
      if (std::strcmp(name, "HealthData") != 0) {
        stop("the root element is <" + std::string(name) + ">, not <HealthData>", true);
      }
      return;
    }
    if (depth == 2 && std::strcmp(name, "Workout") == 0) {
      begin_workout(attributes);
      return;
    }
    if (!workout) return;
    if (depth == 3 && std::strcmp(name, "WorkoutStatistics") == 0) {
      take_statistics(attributes);  // the whole workout's; a WorkoutActivity's own sit deeper
    } else if (depth == 3 && std::strcmp(name, "MetadataEntry") == 0) {
      take_metadata(attribute(attributes, "key"), attribute(attributes, "value"));
    } else if (depth == 4 && std::strcmp(name, "FileReference") == 0) {
      const std::string_view path = attribute(attributes, "path");
      constexpr std::size_t kMaxRoutes = 1000;
      if (!path.empty() && workout->route_files.size() < kMaxRoutes) workout->route_files.emplace_back(path);
    }
  }

  void end_element() {
    if (depth == 2 && workout) finish_workout();
    --depth;
  }

  void begin_workout(const XML_Char** attributes) {
    workout.emplace();
    statistics_distance = statistics_energy = false;
    HealthWorkout& w = *workout;
    w.line = line();
    w.activity_type = attribute(attributes, "workoutActivityType");
    w.source_name = attribute(attributes, "sourceName");
    w.device = device_name(attribute(attributes, "device"));
    w.start = parse_health_date(attribute(attributes, "startDate"));
    w.end = parse_health_date(attribute(attributes, "endDate"));
    if (const auto d = number_attribute(attributes, "duration")) {
      w.duration_s = seconds(*d, attribute(attributes, "durationUnit"));
      if (!w.duration_s) unit_problem("durationUnit", attribute(attributes, "durationUnit"));
    }
    if (const auto d = number_attribute(attributes, "totalDistance")) {
      w.distance_m = metres(*d, attribute(attributes, "totalDistanceUnit"));
      if (!w.distance_m) unit_problem("totalDistanceUnit", attribute(attributes, "totalDistanceUnit"));
    }
    if (const auto e = number_attribute(attributes, "totalEnergyBurned")) {
      w.energy_kcal = kilocalories(*e, attribute(attributes, "totalEnergyBurnedUnit"));
    }
  }

  void unit_problem(const char* what, std::string_view unit) {
    problem("line " + std::to_string(line()) + ": Workout " + what + " '" + std::string(unit.substr(0, 32)) +
            "' is not a unit Tendon knows (ignored)");
  }

  void take_statistics(const XML_Char** attributes) {
    HealthWorkout& w = *workout;
    const std::string_view type = attribute(attributes, "type");
    const std::string_view unit = attribute(attributes, "unit");
    if (type.substr(0, kDistancePrefix.size()) == kDistancePrefix) {
      // Newer exports: prefer the statistics over the attribute when both exist.
      const auto sum = number_attribute(attributes, "sum");
      const auto m = sum ? metres(*sum, unit) : std::nullopt;
      if (m) {
        w.distance_m = statistics_distance && w.distance_m ? *w.distance_m + *m : *m;
        statistics_distance = true;
      } else if (sum) {
        unit_problem("distance unit", unit);
      }
    } else if (type == "HKQuantityTypeIdentifierActiveEnergyBurned") {
      const auto sum = number_attribute(attributes, "sum");
      if (const auto kcal = sum ? kilocalories(*sum, unit) : std::nullopt) {
        w.energy_kcal = *kcal;
        statistics_energy = true;
      }
    } else if (type == "HKQuantityTypeIdentifierHeartRate" && unit == "count/min") {
      w.avg_heart_rate_bpm = number_attribute(attributes, "average");
    }
  }

  void take_metadata(std::string_view key, std::string_view value) {
    HealthWorkout& w = *workout;
    if (key == "HKElevationAscended") {
      w.ascent_m = metres_in_text(value);
    } else if (key == "HKIndoorWorkout") {
      w.indoor = value == "1";
    }
  }

  void finish_workout() {
    HealthWorkout w = std::move(*workout);
    workout.reset();
    if (!w.start) {
      problem("line " + std::to_string(w.line) + ": Workout without a readable startDate (skipped)");
      return;
    }
    if (!on_workout(std::move(w))) {
      stopped_by_caller = true;
      stop("stopped", false);
    }
  }
};

namespace {

WorkoutReader::State& state_of(void* user_data) { return *static_cast<WorkoutReader::State*>(user_data); }

void on_start(void* user_data, const XML_Char* name, const XML_Char** attributes) {
  try {
    state_of(user_data).start_element(name, attributes);
  } catch (const std::exception& e) {
    state_of(user_data).stop(std::string("out of memory: ") + e.what(), false);
  }
}

void on_end(void* user_data, const XML_Char* /*name*/) {
  try {
    state_of(user_data).end_element();
  } catch (const std::exception& e) {
    state_of(user_data).stop(std::string("out of memory: ") + e.what(), false);
  }
}

// Any entity declaration stops the parse before the entity can be used: export.xml
// never declares one, and expanding them is how XML bombs and external fetches work.
void on_entity_declaration(void* user_data, const XML_Char* name, int /*is_parameter*/, const XML_Char* /*value*/,
                           int /*value_length*/, const XML_Char* /*base*/, const XML_Char* /*system_id*/,
                           const XML_Char* /*public_id*/, const XML_Char* /*notation*/) {
  auto& state = state_of(user_data);
  state.stop("line " + std::to_string(state.line()) + ": the DTD declares entity '" + std::string(name).substr(0, 64) +
                 "'; entity declarations are refused (an XML bomb or an external file)",
             true);
}

}  // namespace

WorkoutReader::WorkoutReader(OnWorkout on_workout, std::size_t max_pending_bytes) : state_(std::make_unique<State>()) {
  state_->on_workout = std::move(on_workout);
  state_->max_pending_bytes = max_pending_bytes;
  state_->parser = XML_ParserCreate(nullptr);
  if (state_->parser == nullptr) throw std::bad_alloc();
  XML_SetUserData(state_->parser, state_.get());
  XML_SetElementHandler(state_->parser, on_start, on_end);
  XML_SetEntityDeclHandler(state_->parser, on_entity_declaration);
  XML_SetParamEntityParsing(state_->parser, XML_PARAM_ENTITY_PARSING_NEVER);
}

WorkoutReader::~WorkoutReader() {
  if (state_ && state_->parser != nullptr) XML_ParserFree(state_->parser);
}

namespace {

bool parse(WorkoutReader::State& state, std::string_view chunk, bool final) {
  if (!state.error.empty()) return false;
  // Apple writes no byte order mark, but an edited file may: skip it once.
  if (state.fed_bytes == 0 && chunk.substr(0, 3) == "\xEF\xBB\xBF") chunk.remove_prefix(3);
  while (!chunk.empty() || final) {
    // Feed in pieces expat's int length can hold.
    const std::size_t piece = std::min<std::size_t>(chunk.size(), std::numeric_limits<int>::max() / 2);
    const bool last = final && piece == chunk.size();
    const XML_Status status = XML_Parse(state.parser, chunk.data(), static_cast<int>(piece), last ? XML_TRUE : XML_FALSE);
    state.fed_bytes += piece;
    chunk.remove_prefix(piece);
    if (status != XML_STATUS_OK) {
      if (state.error.empty()) {
        state.error = "line " + std::to_string(XML_GetErrorLineNumber(state.parser)) + ": " +
                      XML_ErrorString(XML_GetErrorCode(state.parser));
      }
      return false;
    }
    const XML_Index parsed_to = XML_GetCurrentByteIndex(state.parser);
    const std::uint64_t pending = state.fed_bytes - static_cast<std::uint64_t>(parsed_to < 0 ? 0 : parsed_to);
    if (pending > state.max_pending_bytes) {
      state.error = "line " + std::to_string(XML_GetCurrentLineNumber(state.parser)) + ": one XML token is over " +
                    std::to_string(state.max_pending_bytes) + " bytes (refused)";
      state.refused = true;
      return false;
    }
    if (last) break;
  }
  return true;
}

}  // namespace

bool WorkoutReader::feed(std::string_view chunk) { return chunk.empty() || parse(*state_, chunk, false); }

bool WorkoutReader::finish() {
  if (!parse(*state_, {}, true)) return false;
  if (!state_->root_seen) {
    state_->error = "no <HealthData> element";
    state_->refused = true;
    return false;
  }
  return true;
}

const std::string& WorkoutReader::error() const { return state_->error; }
bool WorkoutReader::refused() const { return state_->refused; }
bool WorkoutReader::stopped_by_caller() const { return state_->stopped_by_caller; }
const std::vector<std::string>& WorkoutReader::problems() const { return state_->problems; }

}  // namespace tendon::apple_health
