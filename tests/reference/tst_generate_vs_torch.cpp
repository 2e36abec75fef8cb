// Greedy generation (core/infer: ModelRunner with its KV cache, Sampler at temperature 0, the
// generate() loop) against an independent PyTorch reference (tests/reference/generate_reference.py:
// model_reference.py's model, the whole sequence recomputed at every step) on the same seeded random
// weights: the same tokens, and the logits of every step within a relative error of 1e-4 of their
// largest value (fp32 sums in other orders, as tst_decoder_vs_torch), for a base model read from its
// folder and for the base with a LoRA adapter applied on the fly. NaN never passes.
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>
#include <filesystem>
#include <memory>
#include <vector>

#include "core/formats/model_config.h"
#include "core/formats/model_weights.h"
#include "core/formats/safetensors_writer.h"
#include "core/infer/generator.h"
#include "core/infer/model_runner.h"
#include "core/model/base_weights.h"
#include "core/model/lora.h"
#include "core/util/random.h"
#include "kernels/backend.h"
#include "reference/torch_reference.h"
#include "support/scratch.h"
#include "support/tiny_model.h"

using namespace tiertune;

namespace {

constexpr double kTolerance = 1e-4;
constexpr int kSteps = 12;

const char* const kQwen2Config =
    R"({"architectures":["Qwen2ForCausalLM"],"model_type":"qwen2","hidden_size":32,"num_hidden_layers":2,
        "num_attention_heads":4,"num_key_value_heads":1,"intermediate_size":44,"vocab_size":64,
        "max_position_embeddings":128,"rms_norm_eps":1e-6,"rope_theta":1000000.0,"tie_word_embeddings":false,
        "use_sliding_window":false})";

// Records the logits every model pass returns, for comparing each step.
class Recording final : public infer::SequenceModel {
 public:
  explicit Recording(infer::SequenceModel& model) : model_(model) {}
  std::vector<float> prefill(std::span<const std::int32_t> prompt) override { return keep(model_.prefill(prompt)); }
  std::vector<float> append(std::span<const std::int32_t> tokens) override { return keep(model_.append(tokens)); }
  std::size_t length() const override { return model_.length(); }
  std::size_t contextLength() const override { return model_.contextLength(); }
  std::vector<std::vector<float>> steps;

 private:
  std::vector<float> keep(std::vector<float> logits) {
    steps.push_back(logits);
    return logits;
  }
  infer::SequenceModel& model_;
};

// An adapter for every target with random A and B (a trained one's B is not zero), written with
// PEFT's names where generate_reference.py reads it.
void writeRandomAdapter(const std::filesystem::path& file, const formats::ModelConfig& config,
                        const model::LoraConfig& lora) {
  std::vector<std::vector<float>> values;
  std::vector<std::pair<formats::TensorDescriptor, std::span<const std::byte>>> tensors;
  const std::vector<model::ParameterSpec> specs = model::loraParameterSpecs(config, lora);
  SplitMix64 random(17);
  values.reserve(specs.size());
  for (const model::ParameterSpec& spec : specs) {
    std::vector<float>& tensor = values.emplace_back(model::elementCount(spec.shape));
    for (float& value : tensor) value = static_cast<float>(random.uniform(-0.3, 0.3));
    tensors.push_back({formats::TensorDescriptor{spec.name, formats::Dtype::F32, spec.shape},
                       std::as_bytes(std::span<const float>(tensor))});
  }
  formats::writeSafetensors(file, tensors);
}

}  // namespace

class GenerateVsTorchTest : public QObject {
  Q_OBJECT

 private slots:
  void greedyTokensAndLogits_data() {
    QTest::addColumn<QString>("config");
    QTest::addColumn<bool>("lora");
    QTest::newRow("llama base") << QString(test::kTinyLlamaConfig) << false;
    QTest::newRow("llama + lora") << QString(test::kTinyLlamaConfig) << true;
    QTest::newRow("qwen2 base") << QString(kQwen2Config) << false;
  }
  void greedyTokensAndLogits() {
    QFETCH(QString, config);
    QFETCH(bool, lora);
    const auto scratch = test::makeScratchDir();
    const std::filesystem::path folder = scratch->path().toStdString();
    test::writeRandomModelFolder(folder, config.toStdString(), 23);
    const formats::ModelConfig modelConfig = formats::loadModelConfig(folder / "config.json");
    model::LoraConfig loraConfig;
    loraConfig.rank = 4;
    loraConfig.alpha = 8;

    const auto backend = kernels::makeCpuBackend();
    std::unique_ptr<infer::ModelRunner> runner;
    if (lora) {
      writeRandomAdapter(folder / "adapter.safetensors", modelConfig, loraConfig);
      auto base = std::make_unique<model::ParameterTable>(*backend, model::baseParameterSpecs(modelConfig));
      model::loadBaseWeights(*base, formats::ModelWeights::openFolder(folder));
      auto adapter =
          std::make_unique<model::ParameterTable>(*backend, model::loraParameterSpecs(modelConfig, loraConfig));
      model::loadBaseWeights(*adapter, formats::ModelWeights::openSingleFile(folder / "adapter.safetensors"));
      runner = std::make_unique<infer::ModelRunner>(*backend, modelConfig, std::move(base), std::move(adapter),
                                                    loraConfig);
    } else {
      runner = infer::ModelRunner::load(*backend, folder);
    }
    const std::vector<std::int32_t> prompt = {1, 9, 33, 4, 60, 17};
    Recording recording(*runner);
    infer::GenerationSettings settings;
    settings.sampling.temperature = 0;
    settings.maxNewTokens = kSteps;
    const auto tokenizer = formats::tokenizer::Tokenizer::load(folder);
    const infer::GenerationResult result = infer::generate(recording, tokenizer, prompt, settings);
    QCOMPARE(result.reason, infer::StopReason::MaxTokens);

    QJsonArray promptJson;
    for (const std::int32_t id : prompt) promptJson.append(id);
    QJsonObject job{{"folder", QString::fromStdString(folder.string())}, {"prompt", promptJson}, {"steps", kSteps}};
    if (lora) job["lora"] = QJsonObject{{"rank", 4}, {"alpha", 8.0}};
    const QJsonObject reference =
        test::runTorchReference(QStringLiteral(TIERTUNE_GENERATE_REFERENCE), job, 120000);
    QVERIFY2(!reference.contains(QStringLiteral("error")), qPrintable(reference[QStringLiteral("error")].toString()));

    const QJsonArray tokens = reference[QStringLiteral("tokens")].toArray();
    const QJsonArray logits = reference[QStringLiteral("logits")].toArray();
    QCOMPARE(tokens.size(), kSteps);
    QCOMPARE(recording.steps.size(), std::size_t{kSteps});  // the prefill and 11 decode passes
    for (int step = 0; step < kSteps; ++step) {
      QCOMPARE(result.tokens[static_cast<std::size_t>(step)], tokens[step].toInt());
      const double error = test::relativeError(recording.steps[static_cast<std::size_t>(step)], logits[step].toArray());
      QVERIFY2(error <= kTolerance, qPrintable(QStringLiteral("step %1: relative error %2").arg(step).arg(error)));
    }
  }
};

QTEST_APPLESS_MAIN(GenerateVsTorchTest)
#include "tst_generate_vs_torch.moc"
