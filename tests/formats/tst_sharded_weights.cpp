// Sharded weights: the shard plan and file names huggingface_hub produces, a sharded round trip
// through the writer and ModelWeights, and index/shard disagreements reported with the files named.
#include <QTest>
#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/formats/model_weights.h"
#include "core/formats/sharded_writer.h"
#include "core/util/error.h"
#include "safetensors_test_files.h"
#include "support/scratch.h"

using namespace tiertune;
using namespace tiertune::formats;
using namespace tiertune::test;
namespace fs = std::filesystem;

namespace {

// U8 tensors of the given sizes, named t0, t1, ...: one byte per element makes sizes easy to read.
std::vector<TensorDescriptor> tensorsOfSizes(std::initializer_list<std::int64_t> sizes) {
  std::vector<TensorDescriptor> tensors;
  for (std::int64_t size : sizes)
    tensors.push_back({"t" + std::to_string(tensors.size()), Dtype::U8, {size}});
  return tensors;
}

std::vector<std::vector<std::string>> namesPerShard(const ShardPlan& plan) {
  std::vector<std::vector<std::string>> names;
  for (const auto& shard : plan.shards) {
    names.emplace_back();
    for (const TensorDescriptor& tensor : shard) names.back().push_back(tensor.name);
  }
  return names;
}

bool sameBytes(std::span<const std::byte> a, std::span<const std::byte> b) {
  return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size()) == 0);
}

}  // namespace

class TestShardedWeights : public QObject {
  Q_OBJECT

 private:
  std::unique_ptr<QTemporaryDir> scratch_;
  fs::path folder_;

  // A small model written in three shards: the fixture the index tests then damage.
  std::vector<TensorDescriptor> writeThreeShards() {
    std::vector<TensorDescriptor> tensors{
        {"model.embed_tokens.weight", Dtype::BF16, {8, 4}},           // 64 bytes
        {"model.layers.0.mlp.up_proj.weight", Dtype::BF16, {4, 4}},   // 32
        {"model.layers.0.mlp.down_proj.weight", Dtype::F32, {4, 4}},  // 64
        {"model.norm.weight", Dtype::F16, {4}},                       // 8
        {"lm_head.weight", Dtype::BF16, {8, 4}},                      // 64
    };
    ShardedModelWriter writer(folder_, tensors, 100);
    std::uint32_t seed = 1;
    for (const TensorDescriptor& tensor : tensors)
      writer.write(tensor.name, patternBytes(tensorByteCount(tensor), seed++));
    writer.finish();
    return tensors;
  }

  QString openError() {
    return QString::fromStdString(errorOf([&] { (void)ModelWeights::openFolder(folder_); }));
  }

  void rewriteIndex(const std::function<void(nlohmann::json&)>& change) {
    const fs::path index = folder_ / kWeightsIndexFileName;
    nlohmann::json json = nlohmann::json::parse(readFile(index));
    change(json);
    writeFile(index, json.dump(2));
  }

 private slots:
  void init() {
    scratch_ = makeScratchDir();
    QVERIFY(scratch_->isValid());
    folder_ = scratch_->path().toStdString();
  }

