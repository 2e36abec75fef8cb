// How OpenMP's threads wait for each other at the end of every parallel loop. libgomp's default
// spins there first, which on a computer that is busy with other work is ruinous: a spinning
// thread holds a core while the thread it waits for has none. Measured on this project's 2-core
// machines beside a compile (load 7), four steps of the demo run: 9-17 s with the default, 1.6 s
// when the threads sleep at once. libgomp reads OMP_WAIT_POLICY once, as it loads (before main),
// so a program sets it by starting itself again.
#pragma once

namespace tiertune {

// When OMP_WAIT_POLICY is not set: sets it to PASSIVE and replaces the process with a fresh start
// of the same program and arguments (execv of /proc/self/exe). Returns only when the policy was
// already set (by the user, or by this same call in the process it started) or the restart failed
// (the program then runs with libgomp's default). Call first thing in main, before any thread.
void restartWithPassiveOpenMpWaits(char** argv);

}  // namespace tiertune
