// tiertune-cli as a user runs it: a real process, its exit codes, its text and JSON output.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include "support/scratch.h"

namespace {

struct Result {
  int exitCode = -1;
  QString out;
  QString err;
};

Result runCli(const QStringList& arguments, int timeoutMs = 120000) {
  QProcess process;
  process.start(QStringLiteral(TIERTUNE_CLI_PATH), arguments);
  if (!process.waitForFinished(timeoutMs)) {
    process.kill();
    process.waitForFinished();
    return {};
  }
  Result result;
  result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
  result.out = QString::fromUtf8(process.readAllStandardOutput());
  result.err = QString::fromUtf8(process.readAllStandardError());
  return result;
}

QJsonObject parseObject(const QString& text) {
  QJsonParseError error;
  const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
  if (error.error != QJsonParseError::NoError || !document.isObject()) {
    qWarning().noquote() << "not a JSON object:" << error.errorString() << text.left(400);
    return {};
  }
  return document.object();
}

}  // namespace

class TestCli : public QObject {
  Q_OBJECT

 private slots:
  void helpListsCommands() {
    const Result result = runCli({QStringLiteral("help")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.contains(QStringLiteral("doctor")));
    QVERIFY(result.out.contains(QStringLiteral("catalog")));
    const Result doctorHelp = runCli({QStringLiteral("help"), QStringLiteral("doctor")});
    QCOMPARE(doctorHelp.exitCode, 0);
    QVERIFY(doctorHelp.out.contains(QStringLiteral("--offload-folder")));
  }

  void wrongUsageExitsWithTwoAndNamesTheProblem() {
    const Result unknownCommand = runCli({QStringLiteral("frobnicate")});
    QCOMPARE(unknownCommand.exitCode, 2);
    QVERIFY(unknownCommand.err.contains(QStringLiteral("frobnicate")));

    const Result unknownOption = runCli({QStringLiteral("doctor"), QStringLiteral("--fast")});
    QCOMPARE(unknownOption.exitCode, 2);
    QVERIFY2(unknownOption.err.contains(QStringLiteral("--fast")), qPrintable(unknownOption.err));

    const Result missingValue = runCli({QStringLiteral("doctor"), QStringLiteral("--offload-folder")});
    QCOMPARE(missingValue.exitCode, 2);
    QVERIFY(missingValue.err.contains(QStringLiteral("needs a value")));

    const Result badNumber = runCli({QStringLiteral("doctor"), QStringLiteral("--speed-bytes=lots")});
    QCOMPARE(badNumber.exitCode, 2);
    QVERIFY(badNumber.err.contains(QStringLiteral("lots")));
  }

  void doctorJsonReportsTheMachine() {
    auto scratch = tiertune::test::makeScratchDir();
    QVERIFY(scratch->isValid());
    const Result result = runCli({QStringLiteral("doctor"), QStringLiteral("--json"),
                                  QStringLiteral("--speed-bytes"), QStringLiteral("8"),
                                  QStringLiteral("--offload-folder"), scratch->path()});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err + result.out));
    const QJsonObject report = parseObject(result.out);
    QVERIFY(!report.isEmpty());

    const QJsonObject cpu = report[QStringLiteral("cpu")].toObject();
    QVERIFY(cpu[QStringLiteral("logical_cores")].toInt() >= 1);
    QVERIFY(cpu[QStringLiteral("physical_cores")].toInt() >= 1);
    QVERIFY(!cpu[QStringLiteral("model")].toString().isEmpty());

    const QJsonObject memory = report[QStringLiteral("memory")].toObject();
    QVERIFY(memory[QStringLiteral("total_bytes")].toDouble() > 0);
    QVERIFY(memory[QStringLiteral("available_bytes")].toDouble() <=
            memory[QStringLiteral("total_bytes")].toDouble());

    const QJsonObject gpu = report[QStringLiteral("gpu")].toObject();
    const QString status = gpu[QStringLiteral("status")].toString();
    const QStringList known = {"found", "no_device", "driver_missing", "driver_too_old",
                               "not_built_with_cuda", "error"};
    QVERIFY2(known.contains(status), qPrintable(status));
    QVERIFY(!gpu[QStringLiteral("summary")].toString().isEmpty());
    QCOMPARE(gpu[QStringLiteral("devices")].toArray().isEmpty(), status != QStringLiteral("found"));

