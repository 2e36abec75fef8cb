// The GGUF export's rules that need no reference package: the writer's header bytes, alignment and
// refusals; Q8_0 blocks; llama.cpp's rotary row order; the Ollama Modelfile of each chat template
// family (TEMPLATE text and stop lines); the LM Studio layout; refusal of non-finite weights;
// progress and cancel. tests/conformance/tst_gguf_export reads whole exports back with an
// independent parser.
#include <QProcess>
#include <QTest>
#include <cmath>
#include <cstring>
#include <limits>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/export/gguf_export.h"
#include "core/export/gguf_model_metadata.h"
#include "core/export/gguf_vocabulary.h"
#include "core/export/ollama_modelfile.h"
#include "core/formats/chat_template/chat_template.h"
#include "core/formats/gguf_q8_0.h"
#include "core/formats/gguf_writer.h"
#include "core/formats/safetensors_reader.h"
#include "core/formats/safetensors_writer.h"
#include "core/util/error.h"
#include "core/util/read_file.h"
#include "kernels/cpu/half_precision.h"
#include "tests/support/scratch.h"
#include "tests/support/tiny_model.h"

using namespace tiertune;
using namespace tiertune::exports;
namespace fs = std::filesystem;

Q_DECLARE_METATYPE(tiertune::exports::GgufFileType)

namespace {

std::string fileText(const fs::path& file) { return readWholeFile(file); }

GgufExportOptions flatOptions(const fs::path& output, const std::string& name, GgufFileType type = GgufFileType::F16) {
  GgufExportOptions options;
  options.outputFolder = output;
  options.modelName = name;
  options.fileType = type;
  return options;
}

template <typename Word>
Word wordAt(const std::string& bytes, std::size_t at) {
  Word word;
  std::memcpy(&word, bytes.data() + at, sizeof word);
  return word;
}

// The tiny Llama with a byte-level tokenizer (GPT-2 style), which GGUF can carry.
void writeExportableModel(const fs::path& folder) {
  test::writeRandomModelFolder(folder, test::kTinyLlamaConfig, 3);
  test::makeTinyTokenizerByteLevel(folder);
}

const char* const kChatMl = "{% for m in messages %}<|im_start|>{{ m.role }}\n{{ m.content }}<|im_end|>\n{% endfor %}";
const char* const kLlama3 = "{{ '<|start_header_id|>' + m.role + '<|end_header_id|>\n\n' }}";
const char* const kLlama2 = "{{ '[INST] <<SYS>>\n' + system + '\n<</SYS>>\n\n' + content + ' [/INST]' }}";
// Mistral v0.3: no space before [/INST], a space before the answer, the system prompt in the last
// user turn.
const char* const kMistralV3 =
    R"({%- if messages[0]["role"] == "system" %}{%- set system_message = messages[0]["content"] %})"
    R"({%- set loop_messages = messages[1:] %}{%- else %}{%- set loop_messages = messages %}{%- endif %})"
    R"({{- bos_token }}{%- for message in loop_messages %}{%- if message["role"] == "user" %})"
    R"({%- if loop.last and system_message is defined %})"
    R"({{- "[INST] " + system_message + "\n\n" + message["content"] + "[/INST]" }})"
    R"({%- else %}{{- "[INST] " + message["content"] + "[/INST]" }}{%- endif %})"
    R"({%- elif message["role"] == "assistant" %}{{- " " + message["content"] + eos_token}}{%- endif %}{%- endfor %})";
// Mixtral: " [INST] " after BOS, the system prompt in the first user turn.
const char* const kMixtral =
    R"({%- if messages[0]['role'] == 'system' %}{%- set system_message = messages[0]['content'] %})"
    R"({%- set loop_messages = messages[1:] %}{%- else %}{%- set loop_messages = messages %}{%- endif %}{{- bos_token }})"
    R"({%- for message in loop_messages %}{%- if message['role'] == 'user' %})"
    R"({%- if loop.first and system_message is defined %})"
    R"({{- ' [INST] ' + system_message + '\n\n' + message['content'] + ' [/INST]' }})"
    R"({%- else %}{{- ' [INST] ' + message['content'] + ' [/INST]' }}{%- endif %})"
    R"({%- elif message['role'] == 'assistant' %}{{- ' ' + message['content'] + eos_token}}{%- endif %}{%- endfor %})";
// Meta Llama 3 Instruct's template.
const char* const kLlama3Instruct =
    R"({% set loop_messages = messages %}{% for message in loop_messages %})"
    R"({% set content = '<|start_header_id|>' + message['role'] + '<|end_header_id|>\n\n'+ message['content'] | trim + '<|eot_id|>' %})"
    R"({% if loop.index0 == 0 %}{% set content = bos_token + content %}{% endif %}{{ content }}{% endfor %})"
    R"({% if add_generation_prompt %}{{ '<|start_header_id|>assistant<|end_header_id|>\n\n' }}{% endif %})";
// A template the renderer cannot take apart: the fixed [INST] shape.
const char* const kInstUnrenderable = "{{ '[INST] ' + undefined_function() + ' [/INST]' }}";

}  // namespace