  // huggingface_hub's documented example: sizes [6, 6, 2, 6, 2, 2] with a limit of 10 give
  // [6], [6+2], [6+2+2].
  void plansShardsLikeHuggingFace() {
    const ShardPlan plan = planShards(tensorsOfSizes({6, 6, 2, 6, 2, 2}), 10);
    QCOMPARE(namesPerShard(plan),
             (std::vector<std::vector<std::string>>{{"t0"}, {"t1", "t2"}, {"t3", "t4", "t5"}}));
    QCOMPARE(plan.fileNames,
             (std::vector<std::string>{"model-00001-of-00003.safetensors", "model-00002-of-00003.safetensors",
                                       "model-00003-of-00003.safetensors"}));
    QCOMPARE(plan.totalBytes, std::uint64_t{24});

    // A tensor over the limit gets a shard of its own, placed when it comes; the open shard goes on.
    const ShardPlan oversized = planShards(tensorsOfSizes({3, 50, 4, 5}), 10);
    QCOMPARE(namesPerShard(oversized), (std::vector<std::vector<std::string>>{{"t1"}, {"t0", "t2"}, {"t3"}}));

    const ShardPlan single = planShards(tensorsOfSizes({3, 4}), 10);
    QCOMPARE(single.fileNames, std::vector<std::string>{"model.safetensors"});
    QCOMPARE(planShards({}, 10).fileNames, std::vector<std::string>{"model.safetensors"});
    QCOMPARE(planShards(tensorsOfSizes({1, 1, 1}), 1, "adapter_model").fileNames.back(),
             std::string("adapter_model-00003-of-00003.safetensors"));
    QVERIFY(!errorOf([] { (void)planShards({{"x", Dtype::U8, {1}}, {"x", Dtype::U8, {1}}}, 10); }).empty());
  }

  void shardedRoundTrip() {
    const std::vector<TensorDescriptor> tensors = writeThreeShards();
    QVERIFY(fs::exists(folder_ / "model-00001-of-00003.safetensors"));
    QVERIFY(fs::exists(folder_ / "model-00003-of-00003.safetensors"));
    QVERIFY(!fs::exists(folder_ / "model.safetensors"));

    // The index as transformers writes it: sorted keys, 2-space indent, final newline.
    const std::string indexText = readFile(folder_ / kWeightsIndexFileName);
    QVERIFY(
        indexText.starts_with("{\n  \"metadata\": {\n    \"total_size\": 232\n  },\n  \"weight_map\": {\n    "
                              "\"lm_head.weight\": \"model-00003-of-00003.safetensors\",\n"));
    QVERIFY(indexText.ends_with("}\n"));

    const ModelWeights weights = ModelWeights::openFolder(folder_);
    QCOMPARE(weights.files().size(), std::size_t{3});
    QCOMPARE(weights.tensorCount(), tensors.size());
    QCOMPARE(weights.tensorBytes(), std::uint64_t{232});
    QCOMPARE(weights.declaredTotalSize(), std::optional<std::uint64_t>(232));
    QCOMPARE(weights.source(), folder_ / kWeightsIndexFileName);
    std::uint32_t seed = 1;
    for (const TensorDescriptor& tensor : tensors) {
      const TensorView view = weights.tensor(tensor.name);
      QCOMPARE(view.shape(), tensor.shape);
      QCOMPARE(view.dtype(), tensor.dtype);
      QVERIFY2(sameBytes(view.bytes, patternBytes(tensorByteCount(tensor), seed++)), tensor.name.c_str());
      QCOMPARE(weights.fileOf(tensor.name).metadata().at("format"), std::string("pt"));
    }
    // 64 + 32 > 100 is false, + 64 is: shard 1 holds the embeddings and up_proj.
    QCOMPARE(weights.fileOf("model.layers.0.mlp.up_proj.weight").path().filename().string(),
             std::string("model-00001-of-00003.safetensors"));
    QCOMPARE(weights.find("absent"), nullptr);
    QVERIFY(QString::fromStdString(errorOf([&] {
              (void)weights.tensor("absent");
            })).contains("no tensor named absent"));
  }

  void oneShardIsOneFileWithoutIndex() {
    const std::vector<TensorDescriptor> tensors = tensorsOfSizes({10, 20});
    ShardedModelWriter writer(folder_, tensors);
    writer.write("t0", patternBytes(10, 1));
    writer.write("t1", patternBytes(20, 2));
    writer.finish();
    QVERIFY(fs::exists(folder_ / "model.safetensors"));
    QVERIFY(!fs::exists(folder_ / kWeightsIndexFileName));
    const ModelWeights weights = ModelWeights::openFolder(folder_);
    QCOMPARE(weights.names(), (std::vector<std::string>{"t0", "t1"}));
    QVERIFY(sameBytes(weights.tensor("t1").bytes, patternBytes(20, 2)));
    QVERIFY(!weights.declaredTotalSize());
  }

