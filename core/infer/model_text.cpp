#include "core/infer/model_text.h"

#include <algorithm>

#include "core/formats/chat_template/chat_template.h"
#include "core/formats/chat_template/errors.h"
#include "core/util/error.h"
#include "core/util/read_file.h"
#include "core/util/json_text.h"

namespace tiertune::infer {

namespace fs = std::filesystem;

namespace {

// A token id: a whole number from 0 to 2^31 - 1. Others are not ids (read as int32 they would wrap
// to some other token), so they are not taken.
void addId(const nlohmann::json& value, std::vector<std::int32_t>& ids) {
  if (!value.is_number_integer()) return;
  if (value.is_number_unsigned() ? value.get<std::uint64_t>() > 0x7fffffffu
                                 : (value.get<std::int64_t>() < 0 || value.get<std::int64_t>() > 0x7fffffff)) {
    return;
  }
  ids.push_back(static_cast<std::int32_t>(value.get<std::int64_t>()));
}

void addIds(const nlohmann::json& value, std::vector<std::int32_t>& ids) {
  addId(value, ids);
  if (value.is_array()) {
    for (const auto& item : value) addId(item, ids);
  }
}

std::optional<nlohmann::json> readJson(const fs::path& file) {
  if (!fs::exists(file)) return std::nullopt;
  try {
    return parseJsonText(readWholeFile(file, kConfigFileLimit), file.string());
  } catch (const nlohmann::json::exception& error) {
    throw Error(file.string() + " is not valid JSON: " + error.what());
  }
}

}  // namespace

ModelText loadModelText(const fs::path& modelFolder, const formats::ModelConfig& config) {
  ModelText text{formats::tokenizer::Tokenizer::load(modelFolder), {}, std::nullopt};
  const std::optional<nlohmann::json> generation = readJson(modelFolder / "generation_config.json");
  if (generation && generation->contains("eos_token_id")) {
    addIds(generation->at("eos_token_id"), text.eosIds);
  } else {
    text.eosIds.assign(config.eosTokenIds.begin(), config.eosTokenIds.end());
  }
  if (const auto tokenizerConfig = readJson(modelFolder / "tokenizer_config.json")) {
    const formats::SpecialTokens special = formats::SpecialTokens::fromTokenizerConfig(*tokenizerConfig);
    for (const auto& [name, token] : special.tokens) {
      if (name != "eos_token") continue;
      if (const auto id = text.tokenizer.tokenId(token)) text.eosIds.push_back(*id);
    }
  }
  std::sort(text.eosIds.begin(), text.eosIds.end());
  text.eosIds.erase(std::unique(text.eosIds.begin(), text.eosIds.end()), text.eosIds.end());
  try {
    text.chatTemplate = formats::loadModelChatTemplate(modelFolder);
  } catch (const Error&) {
    // A base model without a chat template still generates from plain prompts; chatting with it
    // reports the missing template through renderChatPrompt.
  }
  return text;
}

std::string renderChatPrompt(const ModelText& text, const nlohmann::ordered_json& messages) {
  if (!text.chatTemplate) {
    throw Error("this model has no chat template (chat_template.jinja or tokenizer_config.json), so it cannot "
                "chat; give it a plain prompt instead");
  }
  const std::string origin = text.chatTemplate->file.string();
  formats::ChatRequest request;
  request.messages = messages;
  request.addGenerationPrompt = true;
  try {
    return formats::ChatTemplate::parse(text.chatTemplate->source).render(request, text.chatTemplate->specialTokens);
  } catch (const formats::jinja::TemplateRaisedError& error) {
    throw Error("the chat template in " + origin + " refused this conversation: " + error.what());
  } catch (const Error& error) {
    throw Error(origin + ": " + error.what());
  }
}

std::vector<std::int32_t> encodePrompt(const ModelText& text, const std::string& prompt, bool fromChatTemplate) {
  // The template already wrote BOS where the model wants it; the post-processor would add another.
  formats::tokenizer::EncodeOptions options;
  options.addSpecialTokens = !fromChatTemplate;
  return text.tokenizer.encode(prompt, options);
}

}  // namespace tiertune::infer
