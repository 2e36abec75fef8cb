#include "app/gui/Language.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFontDatabase>
#include <QLibraryInfo>
#include <QTranslator>

namespace tiertune::gui {

namespace {

const QString kTranslations = QStringLiteral(":/i18n");
const QString kPrefix = QStringLiteral("tiertune_");

// The installed translations (share/tiertune/translations beside bin/, as the package lays them
// out) come before the copies built into the program, so that a corrected translation ships
// without a new build.
QString installedFile(const QString& code) {
  return QCoreApplication::applicationDirPath() + QStringLiteral("/../share/tiertune/translations/") + kPrefix + code +
         QStringLiteral(".qm");
}
QString builtInFile(const QString& code) { return kTranslations + QLatin1Char('/') + kPrefix + code + QStringLiteral(".qm"); }

bool shipped(const QString& code) {
  return code == QLatin1String("en") || QFile::exists(builtInFile(code)) || QFile::exists(installedFile(code));
}

// "zh_TW" for Traditional Chinese in Taiwan, "ja" for Japanese: the file name part of the locale.
QString codeOf(const QLocale& locale) {
  if (locale.language() == QLocale::English || locale.language() == QLocale::C) return QStringLiteral("en");
  const QString full = locale.name();  // "ja_JP", "zh_TW", "ko_KR"
  if (shipped(full)) return full;
  // Traditional Chinese is also written in Hong Kong and Macau.
  if (locale.language() == QLocale::Chinese && locale.script() == QLocale::TraditionalChineseScript &&
      shipped(QStringLiteral("zh_TW"))) {
    return QStringLiteral("zh_TW");
  }
  const QString language = full.section(QLatin1Char('_'), 0, 0);
  return language == QLatin1String("zh") ? QString() : language;  // Simplified is not Traditional
}

}  // namespace

QList<LanguageChoice> availableLanguages() {
  QList<LanguageChoice> choices{{QStringLiteral("en"), QStringLiteral("English")}};
  const QStringList files =
      QDir(kTranslations).entryList({kPrefix + QStringLiteral("*.qm")}, QDir::Files, QDir::Name);
  for (const QString& file : files) {
    const QString code = file.mid(kPrefix.size()).chopped(3);
    const QLocale locale(code);
    QString name = locale.nativeLanguageName();
    if (locale.language() == QLocale::Chinese) name = QStringLiteral("繁體中文");  // the script, not the territory
    choices.append({code, name});
  }
  return choices;
}

bool systemHasFontFor(const QString& code) {
  const QLocale locale(code);
  QFontDatabase::WritingSystem script = QFontDatabase::Latin;
  if (locale.language() == QLocale::Japanese) script = QFontDatabase::Japanese;
  if (locale.language() == QLocale::Korean) script = QFontDatabase::Korean;
  if (locale.language() == QLocale::Chinese) script = QFontDatabase::TraditionalChinese;
  return !QFontDatabase::families(script).isEmpty();
}

QLocale resolveLanguage(const std::string& setting, const QLocale& system) {
  const QString chosen = QString::fromStdString(setting);
  if (!chosen.isEmpty() && shipped(chosen)) return QLocale(chosen);
  const QString fromSystem = codeOf(system);
  if (!fromSystem.isEmpty() && shipped(fromSystem)) return QLocale(fromSystem);
  return QLocale(QLocale::English, QLocale::UnitedStates);
}

InstalledTranslations::InstalledTranslations(const QLocale& locale) : locale_(locale), previousDefault_(QLocale()) {
  // Numbers, dates and sizes follow the language shown, not only the system's locale.
  QLocale::setDefault(locale);
  if (locale.language() == QLocale::English) return;
  tiertune_ = std::make_unique<QTranslator>();
  const QString code = codeOf(locale);
  if (tiertune_->load(installedFile(code)) || tiertune_->load(builtInFile(code))) {
    QCoreApplication::installTranslator(tiertune_.get());
  } else {
    tiertune_.reset();
  }
  // Qt's own words (standard buttons, file dialogs), when the system has them installed.
  qt_ = std::make_unique<QTranslator>();
  if (qt_->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
    QCoreApplication::installTranslator(qt_.get());
  } else {
    qt_.reset();
  }
}

InstalledTranslations::~InstalledTranslations() {
  QLocale::setDefault(previousDefault_);
  if (tiertune_) QCoreApplication::removeTranslator(tiertune_.get());
  if (qt_) QCoreApplication::removeTranslator(qt_.get());
}

}  // namespace tiertune::gui
