// Home: a welcome, the runs training now, the newcomer's getting-started steps, and the hardware
// check of this machine.
#pragma once

#include <QWidget>

namespace tiertune::gui {

class ActiveRunsPanel;
class AppContext;
class GettingStartedPanel;
class HardwareCheckPanel;

class HomePage : public QWidget {
  Q_OBJECT

 public:
  explicit HomePage(AppContext& context, QWidget* parent = nullptr);
  HardwareCheckPanel* hardwareCheck() const { return hardware_; }
  GettingStartedPanel* gettingStarted() const { return gettingStarted_; }
  ActiveRunsPanel* activeRuns() const { return activeRuns_; }

 private:
  ActiveRunsPanel* activeRuns_;
  GettingStartedPanel* gettingStarted_;
  HardwareCheckPanel* hardware_;
};

}  // namespace tiertune::gui
