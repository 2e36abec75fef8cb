// The smoke run of a fuzz target in the normal test suite, without libFuzzer: every seed, then
// deterministic mutations of each (bit flips, truncations, byte insertions and deletions,
// splices of two seeds). The fuzz target itself reports a bug by crashing or trapping.
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>
#include <cstdint>
#include <vector>

#include "fuzz/fuzz_target.h"

namespace {

void feed(const QByteArray& input) {
  LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(input.constData()),
                         static_cast<std::size_t>(input.size()));
}

QByteArray mutate(const QByteArray& seed, const QByteArray& other, QRandomGenerator& random) {
  QByteArray input = seed;
  const int edits = 1 + static_cast<int>(random.bounded(4u));
  for (int edit = 0; edit < edits; ++edit) {
    const auto size = static_cast<quint32>(input.size());
    switch (random.bounded(5u)) {
      case 0:  // flip a bit
        if (size > 0) input[random.bounded(size)] ^= static_cast<char>(1u << random.bounded(8u));
        break;
      case 1:  // truncate
        input.truncate(static_cast<int>(random.bounded(size + 1)));
        break;
      case 2:  // insert an interesting byte
        input.insert(static_cast<int>(random.bounded(size + 1)),
                     "\0\xff{}[]\":,\\0123456789eE-+ \x7f\xc3\xe2"[random.bounded(24u)]);
        break;
      case 3:  // delete a run
        if (size > 0) input.remove(static_cast<int>(random.bounded(size)), 1 + static_cast<int>(random.bounded(8u)));
        break;
      default:  // splice with another seed
        input = input.left(static_cast<int>(random.bounded(size + 1))) +
                other.mid(static_cast<int>(random.bounded(static_cast<quint32>(other.size()) + 1)));
        break;
    }
  }
  return input;
}

}  // namespace

class FuzzSmokeTest : public QObject {
  Q_OBJECT

 private slots:
  void seedsAndTheirMutationsAreHandled() {
    QDir folder(QStringLiteral(TIERTUNE_FUZZ_SEEDS));
    const QStringList names = folder.entryList(QDir::Files, QDir::Name);
    QVERIFY2(!names.isEmpty(), "no seeds");
    std::vector<QByteArray> seeds;
    for (const QString& name : names) {
      QFile file(folder.filePath(name));
      QVERIFY(file.open(QIODevice::ReadOnly));
      seeds.push_back(file.readAll());
    }
    feed({});
    QRandomGenerator random(20261122);  // deterministic: a failure reproduces
    for (std::size_t i = 0; i < seeds.size(); ++i) {
      feed(seeds[i]);
      for (int round = 0; round < 2000; ++round) {
        feed(mutate(seeds[i], seeds[random.bounded(static_cast<quint32>(seeds.size()))], random));
      }
    }
  }
};

QTEST_GUILESS_MAIN(FuzzSmokeTest)
#include "fuzz_smoke.moc"
