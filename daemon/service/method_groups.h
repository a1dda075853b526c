#pragma once
// The service's methods, one registering function per group (one file each);
// register_service_methods() calls them all.
#include "control/method_table.h"
#include "service/service_context.h"

namespace tendon::service {

void register_athlete_methods(control::MethodTable& table, ServiceContext& ctx);
void register_alert_methods(control::MethodTable& table, ServiceContext& ctx);
void register_run_methods(control::MethodTable& table, ServiceContext& ctx);
void register_status_methods(control::MethodTable& table, ServiceContext& ctx);
void register_checkin_methods(control::MethodTable& table, ServiceContext& ctx);
void register_shoe_methods(control::MethodTable& table, ServiceContext& ctx);
void register_squad_methods(control::MethodTable& table, ServiceContext& ctx);
void register_import_methods(control::MethodTable& table, ServiceContext& ctx);
void register_daemon_methods(control::MethodTable& table, ServiceContext& ctx);
void register_sync_status_methods(control::MethodTable& table, ServiceContext& ctx);

}  // namespace tendon::service
