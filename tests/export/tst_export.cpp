// Exports of a checkpoint (core/export) held to what they promise: the merged folder, read back
// through our own loader, gives the logits of base + adapter on the fp32 decoder; the PEFT folder
// carries PEFT's config fields and tensor names; a cancelled or refused export leaves nothing; the
// content hash is what sha256sum gives.
//
// Tolerances (relative error: max |difference| / max |logit|, support/relative_error.h):
// - fp32 merged: 1e-5. Only the order of fp32 operations differs (x·(W + s·B·A)ᵀ against
//   x·Wᵀ + s·(x·Aᵀ)·Bᵀ), a few units of fp32's 6e-8 rounding per operation through two layers.
// - bf16 merged: 3.1e-2; fp16: 3.9e-3, eight times each format's unit roundoff u (round to nearest
//   moves a weight by at most u relative: bf16 keeps 8 significant bits, u = 2^-8 = 3.9e-3; fp16
//   keeps 11, u = 2^-11 = 4.9e-4). Every weight is rounded once and the logits pass through 16
//   rounded matrices (2 layers of 7, embeddings, head) and the norms; errors of random sign add up
//   to a few u: measured over 65 runs of fresh random weights, median 5.3e-3 (1.4u) and at most
//   9.9e-3 (2.5u) for bf16, median 6.6e-4 (1.3u) and at most 1.5e-3 (3.0u) for fp16; fp32 at
//   most 7.6e-7. The bounds leave about 3x over the worst seen, since the weights differ per run.
// - full fine-tune merged as fp32: bitwise equal (the same fp32 numbers, written and read back).
// NaN never passes: relativeError counts it as infinite.
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <atomic>
#include <filesystem>

#include "core/train/checkpoint_source.h"
#include "core/export/export_folder.h"
#include "core/export/merged_export.h"
#include "core/export/peft_export.h"
#include "core/export/tensor_encoding.h"
#include "core/formats/safetensors_reader.h"
#include "core/model/base_weights.h"
#include "core/util/error.h"
#include "export/export_fixture.h"
#include "support/relative_error.h"
#include "support/scratch.h"

using namespace tiertune;
namespace fs = std::filesystem;

namespace {

// Eight unit roundoffs of each format (see the top).
constexpr double kBf16Bound = 8 * 0x1p-8;
constexpr double kFp16Bound = 8 * 0x1p-11;

using test::leftNothing;

// Qwen2's features that change the tensor list: biases on q/k/v (kept as they are: LoRA adapts
// weights only) and a head tied to the embeddings (no lm_head.weight to write).
const char* const kTinyQwen2Config =
    R"({"architectures":["Qwen2ForCausalLM"],"model_type":"qwen2","hidden_size":32,"num_hidden_layers":2,
        "num_attention_heads":4,"num_key_value_heads":1,"intermediate_size":44,"vocab_size":64,
        "max_position_embeddings":64,"rms_norm_eps":1e-6,"rope_theta":1000000.0,"tie_word_embeddings":true,
        "use_sliding_window":false,"eos_token_id":[2,3]})";

double relativeError(const std::vector<float>& ours, const std::vector<float>& theirs) {
  return test::relativeError(std::span<const float>(ours), std::span<const float>(theirs));
}

QJsonObject readJson(const fs::path& file) {
  QFile in(QString::fromStdString(file.string()));
  if (!in.open(QIODevice::ReadOnly)) return {};
  return QJsonDocument::fromJson(in.readAll()).object();
}

// The content hash recomputed independently, as `LC_ALL=C ls | xargs sha256sum | sha256sum` does.
std::string sha256sumOfFolder(const fs::path& folder) {
  QDir dir(QString::fromStdString(folder.string()));
  QStringList names = dir.entryList(QDir::Files | QDir::Hidden, QDir::Name);
  std::sort(names.begin(), names.end(), [](const QString& a, const QString& b) { return a.toUtf8() < b.toUtf8(); });
  QByteArray listing;
  for (const QString& name : names) {
    QFile file(dir.filePath(name));
    if (!file.open(QIODevice::ReadOnly)) return {};
    listing += QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex() + "  " + name.toUtf8() + "\n";
  }
  return QCryptographicHash::hash(listing, QCryptographicHash::Sha256).toHex().toStdString();
}

}  // namespace

