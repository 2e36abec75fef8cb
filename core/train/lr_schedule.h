// The learning rate of each optimizer step, as transformers' schedulers compute it: linear warmup
// from 0 over the warmup steps, then constant, linear decay or half a cosine down to
// learningRate * minLrRatio at the last step. step counts from 0 (the first update uses step 0, so
// with warmup it is a zero update, exactly as in transformers).
#pragma once

#include <cstdint>

#include "core/train/run_config.h"

namespace tiertune::train {

struct ScheduleSpec {
  double learningRate = 0;
  LrSchedule kind = LrSchedule::Cosine;
  std::int64_t warmupSteps = 0;
  std::int64_t totalSteps = 1;
  double minLrRatio = 0;
};

double learningRateAt(const ScheduleSpec& spec, std::int64_t step);

// warmupSteps, or warmupRatio of totalSteps rounded up (transformers' get_warmup_steps).
std::int64_t warmupStepsOf(const RunConfig& config, std::int64_t totalSteps);

}  // namespace tiertune::train
