#include "core/tiers/machine_budget.h"

#include <algorithm>

namespace tiertune::tiers {

namespace {

// Dense bf16 tensor-core operations per clock and multiprocessor, by architecture, with fp32
// accumulation as training uses (published figures: H100 989 TFLOP/s at 132 SMs and 1.83 GHz,
// A100 312 at 108 and 1.41 GHz; consumer Ampere and Ada run fp32 accumulation at half rate).
double flopsPerClockPerSm(int major, int minor) {
  if (major >= 9) return 4096;
  if (major == 8 && minor == 0) return 2048;
  if (major == 8) return 512;
  return 256;
}

constexpr double kNominalGpuClockHz = 1.5e9;  // below boost clocks: training runs hot
constexpr double kSustainedFraction = 0.5;    // of peak, for whole training steps
constexpr double kNominalCpuClockHz = 2.5e9;

}  // namespace

MachineAssessment assessMachine(const hardware::HardwareReport& report,
                                const std::optional<hardware::DiskSpeedRecord>& diskSpeed, const BudgetCaps& caps,
                                const std::optional<hardware::ComputeSpeed>& compute) {
  MachineAssessment assessment;
  MachineBudget& budget = assessment.budget;
  const auto available = static_cast<double>(report.memory.availableBytes);
  const bool gpu = report.gpu.status == kernels::GpuReport::Status::Found && !report.gpu.devices.empty();
  budget.hasGpu = gpu;
  PlanNoteKind rateNote = PlanNoteKind::CpuRateEstimated;  // where the compute and copy rates come from
  if (gpu) {
    // The run trains on one GPU: the one the backend choice put first.
    const kernels::GpuDevice& device = report.gpu.devices.front();
    const std::uint64_t reserve = std::max<std::uint64_t>(1ull << 30, device.totalBytes / 20);
    budget.deviceBytes = device.freeBytes > reserve ? device.freeBytes - reserve : 0;
    budget.hostBytes = static_cast<std::uint64_t>(available * 0.8);
    budget.hostToDeviceBytesPerSecond = 20e9;
    budget.computeFlopsPerSecond = flopsPerClockPerSm(device.computeMajor, device.computeMinor) *
                                   device.multiprocessors * kNominalGpuClockHz * kSustainedFraction;
    rateNote = PlanNoteKind::GpuRateEstimated;
  } else {
    // The CPU backend's "device" is a bounded arena of RAM; the rest of the budget is the host tier.
    budget.deviceBytes = static_cast<std::uint64_t>(available * 0.5);
    budget.hostBytes = static_cast<std::uint64_t>(available * 0.35);
    budget.hostToDeviceBytesPerSecond = 10e9;  // memcpy between arena and host buffers
    const double lanes = report.cpu.hasAvx512 ? 64 : report.cpu.hasAvx2 ? 32 : 8;  // fp32 flops per clock
    budget.computeFlopsPerSecond =
        std::max(1, report.cpu.physicalCores) * kNominalCpuClockHz * lanes * 0.25;
    rateNote = PlanNoteKind::CpuRateEstimated;
  }
  if (report.disk) {
    budget.diskBytes = report.disk->freeBytes / 10 * 9;  // never fill the disk
  }
  if (diskSpeed) {
    budget.diskReadBytesPerSecond = diskSpeed->readBytesPerSecond;
    budget.diskWriteBytesPerSecond = diskSpeed->writeBytesPerSecond;
    if (!diskSpeed->directIo) {
      assessment.notes.push_back({PlanNoteKind::DiskSpeedThroughPageCache, {}});
    }
  } else {
    budget.diskReadBytesPerSecond = 1e9;
    budget.diskWriteBytesPerSecond = 1e9;
    assessment.notes.push_back({PlanNoteKind::DiskSpeedNotMeasured, {}});
  }
  if (compute) {
    budget.computeFlopsPerSecond = compute->matmulFlopsPerSecond;
    budget.hostToDeviceBytesPerSecond = compute->copyBytesPerSecond;
    rateNote = compute->backend == "cpu" ? PlanNoteKind::RatesMeasuredOnCpu : PlanNoteKind::RatesMeasuredOnGpu;
  }
  // One note on where the rates come from: a measurement replaces the estimate, never stands beside it.
  assessment.notes.push_back({rateNote, {}});
  if (caps.deviceBytes) budget.deviceBytes = std::min(budget.deviceBytes, *caps.deviceBytes);
  if (caps.hostBytes) budget.hostBytes = std::min(budget.hostBytes, *caps.hostBytes);
  if (caps.diskBytes) budget.diskBytes = std::min(budget.diskBytes, *caps.diskBytes);
  return assessment;
}

}  // namespace tiertune::tiers
