#include "app/gui/importdataset/LengthHistogram.h"

#include <QLocale>
#include <QPainter>
#include <algorithm>

namespace tiertune::gui {

LengthHistogram::LengthHistogram(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("lengthHistogram"));
  setMinimumHeight(160);
  setAccessibleName(tr("Lengths of the training examples"));
}

void LengthHistogram::setData(std::vector<std::size_t> rows, std::size_t binTokens) {
  rows_ = std::move(rows);
  binTokens_ = binTokens;
  setAccessibleDescription(description());
  update();
}

void LengthHistogram::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  painter.setRenderHint(QPainter::Antialiasing);
  if (rows_.empty()) return;
  const QFontMetrics metrics(font());
  const int labelHeight = metrics.height() + 4;
  const QRect area = rect().adjusted(8, 8 + labelHeight, -8, -labelHeight * 2);
  const std::size_t most = std::max<std::size_t>(1, *std::max_element(rows_.begin(), rows_.end()));
  const double width = static_cast<double>(area.width()) / static_cast<double>(rows_.size());
  const QColor bar = palette().color(QPalette::Highlight);
  for (std::size_t i = 0; i < rows_.size(); ++i) {
    const double height = static_cast<double>(area.height()) * static_cast<double>(rows_[i]) / static_cast<double>(most);
    const QRectF shape(area.left() + width * static_cast<double>(i) + 1, area.bottom() - height, width - 2, height);
    painter.fillRect(shape, bar);
    if (rows_[i] > 0) {
      painter.drawText(QRectF(shape.left(), shape.top() - labelHeight, shape.width(), labelHeight),
                       Qt::AlignHCenter | Qt::AlignBottom, QLocale().toString(static_cast<qulonglong>(rows_[i])));
    }
  }
  painter.setPen(palette().color(QPalette::WindowText));
  painter.drawLine(area.bottomLeft(), area.bottomRight());
  const QLocale locale;
  painter.drawText(QRect(area.left(), area.bottom() + 2, area.width() / 2, labelHeight), Qt::AlignLeft,
                   tr("1 token"));
  painter.drawText(QRect(area.left() + area.width() / 2, area.bottom() + 2, area.width() / 2, labelHeight),
                   Qt::AlignRight,
                   tr("%1 tokens").arg(locale.toString(static_cast<qulonglong>(binTokens_ * rows_.size()))));
  painter.drawText(QRect(area.left(), area.bottom() + 2 + labelHeight, area.width(), labelHeight), Qt::AlignHCenter,
                   tr("rows by length"));
}

QString LengthHistogram::description() const {
  const QLocale locale;
  QStringList ranges;
  for (std::size_t i = 0; i < rows_.size(); ++i) {
    if (rows_[i] == 0) continue;
    ranges << tr("%1 to %2 tokens: %3")
                  .arg(locale.toString(static_cast<qulonglong>(i * binTokens_ + 1)),
                       locale.toString(static_cast<qulonglong>((i + 1) * binTokens_)),
                       locale.toString(static_cast<qulonglong>(rows_[i])));
  }
  return ranges.join(QStringLiteral("; "));
}

}  // namespace tiertune::gui
