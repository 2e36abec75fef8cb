// A hook that holds a process at one named instant, so that a test can act on it exactly there
// (shrink a file it has mapped, for example) instead of guessing the timing. Inert unless the
// environment variable TIERTUNE_TEST_PAUSE names the point; used by tests/cli.
#pragma once

namespace tiertune {

inline constexpr const char* kTestPauseVariable = "TIERTUNE_TEST_PAUSE";

// The first time this process reaches point while $TIERTUNE_TEST_PAUSE equals it: writes the line
// "tiertune-test: paused at POINT" to stderr and waits for a line (or the end) of stdin.
// Points: "base-weights" (the base weights are mapped, none of their tensors read yet).
void pauseForTest(const char* point);

}  // namespace tiertune
