// The Llama-family decoder (Llama, Mistral, Qwen2, Qwen3) as forward and backward passes over
// Backend ops: embeddings, layers of RMSNorm → attention (q/k/v with optional biases and qk-norm,
// RoPE, causal grouped-query attention inside each packed sample) → residual → RMSNorm → SwiGLU MLP
// → residual, a final norm and the head fused with the cross-entropy loss. Trains either every
// weight (full fine-tuning; gradients for the base table) or LoRA adapters on a frozen base
// (gradients for the adapter table only). With activation checkpointing only each layer's input is
// kept through the forward; the backward recomputes a layer's activations just before its
// gradients, trading one more forward for memory that no longer grows with the layer count.
//
// The weights and gradients either live in whole tables given to the decoder, or come unit by unit
// from a UnitResidency (core/model/model_units.h): the tiered executor, which streams them between
// GPU, RAM and SSD. Either way the same ops run in the same order on the same values.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "core/formats/model_config.h"
#include "core/model/lora.h"
#include "core/model/model_units.h"
#include "core/model/parameter_table.h"
#include "core/model/token_batch.h"
#include "kernels/backend.h"

namespace tiertune::model {

struct DecoderOptions {
  bool checkpointActivations = true;
  std::size_t crossEntropyChunkTokens = 1024;
};

// One layer's keys and values of the sequence being generated, each [capacity, kvHeads, headDim]
// (core/infer's KvCache owns them). Rows [0, past) hold the earlier tokens' keys after RoPE.
struct LayerKeyValues {
  kernels::DeviceSpan<float> keys, values;
};

struct LossSum {
  double sum = 0;          // of the per-token losses
  std::size_t counted = 0;  // tokens in the loss
  double mean() const { return counted == 0 ? 0.0 : sum / static_cast<double>(counted); }
};

class Decoder {
 public:
  // base: every tensor of baseParameterSpecs(config). adapter and lora: a LoRA adapter
  // (loraParameterSpecs), or null. gradients: the same layout as the trained table (the adapter
  // when there is one, else the base), or null for a decoder that only evaluates. The tables
  // must outlive the decoder.
  Decoder(kernels::Backend& backend, const formats::ModelConfig& config, const ParameterTable& base,
          const ParameterTable* adapter, const LoraConfig* lora, const ParameterTable* gradients,
          DecoderOptions options = {});
  // Weights and gradients unit by unit from residency, which must outlive the decoder. lora: the
  // adapter's configuration, or null; training: forwardBackward may be called.
  Decoder(kernels::Backend& backend, const formats::ModelConfig& config, UnitResidency& residency,
          const LoraConfig* lora, bool training, DecoderOptions options = {});
  ~Decoder();
  Decoder(const Decoder&) = delete;
  Decoder& operator=(const Decoder&) = delete;

  // One micro-batch: the loss, and its gradients added (+=) into the gradient table, scaled as
  // the gradient of lossSum / normalizer (normalizer: the counted tokens of the whole optimizer
  // step, so that accumulated micro-batches give the step's mean). dropoutSeed draws the LoRA
  // dropout masks of this micro-batch.
  LossSum forwardBackward(const TokenBatch& batch, std::size_t normalizer, std::uint64_t dropoutSeed);
  // The loss without gradients or dropout (validation).
  LossSum evaluate(const TokenBatch& batch);
  // Logits [tokens, vocab] on the host, for tests and generation of small batches.
  std::vector<float> logits(const TokenBatch& batch);

  // Generation: runs ids, the tokens at positions [past, past + ids.size()) of one sequence,
  // through the layers against cache (one entry per layer), whose rows [past, past + ids.size())
  // receive their keys and values. Returns the logits [vocab] of the last of them, on the host.
  // The same ops as logits() but attention reads the cache (Backend::cachedAttention), so a
  // prompt's logits equal those of the whole sequence up to fp32 summation order.
  std::vector<float> extendSequence(std::span<const std::int32_t> ids, std::size_t past,
                                    std::span<const LayerKeyValues> cache);

  // Several sequences in one pass (batched generation), each against its own cache: their tokens
  // go through the projections and the MLP together, attention reads each sequence's own cache.
  // Returns each sequence's last-token logits [vocab], in order; each equals what
  // extendSequence gives for that sequence alone up to fp32 summation order.
  struct SequenceStep {
    std::span<const std::int32_t> ids;
    std::size_t past = 0;
    std::span<const LayerKeyValues> cache;
  };
  std::vector<std::vector<float>> extendSequences(std::span<const SequenceStep> steps);

  const formats::ModelConfig& config() const { return config_; }

 private:
  struct Linear;
  struct Layer;
  struct Saved;
  struct Workspace;
  class Held;
  class SmallWeights;

  struct CacheSegment {  // one sequence of a generation pass
    std::span<const LayerKeyValues> layers;
    std::size_t past = 0;   // tokens its cache holds before this pass
    std::size_t first = 0;  // its first token among the pass's tokens
    std::size_t count = 0;  // and how many
  };
  struct CacheStep {
    std::vector<CacheSegment> segments;
  };

  void initialize(const LoraConfig* lora);
  void bindUnit(std::size_t unit, const UnitTables& tables);
  kernels::DeviceSpan<float> smallWeightsRegion(std::size_t unit);
  void bindLayer(std::size_t index, const UnitTables& tables);
  void checkBatch(const TokenBatch& batch) const;
  void prepare(const TokenBatch& batch);
  void forwardLayers(bool training, std::uint64_t seed);
  void forwardLayer(std::size_t index, kernels::DeviceSpan<const float> x, kernels::DeviceSpan<float> out,
                    const Saved& saved, bool training, std::uint64_t seed);
  void backwardLayer(std::size_t index, kernels::DeviceSpan<const float> x, const Saved& saved,
                     kernels::DeviceSpan<float> dResidual, std::uint64_t seed);
  void linearForward(const Linear& linear, kernels::DeviceSpan<const float> x, kernels::DeviceSpan<float> y,
                     kernels::DeviceSpan<float> loraHidden, bool training, std::uint64_t seed);
  void linearBackward(const Linear& linear, kernels::DeviceSpan<const float> dy, kernels::DeviceSpan<const float> x,
                      kernels::DeviceSpan<float> dx, bool accumulate, kernels::DeviceSpan<const float> loraHidden,
                      std::uint64_t seed);
  kernels::DeviceSpan<float> finalHidden();

  kernels::Backend& backend_;
  formats::ModelConfig config_;
  std::unique_ptr<UnitResidency> wholeTables_;  // with the first constructor
  UnitResidency* residency_ = nullptr;
  DecoderOptions options_;
  LoraConfig lora_;
  bool hasAdapter_ = false;
  bool trainsBase_ = false;
  bool training_ = false;
  std::vector<Layer> layers_;
  kernels::WeightView embedding_, head_;  // fp32, or the 16 bits of a frozen base
  kernels::DeviceSpan<const float> finalNorm_;
  kernels::DeviceBuffer smallWeights_;  // a 16-bit base's norms and biases widened, per unit
  kernels::DeviceSpan<float> dEmbedding_, dFinalNorm_, dHead_;
  kernels::DeviceBuffer inverseFrequencies_;
  std::unique_ptr<Workspace> work_;
  const CacheStep* cacheStep_ = nullptr;  // set while extendSequences runs the layers
};

}  // namespace tiertune::model
