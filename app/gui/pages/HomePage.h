// Home: a welcome with the first steps for a newcomer (the last one starts the New fine-tune
// wizard), and the hardware check of this machine.
#pragma once

#include <QWidget>

namespace tiertune::gui {

class AppContext;
class HardwareCheckPanel;

class HomePage : public QWidget {
  Q_OBJECT

 public:
  explicit HomePage(AppContext& context, QWidget* parent = nullptr);
  HardwareCheckPanel* hardwareCheck() const { return hardware_; }

 signals:
  // "New fine-tune…" in the getting-started list: the window opens the wizard on the Runs page.
  void newRunRequested();

 private:
  HardwareCheckPanel* hardware_;
};

}  // namespace tiertune::gui
