// The LoRA training loop of the large-shape benchmarks (bench_qlora, bench_cpu_lora_1b): r16 on
// all seven projections over a base already in place, one random sequence a step, AdamW; step 0
// warms up (allocations, page faults) and the timed steps follow it.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <vector>

#include "core/formats/model_config.h"
#include "core/model/decoder.h"
#include "core/model/lora.h"
#include "core/util/random.h"
#include "kernels/backend.h"

namespace tiertune::bench {

struct LoraSteps {
  double seconds = 0;  // the timed steps together
  double lastLoss = 0;
};

// onTimedStart runs once, just before the first timed step (a profile resets its counters there).
inline LoraSteps runLoraSteps(kernels::Backend& backend, const formats::ModelConfig& config,
                              const model::ParameterTable& base, bool checkpointing, int sequence, int steps,
                              const std::function<void()>& onTimedStart = {}) {
  model::LoraConfig lora;
  lora.rank = 16;
  lora.alpha = 32;
  lora.dropout = 0;
  const model::ParameterTable adapter(backend, model::loraParameterSpecs(config, lora));
  model::initializeLora(adapter, config, lora, 2);
  const model::ParameterTable gradients = adapter.sameLayout();
  const model::ParameterTable m = adapter.sameLayout();
  const model::ParameterTable v = adapter.sameLayout();
  model::Decoder decoder(backend, config, base, &adapter, &lora, &gradients, model::DecoderOptions{checkpointing, 256});

  using Clock = std::chrono::steady_clock;
  SplitMix64 random(3);
  LoraSteps result;
  Clock::time_point started;
  for (int step = 0; step <= steps; ++step) {
    if (step == 1) {
      if (onTimedStart) onTimedStart();
      started = Clock::now();
    }
    model::TokenBatch batch;
    std::vector<std::int32_t> ids(static_cast<std::size_t>(sequence));
    for (auto& id : ids) id = static_cast<std::int32_t>(random.below(static_cast<std::uint64_t>(config.vocabSize)));
    batch.append(ids);
    gradients.zero();
    result.lastLoss = decoder.forwardBackward(batch, batch.countedTargets(), static_cast<std::uint64_t>(step)).mean();
    backend.adamw(adapter.all(), gradients.all(), m.all(), v.all(), kernels::AdamWHyper{1e-4, 0.9, 0.999, 1e-8, 0.0},
                  step + 1);
    backend.synchronize();
  }
  result.seconds = std::chrono::duration<double>(Clock::now() - started).count();
  return result;
}

}  // namespace tiertune::bench
