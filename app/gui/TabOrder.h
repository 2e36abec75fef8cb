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
// Each time box is shown, Tab goes from before to the box's buttons, left to right as the box lays
// them out on this platform (it lays them out again when shown, so this cannot be set earlier).
void tabToButtonsAsShown(QWidget* before, QDialogButtonBox* box);

}  // namespace tiertune::gui
