// `tiertune-cli generate` as a user runs it: the text it streams to stdout is what core/infer
// generates in process for the same model, checkpoint and settings (greedy, and seeded sampling);
// --run takes the run's newest checkpoint with its LoRA adapter; a --stop string ends the text before
// it; the summary on stderr; and clear errors for bad settings and for chatting with a model that has
// no chat template.
#include <QTest>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string>

#include "core/catalog/catalog.h"
#include "core/export/run_checkpoint.h"
#include "core/formats/safetensors_reader.h"
#include "core/infer/generator.h"
#include "core/infer/model_runner.h"
#include "core/train/checkpoint_model.h"
#include "core/infer/model_text.h"
#include "core/settings/settings.h"
#include "kernels/backend.h"
#include "support/cli_process.h"
#include "support/trained_run.h"

using namespace tiertune;
namespace fs = std::filesystem;

namespace {

using test::Finished;
using test::runCli;

// The same generation in this process, as the command should do it.
std::string generateHere(const fs::path& model, const std::optional<fs::path>& checkpoint, const std::string& prompt,
                         const infer::GenerationSettings& given) {
  const auto backend = kernels::makeCpuBackend();
  const auto runner = train::loadModelRunner(*backend, model, checkpoint);
  const infer::ModelText text = infer::loadModelText(model, runner->config());
  infer::GenerationSettings settings = given;
  settings.eosIds = text.eosIds;
  return infer::generate(*runner, text.tokenizer, infer::encodePrompt(text, prompt, false), settings).text;
}

infer::GenerationSettings sampling(double temperature, std::size_t maxTokens, std::uint64_t seed) {
  infer::GenerationSettings settings;
  settings.sampling.temperature = temperature;
  settings.sampling.seed = seed;
  settings.maxNewTokens = maxTokens;
  return settings;
}

}  // namespace

class CliGenerateTest : public QObject {
  Q_OBJECT

  std::unique_ptr<test::TrainedRun> run_;

 private slots:
  void initTestCase() { run_ = std::make_unique<test::TrainedRun>(); }

  void greedyFromTheModelFolder() {
    const Finished finished = runCli({"generate", "--model", run_->path("tiny-llama"), "--prompt", "t5t9t12",
                                      "--temperature", "0", "--max-tokens", "12"});
    QVERIFY2(finished.exitCode == 0, finished.err.constData());
    const std::string expected = generateHere(run_->root / "tiny-llama", std::nullopt, "t5t9t12", sampling(0, 12, 0));
    QVERIFY(!expected.empty());
    QCOMPARE(finished.out.toStdString(), expected);
    QVERIFY2(finished.err.contains("prompt tokens") && finished.err.contains("prefill") &&
                 finished.err.contains("decode") && finished.err.contains("tokens/s"),
             finished.err.constData());
  }

  void seededSamplingWithTheRunsNewestCheckpoint() {
    const QStringList arguments = {"generate", "--run", run_->runId, "--prompt", "t7t8", "--temperature", "1.2",
                                   "--top-k", "20", "--seed", "31", "--max-tokens", "15"};
    const Finished first = runCli(arguments);
    QVERIFY2(first.exitCode == 0, first.err.constData());
    QCOMPARE(runCli(arguments).out, first.out);  // the same seed, the same text

    const catalog::Catalog store = catalog::Catalog::open(settings::loadSettings().catalogFile());
    const fs::path newest = exports::findCheckpoint(store, run_->runId.toLongLong(), "latest").path;
    infer::GenerationSettings settings = sampling(1.2, 15, 31);
    settings.sampling.topK = 20;
    QCOMPARE(first.out.toStdString(), generateHere(run_->root / "tiny-llama", newest, "t7t8", settings));
  }

  void stopStringEndsTheText() {
    const QStringList greedy = {"generate", "--model", run_->path("tiny-llama"), "--prompt", "t3t4",
                                "--temperature", "0", "--max-tokens", "20"};
    const std::string full = runCli(greedy).out.toStdString();
    QVERIFY2(full.size() > 12, full.c_str());
    // A stop string spanning several tokens ("t12t40" is two): text up to it, nothing of it.
    const std::string stop = full.substr(6, 6);
    const Finished stopped = runCli(greedy + QStringList{"--stop", "never-there", "--stop", QString::fromStdString(stop)});
    QVERIFY2(stopped.exitCode == 0, stopped.err.constData());
    QCOMPARE(stopped.out.toStdString(), full.substr(0, full.find(stop)));
    QVERIFY2(stopped.err.contains("stopped: stop string"), stopped.err.constData());
  }

