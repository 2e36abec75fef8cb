// The PEFT adapter export against an independent reader: tests/reference/peft_adapter_reference.py
// applies the exported folder to the PyTorch reference model by PEFT's documented conventions only
// (adapter_config.json's r, lora_alpha, target_modules; tensors base_model.model.<path>.lora_A /
// lora_B.weight; y += alpha/r · x·Aᵀ·Bᵀ), and its logits must match our decoder's base + adapter.
// Bound: fp32 relative error 1e-4, as the decoder's own PyTorch comparison (tst_decoder_vs_torch):
// the two compute the same fp32 model in different operation orders. The adapter is random in A
// and B (not PEFT's zero B), so a wrong name, transpose or scaling shows. Skips without
// python3-torch. NaN never passes.
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include "core/train/checkpoint_source.h"
#include "core/export/peft_export.h"
#include "export/export_fixture.h"
#include "reference/torch_reference.h"
#include "support/scratch.h"

using namespace tiertune;

namespace {

constexpr double kTolerance = 1e-4;

QJsonArray integers(const std::vector<std::int32_t>& values) {
  QJsonArray array;
  for (const std::int32_t value : values) array.append(value);
  return array;
}

}  // namespace

class PeftExportVsTorch : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    if (!test::torchAvailable()) QSKIP("python3-torch is not installed (/usr/bin/python3 cannot import torch)");
  }

  void exportedAdapterGivesOurLogitsInPyTorch() {
    const auto scratch = test::makeScratchDir();
    const test::ExportFixture fixture(scratch->path().toStdString());
    const model::ParameterTable adapter = fixture.randomAdapter();
    const std::filesystem::path folder = fixture.root / "adapter";
    exports::exportPeftAdapter(train::openCheckpoint(fixture.writeCheckpoint(adapter, true)), folder,
                               formats::Dtype::F32);

    const model::TokenBatch batch = fixture.batch();
    const QJsonObject job{{"base", QString::fromStdString(fixture.modelFolder.string())},
                          {"adapter", QString::fromStdString(folder.string())},
                          {"ids", integers(batch.inputIds)},
                          {"positions", integers(batch.positions)},
                          {"sample_start", integers(batch.sampleStart)}};
    const QJsonObject expected = test::runTorchReference(QStringLiteral(TIERTUNE_PEFT_REFERENCE), job);
    QVERIFY2(!expected.contains("error"), qPrintable(expected["error"].toString()));

    const QJsonArray theirs = expected["logits"].toArray();
    const double error = test::relativeError(fixture.logits(fixture.base, &adapter), theirs);
    qInfo("PEFT adapter applied by PyTorch vs our decoder: relative error %.3g (bound %.3g)", error, kTolerance);
    QVERIFY2(error <= kTolerance, qPrintable(QString::number(error)));
    // And the adapter is not a no-op: the base alone is far from it.
    QVERIFY(test::relativeError(fixture.logits(fixture.base, nullptr), theirs) > 100 * kTolerance);
  }
};

QTEST_GUILESS_MAIN(PeftExportVsTorch)
#include "tst_peft_export_vs_torch.moc"
