#include "app/gui/NumberText.h"

#include <QCoreApplication>
#include <QLocale>

namespace tiertune::gui {

QString parameterCountText(quint64 count) {
  const QLocale locale;
  const auto value = static_cast<double>(count);
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
