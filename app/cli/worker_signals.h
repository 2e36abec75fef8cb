// How a training worker is controlled from outside (the GUI's RunSupervisor, or kill from a
// shell): SIGINT/SIGTERM stop after the current step with a checkpoint, SIGUSR1 pauses after the
// current step, SIGUSR2 continues. The handlers only set flags and wake a sleeping worker; the
// trainer's observer reads the flags between steps.
#pragma once

namespace tiertune::cli {

// Installs the handlers; call before anything slow, so that an early signal is not fatal.
void installWorkerSignalHandlers();
bool stopRequested();
bool pauseRequested();
// Sleeps (no CPU) until a continue or a stop arrives; returns at once when no pause is pending.
void waitWhilePaused();

}  // namespace tiertune::cli
