// The files of a Hugging Face model folder besides its weights, for a merged export: config.json
// (the base's, with the exported dtype), generation_config.json and the tokenizer files, so that
// the folder loads and chats like the base model did.
#pragma once

#include <filesystem>
#include <string>

#include "core/formats/dtype.h"

namespace tiertune::exports {

// The base's config.json with torch_dtype (and dtype, which newer transformers write instead, when
// present) set to the exported type; every other field kept as the base has it.
std::string exportedConfigJson(const std::string& baseConfigJson, formats::Dtype dtype,
                               const std::string& fileLabel);

// Writes into folder: config.json, generation_config.json (the base's, else one from config.json's
// bos/eos ids), and each of the tokenizer files the base has (tokenizer.json,
// tokenizer_config.json, special_tokens_map.json, tokenizer.model, chat_template.jinja). Throws
// tiertune::Error naming a file that cannot be read or written.
void writeModelFolderFiles(const std::filesystem::path& base, const std::filesystem::path& folder,
                           formats::Dtype dtype);

}  // namespace tiertune::exports
