// Prints the OpenMP wait policy this program runs with and how many times its main began, after
// restartWithPassiveOpenMpWaits: "PASSIVE 2" when it had to start itself again.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/util/openmp_waits.h"

int main(int, char** argv) {
  const char* starts = std::getenv("PROBE_STARTS");
  const std::string count = std::to_string((starts ? std::atoi(starts) : 0) + 1);
  setenv("PROBE_STARTS", count.c_str(), 1);
  tiertune::restartWithPassiveOpenMpWaits(argv);
  const char* policy = std::getenv("OMP_WAIT_POLICY");
  std::printf("%s %s\n", policy ? policy : "(none)", count.c_str());
  return 0;
}
