// The hardware report: formats people read, the JSON that doctor --json prints, and the probe of
// the offload folder.
#include <QTest>
#include <algorithm>
#include <cmath>
#include <fstream>
#include <filesystem>
#include <nlohmann/json.hpp>

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
