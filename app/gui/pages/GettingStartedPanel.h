// The newcomer's first hour on the Home page: four steps (check the machine, add a model, try the
// example dataset, start a Quick LoRA run), each ticked off as soon as the catalog shows it done and
// each with the button that does it. The panel only asks; MainWindow connects the requests to the
// pages that act.
#pragma once

#include <QWidget>
#include <array>

class QLabel;
class QPushButton;

namespace tiertune::gui {

class AppContext;

class GettingStartedPanel : public QWidget {
  Q_OBJECT

 public:
  enum Step { MeasureDisk = 0, AddModel, TryExample, StartRun, StepCount };

  explicit GettingStartedPanel(AppContext& context, QWidget* parent = nullptr);

  bool isDone(Step step) const { return done_[step]; }
  // The first step not done yet; StepCount when every step is.
  Step nextStep() const;

 public slots:
  // Reads the catalog and the disk speed record again.
  void refresh();

 signals:
  void measureDiskRequested();
  void addModelRequested();
  void tryExampleRequested();
  void newRunRequested();

 private:
  struct Row {
    QLabel* mark = nullptr;
    QLabel* title = nullptr;
    QPushButton* action = nullptr;
  };
  void show(Step step);

  AppContext& context_;
  QLabel* summary_;
  std::array<Row, StepCount> rows_;
  std::array<bool, StepCount> done_{};
};

}  // namespace tiertune::gui
