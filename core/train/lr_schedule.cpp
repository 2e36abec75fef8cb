#include "core/train/lr_schedule.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace tiertune::train {

double learningRateAt(const ScheduleSpec& spec, std::int64_t step) {
  if (step < spec.warmupSteps) {
    return spec.learningRate * static_cast<double>(step) / static_cast<double>(std::max<std::int64_t>(1, spec.warmupSteps));
  }
  const double decaySteps = static_cast<double>(std::max<std::int64_t>(1, spec.totalSteps - spec.warmupSteps));
  const double progress = std::min(1.0, static_cast<double>(step - spec.warmupSteps) / decaySteps);
  double factor = 1.0;
  switch (spec.kind) {
    case LrSchedule::Constant: return spec.learningRate;
    case LrSchedule::Linear: factor = 1.0 - progress; break;
    case LrSchedule::Cosine: factor = 0.5 * (1.0 + std::cos(std::numbers::pi * progress)); break;
  }
  return spec.learningRate * (spec.minLrRatio + (1.0 - spec.minLrRatio) * factor);
}

std::int64_t warmupStepsOf(const RunConfig& config, std::int64_t totalSteps) {
  if (config.warmupSteps > 0) return config.warmupSteps;
  return static_cast<std::int64_t>(std::ceil(config.warmupRatio * static_cast<double>(totalSteps)));
}

}  // namespace tiertune::train
