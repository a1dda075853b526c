#include "fit_messages.h"

#include <array>

namespace tendon::fit {

namespace {

// Field numbers from the FIT profile (Profile.xlsx, "Messages" sheet).
constexpr std::array<WantedField, file_id_slot::count> kFileId = {{
    {0, file_id_slot::type},
    {1, file_id_slot::manufacturer},
    {2, file_id_slot::product},
    {3, file_id_slot::serial_number},
    {4, file_id_slot::time_created},
    {8, file_id_slot::product_name, Expect::text},
}};

constexpr std::array<WantedField, sport_slot::count> kSport = {{
    {0, sport_slot::sport},
    {1, sport_slot::sub_sport},
    {3, sport_slot::name, Expect::text},
}};

constexpr std::array<WantedField, session_slot::count> kSession = {{
    {2, session_slot::start_time},
    {5, session_slot::sport},
    {6, session_slot::sub_sport},
    {7, session_slot::total_elapsed_time},
    {8, session_slot::total_timer_time},
    {9, session_slot::total_distance},
    {11, session_slot::total_calories},
    {14, session_slot::avg_speed},
    {124, session_slot::enhanced_avg_speed},
    {16, session_slot::avg_heart_rate},
    {17, session_slot::max_heart_rate},
    {22, session_slot::total_ascent},
    {23, session_slot::total_descent},
    {26, session_slot::num_laps},
}};

constexpr std::array<WantedField, lap_slot::count> kLap = {{
    {2, lap_slot::start_time},
    {7, lap_slot::total_elapsed_time},
    {8, lap_slot::total_timer_time},
    {9, lap_slot::total_distance},
    {25, lap_slot::sport},
    {39, lap_slot::sub_sport},
}};

constexpr std::array<WantedField, record_slot::count> kRecord = {{
    {0, record_slot::position_lat},
    {1, record_slot::position_long},
    {2, record_slot::altitude},
    {78, record_slot::enhanced_altitude},
    {3, record_slot::heart_rate},
    {4, record_slot::cadence},
    {53, record_slot::fractional_cadence},
    {5, record_slot::distance},
    {6, record_slot::speed},
    {73, record_slot::enhanced_speed},
    {7, record_slot::power},
    {13, record_slot::temperature},
    {8, record_slot::compressed_speed_distance, Expect::bytes, 3},
}};

constexpr std::array<WantedField, event_slot::count> kEvent = {{
    {0, event_slot::event},
    {1, event_slot::event_type},
    {3, event_slot::data},
}};

constexpr std::array<WantedField, device_info_slot::count> kDeviceInfo = {{
    {0, device_info_slot::device_index},
    {2, device_info_slot::manufacturer},
    {4, device_info_slot::product},
    {5, device_info_slot::software_version},
    {27, device_info_slot::product_name, Expect::text},
}};

constexpr std::array<WantedField, activity_slot::count> kActivity = {{
    {0, activity_slot::total_timer_time},
    {1, activity_slot::num_sessions},
    {5, activity_slot::local_timestamp},
}};

constexpr std::array<WantedField, field_description_slot::count> kFieldDescription = {{
    {0, field_description_slot::developer_data_index},
    {1, field_description_slot::field_definition_number},
    {2, field_description_slot::fit_base_type_id},
    {3, field_description_slot::field_name, Expect::text},
    {8, field_description_slot::units, Expect::text},
    {14, field_description_slot::native_mesg_num},
    {15, field_description_slot::native_field_num},
}};

constexpr std::array<WantedField, developer_data_id_slot::count> kDeveloperDataId = {{
    {3, developer_data_id_slot::developer_data_index},
    {2, developer_data_id_slot::manufacturer_id},
    {4, developer_data_id_slot::application_version},
}};

static_assert(session_slot::count <= kMaxSlots && record_slot::count <= kMaxSlots);

}  // namespace

std::span<const WantedField> wanted_fields(MessageKind kind) {
  switch (kind) {
    case MessageKind::file_id:
      return kFileId;
    case MessageKind::sport:
      return kSport;
    case MessageKind::session:
      return kSession;
    case MessageKind::lap:
      return kLap;
    case MessageKind::record:
      return kRecord;
    case MessageKind::event:
      return kEvent;
    case MessageKind::device_info:
      return kDeviceInfo;
    case MessageKind::activity:
      return kActivity;
    case MessageKind::field_description:
      return kFieldDescription;
    case MessageKind::developer_data_id:
      return kDeveloperDataId;
    case MessageKind::other:
      break;
  }
  return {};
}

}  // namespace tendon::fit