    const QJsonObject offload = report[QStringLiteral("offload")].toObject();
    QCOMPARE(offload[QStringLiteral("folder")].toString(), scratch->path());
    QVERIFY(offload[QStringLiteral("free_bytes")].toDouble() > 0);
    QVERIFY(offload[QStringLiteral("free_bytes")].toDouble() <=
            offload[QStringLiteral("total_bytes")].toDouble());
    const QJsonObject speed = offload[QStringLiteral("speed")].toObject();
    QCOMPARE(speed[QStringLiteral("bytes_written")].toDouble(), 8.0 * 1024 * 1024);
    QCOMPARE(speed[QStringLiteral("bytes_read")].toDouble(), 8.0 * 1024 * 1024);
    QVERIFY(speed[QStringLiteral("write_bytes_per_second")].toDouble() > 0);
    QVERIFY(speed[QStringLiteral("read_bytes_per_second")].toDouble() > 0);
    QVERIFY2(QDir(scratch->path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)
                 .isEmpty(),
             "the speed test left its scratch file behind");
  }

  void doctorTextNamesEverySection() {
    auto scratch = tiertune::test::makeScratchDir();
    const Result result = runCli({QStringLiteral("doctor"), QStringLiteral("--skip-speed"),
                                  QStringLiteral("--offload-folder"), scratch->path()});
    QCOMPARE(result.exitCode, 0);
    for (const char* label : {"CPU", "Memory", "GPU", "Offload"}) {
      QVERIFY2(result.out.contains(QLatin1String(label)), label);
    }
    QVERIFY(result.out.contains(scratch->path()));
    QVERIFY(!result.out.contains(QStringLiteral("Disk speed")));
  }

  void doctorFailsClearlyOnAnUnusableFolder() {
    auto scratch = tiertune::test::makeScratchDir();
    const QString file = scratch->filePath(QStringLiteral("plain-file"));
    QFile blocker(file);
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const QString folder = file + QStringLiteral("/offload");
    const Result result = runCli({QStringLiteral("doctor"), QStringLiteral("--offload-folder"), folder});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.out.contains(folder), qPrintable(result.out));
  }

  void catalogCommandCreatesTheDefaultCatalog() {
    const QString dataHome = qEnvironmentVariable("XDG_DATA_HOME");
    QVERIFY(!dataHome.isEmpty());
    QDir(dataHome + QStringLiteral("/Tiertune")).removeRecursively();
    const Result result = runCli({QStringLiteral("catalog"), QStringLiteral("--json")});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    const QJsonObject info = parseObject(result.out);
    QCOMPARE(info[QStringLiteral("file")].toString(), dataHome + QStringLiteral("/Tiertune/catalog.sqlite"));
    QCOMPARE(info[QStringLiteral("schema_version")].toInt(), 1);
    QCOMPARE(info[QStringLiteral("runs")].toInt(), 0);
    QVERIFY(QFile::exists(dataHome + QStringLiteral("/Tiertune/catalog.sqlite")));
  }

  void catalogCommandRefusesADamagedFile() {
    const QString dataHome = qEnvironmentVariable("XDG_DATA_HOME");
    const QString folder = dataHome + QStringLiteral("/Tiertune");
    QDir(folder).removeRecursively();
    QVERIFY(QDir().mkpath(folder));
    QFile garbage(folder + QStringLiteral("/catalog.sqlite"));
    QVERIFY(garbage.open(QIODevice::WriteOnly));
    const QByteArray bytes(8192, 'x');
    garbage.write(bytes);
    garbage.close();
    const Result result = runCli({QStringLiteral("catalog")});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(garbage.fileName()), qPrintable(result.err));
    QVERIFY(garbage.open(QIODevice::ReadOnly));
    QCOMPARE(garbage.readAll(), bytes);  // never overwritten
  }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
