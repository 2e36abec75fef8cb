// The hardware report: formats people read, the JSON that doctor --json prints, and the probe of
// the offload folder.
#include <QTest>
#include <algorithm>
#include <cstdint>
#include <cmath>
#include <fstream>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <utility>
#include <vector>

#include "core/hardware/hardware_report.h"
#include "support/scratch.h"

using namespace tiertune;
using namespace tiertune::hardware;
namespace fs = std::filesystem;

class HardwareReportTest : public QObject {
  Q_OBJECT

 private slots:
  void formatsBytesInBinaryUnits() {
    QCOMPARE(formatBytes(0), std::string("0 B"));
    QCOMPARE(formatBytes(1023), std::string("1023 B"));
    QCOMPARE(formatBytes(1024), std::string("1.00 KiB"));
    QCOMPARE(formatBytes(512ull * 1024), std::string("512 KiB"));
    QCOMPARE(formatBytes(static_cast<std::uint64_t>(23.4 * (1ull << 30))), std::string("23.4 GiB"));
    QCOMPARE(formatBytes(80ull << 30), std::string("80.0 GiB"));
    QCOMPARE(formatBytes(3ull << 40), std::string("3.00 TiB"));
    QCOMPARE(formatBytes(UINT64_MAX), std::string("16.0 EiB"));
  }

  // Three significant digits also where rounding reaches the next decimal or the next unit.
  void roundsAtTheBoundaries() {
    QCOMPARE(formatBytes(10235), std::string("10.0 KiB"));        // 9.995 KiB
    QCOMPARE(formatBytes(102395), std::string("100 KiB"));        // 99.995 KiB
    QCOMPARE(formatBytes((1ull << 20) - 1), std::string("1.00 MiB"));
    QCOMPARE(formatBytes((1ull << 30) - 1), std::string("1.00 GiB"));
    QCOMPARE(formatBytes(1000ull << 10), std::string("1000 KiB"));  // binary units: 1000 < 1024
    QCOMPARE(formatRate(999.6), std::string("1.00 kB/s"));
    QCOMPARE(formatRate(99.996e6), std::string("100 MB/s"));
    QCOMPARE(formatRate(9.9996e9), std::string("10.0 GB/s"));
    QCOMPARE(formatRate(0.5), std::string("0.50 B/s"));
  }

  void formatsRatesInDecimalUnits() {
    QCOMPARE(formatRate(1.23e9), std::string("1.23 GB/s"));
    QCOMPARE(formatRate(456e6), std::string("456 MB/s"));
    QCOMPARE(formatRate(999), std::string("999 B/s"));
    QCOMPARE(formatRate(0), std::string("—"));
    QCOMPARE(formatRate(std::nan("")), std::string("—"));
  }

  void describesGpusForPeople() {
    kernels::GpuReport report;
    report.status = kernels::GpuReport::Status::Found;
    kernels::GpuDevice device;
    device.name = "NVIDIA H100 80GB HBM3";
    device.totalBytes = 85520809984ull;
    device.computeMajor = 9;
    report.devices.push_back(device);
    QCOMPARE(describeGpus(report), std::string("NVIDIA H100 80GB HBM3, 79.6 GiB, compute 9.0"));
    report.devices.clear();
    report.status = kernels::GpuReport::Status::DriverMissing;
    QCOMPARE(describeGpus(report), std::string("No NVIDIA GPU found — training runs on the CPU."));
    report.status = kernels::GpuReport::Status::DriverTooOld;
    report.driverVersion = 12020;
    report.runtimeVersion = 13000;
    const std::string tooOld = describeGpus(report);
    QVERIFY(tooOld.find("12.2") != std::string::npos && tooOld.find("13.0") != std::string::npos);
    report.status = kernels::GpuReport::Status::NoDevice;
    QCOMPARE(describeGpus(report), std::string("No NVIDIA GPU found — training runs on the CPU."));
    report.status = kernels::GpuReport::Status::NotBuiltWithCuda;
    QCOMPARE(describeGpus(report),
             std::string("This build of Tiertune has no CUDA support — training runs on the CPU."));
    report.status = kernels::GpuReport::Status::LibraryMissing;
    report.detail = "libcublas.so.13 is missing: the GPU backend needs NVIDIA's CUDA 13 libraries";
    QCOMPARE(describeGpus(report), "The GPU cannot be used: " + report.detail + ". Training runs on the CPU.");
    report.status = kernels::GpuReport::Status::Error;
    report.detail = "cudaGetDeviceCount: cudaErrorUnknown: unknown error";
    QVERIFY(describeGpus(report).find(report.detail) != std::string::npos);
  }

