// Fault injection for the tests of crash safety: a test stops or kills a real process at an exact
// instant ("the checkpoint is on disk but not yet in the catalog") instead of hoping a timed kill
// lands there. The environment variable TIERTUNE_FAULT names the point as NAME or NAME@N (only the
// N-th occurrence, e.g. the checkpoint of step N) followed by ":kill" (SIGKILL, the default) or
// ":stop" (SIGSTOP: the test inspects the files, then continues the process with SIGCONT). Unset,
// a fault point costs one getenv.
#pragma once

#include <cstdint>
#include <string_view>

namespace tiertune {

// Kills or stops this process when TIERTUNE_FAULT names this point (and this n, when it gives one).
void faultPoint(std::string_view name, std::int64_t n = -1);

}  // namespace tiertune
