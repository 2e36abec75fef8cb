// The planner's notes on this machine (core/tiers/machine_budget.cpp, core/train/machine_plan.cpp),
// which the command line prints in English and in its own terms, said in the window's words: no
// "backend", no command to type. Used by the memory plan page.
#pragma once

#include <QCoreApplication>
#include <QString>
#include <string>

namespace tiertune::gui {

class MachineNoteText {
  Q_DECLARE_TR_FUNCTIONS(MachineNoteText)

 public:
  // note in the window's words; a note this version does not know is shown as core wrote it.
  static QString text(const std::string& note);
};

}  // namespace tiertune::gui
