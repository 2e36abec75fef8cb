#include "core/formats/model_folder.h"

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/formats/chat_template/chat_template.h"
#include "core/formats/chat_template/model_chat_template.h"
#include "core/formats/model_weights.h"
#include "core/formats/tokenizer/tokenizer.h"
#include "core/formats/weights_check.h"
#include "core/util/error.h"
#include "core/util/sha256.h"

namespace tiertune::formats {

namespace fs = std::filesystem;

namespace {

std::string torchName(Dtype dtype) {
  switch (dtype) {
    case Dtype::BF16: return "bfloat16";
    case Dtype::F16: return "float16";
    case Dtype::F32: return "float32";
    default: return std::string(dtypeName(dtype));
  }
}

// The dtype that holds most of the weights' bytes; "mixed" when no single one holds 90 %.
std::string dominantDtype(const ModelWeights& weights) {
  std::map<Dtype, std::uint64_t> bytes;
  std::uint64_t total = 0;
  for (const SafetensorsFile& file : weights.files()) {
    for (const TensorInfo& tensor : file.tensors()) {
      bytes[tensor.dtype] += tensor.byteCount();
      total += tensor.byteCount();
    }
  }
  for (const auto& [dtype, count] : bytes) {
    if (total > 0 && count * 10 >= total * 9) return torchName(dtype);
  }
  return total == 0 ? std::string() : "mixed";
}

void inspectTokenizer(ModelFolderFacts& facts) {
  const fs::path tokenizerFile = facts.folder / "tokenizer.json";
  if (!fs::exists(tokenizerFile)) {
    facts.problems.push_back(
        fs::exists(facts.folder / "tokenizer.model")
            ? Words(TIERTUNE_WORDS("Model folders",
                                   "tokenizer.json is missing; this folder only has tokenizer.model "
                                   "(SentencePiece), which Tiertune does not read yet. Download the "
                                   "model's tokenizer.json as well."),
                    {})
            : Words(TIERTUNE_WORDS("Model folders",
                                   "tokenizer.json is missing: Tiertune needs it to turn text into tokens."),
                    {}));
    return;
  }
  // Loading it is the whole check: every component is read the way encoding will use it.
  try {
    const tokenizer::Tokenizer loaded = tokenizer::Tokenizer::load(facts.folder);
    facts.hasTokenizer = true;
    facts.tokenizerVocabulary = loaded.vocabularySize();
    if (facts.config && facts.tokenizerVocabulary > static_cast<std::size_t>(facts.config->vocabSize)) {
      facts.problems.push_back(
          Words(TIERTUNE_WORDS("Model folders",
                               "The tokenizer has token ids up to %1 but the model has only %2 "
                               "token embeddings (vocab_size in config.json): they do not "
                               "belong together."),
                {std::to_string(facts.tokenizerVocabulary - 1), std::to_string(facts.config->vocabSize)}));
    }
  } catch (const Error& error) {
    facts.problems.push_back(
        Words(TIERTUNE_WORDS("Model folders", "The tokenizer cannot be used: %1"), {wordsOf(error)}));
  }
}

void inspectChatTemplate(ModelFolderFacts& facts) {
  std::string source;
  try {
    source = loadModelChatTemplate(facts.folder).source;
  } catch (const Error&) {
    facts.notes.push_back(Words(TIERTUNE_WORDS("Model folders",
                                               "The model has no chat template: it is a base model. Train it on "
                                               "plain text, or on conversations with a template chosen when "
                                               "you create the run."),
                                {}));
    return;
  }
  try {
    (void)ChatTemplate::parse(source);
    facts.hasChatTemplate = true;
  } catch (const Error& error) {
    facts.notes.push_back(Words(TIERTUNE_WORDS("Model folders",
                                               "The model's chat template cannot be read (%1); conversations need a "
                                               "template chosen when you create the run."),
                                {wordsOf(error)}));
  }
}

}  // namespace

ModelFolderFacts inspectModelFolder(const fs::path& folder) {
  ModelFolderFacts facts;
  std::error_code error;
  facts.folder = fs::absolute(folder, error).lexically_normal();
  if (facts.folder.has_filename() == false) facts.folder = facts.folder.parent_path();
  facts.name = facts.folder.filename().string();
  if (!fs::is_directory(facts.folder, error)) {
    facts.problems.push_back(Words(TIERTUNE_WORDS("Model folders", "%1 is not a folder."), {facts.folder.string()}));
    return facts;
  }

  const fs::path configFile = facts.folder / "config.json";
  if (!fs::exists(configFile)) {
    facts.problems.push_back(Words(
        TIERTUNE_WORDS("Model folders", "config.json is missing: this does not look like a Hugging Face model folder."),
        {}));
  } else {
    try {
      facts.config = loadModelConfig(configFile);
      facts.architecture = std::string(architectureName(facts.config->architecture));
      facts.parameterCount = parameterCount(*facts.config);
      facts.configSha256 = sha256HexOfFile(configFile);
    } catch (const Error& failure) {
      facts.problems.push_back(wordsOf(failure));
    }
  }

  try {
    const ModelWeights weights = ModelWeights::openFolder(facts.folder);
    facts.weightFiles = weights.files().size();
    for (const SafetensorsFile& file : weights.files()) facts.weightBytes += fs::file_size(file.path(), error);
    facts.weightsDtype = dominantDtype(weights);
    if (facts.config) {
      for (Words& problem : checkWeightsAgainstConfig(*facts.config, weights)) {
        facts.problems.push_back(std::move(problem));
      }
      for (Words& problem : checkWeightsAreFinite(*facts.config, weights)) {
        facts.problems.push_back(std::move(problem));
      }
    }
  } catch (const Error& failure) {
    facts.problems.push_back(wordsOf(failure));
  }
  if (facts.weightsDtype.empty() && facts.config) facts.weightsDtype = facts.config->dtype;

  inspectTokenizer(facts);
  // Without a readable config.json the folder is no model at all, so not "a base model" either.
  if (facts.config) inspectChatTemplate(facts);
  return facts;
}

}  // namespace tiertune::formats
