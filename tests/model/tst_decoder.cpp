// Properties of the decoder that need no reference implementation: activation checkpointing
// changes nothing (bit for bit), a fresh LoRA adapter leaves the base model's outputs exactly as
// they were, dropout masks repeat for a seed and drop the expected share, accumulated micro-batches
// give the gradient of the whole batch, and bad batches are refused with a clear message.
#include <QTest>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <memory>
#include <vector>

#include "core/formats/model_config.h"
#include "core/formats/model_weights.h"
#include "core/formats/safetensors_writer.h"
#include "core/model/base_weights.h"
#include "core/model/decoder.h"
#include "core/model/lora.h"
#include "core/util/error.h"
#include "kernels/backend.h"
#include "kernels/cpu/half_precision.h"
#include "kernels/dropout_mask.h"
#include "support/scratch.h"

using namespace tiertune;
using namespace tiertune::model;

namespace {

const char* const kConfig =
    R"({"architectures":["Qwen2ForCausalLM"],"model_type":"qwen2","hidden_size":24,"num_hidden_layers":3,
        "num_attention_heads":4,"num_key_value_heads":2,"intermediate_size":36,"vocab_size":61,
        "max_position_embeddings":64,"rms_norm_eps":1e-6,"rope_theta":10000.0,"tie_word_embeddings":false})";

TokenBatch batchOf(std::initializer_list<std::vector<std::int32_t>> samples) {
  TokenBatch batch;
  for (const auto& sample : samples) batch.append(sample);
  return batch;
}

std::vector<float> hostCopy(const ParameterTable& table) {
  std::vector<float> values(table.elementCount());
  table.backend().download(table.all(), values);
  return values;
}

struct Fixture {
  formats::ModelConfig config = formats::parseModelConfig(kConfig);
  std::unique_ptr<kernels::Backend> backend = kernels::makeCpuBackend();
  ParameterTable base{*backend, baseParameterSpecs(config)};
  Fixture() { initializeBaseWeights(base, 7, 0.2); }
};

const TokenBatch kBatch = batchOf({{1, 5, 9, 14, 3, 60, 2}, {7, 7, 8, 30, 31, 32, 33, 40, 0}, {11, 12, 13}});

}  // namespace

class DecoderTest : public QObject {
  Q_OBJECT

 private slots:
  void checkpointingChangesNothing_data() {
    QTest::addColumn<bool>("lora");
    QTest::newRow("full") << false;
    QTest::newRow("lora with dropout") << true;
  }
  void checkpointingChangesNothing() {
    QFETCH(bool, lora);
    Fixture f;
    LoraConfig loraConfig;
    loraConfig.rank = 3;
    loraConfig.dropout = 0.25;
    std::unique_ptr<ParameterTable> adapter;
    if (lora) {
      adapter = std::make_unique<ParameterTable>(*f.backend, loraParameterSpecs(f.config, loraConfig));
      initializeLora(*adapter, f.config, loraConfig, 3);
      // B non-zero, so that the adapter's path carries gradient into A.
      f.backend->fill(adapter->tensor(loraTensorName(1, LinearModule::Up, 'B')), 0.05f);
    }
    const ParameterTable& trained = lora ? *adapter : f.base;
    std::vector<std::vector<float>> results;
    std::vector<double> losses;
    for (const bool checkpoint : {false, true}) {
      const ParameterTable gradients = trained.sameLayout();
      Decoder decoder(*f.backend, f.config, f.base, adapter.get(), lora ? &loraConfig : nullptr, &gradients,
                      DecoderOptions{checkpoint, 4});
      losses.push_back(decoder.forwardBackward(kBatch, kBatch.countedTargets(), 99).sum);
      results.push_back(hostCopy(gradients));
    }
    QCOMPARE(losses[0], losses[1]);
    QVERIFY(results[0] == results[1]);
    double norm = 0;
    for (const float g : results[0]) norm += double(g) * g;
    QVERIFY(norm > 0);
  }

