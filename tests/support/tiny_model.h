// Tiny model folders and token files for tests of training and the command line: config.json,
// model.safetensors with seeded random weights (transformers-style init, fp32), and JSON-lines
// token files.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "kernels/cpu/half_precision.h"
#include "core/formats/model_config.h"
#include "core/formats/safetensors_writer.h"
#include "core/model/base_weights.h"
#include "core/util/random.h"
#include "core/util/read_file.h"
#include "kernels/backend.h"

namespace tiertune::test {

inline const char* const kTinyLlamaConfig =
    R"({"architectures":["LlamaForCausalLM"],"model_type":"llama","hidden_size":32,"num_hidden_layers":2,
        "num_attention_heads":4,"num_key_value_heads":2,"intermediate_size":48,"vocab_size":64,
        "max_position_embeddings":128,"rms_norm_eps":1e-5,"rope_theta":10000.0,"tie_word_embeddings":false,
        "bos_token_id":1,"eos_token_id":2})";

// Twenty-four layers whose weights outweigh the activations of a short batch: a device arena under a
// third of the state still holds the tiered executor's slots and working buffers.
inline const char* const kDeepLlamaConfig =
    R"({"architectures":["LlamaForCausalLM"],"model_type":"llama","hidden_size":96,"num_hidden_layers":24,
        "num_attention_heads":4,"num_key_value_heads":2,"intermediate_size":256,"vocab_size":96,
        "max_position_embeddings":128,"rms_norm_eps":1e-5,"rope_theta":10000.0,"tie_word_embeddings":false,
        "bos_token_id":1,"eos_token_id":2})";

// A BPE tokenizer.json whose vocabulary is <unk>, <s>, </s> and then "t3", "t4", ..., vocab
// entries in all, with no merges: enough for a folder to be a complete model folder.
inline void writeTinyTokenizer(const std::filesystem::path& folder, std::int64_t vocab) {
  std::string entries = R"("<unk>":0,"<s>":1,"</s>":2)";
  for (std::int64_t id = 3; id < vocab; ++id) {
    entries += ",\"t" + std::to_string(id) + "\":" + std::to_string(id);
  }
  std::ofstream(folder / "tokenizer.json")
      << R"({"version":"1.0","truncation":null,"padding":null,"added_tokens":[)"
      << R"({"id":0,"content":"<unk>","single_word":false,"lstrip":false,"rstrip":false,"normalized":false,"special":true},)"
      << R"({"id":1,"content":"<s>","single_word":false,"lstrip":false,"rstrip":false,"normalized":false,"special":true},)"
      << R"({"id":2,"content":"</s>","single_word":false,"lstrip":false,"rstrip":false,"normalized":false,"special":true}],)"
      << R"("normalizer":null,"pre_tokenizer":null,"post_processor":null,"decoder":null,)"
      << R"("model":{"type":"BPE","dropout":null,"unk_token":"<unk>","continuing_subword_prefix":null,)"
      << R"("end_of_word_suffix":null,"fuse_unk":false,"byte_fallback":false,"vocab":{)" << entries
      << R"(},"merges":[]}})";
  std::ofstream(folder / "tokenizer_config.json") << R"({"bos_token":"<s>","eos_token":"</s>","unk_token":"<unk>"})";
}

// Every tensor of table, in fp32 with the table's names, as one safetensors file.
// An fp32 table as a safetensors file of dtype: F32, or BF16 / F16 rounded to nearest even.
inline void writeTableFile(const std::filesystem::path& file, const model::ParameterTable& table,
                           formats::Dtype dtype = formats::Dtype::F32) {
  std::vector<float> values(table.elementCount());
  table.backend().download(table.all(), values);
  std::vector<std::uint16_t> bits;
  if (dtype == formats::Dtype::BF16) {
    bits.resize(values.size());
    kernels::cpu::floatToBf16(values, bits);
  } else if (dtype == formats::Dtype::F16) {
    bits.resize(values.size());
    kernels::cpu::floatToF16(values, bits);
  }
  std::vector<std::pair<formats::TensorDescriptor, std::span<const std::byte>>> tensors;
  for (const model::ParameterEntry& entry : table.entries()) {
    const std::span<const std::byte> bytes =
        bits.empty() ? std::as_bytes(std::span<const float>(values.data() + entry.offset, entry.count))
                     : std::as_bytes(std::span<const std::uint16_t>(bits.data() + entry.offset, entry.count));
    tensors.push_back({formats::TensorDescriptor{entry.spec.name, dtype, entry.spec.shape}, bytes});
  }
  formats::writeSafetensors(file, tensors);
}

inline void writeRandomModelFolder(const std::filesystem::path& folder, const std::string& configJson,
                                   std::uint64_t seed, formats::Dtype dtype = formats::Dtype::F32) {
  std::filesystem::create_directories(folder);
  std::ofstream(folder / "config.json") << configJson;
  const formats::ModelConfig config = formats::parseModelConfig(configJson);
  writeTinyTokenizer(folder, config.vocabSize);
  const auto backend = kernels::makeCpuBackend();
  const model::ParameterTable table(*backend, model::baseParameterSpecs(config));
  model::initializeBaseWeights(table, seed, 0.1);
  writeTableFile(folder / "model.safetensors", table, dtype);
}

// Turns the tiny tokenizer of folder into a byte-level one (GPT-2 style pre-tokenizer), which GGUF
// can carry: the plain one is refused, as llama.cpp could not tokenize text outside its vocabulary.
inline void makeTinyTokenizerByteLevel(const std::filesystem::path& folder) {
  std::string tokenizer = readWholeFile(folder / "tokenizer.json");
  const std::string none = R"("pre_tokenizer":null)";
  tokenizer.replace(tokenizer.find(none), none.size(),
                    R"("pre_tokenizer":{"type":"ByteLevel","add_prefix_space":false,"trim_offsets":true,"use_regex":true})");
  std::ofstream(folder / "tokenizer.json") << tokenizer;
}

// count samples of 6..(6 + spread) tokens below vocab; every other sample masks its first 3 tokens.
// The tokens follow a simple rule (each is the previous + 1, modulo vocab, from a random start), so
// that a model can learn them and the loss falls.
inline void writeTokenFile(const std::filesystem::path& file, int count, int vocab, std::uint64_t seed, int spread = 10) {
  SplitMix64 random(seed);
  std::ofstream out(file);
  for (int s = 0; s < count; ++s) {
    const int length = 6 + static_cast<int>(random.below(static_cast<std::uint64_t>(spread)));
    int token = static_cast<int>(random.below(static_cast<std::uint64_t>(vocab)));
    std::string ids, mask;
    for (int i = 0; i < length; ++i) {
      ids += (i ? "," : "") + std::to_string(token);
      mask += (i ? "," : "") + std::string(s % 2 == 1 && i < 3 ? "0" : "1");
      token = (token + 1) % vocab;
    }
    out << R"({"input_ids":[)" << ids << R"(],"loss_mask":[)" << mask << "]}\n";
  }
}

}  // namespace tiertune::test
