// Tab order in reading order where Qt's default (the order widgets were made in) differs from
// what is shown: a chain of widgets, and a button box's buttons as the platform lays them out.
// Used by pages and dialogs that make widgets in another order than they show them. And where the
// focus goes when the control that has it goes away.
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
// Call before going (a button that a page hides or disables while it works, such as Cancel) is
// hidden or disabled: when it has the focus, the focus moves to page instead of to the next
// control in the chain (a wizard's Help or Cancel button), so that Return keeps meaning the
// dialog's default button (a wizard's Next).
void keepFocusOn(QWidget* page, const QWidget* going);

}  // namespace tiertune::gui
