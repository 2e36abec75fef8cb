#include "app/gui/runs/LogFollower.h"

#include <QFile>
#include <QFileInfo>

namespace tiertune::gui {

qint64 LogFollower::fileSize() const { return QFileInfo(path_).size(); }

QList<QByteArray> LogFollower::readLines(qint64 maxBytes) {
  QList<QByteArray> lines;
  QFile file(path_);
  if (!file.open(QIODevice::ReadOnly)) {
    caughtUp_ = true;  // nothing written yet
    return lines;
  }
  const qint64 size = file.size();
  if (size < offset_) {
    offset_ = 0;
    partial_.clear();
  }
  file.seek(offset_);
  const QByteArray chunk = file.read(maxBytes);
  offset_ += chunk.size();
  caughtUp_ = offset_ >= size;
  partial_ += chunk;
  qsizetype start = 0;
  for (qsizetype end = partial_.indexOf('\n'); end >= 0; end = partial_.indexOf('\n', start)) {
    lines.append(partial_.mid(start, end - start));
    start = end + 1;
  }
  partial_.remove(0, start);
  return lines;
}

}  // namespace tiertune::gui