class ExportTest : public QObject {
  Q_OBJECT

 private slots:
  void mergedLoraGivesTheLogitsOfBasePlusAdapter_data() {
    QTest::addColumn<QString>("dtype");
    QTest::addColumn<double>("tolerance");
    QTest::addColumn<qulonglong>("maxShardBytes");
    QTest::addColumn<QByteArray>("configJson");
    const qulonglong oneShard = formats::kDefaultMaxShardBytes;
    QTest::newRow("llama fp32") << "fp32" << 1e-5 << oneShard << QByteArray(test::kTinyLlamaConfig);
    QTest::newRow("llama bf16 sharded") << "bf16" << kBf16Bound << qulonglong(8000) << QByteArray(test::kTinyLlamaConfig);
    QTest::newRow("llama fp16") << "fp16" << kFp16Bound << oneShard << QByteArray(test::kTinyLlamaConfig);
    QTest::newRow("qwen2 tied, qkv bias, bf16") << "bf16" << kBf16Bound << oneShard << QByteArray(kTinyQwen2Config);
  }

  void mergedLoraGivesTheLogitsOfBasePlusAdapter() {
    QFETCH(QString, dtype);
    QFETCH(double, tolerance);
    QFETCH(qulonglong, maxShardBytes);
    QFETCH(QByteArray, configJson);
    const auto scratch = test::makeScratchDir();
    const test::ExportFixture fixture(scratch->path().toStdString(), configJson.toStdString());
    const model::ParameterTable adapter = fixture.randomAdapter();
    const fs::path checkpoint = fixture.writeCheckpoint(adapter, true);

    const exports::MergedExportOptions options{exports::parseExportDtype(dtype.toStdString()), maxShardBytes};
    const fs::path output = fixture.root / "exports" / "merged";
    std::vector<double> fractions;
    const exports::ExportResult result = exports::exportMergedModel(
        train::openCheckpoint(checkpoint), output, options,
        {[&](double fraction, const std::string&) { fractions.push_back(fraction); }, {}});

    const std::vector<float> expected = fixture.logits(fixture.base, &adapter);
    const double error = relativeError(fixture.logitsOfFolder(output), expected);
    // The adapter matters: it moves the logits far more than the bound allows.
    const double adapterShift = relativeError(fixture.logits(fixture.base, nullptr), expected);
    qInfo("%s merged vs fp32 base + adapter: relative error %.3g (bound %.3g); the adapter moves them by %.3g",
          qPrintable(dtype), error, tolerance, adapterShift);
    QVERIFY2(error <= tolerance, qPrintable(QString::number(error)));
    QVERIFY(adapterShift > 10 * tolerance);

    for (const char* name : {"config.json", "generation_config.json", "tokenizer.json", "tokenizer_config.json"}) {
      QVERIFY2(fs::exists(output / name), name);
    }
    QCOMPARE(readJson(output / "config.json")["torch_dtype"].toString(),
             QString::fromStdString(exports::torchDtypeName(options.dtype)));
    QCOMPARE(readJson(output / "generation_config.json")["eos_token_id"].toVariant(),
             readJson(fixture.modelFolder / "config.json")["eos_token_id"].toVariant());
    QCOMPARE(fs::exists(output / "model.safetensors.index.json"), maxShardBytes < 100000);
    const formats::ModelWeights weights = formats::ModelWeights::openFolder(output);
    QVERIFY(weights.tensor("model.embed_tokens.weight").dtype() == options.dtype);
    QCOMPARE(weights.tensorCount(), formats::expectedTensors(fixture.config).size());
    QCOMPARE(result.contentSha256, sha256sumOfFolder(output));
    QCOMPARE(result.folder, fs::absolute(output).string());
    QVERIFY(!fractions.empty() && fractions.back() == 1.0);
    QVERIFY(std::is_sorted(fractions.begin(), fractions.end()));
  }

