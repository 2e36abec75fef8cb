// SHA-256 against the FIPS 180-2 test vectors and against Qt's independent implementation.
#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTest>
#include <fstream>

#include "core/util/error.h"
#include "core/util/sha256.h"
#include "support/scratch.h"

class Sha256Test : public QObject {
  Q_OBJECT

 private slots:
  void knownVectors() {
    QCOMPARE(tiertune::sha256Hex(std::string_view("")),
             std::string("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    QCOMPARE(tiertune::sha256Hex(std::string_view("abc")),
             std::string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    QCOMPARE(tiertune::sha256Hex(std::string_view("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")),
             std::string("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"));
  }

  void filesMatchAnIndependentImplementation() {
    auto scratch = tiertune::test::makeScratchDir();
    for (const int size : {0, 1, 1 << 20, (1 << 20) + 7, 3 * (1 << 20) + 12345}) {
      QByteArray bytes(size, Qt::Uninitialized);
      for (char& byte : bytes) byte = static_cast<char>(QRandomGenerator::global()->generate());
      const std::string file = (scratch->path() + QStringLiteral("/blob")).toStdString();
      std::ofstream(file, std::ios::binary).write(bytes.constData(), bytes.size());
      const QByteArray expected = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
      QCOMPARE(QByteArray::fromStdString(tiertune::sha256HexOfFile(file)), expected);
    }
  }

  // git's own ids ("git hash-object"): the empty blob and "hello\n".
  void gitBlobIdsMatchGit() {
    auto scratch = tiertune::test::makeScratchDir();
    const std::string empty = scratch->filePath("empty").toStdString(), hello = scratch->filePath("hello").toStdString();
    std::ofstream(empty, std::ios::binary).flush();
    std::ofstream(hello, std::ios::binary) << "hello\n";
    QCOMPARE(tiertune::gitBlobIdOfFile(empty), std::string("e69de29bb2d1d6434b8b29ae775ad8c2e48c5391"));
    QCOMPARE(tiertune::gitBlobIdOfFile(hello), std::string("ce013625030ba8dba906f756967f9e9ca394464a"));
    QVERIFY_THROWS_EXCEPTION(tiertune::Error, tiertune::gitBlobIdOfFile(scratch->filePath("missing").toStdString()));
  }

  void aMissingFileIsNamed() {
    try {
      tiertune::sha256HexOfFile("/nonexistent/tiertune/file");
      QFAIL("no error");
    } catch (const tiertune::Error& error) {
      QVERIFY(std::string(error.what()).find("/nonexistent/tiertune/file") != std::string::npos);
    }
  }
};

QTEST_GUILESS_MAIN(Sha256Test)
#include "tst_sha256.moc"
