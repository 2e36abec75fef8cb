#include "core/hub/recommended_models.h"

namespace tiertune::hub {

MachineClass machineClassOf(bool hasGpu, std::uint64_t gpuMemoryBytes) {
  if (!hasGpu) return MachineClass::CpuOnly;
  return gpuMemoryBytes >= (15ull << 30) ? MachineClass::LargeGpu : MachineClass::SmallGpu;  // a "16 GB" card reports a little less
}

std::vector<RecommendedModel> recommendedModels(MachineClass machineClass) {
  std::vector<RecommendedModel> models = {
      {"Qwen/Qwen2.5-0.5B-Instruct", "the smallest capable chat model: minutes per thousand examples"},
      {"meta-llama/Llama-3.2-1B-Instruct", "small and strong in English; gated: needs a Hugging Face token"},
      {"Qwen/Qwen2.5-1.5B-Instruct", "a good balance of quality and speed, many languages"},
  };
  if (machineClass == MachineClass::CpuOnly) return models;
  models.push_back({"meta-llama/Llama-3.2-3B-Instruct", "noticeably better answers; gated: needs a Hugging Face token"});
  models.push_back({"Qwen/Qwen2.5-3B-Instruct", "better answers, still quick with LoRA"});
  if (machineClass == MachineClass::SmallGpu) return models;
  models.push_back({"Qwen/Qwen2.5-7B-Instruct", "strong all-round model; LoRA on a 24 GB GPU"});
  models.push_back({"mistralai/Mistral-7B-Instruct-v0.3", "widely used base for assistants"});
  models.push_back({"meta-llama/Llama-3.1-8B-Instruct", "strong all-round model; gated: needs a Hugging Face token"});
  return models;
}

}  // namespace tiertune::hub
