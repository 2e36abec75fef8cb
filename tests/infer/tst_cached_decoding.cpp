// Generation with a KV cache (ModelRunner: prefill, then one token per pass) against the Decoder's
// full forward over the same prefix, on the same CPU backend: the logits of every step agree within
// a relative error of 1e-5 of their largest value (the same fp32 ops; only the attention sums run
// in another order), for MHA and GQA, qkv bias, qk-norm, tied heads and a LoRA adapter. And the
// KV cache keeps its rows when it grows and refuses to pass the model's context.
#include <QTest>
#include <memory>
#include <utility>
#include <vector>

#include "core/formats/model_config.h"
#include "core/infer/kv_cache.h"
#include "core/infer/model_runner.h"
#include "core/model/base_weights.h"
#include "core/model/decoder.h"
#include "core/model/lora.h"
#include "core/util/error.h"
#include "kernels/backend.h"
#include "support/relative_error.h"

using namespace tiertune;

namespace {

constexpr double kTolerance = 1e-5;

const char* const kLlamaGqa =
    R"({"architectures":["LlamaForCausalLM"],"model_type":"llama","hidden_size":32,"num_hidden_layers":3,
        "num_attention_heads":4,"num_key_value_heads":2,"intermediate_size":48,"vocab_size":67,
        "max_position_embeddings":64,"rms_norm_eps":1e-5,"rope_theta":10000.0,"tie_word_embeddings":false})";
const char* const kQwen2Bias =
    R"({"architectures":["Qwen2ForCausalLM"],"model_type":"qwen2","hidden_size":32,"num_hidden_layers":2,
        "num_attention_heads":4,"num_key_value_heads":1,"intermediate_size":44,"vocab_size":71,
        "max_position_embeddings":64,"rms_norm_eps":1e-6,"rope_theta":1000000.0,"tie_word_embeddings":false,
        "use_sliding_window":false})";
const char* const kQwen3Tied =
    R"({"architectures":["Qwen3ForCausalLM"],"model_type":"qwen3","hidden_size":32,"num_hidden_layers":2,
        "num_attention_heads":4,"num_key_value_heads":2,"head_dim":12,"intermediate_size":40,"vocab_size":59,
        "max_position_embeddings":64,"rms_norm_eps":1e-6,"rope_theta":1000000.0,"tie_word_embeddings":true,
        "use_sliding_window":false})";

std::unique_ptr<model::ParameterTable> randomBase(kernels::Backend& backend, const formats::ModelConfig& config) {
  auto base = std::make_unique<model::ParameterTable>(backend, model::baseParameterSpecs(config));
  model::initializeBaseWeights(*base, 11, 0.2);
  return base;
}

// A LoRA adapter of rank 4 whose B is not zero (after initialization it is; a trained one's is
// not), or none.
std::pair<std::unique_ptr<model::ParameterTable>, std::optional<model::LoraConfig>> randomAdapter(
    kernels::Backend& backend, const formats::ModelConfig& config, bool wanted) {
  if (!wanted) return {nullptr, std::nullopt};
  model::LoraConfig lora;
  lora.rank = 4;
  auto adapter = std::make_unique<model::ParameterTable>(backend, model::loraParameterSpecs(config, lora));
  model::initializeLora(*adapter, config, lora, 5);
  for (const model::ParameterEntry& entry : adapter->entries()) {
    if (entry.spec.name.find("lora_B") != std::string::npos) backend.fill(adapter->tensor(entry.spec.name), 0.03f);
  }
  return {std::move(adapter), lora};
}

}  // namespace

class CachedDecodingTest : public QObject {
  Q_OBJECT

