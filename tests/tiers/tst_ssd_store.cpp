// The SSD tier's store: round trips of many extents with transfers overlapping, refusals of
// misuse, a plan too large for the disk, injected I/O errors and a full disk, a damaged extent
// caught by its checksum, and no scratch file left behind.
#include <fcntl.h>
#include <unistd.h>

#include <QRandomGenerator>
#include <QTest>
#include <cerrno>
#include <filesystem>
#include <vector>

#include "core/tiers/aligned_buffer.h"
#include "core/tiers/ssd_store.h"
#include "core/util/error.h"
#include "support/scratch.h"

using namespace tiertune;
using namespace tiertune::tiers;
namespace fs = std::filesystem;

namespace {

AlignedBuffer randomBuffer(std::size_t bytes) {
  AlignedBuffer buffer(bytes);
  auto* words = reinterpret_cast<quint32*>(buffer.data());
  QRandomGenerator::global()->fillRange(words, buffer.size() / sizeof(quint32));
  return buffer;
}

template <typename Body>
std::string errorOf(Body body) {
  try {
    body();
  } catch (const Error& error) {
    return error.what();
  }
  return {};
}

// The store's file descriptor, found through /proc: the file is unlinked while in use.
int openStoreFileAgain() {
  for (const auto& entry : fs::directory_iterator("/proc/self/fd")) {
    std::error_code error;
    const std::string target = fs::read_symlink(entry.path(), error).string();
    if (target.find(".tiertune-store-") != std::string::npos) return open(entry.path().c_str(), O_RDWR);
  }
  return -1;
}

}  // namespace

class SsdStoreTest : public QObject {
  Q_OBJECT

 private:
  std::unique_ptr<QTemporaryDir> scratch_;
  fs::path folder() const { return scratch_->path().toStdString(); }

 private slots:
  void init() { scratch_ = test::makeScratchDir(); }

  void roundTripsOverlappingTransfers() {
    const std::vector<std::uint64_t> sizes = {4096, (1u << 20) + 1, 3u << 20, 100 * 1024, 8192};
    SsdStoreOptions options;
    options.queueDepth = 4;
    options.maxRequestBytes = 256 * 1024;  // several requests per extent, recycled through depth 4
    SsdStore store(folder(), sizes, options);
    QCOMPARE(store.extentCount(), sizes.size());
    QCOMPARE(store.extentCapacity(1), roundUpToBlocks((1u << 20) + 1));
    QVERIFY(fs::is_empty(folder()));  // the scratch file is unlinked while in use
    qInfo("direct I/O: %s", store.directIo() ? "yes" : "no");

    std::vector<AlignedBuffer> written;
    std::vector<Ticket> tickets;
    for (ExtentId extent = 0; extent < sizes.size(); ++extent) {
      written.push_back(randomBuffer(sizes[extent]));
      tickets.push_back(store.write(extent, written.back().span()));  // all in flight together
    }
    for (const Ticket ticket : tickets) store.wait(ticket);

    std::vector<AlignedBuffer> read;
    tickets.clear();
    for (ExtentId extent = 0; extent < sizes.size(); ++extent) {
      read.emplace_back(sizes[extent]);
      tickets.push_back(store.read(extent, read.back().span()));
    }
    store.waitAll();
    for (std::size_t i = 0; i < sizes.size(); ++i) {
      QVERIFY(std::equal(read[i].span().begin(), read[i].span().end(), written[i].span().begin()));
    }
    std::uint64_t total = 0;
    for (const auto& buffer : written) total += buffer.size();
    QCOMPARE(store.stats().bytesWritten, total);
    QCOMPARE(store.stats().bytesRead, total);
    QVERIFY(store.stats().requests >= 2 * (1 + 5 + 12 + 1 + 1));

    // Rewriting an extent with less data: reads then expect that size.
    const AlignedBuffer smaller = randomBuffer(4096);
    store.wait(store.write(2, smaller.span()));
    AlignedBuffer back(4096);
    store.wait(store.read(2, back.span()));
    QVERIFY(std::equal(back.span().begin(), back.span().end(), smaller.span().begin()));
  }

  void registeredBuffersRoundTrip() {
    const std::vector<std::uint64_t> sizes = {1u << 20, 1u << 20};
    SsdStore store(folder(), sizes);
    AlignedBuffer out = randomBuffer(2u << 20);
    AlignedBuffer in(2u << 20);
    const std::vector<std::span<std::byte>> buffers = {out.span(), in.span()};
    store.registerBuffers(buffers);
    store.wait(store.write(0, out.span().first(1u << 20)));
    store.wait(store.write(1, out.span().last(1u << 20)));
    store.wait(store.read(1, in.span().first(1u << 20)));
    store.wait(store.read(0, in.span().last(1u << 20)));
    QVERIFY(std::equal(in.span().begin(), in.span().begin() + (1 << 20), out.span().begin() + (1 << 20)));
    QVERIFY(std::equal(in.span().begin() + (1 << 20), in.span().end(), out.span().begin()));
  }

