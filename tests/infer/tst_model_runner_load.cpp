// What generation chats with (ModelRunner::load, train::loadModelRunner): the base folder, a LoRA
// checkpoint applied over the base, and a full fine-tuning checkpoint whose weights replace the base's. Each loaded runner's
// prefill logits must equal the training decoder's on the same weights (the checkpoint writer and the
// loader are independent paths; both fp32, so the bound only allows summation order: 1e-5 relative).
// A checkpoint of a model of another shape is refused, naming both folders.
#include <QTest>
#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "core/infer/model_runner.h"
#include "core/train/checkpoint_model.h"
#include "core/util/error.h"
#include "export/export_fixture.h"
#include "support/relative_error.h"

using namespace tiertune;
namespace fs = std::filesystem;

namespace {

constexpr double kFp32Bound = 1e-5;

double relativeError(const std::vector<float>& ours, const std::vector<float>& theirs) {
  return test::relativeError<float, float>(ours, theirs);
}

std::vector<std::int32_t> prompt(const formats::ModelConfig& config) {
  std::vector<std::int32_t> ids;
  for (int i = 0; i < 9; ++i) ids.push_back(static_cast<std::int32_t>((i * 11 + 4) % config.vocabSize));
  return ids;
}

// The last position's logits of the decoder over the same weights (a one-sequence batch).
std::vector<float> lastLogits(const test::ExportFixture& fixture, const model::ParameterTable& weights,
                              const model::ParameterTable* adapter) {
  model::TokenBatch batch;
  batch.append(prompt(fixture.config));
  model::Decoder decoder(*fixture.backend, fixture.config, weights, adapter, adapter ? &fixture.lora : nullptr, nullptr);
  const std::vector<float> all = decoder.logits(batch);
  const std::size_t vocab = static_cast<std::size_t>(fixture.config.vocabSize);
  return {all.end() - static_cast<std::ptrdiff_t>(vocab), all.end()};
}

void expectClose(const std::vector<float>& actual, const std::vector<float>& expected, const char* what) {
  QCOMPARE(actual.size(), expected.size());
  for (float value : actual) QVERIFY2(std::isfinite(value), what);
  const double error = relativeError(actual, expected);
  qInfo("%s: relative error %.3g (bound %.0e)", what, error, kFp32Bound);
  QVERIFY2(error <= kFp32Bound, what);
}

}  // namespace

class TestModelRunnerLoad : public QObject {
  Q_OBJECT

 private slots:
  void baseFolder() {
    auto scratch = test::makeScratchDir();
    const test::ExportFixture fixture(scratch->path().toStdString());
    const auto runner = infer::ModelRunner::load(*fixture.backend, fixture.modelFolder);
    QVERIFY(!runner->hasAdapter());
    expectClose(runner->prefill(prompt(fixture.config)), lastLogits(fixture, fixture.base, nullptr), "base");
  }

  void loraCheckpointIsAppliedOverTheBase() {
    auto scratch = test::makeScratchDir();
    const test::ExportFixture fixture(scratch->path().toStdString());
    const model::ParameterTable adapter = fixture.randomAdapter();
    const fs::path checkpoint = fixture.writeCheckpoint(adapter, /*useLora=*/true);
    const auto runner = train::loadModelRunner(*fixture.backend, fixture.modelFolder, checkpoint);
    QVERIFY(runner->hasAdapter());
    const std::vector<float> expected = lastLogits(fixture, fixture.base, &adapter);
    expectClose(runner->prefill(prompt(fixture.config)), expected, "LoRA checkpoint");
    // The adapter matters: the base alone answers differently.
    QVERIFY(relativeError(lastLogits(fixture, fixture.base, nullptr), expected) > 1e-3);
  }

