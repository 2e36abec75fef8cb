// The sample answers of a run's evaluations: for the evaluation chosen (the latest unless the person
// picks an earlier step), each prompt, dimmed and labelled, and what the model wrote after it, as
// plain selectable text. Shows why there are none when the worker left them out. Part of
// RunMonitor; fed from LiveRunState (the worker's "samples" lines, re-read from worker.log when a
// monitor opens later).
#pragma once

#include <QWidget>
#include <vector>

#include "app/gui/runs/LiveRunState.h"

class QComboBox;
class QLabel;
class QTextEdit;

namespace tiertune::gui {

class SamplesView : public QWidget {
  Q_OBJECT

 public:
  explicit SamplesView(QWidget* parent = nullptr);

  // Takes the state's samples when they changed since the last call; cheap otherwise.
  void display(const LiveRunState& state);

  // For tests: what a person sees and chooses.
  QComboBox* stepSelector() const { return steps_; }
  qint64 shownStep() const;  // -1: no evaluation shown
  QString shownText() const;
  QString noteText() const;
  QString aboutText() const;  // where the prompts come from

 private:
  void fillSelector(qint64 keepStep, bool followLatest);
  void showChosenRound();

  qint64 revision_ = -1;
  std::vector<SampleRound> rounds_;
  QLabel* about_;
  QLabel* note_;
  QComboBox* steps_;
  QTextEdit* text_;
};

}  // namespace tiertune::gui
