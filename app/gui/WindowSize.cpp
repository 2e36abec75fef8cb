#include "app/gui/WindowSize.h"

#include <QGuiApplication>
#include <QScreen>
#include <QWidget>
#include <algorithm>

namespace tiertune::gui {

namespace {

// A window manager's title bar and borders, not known before the window is first shown.
constexpr int kFrameHeight = 40;
constexpr int kFrameWidth = 12;

}  // namespace

void resizeWithinScreen(QWidget* window, const QSize& wanted) {
  QScreen* screen = window->screen() ? window->screen() : QGuiApplication::primaryScreen();
  if (!screen) {
    window->resize(wanted);
    return;
  }
  const QRect available = screen->availableGeometry();
  const QSize room(std::max(1, available.width() - kFrameWidth), std::max(1, available.height() - kFrameHeight));
  const QSize size = wanted.boundedTo(room);
  window->resize(size);
  // Centred in the available area: where a window manager would cascade it, its bottom could pass
  // the screen's.
  const QSize framed = size + QSize(kFrameWidth, kFrameHeight);
  window->move(available.left() + std::max(0, (available.width() - framed.width()) / 2),
               available.top() + std::max(0, (available.height() - framed.height()) / 2));
}

}  // namespace tiertune::gui