  // QLoRA merges as PEFT merges into a 4-bit base: the adapter added to the base read back from its
  // NF4 (what it was trained over), so the merged model answers as the 4-bit base with the adapter.
  void mergedQloraIsTheFourBitBasePlusAdapter() {
    const auto scratch = test::makeScratchDir();
    test::ExportFixture fixture(scratch->path().toStdString(), kTinyQwen2Config);
    fixture.fourBitBase = true;
    const model::ParameterTable adapter = fixture.randomAdapter();
    const fs::path checkpoint = fixture.writeCheckpoint(adapter, true);
    const fs::path output = fixture.root / "exports" / "merged";
    exports::exportMergedModel(train::openCheckpoint(checkpoint), output, {formats::Dtype::F32});

    const std::vector<model::ParameterSpec> specs = model::baseParameterSpecs(fixture.config);
    const formats::ModelWeights weights = formats::ModelWeights::openFolder(fixture.modelFolder);
    const model::ParameterTable fourBit(*fixture.backend, specs,
                                        model::TableFormat(model::frozenElementType(specs, weights), true));
    model::loadBaseWeights(fourBit, weights);
    const std::vector<float> expected = fixture.logits(fourBit, &adapter);
    const double error = relativeError(fixture.logitsOfFolder(output), expected);
    const double overSixteenBits = relativeError(fixture.logits(fixture.base, &adapter), expected);
    qInfo("merged QLoRA vs 4-bit base + adapter: relative error %.3g; over the 16-bit base instead %.3g", error,
          overSixteenBits);
    QVERIFY2(error <= 1e-5, qPrintable(QString::number(error)));
    QVERIFY(overSixteenBits > 100 * 1e-5);
  }

  void mergedFullFineTuneIsItsOwnWeights() {
    const auto scratch = test::makeScratchDir();
    const test::ExportFixture fixture(scratch->path().toStdString());
    const model::ParameterTable trained = fixture.base.sameLayout();
    fixture.backend->copy(fixture.base.all(), trained.all());
    test::addNoise(trained, 0.05);
    const train::CheckpointSource source = train::openCheckpoint(fixture.writeCheckpoint(trained, false));

    const std::vector<float> expected = fixture.logits(trained, nullptr);
    QVERIFY(relativeError(fixture.logits(fixture.base, nullptr), expected) > 1e-2);  // training changed it
    exports::exportMergedModel(source, fixture.root / "fp32", {formats::Dtype::F32});
    QCOMPARE(relativeError(fixture.logitsOfFolder(fixture.root / "fp32"), expected), 0.0);
    exports::exportMergedModel(source, fixture.root / "bf16", {formats::Dtype::BF16});
    const double error = relativeError(fixture.logitsOfFolder(fixture.root / "bf16"), expected);
    qInfo("full fine-tune as bf16: relative error %.3g", error);
    QVERIFY2(error <= kBf16Bound, qPrintable(QString::number(error)));
    // A full fine-tune has no adapter to export.
    QVERIFY_THROWS_EXCEPTION(Error, exports::exportPeftAdapter(source, fixture.root / "peft", formats::Dtype::F32));
    QVERIFY(leftNothing(fixture.root / "peft"));
  }

  void peftAdapterHasPeftsLayout() {
    const test::AdapterCheckpoint lora;
    const auto& [scratch, fixture, adapter, source] = lora;
    const fs::path output = fixture.root / "adapter";
    const exports::ExportResult result = exports::exportPeftAdapter(source, output, formats::Dtype::F32);

    const QJsonObject config = readJson(output / "adapter_config.json");
    QCOMPARE(config["peft_type"].toString(), QStringLiteral("LORA"));
    QCOMPARE(config["task_type"].toString(), QStringLiteral("CAUSAL_LM"));
    QCOMPARE(config["r"].toInt(), 4);
    QCOMPARE(config["lora_alpha"].toInt(), 8);
    QCOMPARE(config["bias"].toString(), QStringLiteral("none"));
    QCOMPARE(config["fan_in_fan_out"].toBool(), false);
    QCOMPARE(config["use_rslora"].toBool(), false);
    QCOMPARE(config["base_model_name_or_path"].toString(), QString::fromStdString(fixture.modelFolder.string()));
    QCOMPARE(config["target_modules"].toArray(),
             QJsonArray({"q_proj", "v_proj", "o_proj", "gate_proj", "down_proj"}));

    // The trained fp32 values under PEFT's names, unchanged.
    const formats::SafetensorsFile file(output / "adapter_model.safetensors");
    QCOMPARE(file.tensors().size(), adapter.tensorCount());
    QCOMPARE(file.metadata().at("format"), std::string("pt"));
    for (const model::ParameterEntry& entry : adapter.entries()) {
      const formats::TensorView tensor = file.tensor(entry.spec.name);
      QVERIFY(tensor.dtype() == formats::Dtype::F32);
      std::vector<float> trained(entry.count);
      fixture.backend->download(adapter.tensor(entry.spec.name), trained);
      QVERIFY(formats::readAsFloat(tensor) == trained);
    }
    QVERIFY(file.contains("base_model.model.model.layers.1.mlp.down_proj.lora_B.weight"));
    QCOMPARE(result.contentSha256, sha256sumOfFolder(output));

    exports::exportPeftAdapter(source, fixture.root / "adapter-bf16", formats::Dtype::BF16);
    const formats::SafetensorsFile halves(fixture.root / "adapter-bf16" / "adapter_model.safetensors");
    QVERIFY(halves.tensor("base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight").dtype() ==
            formats::Dtype::BF16);
  }

