#include "app/gui/newrun/MachineNoteText.h"

#include <string_view>

namespace tiertune::gui {

namespace {

bool startsWith(std::string_view text, std::string_view start) { return text.substr(0, start.size()) == start; }

}  // namespace

QString MachineNoteText::text(const std::string& note) {
  // Matched on the start of core's sentences; tst_plain_words feeds it every note core writes.
  if (startsWith(note, "The offload folder's speed was not measured yet")) {
    return tr("The offload folder's speed has not been measured yet, so 1 GB/s is assumed: “Measure disk speed” "
              "on the Home page measures it.");
  }
  if (startsWith(note, "The offload folder's speed was measured through the page cache")) {
    return tr("The offload folder's speed was measured through the system's file cache, so the times for the "
              "SSD may be too hopeful.");
  }
  if (startsWith(note, "Compute rate and host-device copies measured on the cuda")) {
    return tr("The training speed was measured on this computer's graphics card.");
  }
  if (startsWith(note, "Compute rate and host-device copies measured on the ")) {
    return tr("The training speed was measured on this computer's processor (CPU).");
  }
  if (startsWith(note, "No GPU: training runs on the CPU")) {
    return tr("No graphics card: the processor (CPU) trains; its speed is estimated from its cores.");
  }
  if (startsWith(note, "GPU compute rate estimated from its architecture")) {
    return tr("The graphics card's speed is estimated from its kind until a run measures it.");
  }
  if (startsWith(note, "The GPU's speed is measured when its first run starts")) {
    return tr("The graphics card's speed is measured when its first run starts; until then it is estimated "
              "from its kind.");
  }
  constexpr std::string_view kNotMeasured = "The GPU's speed could not be measured: ";
  if (startsWith(note, kNotMeasured)) {
    return tr("The graphics card's speed could not be measured: %1").arg(QString::fromStdString(note.substr(kNotMeasured.size())));
  }
  if (startsWith(note, "The run's time is derived from the machine's rates")) {
    return tr("The run's time is derived from this computer's measured speed, not measured on this model.");
  }
  if (startsWith(note, "A step could not be measured here")) {
    return tr("A step of this model could not be measured here, so the run's time is derived from this "
              "computer's measured speed.");
  }
  if (startsWith(note, "The run's time is not estimated")) {
    return tr("The run's time is not estimated: the dataset's samples could not be read.");
  }
  return QString::fromStdString(note);
}

}  // namespace tiertune::gui
