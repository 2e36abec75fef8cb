// tiertune: the desktop application. Opens the catalog in the data folder from the settings
// (creating an empty one on first start) and shows the main window.
#include <QApplication>
#include <QCommandLineParser>
#include <cstdio>
#include <cstring>
#include <map>

#include "app/gui/AppContext.h"
#include "app/gui/Appearance.h"
#include "app/gui/Language.h"
#include "app/gui/MainWindow.h"
#include "app/gui/runs/RunSupervisor.h"
#include "core/settings/settings.h"
#include "core/util/openmp_waits.h"

namespace {

// True when the command line only asks for text (--version, --help): that is printed and the
// program ends, so it needs no display.
bool asksOnlyForText(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    for (const char* option : {"-v", "--version", "-h", "--help", "--help-all", "-?"}) {
      if (std::strcmp(argv[i], option) == 0) return true;
    }
  }
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  // The window measures a step for the memory plan and answers in the playground on its own
  // threads, and the training worker it starts inherits the policy.
  tiertune::restartWithPassiveOpenMpWaits(argv);
  // Without a display (over ssh, in a script, in a package test) Qt's default platform plugin
  // aborts before the parser could print the version; offscreen needs none.
  if (asksOnlyForText(argc, argv) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
  }
  QApplication application(argc, argv);
  QApplication::setApplicationName(QStringLiteral("Tiertune"));
  QApplication::setApplicationVersion(QStringLiteral(TIERTUNE_VERSION));
  QApplication::setDesktopFileName(QStringLiteral("tiertune"));
  tiertune::gui::applyColorScheme(tiertune::gui::systemColorScheme());

  // The language the settings choose, else the system's when Tiertune has a translation for it.
  // A settings file that cannot be read is reported by the main window; here it means the system's.
  std::string language;
  try {
    language = tiertune::settings::loadSettings().language;
  } catch (const std::exception&) {
  }
  const tiertune::gui::InstalledTranslations translations(tiertune::gui::resolveLanguage(language));

  QCommandLineParser parser;
  parser.setApplicationDescription(
      QApplication::translate("main", "Fine-tune open language models on the hardware you have."));
  parser.addHelpOption();
  parser.addVersionOption();
  const QCommandLineOption pageOption(
      QStringLiteral("page"),
      QApplication::translate("main", "Open on PAGE: home, models, datasets, runs, playground or settings."),
      QStringLiteral("PAGE"), QStringLiteral("home"));
  parser.addOption(pageOption);
  const QCommandLineOption monitorOption(
      QStringLiteral("monitor"), QApplication::translate("main", "Open the live monitor of run number RUN."),
      QStringLiteral("RUN"));
  parser.addOption(monitorOption);
  parser.process(application);
  using Page = tiertune::gui::MainWindow::Page;
  const std::map<QString, Page> pages = {{QStringLiteral("home"), Page::Home},
                                         {QStringLiteral("models"), Page::Models},
                                         {QStringLiteral("datasets"), Page::Datasets},
                                         {QStringLiteral("runs"), Page::Runs},
                                         {QStringLiteral("playground"), Page::Playground},
                                         {QStringLiteral("settings"), Page::Settings}};
  const auto page = pages.find(parser.value(pageOption).toLower());
  if (page == pages.end()) {
    const QString message =
        QApplication::translate("main", "Unknown page \"%1\". Choose home, models, datasets, runs, playground or settings.")
            .arg(parser.value(pageOption));
    std::fprintf(stderr, "%s\n", qPrintable(message));
    return 2;
  }

  tiertune::gui::AppContext context(tiertune::settings::settingsFile());
  tiertune::gui::MainWindow window(context);
  // Runs that went on while the window was closed: follow the live ones, report the dead ones.
  window.supervisor()->attachToRunningRuns();
  window.showPage(page->second);
  window.show();
  if (parser.isSet(monitorOption)) {
    bool isNumber = false;
    const qint64 runId = parser.value(monitorOption).toLongLong(&isNumber);
    if (!isNumber || !window.openMonitor(runId)) {
      std::fprintf(stderr, "%s\n",
                   qPrintable(QApplication::translate("main", "There is no run %1 to monitor.").arg(parser.value(monitorOption))));
    }
  }
  return QApplication::exec();
}