 private slots:
  void everyStepMatchesTheFullForward_data() {
    QTest::addColumn<QString>("config");
    QTest::addColumn<bool>("lora");
    QTest::newRow("llama gqa") << QString(kLlamaGqa) << false;
    QTest::newRow("llama gqa + lora") << QString(kLlamaGqa) << true;
    QTest::newRow("qwen2 bias, one kv head") << QString(kQwen2Bias) << false;
    QTest::newRow("qwen3 qk-norm, tied") << QString(kQwen3Tied) << true;
  }
  void everyStepMatchesTheFullForward() {
    QFETCH(QString, config);
    QFETCH(bool, lora);
    const formats::ModelConfig modelConfig = formats::parseModelConfig(config.toStdString());
    const auto backend = kernels::makeCpuBackend();
    auto base = randomBase(*backend, modelConfig);
    auto [adapter, loraConfig] = randomAdapter(*backend, modelConfig, lora);
    // The full forward without cache, over the same tables.
    model::Decoder full(*backend, modelConfig, *base, adapter.get(), loraConfig ? &*loraConfig : nullptr, nullptr);
    const auto vocab = static_cast<std::size_t>(modelConfig.vocabSize);
    auto lastRowOfFullForward = [&](const std::vector<std::int32_t>& sequence) {
      model::TokenBatch batch;
      batch.append(sequence);
      const std::vector<float> all = full.logits(batch);
      return std::vector<float>(all.end() - static_cast<std::ptrdiff_t>(vocab), all.end());
    };

    infer::ModelRunner runner(*backend, modelConfig, std::move(base), std::move(adapter), loraConfig);
    std::vector<std::int32_t> sequence = {3, 17, 4, 40, 9, 22, 1};
    std::vector<float> cached = runner.prefill(sequence);
    for (int step = 0; step < 12; ++step) {
      const std::vector<float> expected = lastRowOfFullForward(sequence);
      const double error = test::relativeError<float, float>(cached, expected);
      QVERIFY2(error <= kTolerance, qPrintable(QStringLiteral("step %1: relative error %2").arg(step).arg(error)));
      QCOMPARE(runner.length(), sequence.size());
      const auto next = static_cast<std::int32_t>((step * 13 + 5) % static_cast<int>(vocab));
      sequence.push_back(next);
      cached = runner.decode(next);
    }
    // A new sequence starts over: the earlier one's cache rows are not read.
    const std::vector<std::int32_t> other = {8, 8, 30};
    const double error = test::relativeError<float, float>(runner.prefill(other), lastRowOfFullForward(other));
    QVERIFY2(error <= kTolerance, qPrintable(QStringLiteral("new sequence: relative error %1").arg(error)));
  }

