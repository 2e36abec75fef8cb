// Numbers as people read them on the pages: parameter counts in billions or millions, sizes.
#pragma once

#include <QString>
#include <QtGlobal>

namespace tiertune::gui {

// "1.24 billion", "494.0 million", "90,688".
QString parameterCountText(quint64 count);
// "187.6 MB", "11.29 GB": decimal units, as the planner's messages and the GB limits use them.
QString byteSizeText(quint64 bytes);

}  // namespace tiertune::gui
