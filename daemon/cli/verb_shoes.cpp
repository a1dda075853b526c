// tendonctl shoes / shoe set / shoe retire: an athlete's shoes, and the ones the config
// does not own changed from the command line.
#include <cmath>
#include <cstdlib>

#include "json_read.h"
#include "table_views.h"
#include "verbs.h"

namespace tendon::cli {

namespace {

// --NAME as a number >= 0 into the params under `param`.
void add_number(const Arguments& args, const char* option, const char* param, JsonParams& params) {
  const auto v = args.option(option);
  if (!v) return;
  char* end = nullptr;
  const double n = std::strtod(v->c_str(), &end);
  if (v->empty() || *end != '\0' || !std::isfinite(n) || n < 0) {
    throw UsageError("--" + std::string(option) + " needs a number, not '" + *v + "'");
  }
  params.set(param, n);
}

std::string saved_text(const rapidjson::Value& shoe) { return "Saved " + shoe_line(shoe) + "\n"; }

std::string retired_text(const rapidjson::Value& shoe) {
  return "Shoe " + json_read::text(shoe, "name") + (json_read::flag(shoe, "retired") ? " retired.\n" : " is in use again.\n");
}

int shoe_set(Invocation& run, const std::string& name) {
  const auto& args = run.args();
  JsonParams params = run.params();
  params.set("name", name);
  add_number(args, "drop", "drop_mm", params);
  add_number(args, "limit", "limit_km", params);
  if (const auto brand = args.option("brand")) params.set("brand", *brand);
  if (const auto model = args.option("model")) params.set("model", *model);
  if (args.flag("undo")) throw UsageError("--undo belongs to 'shoe retire'");
  return run.show(run.channel().call("Shoe.Set", params.text()), saved_text);
}

int shoe_retire(Invocation& run, const std::string& name) {
  const auto& args = run.args();
  for (const char* option : {"drop", "limit", "brand", "model"}) {
    if (args.option(option)) throw UsageError("--" + std::string(option) + " belongs to 'shoe set'");
  }
  JsonParams params = run.params();
  params.set("name", name).set("retired", !args.flag("undo"));
  return run.show(run.channel().call("Shoe.Retire", params.text()), retired_text);
}

}  // namespace

int verb_shoes(Invocation& run) {
  require_no_arguments(run.args());
  return run.show(run.channel().call("Shoe.List", run.params().text()), shoes_text);
}

int verb_shoe(Invocation& run) {
  const auto& p = run.args().positional;
  if (p.size() != 2 || (p[0] != "set" && p[0] != "retire")) {
    throw UsageError("shoe needs 'set NAME' or 'retire NAME' (see 'tendonctl shoe --help')");
  }
  return p[0] == "set" ? shoe_set(run, p[1]) : shoe_retire(run, p[1]);
}

}  // namespace tendon::cli
