// The Llama shapes the benchmarks train (random weights, made in the process), by name, and what a
// token of training costs on each: the model FLOPs that MFU divides by.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

#include "core/formats/model_config.h"

namespace tiertune::bench {

// "8b" Llama 3.1 8B, "1b" Llama 3.2 1B (tied embeddings), both with token ids 1 and 2 for bos and
// eos (the tiny tokenizer's, tests/support/tiny_model.h), "160m" bench_gpu_train's ~160M config,
// "small" bench_qlora's (~100M, hidden 512). Another name throws std::invalid_argument naming it,
// so that a mistyped shape is not measured as another one.
inline const char* llamaConfigOf(const std::string& shape) {
  if (shape == "8b") {
    return R"({"architectures":["LlamaForCausalLM"],"model_type":"llama","hidden_size":4096,"num_hidden_layers":32,
        "num_attention_heads":32,"num_key_value_heads":8,"intermediate_size":14336,"vocab_size":128256,
        "max_position_embeddings":131072,"rms_norm_eps":1e-5,"rope_theta":500000.0,"tie_word_embeddings":false,
        "bos_token_id":1,"eos_token_id":2})";
  }
  if (shape == "1b") {
    return R"({"architectures":["LlamaForCausalLM"],"model_type":"llama","hidden_size":2048,"num_hidden_layers":16,
        "num_attention_heads":32,"num_key_value_heads":8,"intermediate_size":8192,"vocab_size":128256,
        "max_position_embeddings":131072,"rms_norm_eps":1e-5,"rope_theta":500000.0,"tie_word_embeddings":true,
        "bos_token_id":1,"eos_token_id":2})";
  }
  if (shape == "160m") {
    return R"({"architectures":["LlamaForCausalLM"],"model_type":"llama","hidden_size":1024,"num_hidden_layers":8,
        "num_attention_heads":16,"num_key_value_heads":8,"intermediate_size":2816,"vocab_size":32000,
        "max_position_embeddings":2048,"rms_norm_eps":1e-5,"rope_theta":10000.0,"tie_word_embeddings":false})";
  }
  if (shape != "small") {
    throw std::invalid_argument("unknown model shape \"" + shape + "\" (8b, 1b, 160m or small)");
  }
  return R"({"architectures":["LlamaForCausalLM"],"model_type":"llama","hidden_size":512,"num_hidden_layers":8,
        "num_attention_heads":8,"num_key_value_heads":4,"intermediate_size":1376,"vocab_size":32000,
        "max_position_embeddings":2048,"rms_norm_eps":1e-5,"rope_theta":10000.0,"tie_word_embeddings":false})";
}

// Training FLOPs of one token of a full fine-tune at this sequence length, as MFU counts them:
// 6 per weight of every product (the seven projections of each layer and the head; the embedding
// is a lookup), plus the attention's two products, forward and backward, over the causal half of
// the sequence: 6 x layers x sequence x heads x headDim. No activation recomputation counted.
inline double trainingFlopsPerToken(const formats::ModelConfig& config, std::int64_t sequence) {
  const auto hidden = static_cast<double>(config.hiddenSize);
  const auto headDim = static_cast<double>(config.headDim > 0 ? config.headDim
                                                                : config.hiddenSize / config.attentionHeads);
  const double attentionWidth = static_cast<double>(config.attentionHeads) * headDim;
  const double kvWidth = static_cast<double>(config.keyValueHeads) * headDim;
  const double projections = hidden * attentionWidth + 2 * hidden * kvWidth + attentionWidth * hidden +
                             3 * hidden * static_cast<double>(config.intermediateSize);
  const double weights = static_cast<double>(config.layerCount) * projections +
                         hidden * static_cast<double>(config.vocabSize);
  const double attention = 6.0 * static_cast<double>(config.layerCount) * static_cast<double>(sequence) * attentionWidth;
  return 6.0 * weights + attention;
}

}  // namespace tiertune::bench
