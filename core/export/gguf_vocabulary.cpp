#include "core/export/gguf_vocabulary.h"

#include <nlohmann/json.hpp>
#include <regex>
#include <unordered_map>

#include "core/formats/chat_template/chat_template.h"
#include "core/formats/chat_template/model_chat_template.h"
#include "core/formats/tokenizer/split_patterns.h"
#include "core/util/error.h"
#include "core/util/read_file.h"
#include "core/util/json_text.h"

namespace tiertune::exports {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

json readJsonFile(const fs::path& file) {
  try {
    return parseJsonText(readWholeFile(file, kTokenizerFileLimit), file.string());
  } catch (const json::exception& error) {
    throw Error(file.string() + ": not valid JSON (" + error.what() + ")");
  }
}

// Every object of a pipeline stage, Sequences flattened (their children under `childrenKey`).
void collectStages(const json& stage, const char* childrenKey, std::vector<const json*>& out) {
  if (!stage.is_object()) return;
  out.push_back(&stage);
  if (const auto children = stage.find(childrenKey); children != stage.end() && children->is_array()) {
    for (const json& child : *children) collectStages(child, childrenKey, out);
  }
}

std::vector<const json*> stagesOf(const json& root, const char* key, const char* childrenKey) {
  std::vector<const json*> stages;
  if (const auto found = root.find(key); found != root.end()) collectStages(*found, childrenKey, stages);
  return stages;
}

bool hasStage(const std::vector<const json*>& stages, std::string_view type) {
  for (const json* stage : stages) {
    if (stage->value("type", "") == type) return true;
  }
  return false;
}

// llama.cpp knows a byte-level tokenizer's split regex by a name (llama-vocab.cpp's
// LLAMA_VOCAB_PRE_TYPE_*); a regex it does not know would be split differently there.
std::string preTokenizerName(const std::vector<const json*>& stages, const fs::path& file) {
  for (const json* stage : stages) {
    if (stage->value("type", "") != "Split") continue;
    const auto pattern = stage->find("pattern");
    const std::string regex = pattern != stage->end() && pattern->is_object() ? pattern->value("Regex", "") : "";
    const auto known = formats::tokenizer::recognizeSplitRegex(regex);
    if (!known) {
      throw Error(file.string() + ": pre_tokenizer: the Split regex " + json(regex).dump() +
                  " has no llama.cpp pre-tokenizer name (known: Llama 3, Qwen2, GPT-2).");
    }
    switch (*known) {
      case formats::tokenizer::SplitRegex::Llama3: return "llama-bpe";
      case formats::tokenizer::SplitRegex::Qwen2: return "qwen2";
      case formats::tokenizer::SplitRegex::Gpt2: return "gpt-2";
    }
  }
  return "gpt-2";  // ByteLevel with use_regex splits with GPT-2's regex
}

// add_bos_token / add_eos_token from tokenizer_config.json, else from what the post-processor's
// single-sequence template puts first and last (Llama 3 only says it there).
void readAddedSpecialTokens(const json& tokenizer, const json& config, GgufVocabulary& vocabulary) {
  bool templateBos = false, templateEos = false;
  for (const json* stage : stagesOf(tokenizer, "post_processor", "processors")) {
    const auto single = stage->find("single");
    if (stage->value("type", "") != "TemplateProcessing" || single == stage->end() || !single->is_array() ||
        single->empty()) {
      continue;
    }
    templateBos = single->front().contains("SpecialToken");
    templateEos = single->size() > 1 && single->back().contains("SpecialToken");
  }
  const auto flag = [&](const char* key, bool fallback) {
    const auto found = config.find(key);
    return found != config.end() && found->is_boolean() ? found->get<bool>() : fallback;
  };
  vocabulary.addBos = flag("add_bos_token", templateBos);
  vocabulary.addEos = flag("add_eos_token", templateEos);
}

// Merges: "left right" strings, or [left, right] pairs in newer files. In a pair a token may hold
// a space, which the string form cannot; gguf-py writes such spaces as U+0120 ("Ġ"), as here.
std::vector<std::string> readMerges(const json& model, const fs::path& file) {
  std::vector<std::string> merges;
  for (const json& merge : model.value("merges", json::array())) {
    if (merge.is_string() && merge.get<std::string>().find(' ') != std::string::npos) {
      merges.push_back(merge.get<std::string>());
    } else if (merge.is_array() && merge.size() == 2 && merge[0].is_string() && merge[1].is_string()) {
      std::string joined;
      for (int side = 0; side < 2; ++side) {
        for (char c : merge[side].get<std::string>()) joined += c == ' ' ? std::string("\xC4\xA0") : std::string(1, c);
        if (side == 0) joined += ' ';
      }
      merges.push_back(std::move(joined));
    } else {
      throw Error(file.string() + ": model.merges holds an entry that is neither \"left right\" nor [left, right].");
    }
  }
  return merges;
}

// llama.cpp's SentencePiece tokenizer merges the adjacent pair whose result scores highest: the
// score of a token is minus the rank of the first merge that makes it, so merges happen in
// tokenizer.json's order. Normal tokens no merge makes score below every merge; the others 0.
std::vector<float> mergeRankScores(const std::vector<std::string>& merges,
                                   const std::unordered_map<std::string, std::int32_t>& idOf,
                                   const std::vector<GgufTokenType>& types) {
  std::vector<float> scores(types.size(), -static_cast<float>(merges.size()));
  for (std::size_t rank = merges.size(); rank-- > 0;) {
    std::string result = merges[rank];
    result.erase(result.find(' '), 1);
    if (const auto found = idOf.find(result); found != idOf.end()) scores[found->second] = -static_cast<float>(rank);
  }
  for (std::size_t id = 0; id < types.size(); ++id) {
    if (types[id] != GgufTokenType::Normal) scores[id] = 0.0f;
  }
  return scores;
}

std::optional<std::string> readChatTemplate(const fs::path& folder, const json& config) {
  const bool hasTemplate = fs::exists(folder / "chat_template.jinja") || fs::exists(folder / "chat_template.json") ||
                           (config.contains("chat_template") && !config["chat_template"].is_null());
  if (!hasTemplate) return std::nullopt;  // a base model: llama.cpp then has no chat format
  return formats::loadModelChatTemplate(folder).source;
}

}  // namespace

