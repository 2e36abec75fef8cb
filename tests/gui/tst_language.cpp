// The GUI's language: the translations built into the application, which one a settings value or
// a system locale picks, that installing one really translates the widgets, and that the
// Settings page keeps the choice.
#include <QApplication>
#include <QComboBox>
#include <QCoreApplication>
#include <QFile>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QTest>

#include "app/gui/AppContext.h"
#include "app/gui/ErrorText.h"
#include "app/gui/GpuText.h"
#include "app/gui/Language.h"
#include "app/gui/MainWindow.h"
#include "app/gui/NumberText.h"
#include "app/gui/TimeText.h"
#include "app/gui/newrun/PlanText.h"
#include "app/gui/pages/SettingsPage.h"
#include "core/catalog/output_owner.h"
#include "core/settings/settings.h"
#include "core/util/error.h"
#include "support/scratch.h"

using tiertune::gui::AppContext;
using tiertune::gui::availableLanguages;
using tiertune::gui::InstalledTranslations;
using tiertune::gui::MainWindow;
using tiertune::gui::resolveLanguage;

namespace {

// The language part of a locale's name, with the territory only for Chinese (zh_TW), as the
// translation files are named.
QString code(const QLocale& locale) {
  if (locale.language() == QLocale::English) return QStringLiteral("en");
  return locale.language() == QLocale::Chinese ? locale.name() : locale.name().section(QLatin1Char('_'), 0, 0);
}

QStringList navigationTexts(MainWindow& window) {
  auto* navigation = window.findChild<QListWidget*>(QStringLiteral("navigation"));
  QStringList texts;
  for (int row = 0; row < navigation->count(); ++row) texts << navigation->item(row)->text();
  return texts;
}

}  // namespace

class TestLanguage : public QObject {
  Q_OBJECT

 private slots:
  void init() { QFile::remove(QString::fromStdString(tiertune::settings::settingsFile().string())); }

  void shipsEnglishKoreanJapaneseAndTraditionalChinese() {
    QStringList codes, names;
    for (const auto& choice : availableLanguages()) {
      codes << choice.code;
      names << choice.nativeName;
    }
    QCOMPARE(codes, (QStringList{"en", "ja", "ko", "zh_TW"}));
    QCOMPARE(names, (QStringList{"English", QStringLiteral("日本語"), QStringLiteral("한국어"), QStringLiteral("繁體中文")}));
  }

  void theSettingWinsThenTheSystemThenEnglish() {
    const QLocale japanese(QLocale::Japanese, QLocale::Japan);
    QCOMPARE(code(resolveLanguage("ko", japanese)), QStringLiteral("ko"));
    QCOMPARE(code(resolveLanguage("", japanese)), QStringLiteral("ja"));
    QCOMPARE(code(resolveLanguage("", QLocale(QLocale::Korean, QLocale::SouthKorea))), QStringLiteral("ko"));
    // Traditional Chinese wherever it is written; Simplified Chinese is not Traditional.
    QCOMPARE(code(resolveLanguage("", QLocale(QLocale::Chinese, QLocale::Taiwan))), QStringLiteral("zh_TW"));
    QCOMPARE(code(resolveLanguage("", QLocale(QLocale::Chinese, QLocale::TraditionalChineseScript, QLocale::HongKong))),
             QStringLiteral("zh_TW"));
    QCOMPARE(code(resolveLanguage("", QLocale(QLocale::Chinese, QLocale::China))), QStringLiteral("en"));
    QCOMPARE(code(resolveLanguage("", QLocale(QLocale::French, QLocale::France))), QStringLiteral("en"));
    // A language this build does not have (a settings file from another version) falls back.
    QCOMPARE(code(resolveLanguage("de", japanese)), QStringLiteral("ja"));
    QCOMPARE(code(resolveLanguage("en", japanese)), QStringLiteral("en"));
  }

  void installedTranslationsTranslateNewWidgets() {
    AppContext context(tiertune::settings::settingsFile());
    QStringList english;
    {
      MainWindow window(context);
      english = navigationTexts(window);
    }
    QCOMPARE(english, (QStringList{"Home", "Models", "Datasets", "Runs", "Playground", "Settings"}));
    for (const char* language : {"ja", "ko", "zh_TW"}) {
      const InstalledTranslations translations(resolveLanguage(language));
      MainWindow window(context);
      const QStringList translated = navigationTexts(window);
      QCOMPARE(translated.size(), english.size());
      for (int i = 0; i < english.size(); ++i) {
        QVERIFY2(!translated[i].isEmpty() && translated[i] != english[i],
                 qPrintable(QStringLiteral("%1: \"%2\" is not translated").arg(language, english[i])));
      }
    }
    // Removing them brings English back.
    MainWindow window(context);
    QCOMPARE(navigationTexts(window), english);
  }

