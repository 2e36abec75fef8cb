#include "app/gui/documents/DocumentSourceList.h"

#include <QDir>
#include <QDragEnterEvent>
#include <QDragMoveEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QFileIconProvider>
#include <QMimeData>
#include <QPainter>
#include <QPaintEvent>
#include <QUrl>

namespace tiertune::gui {

namespace {

// The local files and folders a drag carries; none when it carries something else (a web link,
// text).
QStringList localPaths(const QMimeData* data) {
  QStringList paths;
  if (!data || !data->hasUrls()) return paths;
  for (const QUrl& url : data->urls()) {
    if (url.isLocalFile()) paths << url.toLocalFile();
  }
  return paths;
}

}  // namespace

DocumentSourceList::DocumentSourceList(QWidget* parent) : QListWidget(parent) {
  setAcceptDrops(true);
  setDragDropMode(QAbstractItemView::DropOnly);
  setSelectionMode(QAbstractItemView::ExtendedSelection);
}

void DocumentSourceList::addSources(const QStringList& paths) {
  static const QFileIconProvider icons;
  bool added = false;
  for (const QString& path : paths) {
    if (path.isEmpty()) continue;
    const QString clean = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    bool listed = false;
    for (int row = 0; row < count() && !listed; ++row) listed = item(row)->data(Qt::UserRole).toString() == clean;
    if (listed) continue;
    const QFileInfo info(clean);
    auto* entry = new QListWidgetItem(icons.icon(info), QDir::toNativeSeparators(clean));
    entry->setData(Qt::UserRole, clean);
    entry->setToolTip(info.isDir() ? tr("Folder: its documents and those of its sub-folders are read.")
                                   : tr("File"));
    addItem(entry);
    added = true;
  }
  if (added) emit sourcesChanged();
}

void DocumentSourceList::removeSelectedSources() {
  const QList<QListWidgetItem*> selected = selectedItems();
  if (selected.isEmpty()) return;
  for (QListWidgetItem* entry : selected) delete takeItem(row(entry));
  emit sourcesChanged();
}

std::vector<std::filesystem::path> DocumentSourceList::sources() const {
  std::vector<std::filesystem::path> paths;
  for (int row = 0; row < count(); ++row) paths.emplace_back(item(row)->data(Qt::UserRole).toString().toStdString());
  return paths;
}

void DocumentSourceList::dragEnterEvent(QDragEnterEvent* event) {
  if (localPaths(event->mimeData()).isEmpty()) {
    event->ignore();
    return;
  }
  event->acceptProposedAction();
}

void DocumentSourceList::dragMoveEvent(QDragMoveEvent* event) {
  if (localPaths(event->mimeData()).isEmpty()) {
    event->ignore();
    return;
  }
  event->acceptProposedAction();
}

void DocumentSourceList::dropEvent(QDropEvent* event) {
  const QStringList paths = localPaths(event->mimeData());
  if (paths.isEmpty()) {
    event->ignore();
    return;
  }
  addSources(paths);
  event->acceptProposedAction();
}

void DocumentSourceList::paintEvent(QPaintEvent* event) {
  QListWidget::paintEvent(event);
  if (count() > 0) return;
  QPainter painter(viewport());
  painter.setPen(palette().color(QPalette::PlaceholderText));
  painter.drawText(viewport()->rect().adjusted(24, 24, -24, -24), Qt::AlignCenter | Qt::TextWordWrap,
                   tr("Drop files and folders here, or add them with the buttons."));
}

}  // namespace tiertune::gui
