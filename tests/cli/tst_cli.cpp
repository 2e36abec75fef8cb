// tiertune-cli as a user runs it: a real process, its exit codes, its text and JSON output.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <sys/stat.h>

#include <filesystem>

#include "core/catalog/catalog.h"
#include "core/formats/model_config.h"
#include "formats/safetensors_test_files.h"
#include "support/scratch.h"

namespace {

struct Result {
  int exitCode = -1;
  QString out;
  QString err;
};

Result runCli(const QStringList& arguments, int timeoutMs = 120000) {
  QProcess process;
  process.start(QStringLiteral(TIERTUNE_CLI_PATH), arguments);
  if (!process.waitForFinished(timeoutMs)) {
    process.kill();
    process.waitForFinished();
    return {};
  }
  Result result;
  result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
  result.out = QString::fromUtf8(process.readAllStandardOutput());
  result.err = QString::fromUtf8(process.readAllStandardError());
  return result;
}

Result runWithInput(const QStringList& arguments, const QByteArray& input) {
  QProcess process;
  process.start(QStringLiteral(TIERTUNE_CLI_PATH), arguments);
  process.write(input);
  process.closeWriteChannel();
  process.waitForFinished(60000);
  return Result{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

QJsonObject parseObject(const QString& text) {
  QJsonParseError error;
  const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
  if (error.error != QJsonParseError::NoError || !document.isObject()) {
    qWarning().noquote() << "not a JSON object:" << error.errorString() << text.left(400);
    return {};
  }
  return document.object();
}

}  // namespace

class TestCli : public QObject {
  Q_OBJECT

 private slots:
  void helpListsCommands() {
    const Result result = runCli({QStringLiteral("help")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.contains(QStringLiteral("doctor")));
    QVERIFY(result.out.contains(QStringLiteral("catalog")));
    const Result doctorHelp = runCli({QStringLiteral("help"), QStringLiteral("doctor")});
    QCOMPARE(doctorHelp.exitCode, 0);
    QVERIFY(doctorHelp.out.contains(QStringLiteral("--offload-folder")));
  }

  void wrongUsageExitsWithTwoAndNamesTheProblem() {
    const Result unknownCommand = runCli({QStringLiteral("frobnicate")});
    QCOMPARE(unknownCommand.exitCode, 2);
    QVERIFY(unknownCommand.err.contains(QStringLiteral("frobnicate")));

    const Result unknownOption = runCli({QStringLiteral("doctor"), QStringLiteral("--fast")});
    QCOMPARE(unknownOption.exitCode, 2);
    QVERIFY2(unknownOption.err.contains(QStringLiteral("--fast")), qPrintable(unknownOption.err));

    const Result missingValue = runCli({QStringLiteral("doctor"), QStringLiteral("--offload-folder")});
    QCOMPARE(missingValue.exitCode, 2);
    QVERIFY(missingValue.err.contains(QStringLiteral("needs a value")));

    const Result badNumber = runCli({QStringLiteral("doctor"), QStringLiteral("--speed-bytes=lots")});
    QCOMPARE(badNumber.exitCode, 2);
    QVERIFY(badNumber.err.contains(QStringLiteral("lots")));
  }

  void doctorJsonReportsTheMachine() {
    auto scratch = tiertune::test::makeScratchDir();
    QVERIFY(scratch->isValid());
    const Result result = runCli({QStringLiteral("doctor"), QStringLiteral("--json"),
                                  QStringLiteral("--speed-bytes"), QStringLiteral("8"),
                                  QStringLiteral("--offload-folder"), scratch->path()});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err + result.out));
    const QJsonObject report = parseObject(result.out);
    QVERIFY(!report.isEmpty());

    const QJsonObject cpu = report[QStringLiteral("cpu")].toObject();
    QVERIFY(cpu[QStringLiteral("logical_cores")].toInt() >= 1);
    QVERIFY(cpu[QStringLiteral("physical_cores")].toInt() >= 1);
    QVERIFY(!cpu[QStringLiteral("model")].toString().isEmpty());

    const QJsonObject memory = report[QStringLiteral("memory")].toObject();
    QVERIFY(memory[QStringLiteral("total_bytes")].toDouble() > 0);
    QVERIFY(memory[QStringLiteral("available_bytes")].toDouble() <=
            memory[QStringLiteral("total_bytes")].toDouble());

    const QJsonObject gpu = report[QStringLiteral("gpu")].toObject();
    const QString status = gpu[QStringLiteral("status")].toString();
    const QStringList known = {"found", "no_device", "driver_missing", "driver_too_old",
                               "not_built_with_cuda", "error"};
    QVERIFY2(known.contains(status), qPrintable(status));
    QVERIFY(!gpu[QStringLiteral("summary")].toString().isEmpty());
    QCOMPARE(gpu[QStringLiteral("devices")].toArray().isEmpty(), status != QStringLiteral("found"));

    const QJsonObject offload = report[QStringLiteral("offload")].toObject();
    QCOMPARE(offload[QStringLiteral("folder")].toString(), scratch->path());
    QVERIFY(offload[QStringLiteral("free_bytes")].toDouble() > 0);
    QVERIFY(offload[QStringLiteral("free_bytes")].toDouble() <=
            offload[QStringLiteral("total_bytes")].toDouble());
    const QJsonObject speed = offload[QStringLiteral("speed")].toObject();
    QCOMPARE(speed[QStringLiteral("bytes_written")].toDouble(), 8.0 * 1024 * 1024);
    QCOMPARE(speed[QStringLiteral("bytes_read")].toDouble(), 8.0 * 1024 * 1024);
    QVERIFY(speed[QStringLiteral("write_bytes_per_second")].toDouble() > 0);
    QVERIFY(speed[QStringLiteral("read_bytes_per_second")].toDouble() > 0);
    QVERIFY2(QDir(scratch->path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)
                 .isEmpty(),
             "the speed test left its scratch file behind");
  }

  void doctorTextNamesEverySection() {
    auto scratch = tiertune::test::makeScratchDir();
    const Result result = runCli({QStringLiteral("doctor"), QStringLiteral("--skip-speed"),
                                  QStringLiteral("--offload-folder"), scratch->path()});
    QCOMPARE(result.exitCode, 0);
    for (const char* label : {"CPU", "Memory", "GPU", "Offload"}) {
      QVERIFY2(result.out.contains(QLatin1String(label)), label);
    }
    QVERIFY(result.out.contains(scratch->path()));
    QVERIFY(!result.out.contains(QStringLiteral("Disk speed")));
  }

  void doctorFailsClearlyOnAnUnusableFolder() {
    auto scratch = tiertune::test::makeScratchDir();
    const QString file = scratch->filePath(QStringLiteral("plain-file"));
    QFile blocker(file);
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const QString folder = file + QStringLiteral("/offload");
    const Result result = runCli({QStringLiteral("doctor"), QStringLiteral("--offload-folder"), folder});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.out.contains(folder), qPrintable(result.out));
  }

