// Settings and default folders: XDG rules, defaults, round trip, and errors that name the file
// and the field.
#include <sys/stat.h>

#include <QFile>
#include <QTest>

#include "core/settings/paths.h"
#include "core/settings/settings.h"
#include "core/util/error.h"
#include "support/scratch.h"

using namespace tiertune::settings;

namespace {

// Sets an environment variable for one scope.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const QByteArray& value)
      : name_(name), had_(qEnvironmentVariableIsSet(name)), old_(qgetenv(name)) {
    qputenv(name, value);
  }
  ~ScopedEnv() {
    if (had_) qputenv(name_, old_);
    else qunsetenv(name_);
  }

 private:
  const char* name_;
  bool had_;
  QByteArray old_;
};

void writeFile(const QString& path, const QByteArray& bytes) {
  QFile file(path);
  QVERIFY(file.open(QIODevice::WriteOnly));
  file.write(bytes);
}

QString errorOf(const std::function<void()>& action) {
  try {
    action();
  } catch (const tiertune::Error& e) {
    return QString::fromStdString(e.what());
  }
  return {};
}

}  // namespace

class TestSettings : public QObject {
  Q_OBJECT

 private slots:
  void foldersFollowXdg() {
    ScopedEnv data("XDG_DATA_HOME", "/srv/data");
    ScopedEnv config("XDG_CONFIG_HOME", "/srv/config");
    QCOMPARE(QString::fromStdString(defaultDataFolder().string()), QStringLiteral("/srv/data/Tiertune"));
    QCOMPARE(QString::fromStdString(configFolder().string()), QStringLiteral("/srv/config/Tiertune"));
    QCOMPARE(QString::fromStdString(settingsFile().string()),
             QStringLiteral("/srv/config/Tiertune/settings.json"));
  }

  // The GUI hands its own settings file to the worker it starts through this variable; a relative
  // or empty value is ignored, as XDG's are.
  void theSettingsFileVariableWins() {
    ScopedEnv config("XDG_CONFIG_HOME", "/srv/config");
    {
      ScopedEnv chosen(kSettingsFileVariable, "/srv/team/tiertune.json");
      QCOMPARE(QString::fromStdString(settingsFile().string()), QStringLiteral("/srv/team/tiertune.json"));
    }
    for (const QByteArray& ignored : {QByteArray("team/tiertune.json"), QByteArray()}) {
      ScopedEnv chosen(kSettingsFileVariable, ignored);
      QCOMPARE(QString::fromStdString(settingsFile().string()),
               QStringLiteral("/srv/config/Tiertune/settings.json"));
    }
  }

  void relativeOrEmptyXdgFallsBackToHome() {
    ScopedEnv home("HOME", "/home/ana");
    {
      ScopedEnv data("XDG_DATA_HOME", "relative/data");
      QCOMPARE(QString::fromStdString(defaultDataFolder().string()),
               QStringLiteral("/home/ana/.local/share/Tiertune"));
    }
    ScopedEnv config("XDG_CONFIG_HOME", "");
    QCOMPARE(QString::fromStdString(configFolder().string()), QStringLiteral("/home/ana/.config/Tiertune"));
  }

  void missingFileGivesDefaults() {
    auto scratch = tiertune::test::makeScratchDir();
    const Settings settings = loadSettings(scratch->filePath("none.json").toStdString());
    QCOMPARE(settings, defaultSettings());
    QCOMPARE(settings.offloadFolder, settings.dataFolder / "offload");
    QCOMPARE(settings.catalogFile(), settings.dataFolder / "catalog.sqlite");
  }

  void saveThenLoadRoundTrips() {
    auto scratch = tiertune::test::makeScratchDir();
    const std::filesystem::path file = scratch->filePath("nested/settings.json").toStdString();
    Settings settings;
    settings.dataFolder = "/mnt/big disk/Tiertune data";
    settings.offloadFolder = "/mnt/nvme/offload";
    saveSettings(settings, file);
    QCOMPARE(loadSettings(file), settings);
    QVERIFY(!QFile::exists(QString::fromStdString(file.string() + ".tmp")));

    settings.offloadFolder = "/mnt/other";
    saveSettings(settings, file);  // replaces the old file
    QCOMPARE(loadSettings(file), settings);

    settings.language = "zh_TW";
    saveSettings(settings, file);
    QCOMPARE(loadSettings(file).language, std::string("zh_TW"));
    settings.language.clear();  // follow the system again
    saveSettings(settings, file);
    QCOMPARE(loadSettings(file), settings);

    settings.hubEndpoint = "https://hf-mirror.example";
    saveSettings(settings, file);
    QCOMPARE(loadSettings(file), settings);
  }

