// Starting points for a first fine-tune, by what the machine can train: instruction-tuned models of
// the architectures Tiertune trains, small enough for the machine's class to fine-tune in an
// afternoon. The download dialog lists them before any search; each still gets the planner's
// verdict for this machine.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace tiertune::hub {

struct RecommendedModel {
  std::string repoId;
  const char* why;  // one line in English; the GUI has its own translated words per entry
};

enum class MachineClass {
  CpuOnly,   // no usable GPU: models up to about 1.5B train in RAM in hours
  SmallGpu,  // under 16 GB of GPU memory: up to about 3B
  LargeGpu,  // 16 GB or more: the 7-8B models too
};

MachineClass machineClassOf(bool hasGpu, std::uint64_t gpuMemoryBytes);

// Smallest first. Gated models (Meta's Llama) are among them: the dialog says they need a token.
std::vector<RecommendedModel> recommendedModels(MachineClass machineClass);

}  // namespace tiertune::hub