  void catalogCommandCreatesTheDefaultCatalog() {
    const QString dataHome = qEnvironmentVariable("XDG_DATA_HOME");
    QVERIFY(!dataHome.isEmpty());
    QDir(dataHome + QStringLiteral("/Tiertune")).removeRecursively();
    const Result result = runCli({QStringLiteral("catalog"), QStringLiteral("--json")});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    const QJsonObject info = parseObject(result.out);
    QCOMPARE(info[QStringLiteral("file")].toString(), dataHome + QStringLiteral("/Tiertune/catalog.sqlite"));
    QCOMPARE(info[QStringLiteral("schema_version")].toInt(), tiertune::catalog::kSchemaVersion);
    QCOMPARE(info[QStringLiteral("runs")].toInt(), 0);
    QVERIFY(QFile::exists(dataHome + QStringLiteral("/Tiertune/catalog.sqlite")));
  }

  void catalogCommandRefusesADamagedFile() {
    const QString dataHome = qEnvironmentVariable("XDG_DATA_HOME");
    const QString folder = dataHome + QStringLiteral("/Tiertune");
    QDir(folder).removeRecursively();
    QVERIFY(QDir().mkpath(folder));
    QFile garbage(folder + QStringLiteral("/catalog.sqlite"));
    QVERIFY(garbage.open(QIODevice::WriteOnly));
    const QByteArray bytes(8192, 'x');
    garbage.write(bytes);
    garbage.close();
    const Result result = runCli({QStringLiteral("catalog")});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(garbage.fileName()), qPrintable(result.err));
    QVERIFY(garbage.open(QIODevice::ReadOnly));
    QCOMPARE(garbage.readAll(), bytes);  // never overwritten
  }
  // model inspect / add / list / remove on a tiny Qwen2 folder written with the real writer.
  void modelCommandsInspectAddListAndRemove() {
    const QString dataHome = qEnvironmentVariable("XDG_DATA_HOME");
    QDir(dataHome + QStringLiteral("/Tiertune")).removeRecursively();
    auto scratch = tiertune::test::makeScratchDir();
    const std::filesystem::path model = scratch->path().toStdString() + "/Tiny-Qwen2";
    std::filesystem::create_directories(model);
    const std::string config = R"({"architectures": ["Qwen2ForCausalLM"], "hidden_size": 64,
      "intermediate_size": 128, "num_hidden_layers": 2, "num_attention_heads": 4,
      "num_key_value_heads": 2, "vocab_size": 256, "max_position_embeddings": 512,
      "rms_norm_eps": 1e-6, "tie_word_embeddings": true})";
    tiertune::test::writeFile(model / "config.json", config);
    tiertune::test::writeTinyModel(tiertune::formats::parseModelConfig(config), model);
    const QString folder = QString::fromStdString(model.string());

    // Without a tokenizer the folder is refused, and the problem is named.
    Result result = runCli({QStringLiteral("model"), QStringLiteral("inspect"), folder});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.out.contains(QStringLiteral("tokenizer.json is missing")), qPrintable(result.out));
    result = runCli({QStringLiteral("model"), QStringLiteral("add"), folder});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QStringLiteral("cannot be added")), qPrintable(result.err));

    tiertune::test::writeFile(model / "tokenizer.json", R"({"model":{"type":"BPE","vocab":{"a":0},"merges":[]}})");
    result = runCli({QStringLiteral("model"), QStringLiteral("inspect"), folder, QStringLiteral("--json")});
    QVERIFY2(result.exitCode == 0, qPrintable(result.out + result.err));
    const QJsonObject facts = parseObject(result.out);
    QCOMPARE(facts[QStringLiteral("architecture")].toString(), QStringLiteral("Qwen2ForCausalLM"));
    QCOMPARE(facts[QStringLiteral("layers")].toInt(), 2);
    QCOMPARE(facts[QStringLiteral("context_length")].toInt(), 512);
    QCOMPARE(facts[QStringLiteral("chat_template")].toBool(), false);
    QVERIFY(facts[QStringLiteral("parameters")].toDouble() > 0);

    result = runCli({QStringLiteral("model"), QStringLiteral("add"), folder, QStringLiteral("--name"),
                     QStringLiteral("tiny one")});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QVERIFY(result.out.contains(QStringLiteral("Added as model 1")));
    result = runCli({QStringLiteral("model"), QStringLiteral("add"), folder});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QStringLiteral("already in the catalog")), qPrintable(result.err));

    result = runCli({QStringLiteral("model"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(result.exitCode, 0);
    const QJsonArray models = QJsonDocument::fromJson(result.out.toUtf8()).array();
    QCOMPARE(models.size(), 1);
    QCOMPARE(models[0].toObject()[QStringLiteral("name")].toString(), QStringLiteral("tiny one"));
    QCOMPARE(models[0].toObject()[QStringLiteral("path")].toString(), folder);

    result = runCli({QStringLiteral("model"), QStringLiteral("remove"), QStringLiteral("1")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(std::filesystem::exists(model / "model.safetensors"));  // the folder stays
    result = runCli({QStringLiteral("model"), QStringLiteral("remove"), QStringLiteral("x")});
    QCOMPARE(result.exitCode, 2);
    result = runCli({QStringLiteral("model"), QStringLiteral("frobnicate")});
    QCOMPARE(result.exitCode, 2);
  }
  // plan --config on a tiny model: fits on this machine; with no room anywhere it says why.
  void planShowsWhereTheStateGoes() {
    auto scratch = tiertune::test::makeScratchDir();
    const std::filesystem::path folder = scratch->path().toStdString();
    const std::string config = R"({"architectures": ["LlamaForCausalLM"], "hidden_size": 64,
      "intermediate_size": 128, "num_hidden_layers": 2, "num_attention_heads": 4,
      "num_key_value_heads": 2, "vocab_size": 256, "max_position_embeddings": 512, "rms_norm_eps": 1e-5})";
    std::filesystem::create_directories(folder / "tiny");
    tiertune::test::writeFile(folder / "tiny" / "config.json", config);
    tiertune::test::writeFile(folder / "run.json", R"({"model": "tiny", "method": "full"})");
    Result result = runCli({QStringLiteral("plan"), QStringLiteral("--config"),
                            QString::fromStdString((folder / "run.json").string()), QStringLiteral("--json")});
    QVERIFY2(result.exitCode == 0, qPrintable(result.out + result.err));
    const QJsonObject plan = parseObject(result.out);
    QCOMPARE(plan[QStringLiteral("fits")].toBool(), true);
    QVERIFY(plan[QStringLiteral("trainable_parameters")].toDouble() > 0);
    QVERIFY(plan[QStringLiteral("groups")].toObject().contains(QStringLiteral("Adam second moment")));
    QVERIFY(plan[QStringLiteral("seconds")].toObject()[QStringLiteral("step")].toDouble() > 0);

    tiertune::test::writeFile(folder / "run.json",
                              R"({"model": "tiny", "method": "full", "device_budget_gb": 0, "host_budget_gb": 0, "disk_budget_gb": 0})");
    result = runCli({QStringLiteral("plan"), QStringLiteral("--config"), QString::fromStdString((folder / "run.json").string())});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.out.contains(QStringLiteral("Does not fit")), qPrintable(result.out));

    tiertune::test::writeFile(folder / "run.json", R"({"model": "tiny", "lora_rank": "big"})");
    result = runCli({QStringLiteral("plan"), QStringLiteral("--config"), QString::fromStdString((folder / "run.json").string())});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QStringLiteral("lora_rank")), qPrintable(result.err));
    QCOMPARE(runCli({QStringLiteral("plan")}).exitCode, 2);
  }

  // plan reads run.json as train does: the run's own offload folder is the disk it counts (here
  // /proc, with no free space, instead of the Settings' folder), and an unknown field is an error.
  void planReadsTheRunConfigurationAsTrainDoes() {
    auto scratch = tiertune::test::makeScratchDir();
    const std::filesystem::path folder = scratch->path().toStdString();
    std::filesystem::create_directories(folder / "tiny");
    tiertune::test::writeFile(folder / "tiny" / "config.json", R"({"architectures": ["LlamaForCausalLM"],
      "hidden_size": 64, "intermediate_size": 128, "num_hidden_layers": 2, "num_attention_heads": 4,
      "num_key_value_heads": 2, "vocab_size": 256, "max_position_embeddings": 512, "rms_norm_eps": 1e-5})");
    const QString runJson = QString::fromStdString((folder / "run.json").string());
    auto diskBudget = [&](const std::string& json) {
      tiertune::test::writeFile(folder / "run.json", json);
      const Result result = runCli({QStringLiteral("plan"), QStringLiteral("--config"), runJson, QStringLiteral("--json")});
      return parseObject(result.out)[QStringLiteral("budget_bytes")].toObject()[QStringLiteral("disk")].toDouble(-1);
    };
    QVERIFY(diskBudget(R"({"model": "tiny"})") > 0);  // the Settings' folder, in the test's data folder
    QCOMPARE(diskBudget(R"({"model": "tiny", "offload_folder": "/proc"})"), 0.0);

    tiertune::test::writeFile(folder / "run.json", R"({"model": "tiny", "lora_rnak": 8})");
    const Result unknown = runCli({QStringLiteral("plan"), QStringLiteral("--config"), runJson});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY2(unknown.err.contains(QStringLiteral("unknown field \"lora_rnak\"")), qPrintable(unknown.err));
  }

  // `template` prints exactly the chat the model sees; a broken file or a conversation the
  // template refuses is named in words.
  void templateRendersTheModelsChat() {
    auto scratch = tiertune::test::makeScratchDir();
    const std::filesystem::path model = scratch->path().toStdString() + "/chatml";
    std::filesystem::create_directories(model);
    // chat_template.jinja beside tokenizer_config.json, as recent transformers saves it.
    tiertune::test::writeFile(model / "tokenizer_config.json", "{\"eos_token\": \"<|im_end|>\"}");
    tiertune::test::writeFile(model / "chat_template.jinja",
                              "{% for m in messages %}{% if m.role == \"tool\" %}{{ raise_exception(\"no tools here\") }}"
                              "{% endif %}<|im_start|>{{ m.role }}\n{{ m.content | trim }}<|im_end|>\n{% endfor %}"
                              "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}");
    const std::filesystem::path chat = model / "chat.json";
    tiertune::test::writeFile(chat, R"([{"role": "user", "content": " Grüß dich \n"}, {"role": "assistant", "content": "Hallo!"}])");
    const QString folder = QString::fromStdString(model.string());
    const QString chatFile = QString::fromStdString(chat.string());
    Result result = runCli({QStringLiteral("template"), QStringLiteral("--model"), folder, QStringLiteral("--messages"),
                            chatFile, QStringLiteral("--add-generation-prompt")});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out, QStringLiteral("<|im_start|>user\nGrüß dich<|im_end|>\n<|im_start|>assistant\nHallo!<|im_end|>\n"
                                        "<|im_start|>assistant\n"));

    tiertune::test::writeFile(chat, R"({"messages": [{"role": "tool", "content": "42"}]})");
    result = runCli({QStringLiteral("template"), QStringLiteral("--model"), folder, QStringLiteral("--messages"), chatFile});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QStringLiteral("refused this conversation")) && result.err.contains(QStringLiteral("no tools here")),
             qPrintable(result.err));

    tiertune::test::writeFile(chat, "[{\"role\": \"user\", \"content\": \"unfinished");
    result = runCli({QStringLiteral("template"), QStringLiteral("--model"), folder, QStringLiteral("--messages"), chatFile});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(chatFile) && result.err.contains(QStringLiteral("not valid JSON")), qPrintable(result.err));
    QCOMPARE(runCli({QStringLiteral("template"), QStringLiteral("--model"), folder}).exitCode, 2);
  }

  // `tokenize` turns JSON strings into ids and back, line by line; a bad line is named.
  void tokenizeEncodesAndDecodesLines() {
    auto scratch = tiertune::test::makeScratchDir();
    const std::filesystem::path model = scratch->path().toStdString() + "/tok";
    std::filesystem::create_directories(model);
    tiertune::test::writeFile(model / "tokenizer.json",
                              "{\"added_tokens\": [{\"id\": 0, \"content\": \"<s>\", \"special\": true}],"
                              " \"pre_tokenizer\": {\"type\": \"WhitespaceSplit\"}, \"decoder\": null,"
                              " \"post_processor\": {\"type\": \"TemplateProcessing\", \"single\": "
                              "[{\"SpecialToken\": {\"id\": \"<s>\"}}, {\"Sequence\": {\"id\": \"A\"}}]},"
                              " \"model\": {\"type\": \"BPE\", \"vocab\": {\"<s>\": 0, \"h\": 1, \"i\": 2, \"hi\": 3},"
                              " \"merges\": [\"h i\"]}}");
    const QString folder = QString::fromStdString(model.string());
    Result result = runWithInput({QStringLiteral("tokenize"), QStringLiteral("--tokenizer"), folder},
                                 "\"hi ih\"\n\n\"\"\n");
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out, QStringLiteral("[0,3,2,1]\n[0]\n"));
    result = runWithInput({QStringLiteral("tokenize"), QStringLiteral("--tokenizer"), folder, QStringLiteral("--no-special")},
                          "\"hi ih\"\n");
    QCOMPARE(result.out, QStringLiteral("[3,2,1]\n"));
    result = runWithInput({QStringLiteral("tokenize"), QStringLiteral("--tokenizer"), folder, QStringLiteral("--decode"),
                           QStringLiteral("--skip-special")},
                          "[0, 3, 2]\n");
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out, QStringLiteral("\"hi i\"\n"));
    result = runWithInput({QStringLiteral("tokenize"), QStringLiteral("--tokenizer"), folder}, "\"hi\"\nhi\n");
    QCOMPARE(result.exitCode, 1);
    QCOMPARE(result.out, QStringLiteral("[0,3]\n"));
    QVERIFY2(result.err.contains(QStringLiteral("stdin line 2")), qPrintable(result.err));
    result = runWithInput({QStringLiteral("tokenize"), QStringLiteral("--tokenizer"), folder, QStringLiteral("--decode")},
                          "[7]\n");
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QStringLiteral("token id 7")), qPrintable(result.err));
    QCOMPARE(runCli({QStringLiteral("tokenize")}).exitCode, 2);

    // 100k levels of nesting parse as JSON, and overflowed the stack (exit 139) when the value was
    // used: now the line is refused in words.
    const QByteArray deep = QByteArray(100000, '[') + QByteArray(100000, ']') + "\n";
    result = runWithInput({QStringLiteral("tokenize"), QStringLiteral("--tokenizer"), folder, QStringLiteral("--decode")},
                          "[3]\n" + deep);
    QCOMPARE(result.exitCode, 1);
    QCOMPARE(result.out, QStringLiteral("\"hi\"\n"));
    QVERIFY2(result.err.contains(QStringLiteral("stdin line 2")) && result.err.contains(QStringLiteral("nests")),
             qPrintable(result.err));
  }

  // Files named by the user are read only when they are regular files of a sane size, and parsed
  // only when they nest to a sane depth: /dev/zero, a FIFO (which would block forever) and a
  // 100k-deep conversation are each refused with a message naming the file.
  void unusableInputFilesAreRefusedInWords() {
    auto scratch = tiertune::test::makeScratchDir();
    const std::filesystem::path model = scratch->path().toStdString() + "/chatml";
    std::filesystem::create_directories(model);
    tiertune::test::writeFile(model / "tokenizer_config.json", "{\"eos_token\": \"<|im_end|>\"}");
    tiertune::test::writeFile(model / "chat_template.jinja", "{% for m in messages %}{{ m.content }}{% endfor %}");
    const QString folder = QString::fromStdString(model.string());
    auto templateWith = [&](const QString& messages) {
      return runCli({QStringLiteral("template"), QStringLiteral("--model"), folder, QStringLiteral("--messages"), messages},
                    60000);
    };

    const std::filesystem::path deep = model / "deep.json";
    tiertune::test::writeFile(deep, "[{\"role\": \"user\",\n\"content\": " + std::string(100000, '[') +
                                        std::string(100000, ']') + "}]");
    Result result = templateWith(QString::fromStdString(deep.string()));
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QString::fromStdString(deep.string()) + QStringLiteral(" line 2")) &&
                 result.err.contains(QStringLiteral("deeper than")),
             qPrintable(result.err));

    result = templateWith(QStringLiteral("/dev/zero"));
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QStringLiteral("/dev/zero")) && result.err.contains(QStringLiteral("not a regular file")),
             qPrintable(result.err));

    const std::filesystem::path fifo = model / "fifo.json";
    QCOMPARE(::mkfifo(fifo.c_str(), 0600), 0);
    result = templateWith(QString::fromStdString(fifo.string()));  // the runner's timeout gives -1 when it blocks
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QString::fromStdString(fifo.string())) && result.err.contains(QStringLiteral("pipe")),
             qPrintable(result.err));

    // A config.json that is a FIFO, and one nested 100k deep, in a model folder.
    const std::filesystem::path config = model / "config.json";
    QCOMPARE(::mkfifo(config.c_str(), 0600), 0);
    result = runCli({QStringLiteral("model"), QStringLiteral("inspect"), folder}, 60000);
    QVERIFY2(result.exitCode == 1 && (result.out + result.err).contains(QStringLiteral("not a regular file")),
             qPrintable(result.out + result.err));
    std::filesystem::remove(config);
    tiertune::test::writeFile(config, "{\"architectures\": " + std::string(100000, '[') + std::string(100000, ']') + "}");
    result = runCli({QStringLiteral("model"), QStringLiteral("inspect"), folder}, 60000);
    QVERIFY2(result.exitCode == 1 && (result.out + result.err).contains(QStringLiteral("config.json line 1")) &&
                 (result.out + result.err).contains(QStringLiteral("deeper than")),
             qPrintable(result.out + result.err));
  }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