GgufVocabulary readGgufVocabulary(const fs::path& modelFolder, const formats::ModelConfig& config) {
  const fs::path tokenizerFile = modelFolder / "tokenizer.json";
  const fs::path configFile = modelFolder / "tokenizer_config.json";
  if (!fs::exists(tokenizerFile)) throw Error(modelFolder.string() + ": has no tokenizer.json, which GGUF needs.");
  const json tokenizer = readJsonFile(tokenizerFile);
  const json tokenizerConfig = fs::exists(configFile) ? readJsonFile(configFile) : json::object();
  const auto fail = [&](const std::string& field, const std::string& what) -> void {
    throw Error(tokenizerFile.string() + ": " + field + " " + what);
  };

  if (!tokenizer.is_object() || !tokenizerConfig.is_object()) {
    throw Error(modelFolder.string() + ": tokenizer.json and tokenizer_config.json must hold JSON objects.");
  }
  const auto modelFound = tokenizer.find("model");
  if (modelFound == tokenizer.end() || !modelFound->is_object() || modelFound->value("type", "BPE") != "BPE" ||
      !modelFound->contains("vocab") || !(*modelFound)["vocab"].is_object()) {
    fail("model", "is not a BPE model with a vocab: only BPE tokenizers can be exported to GGUF.");
  }
  const json& model = *modelFound;
  const auto preTokenizers = stagesOf(tokenizer, "pre_tokenizer", "pretokenizers");
  const bool byteLevel = hasStage(preTokenizers, "ByteLevel");
  const bool byteFallback = model.value("byte_fallback", false);
  if (!byteLevel && !byteFallback) {
    fail("model", "is neither byte-level (a ByteLevel pre-tokenizer) nor has byte_fallback: llama.cpp could not "
                  "tokenize text outside its vocabulary.");
  }

  GgufVocabulary vocabulary;
  vocabulary.model = byteLevel ? "gpt2" : "llama";
  vocabulary.pre = byteLevel ? preTokenizerName(preTokenizers, tokenizerFile) : "default";

  const auto vocabSize = static_cast<std::size_t>(config.vocabSize);
  std::vector<std::optional<std::string>> byId(vocabSize);
  std::unordered_map<std::string, std::int32_t> idOf;
  const auto place = [&](const std::string& token, std::uint64_t id, const std::string& field) {
    if (id >= vocabSize) {
      fail(field, "gives " + token + " the id " + std::to_string(id) + ", beyond config.json's vocab_size " +
                      std::to_string(vocabSize) + ".");
    }
    byId[id] = token;
    idOf[token] = static_cast<std::int32_t>(id);
  };
  for (const auto& [token, id] : model["vocab"].items()) {
    if (!id.is_number_unsigned()) fail("model.vocab." + token, "must be a token id.");
    place(token, id.get<std::uint64_t>(), "model.vocab");
  }
  std::vector<GgufTokenType> types(vocabSize, GgufTokenType::Normal);
  for (const json& added : tokenizer.value("added_tokens", json::array())) {
    if (!added.is_object() || !added.contains("content") || !added["content"].is_string() || !added.contains("id") ||
        !added["id"].is_number_unsigned()) {
      fail("added_tokens", "holds an entry without a \"content\" text and an \"id\".");
    }
    const std::string content = added["content"].get<std::string>();
    place(content, added["id"].get<std::uint64_t>(), "added_tokens");
    types[idOf[content]] = added.value("special", false) ? GgufTokenType::Control : GgufTokenType::UserDefined;
  }

  const std::regex byteToken("<0x[0-9A-Fa-f]{2}>");
  for (std::size_t id = 0; id < vocabSize; ++id) {
    if (!byId[id]) {
      // config.json's vocab_size is often padded past the tokenizer (to a multiple of 64 or 128);
      // llama.cpp needs one token per embedding row.
      vocabulary.tokens.push_back("[PAD" + std::to_string(id) + "]");
      types[id] = GgufTokenType::Unused;
    } else {
      vocabulary.tokens.push_back(*byId[id]);
      if (!byteLevel && types[id] == GgufTokenType::Normal && std::regex_match(*byId[id], byteToken)) {
        types[id] = GgufTokenType::Byte;
      }
    }
  }

  const auto specialId = [&](const std::string& text, const char* field) -> std::uint32_t {
    const auto found = idOf.find(text);
    if (found == idOf.end()) {
      throw Error(configFile.string() + ": " + field + " " + json(text).dump() + " is not in the vocabulary.");
    }
    return static_cast<std::uint32_t>(found->second);
  };
  for (const auto& [name, text] : formats::SpecialTokens::fromTokenizerConfig(tokenizerConfig).tokens) {
    if (name == "bos_token") vocabulary.bosId = specialId(text, "bos_token");
    if (name == "eos_token") vocabulary.eosId = specialId(text, "eos_token");
    if (name == "unk_token") vocabulary.unknownId = specialId(text, "unk_token");
    if (name == "pad_token") vocabulary.paddingId = specialId(text, "pad_token");
  }
  // config.json's ids fill what tokenizer_config.json leaves out (Qwen has no bos_token there).
  if (!vocabulary.bosId && config.bosTokenId) vocabulary.bosId = static_cast<std::uint32_t>(*config.bosTokenId);
  if (!vocabulary.eosId && !config.eosTokenIds.empty()) vocabulary.eosId = static_cast<std::uint32_t>(config.eosTokenIds[0]);
  if (vocabulary.bosId && *vocabulary.bosId < vocabSize) vocabulary.bosText = byId[*vocabulary.bosId];
  if (vocabulary.eosId && *vocabulary.eosId < vocabSize) vocabulary.eosText = byId[*vocabulary.eosId];
  if (vocabulary.unknownId) types[*vocabulary.unknownId] = GgufTokenType::Unknown;
  for (GgufTokenType type : types) vocabulary.tokenTypes.push_back(static_cast<std::int32_t>(type));

  std::vector<std::string> merges = readMerges(model, tokenizerFile);
  if (byteLevel) {
    vocabulary.merges = std::move(merges);
  } else {
    vocabulary.scores = mergeRankScores(merges, idOf, types);
  }
  readAddedSpecialTokens(tokenizer, tokenizerConfig, vocabulary);
  vocabulary.chatTemplate = readChatTemplate(modelFolder, tokenizerConfig);
  return vocabulary;
}

