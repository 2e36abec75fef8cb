// Reading tokenizer.json and tokenizer_config.json into a Definition. Every component the
// reference tokenizer (@lenml/tokenizers) runs the way Hugging Face's tokenizers library does is
// accepted; anything else is refused here, naming the file and the JSON path of the field, so
// that a model never trains on ids that differ from the ones its own tokenizer gives.
#include <nlohmann/json.hpp>

#include "core/formats/tokenizer/pipeline.h"
#include "core/util/error.h"
#include "core/util/json_text.h"

namespace tiertune::formats::tokenizer::detail {
namespace {

using nlohmann::json;

class Reader {
 public:
  explicit Reader(std::string label) : label_(std::move(label)) {}

  [[noreturn]] void fail(const std::string& path, const std::string& problem) const {
    throw Error(label_ + ": " + path + " " + problem);
  }
  // The JSON path of a field; an empty parent is the top level.
  static std::string join(const std::string& path, const char* key) { return path.empty() ? key : path + "." + key; }

  const json& object(const json& parent, const std::string& path) const {
    if (!parent.is_object()) fail(path, "must be an object");
    return parent;
  }
  std::string type(const json& component, const std::string& path) const {
    object(component, path);
    const auto found = component.find("type");
    if (found == component.end() || !found->is_string()) fail(path + ".type", "must name the component's type");
    return found->get<std::string>();
  }
  bool flag(const json& parent, const char* key, const std::string& path, bool fallback) const {
    const auto found = parent.find(key);
    if (found == parent.end() || found->is_null()) return fallback;
    if (!found->is_boolean()) fail(join(path, key), "must be true or false");
    return found->get<bool>();
  }
  std::string text(const json& parent, const char* key, const std::string& path) const {
    const auto found = parent.find(key);
    if (found == parent.end() || !found->is_string()) fail(join(path, key), "must be a string");
    return found->get<std::string>();
  }
  std::size_t count(const json& parent, const char* key, const std::string& path) const {
    const auto found = parent.find(key);
    if (found == parent.end() || !found->is_number_unsigned()) fail(join(path, key), "must be a non-negative integer");
    return found->get<std::size_t>();
  }
  const json& list(const json& parent, const char* key, const std::string& path) const {
    const auto found = parent.find(key);
    if (found == parent.end() || !found->is_array()) fail(join(path, key), "must be a list");
    return *found;
  }
  // {"String": "..."} as a literal; {"Regex": "..."} is only accepted where the caller can run it.
  std::string literalPattern(const json& parent, const std::string& path) const {
    const auto found = parent.find("pattern");
    if (found == parent.end() || !found->is_object()) fail(path + ".pattern", "must be {\"String\": ...} or {\"Regex\": ...}");
    if (found->contains("String") && (*found)["String"].is_string()) {
      std::string literal = (*found)["String"].get<std::string>();
      if (literal.empty()) fail(path + ".pattern.String", "must not be empty");
      return literal;
    }
    if (found->contains("Regex")) {
      fail(path + ".pattern.Regex", "is a regular expression; only plain strings are supported here");
    }
    fail(path + ".pattern", "must be {\"String\": ...}");
  }
  const std::string& label() const { return label_; }

