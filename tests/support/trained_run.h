// A finished tiny LoRA run for command-line tests: its own catalog (XDG folders under a scratch
// folder), a tiny Llama model folder and a 4-step run trained by `tiertune-cli train` with
// checkpoints at steps 2 and 4. The test target defines TIERTUNE_CLI_PATH.
#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtGlobal>
#include <filesystem>
#include <fstream>
#include <memory>

#include "support/cli_process.h"
#include "support/scratch.h"
#include "support/tiny_model.h"

namespace tiertune::test {

struct TrainedRun {
  std::unique_ptr<QTemporaryDir> scratch = makeScratchDir();
  std::filesystem::path root = scratch->path().toStdString();
  QString runId;

  TrainedRun() {
    qputenv("XDG_DATA_HOME", QByteArray::fromStdString((root / "data").string()));
    qputenv("XDG_CONFIG_HOME", QByteArray::fromStdString((root / "config").string()));
    writeRandomModelFolder(root / "tiny-llama", kTinyLlamaConfig, 9);
    writeTokenFile(root / "train.jsonl", 40, 64, 2);
    std::ofstream(root / "run.json") << R"({"model":"tiny-llama","train_data":"train.jsonl","output":"out",
        "method":"lora","lora_rank":4,"lora_alpha":8,"lora_targets":["q_proj","v_proj","down_proj"],
        "micro_batch":2,"max_steps":4,"checkpoint_every":2,"keep_checkpoints":0,"learning_rate":0.05,
        "threads":1,"sequence_length":16})";
    const Finished trained = runCli({"train", "--config", QString::fromStdString((root / "run.json").string())});
    if (trained.exitCode != 0) qFatal("training failed: %s", trained.err.constData());
    runId = QString::number(QJsonDocument::fromJson(trained.out.split('\n').front()).object()["run"].toInteger());
  }
  QString path(const char* name) const { return QString::fromStdString((root / name).string()); }
};

}  // namespace tiertune::test