  void badSettingsAreUsageErrors() {
    const Finished topP = runCli({"generate", "--model", run_->path("tiny-llama"), "--prompt", "t3", "--top-p", "2"});
    QCOMPARE(topP.exitCode, 2);
    QVERIFY2(topP.err.contains("top-p"), topP.err.constData());
    const Finished noPrompt = runCli({"generate", "--model", run_->path("tiny-llama")});
    QCOMPARE(noPrompt.exitCode, 2);
    const Finished notNumber = runCli({"generate", "--model", run_->path("tiny-llama"), "--prompt", "t3",
                                       "--max-tokens", "many"});
    QCOMPARE(notNumber.exitCode, 2);
    QVERIFY2(notNumber.err.contains("--max-tokens"), notNumber.err.constData());
  }

  // The weights file shrinks (another program truncates it) after it is mapped and before its
  // tensors are read: the command ends with a message naming the file, not with SIGBUS.
  void aWeightsFileThatShrinksWhileReadIsNamed() {
    const fs::path model = run_->root / "shrinking-model";
    fs::copy(run_->root / "tiny-llama", model, fs::copy_options::recursive);
    const Finished finished =
        test::runCliPausedAt({"generate", "--model", QString::fromStdString(model.string()), "--prompt", "t3",
                              "--max-tokens", "4"},
                             "base-weights", [&] { fs::resize_file(model / "model.safetensors", 0); });
    QVERIFY2(finished.err.contains("paused at base-weights"), finished.err.constData());
    QCOMPARE(finished.exitCode, 1);  // -1 when the process died of a signal
    QVERIFY2(finished.err.contains(QByteArray::fromStdString((model / "model.safetensors").string())) &&
                 finished.err.contains("became shorter"),
             finished.err.constData());
  }

  // A NaN in the weights of a folder used by path (never inspected): generate says which tensor of
  // which file, instead of printing garbage.
  void nonFiniteWeightsAreNamedInsteadOfGarbage() {
    const fs::path model = run_->root / "nan-model";
    fs::copy(run_->root / "tiny-llama", model, fs::copy_options::recursive);
    const fs::path weights = model / "model.safetensors";
    std::uint64_t offset = 0;
    {
      const formats::SafetensorsFile file(weights);
      offset = file.layout().dataStart + file.find("model.layers.0.self_attn.k_proj.weight")->begin + 4 * 3;
    }
    const float nan = std::numeric_limits<float>::quiet_NaN();
    std::fstream(weights, std::ios::binary | std::ios::in | std::ios::out)
        .seekp(static_cast<std::streamoff>(offset))
        .write(reinterpret_cast<const char*>(&nan), sizeof nan);
    const Finished finished = runCli({"generate", "--model", QString::fromStdString(model.string()), "--prompt", "t3",
                                      "--max-tokens", "4"});
    QCOMPARE(finished.exitCode, 1);
    QVERIFY2(
        finished.err.contains(QByteArray::fromStdString(
            weights.string() + ": tensor model.layers.0.self_attn.k_proj.weight holds values that are not a number "
                               "(NaN or infinite), 1 of them")),
        finished.err.constData());
    QVERIFY(finished.out.isEmpty());
  }

  // A run the catalog does not have is named as such (not "no checkpoint to export").
  void anUnknownRunIsNamed() {
    const Finished finished = runCli({"generate", "--run", "999", "--prompt", "t3"});
    QCOMPARE(finished.exitCode, 1);
    QVERIFY2(finished.err.contains("There is no run 999 in the catalog"), finished.err.constData());
  }

  void chatNeedsAChatTemplate() {
    const Finished finished = runCli({"generate", "--model", run_->path("tiny-llama"), "--prompt", "hi", "--chat"});
    QCOMPARE(finished.exitCode, 1);
    QVERIFY2(finished.err.contains("no chat template"), finished.err.constData());
  }
};

QTEST_APPLESS_MAIN(CliGenerateTest)
#include "tst_cli_generate.moc"
