// The decoder's state in the units the tiered executor places and moves as one piece: unit 0 the
// token embeddings, units 1..layers the decoder layers, unit layers + 1 the final norm and the
// head. The decoder asks for a unit just before it uses it and gives it back right after, always in
// the order decoderAccessOrder() lists, so whoever keeps the state (the tiered executor) can move
// the next units up while the current one computes.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "core/formats/model_config.h"
#include "core/model/parameter_table.h"

namespace tiertune::model {

std::size_t unitCount(const formats::ModelConfig& config);  // layers + 2
std::size_t headUnit(const formats::ModelConfig& config);   // layers + 1

// The unit a tensor belongs to, by its Hugging Face or PEFT name.
std::size_t unitOfTensor(std::string_view name, std::size_t layers);

// specs grouped by unit (unitCount entries), each group in the order of specs.
std::vector<std::vector<ParameterSpec>> splitByUnit(const std::vector<ParameterSpec>& specs,
                                                    const formats::ModelConfig& config);

// A unit's tensors as the backend can use them. base: its base weights; adapter: its LoRA tensors
// (null without LoRA); gradients: the trained tensors' gradients, in the trained table's layout
// (null when the pass computes none, or the unit trains nothing). The tables may hold more than
// the unit (a whole model's table): tensors are looked up by name.
struct UnitTables {
  const ParameterTable* base = nullptr;
  const ParameterTable* adapter = nullptr;
  const ParameterTable* gradients = nullptr;
};

class UnitResidency {
 public:
  virtual ~UnitResidency() = default;
  // Returns once the unit's tensors are where the backend computes; they stay valid until
  // release(unit). gradients: the decoder will add into the unit's gradients.
  virtual UnitTables acquire(std::size_t unit, bool gradients) = 0;
  // The decoder is done with the unit (its gradients, if it asked for them, hold their new sum).
  // Never throws: a failure to move state is reported by a later acquire or by the owner.
  virtual void release(std::size_t unit) noexcept = 0;
};

struct UnitAccess {
  std::size_t unit = 0;
  bool gradients = false;
  bool operator==(const UnitAccess&) const = default;
};

// The order of Decoder::forwardBackward's (training) or evaluate's acquisitions. With tied
// embeddings the head also holds unit 0 (acquired after the head unit, released before it).
// trainsEmbedding: full fine-tuning, whose backward ends with the embeddings' gradient.
std::vector<UnitAccess> decoderAccessOrder(const formats::ModelConfig& config, bool training, bool trainsEmbedding);

}  // namespace tiertune::model