class GgufExportRulesTest : public QObject {
  Q_OBJECT

  std::unique_ptr<QTemporaryDir> scratch_;
  fs::path root() const { return scratch_->path().toStdString(); }

 private slots:
  void initTestCase() {
    scratch_ = test::makeScratchDir();
    QVERIFY(scratch_->isValid());
  }

  void writerHeaderAndAlignment() {
    formats::GgufMetadata metadata;
    metadata.add("general.architecture", "llama");
    const fs::path file = root() / "header.gguf";
    formats::GgufWriter writer(file, metadata, {{"x", formats::GgufTensorType::F32, {3}}, {"y", formats::GgufTensorType::F16, {5}}});
    QCOMPARE(writer.dataStart() % 32, std::uint64_t{0});
    QCOMPARE(writer.dataOffsets(), (std::vector<std::uint64_t>{0, 32}));
    QVERIFY(!fs::exists(file));  // nothing under the real name before finish()
    writer.write("x", std::vector<std::byte>(12, std::byte{0x11}));
    writer.write("y", std::vector<std::byte>(10, std::byte{0x22}));
    writer.finish();
    const std::string bytes = fileText(file);
    QCOMPARE(bytes.substr(0, 4), std::string("GGUF"));
    QCOMPARE(wordAt<std::uint32_t>(bytes, 4), 3u);             // version
    QCOMPARE(wordAt<std::uint64_t>(bytes, 8), std::uint64_t{2});   // tensors
    QCOMPARE(wordAt<std::uint64_t>(bytes, 16), std::uint64_t{2});  // architecture + general.alignment
    QCOMPARE(bytes.size(), writer.dataStart() + 64);
    QCOMPARE(bytes[writer.dataStart() + 11], '\x11');
    QCOMPARE(bytes[writer.dataStart() + 12], '\0');  // padding
    QCOMPARE(bytes[writer.dataStart() + 32], '\x22');
  }

  void writerRefusals() {
    formats::GgufMetadata metadata;
    metadata.add("a", std::uint32_t{1});
    QVERIFY_THROWS_EXCEPTION(Error, metadata.add("a", std::uint32_t{2}));
    QVERIFY_THROWS_EXCEPTION(Error, formats::GgufWriter(root() / "q.gguf", metadata, {{"w", formats::GgufTensorType::Q8_0, {48, 2}}}));
    QVERIFY_THROWS_EXCEPTION(Error, formats::GgufWriter(root() / "d.gguf", metadata,
                                                        {{"w", formats::GgufTensorType::F32, {2}}, {"w", formats::GgufTensorType::F32, {2}}}));
    const fs::path file = root() / "incomplete.gguf";
    {
      formats::GgufWriter writer(file, metadata, {{"a", formats::GgufTensorType::F32, {2}}, {"b", formats::GgufTensorType::F32, {2}}});
      QVERIFY_THROWS_EXCEPTION(Error, writer.write("b", std::vector<std::byte>(8)));  // out of order
      writer.write("a", std::vector<std::byte>(8));
      QVERIFY_THROWS_EXCEPTION(Error, writer.write("b", std::vector<std::byte>(9)));  // too many bytes
      QVERIFY_THROWS_EXCEPTION(Error, writer.finish());                               // b is missing
    }
    QVERIFY(!fs::exists(file));
    for (const auto& entry : fs::directory_iterator(root())) {
      QVERIFY2(entry.path().filename().string().find(".tmp-") == std::string::npos, "a temporary file was left behind");
    }
  }

