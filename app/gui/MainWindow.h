// The main window: a navigation pane (Home, Models, Datasets, Runs, Playground, Settings) on the left and the
// chosen page on the right. It only assembles the pages; each page presents one part of the core.
#pragma once

#include <QMainWindow>

class QListWidget;
class QStackedWidget;
class QLabel;

namespace tiertune::gui {

class AppContext;
class RunSupervisor;
class RunsPage;
class PlaygroundPage;

class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  enum class Page { Home, Models, Datasets, Runs, Playground, Settings };

  explicit MainWindow(AppContext& context, QWidget* parent = nullptr);

  void showPage(Page page);
  Page currentPage() const;
  // Starts, follows and controls the training workers (the Runs page's monitor and buttons).
  RunSupervisor* supervisor() const { return supervisor_; }
  // Shows the Runs page and the run's monitor; false when the catalog has no such run.
  bool openMonitor(qint64 runId);

 protected:
  // Closing while runs train says that they go on (they do: each has its own process), and lets
  // the user keep the window instead.
  void closeEvent(QCloseEvent* event) override;

 private:
  void addPage(Page page, const QString& iconPath, const QString& title, QWidget* widget);
  void updateStatusBar();

  AppContext& context_;
  RunSupervisor* supervisor_;
  RunsPage* runsPage_ = nullptr;
  QListWidget* navigation_;
  QStackedWidget* pages_;
  PlaygroundPage* playground_;
  QLabel* catalogStatus_;
};

}  // namespace tiertune::gui
