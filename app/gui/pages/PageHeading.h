// The big title every page starts with, so that all pages look alike.
#pragma once

#include <QString>

class QLabel;

namespace tiertune::gui {

// A bold label 1.6 times the normal size, object name "pageTitle".
QLabel* pageHeading(const QString& title);

}  // namespace tiertune::gui
