// tiertune: the desktop application. Opens the catalog in the data folder from the settings
// (creating an empty one on first start) and shows the main window.
#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

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

  tiertune::gui::AppContext context(tiertune::settings::settingsFile());
  tiertune::gui::MainWindow window(context);
  window.show();
  return QApplication::exec();
}