  void freshAdapterKeepsTheBaseModel() {
    Fixture f;
    LoraConfig loraConfig;
    const ParameterTable adapter(*f.backend, loraParameterSpecs(f.config, loraConfig));
    initializeLora(adapter, f.config, loraConfig, 11);
    Decoder plain(*f.backend, f.config, f.base, nullptr, nullptr, nullptr);
    Decoder adapted(*f.backend, f.config, f.base, &adapter, &loraConfig, nullptr);
    QVERIFY(plain.logits(kBatch) == adapted.logits(kBatch));
  }

  void loraInitializationFollowsPeft() {
    Fixture f;
    LoraConfig loraConfig;
    loraConfig.rank = 8;
    const ParameterTable adapter(*f.backend, loraParameterSpecs(f.config, loraConfig));
    initializeLora(adapter, f.config, loraConfig, 5);
    std::vector<float> a(adapter.tensor(loraTensorName(0, LinearModule::Down, 'A')).size());
    f.backend->download(adapter.tensor(loraTensorName(0, LinearModule::Down, 'A')), a);
    const double bound = 1.0 / std::sqrt(36.0);  // down_proj's input is the intermediate size
    double largest = 0;
    for (const float value : a) largest = std::max(largest, std::abs(double(value)));
    QVERIFY(largest <= bound);
    QVERIFY(largest > 0.8 * bound);
    std::vector<float> b(adapter.tensor(loraTensorName(0, LinearModule::Down, 'B')).size());
    f.backend->download(adapter.tensor(loraTensorName(0, LinearModule::Down, 'B')), b);
    QVERIFY(std::all_of(b.begin(), b.end(), [](float v) { return v == 0.0f; }));
    QCOMPARE(adapter.entry(0).spec.name, std::string("base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight"));
  }

  void dropoutRepeatsForASeedAndDropsItsShare() {
    const std::uint32_t threshold = kernels::dropoutThreshold(0.3f);
    std::size_t dropped = 0;
    constexpr std::size_t n = 200000;
    for (std::size_t i = 0; i < n; ++i) dropped += kernels::dropoutKeeps(42, i, threshold) ? 0 : 1;
    QVERIFY(std::abs(double(dropped) / n - 0.3) < 0.005);

    Fixture f;
    LoraConfig loraConfig;
    loraConfig.dropout = 0.5;
    const ParameterTable adapter(*f.backend, loraParameterSpecs(f.config, loraConfig));
    initializeLora(adapter, f.config, loraConfig, 1);
    f.backend->fill(adapter.tensor(loraTensorName(2, LinearModule::Query, 'B')), 0.1f);
    auto gradientsFor = [&](std::uint64_t seed) {
      const ParameterTable gradients = adapter.sameLayout();
      Decoder decoder(*f.backend, f.config, f.base, &adapter, &loraConfig, &gradients);
      decoder.forwardBackward(kBatch, kBatch.countedTargets(), seed);
      return hostCopy(gradients);
    };
    QVERIFY(gradientsFor(5) == gradientsFor(5));
    QVERIFY(gradientsFor(5) != gradientsFor(6));
  }

