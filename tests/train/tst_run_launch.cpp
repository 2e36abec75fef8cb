// A new run's record (core/train/run_launch.h), as the wizard and `tiertune-cli train --config`
// make it: the default name, the folder-safe name and the numbering of default output folders, and
// recordRun's order: a folder another run of the catalog writes to is refused with that run named,
// the folder's lock comes before the record (a folder someone else holds records nothing), and the
// lock, once let go, lets the run's worker take the folder.
#include <QTest>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "core/catalog/catalog.h"
#include "core/catalog/output_owner.h"
#include "core/train/run_launch.h"
#include "core/util/process_identity.h"
#include "support/scratch.h"

using namespace tiertune;
namespace fs = std::filesystem;

namespace {

constexpr std::time_t kJan31At140502Utc = 1738332302;  // 2025-01-31 14:05:02 UTC

train::RunConfig loraConfig(const fs::path& output) {
  train::RunConfig config;
  config.modelFolder = "/models/tiny-llama";
  config.outputFolder = output;
  config.lora = true;
  return config;
}

}  // namespace

class TestRunLaunch : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    // The names carry the local time: pinned to UTC here.
    qputenv("TZ", "UTC");
    tzset();
  }

  void init() {
    scratch_ = test::makeScratchDir();
    root_ = scratch_->path().toStdString();
    store_.emplace(catalog::Catalog::open(root_ / "catalog.sqlite"));
    catalog::NewModel model;
    model.name = "tiny-llama";
    model.path = "/models/tiny-llama";
    modelId_ = store_->addModel(model);
  }

  void cleanup() { store_.reset(); }

  void theDefaultNameSaysModelMethodAndTime() {
    train::RunConfig config = loraConfig(root_ / "out");
    QCOMPARE(train::defaultRunName("/models/tiny-llama", config, kJan31At140502Utc),
             std::string("tiny-llama LoRA 2025-01-31 14:05"));
    config.fourBitBase = true;
    QCOMPARE(train::defaultRunName("/models/tiny-llama", config, kJan31At140502Utc),
             std::string("tiny-llama QLoRA 2025-01-31 14:05"));
    config.lora = false;
    config.fourBitBase = false;
    QCOMPARE(train::defaultRunName("/models/tiny-llama", config, kJan31At140502Utc),
             std::string("tiny-llama full 2025-01-31 14:05"));
    QCOMPARE(train::runFolderStamp(kJan31At140502Utc), std::string("20250131-140502"));
  }

  void aFolderNameKeepsLettersOfAnyScript() {
    QCOMPARE(train::folderSafeName("Support bot v1"), std::string("Support-bot-v1"));
    QCOMPARE(train::folderSafeName("  Tiny chat, Balanced LoRA  "), std::string("Tiny-chat-Balanced-LoRA"));
    QCOMPARE(train::folderSafeName("a/../b__c -- d"), std::string("a-b__c-d"));
    QCOMPARE(train::folderSafeName("Größe 日本語 ３"), std::string("Größe-日本語-３"));
    QCOMPARE(train::folderSafeName("   "), std::string("run"));
    QCOMPARE(train::folderSafeName(std::string(100, 'x')), std::string(60, 'x'));
    QCOMPARE(train::folderSafeName(std::string(59, 'x') + "é!"), std::string(59, 'x') + "é");  // characters, not bytes
    QCOMPARE(train::folderSafeName("bad \xff byte"), std::string("bad-byte"));
  }

  // A folder on the disk, or one a catalog run will write to (a queued run has none on the disk
  // yet), is taken: the next number is tried.
  void defaultOutputFoldersAreNumbered() {
    const fs::path runs = root_ / "runs";
    const std::string stamp = "20250131-140502";
    std::set<fs::path> catalogFolders;
    const fs::path first = train::defaultOutputFolder(runs, "Support bot v1", stamp, catalogFolders);
    QCOMPARE(first, runs / "Support-bot-v1-20250131-140502");
    fs::create_directories(first);
    const fs::path second = train::defaultOutputFolder(runs, "Support bot v1", stamp, catalogFolders);
    QCOMPARE(second, runs / "Support-bot-v1-20250131-140502-2");
    catalogFolders.insert(second);
    QCOMPARE(train::defaultOutputFolder(runs, "Support bot v1", stamp, catalogFolders),
             runs / "Support-bot-v1-20250131-140502-3");

    // The catalog's own folders, read once, count the same.
    store_->createRun({"queued", modelId_, std::nullopt, "lora", "custom",
                       train::toJson(loraConfig(runs / "Support-bot-v1-20250131-140502-3"))});
    const std::set<fs::path> read = train::catalogOutputFolders(*store_);
    QVERIFY(read.contains(runs / "Support-bot-v1-20250131-140502-3"));
    catalogFolders.insert(read.begin(), read.end());
    QCOMPARE(train::defaultOutputFolder(runs, "Support bot v1", stamp, catalogFolders),
             runs / "Support-bot-v1-20250131-140502-4");
  }

  void aRunIsRecordedWithItsFolderClaimed() {
    const fs::path output = root_ / "runs" / "first";
    train::RunLaunch launch;
    launch.config = loraConfig(output);
    launch.preset = "balanced-lora";
    bool prepared = false;
    train::RecordedRun recorded = train::recordRun(*store_, launch, [&](train::RunLaunch& run) {
      // Called with the folder held and nothing recorded yet.
      prepared = true;
      QVERIFY(store_->runs().empty());
      QVERIFY_THROWS_EXCEPTION(Error, train::takeOutputFolder(*store_, output, std::nullopt));
      run.modelId = modelId_;
      run.config.trainData = "/tokens/set";
    });
    QVERIFY(prepared);
    const std::optional<catalog::RunRecord> run = store_->run(recorded.id);
    QVERIFY(run);
    QVERIFY2(run->name.starts_with("tiny-llama LoRA 20"), run->name.c_str());  // none was given: the default
    QCOMPARE(recorded.name, run->name);
    QVERIFY(run->status == catalog::RunStatus::Queued);
    QCOMPARE(run->modelId, modelId_);
    QCOMPARE(run->method, std::string("lora"));
    QCOMPARE(run->preset, std::string("balanced-lora"));
    const train::RunConfig stored = train::parseRunConfig(run->configJson, "/");
    QCOMPARE(stored.outputFolder, output);
    QCOMPARE(stored.trainData, fs::path("/tokens/set"));  // as prepare left it
    QCOMPARE(recorded.config.trainData, fs::path("/tokens/set"));

    // The folder names its owner, and this process holds it.
    const std::optional<catalog::OutputOwner> owner = catalog::readOutputOwner(output);
    QVERIFY(owner);
    QCOMPARE(owner->run, recorded.id);
    QCOMPARE(owner->runName, run->name);
    QVERIFY(catalog::sameCatalogFile(owner->catalog, store_->file()));
    QVERIFY_THROWS_EXCEPTION(Error, train::takeOutputFolder(*store_, output, recorded.id));

    // Let go (as the window does before it starts the worker): the run's worker takes the folder.
    { const train::RecordedRun released = std::move(recorded); }
    catalog::OutputLock worker = train::takeOutputFolder(*store_, output, run->id);
    worker.claim(run->id, run->name);
  }

  void aFolderAnotherRunWritesToIsRefused() {
    const fs::path output = root_ / "runs" / "shared";
    train::RunLaunch launch;
    launch.config = loraConfig(output);
    launch.name = "first";
    launch.modelId = modelId_;
    const catalog::Id first = train::recordRun(*store_, launch).id;

    launch.name = "second";
    const auto refusal = [&]() -> std::optional<train::OutputFolderUser> {
      bool prepared = false;
      try {
        train::recordRun(*store_, launch, [&](train::RunLaunch&) { prepared = true; });
      } catch (const train::OutputFolderInUse& refused) {
        if (prepared) return std::nullopt;
        return refused.user();
      }
      return std::nullopt;
    };
    std::optional<train::OutputFolderUser> user = refusal();
    QVERIFY(user);
    QCOMPARE(user->folder, output);
    QCOMPARE(user->run, first);
    QCOMPARE(user->runName, std::string("first"));
    QVERIFY(!user->workerPid);  // recorded, not training
    QCOMPARE(store_->runs().size(), std::size_t(1));

    // While its worker lives, the refusal names the process.
    store_->setRunWorker(first, currentProcessIdentity());
    user = refusal();
    QVERIFY(user);
    QCOMPARE(user->workerPid.value_or(0), std::int64_t(getpid()));
    // "out/" and "out" are one folder.
    launch.config.outputFolder = output.string() + "/";
    QVERIFY(refusal());
    QCOMPARE(store_->runs().size(), std::size_t(1));
  }

  // A launch whose preparation fails records nothing and leaves no empty output folder behind (the
  // folder it made goes with its owner record); a folder that was there before, or that has other
  // files in it, stays as it was.
  void aFailedLaunchLeavesNoEmptyFolder() {
    train::RunLaunch launch;
    launch.modelId = modelId_;
    const auto failing = [](train::RunLaunch&) { throw Error("the dataset could not be tokenized"); };
    const fs::path fresh = root_ / "runs" / "never";
    launch.config = loraConfig(fresh);
    QVERIFY_THROWS_EXCEPTION(Error, train::recordRun(*store_, launch, failing));
    QVERIFY(!fs::exists(fresh));
    QVERIFY(fs::exists(fresh.parent_path()));

    const fs::path existing = root_ / "runs" / "mine";
    fs::create_directories(existing);
    launch.config = loraConfig(existing);
    QVERIFY_THROWS_EXCEPTION(Error, train::recordRun(*store_, launch, failing));
    QVERIFY(fs::is_directory(existing));  // the user's folder: kept, with the owner record in it

    const fs::path busy = root_ / "runs" / "busy";
    launch.config = loraConfig(busy);
    QVERIFY_THROWS_EXCEPTION(Error, train::recordRun(*store_, launch, [&](train::RunLaunch&) {
      std::ofstream(busy / "notes.txt") << "written meanwhile";
      throw Error("the dataset could not be tokenized");
    }));
    QVERIFY(fs::exists(busy / "notes.txt"));  // not empty: nothing removed
    QVERIFY(store_->runs().empty());
    // The folder is free for the next launch.
    launch.config = loraConfig(fresh);
    QVERIFY(train::recordRun(*store_, launch).id != 0);
  }

  // The lock comes before the record: a folder someone else holds (a second launch at the same
  // time, a worker of another catalog) records nothing and prepares nothing.
  void aFolderSomeoneElseHoldsRecordsNothing() {
    const fs::path output = root_ / "runs" / "held";
    const catalog::OutputLock other = train::takeOutputFolder(*store_, output, std::nullopt);
    train::RunLaunch launch;
    launch.config = loraConfig(output);
    launch.modelId = modelId_;
    bool prepared = false;
    try {
      train::recordRun(*store_, launch, [&](train::RunLaunch&) { prepared = true; });
      QFAIL("recorded a run into a folder another holds");
    } catch (const train::OutputFolderInUse&) {
      QFAIL("no catalog run writes there");
    } catch (const Error& error) {
      QVERIFY2(std::string(error.what()).find("in use by") != std::string::npos, error.what());
    }
    QVERIFY(!prepared);
    QVERIFY(store_->runs().empty());
  }

 private:
  std::unique_ptr<QTemporaryDir> scratch_;
  fs::path root_;
  std::optional<catalog::Catalog> store_;
  catalog::Id modelId_ = 0;
};

QTEST_GUILESS_MAIN(TestRunLaunch)
#include "tst_run_launch.moc"
