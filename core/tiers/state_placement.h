// Where the tiered executor keeps each part of the training state: for every unit of the model
// (core/model/model_units.h) and every kind of state, a home tier. Made from the planner's plan,
// or by hand in tests and benchmarks.
//
// The executor keeps trained weights in fp32 on every backend (the CPU reference and the CUDA
// backend), one copy: the "master" and the "working" weights of the planner's vocabulary are the
// same buffer, and the plan must be made with fp32 trained weights. A frozen base stays in the
// format its checkpoint ships in (TieredStateOptions::frozenFormat).
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "core/tiers/planner.h"

namespace tiertune::tiers {

enum class StateKind { Frozen, Trained, Gradients, FirstMoment, SecondMoment };
inline constexpr std::size_t kStateKindCount = 5;
const char* toString(StateKind kind);

struct StatePlacement {
  // [unit][kind]: unitCount(model) entries.
  std::vector<std::array<Tier, kStateKindCount>> home;
  // Device buffers the streamed units pass through: one computing, one arriving, one leaving.
  std::size_t streamingSlots = 3;

  Tier tier(std::size_t unit, StateKind kind) const { return home.at(unit)[static_cast<std::size_t>(kind)]; }
  bool anyOn(Tier tier) const;
};

// Everything on the device.
StatePlacement residentPlacement(std::size_t units);

// The homes the plan chose. Throws tiertune::Error when the plan does not fit, was made for bf16
// weights, or puts activation checkpoints off the device (the executor keeps them there).
StatePlacement placementFromPlan(const TrainingSetup& setup, const Plan& plan);

}  // namespace tiertune::tiers
