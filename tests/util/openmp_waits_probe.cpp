// Prints the OpenMP wait policy this program runs with, how many times its main began, and the
// process's name (/proc/self/comm), after restartWithPassiveOpenMpWaits: "PASSIVE 2
// openmp_waits_pr" when it had to start itself again (the kernel keeps 15 characters of a name).
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "core/util/openmp_waits.h"

int main(int, char** argv) {
  const char* starts = std::getenv("PROBE_STARTS");
  const std::string count = std::to_string((starts ? std::atoi(starts) : 0) + 1);
  setenv("PROBE_STARTS", count.c_str(), 1);
  tiertune::restartWithPassiveOpenMpWaits(argv);
  const char* policy = std::getenv("OMP_WAIT_POLICY");
  std::string name;
  std::getline(std::ifstream("/proc/self/comm"), name);
  std::printf("%s %s %s\n", policy ? policy : "(none)", count.c_str(), name.c_str());
  return 0;
}
