// What turns a model folder's tokens into text and back for generation: its tokenizer, the token
// ids that end a reply (EOS) and its chat template, so that a playground or the CLI can chat with a
// model. Used with ModelRunner by the Generator's callers.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/formats/chat_template/model_chat_template.h"
#include "core/formats/model_config.h"
#include "core/formats/tokenizer/tokenizer.h"

namespace tiertune::infer {

struct ModelText {
  formats::tokenizer::Tokenizer tokenizer;
  // generation_config.json's eos_token_id (else config.json's), with tokenizer_config.json's
  // eos_token added: chat models end a turn with a token that config.json does not always name.
  std::vector<std::int32_t> eosIds;
  std::optional<formats::ModelChatTemplate> chatTemplate;  // absent for a folder without one
};

// Throws tiertune::Error naming the file for an unreadable tokenizer or generation_config.json.
ModelText loadModelText(const std::filesystem::path& modelFolder, const formats::ModelConfig& config);

// The prompt text of a conversation (messages: [{"role": ..., "content": ...}, ...]) through the
// model's chat template with the generation prompt, ready for the assistant's reply. Throws
// tiertune::Error naming the template's file when the folder has none or the template refuses.
std::string renderChatPrompt(const ModelText& text, const nlohmann::ordered_json& messages);

// The prompt's tokens. A plain prompt gets the tokenizer's special tokens (Llama 2's BOS); a
// prompt from the chat template does not, as the template prints the ones the model wants.
std::vector<std::int32_t> encodePrompt(const ModelText& text, const std::string& prompt, bool fromChatTemplate);

}  // namespace tiertune::infer
