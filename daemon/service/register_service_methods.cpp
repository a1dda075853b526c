#include "service/register_service_methods.h"

#include "service/method_groups.h"

namespace tendon {

void register_service_methods(control::MethodTable& table, ServiceContext& ctx) {
  service::register_athlete_methods(table, ctx);
  service::register_alert_methods(table, ctx);
  service::register_run_methods(table, ctx);
  service::register_status_methods(table, ctx);
  service::register_checkin_methods(table, ctx);
  service::register_shoe_methods(table, ctx);
  service::register_squad_methods(table, ctx);
  service::register_import_methods(table, ctx);
  service::register_sync_status_methods(table, ctx);
  if (ctx.reload) service::register_daemon_methods(table, ctx);
}

}  // namespace tendon