  void accumulatedMicroBatchesGiveTheWholeBatch() {
    Fixture f;
    const TokenBatch first = batchOf({{1, 5, 9, 14, 3, 60, 2}});
    const TokenBatch second = batchOf({{7, 7, 8, 30, 31, 32, 33, 40, 0}, {11, 12, 13}});
    const TokenBatch whole = batchOf({{1, 5, 9, 14, 3, 60, 2}, {7, 7, 8, 30, 31, 32, 33, 40, 0}, {11, 12, 13}});
    const std::size_t counted = whole.countedTargets();
    QCOMPARE(first.countedTargets() + second.countedTargets(), counted);

    const ParameterTable accumulated = f.base.sameLayout();
    Decoder a(*f.backend, f.config, f.base, nullptr, nullptr, &accumulated);
    const double loss = a.forwardBackward(first, counted, 0).sum + a.forwardBackward(second, counted, 0).sum;
    const ParameterTable single = f.base.sameLayout();
    Decoder b(*f.backend, f.config, f.base, nullptr, nullptr, &single);
    const LossSum wholeLoss = b.forwardBackward(whole, counted, 0);
    QVERIFY(std::abs(loss - wholeLoss.sum) <= 1e-5 * wholeLoss.sum);
    const std::vector<float> x = hostCopy(accumulated), y = hostCopy(single);
    double worst = 0, largest = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
      worst = std::max(worst, std::abs(double(x[i]) - y[i]));
      largest = std::max(largest, std::abs(double(y[i])));
    }
    QVERIFY2(worst <= 1e-5 * largest, qPrintable(QString::number(worst / largest)));
  }

  void evaluationMatchesTheTrainingLoss() {
    Fixture f;
    const ParameterTable gradients = f.base.sameLayout();
    Decoder decoder(*f.backend, f.config, f.base, nullptr, nullptr, &gradients);
    const LossSum evaluated = decoder.evaluate(kBatch);
    const LossSum trained = decoder.forwardBackward(kBatch, kBatch.countedTargets(), 0);
    QCOMPARE(evaluated.counted, trained.counted);
    QCOMPARE(evaluated.sum, trained.sum);
    QVERIFY(std::isfinite(evaluated.mean()) && evaluated.mean() > 0);
  }

  // Hugging Face ships weights in bfloat16: every value, negative, tiny or subnormal, must arrive
  // in the table exactly, and a tensor of the wrong shape is refused with its name.
  void bf16WeightsLoadExactly() {
    Fixture f;
    const auto folder = test::makeScratchDir();
    const std::filesystem::path file = std::filesystem::path(folder->path().toStdString()) / "model.safetensors";
    std::vector<std::vector<std::uint16_t>> bits;
    std::vector<std::pair<formats::TensorDescriptor, std::span<const std::byte>>> tensors;
    std::uint16_t counter = 0x0001;  // walks through subnormals, normals and both signs
    for (const ParameterEntry& entry : f.base.entries()) {
      std::vector<std::uint16_t>& values = bits.emplace_back(entry.count);
      for (std::uint16_t& value : values) {
        counter = static_cast<std::uint16_t>(counter * 75u + 74u);
        value = (counter & 0x7f80u) == 0x7f80u ? std::uint16_t(0x3f80) : counter;  // no Inf/NaN
      }
    }
    for (std::size_t i = 0; i < f.base.tensorCount(); ++i) {
      tensors.push_back({formats::TensorDescriptor{f.base.entry(i).spec.name, formats::Dtype::BF16,
                                                   f.base.entry(i).spec.shape},
                         std::as_bytes(std::span<const std::uint16_t>(bits[i]))});
    }
    formats::writeSafetensors(file, tensors);
    loadBaseWeights(f.base, formats::ModelWeights::openSingleFile(file));
    const std::vector<float> loaded = hostCopy(f.base);

    // Kept as shipped: a bf16 table holds the file's bits (the CPU backend's memory is the host's),
    // and the checkpoint's type is what a frozen base is kept in.
    const formats::ModelWeights shipped = formats::ModelWeights::openSingleFile(file);
    QCOMPARE(frozenElementType(f.base.specs(), shipped), ElementType::Bf16);
    const ParameterTable kept(*f.backend, f.base.specs(), ElementType::Bf16);
    QCOMPARE(kept.elementType(), ElementType::Bf16);
    QVERIFY_THROWS_EXCEPTION(std::logic_error, kept.tensor(0));
    loadBaseWeights(kept, shipped);
    for (std::size_t i = 0; i < kept.tensorCount(); ++i) {
      const kernels::DeviceSpan<std::uint16_t> held = kept.bits(kept.find(f.base.entry(i).spec.name).value());
      QVERIFY(std::memcmp(held.data(), bits[i].data(), bits[i].size() * sizeof(std::uint16_t)) == 0);
    }
    for (std::size_t i = 0; i < f.base.tensorCount(); ++i) {
      const ParameterEntry& entry = f.base.entry(i);
      for (std::size_t j = 0; j < entry.count; ++j) {
        const float expected = kernels::cpu::bf16ToFloat(bits[i][j]);
        if (std::memcmp(&expected, &loaded[entry.offset + j], sizeof(float)) != 0) {
          QFAIL(qPrintable(QStringLiteral("%1[%2]: %3 instead of %4")
                               .arg(QString::fromStdString(entry.spec.name)).arg(j)
                               .arg(double(loaded[entry.offset + j])).arg(double(expected))));
        }
      }
    }

    std::size_t matrix = 0;  // the first weight matrix that is not square
    while (tensors[matrix].first.shape.size() != 2 || tensors[matrix].first.shape[0] == tensors[matrix].first.shape[1]) {
      ++matrix;
    }
    std::swap(tensors[matrix].first.shape[0], tensors[matrix].first.shape[1]);
    formats::writeSafetensors(file, tensors);
    std::string error;
    try {
      loadBaseWeights(f.base, formats::ModelWeights::openSingleFile(file));
    } catch (const Error& thrown) {
      error = thrown.what();
    }
    QVERIFY2(error.find(tensors[matrix].first.name) != std::string::npos && error.find("config.json") != std::string::npos,
             error.c_str());
  }

  // fp16 cannot hold what bf16 or fp32 can: a weight beyond 65504 is refused naming the tensor,
  // never kept as infinity. The type of most bytes decides how a base is kept.
  void sixteenBitStorageRefusesWhatItCannotHold() {
    Fixture f;
    const auto folder = test::makeScratchDir();
    const std::filesystem::path file = std::filesystem::path(folder->path().toStdString()) / "model.safetensors";
    std::vector<std::vector<float>> values;
    std::vector<std::pair<formats::TensorDescriptor, std::span<const std::byte>>> tensors;
    for (const ParameterEntry& entry : f.base.entries()) values.emplace_back(entry.count, 0.5f);
    values[0][3] = 70000.0f;
    for (std::size_t i = 0; i < f.base.tensorCount(); ++i) {
      tensors.push_back({formats::TensorDescriptor{f.base.entry(i).spec.name, formats::Dtype::F32,
                                                   f.base.entry(i).spec.shape},
                         std::as_bytes(std::span<const float>(values[i]))});
    }
    formats::writeSafetensors(file, tensors);
    const formats::ModelWeights weights = formats::ModelWeights::openSingleFile(file);
    QCOMPARE(frozenElementType(f.base.specs(), weights), ElementType::F32);
    const ParameterTable half(*f.backend, f.base.specs(), ElementType::F16);
    std::string error;
    try {
      loadBaseWeights(half, weights);
    } catch (const Error& thrown) {
      error = thrown.what();
    }
    QVERIFY2(error.find(f.base.entry(0).spec.name) != std::string::npos && error.find("65504") != std::string::npos,
             error.c_str());
    const ParameterTable bf16(*f.backend, f.base.specs(), ElementType::Bf16);
    loadBaseWeights(bf16, weights);  // bf16 has fp32's range
  }

  void refusesBadBatches() {
    Fixture f;
    Decoder decoder(*f.backend, f.config, f.base, nullptr, nullptr, nullptr);
    try {
      decoder.evaluate(batchOf({{1, 2, 61}}));
      QFAIL("an id outside the vocabulary passed");
    } catch (const Error& error) {
      QVERIFY2(std::string(error.what()).find("token id 61 is outside the model's vocabulary of 61") !=
                   std::string::npos,
               error.what());
    }
    QVERIFY_THROWS_EXCEPTION(Error, decoder.evaluate(TokenBatch{}));
    QVERIFY_THROWS_EXCEPTION(std::logic_error, decoder.forwardBackward(kBatch, 1, 0));
  }
};

QTEST_GUILESS_MAIN(DecoderTest)
#include "tst_decoder.moc"
