// The GPU facts of the hardware check, and where a run trains, in translated words for the GUI.
#pragma once

#include <QString>

#include "core/catalog/records.h"
#include "core/hardware/backend_choice.h"
#include "kernels/gpu_probe.h"

namespace tiertune::gui {

// One line per GPU ("NVIDIA H100 80GB HBM3 — 79.1 GB, compute 9.0, 132 multiprocessors"), or a
// sentence a non-specialist understands when there is none.
QString describeGpus(const kernels::GpuReport& report);

// Where a run trains and, on the processor, why: "Training runs on the graphics card NVIDIA RTX
// 4090 (24 GB)." The same choice the worker makes (core/hardware/backend_choice.h).
QString describeTrainingChoice(const hardware::BackendChoice& choice);

// The device a run trained on, as its worker recorded it: "NVIDIA H100 80GB HBM3 (graphics card,
// 85 GB)" or "AMD EPYC 7R13 (processor, 64 GB of RAM)".
QString describeTrainingDevice(const catalog::TrainingDevice& device);

}  // namespace tiertune::gui