  void cancelLeavesNothing() {
    const test::AdapterCheckpoint lora;
    const auto& [scratch, fixture, adapter, source] = lora;
    int asked = 0;
    const exports::ExportProgress cancelSoon{{}, [&] { return ++asked > 3; }};
    QVERIFY_THROWS_EXCEPTION(exports::ExportCancelled,
                             exports::exportMergedModel(source, fixture.root / "merged", {}, cancelSoon));
    QVERIFY(leftNothing(fixture.root / "merged"));
    asked = 0;
    QVERIFY_THROWS_EXCEPTION(exports::ExportCancelled,
                             exports::exportPeftAdapter(source, fixture.root / "peft", formats::Dtype::F32, cancelSoon));
    QVERIFY(leftNothing(fixture.root / "peft"));
  }

  // An adapter with tensors the run's LoRA settings do not name would lose them in the merge.
  void refusesAnAdapterTheRunDoesNotDescribe() {
    const auto scratch = test::makeScratchDir();
    test::ExportFixture fixture(scratch->path().toStdString());
    const model::ParameterTable adapter = fixture.randomAdapter();
    const model::LoraConfig written = fixture.lora;
    fixture.lora.targets.pop_back();
    const train::CheckpointSource source = train::openCheckpoint(fixture.writeCheckpoint(adapter, true, 5, &written));
    try {
      exports::exportMergedModel(source, fixture.root / "merged", {});
      QFAIL("an adapter with unnamed tensors was merged");
    } catch (const Error& error) {
      QVERIFY2(QString(error.what()).contains("the run's LoRA settings make"), error.what());
    }
    QVERIFY(leftNothing(fixture.root / "merged"));
  }

  void refusesWhatWouldDamageTheModel() {
    const test::AdapterCheckpoint lora;
    const auto& [scratch, fixture, adapter, source] = lora;

    // A base weight beyond float16's 65504: fp16 is refused with the tensor named, bf16 holds it.
    const model::ParameterTable large = fixture.base.sameLayout();
    fixture.backend->copy(fixture.base.all(), large.all());
    const std::vector<float> huge{1.0e5f};
    fixture.backend->upload(huge, large.tensor("lm_head.weight").subspan(7, 1));
    test::writeTableFile(fixture.modelFolder / "model.safetensors", large);
    try {
      exports::exportMergedModel(source, fixture.root / "fp16", {formats::Dtype::F16});
      QFAIL("fp16 overflow was not reported");
    } catch (const Error& error) {
      QVERIFY2(QString(error.what()).contains("lm_head.weight") && QString(error.what()).contains("bf16"), error.what());
    }
    QVERIFY(leftNothing(fixture.root / "fp16"));
    exports::exportMergedModel(source, fixture.root / "bf16", {formats::Dtype::BF16});

    // An existing folder is never replaced.
    try {
      exports::exportPeftAdapter(source, fixture.root / "bf16", formats::Dtype::F32);
      QFAIL("an existing folder was overwritten");
    } catch (const Error& error) {
      QVERIFY2(QString(error.what()).contains("already exists"), error.what());
    }
    QVERIFY(fs::exists(fixture.root / "bf16" / "config.json"));

    // A checkpoint whose adapter changed after it was written is not exported.
    const model::ParameterTable altered = adapter.sameLayout();
    test::writeTableFile(source.weights, altered);
    QVERIFY_THROWS_EXCEPTION(Error, train::openCheckpoint(source.folder));
  }
};

QTEST_GUILESS_MAIN(ExportTest)
#include "tst_export.moc"