  // QLoRA: the adapter answers over the base it was trained over, the projections read back from NF4.
  void qloraCheckpointIsAppliedOverTheFourBitBase() {
    auto scratch = test::makeScratchDir();
    test::ExportFixture fixture(scratch->path().toStdString());
    fixture.fourBitBase = true;
    const model::ParameterTable adapter = fixture.randomAdapter();
    const fs::path checkpoint = fixture.writeCheckpoint(adapter, /*useLora=*/true);
    const auto runner = train::loadModelRunner(*fixture.backend, fixture.modelFolder, checkpoint);
    QVERIFY(runner->hasAdapter());
    const std::vector<model::ParameterSpec> specs = model::baseParameterSpecs(fixture.config);
    const formats::ModelWeights weights = formats::ModelWeights::openFolder(fixture.modelFolder);
    const model::ParameterTable fourBit(*fixture.backend, specs,
                                        model::TableFormat(model::frozenElementType(specs, weights), true));
    model::loadBaseWeights(fourBit, weights);
    const std::vector<float> expected = lastLogits(fixture, fourBit, &adapter);
    expectClose(runner->prefill(prompt(fixture.config)), expected, "QLoRA checkpoint");
    QVERIFY(relativeError(lastLogits(fixture, fixture.base, &adapter), expected) > 1e-3);
  }

  void fullCheckpointReplacesTheBaseWeights() {
    auto scratch = test::makeScratchDir();
    const test::ExportFixture fixture(scratch->path().toStdString());
    const model::ParameterTable trained(*fixture.backend, model::baseParameterSpecs(fixture.config));
    model::loadBaseWeights(trained, formats::ModelWeights::openFolder(fixture.modelFolder));
    test::addNoise(trained, 0.05);  // every tensor moved, as full fine-tuning moves them
    const fs::path checkpoint = fixture.writeCheckpoint(trained, /*useLora=*/false);
    const auto runner = train::loadModelRunner(*fixture.backend, fixture.modelFolder, checkpoint);
    QVERIFY(!runner->hasAdapter());
    const std::vector<float> expected = lastLogits(fixture, trained, nullptr);
    expectClose(runner->prefill(prompt(fixture.config)), expected, "full checkpoint");
    QVERIFY(relativeError(lastLogits(fixture, fixture.base, nullptr), expected) > 1e-3);
    // Decoding continues from the checkpoint's weights too: one more token equals the longer prefill.
    const std::int32_t next = 17;
    const std::vector<float> step = runner->append(std::span<const std::int32_t>(&next, 1));
    std::vector<std::int32_t> longer = prompt(fixture.config);
    longer.push_back(next);
    const auto fresh = train::loadModelRunner(*fixture.backend, fixture.modelFolder, checkpoint);
    expectClose(step, fresh->prefill(longer), "full checkpoint, decoded token");
  }

  void aCheckpointOfAnotherModelIsRefused() {
    auto scratch = test::makeScratchDir();
    const test::ExportFixture fixture(scratch->path().toStdString());
    const fs::path checkpoint = fixture.writeCheckpoint(fixture.randomAdapter(), true);
    std::string wider = test::kTinyLlamaConfig;
    const std::string hidden = "\"hidden_size\":";
    const auto at = wider.find(hidden);
    QVERIFY(at != std::string::npos);
    const auto end = wider.find_first_of(",}", at);
    const int width = std::stoi(wider.substr(at + hidden.size(), end - at - hidden.size()));
    wider.replace(at, end - at, hidden + std::to_string(width * 2));
    const fs::path other = fs::path(scratch->path().toStdString()) / "other-model";
    test::writeRandomModelFolder(other, wider, 5);
    try {
      train::loadModelRunner(*fixture.backend, other, checkpoint);
      QFAIL("a checkpoint of another shape was loaded");
    } catch (const Error& e) {
      const std::string message = e.what();
      QVERIFY2(message.find(checkpoint.string()) != std::string::npos, e.what());
      QVERIFY2(message.find(other.string()) != std::string::npos, e.what());
    }
  }
};

QTEST_MAIN(TestModelRunnerLoad)
#include "tst_model_runner_load.moc"
