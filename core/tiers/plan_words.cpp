#include "core/tiers/plan_words.h"

#include <cstdio>

namespace tiertune::tiers {

namespace {

std::string secondsText(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, seconds >= 10 ? "%.0f s" : "%.2f s", seconds);
  return text;
}

}  // namespace

std::string gigabytesText(std::uint64_t bytes) {
  char text[32];
  const double value = static_cast<double>(bytes) / 1e9;
  std::snprintf(text, sizeof text, value >= 100 ? "%.0f GB" : value >= 10 ? "%.1f GB" : "%.2f GB", value);
  return text;
}

const char* shortfallKey(Shortfall shortfall) {
  switch (shortfall) {
    case Shortfall::None: return "none";
    case Shortfall::WorkingMemory: return "working_memory";
    case Shortfall::TrainingState: return "training_state";
  }
  return "";
}

const char* fixKey(FixKind kind) {
  switch (kind) {
    case FixKind::SmallerBatchAndSequence: return "smaller_batch_and_sequence";
    case FixKind::UseLora: return "use_lora";
    case FixKind::FreeDiskSpace: return "free_disk_space";
  }
  return "";
}

std::string planSummaryText(const Plan& plan) {
  const std::string device = plan.onGpu ? "on the GPU" : "in the training arena";
  switch (plan.shortfall) {
    case Shortfall::None:
      return "Fits: " + gigabytesText(plan.peakBytes[0]) + " " + device + ", " + gigabytesText(plan.peakBytes[1]) +
             " in RAM, " + gigabytesText(plan.peakBytes[2]) + " on disk; about " + secondsText(plan.stepSeconds) +
             " per step, limited by " + toString(plan.bottleneck) + ".";
    case Shortfall::WorkingMemory: {
      std::string text = "Does not fit: the working memory for this batch and sequence (" +
                         gigabytesText(plan.workingBytes) + ") is more than the " + (plan.onGpu ? "GPU" : "training arena") +
                         " offers (" + gigabytesText(plan.offeredBytes[0]) + ").";
      if (plan.totalStateBytes > plan.offeredBytes[0] + plan.offeredBytes[1] + plan.offeredBytes[2]) {
        text += " The whole training state (" + gigabytesText(plan.totalStateBytes) +
                ") is also more than GPU, RAM and offload disk together.";
      }
      return text;
    }
    case Shortfall::TrainingState:
      return "Does not fit: the training state needs " + gigabytesText(plan.totalStateBytes) + ", and this machine offers " +
             gigabytesText(plan.offeredBytes[0]) + " " + device + ", " + gigabytesText(plan.offeredBytes[1]) +
             " of RAM and " + gigabytesText(plan.offeredBytes[2]) + " on the offload disk.";
  }
  return {};
}

std::string planFixText(const PlanFix& fix) {
  switch (fix.kind) {
    case FixKind::SmallerBatchAndSequence:
      return "Use a micro-batch of 1 and a shorter sequence (for example " + std::to_string(fix.sequenceLength) +
             " tokens).";
    case FixKind::UseLora:
      return "Use LoRA instead of full fine-tuning: it needs about " + gigabytesText(fix.bytes) + " in all.";
    case FixKind::FreeDiskSpace:
      return "Free " + gigabytesText(fix.bytes) +
             " more on the offload folder's disk, or choose an offload folder on a larger SSD.";
  }
  return {};
}

std::string noFitText(const Plan& plan) {
  std::string text = planSummaryText(plan);
  for (const PlanFix& fix : plan.fixes) text += " " + planFixText(fix);
  return text;
}

std::string planNoteText(const PlanNote& note) {
  switch (note.kind) {
    case PlanNoteKind::DiskSpeedNotMeasured:
      return "The offload folder's speed was not measured yet (1 GB/s assumed): run `tiertune-cli doctor` or "
             "\"Measure disk speed\" on the Home page.";
    case PlanNoteKind::DiskSpeedThroughPageCache:
      return "The offload folder's speed was measured through the page cache; SSD times may be optimistic.";
    case PlanNoteKind::CpuRateEstimated:
      return "No GPU: training runs on the CPU; its compute rate is estimated from the cores.";
    case PlanNoteKind::GpuRateEstimated:
      return "GPU compute rate estimated from its architecture; host-GPU link taken as PCIe 4.0.";
    case PlanNoteKind::RatesMeasuredOnCpu:
      return "Compute rate and host-device copies measured on the cpu backend.";
    case PlanNoteKind::RatesMeasuredOnGpu:
      return "Compute rate and host-device copies measured on the cuda backend.";
    case PlanNoteKind::GpuSpeedAtFirstRun:
      return "The GPU's speed is measured when its first run starts; until then it is estimated from its kind.";
    case PlanNoteKind::GpuSpeedNotMeasured:
      return "The GPU's speed could not be measured: " + note.detail;
    case PlanNoteKind::TimeNeedsSamples:
      return "The run's time is estimated once it names its samples (\"dataset\" or \"train_data\").";
    case PlanNoteKind::TimeSamplesUnreadable:
      return "The run's time is not estimated: its samples could not be read (" + note.detail + ").";
    case PlanNoteKind::StepNotMeasured:
      return "A step could not be measured here (" + note.detail + "); the run's time is derived from the measured rates.";
    case PlanNoteKind::TimeFromRates:
      return "The run's time is derived from the machine's rates, not measured on this model.";
  }
  return {};
}

}  // namespace tiertune::tiers
