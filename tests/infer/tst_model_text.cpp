// What generation reads from a model folder besides the weights (core/infer/model_text.h): the
// end-of-text ids from generation_config.json (else config.json) joined with tokenizer_config.json's
// eos_token, a conversation rendered through the chat template with the generation prompt, its
// tokens without a second BOS, and a clear error for chatting with a model that has no template.
#include <QTest>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "core/formats/model_config.h"
#include "core/infer/model_text.h"
#include "core/util/error.h"
#include "support/byte_tokenizer.h"
#include "support/scratch.h"
#include "support/tiny_model.h"

using namespace tiertune;
namespace fs = std::filesystem;

namespace {

// A folder with the byte-level tokenizer; chatTemplate empty for none.
fs::path writeTextFolder(const fs::path& folder, const std::string& chatTemplate) {
  fs::create_directories(folder);
  std::ofstream(folder / "tokenizer.json") << test::byteTokenizerJson();
  nlohmann::json config = {{"bos_token", "<s>"}, {"eos_token", "<|im_end|>"}};
  if (!chatTemplate.empty()) config["chat_template"] = chatTemplate;
  std::ofstream(folder / "tokenizer_config.json") << config.dump();
  return folder;
}

}  // namespace

class ModelTextTest : public QObject {
  Q_OBJECT

 private slots:
  void endOfTextIds() {
    const auto scratch = test::makeScratchDir();
    const fs::path folder = writeTextFolder(fs::path(scratch->path().toStdString()) / "m", test::kChatMlTemplate);
    const formats::ModelConfig config = formats::parseModelConfig(test::kTinyLlamaConfig);  // eos 2
    // Without generation_config.json: config.json's id and the tokenizer's eos_token.
    QCOMPARE(infer::loadModelText(folder, config).eosIds, (std::vector<std::int32_t>{2, test::kByteImEnd}));
    // generation_config.json's list replaces config.json's.
    std::ofstream(folder / "generation_config.json") << R"({"eos_token_id": [259, 257]})";
    QCOMPARE(infer::loadModelText(folder, config).eosIds, (std::vector<std::int32_t>{test::kByteImEnd, test::kByteEos}));
  }

  void chatPromptEndsWithTheGenerationPrompt() {
    const auto scratch = test::makeScratchDir();
    const fs::path folder = writeTextFolder(fs::path(scratch->path().toStdString()) / "m", test::kChatMlTemplate);
    const infer::ModelText text = infer::loadModelText(folder, formats::parseModelConfig(test::kTinyLlamaConfig));
    const nlohmann::ordered_json messages = nlohmann::ordered_json::array(
        {{{"role", "system"}, {"content", "Be brief."}}, {{"role", "user"}, {"content", "Hi"}}});
    const std::string prompt = infer::renderChatPrompt(text, messages);
    QCOMPARE(prompt, std::string("<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n"
                                 "<|im_start|>assistant\n"));
    const std::vector<std::int32_t> ids = infer::encodePrompt(text, prompt, true);
    QCOMPARE(ids.front(), test::kByteImStart);  // the template's own special token, no BOS before it
    QCOMPARE(ids.back(), std::int32_t{'\n'});
  }

  void chattingWithoutATemplateIsExplained() {
    const auto scratch = test::makeScratchDir();
    const fs::path folder = writeTextFolder(fs::path(scratch->path().toStdString()) / "m", "");
    const infer::ModelText text = infer::loadModelText(folder, formats::parseModelConfig(test::kTinyLlamaConfig));
    QVERIFY(!text.chatTemplate);
    try {
      infer::renderChatPrompt(text, nlohmann::ordered_json::array({{{"role", "user"}, {"content", "Hi"}}}));
      QFAIL("a model without a chat template chatted");
    } catch (const Error& error) {
      QVERIFY(QString::fromStdString(error.what()).contains(QStringLiteral("no chat template")));
    }
  }
};

QTEST_APPLESS_MAIN(ModelTextTest)
#include "tst_model_text.moc"
