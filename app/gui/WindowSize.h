// Window sizes that follow the screen: a window asks for the size it would like and gets at most
// what the screen it opens on has room for, its frame included, so no edge or button lies past the
// screen's bottom. Used by the main window and the windows it opens (run monitor, run details).
#pragma once

class QSize;
class QWidget;

namespace tiertune::gui {

// Resizes window to wanted, or less where its screen's available area (without panels and docks)
// is smaller, and places it inside that area.
void resizeWithinScreen(QWidget* window, const QSize& wanted);

}  // namespace tiertune::gui
