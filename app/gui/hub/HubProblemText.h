// What went wrong with the Hugging Face Hub, in words a person without the jargon acts on: sign in,
// ask for access (with the link), check the name, free disk space, try again later. The core's own
// message stays available as the details.
#pragma once

#include <QCoreApplication>
#include <QString>

#include "core/hub/hub_error.h"

namespace tiertune::gui {

class HubProblemText {
  Q_DECLARE_TR_FUNCTIONS(HubProblemText)

 public:
  // Rich text (a link to pageUrl where the person must act there).
  static QString text(hub::HubProblem problem, const QString& modelId, const QString& pageUrl);
};

}  // namespace tiertune::gui