  // Words written outside a widget class (the GPU's, translated through a context of their own)
  // are found too: their run-time context must be the one lupdate filed them under.
  void wordsOutsideWidgetsAreTranslated() {
    tiertune::kernels::GpuReport none;
    none.status = tiertune::kernels::GpuReport::Status::NoDevice;
    const tiertune::hardware::BackendChoice cpu =
        tiertune::hardware::chooseBackend(none, tiertune::hardware::BackendRequest::Auto, std::nullopt);
    using tiertune::gui::describeGpus;
    using tiertune::gui::describeTrainingChoice;
    const QString gpuWords = describeGpus(none);
    const QString choiceWords = describeTrainingChoice(cpu);
    QCOMPARE(gpuWords, QStringLiteral("No NVIDIA GPU found — training runs on the CPU."));
    for (const char* language : {"ja", "ko", "zh_TW"}) {
      const InstalledTranslations translations(resolveLanguage(language));
      QVERIFY2(describeGpus(none) != gpuWords, language);
      QVERIFY2(describeTrainingChoice(cpu) != choiceWords, language);
    }
  }

  // The memory plan of a run that does not fit: core gives the kind and the numbers, the window says
  // it in the language shown. No English sentence of the planner's remains: no word of four or more
  // Latin letters other than the names a translation keeps (LoRA, the units).
  void aPlanThatDoesNotFitIsSaidInTheLanguage() {
    using tiertune::gui::PlanText;
    namespace tiers = tiertune::tiers;
    tiers::Plan plan;
    plan.totalStateBytes = 90'000'000'000;
    plan.workingBytes = 9'000'000'000;
    plan.offeredBytes[0] = 4'000'000'000;
    plan.offeredBytes[1] = 6'000'000'000;
    plan.offeredBytes[2] = 1'000'000'000;
    plan.fixes = {{.kind = tiers::FixKind::SmallerBatchAndSequence, .sequenceLength = 512},
                  {.kind = tiers::FixKind::UseLora, .bytes = 3'000'000'000},
                  {.kind = tiers::FixKind::FreeDiskSpace, .bytes = 80'000'000'000}};
    const QRegularExpression englishWord(QStringLiteral("[A-Za-z]{4,}"));
    const QStringList kept{QStringLiteral("LoRA"), QStringLiteral("GB/s"), QStringLiteral("token")};
    for (const char* language : {"ja", "ko", "zh_TW"}) {
      const InstalledTranslations translations(resolveLanguage(language));
      for (const tiers::Shortfall shortfall : {tiers::Shortfall::WorkingMemory, tiers::Shortfall::TrainingState}) {
        for (const bool onGpu : {false, true}) {
          plan.shortfall = shortfall;
          plan.onGpu = onGpu;
          QString text = PlanText::noFit(plan);
          QVERIFY2(!text.isEmpty(), language);
          for (const QString& word : kept) text.remove(word);
          QVERIFY2(!englishWord.match(text).hasMatch(), qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(language), text)));
        }
      }
      for (int kind = 0; kind <= static_cast<int>(tiers::PlanNoteKind::TimeFromRates); ++kind) {
        QString text = PlanText::note({static_cast<tiers::PlanNoteKind>(kind), {}});
        for (const QString& word : kept) text.remove(word);
        QVERIFY2(!englishWord.match(text).hasMatch(), qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(language), text)));
      }
    }
  }

  // A refused output folder, said by core while another run holds it, reads in the window's
  // language with the folder, the run's name and the process kept as they are; the English stays
  // for the command line.
  void aBusyOutputFolderIsSaidInTheLanguage() {
    namespace fs = std::filesystem;
    namespace catalog = tiertune::catalog;
    const auto scratch = tiertune::test::makeScratchDir();
    const fs::path root = scratch->path().toStdString();
    const fs::path folder = root / "out", catalogFile = root / "catalog.sqlite";
    catalog::OutputLock holder =
        catalog::OutputLock::take(folder, catalogFile, std::nullopt, [](catalog::Id) { return false; });
    holder.claim(7, "Help desk");
    try {
      (void)catalog::OutputLock::take(folder, catalogFile, std::nullopt, [](catalog::Id) { return true; });
      QFAIL("a second lock on a held folder was taken");
    } catch (const tiertune::Error& refusal) {
      const QString english = tiertune::gui::errorText(refusal);
      QVERIFY2(english.contains(QStringLiteral("is in use by run 7 (\u201cHelp desk\u201d) (process ")),
               qPrintable(english));
      QCOMPARE(english, QString::fromStdString(refusal.what()));
      const InstalledTranslations japanese(resolveLanguage("ja"));
      QString said = tiertune::gui::errorText(refusal);
      QVERIFY2(said.startsWith(QStringLiteral("出力フォルダー ") + QString::fromStdString(folder.string()) +
                               QStringLiteral(" は 実行 7（「Help desk」） が使用中です（プロセス ")),
               qPrintable(said));
      for (const QString& kept :
           {QString::fromStdString(folder.string()), QStringLiteral("Help desk"), QStringLiteral("output")}) {
        said.remove(kept);
      }
      QVERIFY2(!QRegularExpression(QStringLiteral("[A-Za-z]{4,}")).match(said).hasMatch(), qPrintable(said));
    }
  }

  // Large numbers and dates as each language writes them: myriads (万/만/萬, 億/억) in Japanese,
  // Korean and Chinese, never "1.7百万"; the date in the language's own order.
  void numbersAndDatesFollowTheLanguage() {
    using tiertune::gui::parameterCountText;
    using tiertune::gui::localTimeText;
    const struct {
      const char* language;
      const char* small;  // 1,700,000
      const char* half;   // 494,032,768 (Qwen2.5-0.5B)
      const char* large;  // 7,615,616,512 (Qwen2.5-7B)
    } expected[] = {{"en", "1.7 million", "494.0 million", "7.62 billion"},
                    {"ja", "170万", "4.9億", "76億"},
                    {"ko", "170만", "4.9억", "76억"},
                    {"zh_TW", "170萬", "4.9億", "76億"}};
    for (const auto& row : expected) {
      const InstalledTranslations translations(resolveLanguage(row.language));
      QCOMPARE(parameterCountText(1'700'000), QString::fromUtf8(row.small));
      QCOMPARE(parameterCountText(494'032'768), QString::fromUtf8(row.half));
      QCOMPARE(parameterCountText(7'615'616'512), QString::fromUtf8(row.large));
    }
    const QString english = [] {
      const InstalledTranslations translations(resolveLanguage("en"));
      return localTimeText("2026-11-30T15:56:00Z");
    }();
    const InstalledTranslations japanese(resolveLanguage("ja"));
    const QString inJapanese = localTimeText("2026-11-30T15:56:00Z");
    QVERIFY2(inJapanese.startsWith(QStringLiteral("2026/")), qPrintable(inJapanese));
    QVERIFY2(inJapanese != english, qPrintable(english));
  }

  // Each language in its own name; one the system has no font for says so, rather than boxes.
  void theLanguageListSaysWhenAFontIsMissing() {
    tiertune::gui::AppContext context(tiertune::settings::settingsFile());
    tiertune::gui::SettingsPage page(context);
    auto* list = page.findChild<QComboBox*>(QStringLiteral("language"));
    QVERIFY(list);
    for (const tiertune::gui::LanguageChoice& choice : tiertune::gui::availableLanguages()) {
      const int index = list->findData(choice.code);
      QVERIFY2(index >= 0, qPrintable(choice.code));
      const QString text = list->itemText(index);
      QVERIFY2(text.startsWith(choice.nativeName), qPrintable(text));
      QCOMPARE(text.contains(QStringLiteral("no font")), !tiertune::gui::systemHasFontFor(choice.code));
      QCOMPARE(list->itemData(index, Qt::ToolTipRole).toString().contains(QStringLiteral("Noto Sans CJK")),
               !tiertune::gui::systemHasFontFor(choice.code));
    }
    QVERIFY(tiertune::gui::systemHasFontFor(QStringLiteral("en")));
  }

  void settingsPageKeepsTheChoice() {
    AppContext context(tiertune::settings::settingsFile());
    MainWindow window(context);
    window.showPage(MainWindow::Page::Settings);
    auto* language = window.findChild<QComboBox*>(QStringLiteral("language"));
    auto* save = window.findChild<QPushButton*>(QStringLiteral("saveSettings"));
    QVERIFY(language && save);
    QCOMPARE(language->currentData().toString(), QString());  // follows the system at first
    QVERIFY(!save->isEnabled());
    language->setCurrentIndex(language->findData(QStringLiteral("ja")));
    QVERIFY(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    QCOMPARE(tiertune::settings::loadSettings().language, std::string("ja"));
    QCOMPARE(context.settings().language, std::string("ja"));
    QVERIFY(!save->isEnabled());
  }
};

QTEST_MAIN(TestLanguage)
#include "tst_language.moc"
