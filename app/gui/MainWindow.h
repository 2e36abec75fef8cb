// The main window: a navigation pane (Home, Models, Datasets, Runs, Playground, Settings) on the left and the
// chosen page on the right. It only assembles the pages; each page presents one part of the core.
#pragma once

#include <QMainWindow>

class QListWidget;
class QStackedWidget;
class QLabel;

namespace tiertune::gui {

class AppContext;
class PlaygroundPage;

class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  enum class Page { Home, Models, Datasets, Runs, Playground, Settings };

  explicit MainWindow(AppContext& context, QWidget* parent = nullptr);

  void showPage(Page page);
  Page currentPage() const;

 private:
  void addPage(Page page, const QString& iconPath, const QString& title, QWidget* widget);
  void updateStatusBar();

  AppContext& context_;
  QListWidget* navigation_;
  QStackedWidget* pages_;
  PlaygroundPage* playground_;
  QLabel* catalogStatus_;
};

}  // namespace tiertune::gui
