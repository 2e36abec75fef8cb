// A model loaded on a Backend for generation: its weights (a base model folder, a merged folder
// read the same way, or through core/train/checkpoint_model.h the base plus a run checkpoint's LoRA
// adapter applied on the fly, or a full fine-tuning checkpoint's weights), a Decoder over them and
// the KV caches of its sequences: one for the SequenceModel side (playground, CLI), or several
// slots for batched generation (SequenceBatch: the question job).
// prefill() takes a prompt in one pass, decode() one token per pass; both return the logits of
// the sequence's last token; the batch's decode() takes one token for each of several slots in
// one pass. Holds no global state: one runner per worker thread (the Backend it
// is given must not be used by another thread meanwhile). Used by the Generator.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "core/formats/model_config.h"
#include "core/infer/kv_cache.h"
#include "core/infer/sequence_batch.h"
#include "core/infer/sequence_model.h"
#include "core/model/decoder.h"
#include "core/model/lora.h"
#include "core/model/parameter_table.h"
#include "kernels/backend.h"

namespace tiertune::infer {

class ModelRunner final : public SequenceModel, public SequenceBatch {
 public:
  // The model of modelFolder (config.json and safetensors); with a run checkpoint's weights, see
  // core/train/checkpoint_model.h. Throws tiertune::Error naming the file for a folder that cannot
  // be loaded.
  static std::unique_ptr<ModelRunner> load(kernels::Backend& backend, const std::filesystem::path& modelFolder,
                                           std::size_t sequences = 1);
  // Weights already on the backend (tests and benchmarks): base, and an adapter with its
  // configuration or neither.
  ModelRunner(kernels::Backend& backend, const formats::ModelConfig& config, std::unique_ptr<model::ParameterTable> base,
              std::unique_ptr<model::ParameterTable> adapter = nullptr, std::optional<model::LoraConfig> lora = {},
              std::size_t sequences = 1);
  ~ModelRunner() override;
  ModelRunner(const ModelRunner&) = delete;
  ModelRunner& operator=(const ModelRunner&) = delete;

  // SequenceModel: the sequence of slot 0.
  std::vector<float> prefill(std::span<const std::int32_t> prompt) override { return prefill(0, prompt); }
  std::vector<float> append(std::span<const std::int32_t> tokens) override;
  std::size_t length() const override { return caches_[0].length(); }
  std::size_t contextLength() const override { return caches_[0].limit(); }

  // SequenceBatch.
  std::size_t capacity() const override { return caches_.size(); }
  std::size_t length(std::size_t slot) const override { return caches_.at(slot).length(); }
  std::vector<float> prefill(std::size_t slot, std::span<const std::int32_t> prompt) override;
  std::vector<std::vector<float>> decode(std::span<const std::size_t> which,
                                         std::span<const std::int32_t> tokens) override;
  using SequenceModel::decode;
  const formats::ModelConfig& config() const { return config_; }
  bool hasAdapter() const { return adapter_ != nullptr; }

 private:
  kernels::Backend& backend_;
  formats::ModelConfig config_;
  std::unique_ptr<model::ParameterTable> base_, adapter_;
  std::optional<model::LoraConfig> lora_;
  std::unique_ptr<model::Decoder> decoder_;
  std::vector<KvCache> caches_;  // one per slot
};

}  // namespace tiertune::infer
