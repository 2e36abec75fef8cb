// The planner's verdicts, fixes and notes (core/tiers/planner.h, machine_budget.h) in the window's
// words and language. Core gives kinds and numbers; the command line words them in English
// (core/tiers/plan_words.h), the window here through tr(): no "backend", no command to type.
// Used by the memory plan page and the download dialog.
#pragma once

#include <QCoreApplication>
#include <QString>

#include "core/tiers/machine_budget.h"
#include "core/tiers/planner.h"

namespace tiertune::gui {

class PlanText {
  Q_DECLARE_TR_FUNCTIONS(PlanText)

 public:
  // Why the run does not fit, with its figures; empty for a plan that fits.
  static QString shortfall(const tiers::Plan& plan);
  // What would make it fit, as a sentence.
  static QString fix(const tiers::PlanFix& fix);
  // The shortfall followed by every fix the planner found.
  static QString noFit(const tiers::Plan& plan);
  // Where a figure is an estimate or a default.
  static QString note(const tiers::PlanNote& note);
};

}  // namespace tiertune::gui
