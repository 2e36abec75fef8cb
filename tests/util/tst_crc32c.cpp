// CRC-32C: the published check values, and the fast path equal to the table on random data of
// every length and alignment.
#include <QRandomGenerator>
#include <QTest>
#include <string_view>
#include <vector>

#include "core/util/crc32c.h"

namespace {

std::span<const std::byte> bytesOf(std::string_view text) { return std::as_bytes(std::span(text.data(), text.size())); }

}  // namespace

class Crc32cTest : public QObject {
  Q_OBJECT

 private slots:
  void checkValues() {
    QCOMPARE(tiertune::crc32c(bytesOf("")), 0u);
    QCOMPARE(tiertune::crc32c(bytesOf("123456789")), 0xE3069283u);  // the catalogue's check value
    QCOMPARE(tiertune::crc32cPortable(bytesOf("123456789")), 0xE3069283u);
    const std::vector<std::byte> zeros(32, std::byte{0});
    QCOMPARE(tiertune::crc32c(zeros), 0x8A9136AAu);  // RFC 3720 B.4: 32 bytes of zeros
    const std::vector<std::byte> ones(32, std::byte{0xff});
    QCOMPARE(tiertune::crc32c(ones), 0x62A8AB43u);  // RFC 3720 B.4: 32 bytes of 0xff
  }

  void fastPathMatchesTheTable() {
    std::vector<std::byte> data(5000);
    for (auto& byte : data) byte = static_cast<std::byte>(QRandomGenerator::global()->generate());
    for (std::size_t offset = 0; offset < 9; ++offset) {
      for (std::size_t length : {0u, 1u, 7u, 8u, 9u, 63u, 64u, 1000u, 4991u}) {
        const std::span<const std::byte> part(data.data() + offset, length);
        QCOMPARE(tiertune::crc32c(part), tiertune::crc32cPortable(part));
      }
    }
  }

  void continuesAcrossPieces() {
    std::vector<std::byte> data(1000);
    for (auto& byte : data) byte = static_cast<std::byte>(QRandomGenerator::global()->generate());
    const std::uint32_t whole = tiertune::crc32c(data);
    const std::uint32_t first = tiertune::crc32c(std::span(data).first(333));
    QCOMPARE(tiertune::crc32c(std::span(data).subspan(333), first), whole);
  }
};

QTEST_GUILESS_MAIN(Crc32cTest)
#include "tst_crc32c.moc"
