#include "core/util/fault_point.h"

#include <csignal>
#include <cstdlib>
#include <string>

namespace tiertune {

void faultPoint(std::string_view name, std::int64_t n) {
  const char* variable = std::getenv("TIERTUNE_FAULT");
  if (variable == nullptr || *variable == '\0') return;
  std::string_view fault = variable;
  std::string_view action = "kill";
  if (const std::size_t colon = fault.rfind(':'); colon != std::string_view::npos) {
    action = fault.substr(colon + 1);
    fault = fault.substr(0, colon);
  }
  if (const std::size_t at = fault.find('@'); at != std::string_view::npos) {
    if (std::string(fault.substr(at + 1)) != std::to_string(n)) return;
    fault = fault.substr(0, at);
  }
  if (fault != name) return;
  std::raise(action == "stop" ? SIGSTOP : SIGKILL);
}

}  // namespace tiertune
