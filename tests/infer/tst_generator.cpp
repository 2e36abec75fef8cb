// The generation loop (core/infer/generator.h) on scripted models whose greedy output the test
// chooses, with the byte-level test tokenizer (one token per byte): stop strings spanning several
// tokens are never shown, not even in part; end-of-text ids, the token limit and the context end
// generation; pieces never split a UTF-8 character; a cancel flag set from another thread stops a
// generation running on a worker thread.
#include <QTest>
#include <atomic>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "core/formats/tokenizer/tokenizer.h"
#include "core/formats/model_config.h"
#include "core/infer/generator.h"
#include "core/infer/model_runner.h"
#include "core/model/base_weights.h"
#include "core/infer/sequence_model.h"
#include "core/util/error.h"
#include "support/byte_tokenizer.h"
#include "support/tiny_model.h"
#include "kernels/backend.h"

using namespace tiertune;
using namespace tiertune::infer;

namespace {

constexpr std::size_t kVocab = 260;

// Greedy decoding of it yields script (then repeats its last token), whatever the input.
class ScriptedModel final : public SequenceModel {
 public:
  explicit ScriptedModel(std::vector<std::int32_t> script, std::size_t context = 1000)
      : script_(std::move(script)), context_(context) {}
  std::vector<float> prefill(std::span<const std::int32_t> prompt) override {
    length_ = 0;
    produced_ = 0;
    return append(prompt);
  }
  std::vector<float> append(std::span<const std::int32_t> tokens) override {
    length_ += tokens.size();
    if (length_ > context_) throw std::logic_error("the generator ran a model past its context");
    ++passes;
    std::vector<float> logits(vocabulary, 0.0f);
    logits[static_cast<std::size_t>(script_[std::min(produced_++, script_.size() - 1)])] = 10.0f;
    if (loudPadding >= 0) logits[static_cast<std::size_t>(loudPadding)] = 20.0f;
    return logits;
  }
  std::size_t length() const override { return length_; }
  std::size_t contextLength() const override { return context_; }
  std::atomic<int> passes{0};
  std::size_t vocabulary = kVocab;  // the model's; more than the tokenizer's when padded
  std::int32_t loudPadding = -1;    // an id past the tokenizer's given the highest logit

 private:
  std::vector<std::int32_t> script_;
  std::size_t context_;
  std::size_t length_ = 0;
  std::size_t produced_ = 0;
};

std::vector<std::int32_t> bytes(const std::string& text) {
  std::vector<std::int32_t> ids;
  for (const char c : text) ids.push_back(static_cast<unsigned char>(c));
  return ids;
}

GenerationSettings greedy(std::size_t maxNewTokens, std::vector<std::string> stops = {}) {
  GenerationSettings settings;
  settings.sampling.temperature = 0;
  settings.maxNewTokens = maxNewTokens;
  settings.stopStrings = std::move(stops);
  settings.eosIds = {test::kByteEos};
  return settings;
}

struct Run {
  GenerationResult result;
  std::vector<std::string> pieces;
};

}  // namespace

class GeneratorTest : public QObject {
  Q_OBJECT

  formats::tokenizer::Tokenizer tokenizer_ = formats::tokenizer::Tokenizer::fromJson(test::byteTokenizerJson(), "", "bytes");
  const std::vector<std::int32_t> prompt_ = bytes("Q:");

  Run run(ScriptedModel& model, const GenerationSettings& settings) {
    Run run;
    run.result = generate(model, tokenizer_, prompt_, settings,
                          [&](std::string_view piece) { run.pieces.emplace_back(piece); });
    std::string joined;
    for (const std::string& piece : run.pieces) joined += piece;
    if (joined != run.result.text) throw std::logic_error("the pieces do not add up to the text");
    return run;
  }

 private slots:
  void stopStringOverSeveralTokensIsNeverShown() {
    ScriptedModel model(bytes("Hello ##END## and more"));
    const Run r = run(model, greedy(100, {"##END##"}));
    QCOMPARE(r.result.text, std::string("Hello "));
    QCOMPARE(r.result.reason, StopReason::StopString);
    for (const std::string& piece : r.pieces) QVERIFY2(piece.find('#') == std::string::npos, piece.c_str());
  }

