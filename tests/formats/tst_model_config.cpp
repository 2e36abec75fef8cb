// config.json of the four supported families: the numbers each published config gives, parameter
// counts equal to the published ones, defaults and errors that name the field, and the check of
// a config against the weights of a tiny model written with the real writer.
#include <QTest>
#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/formats/model_config.h"
#include "core/formats/model_weights.h"
#include "core/formats/safetensors_writer.h"
#include "core/formats/weights_check.h"
#include "core/util/error.h"
#include "safetensors_test_files.h"
#include "support/scratch.h"

using namespace tiertune;
using namespace tiertune::formats;
using namespace tiertune::test;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

fs::path fixture(const char* name) { return fs::path(TIERTUNE_FORMATS_TEST_DATA) / name; }

// A tiny Llama: 2 layers, hidden 8, 2 heads of 4, 1 key/value head, MLP 16, vocabulary 32.
json tinyLlama() {
  return json{{"architectures", {"LlamaForCausalLM"}},
              {"hidden_size", 8},
              {"num_hidden_layers", 2},
              {"num_attention_heads", 2},
              {"num_key_value_heads", 1},
              {"intermediate_size", 16},
              {"vocab_size", 32},
              {"max_position_embeddings", 64},
              {"rms_norm_eps", 1e-5}};
}

ModelConfig parse(const json& config) { return parseModelConfig(config.dump()); }

QString parseError(const json& config) {
  return QString::fromStdString(errorOf([&] { (void)parse(config); }));
}

bool hasProblemContaining(const std::vector<std::string>& problems, const std::string& text) {
  return std::any_of(problems.begin(), problems.end(),
                     [&](const std::string& p) { return p.find(text) != std::string::npos; });
}

}  // namespace

class TestModelConfig : public QObject {
  Q_OBJECT

 private:
  std::unique_ptr<QTemporaryDir> scratch_;
  fs::path folder_;

 private slots:
  void init() {
    scratch_ = makeScratchDir();
    QVERIFY(scratch_->isValid());
    folder_ = scratch_->path().toStdString();
  }

  void qwen25() {
    const ModelConfig config = loadModelConfig(fixture("qwen2.5-0.5b.config.json"));
    QCOMPARE(config.architecture, Architecture::Qwen2);
    QCOMPARE(config.hiddenSize, 896);
    QCOMPARE(config.layerCount, 24);
    QCOMPARE(config.attentionHeads, 14);
    QCOMPARE(config.keyValueHeads, 2);
    QCOMPARE(config.headDim, 64);
    QCOMPARE(config.intermediateSize, 4864);
    QCOMPARE(config.vocabSize, 151936);
    QCOMPARE(config.maxPositionEmbeddings, 32768);
    QCOMPARE(config.rmsNormEps, 1e-6);
    QCOMPARE(config.ropeTheta, 1e6);
    QCOMPARE(config.ropeScaling.type, RopeScalingType::None);
    QVERIFY(config.tieWordEmbeddings);
    QVERIFY(config.qkvBias);  // Qwen2 always, though config.json does not say so
    QVERIFY(!config.outputProjectionBias);
    QVERIFY(!config.qkNorm);
    QCOMPARE(config.slidingWindow, 0);  // use_sliding_window is false
    QCOMPARE(config.bosTokenId, std::optional<std::int64_t>(151643));
    QCOMPARE(config.eosTokenIds, std::vector<std::int64_t>{151643});
    QCOMPARE(config.dtype, std::string("bfloat16"));
    QCOMPARE(parameterCount(config), std::uint64_t{494'032'768});
  }

