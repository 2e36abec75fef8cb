// Paths read from the catalog or a file stay inside their base before anything is deleted or
// written: absolute, empty and ".." values are refused, so is a symlink that leads out, and a
// symlink inside is removed as a link, never what it points to.
#include <QTest>
#include <filesystem>
#include <fstream>

#include "core/util/error.h"
#include "core/util/path_inside.h"
#include "support/scratch.h"

using namespace tiertune;
namespace fs = std::filesystem;

class PathInsideTest : public QObject {
  Q_OBJECT

 private slots:
  void storedNamesStayInside() {
    const auto scratch = test::makeScratchDir();
    const fs::path root = scratch->path().toStdString();
    const fs::path base = root / "data" / "datasets";
    fs::create_directories(base / "d-1");
    fs::create_directories(root / "elsewhere");
    fs::create_directory_symlink(root / "elsewhere", base / "link");

    QCOMPARE(pathInside(base, "d-1", "the folder"), base / "d-1");
    QCOMPARE(pathInside(base, "d-2/tokens", "the folder"), base / "d-2" / "tokens");  // need not exist yet
    for (const fs::path& bad : {fs::path(), fs::path("."), fs::path("/"), root / "elsewhere", fs::path("../x"),
                                fs::path("d-1/../../x"), fs::path("link"), fs::path("link/sub")}) {
      try {
        pathInside(base, bad, "the folder of dataset \"notes\"");
        QFAIL(qPrintable(QString::fromStdString("accepted " + bad.string())));
      } catch (const Error& error) {
        const std::string text = error.what();
        QVERIFY2(text.find("the folder of dataset \"notes\"") != std::string::npos, error.what());
        QVERIFY2(text.find("outside") != std::string::npos, error.what());
      }
    }
    QVERIFY(isInsideFolder(base / "d-1", base));
    QVERIFY(!isInsideFolder(base, base));
    QVERIFY(!isInsideFolder(base / "link" / "x", base));
    QVERIFY(!isInsideFolder(base / ".." / "datasets2", base));
  }

  void removalStaysInside() {
    const auto scratch = test::makeScratchDir();
    const fs::path root = scratch->path().toStdString();
    const fs::path base = root / "base";
    fs::create_directories(base / "gone" / "deep");
    std::ofstream(base / "gone" / "deep" / "file") << "x";
    fs::create_directories(root / "precious");
    std::ofstream(root / "precious" / "file") << "keep";
    fs::create_directory_symlink(root / "precious", base / "link");

    removeInside(base / "gone", base);
    QVERIFY(!fs::exists(base / "gone"));
    removeInside(base / "link", base);  // the link goes, what it points to stays
    QVERIFY(!fs::exists(fs::symlink_status(base / "link")));
    QVERIFY(fs::exists(root / "precious" / "file"));
    removeInside(base / "never-there", base);  // nothing to do

    for (const fs::path& outside : {root / "precious", base, base / ".." / "precious"}) {
      QVERIFY_THROWS_EXCEPTION(Error, removeInside(outside, base));
    }
    QVERIFY(fs::exists(root / "precious" / "file"));
    QVERIFY(fs::exists(base));
  }
};

QTEST_GUILESS_MAIN(PathInsideTest)
#include "tst_path_inside.moc"