  void hubEndpointIsAText() {
    auto scratch = tiertune::test::makeScratchDir();
    const QString file = scratch->filePath("settings.json");
    writeFile(file, R"({"hubEndpoint": [1]})");  // (no URL here: moc misreads // inside a raw string)
    const QString message = errorOf([&] { loadSettings(file.toStdString()); });
    QVERIFY2(message.contains(file) && message.contains("hubEndpoint"), qPrintable(message));
  }

  void languageIsALocaleNameNeverAPath() {
    auto scratch = tiertune::test::makeScratchDir();
    const QString file = scratch->filePath("settings.json");
    writeFile(file, R"({"language": "ja"})");
    QCOMPARE(loadSettings(file.toStdString()).language, std::string("ja"));
    for (const char* bad : {R"({"language": "../../etc/passwd"})", R"({"language": 7})", R"({"language": "ja_"})"}) {
      writeFile(file, bad);
      const QString message = errorOf([&] { loadSettings(file.toStdString()); });
      QVERIFY2(message.contains(file) && message.contains("language"), qPrintable(message));
    }
  }

  void offloadDefaultsUnderTheChosenDataFolder() {
    auto scratch = tiertune::test::makeScratchDir();
    const QString file = scratch->filePath("settings.json");
    writeFile(file, R"({"dataFolder": "/data/tt"})");
    const Settings settings = loadSettings(file.toStdString());
    QCOMPARE(QString::fromStdString(settings.offloadFolder.string()), QStringLiteral("/data/tt/offload"));
  }

  void badFilesAreReportedWithFileAndField() {
    auto scratch = tiertune::test::makeScratchDir();
    const QString file = scratch->filePath("settings.json");

    writeFile(file, "{ \"dataFolder\": ");
    QString message = errorOf([&] { loadSettings(file.toStdString()); });
    QVERIFY2(message.contains(file) && message.contains("not valid JSON"), qPrintable(message));

    writeFile(file, R"({"dataFolder": 42})");
    message = errorOf([&] { loadSettings(file.toStdString()); });
    QVERIFY2(message.contains(file) && message.contains("dataFolder"), qPrintable(message));

    writeFile(file, R"({"offloadFolder": "relative/path"})");
    message = errorOf([&] { loadSettings(file.toStdString()); });
    QVERIFY2(message.contains("offloadFolder") && message.contains("absolute"), qPrintable(message));

    writeFile(file, "[1, 2]");
    message = errorOf([&] { loadSettings(file.toStdString()); });
    QVERIFY2(message.contains("object"), qPrintable(message));

    // A number beyond double range is an error of its own kind in the JSON library (found by
    // fuzzing the safetensors header): it must still be a message, not a crash.
    writeFile(file, R"({"dataFolder": 1e999})");
    message = errorOf([&] { loadSettings(file.toStdString()); });
    QVERIFY2(message.contains(file) && message.contains("too large"), qPrintable(message));

    // Nesting deep enough to overflow the stack when the value is used, named with its line.
    writeFile(file, "{\n\"dataFolder\": " + QByteArray(100000, '[') + QByteArray(100000, ']') + "}");
    message = errorOf([&] { loadSettings(file.toStdString()); });
    QVERIFY2(message.contains(file + " line 2") && message.contains("deeper than"), qPrintable(message));

    // Not a regular file: /dev/zero would fill the memory, a FIFO would block forever.
    message = errorOf([&] { loadSettings("/dev/zero"); });
    QVERIFY2(message.contains("/dev/zero") && message.contains("not a regular file"), qPrintable(message));
    const QString fifo = scratch->filePath("fifo.json");
    QCOMPARE(::mkfifo(fifo.toLocal8Bit().constData(), 0600), 0);
    message = errorOf([&] { loadSettings(fifo.toStdString()); });
    QVERIFY2(message.contains(fifo) && message.contains("not a regular file"), qPrintable(message));
    // Larger than any settings file.
    QFile big(file);
    QVERIFY(big.open(QIODevice::WriteOnly) && big.resize(qint64(17) << 20));
    big.close();
    message = errorOf([&] { loadSettings(file.toStdString()); });
    QVERIFY2(message.contains(file) && message.contains("larger than 16 MiB"), qPrintable(message));
  }

  void relativeFoldersAreNotSaved() {
    auto scratch = tiertune::test::makeScratchDir();
    Settings settings = defaultSettings();
    settings.dataFolder = "relative";
    const QString file = scratch->filePath("settings.json");
    QVERIFY(!errorOf([&] { saveSettings(settings, file.toStdString()); }).isEmpty());
    QVERIFY(!QFile::exists(file));
  }
};

QTEST_APPLESS_MAIN(TestSettings)
#include "tst_settings.moc"