  void aStopStringsStartIsShownOnceItIsNotOne() {
    // "a#b": the "#" is held while it could start "##END##", then shown with the "b".
    ScriptedModel model(bytes("a#b#"));
    const Run r = run(model, greedy(4, {"##END##", "Stop"}));
    QCOMPARE(r.result.text, std::string("a#b#"));  // the last "#" comes out at the end
    QCOMPARE(r.pieces, (std::vector<std::string>{"a", "#b", "#"}));
    QCOMPARE(r.result.reason, StopReason::MaxTokens);
  }

  void idsPastTheTokenizersVocabularyAreNeverChosen() {
    // A vocabulary padded past the tokenizer's (Qwen2.5: 151936 against 151665), its padding the
    // loudest: greedy and sampled generation both keep to ids the tokenizer can decode.
    ScriptedModel model({'O', 'k', test::kByteEos});
    model.vocabulary = 300;
    model.loudPadding = 290;
    QCOMPARE(run(model, greedy(10)).result.text, std::string("Ok"));
    GenerationSettings sampled = greedy(10);
    sampled.sampling.temperature = 1.0;
    sampled.sampling.seed = 3;
    ScriptedModel again({'O', 'k', test::kByteEos});
    again.vocabulary = 300;
    again.loudPadding = 299;
    const Run r = run(again, sampled);
    for (const std::int32_t token : r.result.tokens) QVERIFY(token < 260);
  }

  // Batched generation on a real (tiny, random) model: five requests through three slots, each
  // result what generate() gives for it alone with the same weights: the same tokens and text
  // (greedy; the logits agree to fp32 summation order, far from a tie on these weights), the same
  // stop reason, the prompt's length.
  void aBatchGivesWhatEachRequestGivesAlone() {
    std::string config = test::kTinyLlamaConfig;
    config.replace(config.find("\"vocab_size\":64"), 15, "\"vocab_size\":260");
    const formats::ModelConfig modelConfig = formats::parseModelConfig(config);
    const auto backend = kernels::makeCpuBackend();
    const auto weights = [&] {
      auto base = std::make_unique<model::ParameterTable>(*backend, model::baseParameterSpecs(modelConfig));
      model::initializeBaseWeights(*base, 21, 0.3);
      return base;
    };
    infer::ModelRunner alone(*backend, modelConfig, weights());
    infer::ModelRunner batch(*backend, modelConfig, weights(), nullptr, std::nullopt, 3);
    const std::vector<std::string> prompts = {"Q:", "Hello there", "a", "The quick brown fox", "zz"};
    std::vector<BatchRequest> requests;
    for (std::size_t i = 0; i < prompts.size(); ++i) {
      BatchRequest request;
      request.tag = 100 + i;
      request.prompt = bytes(prompts[i]);
      request.settings = greedy(4 + 3 * i);
      request.settings.eosIds = {static_cast<std::int32_t>('\n')};  // some end early, some at the limit
      requests.push_back(request);
    }
    std::size_t taken = 0;
    std::map<std::uint64_t, GenerationResult> results;
    generateBatch(
        batch, tokenizer_, [&]() -> std::optional<BatchRequest> {
          if (taken == requests.size()) return std::nullopt;
          return requests[taken++];
        },
        [&](std::uint64_t tag, GenerationResult result) { results.emplace(tag, std::move(result)); });
    QCOMPARE(results.size(), requests.size());
    for (const BatchRequest& request : requests) {
      const GenerationResult expected = generate(alone, tokenizer_, request.prompt, request.settings);
      const GenerationResult& got = results.at(request.tag);
      QCOMPARE(got.tokens, expected.tokens);
      QCOMPARE(got.text, expected.text);
      QCOMPARE(got.reason, expected.reason);
      QCOMPARE(got.promptTokens, request.prompt.size());
    }
  }

