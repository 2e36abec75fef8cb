#include "app/gui/pages/EmptyState.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include "app/gui/Appearance.h"

namespace tiertune::gui {

EmptyState::EmptyState(const QString& iconPath, const QString& title, const QString& text,
                       QWidget* parent)
    : QWidget(parent), title_(new QLabel), text_(new QLabel) {
  auto* icon = new QLabel;
  icon->setPixmap(themedIcon(iconPath).pixmap(64, 64));
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
  text_->setMinimumWidth(360);
  text_->setMaximumWidth(560);
  text_->setTextInteractionFlags(Qt::TextSelectableByMouse);

  auto* layout = new QVBoxLayout(this);
  layout->addStretch(2);
  layout->addWidget(icon);
  layout->addSpacing(8);
  layout->addWidget(title_);
  // Centred through stretches rather than an alignment flag: an aligned item gets its width from
  // the label's size hint and its height without word wrap, which cuts the text off.
  auto* textRow = new QHBoxLayout;
  textRow->addStretch(1);
  textRow->addWidget(text_, 4);
  textRow->addStretch(1);
  layout->addLayout(textRow);
  layout->addStretch(3);
  setText(title, text);
}

void EmptyState::setCatalogNotOpened(const QString& catalogError) {
  setText(tr("The catalog could not be opened"),
          catalogError + "\n\n" +
              tr("Choose another data folder in Settings, or fix the problem and restart "
                 "Tiertune. Nothing has been changed or deleted."));
}

void EmptyState::setText(const QString& title, const QString& text) {
  title_->setText(title);
  text_->setText(text);
}

QString EmptyState::title() const { return title_->text(); }
QString EmptyState::text() const { return text_->text(); }

}  // namespace tiertune::gui
