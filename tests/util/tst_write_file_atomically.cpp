// writeFileAtomically (settings, the disk speed record, checkpoints' JSON files): readers
// see a whole old or a whole new file, writers in several threads and
// processes never mix their bytes, and nothing is left behind.
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <QTest>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "core/util/durable_file.h"
#include "core/util/error.h"
#include "support/scratch.h"

namespace fs = std::filesystem;

namespace {

std::string contentOf(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// A version of the file that can only be read whole: N copies of one letter, then a newline.
std::string version(char letter, std::size_t size) { return std::string(size, letter) + "\n"; }

bool isWholeVersion(const std::string& bytes) {
  if (bytes.size() < 2 || bytes.back() != '\n') return false;
  return bytes.find_first_not_of(bytes.front()) == bytes.size() - 1;
}

}  // namespace

class WriteFileAtomicallyTest : public QObject {
  Q_OBJECT

 private slots:
  void init() { scratch_ = tiertune::test::makeScratchDir(); }

  void replacesTheFileAndLeavesNothingElse() {
    const fs::path file = fs::path(scratch_->path().toStdString()) / "settings.json";
    tiertune::writeFileAtomically(file, "first\n");
    tiertune::writeFileAtomically(file, "second\n");
    QCOMPARE(contentOf(file), std::string("second\n"));
    struct stat info {};
    QCOMPARE(::stat(file.c_str(), &info), 0);
    QCOMPARE(info.st_mode & 0600, 0600u);  // the rest follows the user's umask, as any file they write
    QCOMPARE(static_cast<int>(std::distance(fs::directory_iterator(file.parent_path()), fs::directory_iterator())), 1);
  }

  void writersInThreadsAndProcessesNeverMixTheirBytes() {
    const fs::path file = fs::path(scratch_->path().toStdString()) / "shared.json";
    tiertune::writeFileAtomically(file, version('a', 64 * 1024));
    std::vector<pid_t> children;
    for (char letter : {'p', 'q'}) {
      const pid_t child = fork();
      if (child == 0) {
        for (int i = 0; i < 40; ++i) tiertune::writeFileAtomically(file, version(letter, 64 * 1024 + i * 97));
        _exit(0);
      }
      children.push_back(child);
    }
    std::vector<std::jthread> writers;
    for (char letter : {'x', 'y'}) {
      writers.emplace_back([&file, letter] {
        for (int i = 0; i < 40; ++i) tiertune::writeFileAtomically(file, version(letter, 64 * 1024 + i * 89));
      });
    }
    int reads = 0;
    bool allWhole = true;
    for (bool running = true; running;) {
      allWhole = allWhole && isWholeVersion(contentOf(file));
      ++reads;
      running = false;
      for (pid_t child : children) running = running || ::waitpid(child, nullptr, WNOHANG) == 0;
    }
    writers.clear();
    QVERIFY2(allWhole, "a reader saw a file that was neither the old nor a new version");
    QVERIFY(reads > 0);
    QVERIFY(isWholeVersion(contentOf(file)));
    QCOMPARE(static_cast<int>(std::distance(fs::directory_iterator(file.parent_path()), fs::directory_iterator())), 1);
  }

  void aFailureNamesTheFileAndLeavesItAsItWas() {
    const fs::path file = fs::path(scratch_->path().toStdString()) / "missing-folder" / "settings.json";
    try {
      tiertune::writeFileAtomically(file, "x");
      QFAIL("no error");
    } catch (const tiertune::Error& error) {
      const std::string message = error.what();
      QVERIFY2(message.find(file.string()) != std::string::npos, error.what());
    }
    QVERIFY(!fs::exists(file.parent_path()));
  }

 private:
  std::unique_ptr<QTemporaryDir> scratch_;
};

QTEST_GUILESS_MAIN(WriteFileAtomicallyTest)
#include "tst_write_file_atomically.moc"
