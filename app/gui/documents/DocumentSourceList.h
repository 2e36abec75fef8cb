// The list of files and folders a dataset is made from, on the documents wizard's first page: it
// shows each source with an icon for a file or a folder and its full path, takes files and folders
// dropped on it from a file manager (and says so while it is empty), and tells when the list
// changed.
#pragma once

#include <QListWidget>
#include <QStringList>
#include <filesystem>
#include <vector>

namespace tiertune::gui {

class DocumentSourceList : public QListWidget {
  Q_OBJECT

 public:
  explicit DocumentSourceList(QWidget* parent = nullptr);

  // Adds the local paths not listed yet, in order.
  void addSources(const QStringList& paths);
  void removeSelectedSources();
  std::vector<std::filesystem::path> sources() const;

 signals:
  void sourcesChanged();

 protected:
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dragMoveEvent(QDragMoveEvent* event) override;
  void dropEvent(QDropEvent* event) override;
  // While the list is empty, it says what goes in it and how.
  void paintEvent(QPaintEvent* event) override;
};

}  // namespace tiertune::gui
