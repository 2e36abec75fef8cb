#include "core/tiers/state_placement.h"

#include <algorithm>

#include "core/tiers/plan_words.h"
#include "core/util/error.h"

namespace tiertune::tiers {

const char* toString(StateKind kind) {
  switch (kind) {
    case StateKind::Frozen: return "frozen weights";
    case StateKind::Trained: return "trained weights";
    case StateKind::Gradients: return "gradients";
    case StateKind::FirstMoment: return "Adam first moment";
    case StateKind::SecondMoment: return "Adam second moment";
  }
  return "";
}

bool StatePlacement::anyOn(Tier wanted) const {
  return std::any_of(home.begin(), home.end(), [&](const auto& kinds) {
    return std::find(kinds.begin(), kinds.end(), wanted) != kinds.end();
  });
}

StatePlacement residentPlacement(std::size_t units) {
  StatePlacement placement;
  placement.home.assign(units, {Tier::Device, Tier::Device, Tier::Device, Tier::Device, Tier::Device});
  return placement;
}

StatePlacement placementFromPlan(const TrainingSetup& setup, const Plan& plan) {
  if (!plan.fits) throw Error("The memory plan does not fit: " + noFitText(plan));
  if (!setup.fp32Weights) {
    throw Error("The memory plan was made for bf16 weights; the training core keeps fp32 weights (plan with fp32).");
  }
  const auto layers = static_cast<std::size_t>(setup.model.layerCount);
  StatePlacement placement = residentPlacement(layers + 2);
  for (const Placement& item : plan.placements) {
    const std::size_t unit = static_cast<std::size_t>(item.layer + 1);
    auto set = [&](StateKind kind) { placement.home.at(unit)[static_cast<std::size_t>(kind)] = item.tier; };
    switch (item.group) {
      case StateGroup::FrozenWeights: set(StateKind::Frozen); break;
      case StateGroup::MasterWeights: set(StateKind::Trained); break;
      case StateGroup::Gradients: set(StateKind::Gradients); break;
      case StateGroup::AdamFirstMoment: set(StateKind::FirstMoment); break;
      case StateGroup::AdamSecondMoment: set(StateKind::SecondMoment); break;
      case StateGroup::WorkingWeights:  // none with fp32 weights
      case StateGroup::WorkingBuffers: break;
      case StateGroup::ActivationCheckpoints:
        if (item.tier != Tier::Device) throw Error("The memory plan puts activation checkpoints off the device.");
        break;
    }
  }
  placement.streamingSlots = kStreamingSlots;
  return placement;
}

}  // namespace tiertune::tiers
