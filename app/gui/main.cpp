// tiertune: the desktop application. Opens the catalog in the data folder from the settings
// (creating an empty one on first start) and shows the main window.
#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>
#include <cstdio>
#include <map>

#include "app/gui/AppContext.h"
#include "app/gui/MainWindow.h"
#include "core/settings/settings.h"

int main(int argc, char** argv) {
  QApplication application(argc, argv);
  QApplication::setApplicationName(QStringLiteral("Tiertune"));
  QApplication::setApplicationVersion(QStringLiteral(TIERTUNE_VERSION));
  QApplication::setDesktopFileName(QStringLiteral("tiertune"));

  // Follow the system language when Tiertune has a translation for it.
  QTranslator qtTranslator;
  if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                        QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
    QApplication::installTranslator(&qtTranslator);
  }
  QTranslator translator;
  if (translator.load(QLocale(), QStringLiteral("tiertune"), QStringLiteral("_"),
                      QStringLiteral(":/i18n"))) {
    QApplication::installTranslator(&translator);
  }

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
  window.showPage(page->second);
  window.show();
  return QApplication::exec();
}
