// Catalog timestamps (ISO 8601 in UTC) as people read them: local time in the user's locale.
#pragma once

#include <QString>
#include <string>

namespace tiertune::gui {

// "30/11/2026 15:56" in the user's short format and time zone; empty for an empty timestamp;
// the text itself when it is not a timestamp.
QString localTimeText(const std::string& isoUtc);

}  // namespace tiertune::gui
