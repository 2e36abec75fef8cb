// Pruning old checkpoints never deletes one that is being read: a reader (an export, the playground,
// `generate`, in this process or another) holds a shared FolderLock on it, and the prune leaves it for
// a later prune. A reader that is killed releases its lock with its life.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <QTest>
#include <filesystem>
#include <memory>

#include "core/train/checkpoint.h"
#include "core/util/error.h"
#include "core/util/folder_lock.h"
#include "support/scratch.h"

using namespace tiertune;
namespace fs = std::filesystem;

class CheckpointPruningTest : public QObject {
  Q_OBJECT

 private slots:
  void init() {
    scratch_ = test::makeScratchDir();
    checkpoints_ = fs::path(scratch_->path().toStdString()) / "checkpoints";
    for (int step : {10, 20, 30}) fs::create_directories(checkpoints_ / train::checkpointFolderName(step) / "inside");
  }

  void aSharedLockKeepsOutTheExclusiveOne() {
    const fs::path folder = checkpoints_ / train::checkpointFolderName(10);
    {
      const FolderLock reading = FolderLock::shared(folder);
      const FolderLock alsoReading = FolderLock::shared(folder);  // readers do not exclude each other
      QVERIFY(!FolderLock::tryExclusive(folder));
    }
    QVERIFY(FolderLock::tryExclusive(folder));
    QVERIFY(!FolderLock::tryExclusive(checkpoints_ / "no-such-step"));
    QVERIFY_THROWS_EXCEPTION(tiertune::Error, FolderLock::shared(checkpoints_ / "no-such-step"));
  }

  void aCheckpointBeingReadInThisProcessIsPrunedLater() {
    {
      const FolderLock reading = FolderLock::shared(checkpoints_ / train::checkpointFolderName(10));
      train::pruneCheckpoints(checkpoints_, 1);
      QCOMPARE(names(), (std::vector<std::string>{"step-00000010", "step-00000030"}));
    }
    train::pruneCheckpoints(checkpoints_, 1);
    QCOMPARE(names(), std::vector<std::string>{"step-00000030"});
  }

  void aReaderInAnotherProcessKeepsItsCheckpointUntilItEnds() {
    int ready[2];
    QCOMPARE(pipe(ready), 0);
    const pid_t reader = fork();
    if (reader == 0) {
      close(ready[0]);
      const FolderLock reading = FolderLock::shared(checkpoints_ / train::checkpointFolderName(20));
      const char byte = 'R';
      if (write(ready[1], &byte, 1) != 1) _exit(3);
      pause();  // reads until it is killed
      _exit(0);
    }
    close(ready[1]);
    char byte = 0;
    QCOMPARE(read(ready[0], &byte, 1), static_cast<ssize_t>(1));
    close(ready[0]);
    train::pruneCheckpoints(checkpoints_, 1);
    QCOMPARE(names(), (std::vector<std::string>{"step-00000020", "step-00000030"}));
    kill(reader, SIGKILL);
    waitpid(reader, nullptr, 0);
    train::pruneCheckpoints(checkpoints_, 1);
    QCOMPARE(names(), std::vector<std::string>{"step-00000030"});
  }

 private:
  std::vector<std::string> names() const {
    std::vector<std::string> result;
    for (const fs::path& folder : train::listCheckpoints(checkpoints_)) result.push_back(folder.filename().string());
    return result;
  }

  std::unique_ptr<QTemporaryDir> scratch_;
  fs::path checkpoints_;
};

QTEST_GUILESS_MAIN(CheckpointPruningTest)
#include "tst_checkpoint_pruning.moc"
