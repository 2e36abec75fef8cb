// Inspecting a model folder as a person adds it: a complete tiny model passes with the right
// figures; each way a download goes wrong gives a problem in words; registration stores the facts.
#include <QCryptographicHash>
#include <QTest>
#include <filesystem>
#include <fstream>

#include "core/catalog/catalog.h"
#include "core/settings/settings.h"
#include "core/catalog/model_registration.h"
#include "core/formats/model_folder.h"
#include "core/formats/safetensors_reader.h"
#include "core/util/error.h"
#include "safetensors_test_files.h"
#include "support/scratch.h"

using namespace tiertune;
using namespace tiertune::formats;
namespace fs = std::filesystem;

namespace {

constexpr const char* kTinyQwen2Config = R"({
  "architectures": ["Qwen2ForCausalLM"], "model_type": "qwen2",
  "hidden_size": 64, "intermediate_size": 128, "num_hidden_layers": 2,
  "num_attention_heads": 4, "num_key_value_heads": 2, "vocab_size": 256,
  "max_position_embeddings": 512, "rms_norm_eps": 1e-6, "rope_theta": 1000000.0,
  "tie_word_embeddings": true, "torch_dtype": "bfloat16", "bos_token_id": 1, "eos_token_id": 2
})";

// config.json, weights matching it, tokenizer.json and a chat template: what a download holds.
fs::path writeTinyModelFolder(const fs::path& folder, const std::string& configText = kTinyQwen2Config) {
  fs::create_directories(folder);
  test::writeFile(folder / "config.json", configText);
  test::writeTinyModel(parseModelConfig(kTinyQwen2Config), folder);
  test::writeFile(folder / "tokenizer.json", R"({"version":"1.0","model":{"type":"BPE","vocab":{"a":0},"merges":[]}})");
  test::writeFile(folder / "tokenizer_config.json",
                  R"({"chat_template":"{% for m in messages %}{{ m.content }}{% endfor %}"})");
  return folder;
}

bool mentions(const std::vector<Words>& problems, const std::string& words) {
  for (const std::string& problem : englishOf(problems)) {
    if (problem.find(words) != std::string::npos) return true;
  }
  return false;
}

std::string joined(const std::vector<Words>& lines) {
  std::string text;
  for (const std::string& line : englishOf(lines)) text += line + " | ";
  return text;
}

}  // namespace

class ModelFolderTest : public QObject {
  Q_OBJECT

 private:
  std::unique_ptr<QTemporaryDir> scratch_;
  fs::path folder(const std::string& name) const { return fs::path(scratch_->path().toStdString()) / name; }

 private slots:
  void init() { scratch_ = test::makeScratchDir(); }

  void aCompleteFolderIsUsableWithItsFigures() {
    const fs::path model = writeTinyModelFolder(folder("Tiny-Qwen2"));
    const ModelFolderFacts facts = inspectModelFolder(model);
    QVERIFY2(facts.usable(), joined(facts.problems).c_str());
    QCOMPARE(facts.name, std::string("Tiny-Qwen2"));
    QCOMPARE(facts.architecture, std::string("Qwen2ForCausalLM"));
    QVERIFY(facts.config.has_value());
    QCOMPARE(facts.config->layerCount, 2);
    // Parameters: every element of every tensor in the weights (embeddings tied).
    std::uint64_t elements = 0;
    for (const auto& tensor : expectedTensors(*facts.config)) {
      std::uint64_t count = 1;
      for (const auto dimension : tensor.shape) count *= static_cast<std::uint64_t>(dimension);
      elements += count;
    }
    QCOMPARE(facts.parameterCount, elements);
    QCOMPARE(facts.weightBytes, static_cast<std::uint64_t>(fs::file_size(model / "model.safetensors")));
    QCOMPARE(facts.weightFiles, 1u);
    QCOMPARE(facts.weightsDtype, std::string("bfloat16"));
    QVERIFY(facts.hasTokenizer);
    QVERIFY(facts.hasChatTemplate);
    QVERIFY(facts.notes.empty());
    const QByteArray expectedHash =
        QCryptographicHash::hash(QByteArray(kTinyQwen2Config), QCryptographicHash::Sha256).toHex();
    QCOMPARE(QByteArray::fromStdString(facts.configSha256), expectedHash);
  }

  void aMissingConfigIsAProblem() {
    const fs::path model = writeTinyModelFolder(folder("m"));
    fs::remove(model / "config.json");
    const ModelFolderFacts facts = inspectModelFolder(model);
    QVERIFY(!facts.usable());
    QVERIFY(mentions(facts.problems, "config.json is missing"));
    QVERIFY2(!mentions(facts.notes, "base model"), joined(facts.notes).c_str());  // it is no model at all
  }

