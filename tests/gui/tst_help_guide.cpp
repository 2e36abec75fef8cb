// The built-in guide: Help → Guide opens it on the first hour; every topic has its text in all four
// languages; a wizard page's Help offers the guide on the topic of that page.
#include <QAction>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QWizard>
#include <QWizardPage>

#include "app/gui/AppContext.h"
#include "app/gui/Language.h"
#include "app/gui/MainWindow.h"
#include "app/gui/WizardHelp.h"
#include "app/gui/help/HelpGuide.h"
#include "core/settings/settings.h"
#include "support/gui_helpers.h"

using namespace tiertune::gui;

class TestHelpGuide : public QObject {
  Q_OBJECT

 private slots:
  void helpMenuOpensTheGuide() {
    AppContext context(tiertune::settings::settingsFile());
    MainWindow window(context);
    window.show();
    auto* action = window.findChild<QAction*>(QStringLiteral("helpGuideAction"));
    QVERIFY(action);
    QCOMPARE(action->shortcut(), QKeySequence(QKeySequence::HelpContents));
    action->trigger();
    auto* guide = window.findChild<HelpDialog*>();
    QVERIFY(guide);
    QCOMPARE(guide->currentTopic(), HelpTopic::FirstHour);
    auto* topics = guide->findChild<QListWidget*>(QStringLiteral("helpTopics"));
    QCOMPARE(topics->count(), static_cast<int>(HelpGuide::topics().size()));
    auto* text = guide->findChild<QTextBrowser*>(QStringLiteral("helpText"));
    QVERIFY(text->toPlainText().contains(QStringLiteral("Qwen2.5-0.5B-Instruct")));
    topics->setCurrentRow(2);
    QCOMPARE(guide->currentTopic(), HelpTopic::MemoryPlan);
    QVERIFY(text->toPlainText().contains(QStringLiteral("Streams from RAM")));
    tiertune::test::snapshot(guide, QStringLiteral("help-guide"));
    guide->close();
  }

  // Every paragraph of every topic is translated: a Japanese, Korean or Chinese guide shares no
  // paragraph with the English one.
  void everyTopicInEveryLanguage() {
    QMap<HelpTopic, QStringList> english;
    const auto paragraphsOf = [](HelpTopic topic) {
      QTextBrowser browser;
      browser.setHtml(HelpGuide::html(topic));
      return browser.toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    };
    for (const HelpTopic topic : HelpGuide::topics()) english[topic] = paragraphsOf(topic);
    for (const char* language : {"ja", "ko", "zh_TW"}) {
      const InstalledTranslations translations(resolveLanguage(language));
      for (const HelpTopic topic : HelpGuide::topics()) {
        const QStringList translated = paragraphsOf(topic);
        QCOMPARE(translated.size(), english[topic].size());
        for (const QString& paragraph : translated) {
          QVERIFY2(!english[topic].contains(paragraph), qPrintable(QStringLiteral("%1: %2").arg(language, paragraph)));
        }
      }
    }
  }

  void aWizardPageOffersItsTopic() {
    QWizard wizard;
    auto* page = new QWizardPage;
    page->setTitle(QStringLiteral("Memory plan"));
    setPageHelp(page, QStringLiteral("The bars show where the state lives."));
    setPageHelpTopic(page, HelpTopic::MemoryPlan);
    wizard.addPage(page);
    enablePageHelp(&wizard);
    wizard.show();
    QTimer::singleShot(0, &wizard, [&wizard] {
      auto* box = wizard.findChild<QMessageBox*>(QStringLiteral("wizardHelp"));
      if (box) box->findChild<QPushButton*>(QStringLiteral("openGuide"))->click();
    });
    wizard.button(QWizard::HelpButton)->click();
    auto* guide = wizard.findChild<HelpDialog*>();
    QVERIFY(guide);
    QCOMPARE(guide->currentTopic(), HelpTopic::MemoryPlan);
  }
};

QTEST_MAIN(TestHelpGuide)
#include "tst_help_guide.moc"