  void describesEveryGpu() {
    kernels::GpuReport report;
    report.status = kernels::GpuReport::Status::Found;
    for (int i = 0; i < 2; ++i) {
      kernels::GpuDevice device;
      device.index = i;
      device.name = "NVIDIA RTX A6000";
      device.totalBytes = 48ull << 30;
      device.computeMajor = 8;
      device.computeMinor = 6;
      report.devices.push_back(device);
    }
    QCOMPARE(describeGpus(report), std::string("NVIDIA RTX A6000, 48.0 GiB, compute 8.6; "
                                               "NVIDIA RTX A6000, 48.0 GiB, compute 8.6"));
  }

  void namesEveryGpuStatusInJson() {
    using Status = kernels::GpuReport::Status;
    const std::vector<std::pair<Status, std::string>> names = {
        {Status::Found, "found"},
        {Status::NoDevice, "no_device"},
        {Status::DriverMissing, "driver_missing"},
        {Status::DriverTooOld, "driver_too_old"},
        {Status::NotBuiltWithCuda, "not_built_with_cuda"},
        {Status::LibraryMissing, "library_missing"},
        {Status::Error, "error"}};
    for (const auto& [status, name] : names) {
      HardwareReport report;
      report.gpu.status = status;
      QCOMPARE(toJson(report)["gpu"]["status"].get<std::string>(), name);
    }
  }

