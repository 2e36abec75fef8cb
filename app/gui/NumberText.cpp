#include "app/gui/NumberText.h"

#include <QCoreApplication>
#include <QLocale>

namespace tiertune::gui {

namespace {

// Japanese, Korean and Chinese count large numbers in myriads (万/만/萬 = 10^4, 億/억 = 10^8):
// 1.7 million reads 170万, 7.6 billion 76億; "1.7百万" is what no one writes.
bool countsInMyriads(const QLocale& locale) {
  return locale.language() == QLocale::Japanese || locale.language() == QLocale::Korean ||
         locale.language() == QLocale::Chinese;
}

// One decimal under ten units, whole units above: "4.9", "76", "170".
QString unitsText(const QLocale& locale, double units) {
  return units < 10 ? locale.toString(units, 'f', 1) : locale.toString(units, 'f', 0);
}

}  // namespace

QString parameterCountText(quint64 count) {
  const QLocale locale;
  const auto value = static_cast<double>(count);
  if (countsInMyriads(locale)) {
    if (count >= 100'000'000) {
      return QCoreApplication::translate("NumberText", "%1 hundred million").arg(unitsText(locale, value / 1e8));
    }
    if (count >= 10'000) return QCoreApplication::translate("NumberText", "%1 ten thousand").arg(unitsText(locale, value / 1e4));
    return locale.toString(count);
  }
  if (count >= 1'000'000'000) {
    return QCoreApplication::translate("NumberText", "%1 billion").arg(locale.toString(value / 1e9, 'f', 2));
  }
  if (count >= 1'000'000) {
    return QCoreApplication::translate("NumberText", "%1 million").arg(locale.toString(value / 1e6, 'f', 1));
  }
  return locale.toString(count);
}

QString byteSizeText(quint64 bytes) {
  return QLocale().formattedDataSize(static_cast<qint64>(bytes), 2, QLocale::DataSizeSIFormat);
}

}  // namespace tiertune::gui
