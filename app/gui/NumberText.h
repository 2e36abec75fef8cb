// Numbers as people read them on the pages: parameter counts in billions or millions.
#pragma once

#include <QString>
#include <QtGlobal>

namespace tiertune::gui {

// "1.24 billion", "494.0 million", "90,688".
QString parameterCountText(quint64 count);

}  // namespace tiertune::gui
