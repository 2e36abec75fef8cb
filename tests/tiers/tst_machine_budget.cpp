// From the hardware check to the planner's budgets.
#include <QTest>
#include <algorithm>
#include <filesystem>
#include <fstream>

#include "core/hardware/disk_speed_record.h"
#include "core/tiers/machine_budget.h"
#include "core/tiers/plan_words.h"
#include "core/util/error.h"
#include "support/scratch.h"

using namespace tiertune;
using namespace tiertune::tiers;
namespace fs = std::filesystem;

namespace {

hardware::HardwareReport machineWithH100() {
  hardware::HardwareReport report;
  report.cpu.physicalCores = 16;
  report.cpu.logicalCores = 16;
  report.memory.totalBytes = 128ull << 30;
  report.memory.availableBytes = 120ull << 30;
  report.gpu.status = kernels::GpuReport::Status::Found;
  kernels::GpuDevice device;
  device.name = "NVIDIA H100 80GB HBM3";
  device.totalBytes = 85017493504ull;  // as the lent H100 reported them
  device.freeBytes = 84465090560ull;
  device.computeMajor = 9;
  device.multiprocessors = 132;
  report.gpu.devices.push_back(device);
  report.disk = hardware::DiskSpace{500ull << 30, 400ull << 30, "ext4"};
  return report;
}

}  // namespace

class MachineBudgetTest : public QObject {
  Q_OBJECT

 private slots:
  void aGpuMachine() {
    hardware::DiskSpeedRecord speed;
    speed.readBytesPerSecond = 3e9;
    speed.writeBytesPerSecond = 2e9;
    const MachineAssessment machine = assessMachine(machineWithH100(), speed);
    QVERIFY(machine.budget.hasGpu);
    // Free memory less a reserve of 5 % of the card.
    QCOMPARE(machine.budget.deviceBytes, 84465090560ull - 85017493504ull / 20);
    QCOMPARE(machine.budget.hostBytes, static_cast<std::uint64_t>((120ull << 30) * 0.8));
    QCOMPARE(machine.budget.diskBytes, (400ull << 30) / 10 * 9);
    QCOMPARE(machine.budget.diskReadBytesPerSecond, 3e9);
    // Within a factor of two of the H100's published 989 dense bf16 TFLOP/s, sustained half of it.
    QVERIFY(machine.budget.computeFlopsPerSecond > 250e12 && machine.budget.computeFlopsPerSecond < 600e12);
  }

  void aCpuMachineWithoutMeasuredDisk() {
    hardware::HardwareReport report = machineWithH100();
    report.gpu = {};
    report.cpu.hasAvx512 = true;
    const MachineAssessment machine = assessMachine(report, std::nullopt);
    QVERIFY(!machine.budget.hasGpu);
    QVERIFY(machine.budget.deviceBytes + machine.budget.hostBytes < report.memory.availableBytes);
    QCOMPARE(machine.budget.diskReadBytesPerSecond, 1e9);
    QVERIFY(std::count(machine.notes.begin(), machine.notes.end(), PlanNote{PlanNoteKind::DiskSpeedNotMeasured, {}}) == 1);
    QVERIFY(std::count(machine.notes.begin(), machine.notes.end(), PlanNote{PlanNoteKind::CpuRateEstimated, {}}) == 1);
  }

  void aMeasuredBackendSetsComputeAndLink() {
    // The CPU backend's own speed, measured here, replaces the estimate from the cores.
    const auto backend = kernels::makeCpuBackend();
    const hardware::ComputeSpeed speed = hardware::measureComputeSpeed(*backend);
    QCOMPARE(speed.backend, std::string("cpu"));
    QVERIFY2(speed.matmulFlopsPerSecond > 1e8 && speed.matmulFlopsPerSecond < 1e14,
             std::to_string(speed.matmulFlopsPerSecond).c_str());
    QVERIFY(speed.copyBytesPerSecond > 1e7 && speed.copyBytesPerSecond < 1e13);
    hardware::HardwareReport report = machineWithH100();
    report.gpu = {};
    const MachineAssessment machine = assessMachine(report, std::nullopt, {}, speed);
    QCOMPARE(machine.budget.computeFlopsPerSecond, speed.matmulFlopsPerSecond);
    QCOMPARE(machine.budget.hostToDeviceBytesPerSecond, speed.copyBytesPerSecond);
    // The notes say where the rate came from once: measured, not also "estimated".
    int rateNotes = 0;
    for (const PlanNote& note : machine.notes) {
      QVERIFY2(note.kind != PlanNoteKind::CpuRateEstimated && note.kind != PlanNoteKind::GpuRateEstimated,
               planNoteText(note).c_str());
      rateNotes += note.kind == PlanNoteKind::RatesMeasuredOnCpu ? 1 : 0;
    }
    QCOMPARE(rateNotes, 1);
  }

