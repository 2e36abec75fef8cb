#include "app/gui/pages/EmptyState.h"

#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

namespace tiertune::gui {

EmptyState::EmptyState(const QString& iconPath, const QString& title, const QString& text,
                       QWidget* parent)
    : QWidget(parent), title_(new QLabel), text_(new QLabel) {
  auto* icon = new QLabel;
  icon->setPixmap(QIcon(iconPath).pixmap(64, 64));
  icon->setAlignment(Qt::AlignCenter);
  icon->setEnabled(false);  // greyed: a hint, not a control

  title_->setObjectName(QStringLiteral("emptyStateTitle"));
  title_->setAlignment(Qt::AlignCenter);
  QFont titleFont = title_->font();
  titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
  titleFont.setBold(true);
  title_->setFont(titleFont);

  text_->setObjectName(QStringLiteral("emptyStateText"));
  text_->setAlignment(Qt::AlignCenter);
  text_->setWordWrap(true);
  text_->setMaximumWidth(560);
  text_->setTextInteractionFlags(Qt::TextSelectableByMouse);

  auto* layout = new QVBoxLayout(this);
  layout->addStretch(2);
  layout->addWidget(icon);
  layout->addSpacing(8);
  layout->addWidget(title_);
  layout->addWidget(text_, 0, Qt::AlignHCenter);
  layout->addStretch(3);
  setText(title, text);
}

void EmptyState::setText(const QString& title, const QString& text) {
  title_->setText(title);
  text_->setText(text);
}

QString EmptyState::title() const { return title_->text(); }
QString EmptyState::text() const { return text_->text(); }

}  // namespace tiertune::gui
