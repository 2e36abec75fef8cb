// The GUI's language: which translations Tiertune ships, and installing the one the settings
// choose (or the system's, when the setting is empty). Translations take effect for widgets
// created afterwards, so the choice applies at the next start.
#pragma once

#include <QList>
#include <QLocale>
#include <QString>
#include <memory>
#include <string>

class QTranslator;

namespace tiertune::gui {

struct LanguageChoice {
  QString code;        // the locale name kept in the settings: "en", "ko", "ja", "zh_TW"
  QString nativeName;  // how its speakers write it: "English", "한국어", ...
};

// English first, then every translation built into the application (:/i18n/tiertune_*.qm).
QList<LanguageChoice> availableLanguages();

// Whether this system has a font for the language's script (Japanese, Korean, Traditional Chinese
// need one of their own; a minimal system shows them as boxes). Needs the GUI application.
bool systemHasFontFor(const QString& code);

// The language the GUI shows for a settings value: the chosen one when Tiertune has it, else the
// system's when Tiertune has that, else English.
QLocale resolveLanguage(const std::string& setting, const QLocale& system = QLocale::system());

// Loads Tiertune's and Qt's own translations for locale and installs them in the application, and
// makes locale the default for numbers, dates and sizes; both hold while the object lives. English
// installs no translation.
class InstalledTranslations {
 public:
  explicit InstalledTranslations(const QLocale& locale);
  ~InstalledTranslations();
  InstalledTranslations(const InstalledTranslations&) = delete;
  InstalledTranslations& operator=(const InstalledTranslations&) = delete;

  QLocale locale() const { return locale_; }

 private:
  QLocale locale_;
  QLocale previousDefault_;
  std::unique_ptr<QTranslator> tiertune_;
  std::unique_ptr<QTranslator> qt_;
};

}  // namespace tiertune::gui
