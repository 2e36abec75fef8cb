#include "app/cli/worker_signals.h"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>

namespace tiertune::cli {

namespace {

std::atomic<bool> gStop{false};
std::atomic<bool> gPause{false};
// A self-pipe: any thread of the process (OpenMP's included) may receive a signal, so the paused
// main thread sleeps in poll() on this pipe rather than in sigsuspend(), which only a signal to
// that very thread would end.
int gWake[2] = {-1, -1};

void wake() {
  const char byte = 1;
  [[maybe_unused]] const ssize_t written = write(gWake[1], &byte, 1);  // full pipe: already awake
}

extern "C" void onStop(int) {
  gStop.store(true);
  wake();
}
extern "C" void onPause(int) { gPause.store(true); }
extern "C" void onContinue(int) {
  gPause.store(false);
  wake();
}

}  // namespace

void installWorkerSignalHandlers() {
  if (gWake[0] < 0 && pipe2(gWake, O_NONBLOCK | O_CLOEXEC) != 0) gWake[0] = gWake[1] = -1;
  std::signal(SIGINT, onStop);
  std::signal(SIGTERM, onStop);
  std::signal(SIGUSR1, onPause);
  std::signal(SIGUSR2, onContinue);
}

bool stopRequested() { return gStop.load(); }
bool pauseRequested() { return gPause.load(); }

void waitWhilePaused() {
  while (gPause.load() && !gStop.load()) {
    pollfd wakeUp{gWake[0], POLLIN, 0};
    // Without a pipe (pipe2 failed) poll waits on nothing and times out: a slow check, not a hang.
    if (poll(&wakeUp, gWake[0] < 0 ? 0 : 1, 1000) > 0) {
      char drained[64];
      while (read(gWake[0], drained, sizeof drained) > 0) {
      }
    }
  }
}

}  // namespace tiertune::cli