  void anUnsupportedArchitectureIsNamed() {
    std::string config = kTinyQwen2Config;
    config.replace(config.find("Qwen2ForCausalLM"), 16, "GPT2LMHeadModel");
    const fs::path model = writeTinyModelFolder(folder("m"), config);
    const ModelFolderFacts facts = inspectModelFolder(model);
    QVERIFY(mentions(facts.problems, "GPT2LMHeadModel"));
    QVERIFY(mentions(facts.problems, "supported are"));
  }

  void weightsThatDoNotMatchTheConfigAreProblems() {
    std::string config = kTinyQwen2Config;
    config.replace(config.find("\"intermediate_size\": 128"), 24, "\"intermediate_size\": 96");
    const fs::path model = writeTinyModelFolder(folder("m"), config);
    const ModelFolderFacts facts = inspectModelFolder(model);
    QVERIFY(!facts.usable());
    QVERIFY2(mentions(facts.problems, "mlp"), joined(facts.problems).c_str());
  }

  // A NaN or an infinity in a tensor is a problem naming the tensor and the file, and the folder is
  // not registered (training would diverge, generation print garbage).
  void nonFiniteWeightsAreProblemsNamingTheTensor() {
    const fs::path model = writeTinyModelFolder(folder("m"));
    const fs::path weights = model / "model.safetensors";
    auto overwrite = [&](const std::string& tensor, std::size_t element, std::uint16_t bf16) {
      std::uint64_t offset = 0;
      {
        const SafetensorsFile file(weights);
        offset = file.layout().dataStart + file.find(tensor)->begin + 2 * element;
      }
      std::fstream out(weights, std::ios::binary | std::ios::in | std::ios::out);
      out.seekp(static_cast<std::streamoff>(offset));
      const char bytes[2] = {static_cast<char>(bf16 & 0xFF), static_cast<char>(bf16 >> 8)};
      out.write(bytes, 2);
    };
    QVERIFY(inspectModelFolder(model).usable());
    overwrite("model.layers.1.mlp.up_proj.weight", 7, 0x7FC0);  // NaN
    overwrite("model.layers.1.mlp.up_proj.weight", 9, 0xFF80);  // -infinity
    overwrite("model.norm.weight", 0, 0x7F80);                  // +infinity
    const ModelFolderFacts facts = inspectModelFolder(model);
    QVERIFY(!facts.usable());
    QVERIFY2(mentions(facts.problems, weights.string() + ": tensor model.layers.1.mlp.up_proj.weight holds values "
                                                         "that are not a number (NaN or infinite), 2 of them"),
             joined(facts.problems).c_str());
    QVERIFY2(mentions(facts.problems,
                      "tensor model.norm.weight holds values that are not a number (NaN or infinite), 1 of them"),
             joined(facts.problems).c_str());
    catalog::Catalog store = catalog::Catalog::open(folder("data") / settings::kCatalogFileName);
    QVERIFY(test::errorOf([&] { catalog::registerModelFolder(store, facts); }).find("not a number") !=
            std::string::npos);
    QVERIFY(store.models().empty());
  }

  // A weights file that is a link looping onto itself is named with the system's reason, not
  // reported as "no model weights found".
  void aSymlinkLoopAsWeightsIsNamed() {
    const fs::path model = writeTinyModelFolder(folder("m"));
    fs::remove(model / "model.safetensors");
    fs::create_symlink("model.safetensors", model / "model.safetensors");
    const ModelFolderFacts facts = inspectModelFolder(model);
    QVERIFY(!mentions(facts.problems, "no model weights found"));
    QVERIFY2(mentions(facts.problems, (model / "model.safetensors").string() +
                                          ": cannot open the file: Too many levels of symbolic links"),
             joined(facts.problems).c_str());
  }

  void onlyPytorchBinWeightsAskForSafetensors() {
    const fs::path model = writeTinyModelFolder(folder("m"));
    fs::remove(model / "model.safetensors");
    test::writeFile(model / "pytorch_model.bin", "not really");
    const ModelFolderFacts facts = inspectModelFolder(model);
    QVERIFY(!facts.usable());
    QVERIFY2(mentions(facts.problems, "safetensors version"), joined(facts.problems).c_str());
  }

