// The optimizer's part of a training step over the tiered state, between passes, unit by unit in
// unit order: clearing the gradients, their squared norm, and the AdamW update where each unit's
// moments live: on the device through the backend when the weights, gradients and both moments
// are there, otherwise on the host through the CPU kernels, with whatever lives on the device or
// the disk brought through host staging and put back after the update.
#pragma once

#include <array>
#include <cstdint>
#include <memory>

#include "core/tiers/aligned_buffer.h"
#include "core/tiers/unit_homes.h"
#include "kernels/backend.h"

namespace tiertune::tiers {

class UnitOptimizer {
 public:
  UnitOptimizer(kernels::Backend& backend, UnitHomes& homes, TransferLog& log);

  void zeroGradients();
  double gradientSquaredNorm();  // summed unit by unit, in unit order
  // Scales the gradients by clipScale when it is below 1, then one AdamW step (weight decay on the
  // decayed tensors only) on every unit.
  void step(double clipScale, const kernels::AdamWHyper& hyper, std::int64_t step);

  std::uint64_t hostBytes() const;  // the staging of one unit's optimizer state

 private:
  // The kinds an update reads and writes, in the order of staging_.
  static constexpr std::array kKinds = {StateKind::Trained, StateKind::Gradients, StateKind::FirstMoment,
                                        StateKind::SecondMoment};
  bool runsOnDevice(const UnitState& unit) const;
  void stepOnHost(UnitState& unit, double clipScale, const kernels::AdamWHyper& hyper, std::int64_t step);

  kernels::Backend& backend_;
  UnitHomes& homes_;
  TransferLog& log_;
  std::unique_ptr<kernels::Backend> hostOps_;  // the CPU kernels over host memory
  std::array<AlignedBuffer, kKinds.size()> staging_;
};

}  // namespace tiertune::tiers
