#include "app/gui/pages/PageHeading.h"

#include <QLabel>

namespace tiertune::gui {

QLabel* pageHeading(const QString& title) {
  auto* heading = new QLabel(title);
  heading->setObjectName(QStringLiteral("pageTitle"));
  QFont headingFont = heading->font();
  headingFont.setPointSizeF(headingFont.pointSizeF() * 1.6);
  headingFont.setBold(true);
  heading->setFont(headingFont);
  return heading;
}

}  // namespace tiertune::gui
