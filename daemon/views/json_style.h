#pragma once
// How a view writes its JSON: pretty (several lines, ending in a newline: what tendonctl
// --json prints) or compact (one line without a newline: a control-socket result).
namespace tendon::cli {

enum class JsonStyle { pretty, compact };

}  // namespace tendon::cli
