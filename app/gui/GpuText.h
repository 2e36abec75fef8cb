// The GPU facts of the hardware check in translated words for the GUI.
#pragma once

#include <QString>

#include "kernels/gpu_probe.h"

namespace tiertune::gui {

// One line per GPU ("NVIDIA H100 80GB HBM3 — 79.1 GB, compute 9.0, 132 multiprocessors"), or a
// sentence a non-specialist understands when there is none.
QString describeGpus(const kernels::GpuReport& report);

}  // namespace tiertune::gui
