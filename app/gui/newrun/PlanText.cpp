#include "app/gui/newrun/PlanText.h"

#include <QLocale>
#include <QStringList>

#include "app/gui/NumberText.h"

namespace tiertune::gui {

namespace {

QString bytes(std::uint64_t count) { return byteSizeText(static_cast<quint64>(count)); }

QString detailOf(const tiers::PlanNote& note) { return QString::fromStdString(note.detail); }

}  // namespace

QString PlanText::shortfall(const tiers::Plan& plan) {
  switch (plan.shortfall) {
    case tiers::Shortfall::None:
      return {};
    case tiers::Shortfall::WorkingMemory: {
      QString text = plan.onGpu
                         ? tr("One training step needs %1 of working memory at this batch size and sequence length, "
                              "but the graphics card offers %2.")
                               .arg(bytes(plan.workingBytes), bytes(plan.offeredBytes[0]))
                         : tr("One training step needs %1 of working memory at this batch size and sequence length, "
                              "but the memory set aside for training offers %2.")
                               .arg(bytes(plan.workingBytes), bytes(plan.offeredBytes[0]));
      if (plan.totalStateBytes > plan.offeredBytes[0] + plan.offeredBytes[1] + plan.offeredBytes[2]) {
        text += QLatin1Char(' ') + tr("The whole training state (%1) is also more than the training memory, RAM and "
                                      "SSD hold together.")
                                       .arg(bytes(plan.totalStateBytes));
      }
      return text;
    }
    case tiers::Shortfall::TrainingState:
      return plan.onGpu ? tr("The training state needs %1, but this computer offers %2 on the graphics card, %3 of RAM "
                             "and %4 on the SSD.")
                              .arg(bytes(plan.totalStateBytes), bytes(plan.offeredBytes[0]), bytes(plan.offeredBytes[1]),
                                   bytes(plan.offeredBytes[2]))
                        : tr("The training state needs %1, but this computer offers %2 of memory set aside for "
                             "training, %3 more of RAM and %4 on the SSD.")
                              .arg(bytes(plan.totalStateBytes), bytes(plan.offeredBytes[0]), bytes(plan.offeredBytes[1]),
                                   bytes(plan.offeredBytes[2]));
  }
  return {};
}

QString PlanText::fix(const tiers::PlanFix& fix) {
  switch (fix.kind) {
    case tiers::FixKind::SmallerBatchAndSequence:
      return tr("A batch of 1 with shorter examples (for example %1 tokens) needs less working memory.")
          .arg(QLocale().toString(fix.sequenceLength));
    case tiers::FixKind::UseLora:
      return tr("LoRA instead of full fine-tuning needs about %1 in all.").arg(bytes(fix.bytes));
    case tiers::FixKind::FreeDiskSpace:
      return tr("Free %1 more on the SSD of the offload folder, or choose an offload folder on a larger SSD in "
                "Settings.")
          .arg(bytes(fix.bytes));
  }
  return {};
}

QString PlanText::noFit(const tiers::Plan& plan) {
  QStringList sentences{shortfall(plan)};
  for (const tiers::PlanFix& each : plan.fixes) sentences << fix(each);
  return sentences.join(QLatin1Char(' '));
}

QString PlanText::note(const tiers::PlanNote& note) {
  switch (note.kind) {
    case tiers::PlanNoteKind::DiskSpeedNotMeasured:
      return tr("The offload folder's speed has not been measured yet, so 1 GB/s is assumed: “Measure disk speed” "
                "on the Home page measures it.");
    case tiers::PlanNoteKind::DiskSpeedThroughPageCache:
      return tr("The offload folder's speed was measured through the system's file cache, so the times for the "
                "SSD may be too hopeful.");
    case tiers::PlanNoteKind::RatesMeasuredOnGpu:
      return tr("The training speed was measured on this computer's graphics card.");
    case tiers::PlanNoteKind::RatesMeasuredOnCpu:
      return tr("The training speed was measured on this computer's processor (CPU).");
    case tiers::PlanNoteKind::CpuRateEstimated:
      return tr("No graphics card: the processor (CPU) trains; its speed is estimated from its cores.");
    case tiers::PlanNoteKind::GpuRateEstimated:
      return tr("The graphics card's speed is estimated from its kind until a run measures it.");
    case tiers::PlanNoteKind::GpuSpeedAtFirstRun:
      return tr("The graphics card's speed is measured when its first run starts; until then it is estimated "
                "from its kind.");
    case tiers::PlanNoteKind::GpuSpeedNotMeasured:
      return tr("The graphics card's speed could not be measured: %1").arg(detailOf(note));
    case tiers::PlanNoteKind::TimeNeedsSamples:
      return tr("The run's time is estimated once a dataset is chosen.");
    case tiers::PlanNoteKind::TimeSamplesUnreadable:
      return tr("The run's time is not estimated: the dataset's samples could not be read.");
    case tiers::PlanNoteKind::StepNotMeasured:
      return tr("A step of this model could not be measured here, so the run's time is derived from this "
                "computer's measured speed.");
    case tiers::PlanNoteKind::TimeFromRates:
      return tr("The run's time is derived from this computer's measured speed, not measured on this model.");
  }
  return {};
}

}  // namespace tiertune::gui