  // The GPU's measured rates are kept per card for the window's plans; another card, a damaged
  // file or a record without rates reads as none (the planner then estimates).
  void aGpusMeasuredSpeedIsKeptPerCard() {
    const auto scratch = test::makeScratchDir();
    const fs::path file = fs::path(scratch->path().toStdString()) / "data" / "compute_speed.json";
    kernels::GpuDevice h100 = machineWithH100().gpu.devices.front();
    h100.pciBusId = "0000:01:00.0";
    QVERIFY(!hardware::loadGpuSpeed(file, h100));
    hardware::saveGpuSpeed(file, h100, {"CUDA (NVIDIA H100 80GB HBM3)", 4.1e14, 2.5e10});
    kernels::GpuDevice other = h100;
    other.pciBusId = "0000:02:00.0";
    hardware::saveGpuSpeed(file, other, {"CUDA (NVIDIA H100 80GB HBM3)", 3.9e14, 2.4e10});
    const auto kept = hardware::loadGpuSpeed(file, h100);
    QVERIFY(kept);
    QCOMPARE(kept->matmulFlopsPerSecond, 4.1e14);
    QCOMPARE(kept->copyBytesPerSecond, 2.5e10);
    QCOMPARE(kept->backend, std::string("CUDA (NVIDIA H100 80GB HBM3)"));
    QCOMPARE(hardware::loadGpuSpeed(file, other)->matmulFlopsPerSecond, 3.9e14);
    other.name = "NVIDIA RTX 4090";
    QVERIFY(!hardware::loadGpuSpeed(file, other));
    // The window plans with it as it would with a fresh measurement: the record replaces the estimate.
    const MachineAssessment machine = assessMachine(machineWithH100(), std::nullopt, {}, *kept);
    QCOMPARE(machine.budget.computeFlopsPerSecond, 4.1e14);
    // A record of another method (fp32 products, or none named: before bf16 products) is measured
    // again, and read as none until then.
    qputenv("TIERTUNE_CUDA_PRODUCTS", "fp32");
    QVERIFY(!hardware::loadGpuSpeed(file, h100));
    hardware::saveGpuSpeed(file, h100, {"CUDA (NVIDIA H100 80GB HBM3)", 5.0e13, 2.5e10});
    QCOMPARE(hardware::loadGpuSpeed(file, h100)->matmulFlopsPerSecond, 5.0e13);
    qunsetenv("TIERTUNE_CUDA_PRODUCTS");
    QVERIFY(!hardware::loadGpuSpeed(file, h100));
    std::ofstream(file) << "{\"NVIDIA H100 80GB HBM3 @ 0000:01:00.0\": {\"matmul_flops_per_second\": 4e14, "
                           "\"copy_bytes_per_second\": 2e10}}";
    QVERIFY(!hardware::loadGpuSpeed(file, h100));
    std::ofstream(file) << "{\"NVIDIA H100 80GB HBM3 @ 0000:01:00.0\": {\"matmul_flops_per_second\": -1}}";
    QVERIFY(!hardware::loadGpuSpeed(file, h100));
    std::ofstream(file) << "not json";
    QVERIFY(!hardware::loadGpuSpeed(file, h100));
  }

  void theBackendThatWouldTrainIsTheOneMeasured() {
    // No GPU: the CPU backend trains, so it is measured.
    std::string failure;
    const auto cpu = hardware::measureChosenBackend(
        hardware::chooseBackend(kernels::GpuReport{}, hardware::BackendRequest::Auto, std::nullopt), &failure);
    QVERIFY(cpu);
    QCOMPARE(cpu->backend, std::string("cpu"));
    QVERIFY(failure.empty());
    // A GPU found: its CUDA backend, through the module. Where that cannot start (a build without
    // CUDA, a machine without the driver: the probe's report here is made up), nothing is
    // measured, the planner keeps its estimate, and the failure says why.
    const auto gpu = hardware::measureChosenBackend(
        hardware::chooseBackend(machineWithH100().gpu, hardware::BackendRequest::Auto, std::nullopt), &failure);
    if (gpu) {
      QVERIFY2(gpu->backend.starts_with("CUDA"), gpu->backend.c_str());
      QVERIFY(gpu->matmulFlopsPerSecond > 1e9 && gpu->copyBytesPerSecond > 1e8);
    } else {
      qInfo("the GPU's backend was not measured: %s", failure.c_str());
      QVERIFY(failure.find("CUDA") != std::string::npos || failure.find("cuda") != std::string::npos);
    }
  }

  void capsMakeALargeGpuActSmall() {
    BudgetCaps caps;
    caps.deviceBytes = 16'000'000'000ull;
    caps.diskBytes = 0;
    const MachineAssessment machine = assessMachine(machineWithH100(), std::nullopt, caps);
    QCOMPARE(machine.budget.deviceBytes, 16'000'000'000ull);
    QCOMPARE(machine.budget.diskBytes, 0ull);
  }

  void diskSpeedRecordsRoundTripPerFolder() {
    auto scratch = test::makeScratchDir();
    const fs::path file = fs::path(scratch->path().toStdString()) / "data" / "disk_speed.json";
    hardware::DiskSpeed speed;
    speed.writeBytesPerSecond = 1.5e9;
    speed.readBytesPerSecond = 2.5e9;
    hardware::saveDiskSpeed(file, "/mnt/a", speed);
    speed.readBytesPerSecond = 7e9;
    hardware::saveDiskSpeed(file, "/mnt/b", speed);
    const auto a = hardware::loadDiskSpeed(file, "/mnt/a");
    QVERIFY(a);
    QCOMPARE(a->readBytesPerSecond, 2.5e9);
    QCOMPARE(a->writeBytesPerSecond, 1.5e9);
    QVERIFY(!a->measuredAt.empty());
    QCOMPARE(hardware::loadDiskSpeed(file, "/mnt/b")->readBytesPerSecond, 7e9);
    QVERIFY(!hardware::loadDiskSpeed(file, "/mnt/c"));
    std::ofstream(file) << "{ damaged";
    QVERIFY(!hardware::loadDiskSpeed(file, "/mnt/a"));  // a cache: damaged means measure again
  }
};

QTEST_GUILESS_MAIN(MachineBudgetTest)
#include "tst_machine_budget.moc"
