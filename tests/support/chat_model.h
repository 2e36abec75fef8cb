// A tiny chat model a GUI test can import datasets for: random Llama weights (vocabulary 300),
// the byte tokenizer, an end-of-sequence token and the ChatML template, registered in a catalog.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>

#include "core/catalog/catalog.h"
#include "core/catalog/model_registration.h"
#include "core/formats/model_folder.h"
#include "support/byte_tokenizer.h"
#include "support/tiny_model.h"

namespace tiertune::test {

// The byte tokenizer, "</s>" as end of sequence and the ChatML template, beside a model's weights.
inline void writeChatTokenizerFiles(const std::filesystem::path& folder) {
  std::ofstream(folder / "tokenizer.json") << byteTokenizerJson();
  std::ofstream(folder / "tokenizer_config.json") << "{\"eos_token\": \"</s>\"}";
  std::ofstream(folder / "chat_template.jinja") << kChatMlTemplate;
}

inline void writeTinyChatModel(const std::filesystem::path& folder) {
  std::string config = kTinyLlamaConfig;
  config.replace(config.find("\"vocab_size\":64"), 15, "\"vocab_size\":300");
  writeRandomModelFolder(folder, config, 3);
  writeChatTokenizerFiles(folder);
}

inline catalog::Id registerTinyChatModel(catalog::Catalog& store, const std::filesystem::path& folder,
                                         const std::string& name) {
  writeTinyChatModel(folder);
  return catalog::registerModelFolder(store, formats::inspectModelFolder(folder), name);
}

}  // namespace tiertune::test
