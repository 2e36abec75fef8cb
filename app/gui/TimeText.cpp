#include "app/gui/TimeText.h"

#include <QDateTime>
#include <QLocale>

namespace tiertune::gui {

QString localTimeText(const std::string& isoUtc) {
  const QString text = QString::fromStdString(isoUtc);
  if (text.isEmpty()) return {};
  const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
  if (!time.isValid()) return text;
  return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
}

}  // namespace tiertune::gui
