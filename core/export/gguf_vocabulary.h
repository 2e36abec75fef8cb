// The tokenizer of a Hugging Face model folder as llama.cpp reads it from GGUF metadata
// (tokenizer.ggml.*): the model kind ("gpt2" for byte-level BPE as Llama 3 and Qwen ship it, "llama"
// for SentencePiece-style BPE with byte fallback as Llama 2 and Mistral ship it), the pre-tokenizer
// name llama.cpp knows the split regex by, every token with its type, merges or scores, the special
// ids, whether BOS/EOS are added, and the chat template. Read from tokenizer.json,
// tokenizer_config.json and the chat template files. Used by gguf_export.cpp.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/formats/gguf_writer.h"
#include "core/formats/model_config.h"

namespace tiertune::exports {

// llama.cpp's llama_token_type.
enum class GgufTokenType : std::int32_t { Normal = 1, Unknown = 2, Control = 3, UserDefined = 4, Unused = 5, Byte = 6 };

struct GgufVocabulary {
  std::string model;  // tokenizer.ggml.model
  std::string pre;    // tokenizer.ggml.pre
  std::vector<std::string> tokens;     // one per id, config.vocab_size of them
  std::vector<std::int32_t> tokenTypes;
  std::vector<float> scores;           // "llama" only
  std::vector<std::string> merges;     // "gpt2" only: "left right"
  std::optional<std::uint32_t> bosId, eosId, unknownId, paddingId;
  bool addBos = false, addEos = false;
  std::optional<std::string> chatTemplate;
  std::optional<std::string> bosText, eosText;  // the tokens themselves, for the Ollama Modelfile
};

// Throws tiertune::Error naming the file and field: no tokenizer.json, a tokenizer that is not BPE,
// neither byte-level nor byte-fallback, a split regex llama.cpp has no name for, more tokens than
// config.json's vocab_size, special tokens missing from the vocabulary.
GgufVocabulary readGgufVocabulary(const std::filesystem::path& modelFolder, const formats::ModelConfig& config);

void addVocabularyMetadata(formats::GgufMetadata& metadata, const GgufVocabulary& vocabulary);

}  // namespace tiertune::exports