  void refusesMisuseWithReasons() {
    const std::vector<std::uint64_t> sizes = {8192, 4096};
    SsdStore store(folder(), sizes);
    AlignedBuffer buffer = randomBuffer(16384);
    QVERIFY(errorOf([&] { store.write(0, buffer.span().subspan(1, 4096)); }).find("4 KiB") != std::string::npos);
    QVERIFY(errorOf([&] { store.write(0, buffer.span().first(100)); }).find("4 KiB") != std::string::npos);
    QVERIFY(errorOf([&] { store.write(1, buffer.span().first(8192)); }).find("holds 4096") != std::string::npos);
    QVERIFY(errorOf([&] { store.write(7, buffer.span().first(4096)); }).find("no extent 7") != std::string::npos);
    QVERIFY(errorOf([&] { store.read(0, buffer.span().first(4096)); }).find("never written") != std::string::npos);
    const Ticket first = store.write(0, buffer.span().first(8192));
    QVERIFY(errorOf([&] { store.write(0, buffer.span().first(4096)); }).find("still being") != std::string::npos);
    store.wait(first);
    QVERIFY(errorOf([&] { store.read(0, buffer.span().first(4096)); }).find("holds 8192") != std::string::npos);
    QVERIFY(!errorOf([&] { store.wait(999); }).empty());
  }

  void aPlanTooLargeForTheDiskIsRefusedUpFront() {
    const std::vector<std::uint64_t> sizes = {1ull << 50};  // 1 PiB
    const std::string message = errorOf([&] { SsdStore store(folder(), sizes); });
    QVERIFY2(message.find(folder().string()) != std::string::npos, message.c_str());
    QVERIFY2(message.find("free") != std::string::npos, message.c_str());
    QVERIFY(fs::is_empty(folder()));
    QVERIFY(!errorOf([&] { SsdStore store(folder() / "absent", sizes); }).empty());
  }

  void injectedIoErrorsNameTheExtent() {
    const std::vector<std::uint64_t> sizes = {1u << 20, 1u << 20, 1u << 20};
    SsdStoreOptions options;
    options.maxRequestBytes = 256 * 1024;
    const std::uint64_t badOffset = (2u << 20) + 512 * 1024;  // inside extent 2
    options.faultInjector = [badOffset](bool writing, std::uint64_t offset, std::uint32_t) {
      return writing && offset == badOffset ? EIO : 0;
    };
    SsdStore store(folder(), sizes, options);
    AlignedBuffer data = randomBuffer(1u << 20);
    store.wait(store.write(0, data.span()));
    const std::string message = errorOf([&] { store.wait(store.write(2, data.span())); });
    QVERIFY2(message.find("extent 2") != std::string::npos, message.c_str());
    QVERIFY2(message.find(std::to_string(badOffset)) != std::string::npos, message.c_str());
    QVERIFY2(message.find("Input/output error") != std::string::npos, message.c_str());
    QVERIFY2(message.find(folder().string()) != std::string::npos, message.c_str());
    // The failed extent holds nothing readable; the others are intact.
    QVERIFY(!errorOf([&] { store.read(2, data.span()); }).empty());
    AlignedBuffer back(1u << 20);
    store.wait(store.read(0, back.span()));
    QVERIFY(std::equal(back.span().begin(), back.span().end(), data.span().begin()));
  }

  void aFullDiskSaysSo() {
    SsdStoreOptions options;
    options.faultInjector = [](bool writing, std::uint64_t, std::uint32_t) { return writing ? ENOSPC : 0; };
    const std::vector<std::uint64_t> sizes = {4096};
    SsdStore store(folder(), sizes, options);
    AlignedBuffer data = randomBuffer(4096);
    const std::string message = errorOf([&] { store.wait(store.write(0, data.span())); });
    QVERIFY2(message.find("the disk is full") != std::string::npos, message.c_str());
  }

  void aDamagedExtentIsCaughtByItsChecksum() {
    const std::vector<std::uint64_t> sizes = {64 * 1024, 64 * 1024};
    SsdStore store(folder(), sizes);
    AlignedBuffer data = randomBuffer(64 * 1024);
    store.wait(store.write(0, data.span()));
    store.wait(store.write(1, data.span()));
    const int fd = openStoreFileAgain();
    QVERIFY(fd >= 0);
    const char garbage[3] = {'x', 'y', 'z'};
    QCOMPARE(pwrite(fd, garbage, sizeof garbage, 64 * 1024 + 1000), static_cast<ssize_t>(sizeof garbage));
    QCOMPARE(fdatasync(fd), 0);
    close(fd);
    AlignedBuffer back(64 * 1024);
    store.wait(store.read(0, back.span()));  // extent 0 untouched
    const std::string message = errorOf([&] { store.wait(store.read(1, back.span())); });
    QVERIFY2(message.find("checksum") != std::string::npos, message.c_str());
    QVERIFY2(message.find("extent 1") != std::string::npos, message.c_str());
  }

  void goingAwayWithTransfersInFlightIsClean() {
    std::vector<AlignedBuffer> buffers;
    {
      const std::vector<std::uint64_t> sizes(8, 1u << 20);
      SsdStore store(folder(), sizes);
      for (ExtentId extent = 0; extent < 8; ++extent) {
        buffers.push_back(randomBuffer(1u << 20));
        store.write(extent, buffers.back().span());
      }
    }  // destroyed without wait: drains, then closes
    QVERIFY(fs::is_empty(folder()));
  }
};

QTEST_GUILESS_MAIN(SsdStoreTest)
#include "tst_ssd_store.moc"
