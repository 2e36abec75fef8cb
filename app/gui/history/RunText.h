// A run's facts as the history shows them: status words, "1 h 05 min", "120 / 500", "LoRA · quick".
// Shared by the history table, the compare view and the run's detail view.
#pragma once

#include <QCoreApplication>
#include <QString>
#include <optional>

#include "core/catalog/records.h"

namespace tiertune::gui {

class RunText {
  Q_DECLARE_TR_FUNCTIONS(RunText)

 public:
  static QString status(catalog::RunStatus status);
  // "45 s", "12 min", "3 h 05 min", "2 d 4 h"; empty when unknown.
  static QString duration(std::optional<double> seconds);
  // "120 / 500" when the total is known, else "120"; empty before the first step.
  static QString steps(qint64 done, std::optional<qint64> total);
  // The goal as the new-run wizard names it: "Quick LoRA", "Balanced LoRA", "Full fine-tune",
  // "LoRA, own settings" (preset "custom").
  static QString method(const std::string& method, const std::string& preset);
  // Four significant digits, or empty.
  static QString loss(std::optional<double> value);
};

}  // namespace tiertune::gui
