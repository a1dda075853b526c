#include "channel.h"

namespace tendon::cli {

Channel::~Channel() = default;

}  // namespace tendon::cli