  void llama32() {
    const ModelConfig config = loadModelConfig(fixture("llama-3.2-1b.config.json"));
    QCOMPARE(config.architecture, Architecture::Llama);
    QCOMPARE(config.hiddenSize, 2048);
    QCOMPARE(config.layerCount, 16);
    QCOMPARE(config.attentionHeads, 32);
    QCOMPARE(config.keyValueHeads, 8);
    QCOMPARE(config.headDim, 64);
    QCOMPARE(config.intermediateSize, 8192);
    QCOMPARE(config.vocabSize, 128256);
    QCOMPARE(config.maxPositionEmbeddings, 131072);
    QCOMPARE(config.rmsNormEps, 1e-5);
    QCOMPARE(config.ropeTheta, 500000.0);
    QCOMPARE(config.ropeScaling.type, RopeScalingType::Llama3);
    QCOMPARE(config.ropeScaling.factor, 32.0);
    QCOMPARE(config.ropeScaling.lowFreqFactor, 1.0);
    QCOMPARE(config.ropeScaling.highFreqFactor, 4.0);
    QCOMPARE(config.ropeScaling.originalMaxPositionEmbeddings, 8192);
    QVERIFY(config.tieWordEmbeddings);
    QVERIFY(!config.qkvBias && !config.outputProjectionBias && !config.mlpBias && !config.qkNorm);
    QCOMPARE(config.slidingWindow, 0);
    QCOMPARE(config.bosTokenId, std::optional<std::int64_t>(128000));
    QCOMPARE(config.eosTokenIds, std::vector<std::int64_t>{128001});
    QCOMPARE(parameterCount(config), std::uint64_t{1'235'814'400});
  }

  void mistral7b() {
    const ModelConfig config = loadModelConfig(fixture("mistral-7b-v0.1.config.json"));
    QCOMPARE(config.architecture, Architecture::Mistral);
    QCOMPARE(config.hiddenSize, 4096);
    QCOMPARE(config.layerCount, 32);
    QCOMPARE(config.keyValueHeads, 8);
    QCOMPARE(config.headDim, 128);
    QCOMPARE(config.intermediateSize, 14336);
    QCOMPARE(config.vocabSize, 32000);
    QCOMPARE(config.ropeTheta, 10000.0);
    QCOMPARE(config.slidingWindow, 4096);
    QCOMPARE(config.slidingWindowFirstLayer, 0);
    QVERIFY(!config.tieWordEmbeddings);
    QVERIFY(!config.qkvBias);
    QCOMPARE(config.bosTokenId, std::optional<std::int64_t>(1));
    QCOMPARE(config.eosTokenIds, std::vector<std::int64_t>{2});
    QCOMPARE(parameterCount(config), std::uint64_t{7'241'732'096});
    const auto tensors = expectedTensors(config);
    QCOMPARE(tensors.back().name, std::string("lm_head.weight"));
    QCOMPARE(tensors.back().shape, (std::vector<std::int64_t>{32000, 4096}));
  }

  void qwen3() {
    const ModelConfig config = loadModelConfig(fixture("qwen3-0.6b.config.json"));
    QCOMPARE(config.architecture, Architecture::Qwen3);
    QCOMPARE(config.hiddenSize, 1024);
    QCOMPARE(config.layerCount, 28);
    QCOMPARE(config.attentionHeads, 16);
    QCOMPARE(config.keyValueHeads, 8);
    QCOMPARE(config.headDim, 128);  // explicit: not 1024 / 16
    QCOMPARE(config.maxPositionEmbeddings, 40960);
    QVERIFY(config.qkNorm);
    QVERIFY(!config.qkvBias);
    QCOMPARE(config.ropeTheta, 1e6);
    QCOMPARE(config.eosTokenIds, std::vector<std::int64_t>{151645});
    QCOMPARE(parameterCount(config), std::uint64_t{596'049'920});
    const auto tensors = expectedTensors(config);
    const auto qProj = std::find_if(tensors.begin(), tensors.end(), [](const ExpectedTensor& t) {
      return t.name == "model.layers.0.self_attn.q_proj.weight";
    });
    QVERIFY(qProj != tensors.end());
    QCOMPARE(qProj->shape, (std::vector<std::int64_t>{2048, 1024}));  // [heads * head_dim, hidden]
  }

  void unsupportedArchitecturesAreNamed() {
    json config = tinyLlama();
    config["architectures"] = {"GemmaForCausalLM"};
    QCOMPARE(parseError(config),
             QStringLiteral("config.json: architecture GemmaForCausalLM is not supported yet; supported are "
                            "LlamaForCausalLM, MistralForCausalLM, Qwen2ForCausalLM and Qwen3ForCausalLM."));
    config.erase("architectures");
    config["model_type"] = "phi3";
    QVERIFY(parseError(config).contains("architecture model_type phi3 is not supported yet"));
    config["model_type"] = "qwen2";
    QCOMPARE(parse(config).architecture, Architecture::Qwen2);
  }

  void missingAndIllTypedFieldsAreNamed() {
    json config = tinyLlama();
    config.erase("hidden_size");
    QVERIFY2(parseError(config).startsWith("config.json: the field \"hidden_size\" is missing"),
             qPrintable(parseError(config)));
    config = tinyLlama();
    config["num_hidden_layers"] = "two";
    QVERIFY2(parseError(config).contains("\"num_hidden_layers\" must be a whole number"),
             qPrintable(parseError(config)));
    config = tinyLlama();
    config["vocab_size"] = 0;
    QVERIFY(parseError(config).contains("\"vocab_size\" must be positive"));
    config = tinyLlama();
    config["hidden_size"] = std::int64_t{1} << 40;
    QVERIFY(parseError(config).contains("\"hidden_size\" is 1099511627776, more than any real model has"));
    // 2^63 and above are unsigned in JSON: said as written, never as a negative number.
    config = tinyLlama();
    config["max_position_embeddings"] = std::uint64_t{1} << 63;
    QVERIFY2(parseError(config).contains("\"max_position_embeddings\" is 9223372036854775808, more than any real model has"),
             qPrintable(parseError(config)));
    QVERIFY(!parseError(config).contains("-9223372036854775808"));
    config = tinyLlama();
    config["num_hidden_layers"] = 1000000;
    QVERIFY(parseError(config).contains("\"num_hidden_layers\" is 1000000"));
    config = tinyLlama();
    config["tie_word_embeddings"] = "yes";
    QVERIFY(parseError(config).contains("\"tie_word_embeddings\" must be true or false"));
    config = tinyLlama();
    config["rms_norm_eps"] = "small";
    QVERIFY(parseError(config).contains("\"rms_norm_eps\" must be a number"));
    config = tinyLlama();
    config["eos_token_id"] = {1, "two"};
    QVERIFY(parseError(config).contains("\"eos_token_id\""));

    const fs::path file = folder_ / "config.json";
    writeFile(file, "{\"architectures\": [");
    const QString message = QString::fromStdString(errorOf([&] { (void)loadModelConfig(file); }));
    QVERIFY2(message.contains(QString::fromStdString(file.string())) && message.contains("not valid JSON"),
             qPrintable(message));
    writeFile(file, "{\"hidden_size\": 1e999}");  // out of double range: an error, not a crash
    QVERIFY(QString::fromStdString(errorOf([&] { (void)loadModelConfig(file); })).contains("not valid JSON"));
    QVERIFY(QString::fromStdString(errorOf([&] {
              (void)loadModelConfig(folder_ / "absent.json");
            })).contains("cannot open"));
  }

  void inconsistentShapesAreRefused() {
    json config = tinyLlama();
    config["hidden_size"] = 9;
    QVERIFY2(parseError(config).contains("\"hidden_size\" (9) must be divisible by num_attention_heads (2)"),
             qPrintable(parseError(config)));
    config["head_dim"] = 4;  // an explicit head_dim lifts that rule
    QCOMPARE(parse(config).headDim, 4);
    config = tinyLlama();
    config["num_attention_heads"] = 3;
    config["num_key_value_heads"] = 2;
    config["head_dim"] = 4;
    QVERIFY(parseError(config).contains(
        "\"num_attention_heads\" (3) must be a multiple of num_key_value_heads (2)"));
  }

  void defaultsFollowTransformers() {
    json config = tinyLlama();
    config.erase("num_key_value_heads");
    const ModelConfig parsed = parse(config);
    QCOMPARE(parsed.keyValueHeads, 2);  // = heads
    QCOMPARE(parsed.headDim, 4);        // hidden / heads
    QCOMPARE(parsed.ropeTheta, 10000.0);
    QCOMPARE(parsed.ropeScaling.type, RopeScalingType::None);
    QVERIFY(!parsed.tieWordEmbeddings);
    QVERIFY(!parsed.bosTokenId);
    QVERIFY(parsed.eosTokenIds.empty());
    QVERIFY(parsed.dtype.empty());

    config["eos_token_id"] = {128001, 128008, 128009};
    config["dtype"] = "float16";  // the newer spelling of torch_dtype
    config["attention_bias"] = true;
    config["mlp_bias"] = true;
    const ModelConfig withLists = parse(config);
    QCOMPARE(withLists.eosTokenIds, (std::vector<std::int64_t>{128001, 128008, 128009}));
    QCOMPARE(withLists.dtype, std::string("float16"));
    QVERIFY(withLists.qkvBias && withLists.outputProjectionBias && withLists.mlpBias);
  }

  void ropeScalings() {
    json config = tinyLlama();
    config["rope_scaling"] = {{"type", "linear"}, {"factor", 2.0}};
    QCOMPARE(parse(config).ropeScaling.type, RopeScalingType::Linear);
    QCOMPARE(parse(config).ropeScaling.factor, 2.0);
    config["rope_scaling"] = {{"rope_type", "dynamic"}, {"factor", 4.0}};
    QCOMPARE(parse(config).ropeScaling.type, RopeScalingType::Dynamic);
    QCOMPARE(parse(config).ropeScaling.originalMaxPositionEmbeddings, 64);
    config["rope_scaling"] = {{"rope_type", "yarn"}, {"factor", 4.0}};
    QVERIFY2(parseError(config).contains("rope scaling \"yarn\" (rope_scaling) is not supported yet"),
             qPrintable(parseError(config)));
    config["rope_scaling"] = {
        {"rope_type", "llama3"}, {"factor", 8.0}, {"low_freq_factor", 1.0}, {"high_freq_factor", 4.0}};
    QVERIFY2(parseError(config).contains("\"rope_scaling.original_max_position_embeddings\" is missing"),
             qPrintable(parseError(config)));
    config["rope_scaling"] = {{"factor", 8.0}};
    QVERIFY(parseError(config).contains("\"rope_scaling.rope_type\" is missing"));
    config["rope_scaling"] = {{"rope_type", "default"}};
    QCOMPARE(parse(config).ropeScaling.type, RopeScalingType::None);

    // Transformers 5 keeps theta and the scaling in rope_parameters.
    config.erase("rope_scaling");
    config["rope_parameters"] = {{"rope_type", "llama3"},   {"rope_theta", 500000.0},
                                 {"factor", 32.0},          {"low_freq_factor", 1.0},
                                 {"high_freq_factor", 4.0}, {"original_max_position_embeddings", 8192}};
    const ModelConfig parsed = parse(config);
    QCOMPARE(parsed.ropeTheta, 500000.0);
    QCOMPARE(parsed.ropeScaling.type, RopeScalingType::Llama3);
  }

  void slidingWindows() {
    json mistral = tinyLlama();
    mistral["architectures"] = {"MistralForCausalLM"};
    QCOMPARE(parse(mistral).slidingWindow, 4096);  // transformers' default when the key is absent
    mistral["sliding_window"] = nullptr;           // Mistral v0.2 and later: no window
    QCOMPARE(parse(mistral).slidingWindow, 0);

    json qwen = tinyLlama();
    qwen["architectures"] = {"Qwen2ForCausalLM"};
    qwen["sliding_window"] = 16;
    qwen["max_window_layers"] = 1;
    QCOMPARE(parse(qwen).slidingWindow, 0);  // use_sliding_window absent: false
    qwen["use_sliding_window"] = true;
    QCOMPARE(parse(qwen).slidingWindow, 16);
    QCOMPARE(parse(qwen).slidingWindowFirstLayer, 1);
    qwen["layer_types"] = {"full_attention", "full_attention"};
    QCOMPARE(parse(qwen).slidingWindow, 0);
    qwen["layer_types"] = {"sliding_attention", "full_attention"};
    QVERIFY(parseError(qwen).contains("\"layer_types\""));
  }

  void refusesWhatCannotBeTrained() {
    json config = tinyLlama();
    config["quantization_config"] = {{"quant_method", "gptq"}, {"bits", 4}};
    QVERIFY2(parseError(config).contains("quantized model (gptq)"), qPrintable(parseError(config)));
    config = tinyLlama();
    config["hidden_act"] = "gelu";
    QVERIFY(parseError(config).contains("\"hidden_act\" is \"gelu\""));
  }

  void tinyModelWeightsMatchTheirConfig_data() {
    QTest::addColumn<QString>("architecture");
    QTest::newRow("llama") << "LlamaForCausalLM";
    QTest::newRow("mistral") << "MistralForCausalLM";
    QTest::newRow("qwen2") << "Qwen2ForCausalLM";
    QTest::newRow("qwen3") << "Qwen3ForCausalLM";
  }
  void tinyModelWeightsMatchTheirConfig() {
    QFETCH(QString, architecture);
    json document = tinyLlama();
    document["architectures"] = {architecture.toStdString()};
    const ModelConfig config = parse(document);
    writeTinyModel(config, folder_);
    const ModelWeights weights = ModelWeights::openFolder(folder_);
    QVERIFY(checkWeightsAgainstConfig(config, weights).empty());
    QCOMPARE(weights.tensorBytes(), 2 * parameterCount(config));  // BF16
    if (architecture == "Qwen2ForCausalLM") QVERIFY(weights.find("model.layers.1.self_attn.k_proj.bias"));
    if (architecture == "Qwen3ForCausalLM") QVERIFY(weights.find("model.layers.0.self_attn.q_norm.weight"));
  }

  void weightProblemsAreExplained() {
    const ModelConfig config = parse(tinyLlama());
    std::vector<TensorDescriptor> tensors;
    for (const ExpectedTensor& expected : expectedTensors(config)) {
      if (expected.name == "model.layers.1.mlp.up_proj.weight") continue;  // missing
      TensorDescriptor descriptor{expected.name, Dtype::BF16, expected.shape};
      if (expected.name == "model.layers.0.self_attn.k_proj.weight")
        descriptor.shape = {8, 8};                                              // wrong shape
      if (expected.name == "model.norm.weight") descriptor.dtype = Dtype::I64;  // unloadable
      tensors.push_back(descriptor);
    }
    tensors.push_back({"model.layers.0.self_attn.rotary_emb.inv_freq", Dtype::F32, {2}});  // harmless
    tensors.push_back({"model.layers.2.mlp.up_proj.weight", Dtype::BF16, {16, 8}});        // a third layer
    {
      SafetensorsWriter writer(folder_ / "model.safetensors", tensors);
      for (const TensorDescriptor& tensor : tensors)
        writer.write(tensor.name, patternBytes(tensorByteCount(tensor), 1));
      writer.finish();
    }
    const std::vector<std::string> problems =
        englishOf(checkWeightsAgainstConfig(config, ModelWeights::openFolder(folder_)));
    QCOMPARE(problems.size(), std::size_t{4});
    QVERIFY(hasProblemContaining(
        problems, "tensor model.layers.1.mlp.up_proj.weight is missing (expected shape [16, 8])"));
    QVERIFY(hasProblemContaining(
        problems,
        "tensor model.layers.0.self_attn.k_proj.weight has shape [8, 8], but config.json implies [4, 8]"));
    QVERIFY(hasProblemContaining(problems, "tensor model.norm.weight holds I64 values"));
    QVERIFY(hasProblemContaining(
        problems, "tensor model.layers.2.mlp.up_proj.weight is not part of a LlamaForCausalLM model"));
  }

  void aTiedModelWithAnOutputLayerIsFlagged() {
    json document = tinyLlama();
    document["tie_word_embeddings"] = false;
    writeTinyModel(parse(document), folder_);  // has lm_head.weight
    document["tie_word_embeddings"] = true;
    const std::vector<std::string> problems =
        englishOf(checkWeightsAgainstConfig(parse(document), ModelWeights::openFolder(folder_)));
    QCOMPARE(problems.size(), std::size_t{1});
    QVERIFY(hasProblemContaining(problems, "lm_head.weight is present, but config.json ties"));
  }
};

QTEST_GUILESS_MAIN(TestModelConfig)
#include "tst_model_config.moc"