  void tokenizerProblemsAreExplained() {
    const fs::path model = writeTinyModelFolder(folder("m"));
    fs::remove(model / "tokenizer.json");
    QVERIFY(mentions(inspectModelFolder(model).problems, "tokenizer.json is missing"));
    test::writeFile(model / "tokenizer.model", "sentencepiece");
    QVERIFY(mentions(inspectModelFolder(model).problems, "SentencePiece"));
    test::writeFile(model / "tokenizer.json", "{\"model\": ");
    QVERIFY(mentions(inspectModelFolder(model).problems, "tokenizer.json: not valid JSON"));
    // The tokenizer is loaded, so an unsupported part is named with its field.
    test::writeFile(model / "tokenizer.json",
                    R"({"model": {"type": "BPE", "vocab": {"a": 0}, "merges": []}, "pre_tokenizer": {"type": "BertPreTokenizer"}})");
    QVERIFY(mentions(inspectModelFolder(model).problems, "pre_tokenizer.type is \"BertPreTokenizer\""));
    // No tokens at all: said of tokenizer.json, not left for the chat template or an import to trip on.
    test::writeFile(model / "tokenizer.json", R"({"model": {"type": "BPE", "vocab": {}, "merges": []}})");
    QVERIFY2(mentions(inspectModelFolder(model).problems, "tokenizer.json: the vocabulary is empty"),
             joined(inspectModelFolder(model).problems).c_str());
    // Ids beyond the model's embeddings: the tokenizer belongs to another model.
    test::writeFile(model / "tokenizer.json", R"({"model": {"type": "BPE", "vocab": {"a": 0, "b": 100000}, "merges": []}})");
    const ModelFolderFacts facts = inspectModelFolder(model);
    QVERIFY2(mentions(facts.problems, "token ids up to 100000"), joined(facts.problems).c_str());
    QCOMPARE(facts.tokenizerVocabulary, std::size_t(100001));
  }

  void anUnreadableChatTemplateIsANote() {
    const fs::path model = writeTinyModelFolder(folder("m"));
    test::writeFile(model / "chat_template.jinja", "{% for m in messages %}{{ m.content }");
    const ModelFolderFacts facts = inspectModelFolder(model);
    QVERIFY(facts.usable());
    QVERIFY(!facts.hasChatTemplate);
    QVERIFY2(mentions(facts.notes, "chat template cannot be read"), joined(facts.notes).c_str());
  }

  void aBaseModelWithoutTemplateIsUsableWithANote() {
    const fs::path model = writeTinyModelFolder(folder("m"));
    test::writeFile(model / "tokenizer_config.json", R"({"bos_token":"<s>"})");
    ModelFolderFacts facts = inspectModelFolder(model);
    QVERIFY(facts.usable());
    QVERIFY(!facts.hasChatTemplate);
    QVERIFY(mentions(facts.notes, "no chat template"));
    // Newer downloads keep the template in its own file.
    test::writeFile(model / "chat_template.jinja", "{{ messages }}");
    QVERIFY(inspectModelFolder(model).hasChatTemplate);
  }

  void notAFolder() {
    const ModelFolderFacts facts = inspectModelFolder(folder("absent"));
    QVERIFY(mentions(facts.problems, "is not a folder"));
  }

  void registrationStoresTheFactsAndRefusesProblems() {
    catalog::Catalog store = catalog::Catalog::open(folder("data") / settings::kCatalogFileName);
    const ModelFolderFacts facts = inspectModelFolder(writeTinyModelFolder(folder("Tiny")));
    const catalog::Id id = catalog::registerModelFolder(store, facts);
    const auto record = store.model(id);
    QVERIFY(record);
    QCOMPARE(record->name, std::string("Tiny"));
    QCOMPARE(record->path, facts.folder.string());
    QCOMPARE(record->architecture, std::string("Qwen2ForCausalLM"));
    QCOMPARE(record->parameterCount, static_cast<std::int64_t>(facts.parameterCount));
    QCOMPARE(record->contextLength, 512);
    QCOMPARE(record->vocabSize, 256);
    QCOMPARE(record->dtype, std::string("bfloat16"));
    QCOMPARE(record->sizeBytes, static_cast<std::int64_t>(facts.weightBytes));
    QVERIFY(record->hasChatTemplate);
    QCOMPARE(record->configSha256, facts.configSha256);
    QVERIFY(!test::errorOf([&] { catalog::registerModelFolder(store, facts); }).empty());  // twice

    const fs::path broken = writeTinyModelFolder(folder("Broken"));
    fs::remove(broken / "tokenizer.json");
    const std::string message =
        test::errorOf([&] { catalog::registerModelFolder(store, inspectModelFolder(broken)); });
    QVERIFY(message.find("cannot be added") != std::string::npos);
    QVERIFY(message.find("tokenizer.json is missing") != std::string::npos);
    QCOMPARE(store.models().size(), 1u);
  }
};

QTEST_GUILESS_MAIN(ModelFolderTest)
#include "tst_model_folder.moc"
