// The chat template of a Hugging Face model folder and the special tokens it prints: from
// chat_template.jinja, chat_template.json or the "chat_template" of tokenizer_config.json (in the
// order transformers prefers them), the tokens from tokenizer_config.json. Used by the CLI
// `template` command and dataset import.
#pragma once

#include <filesystem>
#include <string>

#include "core/formats/chat_template/chat_template.h"

namespace tiertune::formats {

struct ModelChatTemplate {
  std::string source;            // the template's text
  std::filesystem::path file;    // where it was found, for messages
  SpecialTokens specialTokens;   // from tokenizer_config.json, empty without one
};

// A folder whose tokenizer_config.json holds several named templates gives `name` ("tool_use",
// "rag"); an empty name or one it lacks gives "default". Throws tiertune::Error naming the file
// for an unreadable file, invalid JSON or a folder without any chat template.
ModelChatTemplate loadModelChatTemplate(const std::filesystem::path& folder, const std::string& name = {});

}  // namespace tiertune::formats
