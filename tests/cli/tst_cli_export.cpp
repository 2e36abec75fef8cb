// `tiertune-cli export` as a user runs it after `tiertune-cli train`: a tiny LoRA run exported as a
// PEFT adapter, as a merged model folder and as GGUF (flat with a Modelfile, and in LM Studio's
// layout), the files each must have, the catalog rows (run, checkpoint, kind, path, content hash),
// and the clear errors and clean folders of exports that cannot be done (no such run or checkpoint,
// bad options, an output that exists, a weight fp16 cannot hold, a tokenizer GGUF cannot carry).
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <filesystem>
#include <fstream>

#include "core/catalog/catalog.h"
#include "core/export/export_folder.h"
#include "core/formats/model_weights.h"
#include "core/model/base_weights.h"
#include "core/settings/settings.h"
#include "export/export_fixture.h"
#include "support/cli_process.h"
#include "support/scratch.h"
#include "support/tiny_model.h"
#include "support/trained_run.h"

using namespace tiertune;
namespace fs = std::filesystem;

namespace {

using test::Finished;
using test::runCli;

using test::leftNothing;

using test::TrainedRun;

catalog::Catalog openCatalog() { return catalog::Catalog::open(settings::loadSettings().catalogFile()); }

// No staging folder (.NAME.partial) nor GGUF's temporary merged model (.NAME.merged-fp32) left in folder.
bool noHiddenFolders(const fs::path& folder) {
  for (const fs::directory_entry& entry : fs::directory_iterator(folder)) {
    if (entry.path().filename().string().starts_with(".")) return false;
  }
  return true;
}

std::string fileText(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

class CliExportTest : public QObject {
  Q_OBJECT

 private slots:
  void exportsAdapterAndMergedModel() {
    const TrainedRun run;
    const Finished peft = runCli({"export", "--run", run.runId, "--format", "peft", "--output", run.path("adapter"),
                                  "--json"});
    QVERIFY2(peft.exitCode == 0, peft.err.constData());
    const QJsonObject printed = QJsonDocument::fromJson(peft.out).object();
    QCOMPARE(printed["step"].toInt(), 4);  // latest by default
    QCOMPARE(printed["kind"].toString(), QStringLiteral("peft_adapter"));
    QVERIFY(fs::exists(run.root / "adapter" / "adapter_config.json"));
    QVERIFY(fs::exists(run.root / "adapter" / "adapter_model.safetensors"));

    const Finished merged = runCli({"export", "--run", run.runId, "--checkpoint", "step-2", "--format", "merged",
                                    "--dtype", "fp16", "--output", run.path("merged")});
    QVERIFY2(merged.exitCode == 0, merged.err.constData());
    QVERIFY2(merged.out.contains("at step 2 as a merged model (float16)"), merged.out.constData());
    for (const char* name : {"config.json", "model.safetensors", "generation_config.json", "tokenizer.json",
                             "tokenizer_config.json"}) {
      QVERIFY2(fs::exists(run.root / "merged" / name), name);
    }
    // The merged folder is a model our own loader takes.
    const formats::ModelConfig config = formats::loadModelConfig(run.root / "merged" / "config.json");
    const auto backend = kernels::makeCpuBackend();
    const model::ParameterTable weights(*backend, model::baseParameterSpecs(config));
    model::loadBaseWeights(weights, formats::ModelWeights::openFolder(run.root / "merged"));

    const catalog::Catalog store = openCatalog();
    const catalog::Id id = run.runId.toLongLong();
    const auto checkpoints = store.checkpoints(id);
    const auto exported = store.exports(id);
    QCOMPARE(exported.size(), std::size_t(2));
    QVERIFY(exported[0].kind == catalog::ExportKind::PeftAdapter);
    QCOMPARE(exported[0].checkpointId, std::optional<catalog::Id>(checkpoints.back().id));
    QCOMPARE(exported[0].path, fs::absolute(run.root / "adapter").string());
    QCOMPARE(exported[0].sha256, exports::folderContentSha256(run.root / "adapter"));
    QCOMPARE(printed["sha256"].toString().toStdString(), exported[0].sha256);
    QVERIFY(exported[1].kind == catalog::ExportKind::MergedHf);
    QCOMPARE(exported[1].checkpointId, std::optional<catalog::Id>(checkpoints.front().id));
    QCOMPARE(exported[1].sha256, exports::folderContentSha256(run.root / "merged"));
  }

  void exportsGgufWithModelfileAndInLmStudioLayout() {
    const TrainedRun run;
    test::makeTinyTokenizerByteLevel(run.root / "tiny-llama");  // a tokenizer GGUF can carry
    const Finished flat = runCli({"export", "--run", run.runId, "--format", "gguf", "--gguf-type", "q8_0", "--output",
                                  run.path("gguf"), "--json"});
    QVERIFY2(flat.exitCode == 0, flat.err.constData());
    const QJsonObject printed = QJsonDocument::fromJson(flat.out).object();
    QCOMPARE(printed["kind"].toString(), QStringLiteral("gguf"));
    QCOMPARE(printed["step"].toInt(), 4);
    const std::string name = "tiny-llama-run" + run.runId.toStdString() + "-step4";
    const fs::path file = run.root / "gguf" / (name + "-Q8_0.gguf");
    QVERIFY2(fileText(file).starts_with("GGUF"), file.c_str());
    const std::string modelfile = fileText(run.root / "gguf" / "Modelfile");
    QVERIFY2(modelfile.find("FROM ./" + name + "-Q8_0.gguf\n") != std::string::npos, modelfile.c_str());
    QVERIFY2(modelfile.find("PARAMETER stop \"</s>\"") != std::string::npos, modelfile.c_str());
    QVERIFY(noHiddenFolders(run.root));  // the fp32 merged model was removed

    const Finished lmStudio = runCli({"export", "--run", run.runId, "--checkpoint", "step-2", "--format", "gguf",
                                      "--layout", "lmstudio", "--publisher", "acme", "--name", "tiny-chat",
                                      "--no-modelfile", "--output", run.path("models")});
    QVERIFY2(lmStudio.exitCode == 0, lmStudio.err.constData());
    QVERIFY2(lmStudio.out.contains("at step 2 as GGUF (F16)"), lmStudio.out.constData());
    const fs::path lmFolder = run.root / "models" / "acme" / "tiny-chat";
    QVERIFY(fs::exists(lmFolder / "tiny-chat-F16.gguf"));
    QVERIFY(!fs::exists(lmFolder / "Modelfile"));
    QVERIFY(noHiddenFolders(run.root / "models" / "acme"));

    const catalog::Catalog store = openCatalog();
    const auto checkpoints = store.checkpoints(run.runId.toLongLong());
    const auto exported = store.exports(run.runId.toLongLong());
    QCOMPARE(exported.size(), std::size_t(2));
    QVERIFY(exported[0].kind == catalog::ExportKind::Gguf);
    QCOMPARE(exported[0].checkpointId, std::optional<catalog::Id>(checkpoints.back().id));
    QCOMPARE(exported[0].path, fs::absolute(run.root / "gguf").string());
    QCOMPARE(exported[0].sha256, exports::folderContentSha256(run.root / "gguf"));
    QCOMPARE(printed["sha256"].toString().toStdString(), exported[0].sha256);
    QVERIFY(exported[1].kind == catalog::ExportKind::Gguf);
    QCOMPARE(exported[1].checkpointId, std::optional<catalog::Id>(checkpoints.front().id));
    QCOMPARE(exported[1].path, fs::absolute(lmFolder).string());
    QCOMPARE(exported[1].sha256, exports::folderContentSha256(lmFolder));
  }

  void refusedExportsSayWhyAndLeaveNothing() {
    const TrainedRun run;
    const Finished noRun = runCli({"export", "--run", "999", "--format", "peft", "--output", run.path("x")});
    QCOMPARE(noRun.exitCode, 1);
    QVERIFY2(noRun.err.contains("There is no run 999"), noRun.err.constData());

    const Finished noCheckpoint = runCli({"export", "--run", run.runId, "--checkpoint", "step-7", "--format", "peft",
                                          "--output", run.path("x")});
    QCOMPARE(noCheckpoint.exitCode, 1);
    QVERIFY2(noCheckpoint.err.contains("no checkpoint \"step-7\"; it has step-00000002, step-00000004"),
             noCheckpoint.err.constData());

    const Finished badFormat = runCli({"export", "--run", run.runId, "--format", "onnx", "--output", run.path("x")});
    QCOMPARE(badFormat.exitCode, 2);
    const Finished badGgufType = runCli({"export", "--run", run.runId, "--format", "gguf", "--gguf-type", "q4_k",
                                         "--output", run.path("x")});
    QCOMPARE(badGgufType.exitCode, 2);
    QVERIFY2(badGgufType.err.contains("--gguf-type must be f16, bf16 or q8_0"), badGgufType.err.constData());
    const Finished ggufOptionOnPeft = runCli({"export", "--run", run.runId, "--format", "peft", "--layout", "lmstudio",
                                              "--output", run.path("x")});
    QCOMPARE(ggufOptionOnPeft.exitCode, 2);
    const Finished badDtype = runCli({"export", "--run", run.runId, "--format", "merged", "--dtype", "int8",
                                      "--output", run.path("x")});
    QCOMPARE(badDtype.exitCode, 2);
    QVERIFY(leftNothing(run.root / "x"));

    // A base weight beyond float16's range (as a model trained in bf16 can have): fp16 names it.
    const formats::ModelConfig config = formats::parseModelConfig(test::kTinyLlamaConfig);
    const auto backend = kernels::makeCpuBackend();
    const model::ParameterTable base(*backend, model::baseParameterSpecs(config));
    model::loadBaseWeights(base, formats::ModelWeights::openFolder(run.root / "tiny-llama"));
    const std::vector<float> huge{-7.0e4f};
    backend->upload(huge, base.tensor("model.layers.1.mlp.down_proj.weight").subspan(3, 1));
    test::writeTableFile(run.root / "tiny-llama" / "model.safetensors", base);
    const Finished overflow = runCli({"export", "--run", run.runId, "--format", "merged", "--dtype", "fp16",
                                      "--output", run.path("fp16")});
    QCOMPARE(overflow.exitCode, 1);
    QVERIFY2(overflow.err.contains("model.layers.1.mlp.down_proj.weight") && overflow.err.contains("bf16"),
             overflow.err.constData());
    QVERIFY(leftNothing(run.root / "fp16"));

    // The tiny tokenizer (no byte-level stage, no byte fallback) cannot go into GGUF: refused before
    // the merge, nothing written, not even the temporary merged model.
    const Finished plainTokenizer = runCli({"export", "--run", run.runId, "--format", "gguf", "--output",
                                            run.path("gguf")});
    QCOMPARE(plainTokenizer.exitCode, 1);
    QVERIFY2(plainTokenizer.err.contains("byte_fallback"), plainTokenizer.err.constData());
    QVERIFY(leftNothing(run.root / "gguf"));
    QVERIFY(noHiddenFolders(run.root));

    // An existing folder is never overwritten.
    fs::create_directories(run.root / "taken");
    const Finished taken = runCli({"export", "--run", run.runId, "--format", "peft", "--output", run.path("taken")});
    QCOMPARE(taken.exitCode, 1);
    QVERIFY2(taken.err.contains("already exists"), taken.err.constData());
    QVERIFY(fs::is_empty(run.root / "taken"));

    QVERIFY(openCatalog().exports(run.runId.toLongLong()).empty());  // no refused export was recorded
  }
};

QTEST_GUILESS_MAIN(CliExportTest)
#include "tst_cli_export.moc"
