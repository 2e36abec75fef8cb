#include "core/util/test_pause.h"

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace tiertune {

void pauseForTest(const char* point) {
  const char* chosen = std::getenv(kTestPauseVariable);
  if (chosen == nullptr || std::strcmp(chosen, point) != 0) return;
  static std::atomic<bool> paused{false};
  if (paused.exchange(true)) return;
  std::fprintf(stderr, "tiertune-test: paused at %s\n", point);
  std::fflush(stderr);
  for (int c = std::getchar(); c != EOF && c != '\n'; c = std::getchar()) {
  }
}

}  // namespace tiertune