 private:
  std::string label_;
};

std::string quotedText(const std::string& text) { return json(text).dump(-1, ' ', false, json::error_handler_t::replace); }

Normalizer parseNormalizer(const Reader& reader, const json& config, const std::string& path) {
  const std::string type = reader.type(config, path);
  Normalizer normalizer;
  if (type == "Sequence") {
    normalizer.kind = Normalizer::Kind::Sequence;
    const json& children = reader.list(config, "normalizers", path);
    for (std::size_t i = 0; i < children.size(); ++i) {
      normalizer.children.push_back(parseNormalizer(reader, children[i], path + ".normalizers[" + std::to_string(i) + "]"));
    }
  } else if (type == "NFC" || type == "NFD" || type == "NFKC" || type == "NFKD") {
    normalizer.kind = Normalizer::Kind::Unicode;
    normalizer.form = type == "NFC"    ? unicode::NormalForm::Nfc
                      : type == "NFD"  ? unicode::NormalForm::Nfd
                      : type == "NFKC" ? unicode::NormalForm::Nfkc
                                       : unicode::NormalForm::Nfkd;
  } else if (type == "Prepend") {
    normalizer.kind = Normalizer::Kind::Prepend;
    normalizer.text = reader.text(config, "prepend", path);
  } else if (type == "Replace") {
    normalizer.kind = Normalizer::Kind::Replace;
    normalizer.text = reader.literalPattern(config, path);
    normalizer.content = reader.text(config, "content", path);
    // The reference passes content to String.replaceAll, which reads "$&", "$1", ... specially.
    if (normalizer.content.find('$') != std::string::npos) {
      reader.fail(path + ".content", "contains \"$\", which the reference tokenizer would read as a pattern");
    }
  } else if (type == "Lowercase") {
    normalizer.kind = Normalizer::Kind::Lowercase;
  } else if (type == "StripAccents") {
    normalizer.kind = Normalizer::Kind::StripAccents;
  } else if (type == "Strip") {
    normalizer.kind = Normalizer::Kind::Strip;
    normalizer.left = reader.flag(config, "strip_left", path, false);
    normalizer.right = reader.flag(config, "strip_right", path, false);
  } else {
    reader.fail(path + ".type", "is " + quotedText(type) +
                                    ": this normalizer is not supported yet (supported: Sequence, NFC, NFD, NFKC, "
                                    "NFKD, Prepend, Replace, Lowercase, Strip, StripAccents)");
  }
  return normalizer;
}

void parsePreTokenizer(const Reader& reader, const json& config, const std::string& path,
                       std::vector<PreTokenizer>& stages) {
  const std::string type = reader.type(config, path);
  PreTokenizer stage;
  if (type == "Sequence") {
    const json& children = reader.list(config, "pretokenizers", path);
    for (std::size_t i = 0; i < children.size(); ++i) {
      parsePreTokenizer(reader, children[i], path + ".pretokenizers[" + std::to_string(i) + "]", stages);
    }
    return;
  }
  if (type == "ByteLevel") {
    stage.kind = PreTokenizer::Kind::ByteLevel;
    stage.addPrefixSpace = reader.flag(config, "add_prefix_space", path, false);
    stage.useRegex = reader.flag(config, "use_regex", path, true);
  } else if (type == "Split") {
    stage.kind = PreTokenizer::Kind::Split;
    stage.invert = reader.flag(config, "invert", path, false);
    const std::string behavior = reader.text(config, "behavior", path);
    // The reference splits every other behavior (MergedWithPrevious, Contiguous, ...) as Isolated,
    // which Hugging Face's library does not.
    if (behavior != "Isolated" && behavior != "Removed") {
      reader.fail(path + ".behavior", "is " + quotedText(behavior) + ": only Isolated and Removed are supported");
    }
    stage.removeDelimiters = behavior == "Removed";
    const auto pattern = config.find("pattern");
    if (pattern != config.end() && pattern->is_object() && pattern->contains("Regex")) {
      const json& regex = (*pattern)["Regex"];
      if (!regex.is_string()) reader.fail(path + ".pattern.Regex", "must be a string");
      stage.regex = recognizeSplitRegex(regex.get<std::string>());
      if (!stage.regex) {
        reader.fail(path + ".pattern.Regex",
                    "is a regular expression Tiertune does not know yet: " + quotedText(regex.get<std::string>()) +
                        " (known: the patterns of GPT-2, Llama 3 and Qwen2/Qwen3)");
      }
    } else {
      stage.literal = reader.literalPattern(config, path);
    }
  } else if (type == "Metaspace") {
    stage.kind = PreTokenizer::Kind::Metaspace;
    stage.replacement = reader.text(config, "replacement", path);
    if (stage.replacement.empty()) reader.fail(path + ".replacement", "must not be empty");
    stage.addPrefixSpace = reader.flag(config, "add_prefix_space", path, false);
    if (const auto rep = config.find("str_rep"); rep != config.end() && !rep->is_null() &&
                                                 !(rep->is_string() && rep->get<std::string>() == stage.replacement)) {
      reader.fail(path + ".str_rep", "differs from replacement, which is not supported");
    }
    const auto scheme = config.find("prepend_scheme");
    const std::string prepend = scheme == config.end() || scheme->is_null() ? "always" : reader.text(config, "prepend_scheme", path);
    if (prepend == "always") {
      stage.prepend = PreTokenizer::Prepend::Always;
    } else if (prepend == "first") {
      stage.prepend = PreTokenizer::Prepend::First;
    } else if (prepend == "never") {
      stage.prepend = PreTokenizer::Prepend::Never;
    } else {
      reader.fail(path + ".prepend_scheme", "is " + quotedText(prepend) + ": expected always, first or never");
    }
  } else if (type == "Digits") {
    stage.kind = PreTokenizer::Kind::Digits;
    stage.individualDigits = reader.flag(config, "individual_digits", path, false);
  } else if (type == "WhitespaceSplit") {
    stage.kind = PreTokenizer::Kind::WhitespaceSplit;
  } else {
    reader.fail(path + ".type", "is " + quotedText(type) +
                                    ": this pre-tokenizer is not supported yet (supported: Sequence, ByteLevel, "
                                    "Split, Metaspace, Digits, WhitespaceSplit)");
  }
  stages.push_back(std::move(stage));
}

Decoder parseDecoder(const Reader& reader, const json& config, const std::string& path) {
  const std::string type = reader.type(config, path);
  Decoder decoder;
  if (type == "Sequence") {
    decoder.kind = Decoder::Kind::Sequence;
    const json& children = reader.list(config, "decoders", path);
    for (std::size_t i = 0; i < children.size(); ++i) {
      decoder.children.push_back(parseDecoder(reader, children[i], path + ".decoders[" + std::to_string(i) + "]"));
    }
  } else if (type == "ByteLevel") {
    decoder.kind = Decoder::Kind::ByteLevel;
  } else if (type == "Replace") {
    decoder.kind = Decoder::Kind::Replace;
    decoder.pattern = reader.literalPattern(config, path);
    decoder.content = reader.text(config, "content", path);
    if (decoder.content.find('$') != std::string::npos) {
      reader.fail(path + ".content", "contains \"$\", which the reference tokenizer would read as a pattern");
    }
  } else if (type == "ByteFallback") {
    decoder.kind = Decoder::Kind::ByteFallback;
  } else if (type == "Fuse") {
    decoder.kind = Decoder::Kind::Fuse;
  } else if (type == "Strip") {
    decoder.kind = Decoder::Kind::Strip;
    decoder.content = reader.text(config, "content", path);
    decoder.start = reader.count(config, "start", path);
    decoder.stop = reader.count(config, "stop", path);
  } else if (type == "Metaspace") {
    decoder.kind = Decoder::Kind::Metaspace;
    decoder.replacement = reader.text(config, "replacement", path);
    if (decoder.replacement.empty()) reader.fail(path + ".replacement", "must not be empty");
    decoder.addPrefixSpace = reader.flag(config, "add_prefix_space", path, false);
  } else {
    reader.fail(path + ".type", "is " + quotedText(type) +
                                    ": this decoder is not supported yet (supported: Sequence, ByteLevel, Replace, "
                                    "ByteFallback, Fuse, Strip, Metaspace)");
  }
  return decoder;
}

// Token strings of the post-processor, resolved to ids once the vocabulary is known.
struct PostTokens {
  std::vector<std::string> before, after;
};

void parsePostProcessor(const Reader& reader, const json& config, const std::string& path, PostTokens& tokens) {
  const std::string type = reader.type(config, path);
  if (type == "Sequence") {
    const json& children = reader.list(config, "processors", path);
    for (std::size_t i = 0; i < children.size(); ++i) {
      parsePostProcessor(reader, children[i], path + ".processors[" + std::to_string(i) + "]", tokens);
    }
  } else if (type == "ByteLevel") {
    // Only offsets change; the tokens stay.
  } else if (type == "TemplateProcessing") {
    // The single-sequence template: special tokens around the one sequence "A". A later
    // template replaces an earlier one, as the reference's sequence does.
    PostTokens own;
    bool seenSequence = false;
    const json& single = reader.list(config, "single", path);
    for (std::size_t i = 0; i < single.size(); ++i) {
      const std::string itemPath = path + ".single[" + std::to_string(i) + "]";
      const json& item = single[i];
      if (item.is_object() && item.contains("SpecialToken")) {
        const json& special = item["SpecialToken"];
        if (!special.is_object()) reader.fail(itemPath + ".SpecialToken", "must be an object");
        (seenSequence ? own.after : own.before).push_back(reader.text(special, "id", itemPath + ".SpecialToken"));
      } else if (item.is_object() && item.contains("Sequence")) {
        const json& sequence = item["Sequence"];
        if (!sequence.is_object() || reader.text(sequence, "id", itemPath + ".Sequence") != "A" || seenSequence) {
          reader.fail(itemPath, "must be the one sequence \"A\" of a single-sequence template");
        }
        seenSequence = true;
      } else {
        reader.fail(itemPath, "must be a SpecialToken or a Sequence");
      }
    }
    if (!seenSequence) reader.fail(path + ".single", "has no Sequence \"A\"");
    tokens = std::move(own);
  } else if (type == "RobertaProcessing" || type == "BertProcessing") {
    const auto tokenOf = [&](const char* key) {
      const auto found = config.find(key);
      if (found == config.end() || !found->is_array() || found->empty() || !(*found)[0].is_string()) {
        reader.fail(path + "." + key, "must be [token, id]");
      }
      return (*found)[0].get<std::string>();
    };
    tokens.before = {tokenOf("cls")};
    tokens.after = {tokenOf("sep")};
  } else {
    reader.fail(path + ".type", "is " + quotedText(type) +
                                    ": this post-processor is not supported yet (supported: Sequence, ByteLevel, "
                                    "TemplateProcessing, RobertaProcessing, BertProcessing)");
  }
}

std::vector<AddedToken> parseAddedTokens(const Reader& reader, const json& root) {
  std::vector<AddedToken> tokens;
  const auto found = root.find("added_tokens");
  if (found == root.end() || found->is_null()) return tokens;
  if (!found->is_array()) reader.fail("added_tokens", "must be a list");
  for (std::size_t i = 0; i < found->size(); ++i) {
    const std::string path = "added_tokens[" + std::to_string(i) + "]";
    const json& entry = (*found)[i];
    if (!entry.is_object()) reader.fail(path, "must be an object");
    AddedToken token;
    token.content = reader.text(entry, "content", path);
    if (token.content.empty()) reader.fail(path + ".content", "must not be empty");
    if (unicode::findInvalidUtf8(token.content) != std::string::npos) reader.fail(path + ".content", "is not valid UTF-8");
    const auto id = entry.find("id");
    if (id == entry.end() || !id->is_number_unsigned() || id->get<std::uint64_t>() > 4'000'000) {
      reader.fail(path + ".id", "must be a token id (a non-negative integer)");
    }
    token.id = id->get<std::int32_t>();
    token.special = reader.flag(entry, "special", path, false);
    token.lstrip = reader.flag(entry, "lstrip", path, false);
    token.rstrip = reader.flag(entry, "rstrip", path, false);
    // The reference ignores single_word, which changes where Hugging Face's library matches.
    if (reader.flag(entry, "single_word", path, false)) {
      reader.fail(path + ".single_word", "is true, which is not supported yet");
    }
    tokens.push_back(std::move(token));
  }
  return tokens;
}

json parseJson(std::string_view text, const std::string& label) {
  try {
 return parseJsonText(text, label);
  } catch (const json::exception& error) {
    throw Error(label + ": not valid JSON (" + error.what() + ")");
  }
}

}  // namespace

Definition parseDefinition(std::string_view tokenizerJson, std::string_view configJson, const std::string& label) {
  const Reader reader(label);
  const json root = parseJson(tokenizerJson, label);
  if (!root.is_object()) reader.fail("the file", "must hold a JSON object");
  Definition definition;

  const auto model = root.find("model");
  if (model == root.end() || !model->is_object()) reader.fail("model", "is missing");
  const auto modelType = model->find("type");
  // Files from before "type" existed are BPE when they have merges, as the reference reads them.
  const bool isBpe = modelType == model->end() ? model->contains("merges")
                                               : modelType->is_string() && modelType->get<std::string>() == "BPE";
  if (!isBpe) {
    reader.fail("model.type", "is " + (modelType == model->end() ? std::string("missing") : modelType->dump()) +
                                  ": only BPE tokenizers (Llama, Mistral, Qwen, GPT-2 style) are supported yet");
  }

  definition.addedTokens = parseAddedTokens(reader, root);
  std::vector<AddedTokenId> addedIds;
  for (const AddedToken& token : definition.addedTokens) {
    addedIds.push_back({token.content, token.id});
    if (token.special) definition.specialTokens.insert(token.content);
  }
  definition.model = std::make_unique<BpeModel>(*model, addedIds, label);
  definition.fuseUnknown = reader.flag(*model, "fuse_unk", "model", false);

  if (const auto found = root.find("normalizer"); found != root.end() && !found->is_null()) {
    definition.normalizer = parseNormalizer(reader, *found, "normalizer");
  }
  if (const auto found = root.find("pre_tokenizer"); found != root.end() && !found->is_null()) {
    parsePreTokenizer(reader, *found, "pre_tokenizer", definition.preTokenizers);
  }
  if (const auto found = root.find("decoder"); found != root.end() && !found->is_null()) {
    definition.decoder = parseDecoder(reader, *found, "decoder");
  }
  if (const auto found = root.find("post_processor"); found != root.end() && !found->is_null()) {
    PostTokens tokens;
    parsePostProcessor(reader, *found, "post_processor", tokens);
    const auto resolve = [&](const std::vector<std::string>& names, std::vector<std::int32_t>& ids) {
      for (const std::string& name : names) {
        const std::optional<std::int32_t> id = definition.model->tokenId(name);
        if (!id) reader.fail("post_processor", "adds the token " + quotedText(name) + ", which is not in the vocabulary");
        ids.push_back(*id);
      }
    };
    resolve(tokens.before, definition.postProcessor.before);
    resolve(tokens.after, definition.postProcessor.after);
  }

  if (configJson.empty()) return definition;
  const std::string configLabel = label.ends_with("tokenizer.json")
                                      ? label.substr(0, label.size() - 14) + "tokenizer_config.json"
                                      : label + " (tokenizer_config.json)";
  const Reader configReader(configLabel);
  const json config = parseJson(configJson, configLabel);
  if (!config.is_object()) configReader.fail("the file", "must hold a JSON object");
  definition.cleanUpTokenizationSpaces = configReader.flag(config, "clean_up_tokenization_spaces", "", true);
  definition.removeSpace = configReader.flag(config, "remove_space", "", false);
  definition.lowercaseAndRemoveAccents = configReader.flag(config, "do_lowercase_and_remove_accent", "", false);
  if (const auto extra = config.find("additional_special_tokens"); extra != config.end() && extra->is_array()) {
    for (const json& token : *extra) {
      if (token.is_string()) definition.specialTokens.insert(token.get<std::string>());
    }
  }
  // A LlamaTokenizer with legacy false makes the reference replace the normalizer and the
  // pre-tokenizer of tokenizer.json, which Hugging Face's fast tokenizer does not.
  if (const auto tokenizerClass = config.find("tokenizer_class");
      tokenizerClass != config.end() && tokenizerClass->is_string() &&
      (tokenizerClass->get<std::string>() == "LlamaTokenizer" || tokenizerClass->get<std::string>() == "LlamaTokenizerFast") &&
      config.contains("legacy") && config["legacy"] == false) {
    configReader.fail("legacy", "is false for a LlamaTokenizer, which is not supported yet");
  }
  return definition;
}

}  // namespace tiertune::formats::tokenizer::detail
