// Home: a welcome with the first steps for a newcomer, and the hardware check of this machine.
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

 private:
  HardwareCheckPanel* hardware_;
};

}  // namespace tiertune::gui
