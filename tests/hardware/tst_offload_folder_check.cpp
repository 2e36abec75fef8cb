// checkOffloadFolder: a usable folder (made when missing) passes with its free space; /proc, a file,
// a folder under a file are refused with the problem named; nothing is left behind.
#include <QTest>
#include <filesystem>
#include <fstream>
#include <memory>

#include "core/hardware/offload_folder_check.h"
#include "support/scratch.h"

using namespace tiertune::hardware;
namespace fs = std::filesystem;

class OffloadFolderCheckTest : public QObject {
  Q_OBJECT

 private slots:
  void init() { scratch_ = tiertune::test::makeScratchDir(); }

  void aFolderOnADiskIsUsableAndMadeWhenMissing() {
    const fs::path folder = fs::path(scratch_->path().toStdString()) / "offload" / "nested";
    const OffloadFolderCheck check = checkOffloadFolder(folder);
    QCOMPARE(check.problem, OffloadFolderProblem::None);
    QVERIFY(fs::is_directory(folder));
    QVERIFY(check.freeBytes > 0);
    QVERIFY(fs::is_empty(folder));  // the probe file is gone
  }

  void aVirtualFileSystemIsNotADisk() {
    QCOMPARE(checkOffloadFolder("/proc").problem, OffloadFolderProblem::NotOnADisk);
    QCOMPARE(checkOffloadFolder("/proc/self").problem, OffloadFolderProblem::NotOnADisk);
  }

  void aFileIsNotAFolder() {
    const fs::path file = fs::path(scratch_->path().toStdString()) / "a-file";
    std::ofstream(file) << "x";
    QCOMPARE(checkOffloadFolder(file).problem, OffloadFolderProblem::NotAFolder);
    const OffloadFolderCheck under = checkOffloadFolder(file / "below");
    QCOMPARE(under.problem, OffloadFolderProblem::CannotCreate);
    QVERIFY(!under.detail.empty());
  }

 private:
  std::unique_ptr<QTemporaryDir> scratch_;
};

QTEST_GUILESS_MAIN(OffloadFolderCheckTest)
#include "tst_offload_folder_check.moc"
