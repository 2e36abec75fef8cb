// The offload folder's free space and its measured speed, on scratch folders of the build tree
// (disk-backed, unlike a tmpfs /tmp).
#include <grp.h>
#include <sys/wait.h>
#include <unistd.h>

#include <QTest>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/hardware/disk_probe.h"
#include "core/util/error.h"
#include "support/scratch.h"

using namespace tiertune;
using namespace tiertune::hardware;
namespace fs = std::filesystem;

namespace {

DiskSpeedOptions smallTest() {
  DiskSpeedOptions options;
  options.maxBytes = 16u << 20;
  options.blockBytes = 1u << 20;
  options.queueDepth = 4;
  options.maxSecondsPerPhase = 10;
  return options;
}

bool isEmptyFolder(const fs::path& folder) { return fs::is_empty(folder); }

template <typename Body>
std::string errorOf(Body body) {
  try {
    body();
  } catch (const Error& error) {
    return error.what();
  }
  return {};
}

}  // namespace

class DiskProbeTest : public QObject {
  Q_OBJECT

 private:
  std::unique_ptr<QTemporaryDir> scratch_;
  fs::path folder() const { return scratch_->path().toStdString(); }

 private slots:
  void init() {
    scratch_ = tiertune::test::makeScratchDir();
    QVERIFY(scratch_->isValid());
  }

  void reportsFreeSpaceAndFileSystem() {
    const DiskSpace space = probeDiskSpace(folder());
    QVERIFY(space.totalBytes > 0);
    QVERIFY(space.freeBytes > 0);
    QVERIFY(space.freeBytes <= space.totalBytes);
    QVERIFY(!space.fileSystem.empty());
    // The root folder's file system is known too; /proc is procfs.
    QCOMPARE(probeDiskSpace("/proc").fileSystem, std::string("proc"));
  }

  void aMissingFolderIsNamed() {
    const fs::path missing = folder() / "nowhere";
    const std::string message = errorOf([&] { probeDiskSpace(missing); });
    QVERIFY2(message.find(missing.string()) != std::string::npos, message.c_str());
    const std::string speedMessage = errorOf([&] { measureDiskSpeed(missing, smallTest()); });
    QVERIFY2(speedMessage.find(missing.string()) != std::string::npos, speedMessage.c_str());
  }

  void measuresWriteThenReadAndCleansUp() {
    std::vector<std::pair<double, std::string>> progress;
    const DiskSpeed speed = measureDiskSpeed(folder(), smallTest(), [&](double fraction, const char* phase) {
      progress.emplace_back(fraction, phase);
    });
    QVERIFY(!speed.cancelled);
    QCOMPARE(speed.bytesWritten, 16ull << 20);
    QCOMPARE(speed.bytesRead, speed.bytesWritten);
    QVERIFY(std::isfinite(speed.writeBytesPerSecond) && speed.writeBytesPerSecond > 0);
    QVERIFY(std::isfinite(speed.readBytesPerSecond) && speed.readBytesPerSecond > 0);
    qInfo("%s: write %.0f MB/s, read %.0f MB/s, direct I/O %s", folder().c_str(),
          speed.writeBytesPerSecond / 1e6, speed.readBytesPerSecond / 1e6, speed.directIo ? "yes" : "no");

    QVERIFY(!progress.empty());
    QCOMPARE(progress.front().second, std::string("write"));
    bool sawRead = false;
    for (std::size_t i = 0; i < progress.size(); ++i) {
      if (i > 0) QVERIFY(progress[i].first >= progress[i - 1].first);
      QVERIFY(progress[i].first >= 0.0 && progress[i].first <= 1.0);
      if (progress[i].second == "read") sawRead = true;
      if (sawRead) QCOMPARE(progress[i].second, std::string("read"));  // write, then read
    }
    QVERIFY(sawRead);
    QCOMPARE(progress.back().first, 1.0);
    QVERIFY(isEmptyFolder(folder()));
  }

  void stopsEarlyWhenTheTimeIsUp() {
    DiskSpeedOptions options = smallTest();
    options.maxBytes = 1ull << 40;  // far more than can be written in the time
    options.maxSecondsPerPhase = 0.2;
    const DiskSpeed speed = measureDiskSpeed(folder(), options);
    QVERIFY(!speed.cancelled);
    QVERIFY(speed.bytesWritten > 0);
    QVERIFY(speed.bytesWritten % options.blockBytes == 0);
    QVERIFY(speed.bytesRead <= speed.bytesWritten);
    QVERIFY(isEmptyFolder(folder()));
  }