void addVocabularyMetadata(formats::GgufMetadata& metadata, const GgufVocabulary& vocabulary) {
  metadata.add("tokenizer.ggml.model", vocabulary.model);
  metadata.add("tokenizer.ggml.pre", vocabulary.pre);
  metadata.add("tokenizer.ggml.tokens", vocabulary.tokens);
  if (!vocabulary.scores.empty()) metadata.add("tokenizer.ggml.scores", vocabulary.scores);
  metadata.add("tokenizer.ggml.token_type", vocabulary.tokenTypes);
  // llama.cpp refuses a "gpt2" vocabulary without the merges key ("cannot find tokenizer merges in
  // model file"), also when the tokenizer has no merges at all (a byte-per-token vocabulary).
  if (vocabulary.model == "gpt2" || !vocabulary.merges.empty()) {
    metadata.add("tokenizer.ggml.merges", vocabulary.merges);
  }
  if (vocabulary.bosId) metadata.add("tokenizer.ggml.bos_token_id", *vocabulary.bosId);
  if (vocabulary.eosId) metadata.add("tokenizer.ggml.eos_token_id", *vocabulary.eosId);
  if (vocabulary.unknownId) metadata.add("tokenizer.ggml.unknown_token_id", *vocabulary.unknownId);
  if (vocabulary.paddingId) metadata.add("tokenizer.ggml.padding_token_id", *vocabulary.paddingId);
  metadata.add("tokenizer.ggml.add_bos_token", vocabulary.addBos);
  metadata.add("tokenizer.ggml.add_eos_token", vocabulary.addEos);
  if (vocabulary.chatTemplate) metadata.add("tokenizer.chat_template", *vocabulary.chatTemplate);
}

}  // namespace tiertune::exports