  void q8_0Blocks() {
    std::vector<float> values(32);
    for (int i = 0; i < 32; ++i) values[i] = static_cast<float>(i - 16) * 0.25f;  // max |x| = 4
    std::vector<std::byte> out;
    formats::appendQ8_0Blocks(values, out);
    QCOMPARE(out.size(), std::size_t{34});
    std::uint16_t scaleBits;
    std::memcpy(&scaleBits, out.data(), 2);
    QCOMPARE(scaleBits, kernels::cpu::floatToF16(4.0f / 127.0f));
    QCOMPARE(static_cast<std::int8_t>(out[2]), std::int8_t{-127});  // -4 is the largest magnitude
    QCOMPARE(static_cast<std::int8_t>(out[2 + 16]), std::int8_t{0});
    QCOMPARE(static_cast<std::int8_t>(out[2 + 17]), static_cast<std::int8_t>(std::round(0.25f * 127.0f / 4.0f)));
    out.clear();
    formats::appendQ8_0Blocks(std::vector<float>(32, 0.0f), out);  // all zero: scale 0
    QVERIFY(std::all_of(out.begin(), out.end(), [](std::byte b) { return b == std::byte{0}; }));
  }

  void rotaryRowsOfTheLlamaArchitecture() {
    // One head of 4 rows: rotate_half pairs (0, 2) and (1, 3) become adjacent.
    QCOMPARE(permuteRotaryRows({0, 1, 2, 3}, 1, 1), (std::vector<float>{0, 2, 1, 3}));
    // Two heads of 4 rows, 2 columns each.
    const std::vector<float> rows = {0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7};
    QCOMPARE(permuteRotaryRows(rows, 2, 2), (std::vector<float>{0, 0, 2, 2, 1, 1, 3, 3, 4, 4, 6, 6, 5, 5, 7, 7}));
  }

  void planOfQwen2AndMistral() {
    // Qwen2: qkv biases, NEOX rope in llama.cpp, so nothing is reordered.
    const formats::ModelConfig qwen2 = formats::parseModelConfig(
        R"({"architectures":["Qwen2ForCausalLM"],"hidden_size":64,"num_hidden_layers":1,"num_attention_heads":4,
            "num_key_value_heads":2,"intermediate_size":96,"vocab_size":128,"max_position_embeddings":256,"rms_norm_eps":1e-6,
            "tie_word_embeddings":true})");
    QCOMPARE(ggufArchitecture(qwen2), std::string("qwen2"));
    std::vector<std::string> names;
    for (const GgufTensorPlan& entry : planGgufTensors(qwen2, GgufFileType::Q8_0)) {
      names.push_back(entry.info.name);
      QCOMPARE(entry.rotaryHeads, std::int64_t{0});
      const bool matrix = entry.info.dims.size() == 2;
      QCOMPARE(entry.info.type, matrix ? formats::GgufTensorType::Q8_0 : formats::GgufTensorType::F32);
    }
    const std::vector<std::string> expected = {
        "token_embd.weight", "blk.0.attn_norm.weight", "blk.0.attn_q.weight", "blk.0.attn_q.bias", "blk.0.attn_k.weight",
        "blk.0.attn_k.bias", "blk.0.attn_v.weight", "blk.0.attn_v.bias", "blk.0.attn_output.weight", "blk.0.ffn_norm.weight",
        "blk.0.ffn_gate.weight", "blk.0.ffn_up.weight", "blk.0.ffn_down.weight", "output_norm.weight"};
    QCOMPARE(names, expected);

