#include "core/util/openmp_waits.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace tiertune {

void restartWithPassiveOpenMpWaits(char** argv) {
  if (std::getenv("OMP_WAIT_POLICY") != nullptr) return;
  if (::setenv("OMP_WAIT_POLICY", "PASSIVE", 1) != 0) return;
  // Through the program's real path, not /proc/self/exe: the kernel names a process after the
  // file it executes, and "exe" would make a live worker unrecognisable to the window that checks
  // its workers by name (RunSupervisor), which would then call a training run dead.
  std::error_code error;
  const std::string program = std::filesystem::read_symlink("/proc/self/exe", error).string();
  ::execv(error || program.empty() ? "/proc/self/exe" : program.c_str(), argv);
  // Still here: the restart failed; the environment keeps the policy for the processes this one
  // starts (a worker), and this one runs with the default.
}

}  // namespace tiertune