  void cancelsAndCleansUp() {
    std::stop_source stop;
    DiskSpeedOptions options = smallTest();
    options.maxBytes = 256u << 20;
    options.blockBytes = 64u << 10;
    const DiskSpeed speed = measureDiskSpeed(
        folder(), options,
        [&](double fraction, const char*) {
          if (fraction > 0.0) stop.request_stop();
        },
        stop.get_token());
    QVERIFY(speed.cancelled);
    QVERIFY(speed.bytesWritten < options.maxBytes || speed.bytesRead < speed.bytesWritten);
    QVERIFY(isEmptyFolder(folder()));
  }

  void refusesBadOptions() {
    DiskSpeedOptions options = smallTest();
    options.blockBytes = 1000;
    QVERIFY(errorOf([&] { measureDiskSpeed(folder(), options); }).find("4096") != std::string::npos);
    options = smallTest();
    options.maxBytes = 0;
    QVERIFY(!errorOf([&] { measureDiskSpeed(folder(), options); }).empty());
    options = smallTest();
    options.queueDepth = 0;
    QVERIFY(!errorOf([&] { measureDiskSpeed(folder(), options); }).empty());
    options = smallTest();
    options.blockBytes = 64u << 20;  // 256 buffers of 64 MiB: far more memory than a test needs
    options.queueDepth = 256;
    options.maxBytes = 1ull << 30;
    QVERIFY(errorOf([&] { measureDiskSpeed(folder(), options); }).find("1 GiB") != std::string::npos);
    options = smallTest();
    options.maxSecondsPerPhase = 0;
    QVERIFY(!errorOf([&] { measureDiskSpeed(folder(), options); }).empty());
    QVERIFY(isEmptyFolder(folder()));
  }

  void aFileIsNotAFolder() {
    const fs::path file = folder() / "plain";
    std::ofstream(file) << "x";
    const std::string message = errorOf([&] { measureDiskSpeed(file, smallTest()); });
    QVERIFY2(message.find(file.string()) != std::string::npos, message.c_str());
  }

  void anUnwritableFolderIsNamed() {
    const fs::path locked = folder() / "locked";
    fs::create_directories(locked);
    fs::permissions(folder(), fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                  fs::perms::others_read | fs::perms::others_exec);
    fs::permissions(locked, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                                fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
    // Root writes anywhere, so the check runs in a child that gives up root first.
    const pid_t child = fork();
    if (child == 0) {
      if (geteuid() == 0 && (setgroups(0, nullptr) != 0 || setgid(65534) != 0 || setuid(65534) != 0)) {
        _exit(97);
      }
      // The folder must be reachable, so that what fails is creating the file in it.
      if (!errorOf([&] { probeDiskSpace(locked); }).empty()) _exit(2);
      const std::string message = errorOf([&] { measureDiskSpeed(locked, smallTest()); });
      const bool named = message.find(locked.string()) != std::string::npos &&
                         message.find("scratch file") != std::string::npos;
      _exit(named ? 0 : 1);
    }
    int status = 0;
    waitpid(child, &status, 0);
    QVERIFY(WIFEXITED(status));
    if (WEXITSTATUS(status) == 2) QSKIP("the unprivileged user cannot reach the build tree");
    QCOMPARE(WEXITSTATUS(status), 0);
    QVERIFY(isEmptyFolder(locked));
  }

  // On a memory file system the figures are the page cache's: the result says whether O_DIRECT
  // was used, so nobody mistakes them for an SSD's.
  void aMemoryFileSystemStillMeasures() {
    if (!fs::is_directory("/dev/shm") || access("/dev/shm", W_OK) != 0) QSKIP("no writable /dev/shm");
    QTemporaryDir shm(QStringLiteral("/dev/shm/tiertune-test-XXXXXX"));
    QVERIFY(shm.isValid());
    const DiskSpeed speed = measureDiskSpeed(shm.path().toStdString(), smallTest());
    QCOMPARE(speed.bytesRead, speed.bytesWritten);
    QVERIFY(speed.bytesWritten > 0);
    qInfo("/dev/shm: direct I/O %s", speed.directIo ? "yes" : "no (buffered fallback)");
    QVERIFY(fs::is_empty(shm.path().toStdString()));
  }
};

QTEST_GUILESS_MAIN(DiskProbeTest)
#include "tst_disk_probe.moc"
