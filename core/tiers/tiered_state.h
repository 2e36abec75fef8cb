// The streaming executor's state: every unit's weights, gradients and Adam moments kept in the tier
// the placement chose (device memory of the backend, host RAM, or extents of the SSD store), and
// brought to the device just in time for the decoder. It is three parts, each in a file of its own:
//
//   core/tiers/unit_homes.h      where each unit's state lives: layout, allocation, host and disk I/O
//   core/tiers/pass_mover.h      the pass protocol: the mover thread, the device slots, the fences,
//                                each access a written state machine (core/tiers/access_state.h)
//                                with numbered invariants
//   core/tiers/unit_optimizer.h  the optimizer's part of a step, where each unit's moments live
//
// Only copies are added: the same ops run on the same values in the same order, so on the CPU
// backend a run gives bit for bit the same losses whatever the placement (tested).
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/formats/model_config.h"
#include "core/model/lora.h"
#include "core/model/model_units.h"
#include "core/model/parameter_table.h"
#include "core/tiers/pass_mover.h"
#include "core/tiers/ssd_store.h"
#include "core/tiers/state_placement.h"
#include "core/tiers/transfer_log.h"
#include "core/tiers/unit_homes.h"
#include "core/tiers/unit_optimizer.h"
#include "kernels/backend.h"

namespace tiertune::tiers {

struct TieredStateOptions {
  std::filesystem::path offloadFolder;  // where the SSD store lives; needed when anything is on disk
  // How the frozen base of a LoRA run is kept in every tier: the 16 bits its checkpoint ships in
  // (bf16, fp16), or fp32 for an fp32 checkpoint; for QLoRA its projections in NF4 beside those.
  // Everything trained is fp32.
  model::TableFormat frozenFormat = model::ElementType::F32;
  SsdStoreOptions store;
  bool recordTimeline = false;          // keep a TimelineEvent per transfer and per wait
};

class TieredState final : public model::UnitResidency {
 public:
  // lora: the adapter's configuration (LoRA), or null (full fine-tuning). Homes and slots are
  // allocated here; the disk extents are reserved in the SSD store now, so a disk that cannot
  // hold the plan fails here. Throws tiertune::Error naming what does not fit.
  TieredState(kernels::Backend& backend, const formats::ModelConfig& config, const model::LoraConfig* lora,
              StatePlacement placement, TieredStateOptions options = {});
  ~TieredState() override;
  TieredState(const TieredState&) = delete;
  TieredState& operator=(const TieredState&) = delete;

  std::size_t unitCount() const;
  // The tensors of a unit's state of this kind (empty when the unit has none of it).
  const std::vector<model::ParameterSpec>& specs(StateKind kind, std::size_t unit) const;
  // The trained tensors of every unit, in unit order (what a checkpoint holds).
  std::vector<model::ParameterSpec> trainedSpecs() const;

  // How a kind of state is stored: frozenFormat for Frozen, fp32 for the rest.
  model::TableFormat format(StateKind kind) const;

  // Host copies of a unit's state, in the layout of a ParameterTable of specs(kind, unit) (decayed
  // tensors first), as floats for an fp32 kind, as bits for a 16-bit one and as the table's bytes
  // for a 4-bit one (model::readBaseWeightBytes). Only between passes.
  void write(StateKind kind, std::size_t unit, std::span<const float> values);
  void write(StateKind kind, std::size_t unit, std::span<const std::uint16_t> bits);
  void write(StateKind kind, std::size_t unit, std::span<const std::uint8_t> bytes);
  void read(StateKind kind, std::size_t unit, std::span<float> values);

  // One pass of the decoder in this order (core/tiers/pass_mover.h); endPass() waits for the
  // gradients to reach their homes and reports what went wrong on the mover thread. A pass that
  // fails is abandoned by abandonPass(), which leaves the state usable for reading and a new pass.
  void beginPass(std::vector<model::UnitAccess> order);
  void endPass();
  void abandonPass() noexcept;

  model::UnitTables acquire(std::size_t unit, bool gradients) override;
  void release(std::size_t unit) noexcept override;

  // The optimizer's part of a step, between passes.
  void zeroGradients();
  double gradientSquaredNorm();  // summed unit by unit, in unit order
  // Scales the gradients by clipScale when it is below 1, then one AdamW step (weight decay on the
  // decayed tensors only) on every unit, where its moments live.
  void optimizerStep(double clipScale, const kernels::AdamWHyper& hyper, std::int64_t step);

  TransferStats stats() const;
  std::vector<TimelineEvent> timeline() const;
  std::uint64_t hostBytes() const;  // host homes and staging buffers
  std::uint64_t diskBytes() const;  // reserved in the SSD store

 private:
  TransferLog log_;
  UnitHomes homes_;
  UnitOptimizer optimizer_;
  PassMover mover_;
};

// Runs one pass of the decoder (run: a call that acquires the units in order) over state: announced,
// ended, or abandoned when run throws. Returns what run returns (a loss, a token's logits).
template <typename Run>
auto runPass(TieredState& state, std::vector<model::UnitAccess> order, Run run) -> decltype(run()) {
  state.beginPass(std::move(order));
  try {
    auto result = run();
    state.endPass();
    return result;
  } catch (...) {
    state.abandonPass();
    throw;
  }
}

}  // namespace tiertune::tiers