  // The field names are an interface: bug reports and scripts read them.
  void writesEveryFieldToJson() {
    HardwareReport report;
    report.cpu = {"AMD EPYC 7R13 Processor", 16, 8, true, false};
    report.memory = {64ull << 30, 40ull << 30};
    report.gpu.status = kernels::GpuReport::Status::Found;
    report.gpu.detail = "1 device";
    report.gpu.driverVersion = 13000;
    report.gpu.runtimeVersion = 12040;
    kernels::GpuDevice device;
    device.name = "NVIDIA H100 80GB HBM3";
    device.totalBytes = 80ull << 30;
    device.freeBytes = 79ull << 30;
    device.computeMajor = 9;
    device.multiprocessors = 132;
    device.pciBusId = "0000:01:00.0";
    report.gpu.devices.push_back(device);
    report.offloadFolder = "/srv/offload";
    report.disk = DiskSpace{1000, 600, "ext4"};
    DiskSpeed speed;
    speed.writeBytesPerSecond = 2e9;
    speed.readBytesPerSecond = 3e9;
    speed.bytesWritten = speed.bytesRead = 1 << 30;
    report.diskSpeed = speed;

    const nlohmann::json json = toJson(report);
    QCOMPARE(json["cpu"]["model"].get<std::string>(), std::string("AMD EPYC 7R13 Processor"));
    QCOMPARE(json["cpu"]["logical_cores"].get<int>(), 16);
    QCOMPARE(json["cpu"]["physical_cores"].get<int>(), 8);
    QCOMPARE(json["cpu"]["avx2"].get<bool>(), true);
    QCOMPARE(json["cpu"]["avx512"].get<bool>(), false);
    QCOMPARE(json["memory"]["total_bytes"].get<std::uint64_t>(), 64ull << 30);
    QCOMPARE(json["memory"]["available_bytes"].get<std::uint64_t>(), 40ull << 30);
    QCOMPARE(json["gpu"]["driver_version"].get<std::string>(), std::string("13.0"));
    QCOMPARE(json["gpu"]["runtime_version"].get<std::string>(), std::string("12.4"));
    QCOMPARE(json["gpu"]["detail"].get<std::string>(), std::string("1 device"));
    QCOMPARE(json["gpu"]["summary"].get<std::string>(), describeGpus(report.gpu));
    const nlohmann::json& gpu = json["gpu"]["devices"].at(0);
    QCOMPARE(gpu["index"].get<int>(), 0);
    QCOMPARE(gpu["name"].get<std::string>(), device.name);
    QCOMPARE(gpu["total_bytes"].get<std::uint64_t>(), 80ull << 30);
    QCOMPARE(gpu["free_bytes"].get<std::uint64_t>(), 79ull << 30);
    QCOMPARE(gpu["compute_capability"].get<std::string>(), std::string("9.0"));
    QCOMPARE(gpu["multiprocessors"].get<int>(), 132);
    QCOMPARE(gpu["pci_bus_id"].get<std::string>(), std::string("0000:01:00.0"));
    const nlohmann::json& offload = json["offload"];
    QCOMPARE(offload["folder"].get<std::string>(), std::string("/srv/offload"));
    QCOMPARE(offload["total_bytes"].get<std::uint64_t>(), 1000u);
    QCOMPARE(offload["free_bytes"].get<std::uint64_t>(), 600u);
    QCOMPARE(offload["file_system"].get<std::string>(), std::string("ext4"));
    QVERIFY(!offload.contains("error"));
    QCOMPARE(offload["speed"]["write_bytes_per_second"].get<double>(), 2e9);
    QCOMPARE(offload["speed"]["read_bytes_per_second"].get<double>(), 3e9);
    QCOMPARE(offload["speed"]["bytes_written"].get<std::uint64_t>(), 1u << 30);
    QCOMPARE(offload["speed"]["bytes_read"].get<std::uint64_t>(), 1u << 30);
    QCOMPARE(offload["speed"]["direct_io"].get<bool>(), true);
    QCOMPARE(offload["speed"]["cancelled"].get<bool>(), false);

    report.diskSpeed.reset();
    report.diskSpeedError = "io_uring is not available";
    QCOMPARE(toJson(report)["offload"]["speed_error"].get<std::string>(), report.diskSpeedError);
    QCOMPARE(toJson(HardwareReport{})["gpu"]["driver_version"].get<std::string>(), std::string("none"));
  }

  void probesAndCreatesTheOffloadFolder() {
    auto scratch = tiertune::test::makeScratchDir();
    const fs::path offload = fs::path(scratch->path().toStdString()) / "offload" / "inner";
    const HardwareReport report = probeHardware(offload);
    QVERIFY(fs::is_directory(offload));
    QVERIFY(report.disk.has_value());
    QVERIFY(report.diskError.empty());
    QVERIFY(report.cpu.logicalCores >= 1);
    QVERIFY(report.memory.totalBytes > 0);

    const nlohmann::json json = toJson(report);
    QCOMPARE(json["offload"]["folder"].get<std::string>(), offload.string());
    QVERIFY(json["offload"]["free_bytes"].get<std::uint64_t>() > 0);
    QVERIFY(json["cpu"]["logical_cores"].get<int>() >= 1);
    const std::string status = json["gpu"]["status"].get<std::string>();
    const std::vector<std::string> known = {"found", "no_device", "driver_missing", "driver_too_old",
                                            "not_built_with_cuda", "error"};
    QVERIFY(std::find(known.begin(), known.end(), status) != known.end());
    QVERIFY(json["gpu"]["devices"].is_array());
    QVERIFY(!json["offload"].contains("speed"));
  }

  void anUnusableOffloadFolderIsReportedNotThrown() {
    auto scratch = tiertune::test::makeScratchDir();
    const fs::path file = fs::path(scratch->path().toStdString()) / "file";
    { std::ofstream(file) << "x"; }
    const HardwareReport report = probeHardware(file / "offload");
    QVERIFY(!report.disk.has_value());
    QVERIFY(report.diskError.find(file.string()) != std::string::npos);
    QVERIFY(toJson(report)["offload"].contains("error"));
  }
};

QTEST_GUILESS_MAIN(HardwareReportTest)
#include "tst_hardware_report.moc"
