// StagingFolder (core/util/staging_folder.h), the one way a folder is published: whole or not at
// all, never over the user's files unless asked to replace, and no staging folder left behind by a
// writer that failed or by one that crashed before.
#include <QTest>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

#include "core/util/error.h"
#include "core/util/staging_folder.h"
#include "support/scratch.h"

using namespace tiertune;
namespace fs = std::filesystem;

namespace {

void writeText(const fs::path& file, const std::string& text) { std::ofstream(file) << text; }

std::string readText(const fs::path& file) {
  std::ifstream in(file);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

class StagingFolderTest : public QObject {
  Q_OBJECT

 private slots:
  void aPublishedFolderAppearsWhole() {
    const auto scratch = test::makeScratchDir();
    const fs::path target = fs::path(scratch->path().toStdString()) / "exports" / "adapter";
    StagingFolder staging(target);
    QCOMPARE(staging.path(), target.parent_path() / ".adapter.partial");  // hidden, beside it
    QVERIFY(fs::is_directory(staging.path()));
    writeText(staging.path() / "a.txt", "alpha");
    QVERIFY(!fs::exists(target));  // nothing at the target until published
    staging.publish(StagingFolder::AtTarget::Refuse);
    QVERIFY(staging.published());
    QCOMPARE(readText(target / "a.txt"), std::string("alpha"));
    QVERIFY(!fs::exists(target.parent_path() / ".adapter.partial"));
  }

  void anUnpublishedFolderLeavesNoTrace() {
    const auto scratch = test::makeScratchDir();
    const fs::path target = fs::path(scratch->path().toStdString()) / "checkpoint";
    fs::path stagingPath;
    {
      StagingFolder staging(target);
      stagingPath = staging.path();
      writeText(staging.path() / "weights", "half written");
    }  // an error or a cancel: the writer goes without publishing
    QVERIFY(!fs::exists(stagingPath));
    QVERIFY(!fs::exists(target));
  }

  void whatACrashedWriterLeftIsRemovedByTheNext() {
    const auto scratch = test::makeScratchDir();
    const fs::path target = fs::path(scratch->path().toStdString()) / "step-00000040";
    fs::create_directories(target.parent_path() / ".step-00000040.partial");
    writeText(target.parent_path() / ".step-00000040.partial" / "stale", "from a killed process");
    StagingFolder staging(target);
    QVERIFY(fs::is_empty(staging.path()));
  }

  void refusingKeepsWhatIsThereEvenAnEmptyFolder() {
    const auto scratch = test::makeScratchDir();
    const fs::path root = scratch->path().toStdString();
    for (const bool empty : {true, false}) {
      const fs::path target = root / (empty ? "empty" : "full");
      fs::create_directories(target);
      if (!empty) writeText(target / "mine.txt", "the user's");
      fs::path stagingPath;
      {
        StagingFolder staging(target);
        stagingPath = staging.path();
        writeText(staging.path() / "new.txt", "ours");
        try {
          staging.publish(StagingFolder::AtTarget::Refuse);
          QFAIL("published over an existing folder");
        } catch (const Error& error) {
          const std::string text = error.what();
          QVERIFY2(text.find(target.string()) != std::string::npos, error.what());
          QVERIFY2(text.find(staging.path().string()) != std::string::npos, error.what());
          QVERIFY2(text.find("already exists, and nothing was replaced") != std::string::npos, error.what());
        }
        QVERIFY(!staging.published());
      }
      QVERIFY(!fs::exists(target / "new.txt"));
      QCOMPARE(fs::is_empty(target), empty);
      if (!empty) QCOMPARE(readText(target / "mine.txt"), std::string("the user's"));
      QVERIFY(!fs::exists(stagingPath));
    }
  }

  void replacingTakesThePlaceOfAnEarlierAttempt() {
    const auto scratch = test::makeScratchDir();
    const fs::path target = fs::path(scratch->path().toStdString()) / "tokens-abc";
    fs::create_directories(target);
    writeText(target / "train.bin", "interrupted build");
    StagingFolder staging(target.parent_path() / ".staging-1-tokens", target);
    writeText(staging.path() / "manifest.json", "{}");
    staging.publish(StagingFolder::AtTarget::Replace);
    QVERIFY(!fs::exists(target / "train.bin"));
    QCOMPARE(readText(target / "manifest.json"), std::string("{}"));
  }

  void theStagingFolderMustBeBesideItsTarget() {
    const auto scratch = test::makeScratchDir();
    const fs::path root = scratch->path().toStdString();
    QVERIFY_THROWS_EXCEPTION(Error, StagingFolder(root / "elsewhere" / ".x.partial", root / "x"));
    QVERIFY(!fs::exists(root / "elsewhere"));
  }
};

QTEST_GUILESS_MAIN(StagingFolderTest)
#include "tst_staging_folder.moc"