  // Batched generation: three sequences of different lengths in three slots, a token appended to
  // each in one pass, step after step (a slot sitting out a pass now and then, one started anew
  // half-way): every sequence's logits agree with the full forward over it alone.
  void severalSequencesInOnePassMatchTheirFullForwards_data() { everyStepMatchesTheFullForward_data(); }
  void severalSequencesInOnePassMatchTheirFullForwards() {
    QFETCH(QString, config);
    QFETCH(bool, lora);
    const formats::ModelConfig modelConfig = formats::parseModelConfig(config.toStdString());
    const auto backend = kernels::makeCpuBackend();
    auto base = randomBase(*backend, modelConfig);
    auto [adapter, loraConfig] = randomAdapter(*backend, modelConfig, lora);
    model::Decoder full(*backend, modelConfig, *base, adapter.get(), loraConfig ? &*loraConfig : nullptr, nullptr);
    const auto vocab = static_cast<std::size_t>(modelConfig.vocabSize);
    auto lastRowOfFullForward = [&](const std::vector<std::int32_t>& sequence) {
      model::TokenBatch batch;
      batch.append(sequence);
      const std::vector<float> all = full.logits(batch);
      return std::vector<float>(all.end() - static_cast<std::ptrdiff_t>(vocab), all.end());
    };
    infer::ModelRunner runner(*backend, modelConfig, std::move(base), std::move(adapter), loraConfig, 3);
    QCOMPARE(runner.capacity(), std::size_t{3});
    std::vector<std::vector<std::int32_t>> sequences = {{3, 17, 4, 40, 9}, {8}, {22, 1, 5}};
    std::vector<std::vector<float>> latest(3);
    for (std::size_t slot = 0; slot < 3; ++slot) latest[slot] = runner.prefill(slot, sequences[slot]);
    const auto check = [&](std::size_t slot, const QString& when) {
      const double error = test::relativeError<float, float>(latest[slot], lastRowOfFullForward(sequences[slot]));
      QVERIFY2(error <= kTolerance, qPrintable(QStringLiteral("%1, slot %2: relative error %3").arg(when).arg(slot).arg(error)));
      QCOMPARE(runner.length(slot), sequences[slot].size());
    };
    for (std::size_t slot = 0; slot < 3; ++slot) check(slot, QStringLiteral("prefill"));
    for (int step = 0; step < 10; ++step) {
      if (step == 5) {  // slot 1 starts another sequence; the others go on
        sequences[1] = {30, 31};
        latest[1] = runner.prefill(1, sequences[1]);
        check(1, QStringLiteral("new prompt"));
      }
      std::vector<std::size_t> which;
      std::vector<std::int32_t> tokens;
      for (std::size_t slot = 0; slot < 3; ++slot) {
        if (step % 3 == 2 && slot == 2) continue;  // sits this pass out
        which.push_back(slot);
        tokens.push_back(static_cast<std::int32_t>((step * 13 + 5 + 7 * static_cast<int>(slot)) % static_cast<int>(vocab)));
      }
      const std::vector<std::vector<float>> logits = runner.decode(which, tokens);
      QCOMPARE(logits.size(), which.size());
      for (std::size_t i = 0; i < which.size(); ++i) {
        sequences[which[i]].push_back(tokens[i]);
        latest[which[i]] = logits[i];
      }
      for (const std::size_t slot : which) check(slot, QStringLiteral("step %1").arg(step));
    }
    // A slot named twice in one pass is refused.
    const std::size_t twice[] = {0, 0};
    const std::int32_t two[] = {1, 2};
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, runner.decode(twice, two));
  }

  void promptInPiecesEqualsPromptAtOnce() {
    const formats::ModelConfig config = formats::parseModelConfig(kLlamaGqa);
    const auto backend = kernels::makeCpuBackend();
    infer::ModelRunner runner(*backend, config, randomBase(*backend, config));
    const std::vector<std::int32_t> prompt = {5, 6, 7, 8, 9, 10};
    const std::vector<float> atOnce = runner.prefill(prompt);
    runner.prefill(std::span(prompt).first(2));
    const std::vector<float> inPieces = runner.append(std::span(prompt).subspan(2));
    const double error = test::relativeError<float, float>(inPieces, atOnce);
    QVERIFY2(error <= kTolerance, qPrintable(QStringLiteral("relative error %1").arg(error)));
  }

  void cacheKeepsItsRowsWhenItGrows() {
    const formats::ModelConfig config = formats::parseModelConfig(kLlamaGqa);
    const auto backend = kernels::makeCpuBackend();
    infer::KvCache cache(*backend, config, 4);
    QCOMPARE(cache.capacity(), std::size_t{4});
    const std::size_t width = static_cast<std::size_t>(config.keyValueHeads * config.headDim);
    std::vector<float> rows(3 * width);
    for (std::size_t i = 0; i < rows.size(); ++i) rows[i] = static_cast<float>(i) + 0.5f;
    for (const model::LayerKeyValues& layer : cache.layers()) {
      backend->upload(rows, layer.keys.subspan(0, rows.size()));
      backend->upload(rows, layer.values.subspan(0, rows.size()));
    }
    cache.advance(3);
    cache.reserve(9);
    QVERIFY(cache.capacity() >= 9);
    QCOMPARE(cache.length(), std::size_t{3});
    for (const model::LayerKeyValues& layer : cache.layers()) {
      std::vector<float> kept(rows.size());
      backend->download(layer.values.subspan(0, rows.size()), kept);
      QCOMPARE(kept, rows);
      backend->download(layer.keys.subspan(0, rows.size()), kept);
      QCOMPARE(kept, rows);
    }
  }

  void cacheRefusesToPassTheContext() {
    const formats::ModelConfig config = formats::parseModelConfig(kLlamaGqa);
    const auto backend = kernels::makeCpuBackend();
    infer::KvCache cache(*backend, config);
    QCOMPARE(cache.limit(), std::size_t{64});
    cache.reserve(64);
    try {
      cache.reserve(65);
      QFAIL("a cache past the context was allowed");
    } catch (const Error& error) {
      const QString message = QString::fromStdString(error.what());
      QVERIFY2(message.contains(QStringLiteral("65 tokens")) && message.contains(QStringLiteral("context of 64")),
               qPrintable(message));
    }
  }
};

QTEST_APPLESS_MAIN(CachedDecodingTest)
#include "tst_cached_decoding.moc"
