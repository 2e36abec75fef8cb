// A Hugging Face model folder as a person adds it to Tiertune: everything in it is checked
// (config.json, the safetensors weights against the config, the tokenizer files, the chat
// template) and summed up for the Models page, `tiertune-cli model`, and the catalog. Nothing
// throws for a bad folder: what is wrong comes back as sentences a non-specialist can act on.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/formats/model_config.h"
#include "core/util/words.h"

namespace tiertune::formats {

struct ModelFolderFacts {
  std::filesystem::path folder;  // absolute, normalised
  std::string name;              // the folder's name, e.g. "Qwen2.5-0.5B-Instruct"
  std::optional<ModelConfig> config;
  std::string architecture;           // "Qwen2ForCausalLM"; empty when config.json is unreadable
  std::uint64_t parameterCount = 0;   // from the config's shapes
  std::uint64_t weightBytes = 0;      // size of the safetensors files on disk
  std::string weightsDtype;           // "bfloat16", "float16", "float32" or "mixed", from the weights
  std::size_t weightFiles = 0;
  bool hasTokenizer = false;          // tokenizer.json present and loads (tokenizer/tokenizer.h)
  std::size_t tokenizerVocabulary = 0;  // one more than the tokenizer's highest id
  bool hasChatTemplate = false;       // found (model_chat_template.h) and parses
  std::string configSha256;           // of config.json, to notice a changed folder later
  std::vector<Words> problems;        // empty: the model can be trained
  std::vector<Words> notes;           // worth knowing, not blocking (no chat template, ...)

  bool usable() const { return problems.empty(); }
};

ModelFolderFacts inspectModelFolder(const std::filesystem::path& folder);

}  // namespace tiertune::formats
