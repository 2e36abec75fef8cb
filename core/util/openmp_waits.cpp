#include "core/util/openmp_waits.h"

#include <unistd.h>

#include <cstdlib>

namespace tiertune {

void restartWithPassiveOpenMpWaits(char** argv) {
  if (std::getenv("OMP_WAIT_POLICY") != nullptr) return;
  if (::setenv("OMP_WAIT_POLICY", "PASSIVE", 1) != 0) return;
  ::execv("/proc/self/exe", argv);
  // Still here: the restart failed; the environment keeps the policy for the processes this one
  // starts (a worker), and this one runs with the default.
}

}  // namespace tiertune
