#include "app/gui/history/RunText.h"

#include <cmath>

namespace tiertune::gui {

QString RunText::status(catalog::RunStatus status) {
  using catalog::RunStatus;
  switch (status) {
    case RunStatus::Queued: return tr("Queued");
    case RunStatus::Running: return tr("Running");
    case RunStatus::Paused: return tr("Paused");
    case RunStatus::Completed: return tr("Completed");
    case RunStatus::Failed: return tr("Failed");
    case RunStatus::Stopped: return tr("Stopped");
  }
  return {};
}

QString RunText::duration(std::optional<double> seconds) {
  if (!seconds || !std::isfinite(*seconds) || *seconds < 0) return {};
  const auto total = static_cast<qint64>(std::llround(*seconds));
  const qint64 minutes = total / 60;
  const qint64 hours = minutes / 60;
  const qint64 days = hours / 24;
  if (total < 60) return tr("%1 s").arg(total);
  if (minutes < 60) return tr("%1 min").arg(minutes);
  if (hours < 24) return tr("%1 h %2 min").arg(hours).arg(minutes % 60, 2, 10, QLatin1Char('0'));
  return tr("%1 d %2 h").arg(days).arg(hours % 24);
}

QString RunText::steps(qint64 done, std::optional<qint64> total) {
  if (total) return tr("%1 / %2").arg(done).arg(*total);
  return done > 0 ? QString::number(done) : QString();
}

QString RunText::method(const std::string& method, const std::string& preset) {
  // The goals' names as the new-run wizard shows them, not the keys the run's configuration stores.
  // A LoRA goal whose run was switched to a 4-bit model (the memory plan's fix) says so.
  if (preset == "quick-lora") return method == "qlora" ? tr("Quick LoRA, model in 4 bits") : tr("Quick LoRA");
  if (preset == "balanced-lora") return method == "qlora" ? tr("Balanced LoRA, model in 4 bits") : tr("Balanced LoRA");
  if (preset == "smallest-memory") return tr("Smallest memory (QLoRA)");
  const QString text = method == "lora"    ? tr("LoRA")
                       : method == "qlora" ? tr("QLoRA (4-bit model)")
                       : method == "full"  ? tr("Full fine-tune")
                                           : QString::fromStdString(method);
  if (preset == "custom") return tr("%1, own settings").arg(text);
  // "full" says no more than the method; a preset this version does not know keeps its key.
  if (preset.empty() || preset == method) return text;
  return tr("%1, %2").arg(text, QString::fromStdString(preset));
}

QString RunText::loss(std::optional<double> value) {
  if (!value || !std::isfinite(*value)) return {};
  return QString::number(*value, 'g', 4);
}

}  // namespace tiertune::gui
