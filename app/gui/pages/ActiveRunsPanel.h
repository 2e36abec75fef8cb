// Home's "Training now": the runs that train (or are paused) at this moment, whoever started them
// (this window before it was closed, another window, tiertune-cli), each with one click to its
// monitor. Hidden when none is. It follows the catalog, so a run started or ended elsewhere appears
// or goes within a second.
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace tiertune::gui {

class AppContext;

class ActiveRunsPanel : public QWidget {
  Q_OBJECT

 public:
  explicit ActiveRunsPanel(AppContext& context, QWidget* parent = nullptr);

  // How many runs the panel lists.
  int runCount() const { return count_; }

 public slots:
  void refresh();

 signals:
  void monitorRequested(qint64 runId);

 private:
  // A listed run's line: its words and its Watch button.
  struct Row {
    QLabel* text = nullptr;
    QPushButton* watch = nullptr;
  };
  void rebuildRows(const QList<qint64>& ids, const QStringList& texts);

  AppContext& context_;
  QLabel* heading_;
  QVBoxLayout* rows_;
  QList<Row> shownRows_;
  QList<qint64> shownIds_;
  QStringList shownTexts_;
  int count_ = 0;
};

}  // namespace tiertune::gui
