// Tab order in reading order where Qt's default (the order widgets were made in) differs from
// what is shown: a chain of widgets, and a button box's buttons as the platform lays them out.
// Used by pages and dialogs that make widgets in another order than they show them.
#pragma once

#include <QList>

class QDialogButtonBox;
class QWidget;

namespace tiertune::gui {

// Tab goes from each widget to the next in chain (null entries are skipped).
void setTabChain(const QList<QWidget*>& chain);
// The box's buttons, left to right as shown on this platform.
QList<QWidget*> buttonsAsShown(const QDialogButtonBox* box);

}  // namespace tiertune::gui