  void aMissingShardIsNamed() {
    writeThreeShards();
    fs::remove(folder_ / "model-00002-of-00003.safetensors");
    const QString message = openError();
    QVERIFY2(message.contains("model.safetensors.index.json") &&
                 message.contains("model-00002-of-00003.safetensors") &&
                 message.contains("download is incomplete"),
             qPrintable(message));
  }

  void aListedTensorMissingFromItsShardIsNamed() {
    writeThreeShards();
    rewriteIndex([](nlohmann::json& index) {
      index["weight_map"]["model.layers.0.ghost.weight"] = "model-00001-of-00003.safetensors";
    });
    const QString message = openError();
    QVERIFY2(message.contains("tensor model.layers.0.ghost.weight is in model-00001-of-00003.safetensors") &&
                 message.contains("has no tensor of that name"),
             qPrintable(message));
  }

  void aTensorInTwoShardsIsNamed() {
    writeThreeShards();
    // Shard 3 rewritten to also hold model.norm.weight, which the index places in shard 2.
    const fs::path third = folder_ / "model-00003-of-00003.safetensors";
    writeSafetensors(third, {{{"lm_head.weight", Dtype::BF16, {8, 4}}, patternBytes(64, 5)},
                             {{"model.norm.weight", Dtype::F16, {4}}, patternBytes(8, 4)}});
    const QString message = openError();
    QVERIFY2(message.contains("tensor model.norm.weight is in two shards") &&
                 message.contains("model-00002-of-00003.safetensors") &&
                 message.contains("model-00003-of-00003.safetensors"),
             qPrintable(message));
  }

  void aShardTensorMissingFromTheIndexIsNamed() {
    writeThreeShards();
    rewriteIndex([](nlohmann::json& index) { index["weight_map"].erase("model.norm.weight"); });
    const QString message = openError();
    QVERIFY2(message.contains(
                 "model-00002-of-00003.safetensors: tensor model.norm.weight is in this file but not in"),
             qPrintable(message));
  }

  void shardNamesMustStayInTheFolder() {
    writeThreeShards();
    rewriteIndex(
        [](nlohmann::json& index) { index["weight_map"]["lm_head.weight"] = "../elsewhere.safetensors"; });
    const QString message = openError();
    QVERIFY2(message.contains("tensor lm_head.weight") && message.contains("not a plain file name"),
             qPrintable(message));
  }

  void aBrokenIndexIsNamed() {
    writeThreeShards();
    writeFile(folder_ / kWeightsIndexFileName, "{\"metadata\": {}}");
    QVERIFY2(openError().contains("\"weight_map\""), qPrintable(openError()));
    writeFile(folder_ / kWeightsIndexFileName, "{\"weight_map\": ");
    QVERIFY2(openError().contains("not valid JSON"), qPrintable(openError()));
  }

  void aFolderWithoutWeightsIsExplained() {
    writeFile(folder_ / "pytorch_model.bin", "pickle");
    const QString message = openError();
    QVERIFY2(message.contains(QString::fromStdString(folder_.string())) &&
                 message.contains("no model weights found") && message.contains("pytorch_model.bin"),
             qPrintable(message));
  }

  void aDamagedShardIsNamedThroughTheIndex() {
    writeThreeShards();
    const fs::path second = folder_ / "model-00002-of-00003.safetensors";
    const std::string bytes = readFile(second);
    writeFile(second, bytes.substr(0, bytes.size() - 3));
    const QString message = openError();
    QVERIFY2(message.contains("model-00002-of-00003.safetensors") && message.contains("truncated"),
             qPrintable(message));
  }
};

QTEST_GUILESS_MAIN(TestShardedWeights)
#include "tst_sharded_weights.moc"