    formats::ModelConfig mistral = qwen2;
    mistral.architecture = formats::Architecture::Mistral;
    QCOMPARE(ggufArchitecture(mistral), std::string("llama"));
  }

  void ropeScalingsLlamaCppCannotRun() {
    formats::ModelConfig config = formats::parseModelConfig(test::kTinyLlamaConfig);
    formats::GgufMetadata metadata;
    config.ropeScaling.type = formats::RopeScalingType::Dynamic;
    QVERIFY_THROWS_EXCEPTION(Error, addModelMetadata(metadata, config, "m", GgufFileType::F16));
    config.architecture = formats::Architecture::Qwen2;
    config.ropeScaling.type = formats::RopeScalingType::Llama3;
    formats::GgufMetadata other;
    QVERIFY_THROWS_EXCEPTION(Error, addModelMetadata(other, config, "m", GgufFileType::F16));
  }

  void modelfileOfEachFamily_data() {
    QTest::addColumn<QString>("chatTemplate");
    QTest::addColumn<QString>("eos");
    QTest::addColumn<QString>("templateStart");
    QTest::addColumn<QString>("templatePart");
    QTest::addColumn<QStringList>("stops");
    QTest::newRow("chatml") << kChatMl << "<|im_end|>" << "{{- if .System }}<|im_start|>system\n"
                            << "<|im_start|>assistant\n{{ end }}" << QStringList{"<|im_start|>", "<|im_end|>"};
    QTest::newRow("chatml, other eos") << kChatMl << "<|endoftext|>" << "{{- if .System }}<|im_start|>system\n"
                                       << "{{ .Content }}<|im_end|>\n"
                                       << QStringList{"<|im_start|>", "<|im_end|>", "<|endoftext|>"};
    QTest::newRow("llama3") << kLlama3 << "<|eot_id|>" << "{{- if .System }}<|start_header_id|>system<|end_header_id|>\n\n"
                            << "<|start_header_id|>assistant<|end_header_id|>\n\n{{ end }}"
                            << QStringList{"<|start_header_id|>", "<|end_header_id|>", "<|eot_id|>"};
    QTest::newRow("llama3.1 tools") << QString(kLlama3) + "{{ '<|eom_id|>' }}" << "<|eot_id|>"
                                    << "{{- if .System }}<|start_header_id|>system<|end_header_id|>\n\n"
                                    << "{{ .Content }}{{ if not $last }}<|eot_id|>{{ end }}"
                                    << QStringList{"<|start_header_id|>", "<|end_header_id|>", "<|eot_id|>", "<|eom_id|>"};
    QTest::newRow("llama2") << kLlama2 << "</s>" << "{{- $system := .System }}"
                            << "[INST] {{ if $system }}<<SYS>>\n{{ $system }}\n<</SYS>>\n\n"
                            << QStringList{"[INST]", "[/INST]", "<<SYS>>", "<</SYS>>", "</s>"};
    // The Mistral rows: Ollama renders "[INST] Hi[/INST] Hello!</s>[INST] Be brief.\n\nBye[/INST]" (v0.3)
    // and " [INST] Be brief.\n\nHi [/INST] Hello!</s> [INST] Bye [/INST]" (Mixtral) for a system prompt
    // and three turns, as their Jinja templates do (checked with Go's text/template).
    QTest::newRow("mistral v0.3") << kMistralV3 << "</s>" << "{{- $system := .System }}"
                                  << R"({{ "[INST] " }}{{ if and $system $last }}{{ $system }}{{ "\n\n" }}{{ $system = "" }})"
                                     R"({{ end }}{{ .Content }}{{ "[/INST]" }})" "\n"
                                     R"({{- else if eq .Role "assistant" }}{{ " " }}{{ .Content }}{{ "</s>" }})"
                                  << QStringList{"[INST]", "[/INST]", "</s>"};
    QTest::newRow("mixtral") << kMixtral << "</s>" << "{{- $system := .System }}"
                             << R"({{ " [INST] " }}{{ if and $system true }}{{ $system }}{{ "\n\n" }}{{ $system = "" }})"
                                R"({{ end }}{{ .Content }}{{ " [/INST]" }})" "\n"
                                R"({{- else if eq .Role "assistant" }}{{ " " }}{{ .Content }}{{ "</s>" }})"
                             << QStringList{"[INST]", "[/INST]", "</s>"};
    QTest::newRow("[INST] not renderable") << kInstUnrenderable << "</s>" << "{{- $system := .System }}"
                                           << R"({{ "[INST] " }}{{ if and $system $last }})"
                                           << QStringList{"[INST]", "[/INST]", "</s>"};
  }

  void modelfileOfEachFamily() {
    QFETCH(QString, chatTemplate);
    QFETCH(QString, eos);
    QFETCH(QString, templateStart);
    QFETCH(QString, templatePart);
    QFETCH(QStringList, stops);
    const OllamaModelfile modelfile =
        makeOllamaModelfile("m-Q8_0.gguf", chatTemplate.toStdString(), eos.toStdString(), std::string("<s>"));
    QVERIFY(modelfile.templateText.starts_with(templateStart.toStdString()));
    QVERIFY2(modelfile.templateText.find(templatePart.toStdString()) != std::string::npos, modelfile.templateText.c_str());
    std::string expectedStops;
    for (const QString& stop : stops) expectedStops += "PARAMETER stop \"" + stop.toStdString() + "\"\n";
    const std::string expectedText = "FROM ./m-Q8_0.gguf\nTEMPLATE \"\"\"" + modelfile.templateText + "\"\"\"\n" + expectedStops;
    QVERIFY2(modelfile.text.ends_with(expectedText), modelfile.text.c_str());
    QVERIFY(modelfile.text.starts_with("#"));
  }

  // What Ollama would send the model (Go's text/template over the Modelfile's TEMPLATE) against
  // what the model was trained on (its Jinja template, our interpreter), BOS left out as llama.cpp
  // adds it. (Llama 3.1's template adds a knowledge-date system header the Modelfile leaves out.)
  void modelfileRendersLikeTheChatTemplate_data() {
    QTest::addColumn<QString>("chatTemplate");
    const fs::path fixtures = TIERTUNE_CHAT_TEMPLATES_DIR;
    for (const char* fixture : {"chatml.jinja", "llama2_chat.jinja", "mistral_instruct.jinja"}) {
      QTest::newRow(fixture) << QString::fromStdString(readWholeFile(fixtures / fixture));
    }
    QTest::newRow("mistral v0.3") << QString(kMistralV3);
    QTest::newRow("llama3 instruct") << QString(kLlama3Instruct);
  }

  void modelfileRendersLikeTheChatTemplate() {
    QFETCH(QString, chatTemplate);
    const std::string go = TIERTUNE_GO;
    if (go.empty()) QSKIP("no Go toolchain (go) was found when configuring");
    const nlohmann::ordered_json conversations = nlohmann::ordered_json::parse(R"([
        [{"role": "user", "content": "Hi"}],
        [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hi"},
         {"role": "assistant", "content": "Hello!"}, {"role": "user", "content": "Bye"}]])");
    const std::string source = chatTemplate.toStdString();
    const fs::path modelfileFile = root() / "render.Modelfile", conversationsFile = root() / "conversations.json";
    std::ofstream(modelfileFile) << makeOllamaModelfile("m.gguf", source, std::string("</s>"), std::string("<s>")).text;
    std::ofstream(conversationsFile) << conversations.dump();

    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("GOCACHE", QString::fromStdString((root() / "go-cache").string()));
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(QString::fromStdString(go), {"run", QString::fromStdString((fs::path(TIERTUNE_EXPORT_TEST_DIR) / "render_ollama_template.go").string()),
                                               QString::fromStdString(modelfileFile.string()),
                                               QString::fromStdString(conversationsFile.string())});
    QVERIFY2(process.waitForFinished(240000), "go run did not finish");
    QCOMPARE(process.exitCode(), 0);
    const auto ollama = nlohmann::json::parse(process.readAllStandardOutput().toStdString());

    const formats::ChatTemplate jinja = formats::ChatTemplate::parse(source);
    formats::SpecialTokens tokens;
    tokens.tokens = {{"bos_token", "<s>"}, {"eos_token", "</s>"}};
    for (std::size_t i = 0; i < conversations.size(); ++i) {
      formats::ChatRequest request;
      request.messages = conversations[i];
      request.addGenerationPrompt = true;
      std::string expected = jinja.render(request, tokens);
      if (expected.starts_with("<s>")) expected.erase(0, 3);
      QCOMPARE(ollama[i].get<std::string>(), expected);
    }
  }

  void modelfileWithoutOrWithUnknownTemplate() {
    const OllamaModelfile base = makeOllamaModelfile("b-F16.gguf", std::nullopt, std::string("</s>"));
    QVERIFY(base.templateText.empty());
    QVERIFY(base.text.ends_with("FROM ./b-F16.gguf\nPARAMETER stop \"</s>\"\n"));
    QVERIFY_THROWS_EXCEPTION(Error, makeOllamaModelfile("x.gguf", std::string("{{ messages[0].content }}"), std::nullopt));
  }

  void lmStudioLayout() {
    GgufExportOptions options = flatOptions(root() / "lmstudio", "tiny-chat", GgufFileType::Q8_0);
    options.publisher = "acme";
    options.layout = GgufLayout::LmStudio;
    QCOMPARE(ggufExportPath(options), root() / "lmstudio/acme/tiny-chat/tiny-chat-Q8_0.gguf");
    const fs::path folder = root() / "lm-model";
    writeExportableModel(folder);
    const GgufExportResult result = exportGguf(folder, options);
    QCOMPARE(result.files.size(), std::size_t{2});
    QCOMPARE(result.files[0].path, root() / "lmstudio/acme/tiny-chat/tiny-chat-Q8_0.gguf");
    QCOMPARE(result.files[1].path, root() / "lmstudio/acme/tiny-chat/Modelfile");
    QVERIFY(fs::exists(result.files[0].path));
    QCOMPARE(result.files[0].bytes, fs::file_size(result.files[0].path));

    options.publisher = "../evil";
    QVERIFY_THROWS_EXCEPTION(Error, ggufExportPath(options));
    options.layout = GgufLayout::Flat;
    options.modelName = "";
    QVERIFY_THROWS_EXCEPTION(Error, ggufExportPath(options));
  }

  void weightsAFileTypeCannotHoldAreRefused_data() {
    QTest::addColumn<float>("value");
    QTest::addColumn<GgufFileType>("fileType");
    QTest::addColumn<QString>("message");
    QTest::newRow("NaN in Q8_0") << std::nanf("") << GgufFileType::Q8_0 << "holds nan at element 5; the weights are damaged";
    QTest::newRow("infinity in BF16") << std::numeric_limits<float>::infinity() << GgufFileType::BF16
                                      << "holds inf; the weights are damaged";
    QTest::newRow("past float16") << 70000.0f << GgufFileType::F16 << "can represent; export as bf16";
  }

  void weightsAFileTypeCannotHoldAreRefused() {
    QFETCH(float, value);
    QFETCH(GgufFileType, fileType);
    QFETCH(QString, message);
    const fs::path folder = root() / "odd-model";
    writeExportableModel(folder);
    std::vector<std::vector<float>> values;
    std::vector<std::pair<formats::TensorDescriptor, std::span<const std::byte>>> tensors;
    {
      const formats::SafetensorsFile file(folder / "model.safetensors");
      for (const formats::TensorInfo& info : file.tensors()) {
        values.push_back(formats::readAsFloat(file.view(info)));
        if (info.name == "model.layers.1.mlp.up_proj.weight") values.back()[5] = value;
        tensors.push_back({{info.name, formats::Dtype::F32, info.shape}, {}});
      }
    }
    for (std::size_t i = 0; i < tensors.size(); ++i) tensors[i].second = std::as_bytes(std::span<const float>(values[i]));
    formats::writeSafetensors(folder / "model.safetensors", tensors);
    const fs::path output = root() / ("odd-out-" + std::string(QTest::currentDataTag()));
    try {
      exportGguf(folder, flatOptions(output, "odd", fileType));
      QFAIL("the value was exported");
    } catch (const Error& error) {
      const std::string text = error.what();
      QVERIFY2(text.find("model.layers.1.mlp.up_proj.weight") != std::string::npos &&
                   text.find(message.toStdString()) != std::string::npos,
               error.what());
    }
    QVERIFY(!fs::exists(output));
    if (fileType == GgufFileType::F16 && std::isfinite(value)) {
      QVERIFY(!exportGguf(folder, flatOptions(output, "odd", GgufFileType::BF16)).files.empty());  // BF16 holds it
    }
  }

  void tokenizersLlamaCppCannotRunAreRefused() {
    // The tiny tokenizer is BPE without a ByteLevel stage or byte_fallback: text outside its
    // vocabulary could not be tokenized by llama.cpp.
    const fs::path folder = root() / "plain-bpe-model";
    test::writeRandomModelFolder(folder, test::kTinyLlamaConfig, 5);
    try {
      exportGguf(folder, flatOptions(root() / "plain-bpe-out", "plain"));
      QFAIL("a tokenizer without byte fallback was exported");
    } catch (const Error& error) {
      QVERIFY2(std::string(error.what()).find("byte_fallback") != std::string::npos, error.what());
    }
    QVERIFY(!fs::exists(root() / "plain-bpe-out"));
  }

  void aByteLevelVocabularyWithoutMergesStillHasTheMergesKey() {
    // llama.cpp's "gpt2" tokenizer loader needs tokenizer.ggml.merges, even an empty one.
    GgufVocabulary vocabulary;
    vocabulary.model = "gpt2";
    vocabulary.pre = "gpt-2";
    formats::GgufMetadata byteLevel;
    addVocabularyMetadata(byteLevel, vocabulary);
    const formats::GgufValue* merges = byteLevel.find("tokenizer.ggml.merges");
    QVERIFY(merges);
    QVERIFY(std::holds_alternative<std::vector<std::string>>(*merges));
    QVERIFY(std::get<std::vector<std::string>>(*merges).empty());
    vocabulary.model = "llama";  // SentencePiece-style: scores, no merges
    formats::GgufMetadata sentencePiece;
    addVocabularyMetadata(sentencePiece, vocabulary);
    QVERIFY(!sentencePiece.find("tokenizer.ggml.merges"));
  }

  void progressAndCancel() {
    const fs::path folder = root() / "progress-model";
    writeExportableModel(folder);
    std::vector<std::pair<double, std::string>> reports;
    ExportProgress progress;
    progress.report = [&](double fraction, const std::string& words) { reports.emplace_back(fraction, words); };
    const GgufExportResult done = exportGguf(folder, flatOptions(root() / "progress-out", "p"), progress);
    QVERIFY(reports.size() > 2);
    for (std::size_t i = 1; i < reports.size(); ++i) QVERIFY(reports[i].first >= reports[i - 1].first);
    QCOMPARE(reports.back().first, 1.0);
    QCOMPARE(reports.back().second, std::string("Exported p-F16.gguf"));
    QCOMPARE(reports[reports.size() - 2].second, std::string("Writing output.weight"));
    QCOMPARE(done.folder.folder, (root() / "progress-out").string());
    QCOMPARE(done.folder.bytes, done.files[0].bytes + done.files[1].bytes);
    QCOMPARE(done.files[0].bytes, fs::file_size(done.files[0].path));

    // A cancel between tensors leaves nothing: no export folder, no staging folder beside it.
    const fs::path output = root() / "cancel-out";
    progress.cancelRequested = [&] { return reports.size() > 3; };
    reports.clear();
    QVERIFY_THROWS_EXCEPTION(ExportCancelled, exportGguf(folder, flatOptions(output, "c"), progress));
    QVERIFY(!fs::exists(output));
    for (const auto& entry : fs::directory_iterator(root())) {
      QVERIFY2(entry.path().filename().string().find("partial") == std::string::npos, "a staging folder was left behind");
    }
  }
};

QTEST_GUILESS_MAIN(GgufExportRulesTest)
#include "tst_gguf_export_rules.moc"