  // Work added as results come (a retry) is taken; a cancel ends every running sequence with
  // Cancelled, each still reported, and takes no more requests.
  void aBatchTakesLaterWorkAndStopsOnCancel() {
    ScriptedModel model({'a', 'b', test::kByteEos});
    OneAtATime one(model);
    std::vector<std::uint64_t> order;
    std::size_t offered = 0;
    std::atomic<bool> cancel{false};
    generateBatch(
        one, tokenizer_, [&]() -> std::optional<BatchRequest> {
          if (offered >= 1 + order.size() || offered == 4) return std::nullopt;  // one more per result
          BatchRequest request;
          request.tag = offered++;
          request.prompt = prompt_;
          request.settings = greedy(10);
          return request;
        },
        [&](std::uint64_t tag, GenerationResult result) {
          QCOMPARE(result.text, std::string(tag < 2 ? "ab" : ""));
          QCOMPARE(result.reason, tag < 2 ? StopReason::EndOfText : StopReason::Cancelled);
          order.push_back(tag);
          if (tag == 1) cancel = true;
        },
        &cancel);
    QCOMPARE(order, (std::vector<std::uint64_t>{0, 1}));
  }

  void endOfTextIdStops() {
    ScriptedModel model({'H', 'i', test::kByteEos, 'x'});
    const Run r = run(model, greedy(100));
    QCOMPARE(r.result.text, std::string("Hi"));
    QCOMPARE(r.result.tokens, (std::vector<std::int32_t>{'H', 'i'}));
    QCOMPARE(r.result.reason, StopReason::EndOfText);
  }

  void tokenLimitStopsWithoutAnExtraPass() {
    ScriptedModel model(bytes("abcdefgh"));
    const Run r = run(model, greedy(5));
    QCOMPARE(r.result.text, std::string("abcde"));
    QCOMPARE(r.result.reason, StopReason::MaxTokens);
    QCOMPARE(model.passes.load(), 5);  // the prefill and four decodes: the fifth token needs no pass
    QCOMPARE(r.result.promptTokens, prompt_.size());
    QCOMPARE(r.result.decodeSteps, std::size_t{4});
  }

  void theContextEndsGeneration() {
    ScriptedModel model(bytes("abcdefgh"), prompt_.size() + 3);
    const Run r = run(model, greedy(100));
    QCOMPARE(r.result.reason, StopReason::ContextFull);
    QCOMPARE(r.result.text, std::string("abcd"));  // three fill the context, the fourth is not run
  }

  void aPromptThatFillsTheContextIsRefused() {
    ScriptedModel model(bytes("abc"), prompt_.size());
    try {
      generate(model, tokenizer_, prompt_, greedy(10));
      QFAIL("a prompt as long as the context was accepted");
    } catch (const Error& error) {
      QVERIFY(QString::fromStdString(error.what()).contains(QStringLiteral("context of 2 tokens")));
    }
  }

  void piecesNeverSplitAUtf8Character() {
    const std::string text = "a\xC3\xB1\xE2\x82\xAC\xF0\x9F\x98\x80z";  // a ñ € 😀 z
    ScriptedModel model(bytes(text));
    const Run r = run(model, greedy(text.size()));
    QCOMPARE(r.result.text, text);
    QCOMPARE(r.pieces, (std::vector<std::string>{"a", "\xC3\xB1", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "z"}));
  }

  void cancelFromAnotherThread() {
    ScriptedModel model(bytes("x"));  // x forever
    std::atomic<bool> cancel{false};
    std::atomic<int> pieces{0};
    GenerationResult result;
    std::thread worker([&] {
      result = generate(model, tokenizer_, prompt_, greedy(1000000), [&](std::string_view) { ++pieces; }, &cancel);
    });
    while (pieces.load() < 3) std::this_thread::yield();
    cancel = true;
    worker.join();
    QCOMPARE(result.reason, StopReason::Cancelled);
    QVERIFY(result.tokens.size() >= 3 && result.tokens.size() < 1000000);
    QCOMPARE(result.text, std::string(result.tokens.size(), 'x'));
  }
};

QTEST_APPLESS_MAIN(GeneratorTest)
#include "tst_generator.moc"
